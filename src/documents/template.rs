//! Document templates: defaults compiled into the binary, overridden by the dossier's own edited copies.
//!
//! A text template is Markdown with minijinja placeholders, preceded by a TOML header between `---` lines (title,
//! page size, margins, footer). A banner template is a TOML layout of zones. Undefined values are errors (strict
//! mode), so a template naming an unknown field is refused with its name and line.

use std::collections::BTreeMap;

use minijinja::{Environment, UndefinedBehavior, Value};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::store::Dossier;

/// The templates a dossier knows, with their defaults. Names are fixed: a template name is never a path, so an
/// import or export can never reach outside its folder.
const DEFAULTS: [(&str, &str); 12] = [
    ("fr/agreement.md", include_str!("../../assets/templates/fr/agreement.md")),
    ("en/agreement.md", include_str!("../../assets/templates/en/agreement.md")),
    ("fr/factsheet.md", include_str!("../../assets/templates/fr/factsheet.md")),
    ("en/factsheet.md", include_str!("../../assets/templates/en/factsheet.md")),
    ("fr/press-release.md", include_str!("../../assets/templates/fr/press-release.md")),
    ("en/press-release.md", include_str!("../../assets/templates/en/press-release.md")),
    ("fr/presskit.md", include_str!("../../assets/templates/fr/presskit.md")),
    ("en/presskit.md", include_str!("../../assets/templates/en/presskit.md")),
    ("fr/banner-rollup.toml", include_str!("../../assets/templates/fr/banner-rollup.toml")),
    ("en/banner-rollup.toml", include_str!("../../assets/templates/en/banner-rollup.toml")),
    ("fr/banner-poster.toml", include_str!("../../assets/templates/fr/banner-poster.toml")),
    ("en/banner-poster.toml", include_str!("../../assets/templates/en/banner-poster.toml")),
];

/// Every template name, in a stable order.
pub fn names() -> impl Iterator<Item = &'static str> {
    DEFAULTS.iter().map(|(n, _)| *n)
}

pub fn is_known(name: &str) -> bool {
    DEFAULTS.iter().any(|(n, _)| *n == name)
}

pub fn default_source(name: &str) -> Option<&'static str> {
    DEFAULTS.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// One template as the dossier sees it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TemplateInfo {
    pub name: String,
    /// True when the dossier holds its own edited copy.
    pub custom: bool,
}

impl Dossier {
    /// The effective source of a template: the dossier's copy if it has one, else the default.
    pub fn template(&self, name: &str) -> Result<String> {
        if !is_known(name) {
            return Err(unknown(name));
        }
        let own: Option<String> =
            self.conn().query_row("SELECT body FROM template WHERE name = ?1", [name], |r| r.get(0)).optional()?;
        Ok(own.unwrap_or_else(|| default_source(name).expect("known").to_owned()))
    }

    pub fn templates(&self) -> Result<Vec<TemplateInfo>> {
        let mut st = self.conn().prepare("SELECT name FROM template")?;
        let own: Vec<String> = st.query_map([], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?;
        Ok(names().map(|n| TemplateInfo { name: n.to_owned(), custom: own.iter().any(|o| o == n) }).collect())
    }

    /// Stores edited copies of templates, all or none: each is checked first.
    pub fn set_templates(&mut self, sources: &[(String, String)]) -> Result<()> {
        for (name, source) in sources {
            check(name, source)?;
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
        if !is_known(name) {
            return Err(unknown(name));
        }
        self.conn().execute("DELETE FROM template WHERE name = ?1", [name])?;
        Ok(())
    }
}

fn unknown(name: &str) -> Error {
    Error::Template {
        name: name.to_owned(),
        line: None,
        detail: format!("unknown template; known: {}", names().collect::<Vec<_>>().join(", ")),
    }
}

/// The TOML header of a text template.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub title: String,
    #[serde(default)]
    pub subtitle: Option<String>,
    /// `a4`, `a5` or `letter`.
    #[serde(default = "a4")]
    pub page: String,
    /// Top, right, bottom, left, in mm.
    #[serde(default)]
    pub margins: Option<[f32; 4]>,
    /// Running footer (a template itself).
    #[serde(default)]
    pub footer: Option<String>,
}

fn a4() -> String {
    "a4".into()
}

/// Splits a text template into its header and body. Returns the header and the line number the body starts at.
pub fn split_header<'a>(name: &str, source: &'a str) -> Result<(Header, &'a str, usize)> {
    let err = |line, detail: String| Error::Template { name: name.to_owned(), line: Some(line), detail };
    let rest = source.strip_prefix("---\n").or_else(|| source.strip_prefix("---\r\n"));
    let Some(rest) = rest else { return Err(err(1, "the template must start with a `---` header".into())) };
    let Some(end) = rest.find("\n---") else { return Err(err(1, "the `---` header is not closed".into())) };
    let head = &rest[..end];
    let after = &rest[end + 4..];
    let body = after.strip_prefix('\n').or_else(|| after.strip_prefix("\r\n")).unwrap_or(after);
    let header: Header = toml::from_str(head).map_err(|e| {
        let line = e.span().map(|s| head[..s.start].lines().count().max(1) + 1).unwrap_or(2);
        err(line, e.message().to_owned())
    })?;
    if !matches!(header.page.as_str(), "a4" | "a5" | "letter") {
        return Err(err(2, format!("page must be a4, a5 or letter, not {:?}", header.page)));
    }
    if let Some(m) = header.margins {
        if m.iter().any(|v| !v.is_finite() || *v < 5.0 || *v > 60.0) {
            return Err(err(2, "margins must be between 5 and 60 mm".into()));
        }
    }
    let body_line = source[..source.len() - body.len()].lines().count() + 1;
    Ok((header, body, body_line))
}

