//! One search for the whole dossier, as the app's global search (Ctrl+F) and `dossier search` offer it:
//! detainees and sponsors by any of their names (the full-text index: folded, transliterated), the sponsorships of
//! those found, and press releases by their title.

use std::collections::HashMap;

use uuid::Uuid;

use crate::error::Result;
use crate::i18n::{tr, Lang};
use crate::model::RecordKind;
use crate::store::SearchHit;
use crate::Dossier;

/// Detainees and sponsors first (best match first, at most `limit`), then the sponsorships of those found, then
/// press releases whose title holds the text (accents and case aside), at most `limit` of each.
pub fn search_all(d: &Dossier, text: &str, limit: u64, lang: Lang) -> Result<Vec<SearchHit>> {
    let mut hits = d.search(text, limit)?;
    let found: HashMap<Uuid, String> = hits.iter().map(|h| (h.id, h.name.clone())).collect();
    if !found.is_empty() {
        let mut n = 0;
        for s in d.sponsorships(None, None)? {
            if n as u64 >= limit {
                break;
            }
            let by_sponsor = found.contains_key(&s.sponsor_id);
            let by_detainee = s.detainee_id.is_some_and(|p| found.contains_key(&p));
            if !(by_sponsor || by_detainee) {
                continue;
            }
            let sponsor = match found.get(&s.sponsor_id) {
                Some(name) => name.clone(),
                None => d.get::<crate::model::Sponsor>(s.sponsor_id)?.data.name,
            };
            let detainee = match s.detainee_id {
                Some(p) => match found.get(&p) {
                    Some(name) => name.clone(),
                    None => d.get::<crate::model::Detainee>(p)?.data.name,
                },
                None => tr(lang, "search-whole-group", &[]),
            };
            hits.push(SearchHit {
                id: s.id,
                kind: RecordKind::Sponsorship,
                name: format!("{sponsor} — {detainee}"),
                detail: None,
                category: None,
            });
            n += 1;
        }
    }
    for r in d.press_releases_titled(text, limit)? {
        hits.push(SearchHit {
            id: r.id,
            kind: RecordKind::PressRelease,
            name: r.data.title,
            detail: Some(r.data.date.to_string()),
            category: None,
        });
    }
    Ok(hits)
}
