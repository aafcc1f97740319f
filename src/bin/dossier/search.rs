//! `search` and `history`: finding records by name, and their change history.

use clap::{Args, Subcommand};
use dossier::i18n::{tr, Arg};
use dossier::model::RecordKind;
use dossier::Error;
use uuid::Uuid;

use crate::print::print_json;
use crate::Ctx;

#[derive(Args)]
pub struct SearchArgs {
    text: String,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    #[arg(long, default_value_t = 50)]
    limit: u64,
}

#[derive(Args)]
pub struct HistoryArgs {
    id: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    #[command(subcommand)]
    action: Option<HistoryCmd>,
}

#[derive(Subcommand)]
pub enum HistoryCmd {
    /// Write back the value the field had before change SEQ (the number shown by `history ID`).
    Restore { seq: i64 },
}

pub fn search(a: SearchArgs, ctx: &Ctx) -> Result<(), Error> {
    let d = ctx.open()?;
    let hits = dossier::api::search_all(&d, &a.text, a.limit, ctx.lang)?;
    if a.json {
        print_json(&hits);
    } else if hits.is_empty() {
        println!("{}", tr(ctx.lang, "cli-no-results", &[]));
    } else {
        for h in hits {
            let what = h.category.map(|c| c.to_string()).unwrap_or_else(|| h.kind.to_string());
            println!("{}  {:<12} {}  {}", h.id, what, h.name, h.detail.unwrap_or_default());
        }
    }
    Ok(())
}

pub fn history(a: HistoryArgs, ctx: &Ctx) -> Result<(), Error> {
    let lang = ctx.lang;
    let id = match (a.action, a.id) {
        (Some(HistoryCmd::Restore { seq }), _) => {
            let mut d = ctx.open()?;
            let r = d.restore_value(seq)?;
            let k = r.kind.label(lang);
            let rid = r.record_id.to_string();
            let args = [("kind", Arg::from(&k)), ("id", Arg::from(&rid)), ("field", Arg::from(&r.field))];
            println!("{}", tr(lang, if r.changed { "cli-value-restored" } else { "cli-value-unchanged" }, &args));
            return Ok(());
        }
        (None, None) => unreachable!("clap requires an id or a subcommand"),
        (None, Some(id)) => id,
    };
    let d = ctx.open()?;
    let id = Uuid::parse_str(id.trim())
        .ok()
        .or_else(|| RecordKind::ALL.iter().find_map(|k| d.resolve_id(*k, &id).ok()))
        .ok_or(Error::NotFound { kind: RecordKind::Detainee, id: id.clone() })?;
    let changes = d.history(id)?;
    if changes.is_empty() {
        return Err(Error::NotFound { kind: d.kind_of(id)?.unwrap_or(RecordKind::Detainee), id: id.to_string() });
    }
    if a.json {
        print_json(&changes);
    } else {
        for c in changes {
            let at = c.at.get(..19).unwrap_or(&c.at).replace('T', " ");
            let (old, new) = (c.old_value.as_deref().unwrap_or("∅"), c.new_value.as_deref().unwrap_or("∅"));
            println!("#{:<5} {at}  {}  {:<6}  {}: {old} → {new}", c.seq, c.actor, c.action, c.field);
        }
    }
    Ok(())
}
