//! The dossier's edited copies of document templates (the `template` table). A template without a copy is its
//! default, compiled into the binary; every copy is checked before it is stored.

use rusqlite::OptionalExtension;

use super::Dossier;
use crate::documents::{TemplateInfo, TemplateName};
use crate::error::Result;

impl Dossier {
    /// The effective source of a template: the dossier's copy if it has one, else the default.
    pub fn template(&self, name: &str) -> Result<String> {
        self.template_source(name.parse()?)
    }

    pub(crate) fn template_source(&self, t: TemplateName) -> Result<String> {
        let own: Option<String> = self
            .conn()
            .query_row("SELECT body FROM template WHERE name = ?1", [t.as_str()], |r| r.get(0))
            .optional()?;
        Ok(own.unwrap_or_else(|| t.default_source().to_owned()))
    }

    pub fn templates(&self) -> Result<Vec<TemplateInfo>> {
        let mut st = self.conn().prepare("SELECT name FROM template")?;
        let own: Vec<String> = st.query_map([], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?;
        Ok(TemplateName::all()
            .map(|t| TemplateInfo {
                name: t.as_str().to_owned(),
                kind: t.kind,
                lang: t.lang,
                custom: own.iter().any(|o| o == t.as_str()),
            })
            .collect())
    }

    /// Stores edited copies of templates, all or none: each is checked first.
    pub fn set_templates(&mut self, sources: &[(String, String)]) -> Result<()> {
        for (name, source) in sources {
            name.parse::<TemplateName>()?.check(source)?;
        }
        let now = chrono::Utc::now().to_rfc3339();
        self.transaction_raw(|tx| {
            for (name, source) in sources {
                tx.execute(
                    "INSERT INTO template (name, body, updated_at) VALUES (?1, ?2, ?3) \
                     ON CONFLICT (name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
                    [name, source, &now],
                )?;
            }
            Ok(())
        })
    }

    /// Goes back to the default of a template.
    pub fn reset_template(&mut self, name: &str) -> Result<()> {
        let t: TemplateName = name.parse()?;
        self.conn().execute("DELETE FROM template WHERE name = ?1", [t.as_str()])?;
        Ok(())
    }
}
