//! Read paths: paged detainee lists with filters, search, history, the children of a detainee, sponsorships,
//! photo and logo bytes, the profile and the dashboard's counts.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use uuid::Uuid;

use super::{parts_to_stored, row_to_parts, Dossier};
use crate::error::{Error, Result};
use crate::model::{Category, Contact, Detainee, Media, Profile, RecordKind, Sponsorship, Status, Stored};
use crate::names;

/// Which detainees to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DetaineeFilter {
    pub category: Option<Category>,
    pub status: Option<Status>,
    /// `Some(true)`: only people with an individual sponsorship that has not ended; `Some(false)`: only people
    /// without one.
    pub sponsored: Option<bool>,
    /// Search text, matched against every name as [`Dossier::search`] does.
    pub query: Option<String>,
}

/// One page of a longer list.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// How many records match the filter in all.
    pub total: u64,
    pub offset: u64,
}

/// A search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchHit {
    pub id: Uuid,
    pub kind: RecordKind,
    pub name: String,
    /// The Armenian-script name of a detainee, or a sponsor's city.
    pub detail: Option<String>,
    /// A detainee's category; `None` for sponsors.
    pub category: Option<Category>,
}

/// One changed field in a record's history.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Change {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub kind: String,
    pub record_id: String,
    pub action: String,
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

/// Counts for the dashboard and the press kit's figures.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub detainees: u64,
    pub by_category: Vec<(Category, u64)>,
    pub by_status: Vec<(Option<Status>, u64)>,
    pub sponsors: u64,
    pub sponsorships_by_stage: Vec<(crate::model::Stage, u64)>,
}

impl Dossier {
    /// A page of detainees in name order.
    pub fn detainees(&self, filter: &DetaineeFilter, offset: u64, limit: u64) -> Result<Page<Stored<Detainee>>> {
        let mut conds: Vec<String> = vec![];
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = vec![];
        if let Some(c) = filter.category {
            args.push(Box::new(c.to_string()));
            conds.push(format!("category = ?{}", args.len()));
        }
        if let Some(s) = filter.status {
            args.push(Box::new(s.to_string()));
            conds.push(format!("status = ?{}", args.len()));
        }
        if let Some(want) = filter.sponsored {
            conds.push(format!(
                "{} EXISTS (SELECT 1 FROM sponsorship s WHERE s.detainee_id = detainee.id AND s.stage <> 'ended')",
                if want { "" } else { "NOT" }
            ));
        }
        if let Some(q) = filter.query.as_deref().and_then(names::fts_query) {
            args.push(Box::new(q));
            conds.push(format!(
                "id IN (SELECT record_id FROM search WHERE search MATCH ?{} AND kind = 'detainee')",
                args.len()
            ));
        }
        let where_ = if conds.is_empty() { String::new() } else { format!("WHERE {}", conds.join(" AND ")) };
        let refs: Vec<&dyn rusqlite::ToSql> = args.iter().map(|b| b.as_ref()).collect();
        let total: i64 = self
            .conn()
            .prepare_cached(&format!("SELECT count(*) FROM detainee {where_}"))?
            .query_row(&refs[..], |r| r.get(0))?;
        let sql = format!(
            "SELECT id, created_at, updated_at, data FROM detainee {where_} ORDER BY sort_key, id LIMIT {} OFFSET {}",
            limit.min(10_000),
            offset
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let items = st.query_map(&refs[..], row_to_parts)?.map(|r| parts_to_stored(r?)).collect::<Result<Vec<_>>>()?;
        Ok(Page { items, total: total as u64, offset })
    }

    /// People and sponsors whose names match `text`: every word must begin a word of one of their names, in any
    /// script, ignoring case and accents.
    pub fn search(&self, text: &str, limit: u64) -> Result<Vec<SearchHit>> {
        let Some(q) = names::fts_query(text) else { return Ok(vec![]) };
        let mut st = self.conn().prepare_cached(
            "SELECT s.record_id, s.kind, coalesce(d.data, p.data) FROM search s \
             LEFT JOIN detainee d ON s.kind = 'detainee' AND d.id = s.record_id \
             LEFT JOIN sponsor p ON s.kind = 'sponsor' AND p.id = s.record_id \
             WHERE search MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let rows = st.query_map(params![q, limit as i64], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?))
        })?;
        let mut out = vec![];
        for row in rows {
            let (id, kind, data) = row?;
            let Some(data) = data else { continue };
            let id = Uuid::parse_str(&id).map_err(|_| Error::Corrupt(format!("search: bad id {id}")))?;
            // A record whose stored data this version cannot read (records are validated on the way in, and a
            // dossier from a newer version is refused at open, so only a hand-edited file has one) is left out
            // rather than failing the whole search and hiding every other match.
            let hit = if kind == "detainee" {
                let Ok(d) = serde_json::from_str::<Detainee>(&data) else { continue };
                SearchHit {
                    id,
                    kind: RecordKind::Detainee,
                    name: d.name,
                    detail: d.name_hy,
                    category: Some(d.category),
                }
            } else {
                let Ok(s) = serde_json::from_str::<crate::model::Sponsor>(&data) else { continue };
                SearchHit { id, kind: RecordKind::Sponsor, name: s.name, detail: s.city, category: None }
            };
            out.push(hit);
        }
        Ok(out)
    }

