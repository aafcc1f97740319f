//! The template engine: the minijinja environment (strict undefined, Markdown escaping of every value, fuel
//! limit), the TOML header of text templates, and template errors with their line. Knows no kind of document.
//!
//! A text template is Markdown with minijinja placeholders, preceded by a TOML header between `---` lines (title,
//! page size, margins, footer). A banner template is a TOML layout of zones. Undefined values are errors (strict
//! mode), so a template naming an unknown field is refused with its name and line.

use minijinja::{Environment, UndefinedBehavior, Value};
use serde::Deserialize;

use super::typography::group_digits;
use crate::error::{Error, Result};
use crate::i18n::{tr, Arg, Lang};

/// What is wrong with a template, worded by us in each language. Where a parser or the template engine explained
/// it in its own (English) words, those are kept as `detail`, shown only as a technical detail (`Error::technical`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateProblem {
    /// A text template not starting with its `---` header.
    NoHeader,
    /// A `---` header that is not closed.
    HeaderNotClosed,
    /// A TOML header or banner layout that TOML cannot read (a missing quote, an unknown key...).
    Toml { detail: String },
    /// A page size other than a4, a5 or letter.
    BadPage { page: String },
    /// Margins outside 5 to 60 mm.
    BadMargins,
    /// A template name not in the closed list; `known` lists them.
    UnknownTemplate { known: String },
    /// Refused by the template engine (minijinja) while reading or filling it.
    Engine { kind: EngineProblem, detail: Option<String> },
    /// The filled template is not Markdown the typesetter can lay out.
    Markdown { detail: String },
    /// A `<!-- card -->` directive without a detainee id.
    CardWithoutId,
    /// A `<!-- card ID -->` naming no detainee a public document may show.
    NoPublicDetainee { id: String },
    /// A banner zone not inside the live area (its x, y, w, h are fractions from 0 to 1).
    ZoneOutside { zone: String },
    /// A banner zone naming a colour the layout does not define.
    UnknownColour { zone: String, colour: String },
    /// A text zone whose sizes are not 0 < min_pt <= max_pt <= 1000.
    FontSizes { zone: String },
    /// A text zone aligned otherwise than left, center or right.
    BadAlign { zone: String },
    /// A colour whose CMYK components are not between 0 and 1.
    BadCmyk { colour: String },
    /// A card colour not written `#rrggbb`.
    BadRgb { colour: String },
}

/// The template engine's kinds of refusal that a template's author can meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EngineProblem {
    Syntax,
    /// A value the document does not have (strict mode), or a field it does not hold.
    Undefined,
    UnknownFilter,
    UnknownTest,
    UnknownFunction,
    UnknownMethod,
    /// An operation that does not apply to the values (adding a text to a number...).
    InvalidOperation,
    /// Too many or too few arguments to a filter, test or function.
    Arguments,
    /// A loop or assignment unpacking a value that does not hold that many parts.
    CannotUnpack,
    /// Another template included or extended: templates stand alone.
    Include,
    Other,
}

impl EngineProblem {
    fn of(kind: minijinja::ErrorKind) -> EngineProblem {
        use minijinja::ErrorKind as K;
        match kind {
            K::SyntaxError | K::BadEscape | K::InvalidDelimiter => EngineProblem::Syntax,
            K::UndefinedError => EngineProblem::Undefined,
            K::UnknownFilter => EngineProblem::UnknownFilter,
            K::UnknownTest => EngineProblem::UnknownTest,
            K::UnknownFunction => EngineProblem::UnknownFunction,
            K::UnknownMethod => EngineProblem::UnknownMethod,
            K::InvalidOperation | K::NonPrimitive | K::NonKey => EngineProblem::InvalidOperation,
            K::TooManyArguments | K::MissingArgument => EngineProblem::Arguments,
            K::CannotUnpack => EngineProblem::CannotUnpack,
            K::TemplateNotFound | K::BadInclude => EngineProblem::Include,
            _ => EngineProblem::Other,
        }
    }

    fn id(self) -> &'static str {
        match self {
            EngineProblem::Syntax => "tpl-syntax",
            EngineProblem::Undefined => "tpl-undefined",
            EngineProblem::UnknownFilter => "tpl-unknown-filter",
            EngineProblem::UnknownTest => "tpl-unknown-test",
            EngineProblem::UnknownFunction => "tpl-unknown-function",
            EngineProblem::UnknownMethod => "tpl-unknown-method",
            EngineProblem::InvalidOperation => "tpl-invalid-operation",
            EngineProblem::Arguments => "tpl-arguments",
            EngineProblem::CannotUnpack => "tpl-cannot-unpack",
            EngineProblem::Include => "tpl-include",
            EngineProblem::Other => "tpl-other",
        }
    }
}

