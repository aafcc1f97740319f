//! One recovery share as bytes, and those bytes as words of the BIP-39 English list (11 bits a word).
//!
//! Layout, 48 bytes: `version (1) | dossier id (4) | set id (4) | threshold (1) | shares (1) | x (1) | y (32) |
//! checksum (4)`, where `x | y` is the Shamir share (`blahaj`) and the checksum is the first 4 bytes of SHA-256
//! over everything before it. 384 bits make 35 words; the last word's lowest bit is padding and must be 0.
//!
//! Reading is forgiving, since people type these words: case, accents, punctuation, extra spaces and line breaks
//! do not matter, numbers (the sheet numbers its words) are skipped, lines starting with `#` (the header of the
//! `.txt` file) are ignored, and a word is recognised by its first four letters (each BIP-39 word is). The
//! checksum then catches a word typed as another one.

use sha2::{Digest, Sha256};
use zeroize::{Zeroize, Zeroizing};

use super::RecoveryError;

/// Format version of the share encoding.
pub const VERSION: u8 = 1;
/// Bytes of a Shamir share: `x` and a 32-byte `y`.
pub const SHAMIR_LEN: usize = 33;
/// Bytes of an encoded share.
pub const SHARE_LEN: usize = 1 + 4 + 4 + 1 + 1 + SHAMIR_LEN + 4;
/// Words of an encoded share.
pub const WORDS: usize = (SHARE_LEN * 8).div_ceil(11);

/// One share of a recovery set, as printed on one sheet.
#[derive(Clone, PartialEq, Eq)]
pub struct Share {
    pub dossier_id: [u8; 4],
    pub set_id: [u8; 4],
    pub threshold: u8,
    pub shares: u8,
    /// The Shamir share: `x` then `y` (what `blahaj::Share` reads and writes).
    pub shamir: Zeroizing<[u8; SHAMIR_LEN]>,
}

impl std::fmt::Debug for Share {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Share")
            .field("dossier_id", &hex(&self.dossier_id))
            .field("set_id", &hex(&self.set_id))
            .field("threshold", &self.threshold)
            .field("shares", &self.shares)
            .field("number", &self.number())
            .finish_non_exhaustive()
    }
}

pub fn hex(b: &[u8]) -> String {
    b.iter().map(|b| format!("{b:02x}")).collect()
}

fn checksum(body: &[u8]) -> [u8; 4] {
    let d = Sha256::digest(body);
    [d[0], d[1], d[2], d[3]]
}

fn word_list() -> &'static [&'static str; 2048] {
    bip39::Language::English.word_list()
}

impl Share {
    /// The sheet's number (1 to `shares`): Shamir's `x`.
    pub fn number(&self) -> u8 {
        self.shamir[0]
    }

    pub fn to_bytes(&self) -> Zeroizing<[u8; SHARE_LEN]> {
        let mut b = Zeroizing::new([0u8; SHARE_LEN]);
        b[0] = VERSION;
        b[1..5].copy_from_slice(&self.dossier_id);
        b[5..9].copy_from_slice(&self.set_id);
        b[9] = self.threshold;
        b[10] = self.shares;
        b[11..11 + SHAMIR_LEN].copy_from_slice(&self.shamir[..]);
        let sum = checksum(&b[..SHARE_LEN - 4]);
        b[SHARE_LEN - 4..].copy_from_slice(&sum);
        b
    }

    /// Reads the bytes of a share: version, checksum, counts.
    pub fn from_bytes(b: &[u8; SHARE_LEN]) -> Result<Share, RecoveryError> {
        if checksum(&b[..SHARE_LEN - 4]) != b[SHARE_LEN - 4..] {
            return Err(RecoveryError::Checksum);
        }
        if b[0] != VERSION {
            return Err(RecoveryError::Version);
        }
        let (threshold, shares, x) = (b[9], b[10], b[11]);
        if threshold < 2 || threshold > shares || x == 0 || x > shares {
            return Err(RecoveryError::Malformed);
        }
        let mut shamir = Zeroizing::new([0u8; SHAMIR_LEN]);
        shamir.copy_from_slice(&b[11..11 + SHAMIR_LEN]);
        Ok(Share {
            dossier_id: b[1..5].try_into().expect("4 bytes"),
            set_id: b[5..9].try_into().expect("4 bytes"),
            threshold,
            shares,
            shamir,
        })
    }

