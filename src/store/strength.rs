//! How hard a new passphrase is to guess: the one rule for every passphrase the app asks for (creating a dossier,
//! changing its passphrase, joining a shared dossier, reopening one from recovery sheets). The estimate is
//! `zxcvbn`'s (dictionaries, keyboard patterns, dates, repeats), not a count of character classes; the app shows it
//! while the passphrase is typed and the core refuses below [`MIN_SCORE`]. Existing dossiers keep opening whatever
//! their passphrase: only a new passphrase is judged.

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use zxcvbn::feedback::Warning;
use zxcvbn::Score;

use crate::error::{Error, Result};
use crate::i18n::{tr, Lang};

/// The shortest passphrase accepted, whatever its score.
pub const MIN_PASSPHRASE: usize = 8;

/// The lowest zxcvbn score accepted (0 to 4): 3 is "safely unguessable: moderate protection from an offline
/// slow-hash scenario" (about 10^10 guesses), which SQLCipher's key derivation makes an offline attack.
pub const MIN_SCORE: u8 = 3;

/// What the app shows under a passphrase being typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Strength {
    /// zxcvbn's score, 0 (guessed at once) to 4 (very hard to guess).
    pub score: u8,
    /// Long enough and scored at least [`MIN_SCORE`]: the core will accept it.
    pub acceptable: bool,
    /// Shorter than [`MIN_PASSPHRASE`] characters.
    pub too_short: bool,
    /// What makes it guessable, in the user's language, when zxcvbn says.
    pub hint: Option<String>,
}

/// zxcvbn's verdict: too short, the score, and the Fluent id of what makes it guessable.
struct Estimate {
    too_short: bool,
    score: u8,
    hint: Option<&'static str>,
}

impl Estimate {
    fn acceptable(&self) -> bool {
        !self.too_short && self.score >= MIN_SCORE
    }
}

fn estimate(passphrase: &str, context: &[String]) -> Estimate {
    let too_short = passphrase.chars().count() < MIN_PASSPHRASE;
    // zxcvbn's cost grows with length, and past 100 characters nothing changes a score of 4: only the start is
    // judged.
    let judged: String = passphrase.chars().take(100).collect();
    let context: Vec<&str> = context.iter().map(String::as_str).collect();
    let e = zxcvbn::zxcvbn(&judged, &context);
    let hint = e.feedback().and_then(|f| f.warning()).map(hint_id);
    Estimate { too_short, score: score_number(e.score()), hint }
}

/// Judges `passphrase`. `context` holds words an attacker would try first (the user's name, the dossier's file
/// name): a passphrase made of them scores lower.
pub fn strength(passphrase: &str, context: &[String], lang: Lang) -> Strength {
    let e = estimate(passphrase, context);
    Strength {
        score: e.score,
        acceptable: e.acceptable(),
        too_short: e.too_short,
        hint: e.hint.filter(|_| !e.acceptable()).map(|id| tr(lang, id, &[])),
    }
}

/// Refuses a new passphrase that [`strength`] does not find acceptable, with a message saying why and suggesting a
/// few random words.
pub fn check_new(passphrase: &str, context: &[String]) -> Result<()> {
    let e = estimate(passphrase, context);
    if e.too_short {
        return Err(Error::WeakPassphrase { min: MIN_PASSPHRASE });
    }
    if !e.acceptable() {
        return Err(Error::GuessablePassphrase { score: e.score, hint: e.hint, example: random_words(5) });
    }
    Ok(())
}

/// `count` words drawn at random from the French BIP-39 list (2,048 common words, none a prefix-twin of another):
/// an example of the kind of passphrase that is both strong (11 bits a word) and easy to remember. Shown once, never
/// stored.
pub fn random_words(count: usize) -> String {
    let list = bip39::Language::French.word_list();
    (0..count)
        .map(|_| {
            let mut b = [0u8; 2];
            getrandom::fill(&mut b).expect("the operating system's random source");
            let i = usize::from(u16::from_le_bytes(b)) % list.len();
            list[i].nfc().collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn score_number(s: Score) -> u8 {
    match s {
        Score::Zero => 0,
        Score::One => 1,
        Score::Two => 2,
        Score::Three => 3,
        _ => 4,
    }
}

/// The Fluent id explaining a zxcvbn warning (in `dossier.ftl`, both languages).
fn hint_id(w: Warning) -> &'static str {
    match w {
        Warning::StraightRowsOfKeysAreEasyToGuess | Warning::ShortKeyboardPatternsAreEasyToGuess => {
            "weak-hint-keyboard"
        }
        Warning::RepeatsLikeAaaAreEasyToGuess | Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => {
            "weak-hint-repeats"
        }
        Warning::SequencesLikeAbcAreEasyToGuess => "weak-hint-sequence",
        Warning::RecentYearsAreEasyToGuess | Warning::DatesAreOftenEasyToGuess => "weak-hint-dates",
        Warning::ThisIsATop10Password
        | Warning::ThisIsATop100Password
        | Warning::ThisIsACommonPassword
        | Warning::ThisIsSimilarToACommonlyUsedPassword => "weak-hint-common",
        Warning::NamesAndSurnamesByThemselvesAreEasyToGuess | Warning::CommonNamesAndSurnamesAreEasyToGuess => {
            "weak-hint-names"
        }
        _ => "weak-hint-words",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_random_words_pass_and_common_or_short_ones_do_not() {
        let fr = Lang::Fr;
        assert!(strength("rose tulipe orage cadran", &[], fr).acceptable);
        assert!(strength(&random_words(5), &[], fr).acceptable);
        let common = strength("motdepasse123", &[], fr);
        assert!(!common.acceptable && !common.too_short, "{common:?}");
        assert_eq!(common.hint.as_deref(), Some("Elle ressemble à un mot de passe très répandu."));
        let keyboard = strength("azertyuiop", &[], Lang::En);
        assert!(!keyboard.acceptable, "{keyboard:?}");
        assert!(keyboard.hint.is_some(), "{keyboard:?}");
        assert!(strength("court", &[], fr).too_short);
        assert!(matches!(check_new("court", &[]), Err(Error::WeakPassphrase { min: 8 })));
        assert!(matches!(check_new("password1", &[]), Err(Error::GuessablePassphrase { .. })));
        assert!(check_new("rose tulipe orage cadran", &[]).is_ok());
    }

    #[test]
    fn the_users_own_name_counts_against_a_passphrase() {
        // A fictional user: alone the passphrase scores 4, made of the user's own name it is refused.
        let context = vec!["ani".to_owned(), "vardanyan".to_owned()];
        assert_eq!(strength("vardanyan2024", &[], Lang::Fr).score, 4);
        assert!(!strength("vardanyan2024", &context, Lang::Fr).acceptable);
    }

    #[test]
    fn the_example_is_five_words_and_differs_each_time() {
        let a = random_words(5);
        assert_eq!(a.split(' ').count(), 5);
        assert_ne!(a, random_words(5), "random");
    }
}
