//! French typography, applied once to the final text of a French document: template text, values and the
//! app's own words alike, after Markdown is read (so escaping is gone and every rule sees what will be printed),
//! before the typesetter lays it out. English documents are never touched.
//!
//! The rules (Imprimerie nationale, as French printers apply them):
//! - a narrow no-break space (U+202F) before `; : ! ?` and inside `« »`: an ordinary space, a no-break or thin
//!   space there becomes one, a missing one is added; a colon or semicolon gets one only when a space or the
//!   end follows, so times (`10:30`), ratios and `mailto:` stay as they are;
//! - a narrow no-break space between the groups of a number typed with spaces (`2 179` → `2 179`);
//! - a no-break space (U+00A0) between a number and its unit (`2 179 jours`, `12 km`, `50 %`, `30 €`; `%` and
//!   `€` get one when none was typed);
//! - ordinals in superscript (`1er`, `1re`, `2e`, `2nd`, `XXIe`, plurals too); the forms `1ère`, `2ème`,
//!   `2ième` are written `1re`, `2e`;
//! - a no-break space after a one-letter word (`à`, `a`, `y`, `ô`), so no line ends on it.
//!
//! Web addresses and e-mail addresses (a word containing `://`, starting with `www.` or `mailto:`, or with an `@`
//! followed by a dot) are left exactly as written. The rules are idempotent: text already set this way is left
//! as it is, and no space is ever doubled.
//!
//! Numbers printed from the records (`{{ figures.total }}`, day counts) are grouped by [`group_digits`], which the
//! template engine's formatter applies to every integer value; years are never integers in the contexts.

use libertas_typeset::{Block, ListItem, Span};

use crate::i18n::Lang;

/// No-break space: between a number and its unit, after a one-letter word.
pub const NBSP: char = '\u{a0}';
/// Narrow no-break space: before `; : ! ?`, inside guillemets, between the groups of digits.
pub const NNBSP: char = '\u{202F}';

/// A whole number with the language's thousands separator: "12 345" (narrow no-break space) or "12,345".
pub fn group_digits(n: i64, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = match lang {
        Lang::Fr => NNBSP,
        Lang::En => ',',
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// Applies the document language's rules to every text of the blocks (French only; English is left alone).
pub fn blocks(lang: Lang, blocks: &mut [Block]) {
    if lang == Lang::Fr {
        blocks.iter_mut().for_each(block);
    }
}

/// The French rules on a plain text (a footer, a title): as [`spans`], without superscripts.
pub fn text(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Fr => {
            french(s.chars().map(|c| Cell { c, span: 0, sup: false }).collect()).into_iter().map(|c| c.c).collect()
        }
        Lang::En => s.to_owned(),
    }
}

/// The French rules on a run of styled text, across span boundaries (`**Libérez-le** !`): each character keeps
/// its span's style, an added space takes its neighbour's, and ordinal endings become superscript spans.
pub fn spans(lang: Lang, spans: Vec<Span>) -> Vec<Span> {
    if lang != Lang::Fr || spans.is_empty() {
        return spans;
    }
    let cells: Vec<Cell> = spans
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.text.chars().map(move |c| Cell { c, span: i, sup: false }))
        .collect();
    let mut out: Vec<Span> = vec![];
    let mut current: Option<(usize, bool)> = None;
    for cell in french(cells) {
        if current != Some((cell.span, cell.sup)) {
            let from = &spans[cell.span];
            out.push(Span { text: String::new(), superscript: from.superscript || cell.sup, ..from.clone() });
            current = Some((cell.span, cell.sup));
        }
        if let Some(last) = out.last_mut() {
            last.text.push(cell.c);
        }
    }
    out
}

fn block(b: &mut Block) {
    let fix = |s: &mut Vec<Span>| *s = spans(Lang::Fr, std::mem::take(s));
    match b {
        Block::Heading { spans, .. } | Block::Paragraph { spans, .. } => fix(spans),
        Block::List { items, .. } => items.iter_mut().for_each(|ListItem { spans, children, .. }| {
            fix(spans);
            children.iter_mut().for_each(block);
        }),
        Block::Table(t) => {
            t.header.iter_mut().flatten().for_each(fix);
            t.rows.iter_mut().flatten().for_each(fix);
        }
        Block::Image { caption, .. } => caption.iter_mut().for_each(fix),
        Block::TableOfContents { title } => {
            if let Some(t) = title {
                *t = text(Lang::Fr, t);
            }
        }
        Block::Columns { columns, .. } => columns.iter_mut().for_each(|c| c.blocks.iter_mut().for_each(block)),
        Block::KeepTogether(inner) => inner.iter_mut().for_each(block),
        Block::Spacer(_) | Block::Rule | Block::PageBreak => {}
    }
}

/// A character, the span it comes from, and whether it is set as a superscript.
#[derive(Debug, Clone, Copy)]
struct Cell {
    c: char,
    span: usize,
    sup: bool,
}

/// Spaces the rules may replace (never a line break).
fn is_hspace(c: char) -> bool {
    matches!(c, ' ' | NBSP | NNBSP | '\u{2009}')
}

