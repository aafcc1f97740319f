//! Recovery sheets: any `threshold` of the member organisations' sheets reopen the dossier when its passphrase is
//! lost; fewer learn nothing (see ARCHITECTURE.md, "Recovery").
//!
//! A random 256-bit recovery key R is split by Shamir's scheme (`blahaj`, over GF(256)); each share is printed on
//! a sheet as 35 words ([`words`]) and a QR code ([`sheet`]). R is never stored: an X25519 key pair is derived
//! from it (SHA-256 with a domain label), and only its public key is kept, inside the encrypted dossier (table
//! `recovery_set`, migration V6). The dossier's current passphrase is sealed to that public key (`crypto_box`
//! sealed box) in a file beside the dossier, `<dossier>.recovery`. Whoever holds the dossier re-seals the new
//! passphrase there on each passphrase change without needing R, so the sheets keep working; whoever gathers
//! enough sheets rebuilds R, derives the secret key, opens the file, and so learns the passphrase that opens the
//! dossier (which then gets a new one).

pub mod sheet;
pub mod words;

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

pub use words::Share;

use crate::error::{Error, Result};
use crate::i18n::{tr, Arg, Lang};
use crate::store::Dossier;

/// V6: the dossier's current recovery set (one row at most). R itself is never stored.
pub const V6: &str = r#"
CREATE TABLE IF NOT EXISTS recovery_set (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    dossier_id BLOB NOT NULL CHECK (length(dossier_id) = 4),
    set_id     BLOB NOT NULL CHECK (length(set_id) = 4),
    public_key BLOB NOT NULL CHECK (length(public_key) = 32),
    threshold  INTEGER NOT NULL,
    shares     INTEGER NOT NULL,
    names      TEXT NOT NULL CHECK (json_valid(names)),
    created_at TEXT NOT NULL
) STRICT;
"#;

/// Most sheets a set may have (GF(256) allows 255; a collective has a few members).
pub const MAX_SHARES: u8 = 16;

/// Why recovery refused: each a stable code and a sentence in French and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecoveryError {
    /// A word that is not on the list (position counted from 1).
    UnknownWord {
        position: usize,
        word: String,
    },
    WordCount {
        found: usize,
        expected: usize,
    },
    /// The check does not match: a word was mistyped as another one.
    Checksum,
    /// A sheet from a newer version of Libertas Dossier.
    Version,
    /// Counts or sheet number that no sheet carries.
    Malformed,
    NoShares,
    NotEnough {
        given: usize,
        needed: usize,
    },
    SameSheetTwice {
        number: u8,
    },
    /// The sheets given come from two different recovery sets.
    MixedSets,
    /// The sheets belong to another recovery set of this dossier (an older one, replaced since).
    OtherSet,
    OtherDossier,
    /// The sheets are of the right set but do not combine into its key (a damaged or altered sheet).
    WrongShares,
    /// `<dossier>.recovery` is missing.
    NoFile(PathBuf),
    BadFile(PathBuf),
    /// The passphrase in the recovery file no longer opens the dossier: new sheets are needed.
    Stale,
    /// This dossier has no recovery sheets.
    NotSetUp,
    BadCounts {
        shares: usize,
        threshold: usize,
    },
    NamesCount {
        names: usize,
        shares: usize,
    },
}

