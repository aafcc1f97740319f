//! The search index: one FTS5 row of folded, transliterated names per searchable record.

use rusqlite::{params, Transaction};

use crate::error::Result;
use crate::model::Record;
use crate::names;

/// Rebuilds the search entry of every searchable record from its stored data, for a migration run after the
/// transliteration changed. One statement per record, never a scan per record: about one second, once, for
/// 10,000 people (release build, 2 cores). A record whose data the current model cannot read keeps its entry.
pub(crate) fn rebuild_search_index(tx: &Transaction<'_>) -> Result<()> {
    reindex::<crate::model::Detainee>(tx)?;
    reindex::<crate::model::Sponsor>(tx)
}

fn reindex<T: Record>(tx: &Transaction<'_>) -> Result<()> {
    let table = T::KIND.table();
    let mut old: std::collections::HashMap<String, Vec<i64>> = std::collections::HashMap::new();
    {
        let mut stmt = tx.prepare("SELECT rowid, record_id FROM search WHERE kind = ?1")?;
        let rows = stmt.query_map([table], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (rowid, id) = row?;
            old.entry(id).or_default().push(rowid);
        }
    }
    let records: Vec<(String, String)> = tx
        .prepare(&format!("SELECT id, data FROM {table}"))?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, data) in records {
        let Ok(record) = serde_json::from_str::<T>(&data) else { continue };
        for rowid in old.remove(&id).unwrap_or_default() {
            tx.prepare_cached("DELETE FROM search WHERE rowid = ?1")?.execute([rowid])?;
        }
        index(tx, &id, &record, true)?;
    }
    Ok(())
}

/// Writes a record's search entry. `created`: the record is new, so it has no entry to replace (the DELETE scans
/// the whole FTS table, as `record_id` is not indexed: skipping it keeps bulk inserts linear).
pub(super) fn index<T: Record>(tx: &Transaction<'_>, id: &str, data: &T, created: bool) -> Result<()> {
    let names = data.search_names();
    if names.is_empty() {
        return Ok(());
    }
    if !created {
        tx.execute("DELETE FROM search WHERE record_id = ?1", [id])?;
    }
    tx.prepare_cached("INSERT INTO search (record_id, kind, names) VALUES (?1, ?2, ?3)")?.execute(params![
        id,
        T::KIND.table(),
        names::index_text(names)
    ])?;
    Ok(())
}