/// Where nothing may be inserted before a closing mark: the start of a group, or another mark (`?!`, `!!`).
fn opens(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '«' | '“' | '‘' | '"' | '\'' | '!' | '?' | ';' | ':' | '¡' | '¿')
}

fn french(cells: Vec<Cell>) -> Vec<Cell> {
    let protected = protected(&cells);
    let cells = punctuation(&cells, &protected);
    let protected = self::protected(&cells);
    let cells = ordinals(cells, &protected);
    let protected = self::protected(&cells);
    spaces(cells, &protected)
}

/// Marks the characters of web and e-mail addresses, which no rule changes.
fn protected(cells: &[Cell]) -> Vec<bool> {
    let mut out = vec![false; cells.len()];
    let mut i = 0;
    while i < cells.len() {
        if cells[i].c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < cells.len() && !cells[i].c.is_whitespace() {
            i += 1;
        }
        let word: String = cells[start..i].iter().map(|c| c.c).collect();
        let lower = word.to_lowercase();
        let trimmed = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
        let email = word.find('@').is_some_and(|at| word[at..].contains('.'));
        if word.contains("://") || trimmed.starts_with("www.") || trimmed.starts_with("mailto:") || email {
            out[start..i].iter_mut().for_each(|p| *p = true);
        }
    }
    out
}

/// Narrow no-break spaces before `; : ! ?` and inside guillemets.
fn punctuation(cells: &[Cell], protected: &[bool]) -> Vec<Cell> {
    let mut out: Vec<Cell> = Vec::with_capacity(cells.len() + 8);
    let mut i = 0;
    while i < cells.len() {
        let cell = cells[i];
        if protected[i] {
            out.push(cell);
            i += 1;
            continue;
        }
        let next = cells.get(i + 1).map(|c| c.c);
        match cell.c {
            ';' | ':' | '!' | '?' => {
                // A colon or semicolon not followed by a space is no French punctuation: 10:30, 1:2, a;b.
                let ends = next.is_none_or(|n| n.is_whitespace() || matches!(n, '»' | ')' | ']' | '”' | '"'));
                let wants = match cell.c {
                    ';' | ':' => ends,
                    _ => ends || matches!(next, Some('!' | '?' | '.' | ',' | '…')),
                };
                if wants {
                    space_before(&mut out, cell);
                }
                out.push(cell);
            }
            '«' => {
                out.push(cell);
                // Spaces after « become one narrow no-break space, or one is added; a guillemet ending its line
                // (or the text) is left alone.
                let mut j = i + 1;
                while j < cells.len() && is_hspace(cells[j].c) {
                    j += 1;
                }
                if j < cells.len() && !cells[j].c.is_whitespace() && cells[j].c != '»' {
                    out.push(Cell { c: NNBSP, ..cell });
                    i = j;
                    continue;
                }
            }
            '»' => {
                space_before(&mut out, cell);
                out.push(cell);
            }
            _ => out.push(cell),
        }
        i += 1;
    }
    out
}

/// Before a closing mark: the spaces already there become one narrow no-break space; with none, one is added
/// unless the mark opens its group or follows another mark.
fn space_before(out: &mut Vec<Cell>, mark: Cell) {
    let spaces = out.iter().rev().take_while(|c| is_hspace(c.c)).count();
    let before = out.len() - spaces;
    match before.checked_sub(1).map(|i| out[i].c) {
        // Nothing before but spaces, or a line break: leave the text as it is.
        None => {}
        Some(p) if p.is_whitespace() => {}
        Some(_) if spaces > 0 => {
            let style = out[before];
            out.truncate(before);
            out.push(Cell { c: NNBSP, ..style });
        }
        Some(p) if opens(p) => {}
        Some(_) => out.push(Cell { c: NNBSP, ..mark }),
    }
}