impl RecoveryError {
    pub fn code(&self) -> &'static str {
        match self {
            RecoveryError::UnknownWord { .. } => "recovery_unknown_word",
            RecoveryError::WordCount { .. } => "recovery_word_count",
            RecoveryError::Checksum => "recovery_checksum",
            RecoveryError::Version => "recovery_version",
            RecoveryError::Malformed => "recovery_malformed",
            RecoveryError::NoShares => "recovery_no_shares",
            RecoveryError::NotEnough { .. } => "recovery_not_enough",
            RecoveryError::SameSheetTwice { .. } => "recovery_same_sheet_twice",
            RecoveryError::MixedSets => "recovery_mixed_sets",
            RecoveryError::OtherSet => "recovery_other_set",
            RecoveryError::OtherDossier => "recovery_other_dossier",
            RecoveryError::WrongShares => "recovery_wrong_shares",
            RecoveryError::NoFile(_) => "recovery_no_file",
            RecoveryError::BadFile(_) => "recovery_bad_file",
            RecoveryError::Stale => "recovery_stale",
            RecoveryError::NotSetUp => "recovery_not_set_up",
            RecoveryError::BadCounts { .. } => "recovery_bad_counts",
            RecoveryError::NamesCount { .. } => "recovery_names_count",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let key = format!("err-{}", self.code().replace('_', "-"));
        let n = |v: usize| Arg::from(v);
        match self {
            RecoveryError::UnknownWord { position, word } => {
                tr(lang, &key, &[("position", n(*position)), ("word", Arg::from(word))])
            }
            RecoveryError::WordCount { found, expected } => {
                tr(lang, &key, &[("found", n(*found)), ("expected", n(*expected))])
            }
            RecoveryError::NotEnough { given, needed } => {
                tr(lang, &key, &[("given", n(*given)), ("needed", n(*needed))])
            }
            RecoveryError::SameSheetTwice { number } => tr(lang, &key, &[("number", n(usize::from(*number)))]),
            RecoveryError::NoFile(p) | RecoveryError::BadFile(p) => {
                tr(lang, &key, &[("path", Arg::from(&p.display().to_string()))])
            }
            RecoveryError::BadCounts { shares, threshold } => {
                tr(lang, &key, &[("shares", n(*shares)), ("threshold", n(*threshold)), ("max", n(MAX_SHARES.into()))])
            }
            RecoveryError::NamesCount { names, shares } => {
                tr(lang, &key, &[("names", n(*names)), ("shares", n(*shares))])
            }
            _ => tr(lang, &key, &[]),
        }
    }
}

impl From<RecoveryError> for Error {
    fn from(e: RecoveryError) -> Self {
        Error::Recovery(e)
    }
}

/// The current recovery set, as the dossier records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetInfo {
    #[serde(serialize_with = "ser_hex")]
    pub dossier_id: [u8; 4],
    #[serde(serialize_with = "ser_hex")]
    pub set_id: [u8; 4],
    #[serde(skip)]
    pub public_key: [u8; 32],
    pub threshold: u8,
    pub shares: u8,
    /// The member organisation of each sheet, in sheet order (empty when none were named).
    pub names: Vec<String>,
    pub created_at: String,
}

fn ser_hex<S: serde::Serializer>(v: &[u8; 4], s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&words::hex(v))
}

/// The file beside the dossier holding its passphrase sealed for the recovery key: `<dossier>.recovery`.
pub fn sidecar_path(db: &Path) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(".recovery");
    PathBuf::from(p)
}

/// The dossier's recovery set, if it has one.
pub(crate) fn current_set(conn: &Connection) -> Result<Option<SetInfo>> {
    let row = conn
        .query_row(
            "SELECT dossier_id, set_id, public_key, threshold, shares, names, created_at FROM recovery_set",
            [],
            |r| {
                Ok((
                    r.get::<_, Vec<u8>>(0)?,
                    r.get::<_, Vec<u8>>(1)?,
                    r.get::<_, Vec<u8>>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                ))
            },
        )
        .optional()?;
    let Some((dossier_id, set_id, pk, threshold, shares, names, created_at)) = row else { return Ok(None) };
    let bad = || Error::Corrupt("recovery_set".into());
    Ok(Some(SetInfo {
        dossier_id: dossier_id.try_into().map_err(|_| bad())?,
        set_id: set_id.try_into().map_err(|_| bad())?,
        public_key: pk.try_into().map_err(|_| bad())?,
        threshold: u8::try_from(threshold).map_err(|_| bad())?,
        shares: u8::try_from(shares).map_err(|_| bad())?,
        names: serde_json::from_str(&names).map_err(|_| bad())?,
        created_at,
    }))
}

