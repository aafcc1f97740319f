//! The command line's shape: global flags, one subcommand per area (each area module defines its own
//! subcommands), the argument types shared by several areas, and the help text of subcommands that are shared by
//! every record kind ([`command`] writes it in for each kind). Nothing here opens a dossier.

use std::ffi::OsStr;
use std::path::PathBuf;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use dossier::documents::{BannerSize, CardFormat};
use dossier::model::RecordKind;

use crate::{bin, documents, exchange, file, people, profile, records, recovery, search, share, sponsors, templates};

#[derive(Parser)]
#[command(name = "dossier", version, about = "Libertas Dossier: the campaign's records, in one encrypted file")]
pub struct Cli {
    /// The dossier file (default: in the OS's data directory).
    #[arg(long, global = true, env = "DOSSIER_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Language of messages: fr or en (default: the system's, or DOSSIER_LANG).
    #[arg(long = "ui-lang", global = true, value_name = "LANG")]
    pub ui_lang: Option<String>,
    /// Read the dossier's passphrase from the first line of FILE (`-`: standard input) instead of
    /// DOSSIER_PASSPHRASE, which shells keep in their history and other programs can read.
    #[arg(long = "passphrase-file", global = true, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

/// One variant per area; the area's module holds its subcommands and runs them (`main.rs` dispatches). A new
/// area is a module with a `…Cmd` and a `run`, a variant here and a line in `main::run`.
#[derive(Subcommand)]
pub enum Command {
    /// Create a new encrypted dossier (never overwrites a file).
    Init,
    /// Fill the dossier with a fictional sample.
    Demo(file::DemoArgs),
    /// Detainees.
    #[command(subcommand)]
    Detainee(records::Cmd<people::Detainees>),
    /// Confidential family contacts of a detainee.
    #[command(subcommand)]
    Contact(records::Cmd<people::Contacts>),
    /// Photos of detainees.
    #[command(subcommand)]
    Photo(records::Cmd<people::Photos>),
    /// Sponsors (cities, NGOs, public figures, parliamentarians, institutions).
    #[command(subcommand)]
    Sponsor(records::Cmd<sponsors::Sponsors>),
    /// Sponsorships of one detainee or of the whole group.
    #[command(subcommand)]
    Sponsorship(records::Cmd<sponsors::Sponsorships>),
    /// Find people and sponsors by any of their names.
    Search(search::SearchArgs),
    /// Produce a document as PDF: agreement, banner, factsheet, press-release, presskit; or a ceremony kit (a folder).
    #[command(subcommand)]
    Render(documents::RenderCmd),
    /// Document templates: list, export, import, check, reset.
    #[command(subcommand)]
    Templates(templates::TemplatesCmd),
    /// The collective's own profile (name, members, signatory, logos, website).
    #[command(subcommand)]
    Profile(profile::ProfileCmd),
    /// The change history of one record (`history ID`), or `history restore SEQ` to write back the value a
    /// field had before change SEQ (itself recorded as a change).
    #[command(args_conflicts_with_subcommands = true, arg_required_else_help = true)]
    History(search::HistoryArgs),
    /// Write an encrypted, verified copy of the dossier (same passphrase): -o FILE, or --auto into
    /// `<dossier>.backups/`, keeping the newest N (setting backup.keep, default 10).
    #[command(group(clap::ArgGroup::new("where").required(true).args(["output", "auto"])))]
    Backup(file::BackupArgs),
    /// Check that a backup opens with the passphrase and passes every integrity check. Writes nothing.
    Verify(file::FileArg),
    /// Restore a backup as the dossier given by --db. The backup is verified first; a dossier already there is
    /// moved aside to `<name>.before-restore-<time>`, never overwritten.
    Restore(file::FileArg),
    /// Run the integrity checks (SQLite, SQLCipher page authentication, references) and print a verdict.
    Check(JsonFlag),
    /// Import detainees or sponsors from CSV, XLSX or ODS (or a JSON export): all rows or none.
    Import(exchange::ImportArgs),
    /// Export to CSV, XLSX, full JSON, or the campaign website feed.
    #[command(subcommand)]
    Export(exchange::ExportCmd),
    /// Change the passphrase (new one from DOSSIER_NEW_PASSPHRASE, or asked twice).
    #[command(subcommand)]
    Passphrase(file::PassphraseCmd),
    /// Rebuild the file without free space (VACUUM).
    Compact,
    /// Deleted records: `bin list`, `bin restore ID`, `bin purge ID`, `bin empty`.
    #[command(subcommand)]
    Bin(bin::BinCmd),
    /// Recovery sheets for the member organisations: `recovery create`, `recovery open`, `recovery status`.
    #[command(subcommand)]
    Recovery(recovery::RecoveryCmd),
    /// Sharing one dossier between offices: `share …`, `sync`, `conflicts …`.
    #[command(flatten)]
    Sharing(share::SharingCmd),
    /// Crash-safety harness: commit records in a loop, printing each id once committed.
    #[command(hide = true)]
    CrashWorkload(file::WorkloadArgs),
}

/// `--json`: print JSON instead of text.
#[derive(Args)]
pub struct JsonFlag {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `--set FIELD=VALUE`, repeated.
#[derive(Args)]
pub struct Sets {
    #[arg(long = "set", value_name = "FIELD=VALUE", required = true, value_parser = parse_set)]
    pub sets: Vec<(String, String)>,
}

pub fn parse_set(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.trim().to_owned(), v.to_owned()))
        .filter(|(k, _)| !k.is_empty())
        .ok_or_else(|| format!("expected FIELD=VALUE, got {s:?}"))
}

