//! Cell values: formula guards removed, dates in ISO and French forms, lists, closed-list choices; and the
//! problems of a row, in the user's language.

use std::collections::BTreeMap;

use super::RowIssue;
use crate::error::{Error, Invalid, Reason};
use crate::i18n::Lang;
use crate::model::{Choice, PartialDate};

/// A cell as typed, without the apostrophe that exports put before `= + - @` to neutralise formulas.
pub(super) fn cell(s: &str) -> &str {
    let t = s.trim();
    match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => t,
    }
}

/// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `~YYYY-MM-DD`, and the French `DD/MM/YYYY`, `MM/YYYY` (also with dots).
pub fn parse_date(s: &str) -> Option<PartialDate> {
    let t = s.trim();
    if let Ok(d) = t.parse::<PartialDate>() {
        return Some(d);
    }
    let (approx, rest) = match t.strip_prefix('~') {
        Some(r) => (true, r.trim()),
        None => (false, t),
    };
    let slashed = rest.replace('.', "/");
    let parts: Vec<&str> = slashed.split('/').collect();
    let iso = match parts.as_slice() {
        [d, m, y] if d.len() <= 2 && m.len() <= 2 && y.len() == 4 => format!("{y}-{m:0>2}-{d:0>2}"),
        [m, y] if m.len() <= 2 && y.len() == 4 && !approx => format!("{y}-{m:0>2}"),
        _ => return None,
    };
    let mut d: PartialDate = iso.parse().ok()?;
    if approx {
        d.precision = crate::model::Precision::Approximate;
    }
    Some(d)
}

pub(super) struct Row<'a> {
    pub values: BTreeMap<&'static str, (&'a str, String)>,
}

impl Row<'_> {
    /// The non-empty value of a field, with its column header.
    pub(super) fn get(&self, f: &str) -> Option<(&str, &str)> {
        self.values.get(f).map(|(h, v)| (*h, v.as_str())).filter(|(_, v)| !v.is_empty())
    }
}

pub(super) struct Issues<'l> {
    pub lang: Lang,
    pub list: &'l mut Vec<RowIssue>,
}

impl Issues<'_> {
    pub(super) fn invalid(&mut self, column: Option<&str>, inv: Invalid) {
        self.list.push(RowIssue { column: column.map(str::to_owned), message: Error::Invalid(inv).message(self.lang) });
    }
    pub(super) fn error(&mut self, column: Option<&str>, e: &Error) {
        self.list.push(RowIssue { column: column.map(str::to_owned), message: e.message(self.lang) });
    }
}

pub(super) fn text(row: &Row<'_>, f: &str, slot: &mut Option<String>) {
    if let Some((_, v)) = row.get(f) {
        *slot = Some(v.to_owned());
    }
}

pub(super) fn choice<T: Choice>(row: &Row<'_>, f: &str, issues: &mut Issues<'_>) -> Option<T> {
    let (h, v) = row.get(f)?;
    T::parse_choice(f, v).map_err(|e| issues.invalid(Some(h), e)).ok()
}

pub(super) fn date(row: &Row<'_>, f: &str, issues: &mut Issues<'_>, slot: &mut Option<PartialDate>) {
    if let Some((h, v)) = row.get(f) {
        match parse_date(v) {
            Some(d) => *slot = Some(d),
            None => issues.invalid(Some(h), Invalid::new(f, Reason::BadDate { value: v.to_owned() })),
        }
    }
}

pub(super) fn list(v: &str) -> Vec<String> {
    v.split([';', '|', '\n']).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
}