/// The X25519 secret key of a recovery key R (R itself is never used as a key).
fn secret_key(r: &[u8]) -> crypto_box::SecretKey {
    let mut h = Sha256::new();
    h.update(b"libertas-dossier/recovery/x25519/v1");
    h.update(r);
    let mut bytes: [u8; 32] = h.finalize().into();
    let key = crypto_box::SecretKey::from(bytes);
    zeroize::Zeroize::zeroize(&mut bytes);
    key
}

fn random<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).expect("the operating system's random source");
    b
}

/// A new recovery set, made in memory: nothing is written until [`commit_set`].
pub struct NewSet {
    pub info: SetInfo,
    pub shares: Vec<Share>,
}

/// Splits a fresh recovery key into `shares` sheets, any `threshold` of which rebuild it.
pub(crate) fn new_set(d: &Dossier, shares: usize, threshold: usize, names: Vec<String>) -> Result<NewSet> {
    if threshold < 2 || threshold > shares || shares > usize::from(MAX_SHARES) {
        return Err(RecoveryError::BadCounts { shares, threshold }.into());
    }
    if !names.is_empty() && names.len() != shares {
        return Err(RecoveryError::NamesCount { names: names.len(), shares }.into());
    }
    let (n, k) = (shares as u8, threshold as u8);
    let previous = current_set(d.conn())?;
    let dossier_id = previous.as_ref().map(|p| p.dossier_id).unwrap_or_else(random);
    let set_id = loop {
        let id = random::<4>();
        if previous.as_ref().is_none_or(|p| p.set_id != id) {
            break id;
        }
    };
    let r = Zeroizing::new(random::<32>());
    let public_key = *secret_key(&r[..]).public_key().as_bytes();
    let mut out = Vec::with_capacity(shares);
    for s in blahaj::Sharks(k).dealer(&r[..]).take(shares) {
        let bytes = Zeroizing::new(Vec::from(&s));
        let mut shamir = Zeroizing::new([0u8; words::SHAMIR_LEN]);
        shamir.copy_from_slice(&bytes);
        out.push(Share { dossier_id, set_id, threshold: k, shares: n, shamir });
    }
    let created_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    Ok(NewSet {
        info: SetInfo { dossier_id, set_id, public_key, threshold: k, shares: n, names, created_at },
        shares: out,
    })
}

/// Makes `set` the dossier's recovery set: records it and seals `passphrase` (proven to open the dossier) for it
/// beside the dossier, in one transaction (a failed write leaves the previous set in force).
pub(crate) fn commit_set(d: &mut Dossier, passphrase: &str, set: &SetInfo) -> Result<()> {
    if !d.proves_passphrase(passphrase)? {
        return Err(Error::WrongPassphrase(d.path().to_owned()));
    }
    let path = d.path().to_owned();
    d.transaction_raw(|tx| {
        tx.execute("DELETE FROM recovery_set", [])?;
        tx.execute(
            "INSERT INTO recovery_set (id, dossier_id, set_id, public_key, threshold, shares, names, created_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                &set.dossier_id[..],
                &set.set_id[..],
                &set.public_key[..],
                set.threshold,
                set.shares,
                serde_json::to_string(&set.names).map_err(|e| Error::Corrupt(e.to_string()))?,
                set.created_at
            ],
        )?;
        seal_file(&path, set, &[passphrase])
    })
}

const MAGIC: &[u8; 8] = b"LDRECOV1";
const HEADER: usize = 8 + 4 + 4 + 32;

