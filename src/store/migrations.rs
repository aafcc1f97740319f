//! The schema, as append-only migrations. Never edit a migration that has shipped: add a new one.
//! `tests::migrations_are_valid` runs `rusqlite_migration`'s own validation.

use rusqlite_migration::{HookError, Migrations, M};

/// Every record table has the same shape: identity, times, the record as JSON, a folded sort key, and generated
/// columns for what is queried or referenced (SQLite checks foreign keys on generated columns too).
const V1: &str = r#"
CREATE TABLE detainee (
    id         TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sort_key   TEXT NOT NULL,
    data       TEXT NOT NULL CHECK (json_valid(data)),
    category   TEXT GENERATED ALWAYS AS (data ->> '$.category') VIRTUAL,
    status     TEXT GENERATED ALWAYS AS (data ->> '$.situation[#-1].status') VIRTUAL
) STRICT;
CREATE INDEX detainee_sort ON detainee (sort_key, id);
CREATE INDEX detainee_category ON detainee (category, sort_key, id);
CREATE INDEX detainee_status ON detainee (status);

CREATE TABLE contact (
    id          TEXT PRIMARY KEY NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    sort_key    TEXT NOT NULL,
    data        TEXT NOT NULL CHECK (json_valid(data)),
    detainee_id TEXT GENERATED ALWAYS AS (data ->> '$.detainee_id') VIRTUAL REFERENCES detainee (id)
) STRICT;
CREATE INDEX contact_detainee ON contact (detainee_id);

CREATE TABLE media (
    id          TEXT PRIMARY KEY NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    sort_key    TEXT NOT NULL,
    data        TEXT NOT NULL CHECK (json_valid(data)),
    bytes       BLOB NOT NULL,
    thumb       BLOB NOT NULL,
    detainee_id TEXT GENERATED ALWAYS AS (data ->> '$.detainee_id') VIRTUAL REFERENCES detainee (id)
) STRICT;
CREATE INDEX media_detainee ON media (detainee_id);

CREATE TABLE source (
    id         TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sort_key   TEXT NOT NULL,
    data       TEXT NOT NULL CHECK (json_valid(data))
) STRICT;

CREATE TABLE sponsor (
    id         TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sort_key   TEXT NOT NULL,
    data       TEXT NOT NULL CHECK (json_valid(data)),
    kind       TEXT GENERATED ALWAYS AS (data ->> '$.kind') VIRTUAL,
    logo_id    TEXT GENERATED ALWAYS AS (data ->> '$.logo_id') VIRTUAL REFERENCES media (id)
) STRICT;
CREATE INDEX sponsor_sort ON sponsor (sort_key, id);

CREATE TABLE event (
    id          TEXT PRIMARY KEY NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    sort_key    TEXT NOT NULL,
    data        TEXT NOT NULL CHECK (json_valid(data)),
    date        TEXT GENERATED ALWAYS AS (data ->> '$.date') VIRTUAL,
    detainee_id TEXT GENERATED ALWAYS AS (data ->> '$.detainee_id') VIRTUAL REFERENCES detainee (id),
    sponsor_id  TEXT GENERATED ALWAYS AS (data ->> '$.sponsor_id') VIRTUAL REFERENCES sponsor (id)
) STRICT;
CREATE INDEX event_detainee ON event (detainee_id);
CREATE INDEX event_sponsor ON event (sponsor_id);

CREATE TABLE sponsorship (
    id             TEXT PRIMARY KEY NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    sort_key       TEXT NOT NULL,
    data           TEXT NOT NULL CHECK (json_valid(data)),
    stage          TEXT GENERATED ALWAYS AS (data ->> '$.stage') VIRTUAL,
    sponsor_id     TEXT GENERATED ALWAYS AS (data ->> '$.sponsor_id') VIRTUAL NOT NULL REFERENCES sponsor (id),
    detainee_id    TEXT GENERATED ALWAYS AS (data ->> '$.detainee_id') VIRTUAL REFERENCES detainee (id),
    predecessor_id TEXT GENERATED ALWAYS AS (data ->> '$.predecessor_id') VIRTUAL REFERENCES sponsorship (id),
    successor_id   TEXT GENERATED ALWAYS AS (data ->> '$.successor_id') VIRTUAL REFERENCES sponsorship (id)
) STRICT;
CREATE INDEX sponsorship_sponsor ON sponsorship (sponsor_id);
CREATE INDEX sponsorship_detainee ON sponsorship (detainee_id);
CREATE INDEX sponsorship_predecessor ON sponsorship (predecessor_id);
CREATE INDEX sponsorship_successor ON sponsorship (successor_id);