    /// The share as its 35 words.
    pub fn words(&self) -> Vec<&'static str> {
        let bytes = self.to_bytes();
        let list = word_list();
        let mut out = Vec::with_capacity(WORDS);
        let (mut acc, mut bits) = (0u32, 0u32);
        for &byte in bytes.iter() {
            acc = (acc << 8) | u32::from(byte);
            bits += 8;
            while bits >= 11 {
                bits -= 11;
                out.push(list[((acc >> bits) & 0x7ff) as usize]);
            }
        }
        if bits > 0 {
            out.push(list[((acc << (11 - bits)) & 0x7ff) as usize]);
        }
        acc.zeroize();
        out
    }

    /// The words on one line, as the `.txt` file and the QR code hold them.
    pub fn text(&self) -> String {
        self.words().join(" ")
    }

    /// Reads a share from text: the `.txt` file, the QR code's content or words typed by a person.
    pub fn parse(text: &str) -> Result<Share, RecoveryError> {
        let mut indices = Zeroizing::new(Vec::with_capacity(WORDS));
        let mut position = 0usize;
        for line in text.lines() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            for token in line.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.' | ')' | ':' | '-')) {
                let folded = fold(token);
                if folded.is_empty() {
                    continue;
                }
                position += 1;
                if position > WORDS {
                    // Count the rest, to say how many there were.
                    continue;
                }
                match find(&folded) {
                    Some(i) => indices.push(i),
                    None => {
                        return Err(RecoveryError::UnknownWord { position, word: token.chars().take(40).collect() })
                    }
                }
            }
        }
        if position == 0 {
            return Err(RecoveryError::NoShares);
        }
        if position != WORDS {
            return Err(RecoveryError::WordCount { found: position, expected: WORDS });
        }
        let mut bytes = Zeroizing::new([0u8; SHARE_LEN]);
        let (mut acc, mut bits, mut n) = (0u32, 0u32, 0usize);
        for &i in indices.iter() {
            acc = (acc << 11) | u32::from(i);
            bits += 11;
            while bits >= 8 && n < SHARE_LEN {
                bits -= 8;
                bytes[n] = (acc >> bits) as u8;
                n += 1;
            }
        }
        // What is left is padding: one bit, which must be 0.
        let padding = acc & ((1 << bits) - 1);
        acc.zeroize();
        if padding != 0 {
            return Err(RecoveryError::Checksum);
        }
        Share::from_bytes(&bytes)
    }
}

/// Lower case ASCII letters only: accents removed (`é` → `e`), digits and punctuation dropped.
fn fold(token: &str) -> String {
    if token.chars().all(|c| c.is_ascii_digit() || c.is_ascii_punctuation()) {
        return String::new();
    }
    deunicode::deunicode(token).chars().filter(|c| c.is_ascii_alphabetic()).map(|c| c.to_ascii_lowercase()).collect()
}

