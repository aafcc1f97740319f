//! The campaign's documents, from editable templates: sponsorship agreements, roll-up banners and posters,
//! detainee fact sheets, press releases and press kits, and social-media cards (PNG).
//!
//! Each document is built in three steps: a *context* of public, consented data (`context.rs`), a template
//! rendered with it (`template.rs`), and typesetting by `libertas-typeset` (`text.rs` for text documents,
//! `banner.rs` for banners, `card.rs` for social-media cards, rasterised from their PDF). Which template a document uses, and how each kind's templates are checked against
//! fictional samples, is `kind.rs` ([`DocKind`], [`TemplateName`]). Files are written whole or not at all
//! ([`write_pdf`]).

pub mod banner;
pub mod card;
mod ceremony;
pub mod context;
pub mod kind;
mod samples;
pub mod template;
mod text;
mod typesetting;
pub mod typography;
pub use typesetting::Images;
pub(crate) use typesetting::{typeset_error, typeset_lang};

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use libertas_typeset as typeset;
use minijinja::Value;
use uuid::Uuid;

pub use banner::{BannerSize, Preflight, Print};
pub use card::{CardFormat, CardPdf};
pub use ceremony::{ceremony_of, ceremony_release, checklist, KitBanner, ScheduledCeremony};
use context::*;
pub use kind::{DocKind, TemplateInfo, TemplateName};

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::{Detainee, Media, PressRelease, Sponsor, Sponsorship, Stage, Stored};
use crate::store::{DetaineeFilter, Dossier};

/// A rendered document.
#[derive(Debug, Clone)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

fn profile(d: &Dossier) -> Result<crate::model::Profile> {
    d.profile()?.map(|p| p.data).ok_or(Error::NoProfile)
}

fn photos_by_detainee(d: &Dossier) -> Result<BTreeMap<Uuid, Vec<Stored<Media>>>> {
    let mut map: BTreeMap<Uuid, Vec<Stored<Media>>> = BTreeMap::new();
    for m in d.list::<Media>()? {
        if let Some(id) = m.detainee_id {
            map.entry(id).or_default().push(m);
        }
    }
    Ok(map)
}

fn public_or_refuse(d: &Dossier, id: Uuid, lang: Lang, today: NaiveDate) -> Result<PublicDetainee> {
    let p = d.get::<Detainee>(id)?;
    let photos = d.photos_of(id)?;
    public_detainee(&p, &photos, lang, today).ok_or_else(|| Error::NotPublic { name: p.name.clone() })
}

fn build_text(
    d: &Dossier,
    kind: DocKind,
    ctx: &Value,
    lang: Lang,
    parts: &text::Parts<'_>,
) -> Result<typeset::Document> {
    let t = TemplateName::new(kind, lang);
    let mut images = Images::new(d);
    text::build(t.as_str(), &d.template_source(t)?, ctx, lang, parts, &mut images)
}

/// Builds and typesets a text document of `kind` from the dossier's template.
pub(crate) fn render_text(d: &Dossier, kind: DocKind, ctx: &Value, lang: Lang, parts: &text::Parts<'_>) -> Result<Pdf> {
    typeset_text(&build_text(d, kind, ctx, lang, parts)?)
}

pub(crate) fn render_source(
    d: &Dossier,
    name: &str,
    source: &str,
    ctx: &Value,
    lang: Lang,
    parts: &text::Parts<'_>,
) -> Result<Pdf> {
    let mut images = Images::new(d);
    typeset_text(&text::build(name, source, ctx, lang, parts, &mut images)?)
}

/// Typesets a text document built by one of the `…_document` functions: what [`agreement`], [`presskit`]… do
/// after building it.
pub fn typeset_text(doc: &typeset::Document) -> Result<Pdf> {
    let r = typeset::render_with_layout(doc).map_err(typeset_error)?;
    Ok(Pdf { bytes: r.pdf, pages: r.layout.page_count })
}

pub(crate) fn base_parts(c: &CollectiveCtx) -> text::Parts<'static> {
    text::Parts {
        collective_name: c.name.clone(),
        collective_logos: c.logos.clone(),
        collective_signatory: Some((c.signatory.name.clone(), c.signatory.title.clone()))
            .filter(|(n, _)| !n.is_empty()),
        ..Default::default()
    }
}

/// The sponsorship agreement of one sponsorship.
pub fn agreement(d: &Dossier, sponsorship: Uuid, lang: Lang, today: NaiveDate) -> Result<Pdf> {
    agreement_copy(d, sponsorship, lang, today, None)
}

