//! Opening a dossier's connection: SQLite's one-time initialisation, the key handed to SQLCipher through its C
//! API, and the pragmas every connection runs with.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

/// Opens a connection, after SQLCipher has finished initialising in this process.
///
/// Architecture invariant: every connection in the process is opened here. SQLite marks itself initialised
/// *before* it runs SQLCipher's extra initialisation (`sqlite3_initialize`, `SQLITE_EXTRA_INIT`), and it is that
/// step which registers `sqlcipher_export` for every later connection. A connection opened on another thread in
/// that window lacks the function, so a backup taken on it fails with "no such function: sqlcipher_export" (CI
/// hit this with tests opening dossiers in parallel; the app opens from more than one thread too). A `Once`
/// around one explicit `sqlite3_initialize` makes every opener wait until that step is done.
pub(crate) fn open_connection(path: &Path, flags: OpenFlags) -> rusqlite::Result<Connection> {
    static INIT: std::sync::Once = std::sync::Once::new();
    INIT.call_once(|| {
        // SAFETY: `sqlite3_initialize` may be called at any time and any number of times; a failure is reported
        // again by `sqlite3_open_v2`, which calls it too, as an open error.
        unsafe {
            rusqlite::ffi::sqlite3_initialize();
        }
    });
    let conn = Connection::open_with_flags(path, flags)?;
    distrust_schema(&conn)?;
    Ok(conn)
}

/// A dossier, a backup or a shared copy may come from someone else: its schema is not trusted.
///
/// Invariant: every connection runs with `trusted_schema` off and in defensive mode, set through the C API before
/// the first page is read. A file whose schema holds a view, trigger, default or generated column calling a
/// function not marked innocuous (such as `sqlcipher_export`, or an extension's), or using a virtual table not
/// marked so, is refused when that part is used ("unsafe use of …") instead of running it with this connection's
/// key and attached files; defensive mode refuses what could corrupt the file from SQL (`writable_schema`, writes
/// to the shadow tables of the search index).
fn distrust_schema(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::config::DbConfig;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    Ok(())
}

pub(crate) fn set_key(conn: &Connection, passphrase: &str) -> Result<()> {
    // SQLCipher otherwise prints "hmac check failed" to stderr on a wrong passphrase; our error says it better.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    cipher_key(conn, passphrase, KeyCall::Key)
}

/// Which SQLCipher key function [`cipher_key`] calls.
#[derive(Clone, Copy)]
pub(crate) enum KeyCall {
    /// `sqlite3_key_v2`: the key of the connection's main database.
    Key,
    /// `sqlite3_rekey_v2`: re-encrypts the main database under a new key.
    Rekey,
}

/// Hands the passphrase to SQLCipher through its C API, never as SQL text.
///
/// Invariant: a passphrase is never formatted into an SQL statement (`PRAGMA key = '...'` would leave copies of
/// the statement text in memory that nothing wipes). SQLCipher receives a pointer and a length to the caller's own
/// bytes (the command line keeps them in a `Zeroizing` buffer); no copy is made here. SQLCipher derives the same
/// key from these bytes as `PRAGMA key` did (the pragma calls `sqlite3_key_v2` with the text), so existing
/// dossiers open unchanged.
pub(crate) fn cipher_key(conn: &Connection, passphrase: &str, call: KeyCall) -> Result<()> {
    use rusqlite::ffi;
    let bytes = passphrase.as_bytes();
    let len = std::os::raw::c_int::try_from(bytes.len()).map_err(|_| {
        rusqlite::Error::SqliteFailure(ffi::Error::new(ffi::SQLITE_TOOBIG), Some("passphrase too long".into()))
    })?;
    // SAFETY: `handle()` is the live connection owned by `conn`; SQLCipher copies the `len` bytes it is given
    // (into memory it wipes when freed) and keeps no pointer to them after returning.
    let rc = unsafe {
        let db = conn.handle();
        let name = c"main".as_ptr();
        let key = bytes.as_ptr().cast::<std::os::raw::c_void>();
        match call {
            KeyCall::Key => ffi::sqlite3_key_v2(db, name, key, len),
            KeyCall::Rekey => ffi::sqlite3_rekey_v2(db, name, key, len),
        }
    };
    if rc != ffi::SQLITE_OK {
        // SAFETY: as above; `sqlite3_errmsg` returns a NUL-terminated string owned by the connection.
        let msg =
            unsafe { std::ffi::CStr::from_ptr(ffi::sqlite3_errmsg(conn.handle())) }.to_string_lossy().into_owned();
        return Err(rusqlite::Error::SqliteFailure(ffi::Error::new(rc), Some(msg)).into());
    }
    Ok(())
}

pub(super) fn configure(conn: &Connection) -> Result<()> {
    // WAL: readers never block the writer and a crash mid-write leaves the last committed state.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Corrupt(format!("cannot enable WAL (journal_mode={mode})")));
    }
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -32768;",
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

/// Removes a database file and its WAL and shared-memory files.
pub fn remove_with_sidecars(path: &Path) {
    let _ = std::fs::remove_file(path);
    for ext in ["-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(ext);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}
