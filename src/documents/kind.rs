//! The kinds of document, and their templates. Each kind owns its template's file name, its default sources (from
//! `assets/templates/`, compiled in), its complete fictional sample, and how a template of its kind is checked and
//! previewed. Adding a kind is adding a variant to [`DocKind`]: the compiler points at every match that must learn it.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use minijinja::Value;
use serde::Serialize;

use super::banner::{self, BannerSize, Preflight};
use super::card::{self, CardFormat};
use super::context::{BannerCtx, PressReleaseCtx};
use super::{base_parts, render_source, samples, text, val, Images, Pdf};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::store::Dossier;

/// A kind of document printed from a template. Crosses IPC as `agreement`, `banner_rollup`…, so the app names a
/// template's kind without reading its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum DocKind {
    Agreement,
    Factsheet,
    PressRelease,
    Presskit,
    BannerRollup,
    BannerPoster,
    /// Social-media cards (PNG), every format in one layout template.
    Card,
    /// The press release draft announcing a signing ceremony: its title and body become a press release record.
    CeremonyRelease,
    /// The one-page checklist of a signing ceremony.
    CeremonyChecklist,
}

impl DocKind {
    /// Every kind, in the order templates are listed.
    pub const ALL: [DocKind; 9] = [
        DocKind::Agreement,
        DocKind::Factsheet,
        DocKind::PressRelease,
        DocKind::Presskit,
        DocKind::BannerRollup,
        DocKind::BannerPoster,
        DocKind::Card,
        DocKind::CeremonyRelease,
        DocKind::CeremonyChecklist,
    ];

    /// The template's name in one language's folder, and its default source.
    fn default_template(self, lang: Lang) -> (&'static str, &'static str) {
        use DocKind::*;
        use Lang::*;
        match (self, lang) {
            (Agreement, Fr) => ("fr/agreement.md", include_str!("../../assets/templates/fr/agreement.md")),
            (Agreement, En) => ("en/agreement.md", include_str!("../../assets/templates/en/agreement.md")),
            (Factsheet, Fr) => ("fr/factsheet.md", include_str!("../../assets/templates/fr/factsheet.md")),
            (Factsheet, En) => ("en/factsheet.md", include_str!("../../assets/templates/en/factsheet.md")),
            (PressRelease, Fr) => ("fr/press-release.md", include_str!("../../assets/templates/fr/press-release.md")),
            (PressRelease, En) => ("en/press-release.md", include_str!("../../assets/templates/en/press-release.md")),
            (Presskit, Fr) => ("fr/presskit.md", include_str!("../../assets/templates/fr/presskit.md")),
            (Presskit, En) => ("en/presskit.md", include_str!("../../assets/templates/en/presskit.md")),
            (BannerRollup, Fr) => {
                ("fr/banner-rollup.toml", include_str!("../../assets/templates/fr/banner-rollup.toml"))
            }
            (BannerRollup, En) => {
                ("en/banner-rollup.toml", include_str!("../../assets/templates/en/banner-rollup.toml"))
            }
            (BannerPoster, Fr) => {
                ("fr/banner-poster.toml", include_str!("../../assets/templates/fr/banner-poster.toml"))
            }
            (BannerPoster, En) => {
                ("en/banner-poster.toml", include_str!("../../assets/templates/en/banner-poster.toml"))
            }
            (Card, Fr) => ("fr/card.toml", include_str!("../../assets/templates/fr/card.toml")),
            (Card, En) => ("en/card.toml", include_str!("../../assets/templates/en/card.toml")),
            (CeremonyRelease, Fr) => {
                ("fr/ceremony-release.md", include_str!("../../assets/templates/fr/ceremony-release.md"))
            }
            (CeremonyRelease, En) => {
                ("en/ceremony-release.md", include_str!("../../assets/templates/en/ceremony-release.md"))
            }
            (CeremonyChecklist, Fr) => {
                ("fr/ceremony-checklist.md", include_str!("../../assets/templates/fr/ceremony-checklist.md"))
            }
            (CeremonyChecklist, En) => {
                ("en/ceremony-checklist.md", include_str!("../../assets/templates/en/ceremony-checklist.md"))
            }
        }
    }