/// The agreement marked as one of the copies to sign (`Some((1, 2))`: "copy 1 of 2", at the top of its first page
/// and in its footer), whatever its template says.
pub fn agreement_copy(
    d: &Dossier,
    sponsorship: Uuid,
    lang: Lang,
    today: NaiveDate,
    copy: Option<(u32, u32)>,
) -> Result<Pdf> {
    typeset_text(&agreement_document(d, sponsorship, lang, today, copy)?)
}

/// The agreement as it is given to the typesetter (its blocks, text final): [`agreement_copy`] without the
/// typesetting. For measuring the typesetting alone and for reproducing the document with another engine
/// (`examples/render-timing.rs`).
pub fn agreement_document(
    d: &Dossier,
    sponsorship: Uuid,
    lang: Lang,
    today: NaiveDate,
    copy: Option<(u32, u32)>,
) -> Result<typeset::Document> {
    let s = d.get::<Sponsorship>(sponsorship)?;
    let sp = d.get::<Sponsor>(s.sponsor_id)?;
    let prof = profile(d)?;
    let target = target(d, &s, lang, today)?;
    let ceremony = s.ceremony.clone().unwrap_or_default();
    let ctx = AgreementCtx {
        lang,
        collective: collective(&prof, lang),
        sponsor: sponsor(&sp, lang),
        place: ceremony.place.or_else(|| sp.city.clone()).unwrap_or_default(),
        date: write_date(ceremony.date.unwrap_or(today), lang),
        today: write_date(today, lang),
        commitments: commitments(Some(&s), lang),
        target,
    };
    let mut parts = base_parts(&ctx.collective);
    parts.sponsor = Some(&ctx.sponsor);
    parts.copy = copy;
    build_text(d, DocKind::Agreement, &val(&ctx), lang, &parts)
}

/// Who a sponsorship supports, as documents show it: one public detainee (refused when their name may not be
/// published), or for the whole group every public detainee still held.
pub(crate) fn target(d: &Dossier, s: &Sponsorship, lang: Lang, today: NaiveDate) -> Result<Target> {
    Ok(match s.detainee_id {
        Some(id) => Target { whole_group: false, detainee: Some(public_or_refuse(d, id, lang, today)?), group: vec![] },
        None => {
            let photos = photos_by_detainee(d)?;
            let people = d.detainees(&DetaineeFilter::default(), 0, u64::MAX >> 1)?.items;
            let group = people
                .iter()
                .filter(|p| p.status().is_none_or(crate::model::Status::is_held))
                .filter_map(|p| public_detainee(p, photos.get(&p.id).map(Vec::as_slice).unwrap_or(&[]), lang, today))
                .collect();
            Target { whole_group: true, detainee: None, group }
        }
    })
}

/// The people a whole-group sponsorship's documents show, as [`target`] lists them (public and still held), with
/// their ids.
pub fn group_members(d: &Dossier, lang: Lang, today: NaiveDate) -> Result<Vec<(Uuid, String)>> {
    let photos = photos_by_detainee(d)?;
    let people = d.detainees(&DetaineeFilter::default(), 0, u64::MAX >> 1)?.items;
    Ok(people
        .iter()
        .filter(|p| p.status().is_none_or(crate::model::Status::is_held))
        .filter(|p| public_detainee(p, photos.get(&p.id).map(Vec::as_slice).unwrap_or(&[]), lang, today).is_some())
        .map(|p| (p.id, p.name.clone()))
        .collect())
}

/// The one-page fact sheet of a detainee (public, consented items only).
pub fn factsheet(d: &Dossier, detainee: Uuid, lang: Lang, today: NaiveDate) -> Result<Pdf> {
    let prof = profile(d)?;
    let ctx = FactsheetCtx {
        lang,
        collective: collective(&prof, lang),
        detainee: public_or_refuse(d, detainee, lang, today)?,
        today: write_date(today, lang),
    };
    let mut parts = base_parts(&ctx.collective);
    parts.detainees.insert(ctx.detainee.id.clone(), &ctx.detainee);
    typeset_text(&build_text(d, DocKind::Factsheet, &val(&ctx), lang, &parts)?)
}

/// A press release, in its own language.
pub fn press_release(d: &Dossier, id: Uuid, today: NaiveDate) -> Result<Pdf> {
    press_release_draft(d, &d.get::<PressRelease>(id)?.data, today)
}

