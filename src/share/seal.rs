//! Sealed files: what the shared folder holds. No cryptography is written here: XChaCha20-Poly1305
//! (`chacha20poly1305`), Ed25519 (`ed25519-dalek`), Argon2id (`argon2`) and sealed boxes (`crypto_box`) do it all.
//!
//! A change file:
//! ```text
//! "LDS1" | version 1 (1 byte) | device id (16) | seq (u64 LE) | key epoch (u32 LE) | nonce (24)   = header, 57 bytes
//! XChaCha20-Poly1305(shared key of the epoch, nonce, aad = header, padded payload)
//! Ed25519 signature by the device over header and ciphertext (64)
//! ```
//! The padded payload is `u32 LE length | payload | zeros` up to a size bucket (1, 4, 16, 64, 256 KiB, 1 MiB, then
//! whole MiB), so a file's size tells little about what changed.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::error::{Error, Result};

const MAGIC: &[u8; 4] = b"LDS1";
const INVITE_MAGIC: &[u8; 4] = b"LDI1";
pub const HEADER: usize = 4 + 1 + 16 + 8 + 4 + 24;
const TAG: usize = 16;
const SIG: usize = 64;

pub fn random<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).expect("the operating system's random source");
    b
}

/// The size a payload of `n` bytes (plus its 4-byte length) is padded to.
pub fn bucket(n: usize) -> usize {
    let need = n + 4;
    let mut b = 1024;
    while b < need && b < 1 << 20 {
        b *= 4;
    }
    if need <= b {
        b
    } else {
        need.div_ceil(1 << 20) * (1 << 20)
    }
}

fn is_bucket(n: usize) -> bool {
    n >= 1024 && bucket(n - 4) == n
}

/// The size a blob's payload of `n` bytes (plus its 4-byte length) is padded to: the buckets of change files up to
/// 64 KiB, then the next multiple of an eighth of the power of two below (a photo of 300 KB takes 320 KiB, not
/// 1 MiB): at most 12.5 % of padding, and a size known to three bits.
pub fn blob_bucket(n: usize) -> usize {
    let need = n + 4;
    if need <= 64 * 1024 {
        return bucket(n);
    }
    let step = 1usize << (usize::BITS - 1 - need.leading_zeros() - 3);
    need.div_ceil(step) * step
}

fn is_blob_bucket(n: usize) -> bool {
    n >= 1024 && blob_bucket(n - 4) == n
}

/// The fixed part of a change file, readable without any key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub device: Uuid,
    pub seq: u64,
    pub epoch: u32,
}

/// Why a file was refused. Each maps to a stable code and a sentence in French and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Too short, or not a whole size bucket: cut off in transfer or damaged.
    Truncated,
    /// Not a change file at all, or its name does not match its header.
    NotAChangeFile,
    /// From a device that is not on the roster (yet: it is tried again at every sync).
    UnknownDevice,
    /// From a revoked device, after the point of its revocation.
    Revoked,
    /// The signature does not verify: altered or made by someone else.
    Forged,
    /// Signed by a known device but not sealed under a dossier key this device has.
    WrongKey,
    /// Sealed under a newer key that has not reached this device yet (tried again at every sync).
    KeyNotYetKnown,
    /// Its changes need others that are not in the folder yet (tried again at every sync).
    Waiting,
}

impl Refusal {
    pub fn code(self) -> &'static str {
        match self {
            Refusal::Truncated => "share_truncated",
            Refusal::NotAChangeFile => "share_not_a_change_file",
            Refusal::UnknownDevice => "share_unknown_device",
            Refusal::Revoked => "share_revoked_device",
            Refusal::Forged => "share_forged",
            Refusal::WrongKey => "share_wrong_key",
            Refusal::KeyNotYetKnown => "share_key_not_yet_known",
            Refusal::Waiting => "share_waiting",
        }
    }

    /// Files worth trying again later (they may become applicable); the others never will.
    pub fn retry(self) -> bool {
        matches!(self, Refusal::UnknownDevice | Refusal::KeyNotYetKnown | Refusal::Waiting)
    }
}