/// The record kinds a spreadsheet import reads.
#[derive(Clone, Copy, ValueEnum)]
pub enum ImportKind {
    Detainee,
    Sponsor,
}

/// The record kinds a CSV export writes.
#[derive(Clone, Copy, ValueEnum)]
pub enum TableKind {
    Detainee,
    Sponsor,
    Sponsorship,
}

impl From<ImportKind> for RecordKind {
    fn from(k: ImportKind) -> RecordKind {
        match k {
            ImportKind::Detainee => RecordKind::Detainee,
            ImportKind::Sponsor => RecordKind::Sponsor,
        }
    }
}

impl From<TableKind> for RecordKind {
    fn from(k: TableKind) -> RecordKind {
        match k {
            TableKind::Detainee => RecordKind::Detainee,
            TableKind::Sponsor => RecordKind::Sponsor,
            TableKind::Sponsorship => RecordKind::Sponsorship,
        }
    }
}

/// The banner sizes print shops sell, as `--size` lists them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size(pub BannerSize);

static SIZES: [Size; 7] = [
    Size(BannerSize::R850),
    Size(BannerSize::R800),
    Size(BannerSize::R1000),
    Size(BannerSize::R1200),
    Size(BannerSize::A3),
    Size(BannerSize::A2),
    Size(BannerSize::A1),
];

impl ValueEnum for Size {
    fn value_variants<'a>() -> &'a [Self] {
        &SIZES
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.slug()))
    }
}

/// The formats of a social-media card, as `--format` lists them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardFormatArg(pub CardFormat);

static CARD_FORMATS: [CardFormatArg; 4] = [
    CardFormatArg(CardFormat::Square),
    CardFormatArg(CardFormat::Portrait),
    CardFormatArg(CardFormat::Story),
    CardFormatArg(CardFormat::Landscape),
];

impl ValueEnum for CardFormatArg {
    fn value_variants<'a>() -> &'a [Self] {
        &CARD_FORMATS
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.slug()))
    }
}

/// `--size` as typed: a size (read as leniently as the core reads it: "A3", "850×2000", "850x2000mm"), or the
/// text of an unknown one, which `render banner` refuses with the core's message and exit status 1 (not a usage
/// error: scripts rely on that status).
#[derive(Clone, Debug)]
pub enum SizeArg {
    Known(BannerSize),
    Unknown(String),
}

/// Parses `--size` into a [`SizeArg`]; help lists [`Size`]'s values.
#[derive(Clone)]
pub struct SizeParser;

