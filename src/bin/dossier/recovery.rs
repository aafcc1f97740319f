//! `recovery create`, `recovery open`, `recovery status`: recovery sheets, through `dossier::api::recovery`.

use std::io::{BufRead, IsTerminal, Read};
use std::path::PathBuf;

use clap::{Args, Subcommand};
use dossier::api;
use dossier::i18n::{tr, Arg};
use dossier::recovery::RecoveryError;
use dossier::{Error, Lang};
use zeroize::Zeroizing;

use crate::print::print_json;
use crate::Ctx;

#[derive(Subcommand)]
pub enum RecoveryCmd {
    /// Write a new set of recovery sheets into DIR: for each member organisation a printable PDF sheet and the
    /// same share as a .txt file. Any THRESHOLD of the SHARES sheets reopen the dossier; fewer reveal nothing.
    /// The previous set's sheets stop working. Never replaces a file.
    Create(CreateArgs),
    /// Reopen the dossier with enough recovery sheets (--share FILE, --share-words "WORDS", or words typed on
    /// standard input) and give it a new passphrase (DOSSIER_NEW_PASSPHRASE, or asked twice).
    Open(OpenArgs),
    /// Show the dossier's recovery set and whether its recovery file is in place.
    Status(crate::args::JsonFlag),
}