pub fn parse_header(bytes: &[u8]) -> Result<Header, Refusal> {
    if bytes.len() < 4 || &bytes[..4] != MAGIC {
        return Err(if bytes.len() < 4 { Refusal::Truncated } else { Refusal::NotAChangeFile });
    }
    if bytes.len() < HEADER + TAG + SIG || !is_bucket(bytes.len() - HEADER - TAG - SIG) {
        return Err(Refusal::Truncated);
    }
    if bytes[4] != 1 {
        return Err(Refusal::NotAChangeFile);
    }
    let device = Uuid::from_bytes(bytes[5..21].try_into().expect("16 bytes"));
    let seq = u64::from_le_bytes(bytes[21..29].try_into().expect("8 bytes"));
    let epoch = u32::from_le_bytes(bytes[29..33].try_into().expect("4 bytes"));
    Ok(Header { device, seq, epoch })
}

/// Seals `payload` as file `seq` of `device`.
pub fn seal(device: Uuid, seq: u64, epoch: u32, key: &[u8; 32], signer: &SigningKey, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + bucket(payload.len()) + TAG + SIG);
    out.extend_from_slice(MAGIC);
    out.push(1);
    out.extend_from_slice(device.as_bytes());
    out.extend_from_slice(&seq.to_le_bytes());
    out.extend_from_slice(&epoch.to_le_bytes());
    out.extend_from_slice(&random::<24>());
    seal_after(out, HEADER, bucket, key, signer, payload)
}

/// Encrypts the padded payload after `header` (its last 24 bytes are the nonce; all of it is associated data), then
/// signs header and ciphertext.
fn seal_after(
    mut out: Vec<u8>,
    header: usize,
    pad: fn(usize) -> usize,
    key: &[u8; 32],
    signer: &SigningKey,
    payload: &[u8],
) -> Vec<u8> {
    let mut padded = Zeroizing::new(Vec::with_capacity(pad(payload.len())));
    padded.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    padded.extend_from_slice(payload);
    padded.resize(pad(payload.len()), 0);
    let cipher = XChaCha20Poly1305::new(key.into());
    let nonce = XNonce::clone_from_slice(&out[header - 24..header]);
    let ct = cipher.encrypt(&nonce, Payload { msg: &padded, aad: &out[..header] }).expect("encryption cannot fail");
    out.extend_from_slice(&ct);
    let sig = signer.sign(&out);
    out.extend_from_slice(&sig.to_bytes());
    out
}

/// Checks the signature with the device's public key.
pub fn verify(bytes: &[u8], device_key: &[u8]) -> Result<(), Refusal> {
    let key: [u8; 32] = device_key.try_into().map_err(|_| Refusal::Forged)?;
    let vk = VerifyingKey::from_bytes(&key).map_err(|_| Refusal::Forged)?;
    let (body, sig) = bytes.split_at(bytes.len() - SIG);
    let sig = Signature::from_slice(sig).map_err(|_| Refusal::Forged)?;
    vk.verify_strict(body, &sig).map_err(|_| Refusal::Forged)
}

/// Decrypts a verified file; returns the payload.
pub fn open(bytes: &[u8], key: &[u8; 32]) -> Result<Zeroizing<Vec<u8>>, Refusal> {
    open_after(bytes, HEADER, key)
}

fn open_after(bytes: &[u8], header: usize, key: &[u8; 32]) -> Result<Zeroizing<Vec<u8>>, Refusal> {
    let body = &bytes[..bytes.len() - SIG];
    let cipher = XChaCha20Poly1305::new(key.into());
    let nonce = XNonce::clone_from_slice(&body[header - 24..header]);
    let padded = Zeroizing::new(
        cipher
            .decrypt(&nonce, Payload { msg: &body[header..], aad: &body[..header] })
            .map_err(|_| Refusal::WrongKey)?,
    );
    let n = u32::from_le_bytes(padded[..4].try_into().expect("4 bytes")) as usize;
    if n + 4 > padded.len() {
        return Err(Refusal::NotAChangeFile);
    }
    Ok(Zeroizing::new(padded[4..4 + n].to_vec()))
}

// ---------------------------------------------------------------------------------------------------------------
// Blobs: a photo's or logo's bytes and thumbnail, in a file of their own named by a keyed hash of the bytes.
//
// "LDB1" | version 1 | device id (16) | key epoch (u32 LE) | name (32) | nonce (24)   = header, 81 bytes
// XChaCha20-Poly1305(shared key of the epoch, nonce, aad = header, u32 LE length | u32 LE bytes length | bytes |
// thumbnail | zeros up to a blob size bucket, [`blob_bucket`]), then the device's Ed25519 signature over all of it.

