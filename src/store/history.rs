//! Restoring an old value from the history. The value goes back through the normal write path
//! ([`Dossier::update`]), so the restoration is itself validated and recorded in the history.

use rusqlite::OptionalExtension;
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use super::Dossier;
use crate::error::{Error, Result};
use crate::model::{
    Contact, Detainee, Event, Media, PressRelease, Profile, Record, RecordKind, Source, Sponsor, Sponsorship,
};

/// What [`Dossier::restore_value`] did.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RestoredValue {
    pub kind: RecordKind,
    pub record_id: Uuid,
    pub field: String,
    /// The value written back (as the history shows values), `None` for an empty field.
    pub value: Option<String>,
    /// False when the field already held that value (nothing was written).
    pub changed: bool,
}

impl Dossier {
    /// Writes back the value a field had before history change `change_seq`. Refused for a change that created
    /// the record (there was no earlier value) and for a record that has since been deleted.
    pub fn restore_value(&mut self, change_seq: i64) -> Result<RestoredValue> {
        let row: Option<(String, String, String, String, Option<String>)> = self
            .conn
            .query_row(
                "SELECT kind, record_id, action, field, old_value FROM history WHERE seq = ?1",
                [change_seq],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((kind, record_id, action, field, old)) = row else {
            return Err(Error::NoSuchChange { seq: change_seq });
        };
        if action == "create" {
            return Err(Error::NothingToRestore { seq: change_seq });
        }
        let kind = RecordKind::ALL
            .into_iter()
            .find(|k| k.table() == kind)
            .ok_or_else(|| Error::Corrupt(format!("history #{change_seq}: unknown kind {kind}")))?;
        let id =
            Uuid::parse_str(&record_id).map_err(|_| Error::Corrupt(format!("history #{change_seq}: bad record id")))?;
        let changed = match kind {
            RecordKind::Detainee => self.restore_field::<Detainee>(id, &field, old.as_deref())?,
            RecordKind::Contact => self.restore_field::<Contact>(id, &field, old.as_deref())?,
            RecordKind::Media => self.restore_field::<Media>(id, &field, old.as_deref())?,
            RecordKind::Source => self.restore_field::<Source>(id, &field, old.as_deref())?,
            RecordKind::Event => self.restore_field::<Event>(id, &field, old.as_deref())?,
            RecordKind::Sponsor => self.restore_field::<Sponsor>(id, &field, old.as_deref())?,
            RecordKind::Sponsorship => self.restore_field::<Sponsorship>(id, &field, old.as_deref())?,
            RecordKind::PressRelease => self.restore_field::<PressRelease>(id, &field, old.as_deref())?,
            RecordKind::Profile => self.restore_field::<Profile>(id, &field, old.as_deref())?,
        };
        Ok(RestoredValue { kind, record_id: id, field, value: old, changed })
    }

    fn restore_field<T: Record>(&mut self, id: Uuid, field: &str, old: Option<&str>) -> Result<bool> {
        let current = self.get::<T>(id)?;
        let base = serde_json::to_value(&current.data).map_err(|e| Error::Corrupt(e.to_string()))?;
        // The history keeps strings as they are and anything else as JSON; an absent value was empty.
        let candidates: Vec<Option<Value>> = match old {
            Some(text) => {
                let mut c = vec![Some(Value::String(text.to_owned()))];
                if let Ok(v) = serde_json::from_str::<Value>(text) {
                    c.push(Some(v));
                }
                c
            }
            None => vec![
                None,
                Some(Value::Null),
                Some(Value::Array(vec![])),
                Some(Value::Object(Default::default())),
                Some(Value::String(String::new())),
            ],
        };
        for candidate in candidates {
            let mut attempt = base.clone();
            let Some(obj) = attempt.as_object_mut() else { break };
            match candidate {
                Some(v) => {
                    obj.insert(field.to_owned(), v);
                }
                None => {
                    obj.remove(field);
                }
            }
            if let Ok(data) = serde_json::from_value::<T>(attempt) {
                let before = self.history(id)?.len();
                self.update(id, data)?;
                return Ok(self.history(id)?.len() > before);
            }
        }
        let value = old.unwrap_or_default().to_owned();
        Err(crate::error::Invalid::new(field, crate::error::Reason::BadValue { value }).into())
    }
}
