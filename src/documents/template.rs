//! The template engine: the minijinja environment (strict undefined, Markdown escaping of every value, fuel
//! limit), the TOML header of text templates, and template errors with their line. Knows no kind of document.
//!
//! A text template is Markdown with minijinja placeholders, preceded by a TOML header between `---` lines (title,
//! page size, margins, footer). A banner template is a TOML layout of zones. Undefined values are errors (strict
//! mode), so a template naming an unknown field is refused with its name and line.

use minijinja::{Environment, UndefinedBehavior, Value};
use serde::Deserialize;

use crate::error::{Error, Result};

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