/// A word's index: the exact word, else the one word starting with its first four letters.
fn find(folded: &str) -> Option<u16> {
    let list = word_list();
    if let Ok(i) = list.binary_search(&folded) {
        return Some(i as u16);
    }
    if folded.len() < 4 {
        return None;
    }
    let prefix = &folded[..4];
    let start = list.partition_point(|w| *w < prefix);
    let hits = list[start..].iter().take_while(|w| w.starts_with(prefix)).count();
    (hits == 1).then_some(start as u16)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Share {
        let mut shamir = Zeroizing::new([0u8; SHAMIR_LEN]);
        for (i, b) in shamir.iter_mut().enumerate() {
            *b = (i as u8).wrapping_mul(37).wrapping_add(11);
        }
        shamir[0] = 2;
        Share { dossier_id: [1, 2, 3, 4], set_id: [9, 8, 7, 6], threshold: 2, shares: 3, shamir }
    }

    #[test]
    fn the_word_list_is_sorted_and_four_letters_tell_words_apart() {
        let list = word_list();
        assert!(list.windows(2).all(|w| w[0] < w[1]));
        for (i, w) in list.iter().enumerate() {
            assert_eq!(find(w), Some(i as u16));
            if w.len() > 4 {
                assert_eq!(find(&format!("{}zz", &w[..4])), Some(i as u16), "{w}");
            }
        }
    }

    #[test]
    fn words_round_trip() {
        let s = sample();
        let words = s.words();
        assert_eq!(words.len(), WORDS);
        assert_eq!(WORDS, 35);
        assert_eq!(Share::parse(&s.text()).unwrap(), s);
    }

    #[test]
    fn typed_words_are_forgiven() {
        let s = sample();
        let typed: String = s
            .words()
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let w = if i % 3 == 0 { w.to_uppercase() } else { w.to_string() };
                let w = w.replacen('e', "é", 1);
                format!("{}. {w}{}", i + 1, if i % 5 == 4 { "\n\n" } else { "   " })
            })
            .collect();
        assert_eq!(Share::parse(&format!("# header line\n  {typed}  ")).unwrap(), s);
    }

    #[test]
    fn a_mistyped_word_is_caught() {
        let s = sample();
        let list = word_list();
        let mut words: Vec<&str> = s.words();
        for pos in [0, 17, 34] {
            let i = list.iter().position(|w| *w == words[pos]).unwrap();
            let other = list[(i + 1) % 2048];
            let saved = words[pos];
            words[pos] = other;
            assert!(matches!(Share::parse(&words.join(" ")), Err(RecoveryError::Checksum)), "word {pos}");
            words[pos] = saved;
        }
        let saved = words[3];
        words[3] = "xyzzy";
        assert!(matches!(Share::parse(&words.join(" ")), Err(RecoveryError::UnknownWord { position: 4, .. })));
        words[3] = saved;
        assert!(matches!(
            Share::parse(&words[..34].join(" ")),
            Err(RecoveryError::WordCount { found: 34, expected: 35 })
        ));
        assert!(matches!(Share::parse("  \n# only a comment\n"), Err(RecoveryError::NoShares)));
    }

    proptest::proptest! {
        /// Any text reads without panicking, and whatever reads as a share writes back to the same share.
        #[test]
        fn any_text_reads_without_panicking(text in "(\\PC|[ \n#.0-9]){0,400}") {
            if let Ok(s) = Share::parse(&text) {
                proptest::prop_assert_eq!(Share::parse(&s.text()).unwrap(), s);
            }
        }

        /// Every well-formed share (any ids, counts, x and y) survives bytes -> words -> bytes, and typed in
        /// capitals with numbers.
        #[test]
        fn every_share_round_trips(ids in proptest::array::uniform8(0u8..), n in 2u8..=16, k in 2u8..=16,
                                   x in 1u8..=16, y in proptest::array::uniform32(0u8..)) {
            proptest::prop_assume!(k <= n && x <= n);
            let mut shamir = Zeroizing::new([0u8; SHAMIR_LEN]);
            shamir[0] = x;
            shamir[1..].copy_from_slice(&y);
            let s = Share {
                dossier_id: ids[..4].try_into().unwrap(),
                set_id: ids[4..].try_into().unwrap(),
                threshold: k,
                shares: n,
                shamir,
            };
            proptest::prop_assert_eq!(Share::from_bytes(&s.to_bytes()).unwrap(), s.clone());
            let typed: String =
                s.words().iter().enumerate().map(|(i, w)| format!("{}. {} ", i + 1, w.to_uppercase())).collect();
            proptest::prop_assert_eq!(Share::parse(&typed).unwrap(), s);
        }
    }
}
