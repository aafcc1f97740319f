//! Text documents (agreement, fact sheet, press release, press kit): template → Markdown → blocks → PDF.
//!
//! A few layouts Markdown cannot express are written in templates as directive lines, which users can move or
//! remove like any other line:
//! `<!-- logos -->` (the collective's logos left, the sponsor's right), `<!-- signatures -->` (two signature
//! blocks), `<!-- card ID -->` / `<!-- card ID large -->` (a detainee's photo beside their name and situation),
//! `<!-- sponsor-logos -->` (the sponsors' logos in a grid), `<!-- cover -->` (a cover page); `<!-- pagebreak -->`
//! is read by the typesetter's Markdown. A comment line whose first word is lowercase letters and hyphens is a
//! directive, and an unknown one is refused with its line ([`Error::UnknownDirective`]); other comments
//! (`<!-- Note: ... -->`) stay comments.

use std::collections::HashMap;

use libertas_typeset as typeset;
use minijinja::Value;
use typeset::{Align, Block, Column, Span};

use super::context::{PublicDetainee, SponsorCtx};
use super::template::{self, Header, TemplateProblem};
use super::typesetting::{photo_crop, typeset_lang, Images};
use super::typography;
use crate::error::{Error, Result};
use crate::i18n::{tr, Lang};

/// What the directives may draw from.
#[derive(Default)]
pub struct Parts<'a> {
    pub collective_name: String,
    pub collective_logos: Vec<String>,
    pub collective_signatory: Option<(String, Option<String>)>,
    pub sponsor: Option<&'a SponsorCtx>,
    pub detainees: HashMap<String, &'a PublicDetainee>,
    pub sponsors: Vec<&'a SponsorCtx>,
    /// A copy to sign, `(n, of)`: marked at the top of the first page and in the footer.
    pub copy: Option<(u32, u32)>,
}

/// The directives, by their first word.
const DIRECTIVES: [&str; 6] = ["logos", "signatures", "card", "sponsor-logos", "cover", "pagebreak"];
/// Read by the typesetter's Markdown, not here.
const PAGEBREAK: &str = "pagebreak";

/// Checks a text template against a complete context: header, syntax, directives, and every field it names.
pub fn check(name: &str, source: &str, ctx: &Value) -> Result<()> {
    let (header, body, line) = template::split_header(name, source)?;
    check_directives(name, body, line)?;
    template::render(&template::environment(), name, body, line, ctx)?;
    let plain = template::plain_environment();
    if let Some(f) = &header.footer {
        template::render(&plain, name, f, 2, ctx)?;
    }
    if let Some(s) = &header.subtitle {
        template::render(&plain, name, s, 2, ctx)?;
    }
    Ok(())
}

/// Renders a Markdown draft from a text template: its header's title (itself a plain template) and its body, with
/// values escaped for a draft the user edits afterwards (`template::draft_environment`). Directives are checked as
/// in any text template and left in the draft, where the document that prints it expands them.
pub fn draft(name: &str, source: &str, ctx: &Value) -> Result<(String, String)> {
    let (header, body, line) = template::split_header(name, source)?;
    check_directives(name, body, line)?;
    let markdown = template::render(&template::draft_environment(), name, body, line, ctx)?;
    let title = template::render(&template::plain_environment(), name, &header.title, 2, ctx)?;
    if let Some(f) = &header.footer {
        template::render(&template::plain_environment(), name, f, 2, ctx)?;
    }
    Ok((title.split_whitespace().collect::<Vec<_>>().join(" "), markdown.trim().to_owned() + "\n"))
}

/// Refuses a directive this module does not know, with its line: a typo such as `<!-- signature -->` would
/// otherwise print nothing, and nobody would notice before the ceremony.
fn check_directives(name: &str, body: &str, first_line: usize) -> Result<()> {
    for (i, line) in body.lines().enumerate() {
        if let Some(words) = directive(line) {
            if !DIRECTIVES.contains(&words[0].as_str()) {
                return Err(unknown_directive(name, Some(first_line + i), &words[0]));
            }
        }
    }
    Ok(())
}

fn unknown_directive(name: &str, line: Option<usize>, directive: &str) -> Error {
    Error::UnknownDirective {
        name: name.to_owned(),
        line,
        directive: directive.to_owned(),
        known: DIRECTIVES.join(", "),
    }
}

