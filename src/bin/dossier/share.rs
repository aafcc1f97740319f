//! `share …`, `sync`, `conflicts …`: one dossier for several offices through a folder a sync engine carries
//! (`dossier::share`). Parsing and printing only.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use dossier::i18n::{tr, Arg};
use dossier::{api, files, share, Error, Lang};
use zeroize::Zeroizing;

use crate::print::print_json;
use crate::Ctx;

#[derive(Subcommand)]
pub enum SharingCmd {
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
pub enum ShareCmd {
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
pub enum ConflictCmd {
    /// Keep value number N (as listed) of conflict ID, or type another with --value; the decision reaches every
    /// device.
    Resolve {
        id: String,
        #[arg(long, conflicts_with = "value", required_unless_present = "value")]
        pick: Option<u32>,
        /// Another value for the field, read as `--set FIELD=VALUE` reads it.
        #[arg(long)]
        value: Option<String>,
    },
}

pub fn run(cmd: SharingCmd, ctx: &Ctx) -> Result<ExitCode, Error> {
    let (db, lang) = (ctx.db.as_path(), ctx.lang);
    match cmd {
        SharingCmd::Share(ShareCmd::Create { folder, name }) => {
            let mut d = ctx.open()?;
            let report = api::share::create_share(&mut d, &folder, &name, lang)?;
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
            let mut d = ctx.open()?;
            let inv = api::share::invite(&mut d, &name)?;
            files::write_bytes(&output, files::Existing::Refuse, &inv.file)?;
            eprintln!("{}", tr(lang, "cli-share-invite-code", &[]));
            println!("{}", inv.code);
        }
        SharingCmd::Share(ShareCmd::Join { file, folder }) => {
            if db.exists() {
                return Err(Error::AlreadyExists(db.to_owned()));
            }
            // Read before anything is asked: a missing file is said at once.
            api::share::read_invitation(&file)?;
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
            let pass = ctx.passphrase(true)?;
            let (d, report) = api::share::join(db, &pass, &pass, &file, &code, &folder, lang)?;
            let device = share::_device_id(&d)?.to_string();
            let folder = folder.display().to_string();
            println!(
                "{}",
                tr(lang, "cli-share-joined", &[("folder", Arg::from(&folder)), ("device", Arg::from(&device))])
            );
            print_sync(&report, lang);
        }
        SharingCmd::Share(ShareCmd::Devices { json }) => {
            let d = ctx.open()?;
            let devices = share::devices(&d)?;
            if json {
                print_json(&devices);
            } else {
                for x in devices {
                    let mark = if x.is_self { "*" } else { " " };
                    let revoked = if x.revoked { " (revoked)" } else { "" };
                    println!("{mark} {}  {}  {}  {}{revoked}", x.id, x.name, x.user, x.added_at);
                }
            }
        }
        SharingCmd::Share(ShareCmd::Revoke { device }) => {
            let mut d = ctx.open()?;
            let id = share::revoke(&mut d, &device)?.to_string();
            println!("{}", tr(lang, "cli-share-revoked", &[("device", Arg::from(&id))]));
        }
        SharingCmd::Share(ShareCmd::RotateKey) => {
            let mut d = ctx.open()?;
            let epoch = share::rotate_key(&mut d)?;
            println!("{}", tr(lang, "cli-share-rotated", &[("epoch", Arg::Num(epoch as f64))]));
        }
        SharingCmd::Sync { json } => {
            let mut d = ctx.open()?;
            let report = api::share::sync_report(&mut d, lang)?;
            if json {
                print_json(&report);
            } else {
                print_sync(&report, lang);
            }
        }
        SharingCmd::Conflicts { json, action: None } => {
            let d = ctx.open()?;
            let conflicts = share::conflicts(&d)?;
            if json {
                print_json(&conflicts);
            } else {
                for c in conflicts {
                    println!("{}  {} {}  {}", c.id, c.record_kind, c.record_id, c.field);
                    for (i, v) in c.values.iter().enumerate() {
                        println!("  {}. {}  ({}, {}, {})", i + 1, v.value, v.user, v.device, v.at);
                    }
                }
            }
        }
        SharingCmd::Conflicts { action: Some(ConflictCmd::Resolve { id, pick, value }), .. } => {
            // clap requires exactly one of the two.
            let how = match (pick, value) {
                (Some(n), _) => api::Resolution::Pick(n),
                (None, v) => api::Resolution::Value(v.unwrap_or_default()),
            };
            let mut d = ctx.open()?;
            api::share::resolve(&mut d, &id, &how)?;
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
        eprintln!("{}", p.message(lang));
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
    if r.photos_waiting > 0 {
        println!("{}", tr(lang, "cli-sync-photos-waiting", &[("count", n(r.photos_waiting))]));
    }
}
