//! Possible duplicates: spelling-insensitive name keys, and an index of the records and earlier rows they may
//! repeat (see the rule in the module above).

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use super::PossibleDuplicate;
use crate::model::PartialDate;
use crate::names;

/// A spelling-insensitive key of a name: folded, in Latin, words sorted, with `ou`/`ow` (Armenian ու)→`u`, `y`→`i`, `w`→`v` and
/// doubled letters single, `h` dropped. "Haroutiounian Aram" and "Арам Арутюнян" give the same key.
pub fn name_key(name: &str) -> String {
    let folded = names::fold(name);
    let latin = names::transliterate(&folded).unwrap_or(folded);
    let mut words: Vec<String> = latin
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w
                .replace("ou", "u")
                .replace("ow", "u")
                .replace('y', "i")
                .replace('w', "v")
                .replace("kh", "x")
                .replace("dj", "j")
                .replace('h', "");
            let mut out = String::with_capacity(w.len());
            for c in w.chars() {
                if !(c.is_alphabetic() && out.ends_with(c)) {
                    out.push(c);
                }
            }
            out
        })
        .collect();
    words.sort();
    words.join(" ")
}

#[derive(Debug, Clone)]
pub(super) struct Known {
    pub id: Option<Uuid>,
    pub line: Option<usize>,
    pub name: String,
    pub born: Option<PartialDate>,
    pub city: Option<String>,
}

impl Known {
    /// Whether facts both sides know rule out the same person (different birth dates) or sponsor (cities).
    fn excluded_by(&self, born: Option<PartialDate>, city: Option<&str>) -> bool {
        if let (Some(a), Some(b)) = (self.born, born) {
            if a.latest() < b.earliest() || b.latest() < a.earliest() {
                return true;
            }
        }
        matches!((self.city.as_deref(), city), (Some(a), Some(b)) if names::fold(a) != names::fold(b))
    }
}

#[derive(Default)]
pub(super) struct DupIndex {
    by_key: HashMap<String, Vec<Known>>,
}

impl DupIndex {
    pub(super) fn add(&mut self, keys: &[String], k: Known) {
        let mut seen = HashSet::new();
        for key in keys {
            if !key.is_empty() && seen.insert(key) {
                self.by_key.entry(key.clone()).or_default().push(k.clone());
            }
        }
    }

    pub(super) fn find(
        &self,
        keys: &[String],
        born: Option<PartialDate>,
        city: Option<&str>,
        not: Option<Uuid>,
    ) -> Vec<PossibleDuplicate> {
        let mut out: Vec<PossibleDuplicate> = vec![];
        for key in keys {
            for k in self.by_key.get(key).into_iter().flatten() {
                if k.excluded_by(born, city) || (k.id.is_some() && k.id == not) {
                    continue;
                }
                let d = PossibleDuplicate { id: k.id, line: k.line, name: k.name.clone() };
                if !out.contains(&d) {
                    out.push(d);
                }
            }
        }
        out
    }
}