impl TypedValueParser for SizeParser {
    type Value = SizeArg;

    fn parse_ref(&self, _: &clap::Command, _: Option<&clap::Arg>, value: &OsStr) -> Result<SizeArg, clap::Error> {
        let s = value.to_string_lossy();
        Ok(BannerSize::parse(&s).map(SizeArg::Known).unwrap_or_else(|| SizeArg::Unknown(s.into_owned())))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(Size::value_variants().iter().filter_map(ValueEnum::to_possible_value)))
    }
}

/// Help of the subcommands every record kind shares, kind by kind (the generic `records::RecordCmd` has one doc
/// comment for all).
const RECORD_HELP: &[(&str, &str, &str)] = &[
    ("detainee", "add", "Add a detainee; prints the new id on the last line"),
    ("detainee", "list", "List detainees in name order"),
    ("detainee", "show", "Show one detainee's whole record"),
    (
        "detainee",
        "edit",
        "Change fields: --set name=... --set born=1990-04 --set status=sentenced --set public=name,biography",
    ),
    ("detainee", "delete", "Delete a detainee with their contacts and photos"),
    ("contact", "add", "Add a confidential family contact; prints the new id on the last line"),
    ("contact", "list", "List a detainee's family contacts"),
    ("contact", "show", "Show one family contact"),
    ("contact", "edit", "Change fields: --set phone=... --set relation=... --set email=..."),
    ("contact", "delete", "Delete a family contact"),
    (
        "photo",
        "add",
        "Import a photo (JPEG or PNG); its metadata (EXIF, GPS, XMP) is removed. Prints the new id on the last line",
    ),
    ("photo", "list", "List a detainee's photos"),
    ("photo", "show", "Show one photo's record (size, consent, crop, caption)"),
    (
        "photo",
        "edit",
        "Change a photo: --set public=true --set consent=given --set crop=0.1,0,0.8,0.6 --set caption=..",
    ),
    ("photo", "delete", "Delete a photo"),
    ("sponsor", "add", "Add a sponsor; prints the new id on the last line"),
    ("sponsor", "list", "List sponsors in name order"),
    ("sponsor", "show", "Show one sponsor's record"),
    ("sponsor", "edit", "Change fields: --set name=... --set city=... --set signatory=..."),
    ("sponsor", "delete", "Delete a sponsor (refused while a sponsorship refers to it)"),
    ("sponsorship", "add", "Add a sponsorship; prints the new id on the last line"),
    ("sponsorship", "list", "List sponsorships, of one sponsor or one detainee"),
    ("sponsorship", "show", "Show one sponsorship's record"),
    (
        "sponsorship",
        "edit",
        "Change fields: --set stage=signed --set ceremony.date=2026-12-10 --set commitment.banner=done",
    ),
    ("sponsorship", "delete", "Delete a sponsorship"),
];

/// The whole command line, with each record kind's help written in.
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    for (kind, sub, about) in RECORD_HELP {
        cmd = cmd.mut_subcommand(kind, |k| k.mut_subcommand(sub, |s| s.about(*about)));
    }
    cmd
}

/// Parses the process's arguments (exits with status 2 and clap's message on a usage error).
pub fn parse() -> Cli {
    let matches = command().get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
            let here = format!("{path} {}", sub.get_name());
            if sub.get_about().is_none() {
                missing.push(here.clone());
            }
            walk(sub, &here, missing);
        }
    }

    #[test]
    fn every_subcommand_has_help() {
        command().debug_assert();
        let mut missing = vec![];
        walk(&command(), "dossier", &mut missing);
        assert!(missing.is_empty(), "subcommands without help text: {missing:?}");
    }

    #[test]
    fn record_help_names_real_subcommands() {
        let cmd = Cli::command();
        for (kind, sub, _) in RECORD_HELP {
            let k = cmd.find_subcommand(kind).unwrap_or_else(|| panic!("no `{kind}`"));
            assert!(k.find_subcommand(sub).is_some(), "no `{kind} {sub}`: the help table is stale");
        }
    }
}