/// Renders a text template with its context into a laid-out document.
pub fn build(
    name: &str,
    source: &str,
    ctx: &Value,
    lang: Lang,
    parts: &Parts<'_>,
    images: &mut Images<'_>,
) -> Result<typeset::Document> {
    let (header, body, first_line) = template::split_header(name, source)?;
    check_directives(name, body, first_line)?;
    let env = template::environment();
    let markdown = template::render(&env, name, body, first_line, ctx)?;
    let plain = template::plain_environment();
    let footer = header.footer.as_deref().map(|f| template::render(&plain, name, f, 2, ctx)).transpose()?;
    let subtitle = header.subtitle.as_deref().map(|f| template::render(&plain, name, f, 2, ctx)).transpose()?;

    let mut blocks = vec![];
    let mut chunk = String::new();
    for line in markdown.lines() {
        // Directives written in the template were checked above, with their line. A comment line that reaches
        // here unknown came from a value marked `safe` (a press release's own Markdown): it stays a comment.
        match directive(line).filter(|words| words[0] != PAGEBREAK && DIRECTIVES.contains(&words[0].as_str())) {
            Some(words) => {
                flush(name, &mut chunk, &mut blocks, lang, images)?;
                blocks.extend(expand(name, &words, &header, subtitle.as_deref(), lang, parts, images)?);
            }
            None => {
                chunk.push_str(line);
                chunk.push('\n');
            }
        }
    }
    flush(name, &mut chunk, &mut blocks, lang, images)?;
    let copy = parts.copy.map(|(n, of)| {
        tr(lang, "doc-copy", &[("n", crate::i18n::Arg::from(n as usize)), ("of", crate::i18n::Arg::from(of as usize))])
    });
    if let Some(mark) = &copy {
        blocks.insert(0, para(vec![Span::new(mark.clone()).bold().size(9.0)], Align::Right));
    }
    // The document's typography, once, on everything it prints: template text, values and directive blocks.
    typography::blocks(lang, &mut blocks);

    let mut page = match header.page.as_str() {
        "a5" => typeset::PageSetup { width_mm: 148.0, height_mm: 210.0, ..typeset::PageSetup::a4() },
        "letter" => typeset::PageSetup { width_mm: 215.9, height_mm: 279.4, ..typeset::PageSetup::a4() },
        _ => typeset::PageSetup::a4(),
    };
    if let Some([t, r, b, l]) = header.margins {
        page.margin_top_mm = t;
        page.margin_right_mm = r;
        page.margin_bottom_mm = b;
        page.margin_left_mm = l;
    }
    let footer = match (footer.filter(|f| !f.trim().is_empty()), copy) {
        (Some(f), Some(mark)) => Some(format!("{f} — {mark}")),
        (f, mark) => f.or(mark),
    };
    page.footer = footer.map(|f| typography::text(lang, &f));
    page.page_label = Some(tr(lang, "doc-page", &[]));
    Ok(typeset::Document {
        title: typography::text(lang, &header.title),
        lang: typeset_lang(lang),
        page,
        style: typeset::DocStyle::default(),
        blocks,
    })
}

/// `<!-- word args -->` → its words, when the line is a directive: a whole-line comment whose first word is
/// lowercase ASCII letters and hyphens.
fn directive(line: &str) -> Option<Vec<String>> {
    let inner = line.trim().strip_prefix("<!--")?.strip_suffix("-->")?.trim();
    // Values printed into the template were Markdown-escaped (`a\-b`); directive arguments are plain.
    let words: Vec<String> = inner.split_whitespace().map(unescape).collect();
    let first = words.first()?;
    let is_word = first.starts_with(|c: char| c.is_ascii_lowercase())
        && first.chars().all(|c| c.is_ascii_lowercase() || c == '-');
    is_word.then_some(words)
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    out
}

fn flush(name: &str, chunk: &mut String, blocks: &mut Vec<Block>, lang: Lang, images: &mut Images<'_>) -> Result<()> {
    if chunk.trim().is_empty() {
        chunk.clear();
        return Ok(());
    }
    let opts = typeset::MarkdownOptions { toc_title: Some(tr(lang, "doc-contents", &[])), image_width_mm: Some(60.0) };
    let mut failed = None;
    let mut resolve = |r: &str| match images.get(r) {
        Ok(img) => Some(img),
        Err(e) => {
            failed = Some(e);
            None
        }
    };
    let parsed = typeset::markdown_to_blocks(chunk, &opts, &mut resolve);
    if let Some(e) = failed {
        return Err(e);
    }
    blocks.extend(parsed.map_err(|e| Error::Template {
        name: name.to_owned(),
        line: None,
        problem: TemplateProblem::Markdown { detail: e.to_string() },
    })?);
    chunk.clear();
    Ok(())
}

