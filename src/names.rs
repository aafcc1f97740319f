//! Names and free text: normalisation on the way in, folding for search.
//!
//! Detainees' names come in Latin and Armenian script and appear in sources under Russian or Azerbaijani spellings.
//! Everything stored is NFC, so the same name typed on macOS (which produces NFD) and on Windows compares equal.
//! Search folds case and accents and adds a Latin transliteration of every non-Latin name, so "aram" finds
//! "Արամ" and "Арам", and "Արամ" finds "Aram".

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Characters that change how text is displayed without being visible: bidirectional overrides and isolates,
/// directional marks, zero-width spaces and joiners, the BOM. In a name they can make two different people look
/// identical, or one person look like two, so names never keep them.
pub fn is_invisible_control(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'   // zero-width space, non-joiner, joiner, LRM, RLM
        | '\u{202A}'..='\u{202E}' // embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // isolates
        | '\u{061C}'              // Arabic letter mark
        | '\u{FEFF}'              // BOM / zero-width no-break space
        | '\u{00AD}'              // soft hyphen
    )
}

/// A name as stored: NFC, invisible controls removed, other control characters removed, runs of whitespace
/// collapsed to one space, trimmed.
pub fn normalize_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfc() {
        if is_invisible_control(c) || (c.is_control() && !c.is_whitespace()) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Free text as stored (biographies, circumstances, notes): NFC, bidi overrides and zero-width characters removed,
/// control characters other than newlines and tabs removed, line endings made `\n`, trimmed.
pub fn normalize_text(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    s.nfc()
        .filter(|&c| !is_invisible_control(c) && (!c.is_control() || c == '\n' || c == '\t'))
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Letters that Unicode does not decompose into a base letter plus accent but that people type without the
/// accent anyway (Azerbaijani ə and ı, Nordic ø, Polish ł, German ß...).
fn fold_letter(c: char, out: &mut String) {
    match c {
        'ə' | 'Ə' => out.push('e'),
        'ı' => out.push('i'),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        'đ' | 'Đ' => out.push('d'),
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        // Armenian "և" is a ligature of ե and ւ; people type either form.
        'և' => out.push_str("եւ"),
        _ => out.extend(c.to_lowercase()),
    }
}

/// The folded form used for search: case and accents removed, letters kept in their script, everything else a
/// space. `"Ṙazmik  NMOUCHIAN-Əzimova"` → `"razmik nmouchian ezimova"`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfkd() {
        // Apostrophes in transliterated names (T'adevos) are typed in many forms or not at all.
        if is_combining_mark(c) || is_invisible_control(c) || matches!(c, '\'' | '’' | 'ʼ' | '`' | '´' | 'ʻ') {
            continue;
        }
        if c.is_alphanumeric() {
            fold_letter(c, &mut out);
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// Latin transliteration of folded text, or `None` when it is already ASCII: `deunicode`, which covers Armenian
/// and Cyrillic among others, after [`as_names_are_written`], so the result is how the name is usually written in
/// Latin letters.
///
/// The search index stores this transliteration: a change to it needs a migration that rebuilds the index
/// (`store::migrations`, V3), or dossiers indexed before it miss what the new scheme finds.
pub fn transliterate(folded: &str) -> Option<String> {
    if folded.is_ascii() {
        return None;
    }
    latin(&as_names_are_written(folded), folded)
}

/// `deunicode` of `text` (the folded name, rewritten or not), folded; `None` when that adds nothing to `folded`.
fn latin(text: &str, folded: &str) -> Option<String> {
    let t = fold(&deunicode::deunicode(text));
    (!t.is_empty() && t != folded).then_some(t)
}

/// Rewrites the Armenian and Cyrillic letters whose Latin spelling in names depends on context or convention,
/// leaving the rest to `deunicode`. Input is folded (lower case, so й is already и and ё is е).
///
/// `deunicode` follows letter-by-letter schemes that are not how these names are written: Armenian ու → "ow",
/// ե → "e", ո → "o", ւ → "w"; Russian я → "ia", ю → "iu". Passports, the press and sponsors write Harutyunyan,
/// Yeghiazaryan, Voskanyan, Yerevan, and Armenian surnames from Russian sources as Gukasyan, Yeritsyan. Written by
/// hand because no maintained crate implements these conventions (Armenian passports; BGN/PCGN for both
/// scripts): ու is "u", ե and ո starting a word are "ye" and "vo", եւ (the folded և) is "ev", ւ alone is "v";
/// я and ю are "ya" and "yu", е is "ye" at the start of a word or after a vowel or a sign, ь and ъ are dropped.
fn as_names_are_written(folded: &str) -> std::borrow::Cow<'_, str> {
    if !folded.chars().any(|c| matches!(c, 'ե' | 'ո' | 'ւ' | 'я' | 'ю' | 'е' | 'ь' | 'ъ')) {
        return std::borrow::Cow::Borrowed(folded);
    }
    let cyrillic_vowel_or_sign = |c: char| "аеиоуыэюяьъ".contains(c);
    let mut out = String::with_capacity(folded.len() + 8);
    let mut chars = folded.chars().peekable();
    let mut prev: Option<char> = None;
    while let Some(c) = chars.next() {
        let word_start = prev.is_none_or(|p| !p.is_alphanumeric());
        match (c, chars.peek().copied()) {
            ('ո', Some('ւ')) => {
                chars.next();
                out.push('u');
            }
            ('ե', Some('ւ')) => {
                chars.next();
                out.push_str(if word_start { "yev" } else { "ev" });
            }
            ('ո', _) if word_start => out.push_str("vo"),
            ('ե', _) if word_start => out.push_str("ye"),
            ('ւ', _) => out.push('v'),
            ('я', _) => out.push_str("ya"),
            ('ю', _) => out.push_str("yu"),
            ('е', _) if word_start || prev.is_some_and(cyrillic_vowel_or_sign) => out.push_str("ye"),
            ('ь' | 'ъ', _) => {}
            _ => out.push(c),
        }
        prev = Some(c);
    }
    std::borrow::Cow::Owned(out)
}

/// The text indexed for one record: every name, folded, plus the Latin transliterations of those in other
/// scripts (as names are written and, when it differs, letter by letter).
pub fn index_text<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for name in names {
        let f = fold(name);
        if f.is_empty() {
            continue;
        }
        out.push_str(&f);
        out.push(' ');
        if f.is_ascii() {
            continue;
        }
        let rewritten = as_names_are_written(&f);
        let written = latin(&rewritten, &f);
        // `deunicode`'s own letter-by-letter form too, when the rewrite changed something, so that a spelling
        // following a scholarly or the Russian passport scheme ("Gukasian", "Arutiunian") is found as well.
        let letter_by_letter = matches!(rewritten, std::borrow::Cow::Owned(_))
            .then(|| latin(&f, &f))
            .flatten()
            .filter(|t| Some(t) != written.as_ref());
        for t in [written, letter_by_letter].into_iter().flatten() {
            out.push_str(&t);
            out.push(' ');
        }
    }
    out.trim_end().to_owned()
}

/// An FTS5 query for what a user typed: every word must match the start of some word of a name, in its own
/// script or transliterated. Returns `None` when nothing searchable was typed.
pub fn fts_query(typed: &str) -> Option<String> {
    let folded = fold(typed);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return None;
    }
    let clauses: Vec<String> = words
        .iter()
        .map(|w| {
            // Words are letters and digits only after folding, so quoting them is enough to keep FTS5 syntax out.
            match transliterate(w) {
                Some(t) => {
                    let alts: Vec<String> = t.split(' ').map(|p| format!("\"{p}\"*")).collect();
                    format!("(\"{w}\"* OR ({}))", alts.join(" AND "))
                }
                None => format!("\"{w}\"*"),
            }
        })
        .collect();
    Some(clauses.join(" AND "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_nfc_and_lose_invisible_characters() {
        let nfd = "Ge\u{301}rard\u{202E}  Ter\u{200B}-Petrossian ";
        assert_eq!(normalize_name(nfd), "Gérard Ter-Petrossian");
    }

    #[test]
    fn folding_ignores_case_and_accents_in_every_script() {
        assert_eq!(fold("ÉLISE Əzimova"), "elise ezimova");
        assert_eq!(fold("ԱՐԱՄ"), "արամ");
        assert_eq!(fold("АРАМ"), "арам");
        assert_eq!(fold("T'adevos"), "tadevos");
    }

    #[test]
    fn armenian_and_cyrillic_are_transliterated() {
        assert_eq!(transliterate("արամ").as_deref(), Some("aram"));
        assert_eq!(transliterate("арам").as_deref(), Some("aram"));
        assert_eq!(transliterate("aram"), None);
    }

    /// Regression: "ու" came out as "ow" (deunicode's scheme), so "Nmushyan" typed in Latin did not find a
    /// detainee entered in Armenian script only.
    #[test]
    fn armenian_is_transliterated_as_names_are_written() {
        for (hy, latin) in [
            ("նմուշյան", "nmushyan"),
            ("հարությունյան", "harutyunyan"),
            ("եղիազարյան", "yeghiazaryan"),
            ("ոսկանյան", "voskanyan"),
            ("վարդան", "vardan"),
            ("երեւան", "yerevan"),
            ("եւա", "yeva"),
            ("ալեքսանեան", "aleksanean"),
            ("արամ ոսկան", "aram voskan"),
        ] {
            assert_eq!(transliterate(hy).as_deref(), Some(latin), "{hy}");
        }
        assert_eq!(transliterate(&fold("Երևան")).as_deref(), Some("yerevan"));
    }

    #[test]
    fn cyrillic_is_transliterated_as_armenian_names_are_written() {
        for (ru, latin) in [
            ("гукасян", "gukasyan"),
            ("арутюнян", "arutyunyan"),
            ("ерицян", "yeritsyan"),
            ("мелик-еганян", "melik yeganyan"),
            ("хачатрян", "khachatryan"),
            ("айвазян", "aivazyan"),
            ("григорьев", "grigoryev"),
            ("вардан", "vardan"),
        ] {
            assert_eq!(transliterate(&fold(ru)).as_deref(), Some(latin), "{ru}");
        }
    }

    #[test]
    fn the_index_holds_both_transliterations_when_they_differ() {
        assert_eq!(index_text(["Гукасян"]), "гукасян gukasyan gukasian");
        assert_eq!(index_text(["Вардан"]), "вардан vardan");
        assert_eq!(index_text(["Aram"]), "aram");
    }

    #[test]
    fn fts_query_quotes_words() {
        assert_eq!(fts_query("  Ar\"am  ").as_deref(), Some("\"ar\"* AND \"am\"*"));
        assert_eq!(fts_query(" -- \"\" "), None);
    }
}