impl TemplateProblem {
    /// What is wrong, in `lang`: the end of the sentence "Template X, line N: ...".
    pub fn message(&self, lang: Lang) -> String {
        let zone = |id: &str, zone: &str| tr(lang, id, &[("zone", Arg::from(zone))]);
        match self {
            TemplateProblem::NoHeader => tr(lang, "tpl-no-header", &[]),
            TemplateProblem::HeaderNotClosed => tr(lang, "tpl-header-not-closed", &[]),
            TemplateProblem::Toml { .. } => tr(lang, "tpl-toml", &[]),
            TemplateProblem::BadPage { page } => tr(lang, "tpl-bad-page", &[("page", Arg::from(page))]),
            TemplateProblem::BadMargins => tr(lang, "tpl-bad-margins", &[]),
            TemplateProblem::UnknownTemplate { known } => {
                tr(lang, "tpl-unknown-template", &[("known", Arg::from(known))])
            }
            TemplateProblem::Engine { kind, .. } => tr(lang, kind.id(), &[]),
            TemplateProblem::Markdown { .. } => tr(lang, "tpl-markdown", &[]),
            TemplateProblem::CardWithoutId => tr(lang, "tpl-card-without-id", &[]),
            TemplateProblem::NoPublicDetainee { id } => tr(lang, "tpl-no-public-detainee", &[("id", Arg::from(id))]),
            TemplateProblem::ZoneOutside { zone: z } => zone("tpl-zone-outside", z),
            TemplateProblem::UnknownColour { zone: z, colour } => {
                tr(lang, "tpl-unknown-colour", &[("zone", Arg::from(z)), ("colour", Arg::from(colour))])
            }
            TemplateProblem::FontSizes { zone: z } => zone("tpl-font-sizes", z),
            TemplateProblem::BadAlign { zone: z } => zone("tpl-bad-align", z),
            TemplateProblem::BadCmyk { colour } => tr(lang, "tpl-bad-cmyk", &[("colour", Arg::from(colour))]),
            TemplateProblem::BadRgb { colour } => tr(lang, "tpl-bad-rgb", &[("colour", Arg::from(colour))]),
        }
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
    let err = |line, problem| Error::Template { name: name.to_owned(), line: Some(line), problem };
    let rest = source.strip_prefix("---\n").or_else(|| source.strip_prefix("---\r\n"));
    let Some(rest) = rest else { return Err(err(1, TemplateProblem::NoHeader)) };
    let Some(end) = rest.find("\n---") else { return Err(err(1, TemplateProblem::HeaderNotClosed)) };
    let head = &rest[..end];
    let after = &rest[end + 4..];
    let body = after.strip_prefix('\n').or_else(|| after.strip_prefix("\r\n")).unwrap_or(after);
    let header: Header = toml::from_str(head).map_err(|e| {
        let line = e.span().map(|s| head[..s.start].lines().count().max(1) + 1).unwrap_or(2);
        err(line, TemplateProblem::Toml { detail: e.message().to_owned() })
    })?;
    if !matches!(header.page.as_str(), "a4" | "a5" | "letter") {
        return Err(err(2, TemplateProblem::BadPage { page: header.page.clone() }));
    }
    if let Some(m) = header.margins {
        if m.iter().any(|v| !v.is_finite() || *v < 5.0 || *v > 60.0) {
            return Err(err(2, TemplateProblem::BadMargins));
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

/// Escapes text for a Markdown draft the user goes on editing (a ceremony's press release body): the characters
/// that start emphasis, code, links, HTML or comments, headings, tables and block quotes anywhere in a line get a
/// backslash, and a list or rule marker at the value's start too; the punctuation of prose (`' , . : ; ? ( ) - /`)
/// is left as typed, so the draft reads as text. No value can become a directive (`<` is escaped) or a link.
pub fn escape_markdown_draft(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.chars().enumerate() {
        let active =
            matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '&' | '{' | '}');
        if active || (i == 0 && matches!(c, '-' | '+' | '=')) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Fuel of the Markdown templates. minijinja 3 charges one fuel per instruction and one per 64 bytes of data it
/// produces (strings built by `~` or `+`, macro bodies and `set` blocks, filter results, the output), and checks an
/// allocation of known size before making it. Fuel therefore bounds time *and* memory: 2,000,000 fuel is at most
/// 128 MB of data produced over a whole render (a macro doubling a string stops there). The default press kit of
/// the fictional sample uses under 400 fuel (about 70 a person), so a press kit of 20,000 people still fits.
pub const FUEL: u64 = 2_000_000;
/// Fuel of the plain-text templates (banner zones, footers): 64 MB of data at most.
pub const PLAIN_FUEL: u64 = 1_000_000;
/// Largest text a template may render: 16 MB, far more than the Markdown of a press kit of hundreds of people.
pub const MAX_OUTPUT_BYTES: usize = 16 << 20;

/// The template engine: strict about undefined values, Markdown-escaping every value that is not marked `safe`,
/// with a fuel limit so an edited template with a runaway loop, or one building a huge text, stops instead of
/// hanging the app or filling its memory.
pub fn environment() -> Environment<'static> {
    strict_environment(FUEL, Some(escape_markdown))
}

/// The engine for plain text (banner zones, footers): no Markdown escaping.
pub fn plain_environment() -> Environment<'static> {
    strict_environment(PLAIN_FUEL, None)
}

/// The engine for a Markdown draft the user edits afterwards (see [`escape_markdown_draft`]).
pub fn draft_environment() -> Environment<'static> {
    strict_environment(FUEL, Some(escape_markdown_draft))
}

fn strict_environment(fuel: u64, escape: Option<fn(&str) -> String>) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(fuel));
    env.set_formatter(move |out, state, value| {
        if value.is_none() || value.is_undefined() {
            return Ok(());
        }
        let text = match (i64::try_from(value.clone()), document_lang(state)) {
            // Counts print as the document's language writes them: 2 179 (narrow no-break space), 2,179.
            (Ok(n), Some(lang)) if value.is_integer() => group_digits(n, lang),
            _ => value.to_string(),
        };
        let text = match escape {
            Some(escape) if !value.is_safe() => escape(&text),
            _ => text,
        };
        out.write_str(&text).map_err(|_| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "write"))
    });
    env
}