fn para(spans: Vec<Span>, align: Align) -> Block {
    Block::Paragraph { spans, align: Some(align) }
}

fn logo_block(images: &mut Images<'_>, r: &str, width: f32, align: Align) -> Result<Block> {
    Ok(Block::Image { image: images.get(r)?, width_mm: Some(width), align, caption: None, crop: None })
}

fn expand(
    name: &str,
    words: &[String],
    header: &Header,
    subtitle: Option<&str>,
    lang: Lang,
    parts: &Parts<'_>,
    images: &mut Images<'_>,
) -> Result<Vec<Block>> {
    let mut out = vec![];
    match words[0].as_str() {
        "logos" => {
            let mut left = vec![];
            for r in parts.collective_logos.iter().take(3) {
                left.push(Column { weight: 1.0, blocks: vec![logo_block(images, r, 24.0, Align::Left)?] });
            }
            let mut columns = left;
            let sponsor_logo = parts.sponsor.and_then(|s| s.logo.clone());
            let filler = 4usize.saturating_sub(columns.len() + usize::from(sponsor_logo.is_some()));
            for _ in 0..filler {
                columns.push(Column { weight: 1.0, blocks: vec![] });
            }
            if let Some(r) = sponsor_logo {
                columns.push(Column { weight: 1.0, blocks: vec![logo_block(images, &r, 24.0, Align::Right)?] });
            }
            if columns.iter().any(|c| !c.blocks.is_empty()) {
                out.push(Block::Columns { columns, gap_mm: 6.0 });
                out.push(Block::Spacer(4.0));
            }
        }
        "signatures" => {
            let mut columns = vec![];
            let collective =
                parts.collective_signatory.clone().unwrap_or_else(|| (parts.collective_name.clone(), None));
            let mut sides = vec![(tr(lang, "doc-for-collective", &[]), parts.collective_name.clone(), collective)];
            if let Some(s) = parts.sponsor {
                sides.push((
                    tr(lang, "doc-for-sponsor", &[]),
                    s.name.clone(),
                    (s.signatory.name.clone(), s.signatory.title.clone()),
                ));
            }
            for (role, org, (who, title)) in sides {
                // Every column has the same four lines, so the signature rules line up: a party without a named
                // signatory (its name stood twice) or without a title gets an empty line instead.
                const EMPTY_LINE: &str = "\u{a0}";
                let who = if who == org { EMPTY_LINE.to_owned() } else { who };
                let title = title.filter(|t| !t.trim().is_empty()).unwrap_or_else(|| EMPTY_LINE.to_owned());
                let mut blocks = vec![
                    para(vec![Span::new(role).bold()], Align::Left),
                    para(vec![Span::new(org)], Align::Left),
                    para(vec![Span::new(who).bold()], Align::Left),
                    para(vec![Span::new(title).italic()], Align::Left),
                ];
                blocks.push(Block::Spacer(22.0));
                blocks.push(Block::Rule);
                blocks.push(para(vec![Span::new(tr(lang, "doc-signature", &[])).size(8.0)], Align::Left));
                columns.push(Column { weight: 1.0, blocks });
            }
            out.push(Block::Spacer(6.0));
            out.push(Block::Columns { columns, gap_mm: 16.0 });
        }
        "card" => {
            let id = words.get(1).ok_or_else(|| bad(name, TemplateProblem::CardWithoutId))?;
            let large = words.get(2).is_some_and(|w| w == "large");
            let p = parts
                .detainees
                .get(id.as_str())
                .ok_or_else(|| bad(name, TemplateProblem::NoPublicDetainee { id: id.clone() }))?;
            out.push(card(p, large, lang, images)?);
        }
        "sponsor-logos" => {
            for row in parts.sponsors.chunks(3) {
                let mut columns = vec![];
                for s in row {
                    let mut blocks = vec![];
                    if let Some(r) = &s.logo {
                        blocks.push(logo_block(images, r, 26.0, Align::Center)?);
                    }
                    blocks.push(para(vec![Span::new(s.name.clone()).bold().size(9.5)], Align::Center));
                    let place = [Some(s.kind_label.clone()), s.city.clone()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" · ");
                    blocks.push(para(vec![Span::new(place).size(8.5)], Align::Center));
                    columns.push(Column { weight: 1.0, blocks });
                }
                while columns.len() < 3 {
                    columns.push(Column { weight: 1.0, blocks: vec![] });
                }
                out.push(Block::Columns { columns, gap_mm: 8.0 });
                out.push(Block::Spacer(5.0));
            }
        }
        "cover" => {
            out.push(Block::Spacer(30.0));
            let mut columns = vec![];
            for r in parts.collective_logos.iter().take(3) {
                columns.push(Column { weight: 1.0, blocks: vec![logo_block(images, r, 30.0, Align::Center)?] });
            }
            if !columns.is_empty() {
                out.push(Block::Columns { columns, gap_mm: 10.0 });
            }
            out.push(Block::Spacer(30.0));
            let red = typeset::Color::Rgb(0.55, 0.07, 0.12);
            out.push(para(vec![Span::new(header.title.clone()).bold().size(34.0).color(red)], Align::Center));
            if let Some(s) = subtitle.filter(|s| !s.trim().is_empty()) {
                out.push(Block::Spacer(6.0));
                out.push(para(vec![Span::new(s.to_owned()).size(16.0)], Align::Center));
            }
            out.push(Block::Spacer(12.0));
            out.push(para(vec![Span::new(parts.collective_name.clone()).bold().size(14.0)], Align::Center));
        }
        // `build` passes known directives only.
        other => return Err(unknown_directive(name, None, other)),
    }
    Ok(out)
}

