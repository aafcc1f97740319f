//! The subcommands every record kind shares (`add`, `list`, `show`, `edit`, `delete`, plus a kind's own, such as
//! `photo export`), written once: [`RecordCmd`] is the shape, [`Kind`] what differs from one kind to the next.

use clap::{Args, FromArgMatches, Subcommand};
use dossier::model::Record;
use dossier::{Dossier, Error, Lang};
use serde::Serialize;
use uuid::Uuid;

use crate::args::Sets;
use crate::print::{print_json, print_record};
use crate::Ctx;

/// The subcommands of one record kind. Their help is written per kind in `args::RECORD_HELP`.
#[derive(Subcommand)]
pub enum RecordCmd<A: Args, L: Args, X: Subcommand> {
    /// Add a record; prints the new id on the last line.
    Add(A),
    /// List records.
    List(L),
    /// Show one record.
    Show(ShowArgs),
    /// Change fields: --set FIELD=VALUE (repeatable).
    Edit(EditArgs),
    /// Delete a record.
    Delete(IdArg),
    #[command(flatten)]
    Own(X),
}

/// The subcommands of kind `K`.
pub type Cmd<K> = RecordCmd<<K as Kind>::Add, <K as Kind>::List, <K as Kind>::Own>;

/// What one record kind adds to the shared subcommands.
pub trait Kind {
    type Record: Record + Serialize;
    type Add: Args;
    type List: Args;
    /// The kind's own subcommands ([`NoOwn`] when it has none).
    type Own: Subcommand;

    /// Builds and stores the new record; returns its id.
    fn add(d: &mut Dossier, a: Self::Add) -> Result<Uuid, Error>;
    fn list(d: &Dossier, l: Self::List, lang: Lang) -> Result<(), Error>;
    /// Prints one record: as JSON, or as `field: value` lines.
    fn show(d: &Dossier, id: Uuid, json: bool, _lang: Lang) -> Result<(), Error> {
        let r = d.get::<Self::Record>(id)?;
        if json {
            print_json(&r);
            Ok(())
        } else {
            print_record(&r)
        }
    }
    fn own(_d: &mut Dossier, own: Self::Own, _lang: Lang) -> Result<(), Error>;
}

#[derive(Args)]
pub struct ShowArgs {
    pub id: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct EditArgs {
    pub id: String,
    #[command(flatten)]
    pub sets: Sets,
}

#[derive(Args)]
pub struct IdArg {
    pub id: String,
}

pub fn run<K: Kind>(cmd: Cmd<K>, ctx: &Ctx) -> Result<(), Error> {
    let (mut d, lang) = (ctx.open()?, ctx.lang);
    let kind = <K::Record as Record>::KIND;
    match cmd {
        RecordCmd::Add(a) => println!("{}", K::add(&mut d, a)?),
        RecordCmd::List(l) => K::list(&d, l, lang)?,
        RecordCmd::Show(s) => {
            let id = d.resolve_id(kind, &s.id)?;
            K::show(&d, id, s.json, lang)?
        }
        RecordCmd::Edit(e) => {
            let id = d.resolve_id(kind, &e.id)?;
            d.edit::<K::Record>(id, &e.sets.sets)?;
            println!("{id}");
        }
        RecordCmd::Delete(IdArg { id }) => {
            let id = d.resolve_id(kind, &id)?;
            let entry = d.delete::<K::Record>(id)?;
            println!("{}", dossier::i18n::tr(lang, "cli-deleted", &[("bin", dossier::i18n::Arg::from(entry))]));
        }
        RecordCmd::Own(x) => K::own(&mut d, x, lang)?,
    }
    Ok(())
}

/// No subcommands of its own.
pub enum NoOwn {}

impl FromArgMatches for NoOwn {
    fn from_arg_matches(_: &clap::ArgMatches) -> Result<Self, clap::Error> {
        Err(clap::Error::new(clap::error::ErrorKind::InvalidSubcommand))
    }

    fn update_from_arg_matches(&mut self, _: &clap::ArgMatches) -> Result<(), clap::Error> {
        match *self {}
    }
}

impl Subcommand for NoOwn {
    fn augment_subcommands(cmd: clap::Command) -> clap::Command {
        cmd
    }

    fn augment_subcommands_for_update(cmd: clap::Command) -> clap::Command {
        cmd
    }

    fn has_subcommand(_: &str) -> bool {
        false
    }
}
