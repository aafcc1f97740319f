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

/// V8: the bin (`bin.rs`). An entry per deletion, the rows it took with it in `bin_item` (photos with their bytes).
const V8: &str = r#"
CREATE TABLE IF NOT EXISTS bin (
    id         INTEGER PRIMARY KEY,
    deleted_at TEXT NOT NULL,
    deleted_by TEXT NOT NULL,
    kind       TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    label      TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS bin_record ON bin (record_id);
CREATE TABLE IF NOT EXISTS bin_item (
    bin_id     INTEGER NOT NULL REFERENCES bin (id),
    seq        INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    data       TEXT NOT NULL,
    bytes      BLOB,
    thumb      BLOB,
    PRIMARY KEY (bin_id, seq)
) STRICT;
"#;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(V1),
        M::up(V2),
        M::up_with_hook("", rebuild_search_index),
        M::up_with_hook("", clean_stored_jpegs),
        // --- share: V5, sharing one dossier between offices (src/share/) ---
        M::up(crate::share::schema::V5),
        // --- end share ---
        // --- recovery: V6, the recovery set (src/recovery/) ---
        M::up(crate::recovery::V6),
        // --- end recovery ---
        // --- share: V7, the index of open conflicts (src/share/) ---
        M::up(crate::share::schema::V7),
        // --- end share V7 ---
        M::up(V8),
    ])
}

/// V4 (no schema change): photos and logos stored before JPEG cleaning walked the whole file kept what followed
/// the first scan — segments between progressive scans (XMP, comments) and images appended after the end (MPF
/// previews, gain maps, each with its own EXIF and GPS). Every stored JPEG is rebuilt by `media::strip_metadata`
/// and its recorded SHA-256 and size updated. A maintenance rewrite, not an edit: no history entry, times unchanged. A
/// stored file the cleaner cannot read (none should exist: each was decoded at import) is left as it was rather
/// than making the dossier impossible to open.
fn clean_stored_jpegs(tx: &rusqlite::Transaction<'_>) -> Result<(), HookError> {
    let rows: Vec<(String, Vec<u8>)> = {
        let mut st = tx.prepare("SELECT id, bytes FROM media WHERE data ->> '$.mime' = 'image/jpeg'")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        rows
    };
    let mut update = tx.prepare(
        "UPDATE media SET bytes = ?2, data = json_set(data, '$.sha256', ?3, '$.byte_len', ?4) WHERE id = ?1",
    )?;
    for (id, bytes) in rows {
        let Ok(clean) = crate::media::strip_metadata(bytes.clone(), image::ImageFormat::Jpeg) else { continue };
        if clean != bytes {
            let sha = crate::media::hex(&<sha2::Sha256 as sha2::Digest>::digest(&clean));
            update.execute(rusqlite::params![id, clean, sha, clean.len() as i64])?;
        }
    }
    Ok(())
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

    /// Photos stored before V4 kept an image appended after their end (with its EXIF) and comments between
    /// scans: opening the dossier rebuilds them, with their recorded digest and size.
    #[test]
    fn v4_cleans_jpegs_stored_before_the_whole_file_was_walked() {
        use crate::model::{Category, Detainee, Disclosure, Media};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.dossier");
        let pass = "an old dossier passphrase";
        let img = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([x as u8 * 4, y as u8 * 5, 77]));
        let mut clean = vec![];
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut clean, 90).encode_image(&img).unwrap();
        let file = dir.path().join("photo.jpg");
        std::fs::write(&file, &clean).unwrap();
        let mut d = crate::store::Dossier::create(&path, pass).unwrap();
        let p = d.insert(Detainee::new("Hasmik Fictivyan", Category::Civilian)).unwrap();
        let photo = d.add_photo(p.id, &file, Disclosure::PUBLIC).unwrap();
        let stored = d.media_bytes(photo.id).unwrap();
        // As an earlier version stored a phone photo: a comment before the end, a second image after it.
        let mut old = stored[..stored.len() - 2].to_vec();
        old.extend_from_slice(b"\xFF\xFE\x00\x10CANARY-COMMENT");
        old.extend_from_slice(b"\xFF\xD9");
        old.extend_from_slice(&clean);
        old.extend_from_slice(b"CANARY-TRAILER");
        d.conn
            .execute("UPDATE media SET bytes = ?2 WHERE id = ?1", rusqlite::params![photo.id.to_string(), old])
            .unwrap();
        d.conn.execute_batch("PRAGMA user_version = 3").unwrap();
        drop(d);
        let d = crate::store::Dossier::open(&path, pass).unwrap();
        let bytes = d.media_bytes(photo.id).unwrap();
        assert_eq!(bytes, stored, "the stored photo is rebuilt to exactly what an import stores today");
        let media = d.get::<Media>(photo.id).unwrap().data;
        assert_eq!(media.sha256, crate::media::hex(&<sha2::Sha256 as sha2::Digest>::digest(&bytes)));
        assert_eq!(media.byte_len, bytes.len() as u64);
    }
}