    /// Press releases whose title holds `text` (accents and case aside), the latest first.
    pub fn press_releases_titled(&self, text: &str, limit: u64) -> Result<Vec<Stored<crate::model::PressRelease>>> {
        let folded = names::fold(text.trim());
        if folded.chars().count() < 2 {
            return Ok(vec![]);
        }
        let pattern = format!("%{}%", folded.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        let mut st = self.conn().prepare_cached(
            "SELECT id, created_at, updated_at, data FROM press_release WHERE sort_key LIKE ?1 ESCAPE '\\' \
             ORDER BY data ->> '$.date' DESC, id LIMIT ?2",
        )?;
        let rows = st.query_map(params![pattern, limit as i64], super::row_to_parts)?;
        rows.map(|r| super::parts_to_stored(r?)).collect()
    }

    /// The change history of one record, oldest first.
    pub fn history(&self, id: Uuid) -> Result<Vec<Change>> {
        self.history_where("WHERE record_id = ?1", &[&id.to_string()])
    }

    /// The change history of every record, deleted ones included, oldest first (for the full JSON export).
    pub fn full_history(&self) -> Result<Vec<Change>> {
        self.history_where("", &[])
    }

    fn history_where(&self, where_: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<Change>> {
        let mut st = self.conn().prepare_cached(&format!(
            "SELECT seq, at, actor, kind, record_id, action, field, old_value, new_value \
             FROM history {where_} ORDER BY seq"
        ))?;
        let rows = st.query_map(args, |r| {
            Ok(Change {
                seq: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                kind: r.get(3)?,
                record_id: r.get(4)?,
                action: r.get(5)?,
                field: r.get(6)?,
                old_value: r.get(7)?,
                new_value: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The kind of record an id belongs to, if any.
    pub fn kind_of(&self, id: Uuid) -> Result<Option<RecordKind>> {
        for kind in RecordKind::ALL {
            let found: Option<i64> = self
                .conn()
                .query_row(&format!("SELECT 1 FROM {} WHERE id = ?1", kind.table()), [id.to_string()], |r| r.get(0))
                .optional()?;
            if found.is_some() {
                return Ok(Some(kind));
            }
        }
        // A deleted record still has its history.
        let kind: Option<String> = self
            .conn()
            .query_row("SELECT kind FROM history WHERE record_id = ?1 LIMIT 1", [id.to_string()], |r| r.get(0))
            .optional()?;
        Ok(kind.and_then(|k| RecordKind::ALL.into_iter().find(|r| r.table() == k)))
    }

    /// A detainee's family contacts (confidential).
    pub fn contacts_of(&self, detainee: Uuid) -> Result<Vec<Stored<Contact>>> {
        self.children("contact", detainee)
    }

    /// A detainee's photos, oldest first.
    pub fn photos_of(&self, detainee: Uuid) -> Result<Vec<Stored<Media>>> {
        self.children("media", detainee)
    }

    fn children<T: crate::model::Record>(&self, table: &str, detainee: Uuid) -> Result<Vec<Stored<T>>> {
        let mut st = self.conn().prepare_cached(&format!(
            "SELECT id, created_at, updated_at, data FROM {table} WHERE detainee_id = ?1 ORDER BY created_at, id"
        ))?;
        let rows = st.query_map([detainee.to_string()], row_to_parts)?;
        rows.map(|r| parts_to_stored(r?)).collect()
    }

    /// Sponsorships, optionally those of one sponsor or one detainee.
    pub fn sponsorships(&self, sponsor: Option<Uuid>, detainee: Option<Uuid>) -> Result<Vec<Stored<Sponsorship>>> {
        let mut st = self.conn().prepare_cached(
            "SELECT id, created_at, updated_at, data FROM sponsorship \
             WHERE (?1 IS NULL OR sponsor_id = ?1) AND (?2 IS NULL OR detainee_id = ?2) ORDER BY created_at, id",
        )?;
        let rows =
            st.query_map(params![sponsor.map(|u| u.to_string()), detainee.map(|u| u.to_string())], row_to_parts)?;
        rows.map(|r| parts_to_stored(r?)).collect()
    }

    /// The stored bytes of a photo or logo (metadata already stripped).
    pub fn media_bytes(&self, id: Uuid) -> Result<Vec<u8>> {
        self.conn()
            .query_row("SELECT bytes FROM media WHERE id = ?1", [id.to_string()], |r| r.get(0))
            .optional()?
            .ok_or(Error::NotFound { kind: RecordKind::Media, id: id.to_string() })
    }

    /// The thumbnail of a photo or logo (a small upright JPEG).
    pub fn media_thumb(&self, id: Uuid) -> Result<Vec<u8>> {
        self.conn()
            .query_row("SELECT thumb FROM media WHERE id = ?1", [id.to_string()], |r| r.get(0))
            .optional()?
            .ok_or(Error::NotFound { kind: RecordKind::Media, id: id.to_string() })
    }

    /// The collective's profile, if it has been filled in.
    pub fn profile(&self) -> Result<Option<Stored<Profile>>> {
        Ok(self.list::<Profile>()?.into_iter().next())
    }

    /// Figures for the dashboard and press kit.
    pub fn counts(&self) -> Result<Counts> {
        let c = self.conn();
        let detainees: i64 = c.query_row("SELECT count(*) FROM detainee", [], |r| r.get(0))?;
        let sponsors: i64 = c.query_row("SELECT count(*) FROM sponsor", [], |r| r.get(0))?;
        let mut by_category = vec![];
        for cat in Category::ALL {
            let n: i64 =
                c.query_row("SELECT count(*) FROM detainee WHERE category = ?1", [cat.to_string()], |r| r.get(0))?;
            by_category.push((cat, n as u64));
        }
        let mut st = c.prepare_cached("SELECT status, count(*) FROM detainee GROUP BY status ORDER BY status")?;
        let by_status = st
            .query_map([], |r| Ok((r.get::<_, Option<String>>(0)?, r.get::<_, i64>(1)?)))?
            .map(|r| r.map(|(s, n)| (s.and_then(|s| s.parse().ok()), n as u64)))
            .collect::<std::result::Result<_, _>>()?;
        let mut sponsorships_by_stage = vec![];
        for stage in crate::model::Stage::ALL {
            let n: i64 =
                c.query_row("SELECT count(*) FROM sponsorship WHERE stage = ?1", [stage.to_string()], |r| r.get(0))?;
            sponsorships_by_stage.push((stage, n as u64));
        }
        Ok(Counts {
            detainees: detainees as u64,
            by_category,
            by_status,
            sponsors: sponsors as u64,
            sponsorships_by_stage,
        })
    }
}