fn bad(name: &str, problem: TemplateProblem) -> Error {
    Error::Template { name: name.to_owned(), line: None, problem }
}

/// A detainee's photo beside their name, situation and (for the small card) a short biography.
fn card(p: &PublicDetainee, large: bool, lang: Lang, images: &mut Images<'_>) -> Result<Block> {
    let mut text = vec![];
    let size = if large { 24.0 } else { 14.0 };
    text.push(para(vec![Span::new(p.name.clone()).bold().size(size).family(typeset::FontFamily::Sans)], Align::Left));
    if let Some(hy) = &p.name_hy {
        text.push(para(vec![Span::new(hy.clone()).size(size * 0.8).family(typeset::FontFamily::Sans)], Align::Left));
    }
    let mut facts = vec![p.category_label.clone()];
    if let Some(r) = &p.role {
        facts.push(r.clone());
    }
    text.push(para(vec![Span::new(facts.join(" · ")).italic()], Align::Left));
    if let Some(s) = &p.status_label {
        let mut line = s.clone();
        if let Some(y) = p.sentence_years {
            line.push_str(&format!(" — {}", tr(lang, "doc-years", &[("n", crate::i18n::Arg::Num(f64::from(y)))])));
        }
        text.push(para(vec![Span::new(line)], Align::Left));
    }
    if let Some(c) = &p.captured {
        let at = p.capture_place.as_deref().map(|pl| format!(", {pl}")).unwrap_or_default();
        text.push(para(vec![Span::new(format!("{} {c}{at}", tr(lang, "doc-captured", &[])))], Align::Left));
    }
    if let Some(days) = &p.days_text {
        let red = typeset::Color::Rgb(0.55, 0.07, 0.12);
        text.push(para(vec![Span::new(days.clone()).bold().color(red)], Align::Left));
    }
    if !large {
        if let Some(bio) = &p.bio {
            text.push(para(vec![Span::new(short(bio, 420))], Align::Justify));
        }
    }
    let photo_w = if large { 62.0 } else { 38.0 };
    // The frame takes the crop's shape (`typeset::frame`, `Natural`): the card shows exactly the crop, or the whole
    // photo without one.
    let photo = match &p.photo {
        Some(r) => vec![Block::Image {
            image: images.get(r)?,
            width_mm: Some(photo_w),
            align: Align::Left,
            caption: None,
            crop: photo_crop(p.photo_crop),
        }],
        None => vec![],
    };
    let columns = if photo.is_empty() {
        vec![Column { weight: 1.0, blocks: text }]
    } else {
        vec![
            Column { weight: photo_w, blocks: photo },
            Column { weight: if large { 108.0 } else { 132.0 }, blocks: text },
        ]
    };
    Ok(Block::KeepTogether(vec![Block::Columns { columns, gap_mm: 6.0 }, Block::Spacer(if large { 6.0 } else { 4.0 })]))
}

/// The first sentences of a text, up to about `max` characters.
fn short(text: &str, max: usize) -> String {
    let first_para = text.split("\n\n").next().unwrap_or(text).replace('\n', " ");
    if first_para.chars().count() <= max {
        return first_para;
    }
    let cut: String = first_para.chars().take(max).collect();
    match cut.rfind(". ") {
        Some(i) if i > max / 3 => cut[..=i].to_owned(),
        _ => format!("{}…", cut.trim_end()),
    }
}
