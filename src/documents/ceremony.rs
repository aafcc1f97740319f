//! The documents of a signing ceremony that exist only for it: the press release draft announcing it (a template
//! whose title and body become a `PressRelease` record the user edits) and the one-page checklist (who brings
//! what, what to print where and when, the banners' preflight verdicts). `api::ceremony_kit` puts them in the kit
//! beside the agreement, banners and fact sheets.

use chrono::{Days, NaiveDate};
use uuid::Uuid;

use super::context::*;
use super::{base_parts, profile, render_text, target, text, val, BannerSize, DocKind, Pdf, Preflight, TemplateName};
use crate::error::{Error, Result};
use crate::i18n::{tr, Arg, Lang};
use crate::model::{PressRelease, Sponsor, Sponsorship};
use crate::store::Dossier;

/// Print shops need a week for a roll-up banner.
pub const BANNER_LEAD_DAYS: u64 = 7;
/// The press release goes out the day before the ceremony.
pub const RELEASE_LEAD_DAYS: u64 = 1;

/// A ceremony with what the kit needs: its date and place.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduledCeremony {
    pub date: NaiveDate,
    pub place: String,
}

/// The ceremony of a sponsorship, or the refusal naming what it lacks (its date, its place, or both).
pub fn ceremony_of(s: &Sponsorship) -> Result<ScheduledCeremony> {
    let c = s.ceremony.as_ref();
    let date = c.and_then(|c| c.date);
    let place = c.and_then(|c| c.place.clone()).filter(|p| !p.trim().is_empty());
    match (date, place) {
        (Some(date), Some(place)) => Ok(ScheduledCeremony { date, place }),
        (date, place) => Err(Error::NoCeremony { date: date.is_none(), place: place.is_none() }),
    }
}

fn ceremony_ctx(c: &ScheduledCeremony, lang: Lang) -> CeremonyCtx {
    CeremonyCtx { date: write_date(c.date, lang), place: c.place.clone() }
}

/// The three cities of the collective's date lines when its profile names none.
fn default_cities(lang: Lang) -> Vec<String> {
    let geneva = match lang {
        Lang::Fr => "Genève",
        Lang::En => "Geneva",
    };
    ["Paris", "Lyon", geneva].map(String::from).to_vec()
}

/// The press release draft announcing a sponsorship's ceremony, in `lang`, not yet saved: title and body from the
/// dossier's ceremony-release template, dated the day it goes out (the day before the ceremony, or today when that
/// is past), with the collective's cities on its date line (Paris, Lyon, Geneva when the profile names none).
pub fn ceremony_release(d: &Dossier, sponsorship: Uuid, lang: Lang, today: NaiveDate) -> Result<PressRelease> {
    let s = d.get::<Sponsorship>(sponsorship)?;
    let ceremony = ceremony_of(&s)?;
    let sp = d.get::<Sponsor>(s.sponsor_id)?;
    let prof = profile(d)?;
    let ctx = CeremonyReleaseCtx {
        lang,
        collective: collective(&prof, lang),
        sponsor: sponsor(&sp, lang),
        target: target(d, &s, lang, today)?,
        ceremony: ceremony_ctx(&ceremony, lang),
        today: write_date(today, lang),
    };
    let t = TemplateName::new(DocKind::CeremonyRelease, lang);
    let (title, body) = text::draft(t.as_str(), &d.template_source(t)?, &val(&ctx))?;
    let send_on = ceremony.date.checked_sub_days(Days::new(RELEASE_LEAD_DAYS)).unwrap_or(ceremony.date);
    Ok(PressRelease {
        date: send_on.max(today),
        cities: if prof.cities.is_empty() { default_cities(lang) } else { vec![] },
        title,
        body,
        lang,
        contacts: vec![],
        in_press_kit: false,
    })
}

/// A banner of the kit: whose it is, the file it was written to, and its preflight.
#[derive(Debug, Clone)]
pub struct KitBanner {
    pub detainee: String,
    pub file: String,
    pub preflight: Preflight,
}

fn banner_check(b: &KitBanner, lang: Lang) -> BannerCheck {
    let level = if b.preflight.has_errors() {
        "error"
    } else if b.preflight.findings.is_empty() {
        "ok"
    } else {
        "warning"
    };
    BannerCheck {
        detainee: b.detainee.clone(),
        file: b.file.clone(),
        level: level.into(),
        verdict: tr(lang, &format!("kit-preflight-{level}"), &[]),
        findings: b.preflight.findings.iter().map(|f| f.message.clone()).collect(),
    }
}

/// The one-page checklist of a sponsorship's ceremony, in `lang`: the agreement in `agreement_langs` (two copies
/// each), the banners with their preflight verdicts, at `size` with `bleed_mm`.
pub fn checklist(
    d: &Dossier,
    sponsorship: Uuid,
    agreement_langs: &[Lang],
    banners: &[KitBanner],
    (size, bleed_mm): (BannerSize, f32),
    lang: Lang,
    today: NaiveDate,
) -> Result<Pdf> {
    let s = d.get::<Sponsorship>(sponsorship)?;
    let ceremony = ceremony_of(&s)?;
    let sp = d.get::<Sponsor>(s.sponsor_id)?;
    let prof = profile(d)?;
    let before = |days| ceremony.date.checked_sub_days(Days::new(days)).unwrap_or(ceremony.date);
    let banner_deadline = before(BANNER_LEAD_DAYS);
    let checks: Vec<BannerCheck> = banners.iter().map(|b| banner_check(b, lang)).collect();
    let mut to_check: Vec<BannerCheck> = checks.iter().filter(|c| c.level != "ok").cloned().collect();
    to_check.sort_by_key(|c| c.level != "error");
    let (w, h) = size.trim_mm();
    let ctx = ChecklistCtx {
        lang,
        collective: collective(&prof, lang),
        sponsor: sponsor(&sp, lang),
        target: target(d, &s, lang, today)?,
        ceremony: ceremony_ctx(&ceremony, lang),
        banner_deadline: write_date(banner_deadline, lang),
        banner_late: banner_deadline < today,
        release_deadline: write_date(before(RELEASE_LEAD_DAYS), lang),
        agreement_copies: 2 * agreement_langs.len() as u64,
        agreement_languages: agreement_langs
            .iter()
            .map(|l| tr(lang, &format!("kit-lang-{}", l.code()), &[]))
            .collect::<Vec<_>>()
            .join(", "),
        banner_size: tr(
            lang,
            "kit-banner-size",
            &[("size", Arg::from(&size_text(w, h))), ("bleed", Arg::from(&format!("{}", bleed_mm.round() as i64)))],
        ),
        banners_ready: checks.iter().filter(|c| c.level == "ok").count() as u64,
        banners: checks,
        banners_to_check: to_check,
        today: write_date(today, lang),
    };
    let mut parts = base_parts(&ctx.collective);
    parts.sponsor = Some(&ctx.sponsor);
    render_text(d, DocKind::CeremonyChecklist, &val(&ctx), lang, &parts)
}

/// "850 × 2000 mm" (A sizes too: their trim size in mm).
fn size_text(w: f32, h: f32) -> String {
    format!("{} × {} mm", w.round() as i64, h.round() as i64)
}