#[derive(Args)]
pub struct CreateArgs {
    /// How many sheets (one per member organisation).
    #[arg(long, value_name = "N")]
    pub shares: u8,
    /// How many sheets together reopen the dossier (at least 2).
    #[arg(long, value_name = "K")]
    pub threshold: u8,
    /// The folder to write the sheets to (created if missing).
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub output: PathBuf,
    /// The member organisations, one per sheet, comma-separated: "Paris,Lyon,Genève".
    #[arg(long, value_name = "NAMES")]
    pub names: Option<String>,
    /// The language printed first on the sheets (both French and English are printed): fr or en.
    #[arg(long, value_name = "LANG", value_parser = ["fr", "en"])]
    pub lang: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct OpenArgs {
    /// A sheet's .txt file (`-`: standard input). Repeat for each sheet.
    #[arg(long = "share", value_name = "FILE")]
    pub share: Vec<PathBuf>,
    /// A sheet's words as typed (numbers, case, accents and spacing do not matter). Repeat for each sheet.
    #[arg(long = "share-words", value_name = "WORDS")]
    pub share_words: Vec<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(cmd: RecoveryCmd, ctx: &Ctx) -> Result<(), Error> {
    match cmd {
        RecoveryCmd::Create(a) => create(a, ctx),
        RecoveryCmd::Open(a) => open(a, ctx),
        RecoveryCmd::Status(a) => status(a.json, ctx),
    }
}

fn create(a: CreateArgs, ctx: &Ctx) -> Result<(), Error> {
    let names =
        a.names.as_deref().map(|n| n.split(',').map(|s| s.trim().to_owned()).collect::<Vec<_>>()).unwrap_or_default();
    let lang = a.lang.as_deref().and_then(Lang::parse).unwrap_or(ctx.lang);
    let req = api::RecoverySheetsRequest { shares: a.shares, threshold: a.threshold, names, dir: a.output, lang };
    let (mut d, pass) = ctx.open_keeping_passphrase()?;
    let made = api::create_recovery_sheets(&mut d, &pass, &req)?;
    if a.json {
        print_json(&made);
        return Ok(());
    }
    let dir = req.dir.display().to_string();
    let args = [
        ("shares", Arg::from(usize::from(made.shares))),
        ("threshold", Arg::from(usize::from(made.threshold))),
        ("set", Arg::from(&made.set_id)),
        ("dir", Arg::from(&dir)),
    ];
    println!("{}", tr(ctx.lang, "cli-recovery-created", &args));
    for s in &made.sheets {
        println!("  {}  {}", s.pdf.display(), s.txt.display());
    }
    if let Some(old) = &made.replaced_set {
        println!("{}", tr(ctx.lang, "cli-recovery-replaced", &[("old", Arg::from(old))]));
    }
    Ok(())
}

/// Reads one sheet's words from standard input, up to an empty line once words were typed, or the end.
fn read_typed(lines: &mut impl Iterator<Item = std::io::Result<String>>) -> Option<Zeroizing<String>> {
    let mut text = Zeroizing::new(String::new());
    for line in lines {
        let Ok(line) = line.map(Zeroizing::new) else { break };
        if line.trim().is_empty() {
            if text.trim().is_empty() {
                continue;
            }
            break;
        }
        text.push_str(&line);
        text.push('\n');
    }
    (!text.trim().is_empty()).then_some(text)
}

/// Every sheet given, as text, each with what to call it in a message.
fn sheets(a: &OpenArgs, ctx: &Ctx) -> Result<Vec<(String, Zeroizing<String>)>, Error> {
    let mut out = Vec::new();
    for file in &a.share {
        let mut text = Zeroizing::new(String::new());
        let read_err = |source| Error::Read { path: file.clone(), source };
        if file.as_os_str() == "-" {
            std::io::stdin().read_to_string(&mut text).map_err(read_err)?;
        } else {
            let bytes = Zeroizing::new(std::fs::read(file).map_err(read_err)?);
            text.push_str(&String::from_utf8_lossy(&bytes));
        }
        out.push((file.display().to_string(), text));
    }
    for (i, words) in a.share_words.iter().enumerate() {
        out.push((format!("--share-words #{}", i + 1), Zeroizing::new(words.clone())));
    }
    if !out.is_empty() {
        return Ok(out);
    }
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    let mut lines = stdin.lock().lines();
    // Typed at a terminal: one sheet after the other, as many as the first sheet says are needed.
    let mut needed = if interactive { 1 } else { usize::MAX };
    while out.len() < needed {
        if interactive {
            eprintln!("{}", tr(ctx.lang, "cli-recovery-ask-sheet", &[("number", Arg::from(out.len() + 1))]));
        }
        let Some(text) = read_typed(&mut lines) else { break };
        let label = format!("#{}", out.len() + 1);
        if interactive && out.is_empty() {
            needed = usize::from(read_one(&label, &text)?.threshold);
        }
        out.push((label, text));
    }
    if out.is_empty() {
        return Err(Error::Invalid(dossier::error::Invalid::new(
            "share",
            dossier::error::Reason::Said { id: "cli-recovery-no-input" },
        )));
    }
    Ok(out)
}

/// One sheet read; a refusal names the sheet first, on the same line as the message `main` prints.
fn read_one(label: &str, text: &str) -> Result<api::ShareInfo, Error> {
    api::read_share(text).inspect_err(|_| eprint!("{label}: "))
}

fn open(a: OpenArgs, ctx: &Ctx) -> Result<(), Error> {
    if !ctx.db.is_file() {
        return Err(Error::NoDossier(ctx.db.clone()));
    }
    let given = sheets(&a, ctx)?;
    for (label, text) in &given {
        read_one(label, text)?;
    }
    let texts: Vec<String> = given.iter().map(|(_, t)| t.to_string()).collect();
    let texts = Zeroizing::new(texts);
    // Everything about the sheets is checked before a new passphrase is asked for.
    api::check_recovery_shares(&ctx.db, &texts)?;
    let new = ctx.read_passphrase("DOSSIER_NEW_PASSPHRASE", true)?;
    let opened = api::open_with_recovery(&ctx.db, &texts, &new)?;
    if a.json {
        print_json(&opened);
        return Ok(());
    }
    let sheets = opened.sheets.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
    println!("{}", tr(ctx.lang, "cli-recovery-opened", &[("sheets", Arg::from(&sheets))]));
    Ok(())
}

fn status(json: bool, ctx: &Ctx) -> Result<(), Error> {
    let d = ctx.open()?;
    let Some(s) = api::recovery_status(&d)? else { return Err(RecoveryError::NotSetUp.into()) };
    if json {
        print_json(&s);
        return Ok(());
    }
    let args = [
        ("set", Arg::from(&s.set_id)),
        ("threshold", Arg::from(usize::from(s.threshold))),
        ("shares", Arg::from(usize::from(s.shares))),
        ("created", Arg::from(&s.created_at)),
    ];
    println!("{}", tr(ctx.lang, "cli-recovery-status", &args));
    for (i, name) in s.names.iter().enumerate() {
        println!("  {}. {name}", i + 1);
    }
    let path = s.file.display().to_string();
    let key = if s.file_ok { "cli-recovery-status-file-ok" } else { "cli-recovery-status-no-file" };
    println!("{}", tr(ctx.lang, key, &[("path", Arg::from(&path))]));
    Ok(())
}