/// Ordinal endings after a number or a Roman numeral, as superscripts: `1er`, `1re`, `2e`, `2nd`, `XXIe`.
fn ordinals(cells: Vec<Cell>, protected: &[bool]) -> Vec<Cell> {
    const ENDINGS: [(&str, &str); 16] = [
        ("ières", "res"),
        ("ière", "re"),
        ("ères", "res"),
        ("ère", "re"),
        ("ièmes", "es"),
        ("ième", "e"),
        ("èmes", "es"),
        ("ème", "e"),
        ("ers", "ers"),
        ("res", "res"),
        ("er", "er"),
        ("re", "re"),
        ("ndes", "ndes"),
        ("nde", "nde"),
        ("nds", "nds"),
        ("nd", "nd"),
    ];
    const SHORT: [(&str, &str); 2] = [("es", "es"), ("e", "e")];
    let is_alnum = |c: Option<&Cell>| c.is_some_and(|c| c.c.is_alphanumeric());
    let mut out = Vec::with_capacity(cells.len());
    let mut i = 0;
    while i < cells.len() {
        let at_word_start = i == 0 || !(is_alnum(cells.get(i - 1)) || cells[i - 1].c == '\'' || cells[i - 1].c == '’');
        if protected[i] || !at_word_start {
            out.push(cells[i]);
            i += 1;
            continue;
        }
        // A number: digits. A Roman numeral: I, V, X only (C, D, L, M would take "Ce", "De", "Le", "Me").
        let digits = cells[i..].iter().take_while(|c| c.c.is_ascii_digit()).count();
        let roman = cells[i..].iter().take_while(|c| matches!(c.c, 'I' | 'V' | 'X')).count();
        let n = digits.max(roman);
        if n == 0 {
            out.push(cells[i]);
            i += 1;
            continue;
        }
        let rest: String = cells[i + n..].iter().take(5).map(|c| c.c).collect();
        // After a Roman numeral only the `e` forms (and `Ier`): "Vers", "Vere", "Ire" are words.
        let roman_ok = |typed: &str| {
            !typed.starts_with('n')
                && (typed.ends_with('e') && !typed.ends_with("re") || typed.ends_with("es") && !typed.ends_with("res"))
                || (typed == "er" && n == 1 && cells[i].c == 'I')
        };
        let found = ENDINGS
            .iter()
            .chain(SHORT.iter())
            .filter(|(typed, _)| digits > 0 || roman_ok(typed))
            .find(|(typed, _)| rest.starts_with(typed) && !is_alnum(cells.get(i + n + typed.chars().count())));
        out.extend_from_slice(&cells[i..i + n]);
        i += n;
        if let Some((typed, written)) = found {
            let style = cells[i];
            out.extend(written.chars().map(|c| Cell { c, sup: true, ..style }));
            i += typed.chars().count();
        }
    }
    out
}

/// Units after a number, bound to it by a no-break space.
const UNITS: [&str; 33] = [
    "jour", "jours", "an", "ans", "année", "années", "mois", "semaine", "semaines", "heure", "heures", "minute",
    "minutes", "seconde", "secondes", "h", "min", "s", "km", "m", "cm", "mm", "kg", "g", "t", "l", "€", "$", "£", "%",
    "‰", "euros", "dollars",
];

/// No-break spaces: between the groups of a number, between a number and its unit, after a one-letter word.
fn spaces(cells: Vec<Cell>, protected: &[bool]) -> Vec<Cell> {
    let digit = |cells: &[Cell], i: usize| cells.get(i).is_some_and(|c| c.c.is_ascii_digit());
    // `50%`, `30€`: the space the French write.
    let mut spaced = Vec::with_capacity(cells.len() + 4);
    let mut keep = Vec::with_capacity(cells.len() + 4);
    for (i, cell) in cells.iter().enumerate() {
        if matches!(cell.c, '%' | '‰' | '€') && !protected[i] && i > 0 && digit(&cells, i - 1) {
            spaced.push(Cell { c: NBSP, ..*cell });
            keep.push(false);
        }
        spaced.push(*cell);
        keep.push(protected[i]);
    }
    let (mut cells, protected) = (spaced, keep);
    let mut i = 0;
    while i < cells.len() {
        if protected[i] {
            i += 1;
            continue;
        }
        let c = cells[i].c;
        if !matches!(c, ' ' | NBSP) || i == 0 {
            i += 1;
            continue;
        }
        let prev = cells[i - 1].c;
        if prev.is_ascii_digit() {
            // Groups of digits: 1 to 3 digits (at the start of the number or after a group), a space, 3 digits.
            let left = cells[..i].iter().rev().take_while(|c| c.c.is_ascii_digit()).count();
            let before_left = i.checked_sub(left + 1).map(|j| cells[j].c);
            let left_ok =
                left <= 3 && before_left.is_none_or(|b| b == NNBSP || !(b.is_alphanumeric() || matches!(b, '.' | ',')));
            let right = cells[i + 1..].iter().take_while(|c| c.c.is_ascii_digit()).count();
            if left_ok && right == 3 {
                cells[i].c = NNBSP;
            } else {
                let word: String = cells[i + 1..].iter().take_while(|c| !c.c.is_whitespace()).map(|c| c.c).collect();
                let unit = word.trim_end_matches(|c: char| !c.is_alphanumeric() && !"€$£%‰".contains(c));
                if UNITS.contains(&unit) {
                    cells[i].c = NBSP;
                }
            }
        } else if is_one_letter_word(&cells, i - 1) && cells.get(i + 1).is_some_and(|n| !n.c.is_whitespace()) {
            cells[i].c = NBSP;
        }
        i += 1;
    }
    cells
}

/// `à`, `a`, `y`, `ô` standing alone (not `l'a` nor the end of a word).
fn is_one_letter_word(cells: &[Cell], i: usize) -> bool {
    if !matches!(cells[i].c.to_lowercase().next(), Some('a' | 'à' | 'y' | 'ô')) {
        return false;
    }
    match i.checked_sub(1).map(|j| cells[j].c) {
        None => true,
        Some(p) => p.is_whitespace() || matches!(p, '(' | '[' | '«' | '“' | '"' | '—' | '–'),
    }
}
