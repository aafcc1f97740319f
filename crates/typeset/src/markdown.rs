//! Markdown (CommonMark + GFM tables and task lists) → blocks.
//!
//! Text is never interpreted beyond Markdown: raw HTML is kept as literal text (except the
//! `<!-- pagebreak -->` comment), and no character needs escaping because text reaches the PDF
//! as glyph ids, never as PDF string syntax.

use std::sync::Arc;

use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};

use crate::image::ImageData;
use crate::model::{Align, Block, CellAlign, ListItem, ListKind, Span, Table};
use crate::TypesetError;

/// Options of [`markdown_to_blocks`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MarkdownOptions {
    /// Title printed above a `[[toc]]` table of contents.
    pub toc_title: Option<String>,
    /// Width of images (None: full text width).
    pub image_width_mm: Option<f32>,
}

struct ItemB {
    spans: Vec<Span>,
    checked: Option<bool>,
    children: Vec<Block>,
}

struct ListB {
    kind: ListKind,
    items: Vec<ItemB>,
}

#[derive(Default)]
struct TableB {
    align: Vec<CellAlign>,
    header: Option<Vec<Vec<Span>>>,
    rows: Vec<Vec<Vec<Span>>>,
    row: Vec<Vec<Span>>,
    in_head: bool,
}

struct State<'r> {
    out: Vec<Block>,
    spans: Vec<Span>,
    bold: u32,
    italic: u32,
    lists: Vec<ListB>,
    table: Option<TableB>,
    heading: Option<u8>,
    image: Option<(String, Vec<Span>)>,
    link: Vec<String>,
    code_block: bool,
    opts: &'r MarkdownOptions,
}

fn is_pagebreak_html(s: &str) -> bool {
    let t = s.trim();
    t.strip_prefix("<!--")
        .and_then(|t| t.strip_suffix("-->"))
        .is_some_and(|inner| inner.trim().eq_ignore_ascii_case("pagebreak"))
}

impl State<'_> {
    fn text(&mut self, t: &str) {
        if let Some((_, alt)) = &mut self.image {
            alt.push(Span::new(t));
            return;
        }
        let span = Span { text: t.to_string(), bold: self.bold > 0, italic: self.italic > 0, ..Span::default() };
        // Merge with the previous span of the same style: fewer style runs, better shaping.
        if let Some(last) = self.spans.last_mut() {
            if last.bold == span.bold
                && last.italic == span.italic
                && last.size.is_none()
                && last.color.is_none()
                && !last.superscript
            {
                last.text.push_str(t);
                return;
            }
        }
        self.spans.push(span);
    }

    /// Where a finished block goes: the open list item, or the document.
    fn push_block(&mut self, b: Block) {
        if let Some(item) = self.lists.last_mut().and_then(|l| l.items.last_mut()) {
            item.children.push(b);
        } else {
            self.out.push(b);
        }
    }

    fn flush_paragraph(&mut self) {
        let spans = std::mem::take(&mut self.spans);
        if spans.iter().all(|s| s.text.trim().is_empty()) {
            return;
        }
        let plain: String = spans.iter().map(|s| s.text.as_str()).collect();
        let trimmed = plain.trim();
        if trimmed.eq_ignore_ascii_case("[[toc]]") {
            self.push_block(Block::TableOfContents { title: self.opts.toc_title.clone() });
            return;
        }
        if trimmed == "\\pagebreak" {
            self.push_block(Block::PageBreak);
            return;
        }
        // Inside a list item, the first paragraph is the item's own text.
        if let Some(item) = self.lists.last_mut().and_then(|l| l.items.last_mut()) {
            if item.spans.is_empty() && item.children.is_empty() {
                item.spans = spans;
                return;
            }
        }
        let align = if self.code_block { Some(Align::Left) } else { None };
        self.push_block(Block::Paragraph { spans, align });
    }
}