/// Escapes text for Markdown: every ASCII punctuation character gets a backslash (CommonMark allows it for all of
/// them), so a name or biography can never turn into a heading, a list, a table cell break or a link.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The template engine: strict about undefined values, Markdown-escaping every value that is not marked `safe`,
/// with a fuel limit so an edited template with a runaway loop stops instead of hanging the app.
pub fn environment() -> Environment<'static> {
    strict_environment(20_000_000, true)
}

/// The engine for plain text (banner zones, footers): no Markdown escaping.
pub fn plain_environment() -> Environment<'static> {
    strict_environment(1_000_000, false)
}

fn strict_environment(fuel: u64, markdown: bool) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(fuel));
    env.set_formatter(move |out, _state, value| {
        if value.is_none() || value.is_undefined() {
            return Ok(());
        }
        let text = value.to_string();
        let text = if markdown && !value.is_safe() { escape_markdown(&text) } else { text };
        out.write_str(&text).map_err(|_| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "write"))
    });
    env
}

/// Renders `source` (whose first line is line `first_line` of template `name`) with `ctx`.
pub fn render(env: &Environment<'_>, name: &str, source: &str, first_line: usize, ctx: &Value) -> Result<String> {
    let tmpl = env.template_from_named_str(name, source).map_err(|e| template_error(name, first_line, &e))?;
    tmpl.render(ctx).map_err(|e| template_error(name, first_line, &e))
}

fn template_error(name: &str, first_line: usize, e: &minijinja::Error) -> Error {
    let detail = match e.detail() {
        Some(d) => format!("{} ({d})", e.kind()),
        None => e.kind().to_string(),
    };
    Error::Template { name: name.to_owned(), line: e.line().map(|l| l + first_line - 1), detail }
}

/// Checks a template: header, syntax, and every field it names, by rendering it against a complete fictional
/// context of its kind.
pub fn check(name: &str, source: &str) -> Result<()> {
    if !is_known(name) {
        return Err(unknown(name));
    }
    let lang = if name.starts_with("en/") { Lang::En } else { Lang::Fr };
    let kind = name.split('/').nth(1).unwrap_or_default();
    if kind.ends_with(".toml") {
        let layout = super::banner::parse_layout(name, source)?;
        let ctx = Value::from(minijinja::value::Serde(super::samples::banner(lang)));
        let env = plain_environment();
        for z in &layout.text {
            render(&env, name, &z.text, 1, &ctx)?;
        }
        return Ok(());
    }
    let (header, body, line) = split_header(name, source)?;
    let ctx = match kind {
        "agreement.md" => Value::from(minijinja::value::Serde(super::samples::agreement(lang))),
        "factsheet.md" => Value::from(minijinja::value::Serde(super::samples::factsheet(lang))),
        "press-release.md" => Value::from(minijinja::value::Serde(super::samples::press_release(lang))),
        "presskit.md" => Value::from(minijinja::value::Serde(super::samples::presskit(lang))),
        _ => return Err(unknown(name)),
    };
    let env = environment();
    render(&env, name, body, line, &ctx)?;
    let plain = plain_environment();
    if let Some(f) = &header.footer {
        render(&plain, name, f, 2, &ctx)?;
    }
    if let Some(s) = &header.subtitle {
        render(&plain, name, s, 2, &ctx)?;
    }
    Ok(())
}

/// Checks every effective template of a dossier; returns the problems found (empty: all good).
pub fn check_all(d: &Dossier) -> Result<BTreeMap<String, String>> {
    let mut problems = BTreeMap::new();
    for name in names() {
        if let Err(e) = check(name, &d.template(name)?) {
            problems.insert(name.to_owned(), e.message(Lang::En));
        }
    }
    Ok(problems)
}