/// Writes `<dossier>.recovery`: `LDRECOV1 | dossier id | set id | public key`, then a sealed box to the public key
/// of `dossier id | set id | count | (length u16, passphrase)…`. Several passphrases during a change (new and
/// current: a crash between the re-key and the rewrite leaves a file that still works).
pub(crate) fn seal_file(db: &Path, set: &SetInfo, passphrases: &[&str]) -> Result<()> {
    let mut plain = Zeroizing::new(Vec::new());
    plain.extend_from_slice(&set.dossier_id);
    plain.extend_from_slice(&set.set_id);
    plain.push(passphrases.len() as u8);
    for p in passphrases {
        let len = u16::try_from(p.len()).map_err(|_| Error::Corrupt("passphrase too long".into()))?;
        plain.extend_from_slice(&len.to_be_bytes());
        plain.extend_from_slice(p.as_bytes());
    }
    let sealed = crypto_box::PublicKey::from(set.public_key)
        .seal(&mut crypto_box::aead::OsRng, &plain)
        .map_err(|_| Error::Corrupt("sealing failed".into()))?;
    let mut file = Vec::with_capacity(HEADER + sealed.len());
    file.extend_from_slice(MAGIC);
    file.extend_from_slice(&set.dossier_id);
    file.extend_from_slice(&set.set_id);
    file.extend_from_slice(&set.public_key);
    file.extend_from_slice(&sealed);
    crate::files::write_bytes(&sidecar_path(db), crate::files::Existing::Replace, &file)
}

/// Whether the recovery file at `file` belongs to `set` (same ids and public key; its content is not opened).
pub fn file_matches(file: &Path, set: &SetInfo) -> bool {
    std::fs::read(file).is_ok_and(|f| {
        f.len() > HEADER
            && &f[..8] == MAGIC
            && f[8..12] == set.dossier_id
            && f[12..16] == set.set_id
            && f[16..HEADER] == set.public_key
    })
}

/// What a complete set of sheets opened: the passphrases the recovery file holds (newest first).
pub struct Opened {
    pub set_id: [u8; 4],
    pub numbers: Vec<u8>,
    pub passphrases: Vec<Zeroizing<String>>,
}

/// Checks sheets against each other: one set, no sheet twice, enough of them. Returns the set's (dossier id, set
/// id, threshold).
pub fn check_shares(shares: &[Share]) -> std::result::Result<(), RecoveryError> {
    let first = shares.first().ok_or(RecoveryError::NoShares)?;
    if shares.iter().any(|s| {
        (s.dossier_id, s.set_id, s.threshold, s.shares)
            != (first.dossier_id, first.set_id, first.threshold, first.shares)
    }) {
        return Err(RecoveryError::MixedSets);
    }
    for (i, s) in shares.iter().enumerate() {
        if shares[..i].iter().any(|o| o.number() == s.number()) {
            return Err(RecoveryError::SameSheetTwice { number: s.number() });
        }
    }
    if shares.len() < usize::from(first.threshold) {
        return Err(RecoveryError::NotEnough { given: shares.len(), needed: first.threshold.into() });
    }
    Ok(())
}

/// Rebuilds the recovery key from `shares` and opens the recovery file beside `db`. Reads only.
pub fn open_file(db: &Path, shares: &[Share]) -> Result<Opened> {
    check_shares(shares)?;
    let path = sidecar_path(db);
    let file = match std::fs::read(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(RecoveryError::NoFile(path).into()),
        Err(source) => return Err(Error::Read { path, source }),
    };
    if file.len() < HEADER || &file[..8] != MAGIC {
        return Err(RecoveryError::BadFile(path).into());
    }
    let first = &shares[0];
    if file[8..12] != first.dossier_id {
        return Err(RecoveryError::OtherDossier.into());
    }
    if file[12..16] != first.set_id {
        return Err(RecoveryError::OtherSet.into());
    }
    let parsed: Vec<blahaj::Share> = shares
        .iter()
        .map(|s| blahaj::Share::try_from(&s.shamir[..]).map_err(|_| RecoveryError::Malformed))
        .collect::<std::result::Result<_, _>>()?;
    let r = Zeroizing::new(blahaj::Sharks(first.threshold).recover(&parsed).map_err(|_| RecoveryError::WrongShares)?);
    let sk = secret_key(&r);
    if sk.public_key().as_bytes()[..] != file[16..HEADER] {
        return Err(RecoveryError::WrongShares.into());
    }
    let plain = Zeroizing::new(sk.unseal(&file[HEADER..]).map_err(|_| RecoveryError::BadFile(path.clone()))?);
    let bad = || Error::from(RecoveryError::BadFile(path.clone()));
    if plain.len() < 9 || plain[..4] != first.dossier_id || plain[4..8] != first.set_id {
        return Err(bad());
    }
    let mut passphrases = Vec::new();
    let mut rest = &plain[9..];
    for _ in 0..plain[8] {
        if rest.len() < 2 {
            return Err(bad());
        }
        let len = usize::from(u16::from_be_bytes([rest[0], rest[1]]));
        let bytes = rest.get(2..2 + len).ok_or_else(bad)?;
        passphrases.push(Zeroizing::new(std::str::from_utf8(bytes).map_err(|_| bad())?.to_owned()));
        rest = &rest[2 + len..];
    }
    Ok(Opened { set_id: first.set_id, numbers: shares.iter().map(Share::number).collect(), passphrases })
}