/// Converts Markdown into blocks. `resolve` maps an image reference (`![alt](name)`) to image
/// data; an unknown name is an error carrying the name.
pub fn markdown_to_blocks(
    md: &str,
    opts: &MarkdownOptions,
    resolve: &mut dyn FnMut(&str) -> Option<Arc<ImageData>>,
) -> Result<Vec<Block>, TypesetError> {
    let parser =
        Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH);
    let mut s = State {
        out: Vec::new(),
        spans: Vec::new(),
        bold: 0,
        italic: 0,
        lists: Vec::new(),
        table: None,
        heading: None,
        image: None,
        link: Vec::new(),
        code_block: false,
        opts,
    };
    for ev in parser {
        match ev {
            Event::Start(tag) => match tag {
                Tag::Paragraph => s.flush_paragraph(),
                Tag::Heading { level, .. } => {
                    s.flush_paragraph();
                    s.heading = Some(level as u8);
                }
                Tag::Emphasis => s.italic += 1,
                Tag::Strong => s.bold += 1,
                Tag::List(start) => {
                    // Text of the enclosing item that is not yet stored becomes its text.
                    s.flush_paragraph();
                    let kind = match start {
                        Some(n) => ListKind::Numbered(n.min(u32::MAX as u64) as u32),
                        None => ListKind::Bullet,
                    };
                    s.lists.push(ListB { kind, items: Vec::new() });
                }
                Tag::Item => {
                    s.flush_paragraph();
                    if let Some(l) = s.lists.last_mut() {
                        l.items.push(ItemB { spans: Vec::new(), checked: None, children: Vec::new() });
                    }
                }
                Tag::Table(aligns) => {
                    s.flush_paragraph();
                    s.table = Some(TableB {
                        align: aligns
                            .iter()
                            .map(|a| match a {
                                Alignment::Center => CellAlign::Center,
                                Alignment::Right => CellAlign::Right,
                                _ => CellAlign::Left,
                            })
                            .collect(),
                        ..TableB::default()
                    });
                }
                Tag::TableHead => {
                    if let Some(t) = &mut s.table {
                        t.in_head = true;
                    }
                }
                Tag::TableRow | Tag::TableCell => s.spans.clear(),
                Tag::Image { dest_url, .. } => s.image = Some((dest_url.to_string(), Vec::new())),
                Tag::Link { dest_url, .. } => s.link.push(dest_url.to_string()),
                Tag::CodeBlock(_) => {
                    s.flush_paragraph();
                    s.code_block = true;
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph => s.flush_paragraph(),
                TagEnd::Heading(_) => {
                    let level = s.heading.take().unwrap_or(1);
                    let spans = std::mem::take(&mut s.spans);
                    s.push_block(Block::Heading { level, spans, in_toc: true });
                }
                TagEnd::Emphasis => s.italic = s.italic.saturating_sub(1),
                TagEnd::Strong => s.bold = s.bold.saturating_sub(1),
                TagEnd::Item => s.flush_paragraph(),
                TagEnd::List(_) => {
                    s.flush_paragraph();
                    if let Some(l) = s.lists.pop() {
                        let all_tasks = !l.items.is_empty() && l.items.iter().all(|i| i.checked.is_some());
                        let kind = if all_tasks { ListKind::Check } else { l.kind };
                        let items = l
                            .items
                            .into_iter()
                            .map(|i| ListItem { spans: i.spans, checked: i.checked, children: i.children })
                            .collect();
                        s.push_block(Block::List { kind, items });
                    }
                }
                TagEnd::TableCell => {
                    let cell = std::mem::take(&mut s.spans);
                    if let Some(t) = &mut s.table {
                        t.row.push(cell);
                    }
                }
                TagEnd::TableHead => {
                    if let Some(t) = &mut s.table {
                        t.header = Some(std::mem::take(&mut t.row));
                        t.in_head = false;
                    }
                }
                TagEnd::TableRow => {
                    if let Some(t) = &mut s.table {
                        let row = std::mem::take(&mut t.row);
                        t.rows.push(row);
                    }
                }
                TagEnd::Table => {
                    if let Some(t) = s.table.take() {
                        let n = t.align.len();
                        s.push_block(Block::Table(Table {
                            widths: vec![1.0; n],
                            align: t.align,
                            header: t.header,
                            rows: t.rows,
                        }));
                    }
                }
                TagEnd::Image => {
                    if let Some((name, alt)) = s.image.take() {
                        let image = resolve(&name).ok_or(TypesetError::UnknownImage { name })?;
                        // The image is a block of its own: close the text before it.
                        s.flush_paragraph();
                        let caption = (!alt.iter().all(|a| a.text.trim().is_empty())).then_some(alt);
                        s.push_block(Block::Image {
                            image,
                            width_mm: opts.image_width_mm,
                            align: Align::Center,
                            caption,
                            crop: None,
                        });
                    }
                }
                TagEnd::Link => {
                    if let Some(url) = s.link.pop() {
                        let text: String = s.spans.iter().map(|x| x.text.as_str()).collect();
                        if !url.is_empty() && !text.ends_with(url.as_str()) && !url.starts_with('#') {
                            s.text(&format!(" ({url})"));
                        }
                    }
                }
                TagEnd::CodeBlock => {
                    s.flush_paragraph();
                    s.code_block = false;
                }
                _ => {}
            },
            Event::Text(t) => {
                if s.code_block {
                    // Code blocks keep their lines.
                    s.text(&t);
                } else {
                    s.text(&t)
                }
            }
            Event::Code(t) => s.text(&t),
            Event::InlineHtml(h) => s.text(&h),
            Event::Html(h) => {
                if is_pagebreak_html(&h) {
                    s.flush_paragraph();
                    s.push_block(Block::PageBreak);
                } else if !h.trim_start().starts_with("<!--") {
                    s.text(&h);
                }
            }
            Event::SoftBreak => s.text(" "),
            Event::HardBreak => s.text("\n"),
            Event::Rule => {
                s.flush_paragraph();
                s.push_block(Block::Rule);
            }
            Event::TaskListMarker(checked) => {
                if let Some(item) = s.lists.last_mut().and_then(|l| l.items.last_mut()) {
                    item.checked = Some(checked);
                }
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => s.text(&t),
            Event::FootnoteReference(t) => s.text(&format!("[{t}]")),
        }
    }
    s.flush_paragraph();
    Ok(s.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(md: &str) -> Vec<Block> {
        markdown_to_blocks(md, &MarkdownOptions::default(), &mut |_| None).unwrap()
    }

    #[test]
    fn headings_paragraphs_emphasis() {
        let b = blocks("# Titre\n\nDu **gras** et de l'*italique*.\n");
        assert!(matches!(&b[0], Block::Heading { level: 1, .. }));
        let Block::Paragraph { spans, .. } = &b[1] else { panic!("{b:?}") };
        assert!(spans.iter().any(|s| s.bold && s.text == "gras"));
        assert!(spans.iter().any(|s| s.italic && s.text == "italique"));
    }

    #[test]
    fn task_lists_become_check_lists() {
        let b = blocks("- [x] Logo fourni\n- [ ] Banderole affichée\n");
        let Block::List { kind, items } = &b[0] else { panic!("{b:?}") };
        assert_eq!(*kind, ListKind::Check);
        assert_eq!(items[0].checked, Some(true));
        assert_eq!(items[1].checked, Some(false));
        assert_eq!(items[1].spans[0].text, "Banderole affichée");
    }

    #[test]
    fn numbered_nested_lists_and_tables() {
        let b = blocks("3. un\n   - a\n4. deux\n\n| Nom | Jours |\n|---|--:|\n| Aram | 800 |\n");
        let Block::List { kind: ListKind::Numbered(3), items } = &b[0] else { panic!("{b:?}") };
        assert!(matches!(items[0].children[0], Block::List { kind: ListKind::Bullet, .. }));
        let Block::Table(t) = &b[1] else { panic!("{b:?}") };
        assert_eq!(t.align, vec![CellAlign::Left, CellAlign::Right]);
        assert_eq!(t.header.as_ref().unwrap()[1][0].text, "Jours");
        assert_eq!(t.rows[0][0][0].text, "Aram");
    }

    #[test]
    fn page_breaks_toc_rules_and_raw_text() {
        let b = blocks("[[toc]]\n\nA\n\n<!-- pagebreak -->\n\nB\n\n\\pagebreak\n\n---\n\n(x) \\\\ <y> % 100%\n");
        assert!(matches!(b[0], Block::TableOfContents { .. }));
        assert!(matches!(b[2], Block::PageBreak));
        assert!(matches!(b[4], Block::PageBreak));
        assert!(matches!(b[5], Block::Rule));
        let Block::Paragraph { spans, .. } = &b[6] else { panic!("{b:?}") };
        let t: String = spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(t, "(x) \\ <y> % 100%");
    }

    #[test]
    fn unknown_images_are_errors_with_their_name() {
        let e = markdown_to_blocks("![Aram](aram.jpg)", &MarkdownOptions::default(), &mut |_| None).unwrap_err();
        assert!(matches!(e, TypesetError::UnknownImage { ref name } if name == "aram.jpg"));
    }
}