const BLOB_MAGIC: &[u8; 4] = b"LDB1";
pub const BLOB_HEADER: usize = 4 + 1 + 16 + 4 + 32 + 24;

/// The fixed part of a blob file, readable without any key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlobHeader {
    pub device: Uuid,
    pub epoch: u32,
    pub name: [u8; 32],
}

/// The key naming blobs under a dossier key: HMAC-SHA256(dossier key, label). Names made with it reveal nothing
/// of the photo (a plain hash of a known photo would be recognisable), yet equal photos get equal names.
pub fn blob_name_key(key: &[u8; 32]) -> Zeroizing<[u8; 32]> {
    Zeroizing::new(hmac(key, b"libertas-dossier blob name v1"))
}

/// A blob's name: HMAC-SHA256(name key, bytes).
pub fn blob_name(name_key: &[u8; 32], bytes: &[u8]) -> [u8; 32] {
    hmac(name_key, bytes)
}

fn hmac(key: &[u8; 32], msg: &[u8]) -> [u8; 32] {
    use hmac::Mac;
    let mut m = <hmac::Hmac<sha2::Sha256> as Mac>::new_from_slice(key).expect("any key length");
    m.update(msg);
    m.finalize().into_bytes().into()
}

pub fn seal_blob(
    device: Uuid,
    epoch: u32,
    key: &[u8; 32],
    signer: &SigningKey,
    name: &[u8; 32],
    bytes: &[u8],
    thumb: &[u8],
) -> Vec<u8> {
    let mut payload = Zeroizing::new(Vec::with_capacity(4 + bytes.len() + thumb.len()));
    payload.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    payload.extend_from_slice(bytes);
    payload.extend_from_slice(thumb);
    let mut out = Vec::with_capacity(BLOB_HEADER + blob_bucket(payload.len()) + TAG + SIG);
    out.extend_from_slice(BLOB_MAGIC);
    out.push(1);
    out.extend_from_slice(device.as_bytes());
    out.extend_from_slice(&epoch.to_le_bytes());
    out.extend_from_slice(name);
    out.extend_from_slice(&random::<24>());
    seal_after(out, BLOB_HEADER, blob_bucket, key, signer, &payload)
}

pub fn parse_blob_header(bytes: &[u8]) -> Result<BlobHeader, Refusal> {
    if bytes.len() < 4 || &bytes[..4] != BLOB_MAGIC {
        return Err(if bytes.len() < 4 { Refusal::Truncated } else { Refusal::NotAChangeFile });
    }
    if bytes.len() < BLOB_HEADER + TAG + SIG || !is_blob_bucket(bytes.len() - BLOB_HEADER - TAG - SIG) {
        return Err(Refusal::Truncated);
    }
    if bytes[4] != 1 {
        return Err(Refusal::NotAChangeFile);
    }
    Ok(BlobHeader {
        device: Uuid::from_bytes(bytes[5..21].try_into().expect("16 bytes")),
        epoch: u32::from_le_bytes(bytes[21..25].try_into().expect("4 bytes")),
        name: bytes[25..57].try_into().expect("32 bytes"),
    })
}

/// A blob's bytes and thumbnail.
pub type BlobContent = (Zeroizing<Vec<u8>>, Zeroizing<Vec<u8>>);

/// Opens a blob whose signature was verified: its bytes and thumbnail, if they are what its name says.
pub fn open_blob(bytes: &[u8], key: &[u8; 32], name: &[u8; 32]) -> Result<BlobContent, Refusal> {
    let plain = open_after(bytes, BLOB_HEADER, key)?;
    if plain.len() < 4 {
        return Err(Refusal::NotAChangeFile);
    }
    let n = u32::from_le_bytes(plain[..4].try_into().expect("4 bytes")) as usize;
    if n + 4 > plain.len() {
        return Err(Refusal::NotAChangeFile);
    }
    let (b, t) = plain[4..].split_at(n);
    if blob_name(&blob_name_key(key), b) != *name {
        return Err(Refusal::Forged);
    }
    Ok((Zeroizing::new(b.to_vec()), Zeroizing::new(t.to_vec())))
}

// ---------------------------------------------------------------------------------------------------------------
// Invitations: sealed under a key derived from a one-time code.

