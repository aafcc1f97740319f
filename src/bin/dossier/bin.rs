//! `bin`: what was deleted, kept in the dossier until restored or emptied.

use clap::Subcommand;
use dossier::i18n::{tr, Arg};
use dossier::Error;

use crate::print::print_json;
use crate::Ctx;

#[derive(Subcommand)]
pub enum BinCmd {
    /// The deleted records kept in the bin, the latest first.
    List {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Put an entry back (its number from `bin list`, or the id of the record it holds).
    Restore { id: String },
    /// Delete one entry for good.
    Purge { id: String },
    /// Delete everything in the bin for good.
    Empty,
}

pub fn run(cmd: BinCmd, ctx: &Ctx) -> Result<(), Error> {
    let lang = ctx.lang;
    match cmd {
        BinCmd::List { json } => {
            let d = ctx.open()?;
            let entries = d.bin_entries()?;
            if json {
                print_json(&entries);
            } else if entries.is_empty() {
                println!("{}", tr(lang, "cli-bin-empty", &[]));
            } else {
                for e in entries {
                    let when = e.deleted_at.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M");
                    let with = if e.records > 1 {
                        format!("  (+{})", tr(lang, "cli-bin-with", &[("count", Arg::from(e.records - 1))]))
                    } else {
                        String::new()
                    };
                    println!(
                        "{:>4}  {when}  {:<14} {}  {}  {}{with}",
                        e.id,
                        e.kind.label(lang),
                        e.record_id,
                        e.label,
                        e.deleted_by
                    );
                }
            }
        }
        BinCmd::Restore { id } => {
            let mut d = ctx.open()?;
            let entry = d.resolve_bin_entry(&id)?;
            let r = d.restore_from_bin(entry)?;
            let k = r.kind.label(lang);
            let id = r.record_id.to_string();
            println!(
                "{}",
                tr(
                    lang,
                    "cli-bin-restored",
                    &[("kind", Arg::from(&k)), ("label", Arg::from(&r.label)), ("id", Arg::from(&id))]
                )
            );
        }
        BinCmd::Purge { id } => {
            let mut d = ctx.open()?;
            let entry = d.resolve_bin_entry(&id)?;
            d.purge_bin_entry(entry)?;
            println!("{}", tr(lang, "cli-bin-purged", &[]));
        }
        BinCmd::Empty => {
            let mut d = ctx.open()?;
            let n = d.empty_bin()?;
            println!("{}", tr(lang, "cli-bin-emptied", &[("count", Arg::from(n))]));
        }
    }
    Ok(())
}