/// A press release as being edited (not necessarily saved), for the editor's live preview.
pub fn press_release_draft(d: &Dossier, r: &PressRelease, today: NaiveDate) -> Result<Pdf> {
    let prof = profile(d)?;
    let lang = r.lang;
    let ctx = PressReleaseCtx {
        lang,
        collective: collective(&prof, lang),
        release: release(r, &prof),
        today: write_date(today, lang),
    };
    let parts = base_parts(&ctx.collective);
    typeset_text(&build_text(d, DocKind::PressRelease, &val(&ctx), lang, &parts)?)
}

/// The press kit: the collective, figures, detainees by category, sponsors, how to sponsor, press releases.
pub fn presskit(d: &Dossier, lang: Lang, today: NaiveDate) -> Result<Pdf> {
    typeset_text(&presskit_document(d, lang, today)?)
}

/// The press kit as it is given to the typesetter: [`presskit`] without the typesetting (see
/// [`agreement_document`]).
pub fn presskit_document(d: &Dossier, lang: Lang, today: NaiveDate) -> Result<typeset::Document> {
    let prof = profile(d)?;
    let people = d.detainees(&DetaineeFilter::default(), 0, u64::MAX >> 1)?.items;
    let photos = photos_by_detainee(d)?;
    let ships = d.sponsorships(None, None)?;
    let sponsors = d.list::<Sponsor>()?;
    // A sponsor appears once its commitment is public: signed or active.
    let public_sponsors: Vec<&Stored<Sponsor>> = sponsors
        .iter()
        .filter(|s| ships.iter().any(|x| x.sponsor_id == s.id && matches!(x.stage, Stage::Signed | Stage::Active)))
        .collect();
    let signed = ships.iter().filter(|x| matches!(x.stage, Stage::Signed | Stage::Active)).count() as u64;
    let (figures, categories) = campaign(&people, &photos, public_sponsors.len() as u64, signed, lang, today);
    let mut releases: Vec<Stored<PressRelease>> =
        d.list::<PressRelease>()?.into_iter().filter(|r| r.in_press_kit).collect();
    releases.sort_by_key(|r| std::cmp::Reverse(r.date));
    let ctx = PresskitCtx {
        lang,
        collective: collective(&prof, lang),
        figures,
        categories,
        sponsors: public_sponsors.iter().map(|s| sponsor(s, lang)).collect(),
        commitments: commitments(None, lang),
        press_releases: releases.iter().map(|r| release(r, &prof)).collect(),
        today: write_date(today, lang),
    };
    let mut parts = base_parts(&ctx.collective);
    for c in &ctx.categories {
        for p in &c.detainees {
            parts.detainees.insert(p.id.clone(), p);
        }
    }
    parts.sponsors = ctx.sponsors.iter().collect();
    build_text(d, DocKind::Presskit, &val(&ctx), lang, &parts)
}

/// A roll-up banner or poster of a detainee, with its preflight report. Without `sponsor`, the sponsor of the
/// detainee's signed or active sponsorship is used when there is exactly one.
pub fn banner(
    d: &Dossier,
    detainee: Uuid,
    sponsor_id: Option<Uuid>,
    size: BannerSize,
    bleed_mm: f32,
    lang: Lang,
    today: NaiveDate,
) -> Result<(Pdf, Preflight)> {
    banner_as(d, detainee, sponsor_id, Print { size, bleed_mm, pdfx: false }, lang, today)
}

/// [`banner`] printed as `print` says: size, bleed, and a PDF/X-4 file or a plain PDF.
pub fn banner_as(
    d: &Dossier,
    detainee: Uuid,
    sponsor_id: Option<Uuid>,
    print: Print,
    lang: Lang,
    today: NaiveDate,
) -> Result<(Pdf, Preflight)> {
    let placed = banner_placed(d, detainee, sponsor_id, print.size, print.bleed_mm, lang, today)?;
    let (bytes, preflight) = banner::typeset_placed(placed, print.pdfx, lang)?;
    Ok((Pdf { bytes, pages: 1 }, preflight))
}

/// The banner's canvas as it is given to the typesetter: [`banner`] without the typesetting and the preflight (see
/// [`agreement_document`]).
pub fn banner_canvas(
    d: &Dossier,
    detainee: Uuid,
    sponsor_id: Option<Uuid>,
    size: BannerSize,
    bleed_mm: f32,
    lang: Lang,
    today: NaiveDate,
) -> Result<typeset::Canvas> {
    Ok(banner_placed(d, detainee, sponsor_id, size, bleed_mm, lang, today)?.canvas)
}