/// The language of the document being rendered: every context has a `lang` field (`fr`, `en`).
fn document_lang(state: &minijinja::State<'_, '_>) -> Option<Lang> {
    match state.lookup("lang")?.as_str()? {
        "fr" => Some(Lang::Fr),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The rendered text, refusing to grow past [`MAX_OUTPUT_BYTES`].
struct Bounded {
    bytes: Vec<u8>,
    over: bool,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_OUTPUT_BYTES {
            self.over = true;
            return Err(std::io::Error::other("template output too large"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Renders `source` (whose first line is line `first_line` of template `name`) with `ctx`.
pub fn render(env: &Environment<'_>, name: &str, source: &str, first_line: usize, ctx: &Value) -> Result<String> {
    let tmpl = env.template_from_named_str(name, source).map_err(|e| template_error(name, first_line, &e))?;
    let mut out = Bounded { bytes: Vec::new(), over: false };
    let rendered = tmpl.render_captured_to(ctx, &mut out).map(drop);
    let limit = |limit, e: &minijinja::Error| Error::TemplateLimit {
        name: name.to_owned(),
        line: e.line().map(|l| l + first_line - 1),
        limit,
    };
    match rendered {
        Ok(()) => String::from_utf8(out.bytes).map_err(|e| Error::Render(e.to_string())),
        Err(e) if out.over => Err(limit(TemplateLimit::Output, &e)),
        Err(e) if e.kind() == minijinja::ErrorKind::OutOfFuel => Err(limit(TemplateLimit::Fuel, &e)),
        Err(e) => Err(template_error(name, first_line, &e)),
    }
}

/// Which bound stopped a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateLimit {
    /// Out of fuel: too many steps or too much data built (see [`FUEL`]).
    Fuel,
    /// More text than [`MAX_OUTPUT_BYTES`].
    Output,
}

fn template_error(name: &str, first_line: usize, e: &minijinja::Error) -> Error {
    let detail = match e.detail() {
        Some(d) => format!("{} ({d})", e.kind()),
        None => e.kind().to_string(),
    };
    let problem = TemplateProblem::Engine { kind: EngineProblem::of(e.kind()), detail: Some(detail) };
    Error::Template { name: name.to_owned(), line: e.line().map(|l| l + first_line - 1), problem }
}