    /// The template's file name, the same in every language's folder (`agreement.md`).
    pub fn file_name(self) -> &'static str {
        let (name, _) = self.default_template(Lang::Fr);
        name.split_once('/').map_or(name, |(_, file)| file)
    }

    /// The banner layout that prints at `size`.
    pub fn banner(size: BannerSize) -> DocKind {
        if size.is_rollup() {
            DocKind::BannerRollup
        } else {
            DocKind::BannerPoster
        }
    }

    /// Calls `f` with this kind's complete fictional sample: what its templates see, and for text documents the
    /// parts their directives draw from.
    fn with_sample<R>(self, lang: Lang, f: impl FnOnce(Sample<'_>) -> R) -> R {
        match self {
            DocKind::Agreement => {
                let ctx = samples::agreement(lang);
                let mut parts = base_parts(&ctx.collective);
                parts.sponsor = Some(&ctx.sponsor);
                if let Some(p) = &ctx.target.detainee {
                    parts.detainees.insert(p.id.clone(), p);
                }
                f(Sample::Text { ctx: val(&ctx), parts })
            }
            DocKind::Factsheet => {
                let ctx = samples::factsheet(lang);
                let mut parts = base_parts(&ctx.collective);
                parts.detainees.insert(ctx.detainee.id.clone(), &ctx.detainee);
                f(Sample::Text { ctx: val(&ctx), parts })
            }
            DocKind::PressRelease => {
                let ctx = samples::press_release(lang);
                let parts = base_parts(&ctx.collective);
                f(Sample::Text { ctx: val(&ctx), parts })
            }
            DocKind::Presskit => {
                let ctx = samples::presskit(lang);
                let mut parts = base_parts(&ctx.collective);
                for c in &ctx.categories {
                    for p in &c.detainees {
                        parts.detainees.insert(p.id.clone(), p);
                    }
                }
                parts.sponsors = ctx.sponsors.iter().collect();
                f(Sample::Text { ctx: val(&ctx), parts })
            }
            DocKind::CeremonyRelease => {
                let ctx = samples::ceremony_release(lang);
                // The draft is previewed as the press release it becomes.
                let release = samples::press_release(lang);
                f(Sample::Release { ctx: val(&ctx), release })
            }
            DocKind::CeremonyChecklist => {
                let ctx = samples::checklist(lang);
                let mut parts = base_parts(&ctx.collective);
                parts.sponsor = Some(&ctx.sponsor);
                f(Sample::Text { ctx: val(&ctx), parts })
            }
            DocKind::BannerRollup => f(Sample::Banner { ctx: &samples::banner(lang), size: BannerSize::R850 }),
            DocKind::BannerPoster => f(Sample::Banner { ctx: &samples::banner(lang), size: BannerSize::A2 }),
            DocKind::Card => f(Sample::Card { ctx: &samples::banner(lang) }),
        }
    }
}

/// A kind's fictional sample, as [`DocKind::with_sample`] gives it.
enum Sample<'a> {
    Text {
        ctx: Value,
        parts: text::Parts<'a>,
    },
    /// A press release draft's context, and the press release (of the sample) it is previewed in.
    Release {
        ctx: Value,
        release: PressReleaseCtx,
    },
    /// A banner's context, and the size its preview is printed at.
    Banner {
        ctx: &'a BannerCtx,
        size: BannerSize,
    },
    /// A card's context (a banner's); its preview shows every format.
    Card {
        ctx: &'a BannerCtx,
    },
}

/// One template: a kind of document in a language. Written `fr/agreement.md`; a template name is never a path, so
/// an import or export can never reach outside its folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TemplateName {
    pub kind: DocKind,
    pub lang: Lang,
}

impl TemplateName {
    pub fn new(kind: DocKind, lang: Lang) -> TemplateName {
        TemplateName { kind, lang }
    }

    /// Every template, in a stable order (by kind, then French before English).
    pub fn all() -> impl Iterator<Item = TemplateName> {
        DocKind::ALL.into_iter().flat_map(|kind| Lang::ALL.into_iter().map(move |lang| TemplateName { kind, lang }))
    }

