//! `dossier`: the campaign's records from the command line. Parses arguments, calls the library, prints.
//! Exit status: 0 success, 1 refused input or failed operation (one message on stderr, in the user's language),
//! 2 usage error.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use serde::Serialize;
use uuid::Uuid;
use zeroize::Zeroizing;

use dossier::error::{Invalid, Reason};
use dossier::i18n::{tr, Arg};
use dossier::model::{
    self, Category, Choice, Contact, Detainee, Disclosure, Media, PartialDate, Record, RecordKind, SituationEntry,
    Sponsor, SponsorKind, Sponsorship, Stage, Status, Stored,
};
use dossier::store::DetaineeFilter;
use dossier::{Dossier, Error, Lang};

#[derive(Parser)]
#[command(name = "dossier", version, about = "Libertas Dossier: the campaign's records, in one encrypted file")]
struct Cli {
    /// The dossier file (default: in the OS's data directory).
    #[arg(long, global = true, env = "DOSSIER_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    /// Language of messages: fr or en (default: the system's, or DOSSIER_LANG).
    #[arg(long = "ui-lang", global = true, value_name = "LANG")]
    ui_lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new encrypted dossier (never overwrites a file).
    Init,
    /// Fill the dossier with a fictional sample.
    Demo {
        /// Also add N synthetic detainees (for benchmarks).
        #[arg(long, default_value_t = 0)]
        scale: u32,
    },
    /// Detainees.
    #[command(subcommand)]
    Detainee(DetaineeCmd),
    /// Confidential family contacts of a detainee.
    #[command(subcommand)]
    Contact(ContactCmd),
    /// Photos of detainees.
    #[command(subcommand)]
    Photo(PhotoCmd),
    /// Sponsors (cities, NGOs, public figures, parliamentarians, institutions).
    #[command(subcommand)]
    Sponsor(SponsorCmd),
    /// Sponsorships of one detainee or of the whole group.
    #[command(subcommand)]
    Sponsorship(SponsorshipCmd),
    /// Find people and sponsors by any of their names.
    Search {
        text: String,
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 50)]
        limit: u64,
    },
    /// Produce a document as PDF: agreement, banner, factsheet, press-release, presskit.
    #[command(subcommand)]
    Render(RenderCmd),
    /// Document templates: list, export, import, check, reset.
    #[command(subcommand)]
    Templates(TemplatesCmd),
    /// The collective's own profile (name, members, signatory, logos, website).
    #[command(subcommand)]
    Profile(ProfileCmd),
    /// The change history of one record (`history ID`), or `history restore SEQ` to write back the value a
    /// field had before change SEQ (itself recorded as a change).
    #[command(args_conflicts_with_subcommands = true, arg_required_else_help = true)]
    History {
        id: Option<String>,
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        action: Option<HistoryCmd>,
    },
    /// Write an encrypted, verified copy of the dossier (same passphrase): -o FILE, or --auto into
    /// `<dossier>.backups/`, keeping the newest N (setting backup.keep, default 10).
    #[command(group(clap::ArgGroup::new("where").required(true).args(["output", "auto"])))]
    Backup {
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        #[arg(long)]
        auto: bool,
        /// With --auto: how many automatic backups to keep from now on (stored in the dossier).
        #[arg(long, requires = "auto")]
        keep: Option<usize>,
    },
    /// Check that a backup opens with the passphrase and passes every integrity check. Writes nothing.
    Verify { file: PathBuf },
    /// Restore a backup as the dossier given by --db. The backup is verified first; a dossier already there is
    /// moved aside to `<name>.before-restore-<time>`, never overwritten.
    Restore { file: PathBuf },
    /// Run the integrity checks (SQLite, SQLCipher page authentication, references) and print a verdict.
    Check {
        #[arg(long)]
        json: bool,
    },
    /// Import detainees or sponsors from CSV, XLSX or ODS (or a JSON export): all rows or none.
    Import(ImportArgs),
    /// Export to CSV, XLSX, full JSON, or the campaign website feed.
    #[command(subcommand)]
    Export(ExportCmd),
    /// Change the passphrase (new one from DOSSIER_NEW_PASSPHRASE, or asked twice).
    #[command(subcommand)]
    Passphrase(PassphraseCmd),
    /// Rebuild the file without free space (VACUUM).
    Compact,
    /// Crash-safety harness: commit records in a loop, printing each id once committed.
    #[command(hide = true)]
    CrashWorkload {
        #[arg(long)]
        count: Option<u64>,
    },
    // --- share: `share …`, `sync`, `conflicts …` (handled by `share()` at the end of this file) ---
    #[command(flatten)]
    Sharing(SharingCmd),
    // --- end share ---
}

#[derive(Subcommand)]
enum HistoryCmd {
    /// Write back the value the field had before change SEQ (the number shown by `history ID`).
    Restore { seq: i64 },
}

#[derive(Subcommand)]
enum PassphraseCmd {
    /// Re-encrypt the dossier under a new passphrase.
    Change,
}