#[cfg(test)]
mod tests {
    /// A crash between the re-key and the rewrite of the recovery file leaves it holding the new and the old
    /// passphrase: the sheets still open the dossier, whichever one it is under. A file holding only a passphrase
    /// that no longer opens the dossier says new sheets are needed, and changes nothing.
    #[test]
    fn the_recovery_file_opens_whichever_passphrase_it_holds_opens_the_dossier() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.dossier");
        let current = "the current passphrase";
        let mut d = crate::Dossier::create(&path, current).unwrap();
        let set = super::new_set(&d, 3, 2, vec![]).unwrap();
        assert!(matches!(
            super::commit_set(&mut d, "not the passphrase", &set.info),
            Err(crate::Error::WrongPassphrase(_))
        ));
        super::commit_set(&mut d, current, &set.info).unwrap();
        drop(d);
        let texts: Vec<String> = set.shares[1..].iter().map(super::Share::text).collect();
        super::seal_file(&path, &set.info, &["a passphrase never set", current]).unwrap();
        crate::api::open_with_recovery(&path, &texts, "the second passphrase").unwrap();
        crate::Dossier::open(&path, "the second passphrase").unwrap();

        super::seal_file(&path, &set.info, &["a passphrase never set"]).unwrap();
        let before = std::fs::read(&path).unwrap();
        let e = crate::api::open_with_recovery(&path, &texts, "the third passphrase").unwrap_err();
        assert_eq!(e.code(), "recovery_stale");
        assert_eq!(std::fs::read(&path).unwrap(), before);
        crate::Dossier::open(&path, "the second passphrase").unwrap();
    }

    /// Shamir's property, through the crate we use: with a threshold of 2, one share is consistent with every
    /// possible secret (for each candidate first byte there is a line through the share's point), so it says
    /// nothing; the same share in two sets of the same secret differs (fresh randomness).
    #[test]
    fn one_share_alone_reveals_nothing_and_two_rebuild_the_key() {
        let secret = [7u8; 32];
        let shares: Vec<blahaj::Share> = blahaj::Sharks(2).dealer(&secret).take(3).collect();
        let bytes: Vec<Vec<u8>> = shares.iter().map(Vec::from).collect();
        assert_eq!(blahaj::Sharks(2).recover(&shares[..2]).unwrap(), secret);
        assert_eq!(blahaj::Sharks(2).recover(&shares[1..]).unwrap(), secret);
        assert!(blahaj::Sharks(2).recover(&shares[..1]).is_err());
        let again: Vec<u8> = Vec::from(&blahaj::Sharks(2).dealer(&secret).next().unwrap());
        assert_ne!(again[1..], bytes[0][1..], "a share depends on fresh randomness, not only on the secret");
        // No y byte equals the secret's: a share is not the secret in disguise.
        assert!(bytes.iter().all(|b| b[1..] != secret[..]));
    }
}