fn banner_placed(
    d: &Dossier,
    detainee: Uuid,
    sponsor_id: Option<Uuid>,
    size: BannerSize,
    bleed_mm: f32,
    lang: Lang,
    today: NaiveDate,
) -> Result<banner::Placed> {
    if !(0.0..=banner::MAX_BLEED_MM).contains(&bleed_mm) || !bleed_mm.is_finite() {
        return Err(Error::Invalid(crate::error::Invalid::new(
            "bleed",
            crate::error::Reason::BadNumber { value: bleed_mm.to_string() },
        )));
    }
    let ctx = banner_ctx(d, detainee, sponsor_id, lang, today)?;
    let t = TemplateName::new(DocKind::banner(size), lang);
    let layout = banner::parse_layout(t.as_str(), &d.template_source(t)?)?;
    let mut images = Images::new(d);
    banner::place(t.as_str(), &layout, &ctx, size, bleed_mm, lang, &mut images)
}

/// What a banner or a social-media card of `detainee` shows (public and consented data only). Without `sponsor_id`,
/// the sponsor of the detainee's agreed, signed or active sponsorship when there is exactly one.
fn banner_ctx(
    d: &Dossier,
    detainee: Uuid,
    sponsor_id: Option<Uuid>,
    lang: Lang,
    today: NaiveDate,
) -> Result<BannerCtx> {
    let prof = profile(d)?;
    let sponsor_id = match sponsor_id {
        Some(s) => Some(s),
        None => {
            let taking: Vec<Uuid> = d
                .sponsorships(None, Some(detainee))?
                .iter()
                .filter(|s| s.stage.takes_the_banner())
                .map(|s| s.sponsor_id)
                .collect();
            (taking.len() == 1).then(|| taking[0])
        }
    };
    let sponsor_ctx = sponsor_id.map(|id| d.get::<Sponsor>(id).map(|s| sponsor(&s, lang))).transpose()?;
    Ok(BannerCtx {
        lang,
        collective: collective(&prof, lang),
        detainee: public_or_refuse(d, detainee, lang, today)?,
        sponsor: sponsor_ctx,
        today: write_date(today, lang),
    })
}

/// A social-media card of a detainee, laid out (see [`card`]): its one-page PDF, which [`card_png`] rasterises.
/// Without `sponsor_id`, as for a banner. A detainee without a usable (public, consented) photo still gets a card:
/// the photo zone takes the template's `no_photo` colour and the default templates print the name large there.
pub fn card_pdf(
    d: &Dossier,
    detainee: Uuid,
    sponsor_id: Option<Uuid>,
    format: CardFormat,
    lang: Lang,
    today: NaiveDate,
) -> Result<CardPdf> {
    let ctx = banner_ctx(d, detainee, sponsor_id, lang, today)?;
    let t = TemplateName::new(DocKind::Card, lang);
    let layout = card::parse_layout(t.as_str(), &d.template_source(t)?)?;
    let mut images = Images::new(d);
    let pdf = card::render_pdf(t.as_str(), &layout, &ctx, &[format], lang, &mut images)?;
    Ok(CardPdf { pdf, format })
}

/// A social-media card of a detainee as a PNG at exactly its format's pixel size (see [`card_pdf`]).
pub fn card_png(
    d: &Dossier,
    detainee: Uuid,
    sponsor_id: Option<Uuid>,
    format: CardFormat,
    lang: Lang,
    today: NaiveDate,
) -> Result<Vec<u8>> {
    card::rasterise(card_pdf(d, detainee, sponsor_id, format, lang, today)?)
}

/// Writes a file whole or not at all: into a temporary file beside it, flushed to disk, then renamed over the
/// target. A failure (full disk, no permission) leaves no half-written PDF and any previous file untouched.
/// Replaces an existing file: for a path the user confirmed (a save dialog asks before replacing).
pub fn write_pdf(path: &Path, bytes: &[u8]) -> Result<()> {
    write_pdf_as(path, bytes, crate::files::Existing::Replace)
}

/// [`write_pdf`], replacing an existing file only as `existing` says (`render … -o` refuses one without
/// `--force`).
pub fn write_pdf_as(path: &Path, bytes: &[u8], existing: crate::files::Existing) -> Result<()> {
    crate::files::write_bytes(path, existing, bytes)
}

/// Renders a template being edited (not yet saved) against the complete fictional context its check uses, so the
/// editor can show what the document will look like and every error with its line. Banners come with their
/// preflight report.
pub fn preview_template(d: &Dossier, name: &str, source: &str) -> Result<(Pdf, Option<Preflight>)> {
    name.parse::<TemplateName>()?.preview(d, source)
}

fn val<T: serde::Serialize>(ctx: &T) -> Value {
    Value::from(minijinja::value::Serde(ctx))
}
