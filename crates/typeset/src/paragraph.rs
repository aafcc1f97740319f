//! Paragraph layout: shaping spans, Unicode line breaking, hyphenation, alignment.
//!
//! Each style run of the paragraph is shaped once in one piece (so kerning and ligatures hold
//! across the whole run, and a 200-page document costs one shaper call per run, not per word);
//! break opportunities are then mapped onto glyph boundaries through the shaper's clusters.
//! Breaking is greedy first-fit, which is what word processors do; the line is then justified by
//! stretching its inter-word spaces.

use unicode_linebreak::{linebreaks, BreakOpportunity};

use crate::model::{Align, Lang, Span, SUPERSCRIPT_RISE, SUPERSCRIPT_SCALE};
use crate::shaping::{Glyph, ShapeCtx, TextStyle};

/// Parameters of one paragraph.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ParaParams {
    pub align: Align,
    /// Multiple of the font size.
    pub line_height: f32,
    pub hyphenate: bool,
    pub lang: Lang,
}

/// A laid-out line: glyphs with their x (from the start of the line box), baseline from the top.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub glyphs: Vec<(f32, Glyph)>,
    /// Natural width of the ink (after justification: the full measure). Read by tests and kept
    /// for callers that size boxes to their text.
    #[cfg_attr(not(test), allow(dead_code))]
    pub width: f32,
    pub height: f32,
    pub baseline: f32,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct ParaLayout {
    pub lines: Vec<Line>,
    /// Some unbreakable piece was wider than the measure and had to be cut anywhere.
    pub overflow: bool,
}

