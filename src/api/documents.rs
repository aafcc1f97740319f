//! Documents as both front doors ask for them: one request type for every document kind, mapped to the core's
//! renderers in one place ([`render`]), social-media cards (PNG, [`render_card`]), the file name a document is
//! offered under, the sponsor a banner or card names, and who gets a banner in a batch.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::documents::{self, BannerSize, CardFormat, Pdf, Preflight};
use crate::error::Result;
use crate::model::{Detainee, PressRelease, Sponsor, Sponsorship};
use crate::{Dossier, Lang};

/// A document to generate.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DocRequest {
    Agreement {
        sponsorship: Uuid,
        lang: Lang,
    },
    Factsheet {
        detainee: Uuid,
        lang: Lang,
    },
    PressRelease {
        id: Uuid,
    },
    Presskit {
        lang: Lang,
    },
    // Without `sponsor`: the one `banner_sponsor` picks. `pdfx`: a PDF/X-4 file (false when absent).
    Banner {
        detainee: Uuid,
        sponsor: Option<Uuid>,
        size: BannerSize,
        bleed_mm: f32,
        lang: Lang,
        #[serde(default)]
        pdfx: bool,
    },
}

/// A rendered document with the name it is offered under (`<kind>-<who>.pdf`, in the document's language).
pub struct Rendered {
    pub pdf: Pdf,
    /// Banners only.
    pub preflight: Option<Preflight>,
    pub file_name: String,
}

/// Renders the requested document. The only place that maps a document choice to the core's renderer.
pub fn render(d: &Dossier, req: DocRequest, today: NaiveDate) -> Result<Rendered> {
    let (pdf, preflight, name) = match req {
        DocRequest::Agreement { sponsorship, lang } => {
            let pdf = documents::agreement(d, sponsorship, lang, today)?;
            let s = d.get::<Sponsorship>(sponsorship)?;
            let sponsor = d.get::<Sponsor>(s.sponsor_id)?.data.name;
            let detainee = s.detainee_id.map(|id| d.get::<Detainee>(id).map(|p| p.data.name)).transpose()?;
            (pdf, None, format!("{}-{sponsor}-{}", file_word(lang, "agreement"), detainee.unwrap_or_default()))
        }
        DocRequest::Factsheet { detainee, lang } => {
            let name = d.get::<Detainee>(detainee)?.data.name;
            (documents::factsheet(d, detainee, lang, today)?, None, format!("{}-{name}", file_word(lang, "factsheet")))
        }
        DocRequest::PressRelease { id } => {
            let r = d.get::<PressRelease>(id)?;
            (documents::press_release(d, id, today)?, None, format!("{}-{}", r.date, r.title))
        }
        DocRequest::Presskit { lang } => (documents::presskit(d, lang, today)?, None, file_word(lang, "presskit")),
        DocRequest::Banner { detainee, sponsor, size, bleed_mm, lang, pdfx } => {
            let name = d.get::<Detainee>(detainee)?.data.name;
            let sponsor = match sponsor {
                Some(s) => Some(s),
                None => banner_sponsor(d, detainee)?,
            };
            let print = documents::Print { size, bleed_mm, pdfx };
            let (pdf, pre) = documents::banner_as(d, detainee, sponsor, print, lang, today)?;
            (pdf, Some(pre), banner_file_name(lang, &name, size))
        }
    };
    Ok(Rendered { pdf, preflight, file_name: pdf_file_name(&name) })
}

/// A social-media card to generate: a PNG, not a PDF, so it has its own request beside [`DocRequest`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CardRequest {
    pub detainee: Uuid,
    /// Without it: the one [`banner_sponsor`] picks.
    pub sponsor: Option<Uuid>,
    pub format: CardFormat,
    pub lang: Lang,
}

/// A rendered card with the name it is offered under (`card-<name>-<format>.png`, in the card's language).
pub struct RenderedCard {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub file_name: String,
}

/// Renders the requested card at its format's exact pixel size. The only place that maps a card request to the
/// core's renderer.
pub fn render_card(d: &Dossier, req: CardRequest, today: NaiveDate) -> Result<RenderedCard> {
    let CardRequest { detainee, sponsor, format, lang } = req;
    let name = d.get::<Detainee>(detainee)?.data.name;
    // Without a sponsor, the core picks the one `banner_sponsor` picks.
    let png = documents::card_png(d, detainee, sponsor, format, lang, today)?;
    let (width, height) = format.pixels();
    Ok(RenderedCard { png, width, height, file_name: card_file_name(lang, &name, format) })
}

/// A card's file name: `card-<name>-<format>.png` (`carte-…` in French; the format's slug in both languages).
pub fn card_file_name(lang: Lang, name: &str, format: CardFormat) -> String {
    format!("{}.png", file_stem(&format!("{}-{name}-{}", file_word(lang, "card"), format.slug())))
}

/// The sponsor a banner of `detainee` names unless told otherwise: the sponsor of their agreed, signed or active
/// sponsorship when there is exactly one (`Stage::takes_the_banner`), else none. The app preselects it.
pub fn banner_sponsor(d: &Dossier, detainee: Uuid) -> Result<Option<Uuid>> {
    let taking: Vec<Uuid> = d
        .sponsorships(None, Some(detainee))?
        .iter()
        .filter(|s| s.stage.takes_the_banner())
        .map(|s| s.sponsor_id)
        .collect();
    Ok((taking.len() == 1).then(|| taking[0]))
}

/// The people a batch of banners is for: every detainee with a sponsorship that has not ended, once each (in id
/// order), with their names.
pub fn sponsored_detainees(d: &Dossier) -> Result<Vec<(Uuid, String)>> {
    let mut ids: Vec<Uuid> =
        d.sponsorships(None, None)?.iter().filter(|s| s.stage.is_live()).filter_map(|s| s.detainee_id).collect();
    ids.sort();
    ids.dedup();
    ids.into_iter().map(|id| d.get::<Detainee>(id).map(|p| (id, p.data.name))).collect()
}

/// A banner's file name without extension: `banner-<name>-<size>`, in the document's language.
pub fn banner_file_name(lang: Lang, name: &str, size: BannerSize) -> String {
    file_stem(&format!("{}-{name}-{}", file_word(lang, "banner"), size.slug()))
}

/// `<stem>.pdf`, the stem cleaned to letters, digits and single hyphens (at most 80 characters).
pub fn pdf_file_name(name: &str) -> String {
    format!("{}.pdf", file_stem(name))
}

pub(crate) fn file_word(lang: Lang, what: &str) -> String {
    crate::i18n::tr(lang, &format!("app-file-{what}"), &[])
}

/// `s` made a safe file name stem (letters, digits and single hyphens).
pub fn file_stem(s: &str) -> String {
    let cleaned: String = s.chars().map(|c| if c.is_alphanumeric() || c == '-' { c } else { '-' }).collect::<String>();
    let trimmed = cleaned.trim_matches('-');
    let mut out = String::new();
    for part in trimmed.split('-').filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(part);
    }
    out.chars().take(80).collect()
}
