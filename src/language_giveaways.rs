//! Words that give a language away inside a sentence of the other, for the tests that read every message in
//! French and in English (`src/messages_tests.rs` and `tests/messages.rs` both include this file). Whole words,
//! lower case.

/// The words of a sentence, leaving out what is not in its language: paths (`/`), environment variables and
/// identifiers (`_`), anything carrying a digit (record ids such as `63d25d2a-0e8f-4c01-be62-…`, whose hex
/// letters would otherwise read as the word "be", numbers and dates), and command-line flags with their value
/// (`--kind detainee`).
pub fn words(text: &str) -> Vec<String> {
    let mut kept = vec![];
    let mut after_flag = false;
    for chunk in text.split_whitespace() {
        let flag = chunk.trim_start_matches(['"', '(']).starts_with("--");
        let foreign = chunk.contains('/') || chunk.contains('_') || chunk.contains(|c: char| c.is_ascii_digit());
        if !(flag || after_flag || foreign) {
            kept.push(chunk);
        }
        after_flag = flag;
    }
    kept.join(" ").split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Words that give English away inside a French sentence.
pub const ENGLISH: &[&str] = &[
    "the",
    "is",
    "not",
    "file",
    "line",
    "record",
    "records",
    "sponsorship",
    "sponsor",
    "detainee",
    "template",
    "with",
    "and",
    "of",
    "cannot",
    "expected",
    "unknown",
    "missing",
    "found",
    "does",
    "has",
    "error",
    "backup",
    "passphrase",
    "sheet",
    "column",
    "columns",
    "value",
    "field",
    "row",
    "rows",
    "must",
    "no",
    "at",
    "for",
    "from",
    "this",
    "that",
    "was",
    "were",
    "be",
    "by",
    "its",
    "refers",
    "listed",
    "twice",
    "only",
    "ended",
    "already",
    "new",
    "current",
    "differs",
    "copy",
    "digest",
    "empty",
    "workbook",
    "filled",
    "text",
    "unexpected",
    "damaged",
    "bad",
    "invalid",
    "known",
    "exist",
    "exists",
    "more",
    "cells",
    "than",
    "same",
];

/// Words that give French away inside an English sentence.
#[allow(dead_code)]
pub const FRENCH: &[&str] = &[
    "le",
    "la",
    "les",
    "des",
    "du",
    "est",
    "une",
    "un",
    "pas",
    "fichier",
    "ligne",
    "être",
    "fiche",
    "fiches",
    "modèle",
    "parrain",
    "parrainage",
    "détenu",
    "sauvegarde",
    "erreur",
    "avec",
    "dans",
    "pour",
    "sur",
    "vous",
    "cette",
    "aucun",
    "aucune",
    "ou",
    "et",
    "au",
    "aux",
    "qui",
    "que",
    "ne",
    "feuille",
    "colonne",
    "valeur",
    "champ",
    "endommagé",
    "déjà",
];
