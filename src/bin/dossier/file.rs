//! The dossier file itself: `init`, `demo`, `backup`, `verify`, `restore`, `check`, `passphrase`, `compact` and the
//! hidden crash harness.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use dossier::i18n::{tr, Arg};
use dossier::{Dossier, Error};
use serde::Serialize;

use crate::args::JsonFlag;
use crate::print::{print_backup, print_json};
use crate::Ctx;

#[derive(Args)]
pub struct DemoArgs {
    /// Also add N synthetic detainees (for benchmarks).
    #[arg(long, default_value_t = 0)]
    scale: u32,
}

#[derive(Args)]
pub struct BackupArgs {
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
    #[arg(long)]
    auto: bool,
    /// With --auto: how many automatic backups to keep from now on (stored in the dossier).
    #[arg(long, requires = "auto")]
    keep: Option<usize>,
}

#[derive(Args)]
pub struct FileArg {
    file: PathBuf,
}

#[derive(Subcommand)]
pub enum PassphraseCmd {
    /// Re-encrypt the dossier under a new passphrase.
    Change,
}

#[derive(Args)]
pub struct WorkloadArgs {
    #[arg(long)]
    count: Option<u64>,
}

pub fn init(ctx: &Ctx) -> Result<(), Error> {
    if ctx.db.exists() {
        return Err(Error::AlreadyExists(ctx.db.clone()));
    }
    let pass = ctx.passphrase(true)?;
    Dossier::create(&ctx.db, &pass)?;
    println!("{}", tr(ctx.lang, "cli-created", &[("path", Arg::from(&ctx.db.display().to_string()))]));
    Ok(())
}

pub fn demo(a: DemoArgs, ctx: &Ctx) -> Result<(), Error> {
    let mut d = ctx.open()?;
    let s = dossier::demo::fill(&mut d, a.scale)?;
    let args = [
        ("detainees", Arg::from(s.detainees)),
        ("sponsors", Arg::from(s.sponsors)),
        ("sponsorships", Arg::from(s.sponsorships)),
    ];
    println!("{}", tr(ctx.lang, "cli-demo-done", &args));
    Ok(())
}

pub fn backup(a: BackupArgs, ctx: &Ctx) -> Result<(), Error> {
    let mut d = ctx.open()?;
    let info = if a.auto {
        if let Some(k) = a.keep {
            d.set_backup_keep(k)?;
        }
        let (info, removed) = d.backup_auto()?;
        if !removed.is_empty() {
            println!("{}", tr(ctx.lang, "cli-backup-rotated", &[("n", Arg::from(removed.len()))]));
        }
        info
    } else {
        let output = a.output.expect("clap requires -o or --auto");
        let copy = dossier::api::backup_to(&d, &output)?;
        // Also open it on its own with the passphrase, as a restore would.
        let again = dossier::store::verify_file(&output, &ctx.passphrase(false)?)?;
        if again.digest != copy.info.digest {
            return Err(Error::BadBackup { path: output, problem: dossier::error::BackupProblem::CopyDiffers });
        }
        if let Some(r) = &copy.recovery {
            println!(
                "{}",
                tr(ctx.lang, "cli-backup-recovery-copied", &[("path", Arg::from(&r.display().to_string()))])
            );
        }
        copy.info
    };
    print_backup("cli-backup-done", &info, ctx.lang);
    Ok(())
}

pub fn verify(a: FileArg, ctx: &Ctx) -> Result<(), Error> {
    let info = dossier::store::verify_file(&a.file, &ctx.passphrase(false)?)?;
    print_backup("cli-backup-verified", &info, ctx.lang);
    Ok(())
}

pub fn restore(a: FileArg, ctx: &Ctx) -> Result<(), Error> {
    let r = dossier::api::restore_backup(&a.file, &ctx.db, &ctx.passphrase(false)?)?;
    let (source, target) = (a.file.display().to_string(), r.target.display().to_string());
    let args = [("source", Arg::from(&source)), ("target", Arg::from(&target)), ("digest", Arg::from(&r.digest))];
    println!("{}", tr(ctx.lang, "cli-restored", &args));
    if let Some(aside) = &r.set_aside {
        println!("{}", tr(ctx.lang, "cli-set-aside", &[("path", Arg::from(&aside.display().to_string()))]));
    }
    Ok(())
}

/// Exit status 1 when a check fails (the problems on stdout, a summary on stderr).
pub fn check(a: JsonFlag, ctx: &Ctx) -> Result<ExitCode, Error> {
    let (d, lang) = (ctx.open()?, ctx.lang);
    let report = d.check()?;
    let digest = if report.is_ok() { d.digest()? } else { String::new() };
    let path = ctx.db.display().to_string();
    if a.json {
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
    Ok(ExitCode::SUCCESS)
}

pub fn passphrase(cmd: PassphraseCmd, ctx: &Ctx) -> Result<(), Error> {
    match cmd {
        PassphraseCmd::Change => {
            let (mut d, current) = ctx.open_keeping_passphrase()?;
            let new = ctx.read_passphrase("DOSSIER_NEW_PASSPHRASE", true)?;
            let change = d.change_passphrase(&current, &new)?;
            let n = |v: &Vec<_>| Arg::from(v.len());
            let args = [("reencrypted", n(&change.reencrypted)), ("removed", n(&change.removed))];
            println!("{}", tr(ctx.lang, "cli-passphrase-changed", &args));
            if change.recovery_resealed {
                println!("{}", tr(ctx.lang, "cli-passphrase-recovery-kept", &[]));
            }
        }
    }
    Ok(())
}

pub fn compact(ctx: &Ctx) -> Result<(), Error> {
    ctx.open()?.compact()?;
    println!("{}", tr(ctx.lang, "cli-compacted", &[]));
    Ok(())
}

pub fn crash_workload(a: WorkloadArgs, ctx: &Ctx) -> Result<(), Error> {
    dossier::store::crash_workload(&ctx.db, &ctx.passphrase(false)?, a.count, &mut std::io::stdout())
}