    /// `fr/agreement.md`.
    pub fn as_str(self) -> &'static str {
        self.kind.default_template(self.lang).0
    }

    /// The source compiled into the binary, used until the dossier holds an edited copy.
    pub fn default_source(self) -> &'static str {
        self.kind.default_template(self.lang).1
    }

    /// Checks a source of this template: header, syntax, directives, and every field it names, by rendering it
    /// against the complete fictional sample of its kind.
    pub fn check(self, source: &str) -> Result<()> {
        let name = self.as_str();
        self.kind.with_sample(self.lang, |sample| match sample {
            Sample::Text { ctx, .. } => text::check(name, source, &ctx),
            Sample::Release { ctx, .. } => text::draft(name, source, &ctx).map(drop),
            Sample::Banner { ctx, .. } => banner::check(name, source, ctx),
            Sample::Card { ctx } => card::check(name, source, ctx),
        })
    }

    /// Renders a source of this template against the sample its check uses; banners come with their preflight, a
    /// card template shows a page per format.
    pub fn preview(self, d: &Dossier, source: &str) -> Result<(Pdf, Option<Preflight>)> {
        self.check(source)?;
        let (name, lang) = (self.as_str(), self.lang);
        self.kind.with_sample(lang, |sample| match sample {
            Sample::Text { ctx, parts } => Ok((render_source(d, name, source, &ctx, lang, &parts)?, None)),
            Sample::Release { ctx, mut release } => {
                (release.release.title, release.release.body) = text::draft(name, source, &ctx)?;
                let t = TemplateName::new(DocKind::PressRelease, lang);
                let parts = base_parts(&release.collective);
                Ok((render_source(d, t.as_str(), &d.template_source(t)?, &val(&release), lang, &parts)?, None))
            }
            Sample::Banner { ctx, size } => {
                let layout = banner::parse_layout(name, source)?;
                let mut images = Images::new(d);
                let (bytes, preflight) = banner::render(
                    name,
                    &layout,
                    ctx,
                    banner::Print { size, bleed_mm: 0.0, pdfx: false },
                    lang,
                    &mut images,
                )?;
                Ok((Pdf { bytes, pages: 1 }, Some(preflight)))
            }
            Sample::Card { ctx } => {
                let layout = card::parse_layout(name, source)?;
                let bytes = card::render_pdf(name, &layout, ctx, &CardFormat::ALL, lang, &mut Images::new(d))?;
                Ok((Pdf { bytes, pages: CardFormat::ALL.len() }, None))
            }
        })
    }
}

impl fmt::Display for TemplateName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TemplateName {
    type Err = Error;

    /// Only the names of [`TemplateName::all`]; anything else (a path, a typo) is refused with the known names.
    fn from_str(name: &str) -> Result<TemplateName> {
        TemplateName::all().find(|t| t.as_str() == name).ok_or_else(|| Error::Template {
            name: name.to_owned(),
            line: None,
            problem: crate::documents::template::TemplateProblem::UnknownTemplate {
                known: names().collect::<Vec<_>>().join(", "),
            },
        })
    }
}

/// One template as the dossier sees it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TemplateInfo {
    /// `fr/agreement.md`: the file name in a template folder, and how commands name the template.
    pub name: String,
    pub kind: DocKind,
    pub lang: Lang,
    /// True when the dossier holds its own edited copy.
    pub custom: bool,
}

/// Every template name, in a stable order.
pub fn names() -> impl Iterator<Item = &'static str> {
    TemplateName::all().map(TemplateName::as_str)
}

/// The default source of a template named by its text.
pub fn default_source(name: &str) -> Option<&'static str> {
    name.parse::<TemplateName>().ok().map(TemplateName::default_source)
}

/// Checks a template named by its text (see [`TemplateName::check`]).
pub fn check(name: &str, source: &str) -> Result<()> {
    name.parse::<TemplateName>()?.check(source)
}

/// Checks every effective template of a dossier; returns the problems found (empty: all good).
pub fn check_all(d: &Dossier) -> Result<BTreeMap<String, String>> {
    let mut problems = BTreeMap::new();
    for t in TemplateName::all() {
        if let Err(e) = t.check(&d.template_source(t)?) {
            problems.insert(t.as_str().to_owned(), e.message(Lang::En));
        }
    }
    Ok(problems)
}
