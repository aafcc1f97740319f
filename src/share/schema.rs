//! V5: the tables of sharing. Empty (and never read beyond one indexed probe) in a dossier that does not share.

/// Appended as the fifth migration, after the lead's V4.
pub const V5: &str = r#"
-- This device, when the dossier is shared: its id, signing key (Ed25519 secret), key-wrapping key (X25519 secret),
-- the shared folder and the sequence number of its next sealed file.
CREATE TABLE IF NOT EXISTS share_self (
    one       INTEGER PRIMARY KEY NOT NULL CHECK (one = 1),
    device_id TEXT NOT NULL,
    sign_key  BLOB NOT NULL,
    box_key   BLOB NOT NULL,
    folder    TEXT NOT NULL,
    next_seq  INTEGER NOT NULL
) STRICT;

-- The shared dossier keys, one per epoch (a rotation adds one). Random, 256 bits, separate from the passphrase.
CREATE TABLE IF NOT EXISTS share_key (
    epoch      INTEGER PRIMARY KEY NOT NULL,
    key        BLOB NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

-- The roster: every device that ever took part. `revoked_after`: the last sequence number of its files that any
-- replica accepts.
CREATE TABLE IF NOT EXISTS share_device (
    id            TEXT PRIMARY KEY NOT NULL,
    name          TEXT NOT NULL,
    user          TEXT NOT NULL,
    sign_pk       BLOB NOT NULL,
    box_pk        BLOB NOT NULL,
    added_by      TEXT NOT NULL,
    added_at      TEXT NOT NULL,
    revoked_after INTEGER,
    revoked_at    TEXT
) STRICT;

-- One Automerge document per record: the shared state the record table is a view of.
CREATE TABLE IF NOT EXISTS share_doc (
    record_id TEXT PRIMARY KEY NOT NULL,
    kind      TEXT NOT NULL,
    doc       BLOB NOT NULL
) STRICT;

-- Changes made here and not yet sealed into the folder (Automerge changes and roster messages), in order.
CREATE TABLE IF NOT EXISTS share_outbox (
    seq  INTEGER PRIMARY KEY AUTOINCREMENT,
    item TEXT NOT NULL
) STRICT;

-- Files of the folder applied completely (every change in them is in the documents).
CREATE TABLE IF NOT EXISTS share_applied (
    device TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    PRIMARY KEY (device, seq)
) STRICT;
"#;

/// V7: which records have open conflicts, so that lists can mark them and the sidebar count them without opening
/// every shared document. Rebuilt in full at the end of every sync, kept up to date by local writes in between
/// (`share::conflicts::reindex_one`). `owner`: the record a list shows for it (a contact's or photo's detainee; the
/// record itself otherwise).
pub const V7: &str = r#"
CREATE TABLE IF NOT EXISTS share_conflict (
    record_id TEXT PRIMARY KEY NOT NULL,
    kind      TEXT NOT NULL,
    owner     TEXT NOT NULL,
    open      INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS share_conflict_owner ON share_conflict (owner);
"#;