#[derive(Args)]
struct ImportArgs {
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
    #[arg(long, value_parser = ["detainee", "sponsor"])]
    kind: Option<String>,
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
enum ExportCmd {
    /// One kind of record as CSV (UTF-8 with BOM, formulas neutralised), each row with its id.
    Csv {
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        #[arg(long, default_value = "detainee", value_parser = ["detainee", "sponsor", "sponsorship"])]
        kind: String,
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
    /// Everything, losslessly (photos, history, family contacts): NOT encrypted.
    Json {
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        #[arg(long)]
        force: bool,
    },
    /// The campaign website feed: feed.json, web-sized photos and logos; public and consented data only.
    Website {
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
}

#[derive(Subcommand)]
enum DetaineeCmd {
    /// Add a detainee; prints the new id on the last line.
    Add(DetaineeAdd),
    /// List detainees in name order.
    List {
        #[arg(long)]
        category: Option<String>,
        #[arg(long)]
        status: Option<String>,
        /// Only people with (yes) or without (no) an individual sponsorship.
        #[arg(long)]
        sponsored: Option<String>,
        /// Only people whose names match.
        #[arg(long)]
        search: Option<String>,
        #[arg(long, default_value_t = 10_000)]
        limit: u64,
        #[arg(long, default_value_t = 0)]
        offset: u64,
        #[arg(long)]
        json: bool,
    },
    /// Show one detainee's whole record.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Change fields: --set name=... --set born=1990-04 --set status=sentenced --set public=name,biography
    Edit(EditArgs),
    /// Delete a detainee with their contacts and photos.
    Delete { id: String },
}

#[derive(Args)]
struct DetaineeAdd {
    #[arg(long)]
    name: String,
    #[arg(long)]
    name_hy: Option<String>,
    #[arg(long)]
    category: String,
    #[arg(long, value_name = "YYYY-MM-DD")]
    born: Option<String>,
    #[arg(long, value_name = "YYYY-MM-DD")]
    captured: Option<String>,
    #[arg(long)]
    status: Option<String>,
    #[arg(long)]
    sex: Option<String>,
    #[arg(long)]
    birth_place: Option<String>,
    #[arg(long)]
    capture_place: Option<String>,
    #[arg(long)]
    role: Option<String>,
}

#[derive(Args)]
struct EditArgs {
    id: String,
    #[arg(long = "set", value_name = "FIELD=VALUE", required = true, value_parser = parse_set)]
    sets: Vec<(String, String)>,
}

fn parse_set(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.trim().to_owned(), v.to_owned()))
        .filter(|(k, _)| !k.is_empty())
        .ok_or_else(|| format!("expected FIELD=VALUE, got {s:?}"))
}

#[derive(Subcommand)]
enum ContactCmd {
    /// Add a confidential family contact; prints the new id on the last line.
    Add {
        #[arg(long)]
        detainee: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        relation: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        email: Option<String>,
    },
    /// List a detainee's family contacts.
    List {
        #[arg(long)]
        detainee: String,
        #[arg(long)]
        json: bool,
    },
    Edit(EditArgs),
    Delete {
        id: String,
    },
}

#[derive(Subcommand)]
enum PhotoCmd {
    /// Import a photo (JPEG or PNG); its metadata (EXIF, GPS, XMP) is removed. Prints the new id on the last line.
    Add {
        #[arg(long)]
        detainee: String,
        file: PathBuf,
        /// The family consents to publishing this photo.
        #[arg(long)]
        public: bool,
    },
    /// List a detainee's photos.
    List {
        #[arg(long)]
        detainee: String,
        #[arg(long)]
        json: bool,
    },
    /// Change a photo: --set public=true --set consent=given --set crop=0.1,0,0.8,0.6 --set caption=...
    Edit(EditArgs),
    /// Write a photo's stored bytes (without metadata) to a file.
    Export {
        id: String,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    Delete {
        id: String,
    },
}

#[derive(Subcommand)]
enum SponsorCmd {
    /// Add a sponsor; prints the new id on the last line.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        kind: String,
        #[arg(long)]
        signatory: Option<String>,
        #[arg(long)]
        signatory_title: Option<String>,
        #[arg(long)]
        logo: Option<PathBuf>,
        #[arg(long)]
        city: Option<String>,
        #[arg(long)]
        country: Option<String>,
        #[arg(long)]
        website: Option<String>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    Edit(EditArgs),
    Delete {
        id: String,
    },
}

#[derive(Subcommand)]
enum SponsorshipCmd {
    /// Add a sponsorship; prints the new id on the last line.
    Add {
        #[arg(long)]
        sponsor: String,
        #[arg(long, conflicts_with = "whole_group", required_unless_present = "whole_group")]
        detainee: Option<String>,
        #[arg(long)]
        whole_group: bool,
        /// Comma-separated: logo, banner, public-signing, public-events, media, lobbying, meet-family,
        /// solidarity-events, material-support.
        #[arg(long)]
        commitments: Option<String>,
        #[arg(long)]
        stage: Option<String>,
    },
    List {
        #[arg(long)]
        sponsor: Option<String>,
        #[arg(long)]
        detainee: Option<String>,
        #[arg(long)]
        json: bool,
    },
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Change fields: --set stage=signed --set ceremony.date=2026-12-10 --set commitment.banner=done
    Edit(EditArgs),
    Delete {
        id: String,
    },
}

#[derive(Subcommand)]
enum RenderCmd {
    /// The sponsorship agreement of a sponsorship.
    Agreement {
        #[arg(long)]
        sponsorship: String,
        #[arg(long, default_value = "fr")]
        lang: String,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// A roll-up banner or poster of a detainee.
    Banner {
        #[arg(long)]
        detainee: String,
        #[arg(long)]
        sponsor: Option<String>,
        /// 850x2000 (default), 800x2000, 1000x2000, 1200x2000, a3, a2, a1.
        #[arg(long, default_value = "850x2000")]
        size: String,
        /// Bleed in mm (default 10).
        #[arg(long, default_value_t = 10.0)]
        bleed: f32,
        #[arg(long, default_value = "fr")]
        lang: String,
        /// Print the preflight report; exit 1 when it holds an error.
        #[arg(long)]
        preflight: bool,
        /// With --preflight: the report as JSON.
        #[arg(long)]
        json: bool,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// The one-page fact sheet of a detainee.
    Factsheet {
        #[arg(long)]
        detainee: String,
        #[arg(long, default_value = "fr")]
        lang: String,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// A press release (in its own language).
    PressRelease {
        id: String,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// The press kit.
    Presskit {
        #[arg(long, default_value = "fr")]
        lang: String,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
}

#[derive(Subcommand)]
enum TemplatesCmd {
    /// Every template, and whether the dossier holds its own copy.
    List,
    /// Write the effective templates into DIR (fr/…, en/…).
    Export { dir: PathBuf },
    /// Read edited templates from DIR (known names only); all are checked before any is stored.
    Import { dir: PathBuf },
    /// Check every effective template (syntax and fields).
    Check,
    /// Go back to the default of one template.
    Reset { name: String },
}

#[derive(Subcommand)]
enum ProfileCmd {
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Set fields: --set name=... --set website=... --set campaign_url=... --set signatory=... --set signatory_title=...
    Edit {
        #[arg(long = "set", value_name = "FIELD=VALUE", required = true, value_parser = parse_set)]
        sets: Vec<(String, String)>,
    },
    /// Add a logo of the collective.
    Logo { file: PathBuf },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.ui_lang.as_deref().and_then(Lang::parse).unwrap_or_else(Lang::from_env);
    match run(cli, lang) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", e.message(lang));
            ExitCode::from(1)
        }
    }
}

fn default_db() -> PathBuf {
    directories::ProjectDirs::from("org", "Libertas", "Libertas Dossier")
        .map(|d| d.data_dir().join("libertas.dossier"))
        .unwrap_or_else(|| PathBuf::from("libertas.dossier"))
}

/// The passphrase: `DOSSIER_PASSPHRASE`, or asked on the terminal without echo.
fn passphrase(lang: Lang, new: bool) -> Result<Zeroizing<String>, Error> {
    read_passphrase(lang, "DOSSIER_PASSPHRASE", new)
}

/// A passphrase from `var`, or asked on the terminal without echo (twice, with a warning, when `new`).
fn read_passphrase(lang: Lang, var: &str, new: bool) -> Result<Zeroizing<String>, Error> {
    if let Ok(p) = std::env::var(var) {
        return Ok(Zeroizing::new(p));
    }
    if !std::io::stdin().is_terminal() {
        return Err(cli_error(lang, "cli-no-passphrase"));
    }
    let ask = |key: &str| -> Result<Zeroizing<String>, Error> {
        rpassword::prompt_password(format!("{} ", tr(lang, key, &[])))
            .map(Zeroizing::new)
            .map_err(|_| cli_error(lang, "cli-no-passphrase"))
    };
    if !new {
        return ask("cli-passphrase");
    }
    eprintln!("{}", tr(lang, "cli-passphrase-warning", &[]));
    let first = ask("cli-passphrase-new")?;
    let second = ask("cli-passphrase-again")?;
    if *first != *second {
        return Err(Error::PassphraseMismatch);
    }
    Ok(first)
}

fn cli_error(lang: Lang, key: &str) -> Error {
    Error::Invalid(Invalid::new("passphrase", Reason::Malformed { detail: tr(lang, key, &[]) }))
}

fn open(db: &Path, lang: Lang) -> Result<Dossier, Error> {
    if !db.exists() {
        return Err(Error::NoDossier(db.to_owned()));
    }
    Dossier::open(db, &passphrase(lang, false)?)
}

fn parse<T: Choice + PartialEq>(field: &str, v: &str) -> Result<T, Error> {
    Ok(T::parse_choice(field, v)?)
}

fn date(field: &str, v: &Option<String>) -> Result<Option<PartialDate>, Error> {
    v.as_deref()
        .map(|s| {
            s.parse::<PartialDate>().map_err(|_| Invalid::new(field, Reason::BadDate { value: s.to_owned() }).into())
        })
        .transpose()
}

fn print_json<T: Serialize + ?Sized>(v: &T) {
    let mut out = std::io::stdout().lock();
    let _ = serde_json::to_writer_pretty(&mut out, v);
    let _ = writeln!(out);
}

fn run(cli: Cli, lang: Lang) -> Result<ExitCode, Error> {
    let db = cli.db.clone().unwrap_or_else(default_db);
    match cli.command {
        Command::Init => {
            if db.exists() {
                return Err(Error::AlreadyExists(db));
            }
            let pass = passphrase(lang, true)?;
            Dossier::create(&db, &pass)?;
            println!("{}", tr(lang, "cli-created", &[("path", Arg::from(&db.display().to_string()))]));
        }
        Command::Demo { scale } => {
            let mut d = open(&db, lang)?;
            let s = dossier::demo::fill(&mut d, scale)?;
            println!(
                "{}",
                tr(
                    lang,
                    "cli-demo-done",
                    &[
                        ("detainees", Arg::from(s.detainees)),
                        ("sponsors", Arg::from(s.sponsors)),
                        ("sponsorships", Arg::from(s.sponsorships))
                    ]
                )
            );
        }
        Command::Detainee(cmd) => detainee(cmd, &db, lang)?,
        Command::Contact(cmd) => contact(cmd, &db, lang)?,
        Command::Photo(cmd) => photo(cmd, &db, lang)?,
        Command::Sponsor(cmd) => sponsor(cmd, &db, lang)?,
        Command::Sponsorship(cmd) => sponsorship(cmd, &db, lang)?,
        Command::Render(cmd) => return render(cmd, &db, lang),
        Command::Templates(cmd) => templates(cmd, &db, lang)?,
        Command::Profile(cmd) => profile(cmd, &db, lang)?,
        Command::Search { text, json, limit } => {
            let d = open(&db, lang)?;
            let hits = d.search(&text, limit)?;
            if json {
                print_json(&hits);
            } else if hits.is_empty() {
                println!("{}", tr(lang, "cli-no-results", &[]));
            } else {
                for h in hits {
                    let what = h.category.map(|c| c.to_string()).unwrap_or_else(|| h.kind.to_string());
                    println!("{}  {:<12} {}  {}", h.id, what, h.name, h.detail.unwrap_or_default());
                }
            }
        }
        Command::Import(a) => import(a, &db, lang)?,
        Command::Export(cmd) => export(cmd, &db, lang)?,
        Command::History { action: Some(HistoryCmd::Restore { seq }), .. } => {
            let mut d = open(&db, lang)?;
            let r = d.restore_value(seq)?;
            let k = r.kind.label(lang);
            let rid = r.record_id.to_string();
            let args = [("kind", Arg::from(&k)), ("id", Arg::from(&rid)), ("field", Arg::from(&r.field))];
            println!("{}", tr(lang, if r.changed { "cli-value-restored" } else { "cli-value-unchanged" }, &args));
        }
        Command::History { id: None, .. } => unreachable!("clap requires an id or a subcommand"),
        Command::History { id: Some(id), json, action: None } => {
            let d = open(&db, lang)?;
            let id = Uuid::parse_str(id.trim())
                .ok()
                .or_else(|| RecordKind::ALL.iter().find_map(|k| d.resolve_id(*k, &id).ok()))
                .ok_or(Error::NotFound { kind: RecordKind::Detainee, id: id.clone() })?;
            let changes = d.history(id)?;
            if changes.is_empty() {
                return Err(Error::NotFound {
                    kind: d.kind_of(id)?.unwrap_or(RecordKind::Detainee),
                    id: id.to_string(),
                });
            }
            if json {
                print_json(&changes);
            } else {
                for c in changes {
                    let at = c.at.get(..19).unwrap_or(&c.at).replace('T', " ");
                    println!(
                        "#{:<5} {at}  {}  {:<6}  {}: {} → {}",
                        c.seq,
                        c.actor,
                        c.action,
                        c.field,
                        c.old_value.as_deref().unwrap_or("∅"),
                        c.new_value.as_deref().unwrap_or("∅")
                    );
                }
            }
        }
        Command::Backup { output, auto, keep } => {
            let mut d = open(&db, lang)?;
            let info = if auto {
                if let Some(k) = keep {
                    d.set_backup_keep(k)?;
                }
                let (info, removed) = d.backup_auto()?;
                if !removed.is_empty() {
                    println!("{}", tr(lang, "cli-backup-rotated", &[("n", Arg::from(removed.len()))]));
                }
                info
            } else {
                let output = output.expect("clap requires -o or --auto");
                let info = d.backup(&output)?;
                // Also open it on its own with the passphrase, as a restore would.
                let pass = passphrase(lang, false)?;
                let again = dossier::store::verify_file(&output, &pass)?;
                if again.digest != info.digest {
                    return Err(Error::BadBackup { path: output, detail: "digest differs".into() });
                }
                info
            };
            print_backup("cli-backup-done", &info, lang);
        }
        Command::Verify { file } => {
            let info = dossier::store::verify_file(&file, &passphrase(lang, false)?)?;
            print_backup("cli-backup-verified", &info, lang);
        }
        Command::Restore { file } => {
            let pass = passphrase(lang, false)?;
            let r = dossier::store::restore(&file, &db, &pass)?;
            let (source, target) = (file.display().to_string(), r.target.display().to_string());
            let args =
                [("source", Arg::from(&source)), ("target", Arg::from(&target)), ("digest", Arg::from(&r.digest))];
            println!("{}", tr(lang, "cli-restored", &args));
            if let Some(aside) = &r.set_aside {
                println!("{}", tr(lang, "cli-set-aside", &[("path", Arg::from(&aside.display().to_string()))]));
            }
        }
        Command::Check { json } => {
            let d = open(&db, lang)?;
            let report = d.check()?;
            let digest = if report.is_ok() { d.digest()? } else { String::new() };
            let path = db.display().to_string();
            if json {
                #[derive(Serialize)]
                struct Verdict<'a> {
                    ok: bool,
                    digest: &'a str,
                    #[serde(flatten)]
                    report: &'a dossier::store::CheckReport,
                }
                print_json(&Verdict { ok: report.is_ok(), digest: &digest, report: &report });
            } else if report.is_ok() {
                println!("{}", tr(lang, "cli-check-ok", &[("path", Arg::from(&path)), ("digest", Arg::from(&digest))]));
            } else {
                for p in report.problems() {
                    println!("{p}");
                }
            }
            if !report.is_ok() {
                let n = report.problems().len();
                eprintln!("{}", tr(lang, "cli-check-bad", &[("path", Arg::from(&path)), ("n", Arg::from(n))]));
                return Ok(ExitCode::from(1));
            }
        }
        Command::Passphrase(PassphraseCmd::Change) => {
            let mut d = open(&db, lang)?;
            let new = new_passphrase(lang)?;
            d.change_passphrase(&new)?;
            println!("{}", tr(lang, "cli-passphrase-changed", &[]));
        }
        Command::Compact => {
            open(&db, lang)?.compact()?;
            println!("{}", tr(lang, "cli-compacted", &[]));
        }
        Command::CrashWorkload { count } => {
            let pass = passphrase(lang, false)?;
            dossier::store::crash_workload(&db, &pass, count, &mut std::io::stdout())?;
        }
        Command::Sharing(cmd) => return share(cmd, &db, lang), // --- share ---
    }
    Ok(ExitCode::SUCCESS)
}

fn print_backup(key: &str, info: &dossier::store::BackupInfo, lang: Lang) {
    let path = info.path.display().to_string();
    let args =
        [("path", Arg::from(&path)), ("bytes", Arg::Num(info.bytes as f64)), ("digest", Arg::from(&info.digest))];
    println!("{}", tr(lang, key, &args));
}

/// The new passphrase for `passphrase change`: `DOSSIER_NEW_PASSPHRASE`, or asked twice on the terminal.
fn new_passphrase(lang: Lang) -> Result<Zeroizing<String>, Error> {
    read_passphrase(lang, "DOSSIER_NEW_PASSPHRASE", true)
}

fn detainee(cmd: DetaineeCmd, db: &Path, lang: Lang) -> Result<(), Error> {
    let mut d = open(db, lang)?;
    match cmd {
        DetaineeCmd::Add(a) => {
            let mut p = Detainee::new(a.name, parse::<Category>("category", &a.category)?);
            p.name_hy = a.name_hy;
            p.born = date("born", &a.born)?;
            p.captured = date("captured", &a.captured)?;
            p.sex = a.sex.as_deref().map(|s| parse("sex", s)).transpose()?;
            p.birth_place = a.birth_place;
            p.capture_place = a.capture_place;
            p.role = a.role;
            if let Some(s) = a.status {
                p.situation.push(SituationEntry::new(parse::<Status>("status", &s)?, p.captured));
            }
            let s = d.insert(p)?;
            println!("{}", s.id);
        }
        DetaineeCmd::List { category, status, sponsored, search, limit, offset, json } => {
            let filter = DetaineeFilter {
                category: category.as_deref().map(|c| parse("category", c)).transpose()?,
                status: status.as_deref().map(|c| parse("status", c)).transpose()?,
                sponsored: sponsored.as_deref().map(yes_no).transpose()?,
                query: search,
            };
            let page = d.detainees(&filter, offset, limit)?;
            if json {
                print_json(&page.items);
            } else {
                for p in &page.items {
                    println!(
                        "{}  {:<11} {:<9} {}  {}",
                        p.id,
                        p.category,
                        p.status().map(|s| s.to_string()).unwrap_or_default(),
                        p.name,
                        p.name_hy.as_deref().unwrap_or("")
                    );
                }
            }
        }
        DetaineeCmd::Show { id, json } => {
            let id = d.resolve_id(RecordKind::Detainee, &id)?;
            let p = d.get::<Detainee>(id)?;
            let contacts = d.contacts_of(id)?;
            let photos = d.photos_of(id)?;
            let sponsorships = d.sponsorships(None, Some(id))?;
            if json {
                #[derive(Serialize)]
                struct Show<'a> {
                    #[serde(flatten)]
                    detainee: &'a Stored<Detainee>,
                    status: Option<Status>,
                    contacts: &'a [Stored<Contact>],
                    photos: &'a [Stored<Media>],
                    sponsorships: &'a [Stored<Sponsorship>],
                }
                print_json(&Show {
                    detainee: &p,
                    status: p.status(),
                    contacts: &contacts,
                    photos: &photos,
                    sponsorships: &sponsorships,
                });
            } else {
                print_record(&p)?;
                if !contacts.is_empty() {
                    println!("\n[{}]", tr(lang, "cli-confidential", &[]));
                    for c in &contacts {
                        println!(
                            "  {}  {} ({}) {} {}",
                            c.id,
                            c.name,
                            c.relation.as_deref().unwrap_or("-"),
                            c.phone.as_deref().unwrap_or(""),
                            c.email.as_deref().unwrap_or("")
                        );
                    }
                }
                for ph in &photos {
                    println!("photo {}  {}×{}  public={}", ph.id, ph.width, ph.height, ph.disclosure.publishable());
                }
                for s in &sponsorships {
                    println!("sponsorship {}  {}", s.id, s.stage);
                }
            }
        }
        DetaineeCmd::Edit(e) => {
            let id = d.resolve_id(RecordKind::Detainee, &e.id)?;
            d.edit::<Detainee>(id, &e.sets)?;
            println!("{id}");
        }
        DetaineeCmd::Delete { id } => {
            let id = d.resolve_id(RecordKind::Detainee, &id)?;
            d.delete::<Detainee>(id)?;
            println!("{}", tr(lang, "cli-deleted", &[]));
        }
    }
    Ok(())
}

fn yes_no(s: &str) -> Result<bool, Error> {
    match dossier::names::fold(s).as_str() {
        "yes" | "oui" | "true" | "1" => Ok(true),
        "no" | "non" | "false" | "0" => Ok(false),
        _ => Err(Invalid::new("sponsored", Reason::Unknown { value: s.into(), allowed: "yes, no".into() }).into()),
    }
}

/// Prints a record as `field: value` lines, from its JSON form.
fn print_record<T: Serialize>(r: &T) -> Result<(), Error> {
    let v = serde_json::to_value(r).map_err(|e| Error::Corrupt(e.to_string()))?;
    if let Some(o) = v.as_object() {
        for (k, v) in o {
            let text = match v {
                serde_json::Value::Null => continue,
                serde_json::Value::Array(a) if a.is_empty() => continue,
                serde_json::Value::Object(m) if m.is_empty() => continue,
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            println!("{k}: {text}");
        }
    }
    Ok(())
}

fn contact(cmd: ContactCmd, db: &Path, lang: Lang) -> Result<(), Error> {
    let mut d = open(db, lang)?;
    match cmd {
        ContactCmd::Add { detainee, name, relation, phone, email } => {
            let detainee_id = d.resolve_id(RecordKind::Detainee, &detainee)?;
            let c = d.insert(Contact {
                detainee_id,
                name,
                relation,
                phone,
                email,
                address: None,
                languages: vec![],
                notes: None,
            })?;
            println!("{}", c.id);
        }
        ContactCmd::List { detainee, json } => {
            let id = d.resolve_id(RecordKind::Detainee, &detainee)?;
            let list = d.contacts_of(id)?;
            if json {
                print_json(&list);
            } else {
                println!("[{}]", tr(lang, "cli-confidential", &[]));
                for c in list {
                    println!(
                        "{}  {}  {}  {}",
                        c.id,
                        c.name,
                        c.relation.as_deref().unwrap_or("-"),
                        c.phone.as_deref().unwrap_or("")
                    );
                }
            }
        }
        ContactCmd::Edit(e) => edit::<Contact>(&mut d, &e)?,
        ContactCmd::Delete { id } => delete::<Contact>(&mut d, &id, lang)?,
    }
    Ok(())
}

fn edit<T: Record>(d: &mut Dossier, e: &EditArgs) -> Result<(), Error> {
    let id = d.resolve_id(T::KIND, &e.id)?;
    d.edit::<T>(id, &e.sets)?;
    println!("{id}");
    Ok(())
}

fn delete<T: Record>(d: &mut Dossier, id: &str, lang: Lang) -> Result<(), Error> {
    let id = d.resolve_id(T::KIND, id)?;
    d.delete::<T>(id)?;
    println!("{}", tr(lang, "cli-deleted", &[]));
    Ok(())
}

fn photo(cmd: PhotoCmd, db: &Path, lang: Lang) -> Result<(), Error> {
    let mut d = open(db, lang)?;
    match cmd {
        PhotoCmd::Add { detainee, file, public } => {
            let id = d.resolve_id(RecordKind::Detainee, &detainee)?;
            let disclosure = if public { Disclosure::PUBLIC } else { Disclosure::default() };
            let m = d.add_photo(id, &file, disclosure)?;
            println!("{}", m.id);
        }
        PhotoCmd::List { detainee, json } => {
            let id = d.resolve_id(RecordKind::Detainee, &detainee)?;
            let list = d.photos_of(id)?;
            if json {
                print_json(&list);
            } else {
                for m in list {
                    println!(
                        "{}  {}  {}×{}  {} bytes  public={}",
                        m.id,
                        m.mime,
                        m.width,
                        m.height,
                        m.byte_len,
                        m.disclosure.publishable()
                    );
                }
            }
        }
        PhotoCmd::Edit(e) => edit::<Media>(&mut d, &e)?,
        PhotoCmd::Export { id, output } => {
            let id = d.resolve_id(RecordKind::Media, &id)?;
            let bytes = d.media_bytes(id)?;
            std::fs::write(&output, bytes).map_err(|source| Error::Write { path: output.clone(), source })?;
        }
        PhotoCmd::Delete { id } => delete::<Media>(&mut d, &id, lang)?,
    }
    Ok(())
}

fn sponsor(cmd: SponsorCmd, db: &Path, lang: Lang) -> Result<(), Error> {
    let mut d = open(db, lang)?;
    match cmd {
        SponsorCmd::Add { name, kind, signatory, signatory_title, logo, city, country, website } => {
            let mut s = Sponsor::new(name, parse::<SponsorKind>("kind", &kind)?);
            s.city = city;
            s.country = country;
            s.website = website;
            if signatory.is_some() || signatory_title.is_some() {
                s.signatory = Some(model::Signatory { name: signatory.unwrap_or_default(), title: signatory_title });
            }
            let stored = d.add_sponsor(s, logo.as_deref())?;
            println!("{}", stored.id);
        }
        SponsorCmd::List { json } => {
            let list = d.list::<Sponsor>()?;
            if json {
                print_json(&list);
            } else {
                for s in list {
                    println!("{}  {:<15} {}  {}", s.id, s.kind, s.name, s.city.as_deref().unwrap_or(""));
                }
            }
        }
        SponsorCmd::Show { id, json } => {
            let id = d.resolve_id(RecordKind::Sponsor, &id)?;
            let s = d.get::<Sponsor>(id)?;
            if json {
                print_json(&s);
            } else {
                print_record(&s)?;
            }
        }
        SponsorCmd::Edit(e) => edit::<Sponsor>(&mut d, &e)?,
        SponsorCmd::Delete { id } => delete::<Sponsor>(&mut d, &id, lang)?,
    }
    Ok(())
}

fn sponsorship(cmd: SponsorshipCmd, db: &Path, lang: Lang) -> Result<(), Error> {
    let mut d = open(db, lang)?;
    match cmd {
        SponsorshipCmd::Add { sponsor, detainee, whole_group, commitments, stage } => {
            let sponsor_id = d.resolve_id(RecordKind::Sponsor, &sponsor)?;
            let detainee_id = match (detainee, whole_group) {
                (Some(id), false) => Some(d.resolve_id(RecordKind::Detainee, &id)?),
                _ => None,
            };
            let mut s = Sponsorship::new(sponsor_id, detainee_id);
            if let Some(c) = commitments {
                s.commitments = model::parse_commitments(&c)?;
            }
            if let Some(st) = stage {
                s.stage = parse::<Stage>("stage", &st)?;
            }
            let s = d.insert(s)?;
            println!("{}", s.id);
        }
        SponsorshipCmd::List { sponsor, detainee, json } => {
            let sponsor = sponsor.map(|s| d.resolve_id(RecordKind::Sponsor, &s)).transpose()?;
            let detainee = detainee.map(|s| d.resolve_id(RecordKind::Detainee, &s)).transpose()?;
            let list = d.sponsorships(sponsor, detainee)?;
            if json {
                print_json(&list);
            } else {
                for s in list {
                    let sp = d.get::<Sponsor>(s.sponsor_id).map(|x| x.data.name).unwrap_or_default();
                    let who = match s.detainee_id {
                        Some(id) => d.get::<Detainee>(id).map(|x| x.data.name).unwrap_or_default(),
                        None => "*".into(),
                    };
                    println!("{}  {:<10} {sp} → {who}", s.id, s.stage);
                }
            }
        }
        SponsorshipCmd::Show { id, json } => {
            let id = d.resolve_id(RecordKind::Sponsorship, &id)?;
            let s = d.get::<Sponsorship>(id)?;
            if json {
                print_json(&s);
            } else {
                print_record(&s)?;
            }
        }
        SponsorshipCmd::Edit(e) => edit::<Sponsorship>(&mut d, &e)?,
        SponsorshipCmd::Delete { id } => delete::<Sponsorship>(&mut d, &id, lang)?,
    }
    Ok(())
}

fn doc_lang(s: &str) -> Result<Lang, Error> {
    Lang::parse(s)
        .ok_or_else(|| Invalid::new("lang", Reason::Unknown { value: s.into(), allowed: "fr, en".into() }).into())
}

fn render(cmd: RenderCmd, db: &Path, lang: Lang) -> Result<ExitCode, Error> {
    use dossier::documents;
    let d = open(db, lang)?;
    let today = chrono::Local::now().date_naive();
    let (output, pdf) = match cmd {
        RenderCmd::Agreement { sponsorship, lang: l, output } => {
            let id = d.resolve_id(RecordKind::Sponsorship, &sponsorship)?;
            (output, documents::agreement(&d, id, doc_lang(&l)?, today)?)
        }
        RenderCmd::Factsheet { detainee, lang: l, output } => {
            let id = d.resolve_id(RecordKind::Detainee, &detainee)?;
            (output, documents::factsheet(&d, id, doc_lang(&l)?, today)?)
        }
        RenderCmd::PressRelease { id, output } => {
            let id = d.resolve_id(RecordKind::PressRelease, &id)?;
            (output, documents::press_release(&d, id, today)?)
        }
        RenderCmd::Presskit { lang: l, output } => (output, documents::presskit(&d, doc_lang(&l)?, today)?),
        RenderCmd::Banner { detainee, sponsor, size, bleed, lang: l, preflight, json, output } => {
            let id = d.resolve_id(RecordKind::Detainee, &detainee)?;
            let sponsor = sponsor.map(|s| d.resolve_id(RecordKind::Sponsor, &s)).transpose()?;
            let size = documents::BannerSize::parse(&size).ok_or_else(|| {
                Error::from(Invalid::new(
                    "size",
                    Reason::Unknown {
                        value: size.clone(),
                        allowed: "850x2000, 800x2000, 1000x2000, 1200x2000, a3, a2, a1".into(),
                    },
                ))
            })?;
            let (pdf, report) = documents::banner(&d, id, sponsor, size, bleed, doc_lang(&l)?, today)?;
            documents::write_pdf(&output, &pdf.bytes)?;
            if preflight {
                if json {
                    print_json(&report);
                } else {
                    print_preflight(&report);
                }
                if report.has_errors() {
                    return Ok(ExitCode::from(1));
                }
            }
            return Ok(ExitCode::SUCCESS);
        }
    };
    documents::write_pdf(&output, &pdf.bytes)?;
    Ok(ExitCode::SUCCESS)
}

fn print_preflight(r: &dossier::documents::Preflight) {
    println!("{}  trim {} x {} mm  bleed {} mm", r.size, r.trim_mm.0, r.trim_mm.1, r.bleed_mm);
    for i in &r.images {
        println!(
            "image {:<28} {} x {} px  {:.0} x {:.0} mm  {:.0} ppi",
            i.what, i.pixels.0, i.pixels.1, i.printed_mm.0, i.printed_mm.1, i.effective_ppi
        );
    }
    println!("fonts {}", r.fonts.join(", "));
    if r.findings.is_empty() {
        println!("ok");
    }
    for f in &r.findings {
        println!("{:<7} {}", f.level.to_uppercase(), f.message);
    }
}

fn templates(cmd: TemplatesCmd, db: &Path, lang: Lang) -> Result<(), Error> {
    use dossier::documents::template;
    let mut d = open(db, lang)?;
    match cmd {
        TemplatesCmd::List => {
            for t in d.templates()? {
                println!("{:<24} {}", t.name, if t.custom { "custom" } else { "default" });
            }
        }
        TemplatesCmd::Export { dir } => {
            for name in template::names() {
                let path = dir.join(name);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)
                        .map_err(|source| Error::Write { path: parent.to_owned(), source })?;
                }
                std::fs::write(&path, d.template(name)?)
                    .map_err(|source| Error::Write { path: path.clone(), source })?;
            }
            println!("{}", dir.display());
        }
        TemplatesCmd::Import { dir } => {
            let mut found = vec![];
            for name in template::names() {
                let path = dir.join(name);
                match std::fs::read_to_string(&path) {
                    Ok(s) => found.push((name.to_owned(), s)),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(source) => return Err(Error::Read { path, source }),
                }
            }
            if found.is_empty() {
                return Err(Error::Read {
                    path: dir,
                    source: std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "no template files (fr/agreement.md, ...)",
                    ),
                });
            }
            d.set_templates(&found)?;
            for (name, _) in &found {
                println!("{name}");
            }
        }
        TemplatesCmd::Check => {
            let mut first = None;
            for name in template::names() {
                match template::check(name, &d.template(name)?) {
                    Ok(()) => println!("ok     {name}"),
                    Err(e) => {
                        println!("ERROR  {name}: {}", e.message(lang));
                        first.get_or_insert(e);
                    }
                }
            }
            if let Some(e) = first {
                return Err(e);
            }
        }
        TemplatesCmd::Reset { name } => d.reset_template(&name)?,
    }
    Ok(())
}

fn profile(cmd: ProfileCmd, db: &Path, lang: Lang) -> Result<(), Error> {
    let mut d = open(db, lang)?;
    match cmd {
        ProfileCmd::Show { json } => match d.profile()? {
            Some(p) if json => print_json(&p),
            Some(p) => print_record(&p)?,
            None => return Err(Error::NoProfile),
        },
        ProfileCmd::Edit { sets } => {
            let mut p = d.profile()?.map(|p| p.data).unwrap_or_default();
            for (k, v) in &sets {
                match k.as_str() {
                    "signatory" | "signatory_title" => {
                        let s = p.signatory.get_or_insert_with(Default::default);
                        if k == "signatory" {
                            s.name = v.clone()
                        } else {
                            s.title = Some(v.clone())
                        }
                    }
                    "cities" => p.cities = v.split(',').map(|c| c.trim().to_owned()).collect(),
                    _ => dossier::store::apply_sets(&mut p, std::slice::from_ref(&(k.clone(), v.clone())))?,
                }
            }
            d.set_profile(p)?;
        }
        ProfileCmd::Logo { file } => {
            let mut p = d.profile()?.ok_or(Error::NoProfile)?.data;
            let m = d.add_logo(&file)?;
            p.logo_ids.push(m.id);
            d.set_profile(p)?;
            println!("{}", m.id);
        }
    }
    Ok(())
}

fn import(a: ImportArgs, db: &Path, lang: Lang) -> Result<(), Error> {
    use dossier::exchange::{self, DuplicatePolicy, ImportOptions};
    let mut d = open(db, lang)?;
    if exchange::is_json(&a.file) {
        let r = exchange::import_json(&mut d, &a.file, a.dry_run)?;
        if a.json {
            print_json(&r);
        } else {
            let args = [("records", Arg::from(r.records.values().sum::<usize>())), ("history", Arg::from(r.history))];
            println!("{}", tr(lang, if a.dry_run { "imp-json-check" } else { "imp-json-done" }, &args));
        }
        return Ok(());
    }
    let opts = ImportOptions {
        photos: a.photos,
        mapping: a.map,
        kind: a.kind.as_deref().map(|k| if k == "sponsor" { RecordKind::Sponsor } else { RecordKind::Detainee }),
        duplicates: if a.allow_duplicates {
            DuplicatePolicy::Allow
        } else if a.skip_duplicates {
            DuplicatePolicy::Skip
        } else {
            DuplicatePolicy::Refuse
        },
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

fn print_report(r: &dossier::exchange::ImportReport, lang: Lang) {
    use dossier::exchange::import::{duplicate_text, Action};
    let path = r.file.display().to_string();
    let state = tr(lang, if r.applied { "imp-applied" } else { "imp-dry-run" }, &[]);
    println!("{} ({state})", tr(lang, "imp-title", &[("path", Arg::from(&path))]));
    for sh in &r.sheets {
        let name = sh.sheet.as_ref().map(|s| format!("[{s}] ")).unwrap_or_default();
        let Some(kind) = sh.kind else {
            println!("{name}{}", tr(lang, "imp-sheet-skipped", &[]));
            continue;
        };
        let cols: Vec<String> = sh
            .columns
            .iter()
            .map(|(c, f)| format!("\"{c}\" → {}", f.clone().unwrap_or_else(|| tr(lang, "imp-ignored", &[]))))
            .collect();
        let detected = sh.detected.as_ref().map(|d| format!(" ({d})")).unwrap_or_default();
        println!("{name}{}{detected} {} {}", kind.label(lang), tr(lang, "imp-columns", &[]), cols.join(", "));
    }
    for row in &r.rows {
        let action = match row.action {
            Action::Create => "create",
            Action::Update => "update",
            Action::Skip => "skip",
            Action::Error => "error",
        };
        let id = row.id.map(|i| format!(" ({i})")).unwrap_or_default();
        let changes = if row.changes.is_empty() { String::new() } else { format!(" [{}]", row.changes.join(", ")) };
        println!("{:>6}  {action:<6}  {}{id}{changes}", row.line, row.label);
        for e in &row.errors {
            let col = e.column.as_ref().map(|c| format!("[{c}] ")).unwrap_or_default();
            println!("          {col}{}", e.message);
        }
        if !row.duplicates.is_empty() {
            println!("          {}", duplicate_text(lang, &row.label, &row.duplicates));
        }
    }
    let s = &r.summary;
    let args = [
        ("create", Arg::from(s.create)),
        ("update", Arg::from(s.update)),
        ("skip", Arg::from(s.skip)),
        ("errors", Arg::from(s.errors)),
        ("duplicates", Arg::from(s.duplicates)),
    ];
    println!("{}", tr(lang, "imp-summary", &args));
}

fn export(cmd: ExportCmd, db: &Path, lang: Lang) -> Result<(), Error> {
    use dossier::exchange;
    let d = open(db, lang)?;
    let done = |n: usize, p: &Path| {
        println!("{}", tr(lang, "exp-done", &[("count", Arg::from(n)), ("path", Arg::from(&p.display().to_string()))]))
    };
    match cmd {
        ExportCmd::Csv { output, kind, semicolon, force } => {
            let kind = match kind.as_str() {
                "sponsor" => RecordKind::Sponsor,
                "sponsorship" => RecordKind::Sponsorship,
                _ => RecordKind::Detainee,
            };
            let n = exchange::export_csv(&d, kind, &output, semicolon, force)?;
            done(n, &output);
        }
        ExportCmd::Xlsx { output, force } => {
            exchange::export_xlsx(&d, &output, lang, force)?;
            done(d.counts()?.detainees as usize, &output);
        }
        ExportCmd::Json { output, force } => {
            let n = exchange::export_json(&d, &output, force)?;
            done(n, &output);
            eprintln!("{}", tr(lang, "exp-json-warning", &[]));
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

// ---------------------------------------------------------------------------------------------------------------
// --- share: one dossier for several offices (dossier::share). Parsing and printing only. ---

#[derive(Subcommand)]
enum SharingCmd {
    /// Share this dossier between offices through a folder that a sync engine (Syncthing, a network share, a USB
    /// stick) carries: create, invite, join, devices, revoke, rotate-key.
    #[command(subcommand)]
    Share(ShareCmd),
    /// Seal and write this device's new changes into the shared folder, apply every other device's, print a summary.
    Sync {
        #[arg(long)]
        json: bool,
    },
    /// Values two devices wrote concurrently: list them, or `conflicts resolve ID --pick N`.
    #[command(args_conflicts_with_subcommands = true)]
    Conflicts {
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        action: Option<ConflictCmd>,
    },
}

#[derive(Subcommand)]
enum ShareCmd {
    /// Make this dossier the first member of a shared dossier whose sealed files live in FOLDER.
    Create {
        #[arg(long)]
        folder: PathBuf,
        /// This device's name in the list of devices.
        #[arg(long, default_value = "device 1")]
        name: String,
    },
    /// Write an invitation for a new device; prints the one-time code (to hand over separately) on the last line.
    Invite {
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// The new device's name in the list of devices.
        #[arg(long, default_value = "new device")]
        name: String,
    },
    /// Create a new dossier (--db, with its own passphrase) from an invitation and fill it from FOLDER. The code
    /// comes from DOSSIER_INVITE_CODE, or is asked.
    Join {
        file: PathBuf,
        #[arg(long)]
        folder: PathBuf,
    },
    /// The devices of the shared dossier.
    Devices {
        #[arg(long)]
        json: bool,
    },
    /// Ignore a device's files from now on (by id, id prefix or name).
    Revoke { device: String },
    /// Seal new files under a new random key that revoked devices never had.
    RotateKey,
}

#[derive(Subcommand)]
enum ConflictCmd {
    /// Keep value number N (as listed) of conflict ID; the decision reaches every device.
    Resolve {
        id: String,
        #[arg(long)]
        pick: usize,
    },
}

fn share(cmd: SharingCmd, db: &Path, lang: Lang) -> Result<ExitCode, Error> {
    use dossier::share;
    let json_out = |v: &dyn erased::Json| println!("{}", v.json());
    match cmd {
        SharingCmd::Share(ShareCmd::Create { folder, name }) => {
            let mut d = open(db, lang)?;
            let report = share::create(&mut d, &folder, &name)?;
            let device = share::_device_id(&d)?.to_string();
            let folder = folder.display().to_string();
            println!(
                "{}",
                tr(lang, "cli-share-created", &[("folder", Arg::from(&folder)), ("device", Arg::from(&device))])
            );
            print_sync(&report, lang);
        }
        SharingCmd::Share(ShareCmd::Invite { output, name }) => {
            if output.exists() {
                return Err(Error::AlreadyExists(output));
            }
            let mut d = open(db, lang)?;
            let (file, code) = share::invite(&mut d, &name)?;
            let dir = output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let werr = |source| Error::Write { path: output.clone(), source };
            let mut tmp = tempfile::Builder::new().prefix(".invite-").tempfile_in(dir).map_err(werr)?;
            tmp.write_all(&file).map_err(werr)?;
            tmp.as_file().sync_all().map_err(werr)?;
            tmp.persist_noclobber(&output).map_err(|e| werr(e.error))?;
            eprintln!("{}", tr(lang, "cli-share-invite-code", &[]));
            println!("{code}");
        }
        SharingCmd::Share(ShareCmd::Join { file, folder }) => {
            if db.exists() {
                return Err(Error::AlreadyExists(db.to_owned()));
            }
            let bytes = std::fs::read(&file).map_err(|source| Error::Read { path: file.clone(), source })?;
            let code = match std::env::var("DOSSIER_INVITE_CODE") {
                Ok(c) => Zeroizing::new(c),
                Err(_) => {
                    eprint!("{} ", tr(lang, "cli-invite-code", &[]));
                    let mut line = Zeroizing::new(String::new());
                    std::io::stdin()
                        .read_line(&mut line)
                        .map_err(|source| Error::Read { path: "stdin".into(), source })?;
                    line
                }
            };
            let pass = passphrase(lang, true)?;
            let (d, report) = share::join(db, &pass, &bytes, code.trim(), &folder)?;
            let device = share::_device_id(&d)?.to_string();
            let folder = folder.display().to_string();
            println!(
                "{}",
                tr(lang, "cli-share-joined", &[("folder", Arg::from(&folder)), ("device", Arg::from(&device))])
            );
            print_sync(&report, lang);
        }
        SharingCmd::Share(ShareCmd::Devices { json }) => {
            let d = open(db, lang)?;
            let devices = share::devices(&d)?;
            if json {
                json_out(&devices);
            } else {
                for x in devices {
                    let mark = if x.is_self { "*" } else { " " };
                    let revoked = if x.revoked { " (revoked)" } else { "" };
                    println!("{mark} {}  {}  {}  {}{revoked}", x.id, x.name, x.user, x.added_at);
                }
            }
        }
        SharingCmd::Share(ShareCmd::Revoke { device }) => {
            let mut d = open(db, lang)?;
            let id = share::revoke(&mut d, &device)?.to_string();
            println!("{}", tr(lang, "cli-share-revoked", &[("device", Arg::from(&id))]));
        }
        SharingCmd::Share(ShareCmd::RotateKey) => {
            let mut d = open(db, lang)?;
            let epoch = share::rotate_key(&mut d)?;
            println!("{}", tr(lang, "cli-share-rotated", &[("epoch", Arg::Num(epoch as f64))]));
        }
        SharingCmd::Sync { json } => {
            let mut d = open(db, lang)?;
            let report = share::sync(&mut d)?;
            if json {
                json_out(&report);
            } else {
                print_sync(&report, lang);
            }
        }
        SharingCmd::Conflicts { json, action: None } => {
            let d = open(db, lang)?;
            let conflicts = share::conflicts(&d)?;
            if json {
                json_out(&conflicts);
            } else {
                for c in conflicts {
                    println!("{}  {} {}  {}", c.id, c.record_kind, c.record_id, c.field);
                    for (i, v) in c.values.iter().enumerate() {
                        println!("  {}. {}  ({}, {}, {})", i + 1, v.value, v.user, v.device, v.at);
                    }
                }
            }
        }
        SharingCmd::Conflicts { action: Some(ConflictCmd::Resolve { id, pick }), .. } => {
            let mut d = open(db, lang)?;
            share::resolve(&mut d, &id, pick)?;
            println!("{}", tr(lang, "cli-conflict-resolved", &[("id", Arg::from(&id))]));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_sync(r: &dossier::share::SyncReport, lang: Lang) {
    for f in &r.refused {
        eprintln!("{}", f.message(lang));
    }
    for p in &r.problems {
        eprintln!("{p}");
    }
    let n = |v: usize| Arg::Num(v as f64);
    let args = [
        ("written", n(r.written)),
        ("applied", n(r.applied)),
        ("records", n(r.records)),
        ("refused", n(r.refused.len())),
        ("conflicts", n(r.conflicts)),
    ];
    println!("{}", tr(lang, "cli-sync-summary", &args));
}

mod erased {
    /// Anything printable as pretty JSON.
    pub trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_string_pretty(self).unwrap_or_default()
        }
    }
}
// --- end share ---