CREATE TABLE press_release (
    id         TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sort_key   TEXT NOT NULL,
    data       TEXT NOT NULL CHECK (json_valid(data)),
    date       TEXT GENERATED ALWAYS AS (data ->> '$.date') VIRTUAL
) STRICT;

CREATE TABLE profile (
    id         TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sort_key   TEXT NOT NULL,
    data       TEXT NOT NULL CHECK (json_valid(data))
) STRICT;

-- Field-by-field change history, written in the same transaction as each change.
CREATE TABLE history (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    kind      TEXT NOT NULL,
    record_id TEXT NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    field     TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
) STRICT;
CREATE INDEX history_record ON history (record_id, seq);

-- Names of people and sponsors, folded and transliterated (see names.rs), for search.
CREATE VIRTUAL TABLE search USING fts5 (
    record_id UNINDEXED,
    kind UNINDEXED,
    names,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
"#;

/// The dossier's own edited copies of document templates (they win over the defaults compiled in).
const V2: &str = r#"
CREATE TABLE template (
    name       TEXT PRIMARY KEY NOT NULL,
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
"#;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(V1),
        M::up(V2),
        M::up_with_hook("", rebuild_search_index),
        // V4 (photo cleaning) is the lead's: it goes here, before V5.
        // --- share: V5, sharing one dossier between offices (src/share/) ---
        M::up(crate::share::schema::V5),
        // --- end share ---
    ])
}

/// V3 (no schema change): Armenian and Cyrillic names are transliterated as they are written in Latin (ու → u,
/// initial ե → ye, я → ya, …; `names::transliterate`), the letter-by-letter form kept beside it, so the search
/// entries written before are rebuilt.
fn rebuild_search_index(tx: &rusqlite::Transaction<'_>) -> Result<(), HookError> {
    super::rebuild_search_index(tx).map_err(|e| HookError::Hook(e.to_string()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations().validate().expect("migrations must apply cleanly to an empty database");
    }

    /// A dossier indexed with the old transliteration (ու → "ow") finds the name as it is written once opened:
    /// V3 rebuilds the index, and keeps the entry of a record it cannot read.
    #[test]
    fn v3_reindexes_names_with_the_new_transliteration() {
        use crate::model::{Category, Detainee, Sponsor, SponsorKind};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.dossier");
        let pass = "an old dossier passphrase";
        let mut d = crate::store::Dossier::create(&path, pass).unwrap();
        let hy = d.insert(Detainee::new("Արամ Նմուշյան", Category::Civilian)).unwrap();
        let latin = d.insert(Detainee::new("Aram Orinakyan", Category::Civilian)).unwrap();
        let sponsor = d.insert(Sponsor::new("Ոսկեհատ Քաղաք", SponsorKind::City)).unwrap();
        let unreadable = d.insert(Detainee::new("Ուրու Պորձյան", Category::Civilian)).unwrap();
        // As V2 left it: the old transliteration in the index, and one record whose data no longer parses.
        d.conn
            .execute_batch(&format!(
                "UPDATE search SET names = 'արամ նմուշյան aram nmowshyan' WHERE record_id = '{}';
                 UPDATE search SET names = 'ոսկեհատ քաղաք oskehat k`aghak`' WHERE record_id = '{}';
                 UPDATE search SET names = 'ուրու պորձյան owrow pordzyan' WHERE record_id = '{}';
                 UPDATE detainee SET data = json_set(data, '$.born', 'not a date') WHERE id = '{}';
                 PRAGMA user_version = 2;",
                hy.id, sponsor.id, unreadable.id, unreadable.id
            ))
            .unwrap();
        assert!(d.search("nmush", 10).unwrap().is_empty());
        drop(d);
        let d = crate::store::Dossier::open(&path, pass).unwrap();
        let found = |q: &str| d.search(q, 10).unwrap().iter().map(|h| h.id).collect::<Vec<_>>();
        assert_eq!(found("nmush"), [hy.id]);
        assert_eq!(found("aram nmushyan"), [hy.id]);
        assert_eq!(found("voskehat"), [sponsor.id]);
        assert_eq!(found("orinak"), [latin.id]);
        let kept: String = d
            .conn
            .query_row("SELECT names FROM search WHERE record_id = ?1", [unreadable.id.to_string()], |r| r.get(0))
            .unwrap();
        assert_eq!(kept, "ուրու պորձյան owrow pordzyan", "an unreadable record keeps its entry");
        // Search leaves the unreadable record out instead of failing (it used to fail with "corrupt").
        assert!(found("owrow").is_empty() && found("pordz").is_empty());
        let entries: i64 = d.conn.query_row("SELECT count(*) FROM search", [], |r| r.get(0)).unwrap();
        assert_eq!(entries, 4, "one entry per record, none doubled");
    }
}
