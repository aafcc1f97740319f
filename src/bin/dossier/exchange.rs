//! `import` and `export`: spreadsheets, the full JSON export, the website feed.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use dossier::exchange::{self, DuplicatePolicy, ImportOptions};
use dossier::i18n::{tr, Arg};
use dossier::Error;

use crate::args::{parse_set, ImportKind, TableKind};
use crate::print::{print_json, print_report};
use crate::Ctx;

#[derive(Args)]
pub struct ImportArgs {
    file: PathBuf,
    /// Check and report row by row; save nothing.
    #[arg(long)]
    dry_run: bool,
    /// Folder of the photos (or logos) named in the photo (logo) column; default: the file's folder.
    #[arg(long, value_name = "DIR")]
    photos: Option<PathBuf>,
    /// Read a column as a field, e.g. --map "Nom complet=name"; "COLUMN=" ignores the column.
    #[arg(long = "map", value_name = "COLUMN=FIELD", value_parser = parse_set)]
    map: Vec<(String, String)>,
    /// The kind of record in every sheet (default: told from sheet names and headers).
    #[arg(long, value_enum)]
    kind: Option<ImportKind>,
    /// Create rows that may double an existing person or sponsor (after checking they differ).
    #[arg(long, conflicts_with = "skip_duplicates")]
    allow_duplicates: bool,
    /// Leave out rows that may double an existing person or sponsor.
    #[arg(long)]
    skip_duplicates: bool,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
pub enum ExportCmd {
    /// One kind of record as CSV (UTF-8 with BOM, formulas neutralised), each row with its id.
    Csv {
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        #[arg(long, value_enum, default_value = "detainee")]
        kind: TableKind,
        /// Separate cells with semicolons (French Excel).
        #[arg(long)]
        semicolon: bool,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Detainees, sponsors and sponsorships as an XLSX workbook, a sheet each.
    Xlsx {
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        #[arg(long)]
        force: bool,
    },
    /// Everything, losslessly (photos, history, family contacts), sealed (age) under the dossier's passphrase or
    /// DOSSIER_EXPORT_PASSPHRASE; imports back with `dossier import FILE`.
    Json {
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        #[arg(long)]
        force: bool,
        /// Write readable JSON instead (anyone who finds the file can read the family contacts).
        #[arg(long)]
        plaintext: bool,
    },
    /// The campaign website feed: feed.json, web-sized photos and logos; public and consented data only.
    Website {
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
}

pub fn import(a: ImportArgs, ctx: &Ctx) -> Result<(), Error> {
    let ((mut d, pass), lang) = (ctx.open_keeping_passphrase()?, ctx.lang);
    if exchange::is_json(&a.file) {
        let pass = Ctx::export_passphrase(pass);
        let r = exchange::import_json(&mut d, &a.file, a.dry_run, Some(&pass))?;
        if a.json {
            print_json(&r);
        } else {
            let args = [("records", Arg::from(r.records.values().sum::<usize>())), ("history", Arg::from(r.history))];
            println!("{}", tr(lang, if a.dry_run { "imp-json-check" } else { "imp-json-done" }, &args));
            if r.history_skipped > 0 {
                println!("{}", tr(lang, "imp-json-history-skipped", &[("skipped", Arg::from(r.history_skipped))]));
            }
        }
        return Ok(());
    }
    let opts = ImportOptions {
        photos: a.photos,
        mapping: a.map,
        kind: a.kind.map(Into::into),
        duplicates: if a.allow_duplicates {
            DuplicatePolicy::Allow
        } else if a.skip_duplicates {
            DuplicatePolicy::Skip
        } else {
            DuplicatePolicy::Refuse
        },
        decisions: vec![],
        lang,
    };
    let plan = exchange::plan_import(&d, &a.file, &opts)?;
    if a.dry_run || !plan.report.is_clean() {
        if a.json {
            print_json(&plan.report);
        } else {
            print_report(&plan.report, lang);
        }
        return if plan.report.is_clean() { Ok(()) } else { Err(plan.report.refusal(lang)) };
    }
    let report = exchange::apply_import(&mut d, plan)?;
    if a.json {
        print_json(&report);
    } else {
        let s = &report.summary;
        let args = [("create", Arg::from(s.create)), ("update", Arg::from(s.update)), ("skip", Arg::from(s.skip))];
        println!("{}", tr(lang, "imp-done", &args));
    }
    Ok(())
}

pub fn export(cmd: ExportCmd, ctx: &Ctx) -> Result<(), Error> {
    let ((d, pass), lang) = (ctx.open_keeping_passphrase()?, ctx.lang);
    let done = |n: usize, p: &Path| {
        println!("{}", tr(lang, "exp-done", &[("count", Arg::from(n)), ("path", Arg::from(&p.display().to_string()))]))
    };
    use dossier::api::{ExportFormat, ExportRequest};
    let request = |format, kind: dossier::model::RecordKind, semicolon, plaintext| ExportRequest {
        format,
        kind,
        semicolon,
        confidential: exchange::Confidential::NOTES,
        plaintext,
    };
    match cmd {
        ExportCmd::Csv { output, kind, semicolon, force } => {
            let r = request(ExportFormat::Csv, kind.into(), semicolon, false);
            let n = dossier::api::export(&d, &r, &output, force, None, lang)?.count;
            done(n, &output);
        }
        ExportCmd::Xlsx { output, force } => {
            let r = request(ExportFormat::Xlsx, dossier::model::RecordKind::Detainee, false, false);
            let n = dossier::api::export(&d, &r, &output, force, None, lang)?.count;
            done(n, &output);
        }
        ExportCmd::Json { output, force, plaintext } => {
            let r = request(ExportFormat::Json, dossier::model::RecordKind::Detainee, false, plaintext);
            if plaintext {
                eprintln!("{}", tr(lang, "exp-json-warning", &[]));
                let n = dossier::api::export(&d, &r, &output, force, None, lang)?.count;
                done(n, &output);
            } else {
                let pass = Ctx::export_passphrase(pass);
                let n = dossier::api::export(&d, &r, &output, force, Some(&pass), lang)?.count;
                done(n, &output);
                eprintln!("{}", tr(lang, "exp-json-sealed", &[]));
            }
        }
        ExportCmd::Website { output } => {
            let feed = exchange::export_website(&d, &output)?;
            let path = output.display().to_string();
            let args = [
                ("path", Arg::from(&path)),
                ("detainees", Arg::from(feed.detainees.len())),
                ("sponsors", Arg::from(feed.sponsors.len())),
            ];
            println!("{}", tr(lang, "exp-website-done", &args));
        }
    }
    Ok(())
}
