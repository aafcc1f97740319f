//! `render`: documents as PDF, social-media cards as PNG. Each subcommand becomes an `api::DocRequest` (a card an
//! `api::CardRequest`), the request types the app sends too; `api::render` (`api::render_card`) maps it to the
//! core's renderer.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::Local;
use clap::Subcommand;
use dossier::api::{self, CardRequest, DocRequest};
use dossier::documents;
use dossier::error::{Invalid, Reason};
use dossier::files;
use dossier::i18n::{tr, Arg};
use dossier::model::RecordKind;
use dossier::{Error, Lang};

use crate::args::{CardFormatArg, SizeArg, SizeParser};
use crate::print::{print_json, print_preflight};
use crate::Ctx;

#[derive(Subcommand)]
pub enum RenderCmd {
    /// The sponsorship agreement of a sponsorship.
    Agreement {
        #[arg(long)]
        sponsorship: String,
        #[arg(long, default_value = "fr")]
        lang: String,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Replace the output file if it exists (otherwise an existing file is refused, left as it was).
        #[arg(long)]
        force: bool,
    },
    /// A roll-up banner or poster of a detainee.
    Banner {
        #[arg(long)]
        detainee: String,
        /// The sponsor named on the banner (default: the one of the detainee's agreed, signed or active
        /// sponsorship, when there is exactly one).
        #[arg(long)]
        sponsor: Option<String>,
        /// 850x2000 (default), 800x2000, 1000x2000, 1200x2000, a3, a2, a1.
        #[arg(long, default_value = "850x2000", value_parser = SizeParser)]
        size: SizeArg,
        /// Bleed in mm (default 10).
        #[arg(long, default_value_t = documents::banner::DEFAULT_BLEED_MM)]
        bleed: f32,
        #[arg(long, default_value = "fr")]
        lang: String,
        /// Write a PDF/X-4 file (printing condition FOGRA39, calibrated RGB photos), as some print shops ask.
        #[arg(long)]
        pdfx: bool,
        /// Print the preflight report; exit 1 when it holds an error.
        #[arg(long)]
        preflight: bool,
        /// With --preflight: the report as JSON.
        #[arg(long)]
        json: bool,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Replace the output file if it exists (otherwise an existing file is refused, left as it was).
        #[arg(long)]
        force: bool,
    },
    /// A social-media card of a detainee, as a PNG: square 1080x1080, portrait 1080x1350, story 1080x1920,
    /// landscape 1200x675 pixels.
    Card {
        #[arg(long)]
        detainee: String,
        #[arg(long, value_enum)]
        format: CardFormatArg,
        /// The sponsor named on the card (default: the one of the detainee's agreed, signed or active sponsorship,
        /// when there is exactly one).
        #[arg(long)]
        sponsor: Option<String>,
        #[arg(long, default_value = "fr")]
        lang: String,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Replace the output file if it exists (otherwise an existing file is refused, left as it was).
        #[arg(long)]
        force: bool,
    },
    /// The one-page fact sheet of a detainee.
    Factsheet {
        #[arg(long)]
        detainee: String,
        #[arg(long, default_value = "fr")]
        lang: String,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Replace the output file if it exists (otherwise an existing file is refused, left as it was).
        #[arg(long)]
        force: bool,
    },
    /// A press release (in its own language).
    PressRelease {
        id: String,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Replace the output file if it exists (otherwise an existing file is refused, left as it was).
        #[arg(long)]
        force: bool,
    },
    /// Every document of a sponsorship's signing ceremony, in a new folder: the agreement in two copies to sign
    /// (in each of the sponsor's languages), the roll-up banner and fact sheet of each sponsored detainee, a press
    /// release draft (also saved as a press release record to edit) and the checklist with the banners' preflight.
    /// Refused, with nothing written, when the ceremony has no date or place yet.
    CeremonyKit {
        #[arg(long)]
        sponsorship: String,
        /// The folder to write (new or empty).
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Replace the folder if it already holds files.
        #[arg(long)]
        force: bool,
        /// Print what was written as JSON: {"files": [...], "press_release": ID, "preflight": [...]}.
        #[arg(long)]
        json: bool,
    },
    /// The press kit.
    Presskit {
        #[arg(long, default_value = "fr")]
        lang: String,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Replace the output file if it exists (otherwise an existing file is refused, left as it was).
        #[arg(long)]
        force: bool,
    },
}