impl ParaLayout {
    pub fn height(&self) -> f32 {
        self.lines.iter().map(|l| l.height).sum()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Brk {
    Allowed,
    Mandatory,
    Hyphen,
    /// Inside a word too long for the measure: cut without a hyphen.
    Emergency,
}

#[derive(Debug, Clone, Copy)]
struct Frag {
    g0: usize,
    /// End of the ink glyphs (trailing whitespace excluded).
    g_ink: usize,
    width: f32,
    space: f32,
    brk: Brk,
}

/// Resolves a span's style against the block default.
pub(crate) fn span_style(span: &Span, base: &TextStyle) -> TextStyle {
    let size = span.size.filter(|s| s.is_finite() && *s > 0.0).unwrap_or(base.size).clamp(1.0, 1000.0);
    let (size, rise) = if span.superscript {
        (size * SUPERSCRIPT_SCALE, base.rise + size * SUPERSCRIPT_RISE)
    } else {
        (size, base.rise)
    };
    TextStyle {
        family: span.family.unwrap_or(base.family),
        bold: span.bold || base.bold,
        italic: span.italic || base.italic,
        size,
        color: span.color.unwrap_or(base.color),
        rise,
    }
}

/// Lays out spans in a measure of `width` points.
pub(crate) fn layout_paragraph(
    ctx: &mut ShapeCtx,
    spans: &[Span],
    base: &TextStyle,
    p: &ParaParams,
    width: f32,
) -> ParaLayout {
    // 1. One string, with style runs; controls other than newlines become spaces so no
    //    unprintable code point reaches the shaper (they would draw .notdef boxes).
    let mut text = String::new();
    let mut runs: Vec<(usize, TextStyle)> = Vec::new();
    for span in spans {
        if span.text.is_empty() {
            continue;
        }
        let st = span_style(span, base);
        runs.push((text.len(), st));
        for c in span.text.chars() {
            match c {
                '\r' => {}
                '\n' | '\u{2028}' | '\u{2029}' => text.push('\n'),
                c if c.is_control() => text.push(' '),
                c => text.push(c),
            }
        }
    }
    let mut out = ParaLayout::default();
    if text.is_empty() {
        return out;
    }
    let width = if width.is_finite() && width > 1.0 { width } else { 1.0 };

    // 2. Shape each style run in one piece.
    let mut glyphs: Vec<Glyph> = Vec::with_capacity(text.len());
    for (i, (start, st)) in runs.iter().enumerate() {
        let end = runs.get(i + 1).map(|r| r.0).unwrap_or(text.len());
        ctx.shape_into(&text[*start..end], *start, st, &mut glyphs);
    }
    // A newline is a break, not a glyph: make sure it never takes room.
    for g in glyphs.iter_mut() {
        if text.as_bytes().get(g.cluster) == Some(&b'\n') {
            g.adv = 0.0;
            g.space = true;
        }
    }

    // 3. Break opportunities: UAX #14 plus hyphenation points inside words.
    let mut breaks: Vec<(usize, Brk)> = linebreaks(&text)
        .map(|(pos, b)| (pos, if b == BreakOpportunity::Mandatory { Brk::Mandatory } else { Brk::Allowed }))
        .collect();
    if p.hyphenate {
        add_hyphenation_points(&text, p.lang, &glyphs, &mut breaks);
        breaks.sort_by_key(|b| b.0);
    }

    // 4. Fragments between consecutive breaks.
    let mut frags: Vec<Frag> = Vec::with_capacity(breaks.len());
    let mut gi = 0;
    for &(pos, brk) in &breaks {
        let g0 = gi;
        while gi < glyphs.len() && glyphs[gi].cluster < pos {
            gi += 1;
        }
        if gi == g0 && brk != Brk::Mandatory {
            continue;
        }
        push_frag(&glyphs, g0, gi, brk, width, &mut frags, &mut out.overflow);
    }
    if gi < glyphs.len() {
        push_frag(&glyphs, gi, glyphs.len(), Brk::Mandatory, width, &mut frags, &mut out.overflow);
    }

    // 5. Greedy first-fit.
    let style_at = |pos: usize| -> TextStyle {
        let i = runs.partition_point(|r| r.0 <= pos).saturating_sub(1);
        runs[i].1
    };
    let mut start = 0;
    while start < frags.len() {
        let mut w = 0.0;
        let mut best = start;
        for (i, f) in frags.iter().enumerate().skip(start) {
            let hy = if f.brk == Brk::Hyphen { hyphen_width(ctx, &glyphs, f, &style_at) } else { 0.0 };
            if w + f.width + hy <= width + 0.01 || i == start {
                best = i;
                if f.brk == Brk::Mandatory {
                    break;
                }
            } else if w + f.width > width + 0.01 {
                break;
            }
            w += f.width + f.space;
        }
        out.lines.push(build_line(ctx, &glyphs, &frags[start..=best], base, p, width, &style_at));
        start = best + 1;
    }
    out
}

fn push_frag(
    glyphs: &[Glyph],
    g0: usize,
    g1: usize,
    brk: Brk,
    measure: f32,
    frags: &mut Vec<Frag>,
    overflow: &mut bool,
) {
    let mut g_ink = g1;
    while g_ink > g0 && glyphs[g_ink - 1].space {
        g_ink -= 1;
    }
    let width: f32 = glyphs[g0..g_ink].iter().map(|g| g.adv).sum();
    let space: f32 = glyphs[g_ink..g1].iter().map(|g| g.adv).sum();
    if width <= measure {
        frags.push(Frag { g0, g_ink, width, space, brk });
        return;
    }
    // Too wide for the measure (a URL, a 10,000-letter "word"): cut between clusters.
    *overflow = true;
    let mut i = g0;
    while i < g_ink {
        let mut j = i + 1;
        while j < g_ink && glyphs[j].cluster == glyphs[i].cluster {
            j += 1;
        }
        let last = j >= g_ink;
        let w: f32 = glyphs[i..j].iter().map(|g| g.adv).sum();
        frags.push(Frag {
            g0: i,
            g_ink: j,
            width: w,
            space: if last { space } else { 0.0 },
            brk: if last { brk } else { Brk::Emergency },
        });
        i = j;
    }
}

/// Adds hypher's syllable boundaries of every Latin word as hyphen break points, where the
/// shaper put a glyph boundary (never inside a ligature).
fn add_hyphenation_points(text: &str, lang: Lang, glyphs: &[Glyph], breaks: &mut Vec<(usize, Brk)>) {
    let is_letter = |c: char| c.is_alphabetic() && !crate::fonts::is_armenian(c);
    let mut starts_at_glyph = vec![false; text.len() + 1];
    for (i, g) in glyphs.iter().enumerate() {
        if i == 0 || glyphs[i - 1].cluster < g.cluster {
            if let Some(s) = starts_at_glyph.get_mut(g.cluster) {
                *s = true;
            }
        }
    }
    let mut word_start: Option<usize> = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if is_letter(c) {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(ws) = word_start.take() {
            let word = &text[ws..i];
            // Short words and words with capitals inside (acronyms, names like "McDonald")
            // are left alone.
            // Beyond 100 bytes it is no word of any language (and hypher needs to allocate).
            // Nor is a word inside a web or e-mail address: a hyphen there would print another address.
            if word.chars().count() >= 6
                && word.len() <= 100
                && !word.chars().skip(1).any(char::is_uppercase)
                && !in_address(text, ws)
            {
                let mut pos = ws;
                let syllables: Vec<&str> = hypher::hyphenate(word, lang.hypher()).collect();
                for s in &syllables[..syllables.len().saturating_sub(1)] {
                    pos += s.len();
                    if starts_at_glyph.get(pos).copied().unwrap_or(false) {
                        breaks.push((pos, Brk::Hyphen));
                    }
                }
            }
        }
    }
}

/// Whether the byte `at` of `text` is inside a web or e-mail address (a whitespace-delimited token with `://`,
/// `www.` or an `@`).
fn in_address(text: &str, at: usize) -> bool {
    let start = text[..at].char_indices().rev().find(|c| c.1.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..].find(char::is_whitespace).map_or(text.len(), |i| at + i);
    let token = &text[start..end];
    token.contains("://") || token.contains("www.") || token.contains('@')
}

fn hyphen_width(ctx: &mut ShapeCtx, glyphs: &[Glyph], f: &Frag, style_at: &dyn Fn(usize) -> TextStyle) -> f32 {
    let st = style_at(glyphs[f.g_ink.saturating_sub(1).max(f.g0)].cluster);
    ctx.shape_str("-", &st).1
}

fn build_line(
    ctx: &mut ShapeCtx,
    glyphs: &[Glyph],
    frags: &[Frag],
    base: &TextStyle,
    p: &ParaParams,
    measure: f32,
    style_at: &dyn Fn(usize) -> TextStyle,
) -> Line {
    let first = frags[0];
    let last = frags[frags.len() - 1];
    let mut line: Vec<Glyph> = glyphs[first.g0..last.g_ink].to_vec();
    if last.brk == Brk::Hyphen {
        let st = style_at(glyphs[last.g_ink.saturating_sub(1).max(last.g0)].cluster);
        let (h, _) = ctx.shape_str("-", &st);
        line.extend(h);
    }
    let natural: f32 = line.iter().map(|g| g.adv).sum();
    let is_last_line = last.brk == Brk::Mandatory;
    let mut offset = 0.0;
    let mut width = natural;
    match p.align {
        Align::Justify if !is_last_line && natural < measure => {
            let n = line.iter().filter(|g| g.space).count();
            if n > 0 {
                let extra = (measure - natural) / n as f32;
                for g in line.iter_mut().filter(|g| g.space) {
                    g.adv += extra;
                }
                width = measure;
            }
        }
        Align::Center => offset = ((measure - natural) / 2.0).max(0.0),
        Align::Right => offset = (measure - natural).max(0.0),
        _ => {}
    }
    let max_size = line.iter().map(|g| g.size).fold(0.0f32, f32::max);
    let size = if max_size > 0.0 { max_size } else { base.size };
    let (asc, desc) = ctx.metrics(&TextStyle { size, ..*base });
    let height = size * p.line_height;
    let baseline = (height - (asc + desc)) / 2.0 + asc;
    let mut pen = offset;
    let placed = line
        .into_iter()
        .map(|g| {
            let x = pen + g.dx;
            pen += g.adv;
            (x, g)
        })
        .collect();
    Line { glyphs: placed, width, height, baseline }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FontFamily;
    use crate::model::Color;

    fn base() -> TextStyle {
        TextStyle { family: FontFamily::Serif, bold: false, italic: false, size: 10.0, color: Color::BLACK, rise: 0.0 }
    }
    fn params(align: Align) -> ParaParams {
        ParaParams { align, line_height: 1.3, hyphenate: true, lang: Lang::French }
    }
    fn line_text(text: &str, l: &Line) -> String {
        let mut clusters: Vec<usize> = l.glyphs.iter().map(|g| g.1.cluster).collect();
        clusters.dedup();
        let s = clusters.first().copied().unwrap_or(0);
        // Through the whole last character (a cluster starts at a character boundary).
        let e = l.glyphs.last().map(|g| g.1.cluster + text[g.1.cluster..].chars().next().map_or(1, char::len_utf8));
        let e = e.unwrap_or(0);
        text.get(s..e.min(text.len())).unwrap_or("").to_string()
    }

    const FR: &str = "Le collectif Libertas demande la libération immédiate et inconditionnelle des \
        prisonniers arméniens détenus arbitrairement, conformément aux obligations internationales \
        relatives aux droits fondamentaux et à la protection des personnes privées de liberté.";

    #[test]
    fn justified_lines_fill_the_measure_except_the_last() {
        let mut ctx = ShapeCtx::new(Lang::French);
        let spans = vec![Span::new(FR)];
        let l = layout_paragraph(&mut ctx, &spans, &base(), &params(Align::Justify), 200.0);
        assert!(l.lines.len() >= 4);
        for line in &l.lines[..l.lines.len() - 1] {
            let end = line.glyphs.last().map(|(x, g)| x + g.adv).unwrap();
            assert!((end - 200.0).abs() < 0.05 || line.glyphs.iter().all(|g| !g.1.space), "end {end}");
        }
        let last = l.lines.last().unwrap();
        assert!(last.width < 200.0);
        assert!(!l.overflow);
    }

    #[test]
    fn hyphenation_happens_in_a_narrow_measure() {
        let mut ctx = ShapeCtx::new(Lang::French);
        let spans = vec![Span::new(FR)];
        let l = layout_paragraph(&mut ctx, &spans, &base(), &params(Align::Justify), 120.0);
        let hyphen_gid = ctx.shape_str("-", &base()).0[0].gid;
        let hyphenated = l.lines.iter().filter(|line| line.glyphs.last().map(|g| g.1.gid) == Some(hyphen_gid)).count();
        assert!(hyphenated >= 1, "expected at least one hyphenated line");
        for line in &l.lines {
            assert!(line.glyphs.last().map(|(x, g)| x + g.adv).unwrap() <= 120.05);
        }
    }

    #[test]
    fn addresses_are_never_hyphenated() {
        let mut ctx = ShapeCtx::new(Lang::French);
        let hyphen_gid = ctx.shape_str("-", &base()).0[0].gid;
        for text in ["Voir https://example.org/libertas/parrainage.", "Écrire à parrainage@libertas.example"] {
            for w in [90.0, 110.0, 130.0, 150.0] {
                let l = layout_paragraph(&mut ctx, &[Span::new(text)], &base(), &params(Align::Justify), w);
                let ends = l.lines.iter().filter(|line| line.glyphs.last().map(|g| g.1.gid) == Some(hyphen_gid));
                assert_eq!(ends.count(), 0, "{text} at {w} pt");
            }
        }
        // The same word outside an address still is.
        let l = layout_paragraph(
            &mut ctx,
            &[Span::new("Voir parrainage parrainage.")],
            &base(),
            &params(Align::Justify),
            70.0,
        );
        assert!(l.lines.iter().any(|line| line.glyphs.last().map(|g| g.1.gid) == Some(hyphen_gid)));
    }

    #[test]
    fn a_huge_word_is_cut_and_flagged_without_panic() {
        let mut ctx = ShapeCtx::new(Lang::English);
        let word = "x".repeat(10_000);
        let l = layout_paragraph(&mut ctx, &[Span::new(word.clone())], &base(), &params(Align::Justify), 300.0);
        assert!(l.overflow);
        assert!(l.lines.len() > 10);
        let total: usize = l.lines.iter().map(|l| l.glyphs.len()).sum();
        assert_eq!(total, 10_000);
    }

    #[test]
    fn newlines_break_and_alignment_offsets() {
        let mut ctx = ShapeCtx::new(Lang::English);
        let text = "one\ntwo";
        let l = layout_paragraph(&mut ctx, &[Span::new(text)], &base(), &params(Align::Right), 300.0);
        assert_eq!(l.lines.len(), 2);
        assert_eq!(line_text(text, &l.lines[1]), "two");
        let end = l.lines[1].glyphs.last().map(|(x, g)| x + g.adv).unwrap();
        assert!((end - 300.0).abs() < 0.01);
        let c = layout_paragraph(&mut ctx, &[Span::new("two")], &base(), &params(Align::Center), 300.0);
        let x0 = c.lines[0].glyphs[0].0;
        assert!((x0 - (300.0 - c.lines[0].width) / 2.0).abs() < 0.5);
    }

    #[test]
    fn a_superscript_span_is_smaller_and_raised_on_the_same_line() {
        let mut ctx = ShapeCtx::new(Lang::French);
        let spans = vec![Span::new("le 1"), Span::new("er").superscript(), Span::new(" décembre")];
        let l = layout_paragraph(&mut ctx, &spans, &base(), &params(Align::Left), 300.0);
        assert_eq!(l.lines.len(), 1);
        let glyphs = &l.lines[0].glyphs;
        // "le 1" is 4 glyphs, then "e" and "r".
        let (one, e, r, space) = (glyphs[3].1, glyphs[4].1, glyphs[5].1, glyphs[6].1);
        for g in [e, r] {
            assert!((g.size - 10.0 * SUPERSCRIPT_SCALE).abs() < 1e-3, "smaller: {}", g.size);
            assert!((g.dy - 10.0 * SUPERSCRIPT_RISE).abs() < 1e-3, "raised: {}", g.dy);
        }
        for g in [one, space] {
            assert_eq!((g.size, g.dy), (10.0, 0.0), "the text around keeps its size and baseline");
        }
        // The line is as tall as a line without the superscript.
        let plain = layout_paragraph(&mut ctx, &[Span::new("le 1er décembre")], &base(), &params(Align::Left), 300.0);
        assert_eq!(l.lines[0].height, plain.lines[0].height);
        assert_eq!(l.lines[0].baseline, plain.lines[0].baseline);
    }

    #[test]
    fn no_break_spaces_never_break_and_the_narrow_one_never_stretches() {
        let mut ctx = ShapeCtx::new(Lang::French);
        // Words bound by U+00A0 or U+202F, in a measure that holds about one bound group a line.
        let text = "2\u{202F}179\u{a0}jours, Libérez-le\u{202F}! «\u{202F}Justice\u{202F}» à\u{a0}Bakou";
        let l = layout_paragraph(&mut ctx, &[Span::new(text)], &base(), &params(Align::Justify), 60.0);
        let lines: Vec<String> = l.lines.iter().map(|line| line_text(text, line)).collect();
        assert!(lines.len() >= 4, "{lines:?}");
        for bound in ["2\u{202F}179\u{a0}jours", "le\u{202F}!", "«\u{202F}Justice\u{202F}»", "à\u{a0}Bakou"] {
            assert!(lines.iter().any(|line| line.contains(bound)), "{bound:?} kept on one line: {lines:?}");
        }
        // Justified: ordinary spaces and U+00A0 stretch, U+202F keeps its width.
        let nnbsp = ctx.shape_str("\u{202F}", &base()).1;
        for line in &l.lines[..l.lines.len() - 1] {
            for (i, (_, g)) in line.glyphs.iter().enumerate() {
                if text[g.cluster..].starts_with('\u{202F}') {
                    assert!(!g.space && (g.adv - nnbsp).abs() < 1e-3, "U+202F at {i} stays thin: {}", g.adv);
                }
            }
        }
        assert!(!l.overflow);
    }

    #[test]
    fn empty_and_odd_input() {
        let mut ctx = ShapeCtx::new(Lang::English);
        assert!(layout_paragraph(&mut ctx, &[], &base(), &params(Align::Left), 100.0).lines.is_empty());
        let odd = vec![Span::new("\u{0}\u{7}(\\) <%> \t"), Span::new("").bold(), Span::new("x").size(f32::NAN)];
        let l = layout_paragraph(&mut ctx, &odd, &base(), &params(Align::Justify), 0.0);
        assert!(!l.lines.is_empty());
    }
}
