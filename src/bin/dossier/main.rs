//! `dossier`: the campaign's records from the command line. Parses arguments, calls the library, prints.
//! Exit status: 0 success, 1 refused input or failed operation (one message on stderr, in the user's language;
//! with `DOSSIER_DEBUG` set, the lower layer's own English words follow on a second line), 2 usage error.
//!
//! Laid out like ripgrep's: `args` is the command line's shape, `print` the printing, and one module per area
//! holds that area's subcommands and runs them through `dossier::api` and `Dossier`: `records` (the subcommands
//! every record kind shares) with `people` (detainees, contacts, photos) and `sponsors` (sponsors, sponsorships),
//! `search` (search, history), `documents` (render), `templates`, `profile`, `exchange` (import, export),
//! `recovery` (recovery sheets) and `file` (init, demo, backup, verify, restore, check, passphrase, compact). No
//! SQL and no rule lives here.

mod args;
mod bin;
mod documents;
mod exchange;
mod file;
mod people;
mod print;
mod profile;
mod records;
mod recovery;
mod search;
mod share;
mod sponsors;
mod templates;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use dossier::error::{Invalid, Reason};
use dossier::i18n::tr;
use dossier::{Dossier, Error, Lang};
use zeroize::Zeroizing;

use args::Command;

fn main() -> ExitCode {
    dossier::process::harden();
    dossier::process::quiet_on_closed_pipe();
    let cli = args::parse();
    let lang = cli.ui_lang.as_deref().and_then(Lang::parse).unwrap_or_else(Lang::from_env);
    let ctx = Ctx { db: cli.db.unwrap_or_else(default_db), lang, passphrase_file: cli.passphrase_file };
    match run(cli.command, &ctx) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", e.message(lang));
            // The lower layer's own (English) words, for whoever diagnoses the failure: after ours, labelled, and
            // only when asked for (`DOSSIER_DEBUG`), so that a user reads one sentence in their language.
            if let Some(detail) = e.technical().filter(|_| std::env::var_os("DOSSIER_DEBUG").is_some()) {
                eprintln!("{}", tr(lang, "cli-technical-detail", &[("detail", dossier::i18n::Arg::from(&detail))]));
            }
            ExitCode::from(1)
        }
    }
}

/// One line per area: the area's module does the work.
fn run(command: Command, ctx: &Ctx) -> Result<ExitCode, Error> {
    match command {
        Command::Init => file::init(ctx)?,
        Command::Demo(a) => file::demo(a, ctx)?,
        Command::Detainee(cmd) => records::run::<people::Detainees>(cmd, ctx)?,
        Command::Contact(cmd) => records::run::<people::Contacts>(cmd, ctx)?,
        Command::Photo(cmd) => records::run::<people::Photos>(cmd, ctx)?,
        Command::Sponsor(cmd) => records::run::<sponsors::Sponsors>(cmd, ctx)?,
        Command::Sponsorship(cmd) => records::run::<sponsors::Sponsorships>(cmd, ctx)?,
        Command::Search(a) => search::search(a, ctx)?,
        Command::History(a) => search::history(a, ctx)?,
        Command::Render(cmd) => return documents::run(cmd, ctx),
        Command::Templates(cmd) => templates::run(cmd, ctx)?,
        Command::Profile(cmd) => profile::run(cmd, ctx)?,
        Command::Import(a) => exchange::import(a, ctx)?,
        Command::Export(cmd) => exchange::export(cmd, ctx)?,
        Command::Backup(a) => file::backup(a, ctx)?,
        Command::Verify(a) => file::verify(a, ctx)?,
        Command::Restore(a) => file::restore(a, ctx)?,
        Command::Check(a) => return file::check(a, ctx),
        Command::Passphrase(cmd) => file::passphrase(cmd, ctx)?,
        Command::Compact => file::compact(ctx)?,
        Command::Bin(cmd) => bin::run(cmd, ctx)?,
        Command::Recovery(cmd) => recovery::run(cmd, ctx)?,
        Command::Sharing(cmd) => return share::run(cmd, ctx),
        Command::CrashWorkload(a) => file::crash_workload(a, ctx)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// What every command needs: where the dossier is, the language of messages, where the passphrase comes from.
pub struct Ctx {
    pub db: PathBuf,
    pub lang: Lang,
    /// `--passphrase-file`: a file whose first line is the passphrase, or `-` for standard input.
    pub passphrase_file: Option<PathBuf>,
}

impl Ctx {
    /// Opens the dossier with the passphrase; a missing file is a clear error, not a new dossier.
    pub fn open(&self) -> Result<Dossier, Error> {
        Ok(self.open_keeping_passphrase()?.0)
    }

    /// Opens the dossier and keeps its passphrase (to seal or open an export with it, to prove it on a change).
    pub fn open_keeping_passphrase(&self) -> Result<(Dossier, Zeroizing<String>), Error> {
        if !self.db.exists() {
            return Err(Error::NoDossier(self.db.clone()));
        }
        let pass = self.passphrase(false)?;
        Ok((Dossier::open(&self.db, &pass)?, pass))
    }

    /// The passphrase of a sealed export: `DOSSIER_EXPORT_PASSPHRASE` when set, else the dossier's own.
    pub fn export_passphrase(dossier_passphrase: Zeroizing<String>) -> Zeroizing<String> {
        std::env::var("DOSSIER_EXPORT_PASSPHRASE").map(Zeroizing::new).unwrap_or(dossier_passphrase)
    }

    /// The passphrase: from `--passphrase-file`, else `DOSSIER_PASSPHRASE`, else asked on the terminal without echo.
    pub fn passphrase(&self, new: bool) -> Result<Zeroizing<String>, Error> {
        match &self.passphrase_file {
            Some(file) => read_passphrase_file(file),
            None => self.read_passphrase("DOSSIER_PASSPHRASE", new),
        }
    }

    /// A passphrase from `var`, or asked on the terminal without echo (twice, with a warning, when `new`).
    pub fn read_passphrase(&self, var: &str, new: bool) -> Result<Zeroizing<String>, Error> {
        let lang = self.lang;
        if let Ok(p) = std::env::var(var) {
            return Ok(Zeroizing::new(p));
        }
        if !std::io::stdin().is_terminal() {
            return Err(cli_error("cli-no-passphrase"));
        }
        let ask = |key: &str| -> Result<Zeroizing<String>, Error> {
            rpassword::prompt_password(format!("{} ", tr(lang, key, &[])))
                .map(Zeroizing::new)
                .map_err(|_| cli_error("cli-no-passphrase"))
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
}

/// The first line of `file` (`-`: standard input), without its line ending. Unlike an environment variable it
/// appears in no shell history and no `/proc/PID/environ`.
fn read_passphrase_file(file: &std::path::Path) -> Result<Zeroizing<String>, Error> {
    use std::io::BufRead;
    let read_err = |source| Error::Read { path: file.to_owned(), source };
    let mut line = Zeroizing::new(String::new());
    if file.as_os_str() == "-" {
        std::io::stdin().lock().read_line(&mut line).map_err(read_err)?;
    } else {
        let f = std::fs::File::open(file).map_err(read_err)?;
        std::io::BufReader::new(f).read_line(&mut line).map_err(read_err)?;
    }
    let trimmed = line.trim_end_matches(['\n', '\r']).len();
    line.truncate(trimmed);
    Ok(line)
}

fn default_db() -> PathBuf {
    dossier::files::default_dossier_path()
}

fn cli_error(id: &'static str) -> Error {
    Error::Invalid(Invalid::new("passphrase", Reason::Said { id }))
}