pub fn run(cmd: RenderCmd, ctx: &Ctx) -> Result<ExitCode, Error> {
    if let RenderCmd::CeremonyKit { sponsorship, output, force, json } = cmd {
        return ceremony_kit(ctx, &sponsorship, &output, force, json);
    }
    let d = ctx.open()?;
    let id = |kind, text: &str| d.resolve_id(kind, text);
    let mut report = None;
    let ((output, force), req) = match cmd {
        RenderCmd::Card { detainee, format, sponsor, lang, output, force } => {
            let req = CardRequest {
                detainee: id(RecordKind::Detainee, &detainee)?,
                sponsor: sponsor.map(|s| id(RecordKind::Sponsor, &s)).transpose()?,
                format: format.0,
                lang: doc_lang(&lang)?,
            };
            let existing = refuse_existing(&output, force)?;
            let card = api::render_card(&d, req, Local::now().date_naive())?;
            files::write_bytes(&output, existing, &card.png)?;
            return Ok(ExitCode::SUCCESS);
        }
        RenderCmd::Agreement { sponsorship, lang, output, force } => (
            (output, force),
            DocRequest::Agreement { sponsorship: id(RecordKind::Sponsorship, &sponsorship)?, lang: doc_lang(&lang)? },
        ),
        RenderCmd::Factsheet { detainee, lang, output, force } => (
            (output, force),
            DocRequest::Factsheet { detainee: id(RecordKind::Detainee, &detainee)?, lang: doc_lang(&lang)? },
        ),
        RenderCmd::PressRelease { id: release, output, force } => {
            ((output, force), DocRequest::PressRelease { id: id(RecordKind::PressRelease, &release)? })
        }
        RenderCmd::Presskit { lang, output, force } => {
            ((output, force), DocRequest::Presskit { lang: doc_lang(&lang)? })
        }
        RenderCmd::CeremonyKit { .. } => unreachable!("handled above"),
        RenderCmd::Banner { detainee, sponsor, size, bleed, lang, pdfx, preflight, json, output, force } => {
            let detainee = id(RecordKind::Detainee, &detainee)?;
            let sponsor = sponsor.map(|s| id(RecordKind::Sponsor, &s)).transpose()?;
            let size = match size {
                SizeArg::Known(s) => s,
                SizeArg::Unknown(value) => {
                    let allowed = "850x2000, 800x2000, 1000x2000, 1200x2000, a3, a2, a1".into();
                    return Err(Invalid::new("size", Reason::Unknown { value, allowed }).into());
                }
            };
            report = preflight.then_some(json);
            let lang = doc_lang(&lang)?;
            ((output, force), DocRequest::Banner { detainee, sponsor, size, bleed_mm: bleed, lang, pdfx })
        }
    };
    let existing = refuse_existing(&output, force)?;
    let doc = api::render(&d, req, Local::now().date_naive())?;
    documents::write_pdf_as(&output, &doc.pdf.bytes, existing)?;
    if let (Some(json), Some(pre)) = (report, &doc.preflight) {
        if json {
            print_json(pre);
        } else {
            print_preflight(pre);
        }
        if pre.has_errors() {
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// An existing file is refused before the work of rendering (unless `force`); the write refuses it again, should
/// one appear.
fn refuse_existing(output: &std::path::Path, force: bool) -> Result<files::Existing, Error> {
    let existing = files::Existing::replace_if(force);
    if existing == files::Existing::Refuse && std::fs::symlink_metadata(output).is_ok() {
        return Err(Error::AlreadyExists(output.to_owned()));
    }
    Ok(existing)
}

fn doc_lang(s: &str) -> Result<Lang, Error> {
    Lang::parse(s)
        .ok_or_else(|| Invalid::new("lang", Reason::Unknown { value: s.into(), allowed: "fr, en".into() }).into())
}

/// `render ceremony-kit`: the folder's files, one a line (or JSON), then the banners' preflight verdicts.
fn ceremony_kit(ctx: &Ctx, sponsorship: &str, output: &Path, force: bool, json: bool) -> Result<ExitCode, Error> {
    let mut d = ctx.open()?;
    let sponsorship = d.resolve_id(RecordKind::Sponsorship, sponsorship)?;
    let req = api::KitRequest { sponsorship, lang: ctx.lang, force };
    let kit = api::ceremony_kit(&mut d, &req, output, Local::now().date_naive(), |_, _| {}, || false)?;
    if json {
        print_json(&kit);
    } else {
        for f in &kit.files {
            println!("{}", output.join(f).display());
        }
        println!("{}", tr(ctx.lang, "cli-kit-release", &[("id", Arg::from(&kit.press_release.to_string()))]));
        for p in &kit.preflight {
            let level = if p.report.has_errors() {
                "error"
            } else if p.report.findings.is_empty() {
                "ok"
            } else {
                "warning"
            };
            let verdict = tr(ctx.lang, &format!("kit-preflight-{level}"), &[]);
            println!(
                "{}",
                tr(ctx.lang, "cli-kit-preflight", &[("file", Arg::from(&p.file)), ("verdict", Arg::from(&verdict))])
            );
            for f in &p.report.findings {
                println!("  {:<7} {}", f.level.to_uppercase(), f.message);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