/// Argon2id, 64 MiB, 3 passes: each guess at the code costs the same memory and time as the real derivation.
fn code_key(code: &str, salt: &[u8; 16]) -> Zeroizing<[u8; 32]> {
    let normal: String = code.split_whitespace().map(|w| w.to_lowercase()).collect::<Vec<_>>().join(" ");
    let params = Params::new(64 * 1024, 3, 1, Some(32)).expect("valid parameters");
    let mut key = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(normal.as_bytes(), salt, &mut *key)
        .expect("argon2 with valid parameters");
    key
}

pub fn seal_invitation(code: &str, payload: &[u8]) -> Vec<u8> {
    let salt = random::<16>();
    let nonce = random::<24>();
    let key = code_key(code, &salt);
    let cipher = XChaCha20Poly1305::new((&*key).into());
    let mut out = INVITE_MAGIC.to_vec();
    out.extend_from_slice(&salt);
    out.extend_from_slice(&nonce);
    let ct = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: payload, aad: INVITE_MAGIC })
        .expect("encryption cannot fail");
    out.extend_from_slice(&ct);
    out
}

pub fn open_invitation(code: &str, bytes: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    if bytes.len() < 4 + 16 + 24 + TAG || &bytes[..4] != INVITE_MAGIC {
        return Err(Error::Share(super::ShareError::NotAnInvitation));
    }
    let salt: [u8; 16] = bytes[4..20].try_into().expect("16 bytes");
    let key = code_key(code, &salt);
    let cipher = XChaCha20Poly1305::new((&*key).into());
    cipher
        .decrypt(XNonce::from_slice(&bytes[20..44]), Payload { msg: &bytes[44..], aad: INVITE_MAGIC })
        .map(Zeroizing::new)
        .map_err(|_| Error::Share(super::ShareError::WrongCode))
}

// ---------------------------------------------------------------------------------------------------------------
// Key rotation: a new dossier key wrapped for each remaining device (sealed box to its X25519 key).

pub fn wrap_key(box_pk: &[u8], key: &[u8; 32]) -> Option<Vec<u8>> {
    let pk: [u8; 32] = box_pk.try_into().ok()?;
    crypto_box::PublicKey::from(pk).seal(&mut crypto_box::aead::OsRng, key).ok()
}

pub fn unwrap_key(box_sk: &[u8], wrapped: &[u8]) -> Option<Zeroizing<[u8; 32]>> {
    let sk: [u8; 32] = box_sk.try_into().ok()?;
    let plain = Zeroizing::new(crypto_box::SecretKey::from(sk).unseal(wrapped).ok()?);
    let key: [u8; 32] = plain.as_slice().try_into().ok()?;
    Some(Zeroizing::new(key))
}

pub fn box_public(box_sk: &[u8; 32]) -> [u8; 32] {
    *crypto_box::SecretKey::from(*box_sk).public_key().as_bytes()
}

// ---------------------------------------------------------------------------------------------------------------
// The one-time code: 7 words of 12 bits each (84 bits), consonant-vowel pairs easy to read out and type.

const CONSONANTS: &[u8; 16] = b"bdfghjklmnprstvz";
const VOWELS: &[u8; 4] = b"aeio";

pub fn new_code() -> String {
    let bytes = random::<11>();
    let mut bits: u128 = 0;
    for b in bytes {
        bits = (bits << 8) | b as u128;
    }
    (0..7)
        .map(|i| {
            let w = ((bits >> (i * 12)) & 0xfff) as usize;
            let c1 = CONSONANTS[w >> 8];
            let v1 = VOWELS[(w >> 6) & 3];
            let c2 = CONSONANTS[(w >> 2) & 15];
            let v2 = VOWELS[w & 3];
            String::from_utf8(vec![c1, v1, c2, v2]).expect("ascii")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blob_buckets_pad_at_most_an_eighth_above_64_kib_and_are_recognised() {
        for n in [0usize, 1000, 70_000, 200_000, 262_140, 300_000, 1 << 20, 5_000_000] {
            let b = blob_bucket(n);
            assert!(b >= n + 4 && is_blob_bucket(b), "{n} -> {b}");
            if n + 4 > 64 * 1024 {
                assert!((b as f64) <= (n + 4) as f64 * 1.125, "{n} -> {b}");
            }
            assert!(!is_blob_bucket(b - 10), "a cut-off blob is not a whole bucket: {b}");
        }
        assert_eq!(blob_bucket(300_000), 327_680);
    }
}
