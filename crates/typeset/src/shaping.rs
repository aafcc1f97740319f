//! Shaping: text + style → positioned glyphs, with per-run font fallback.

use std::collections::HashMap;
use std::str::FromStr;

use crate::fonts::{sticks_to_previous, FaceId, FontFamily, Fonts};
use crate::model::{Color, Lang};

/// A resolved text style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    pub family: FontFamily,
    pub bold: bool,
    pub italic: bool,
    /// Points.
    pub size: f32,
    pub color: Color,
    /// Baseline shift in points, upwards (superscripts).
    pub rise: f32,
}

/// One shaped glyph. Lengths in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Glyph {
    pub gid: u16,
    pub face: FaceId,
    pub size: f32,
    pub color: Color,
    /// Pen advance after this glyph.
    pub adv: f32,
    /// Offset of this glyph from the pen (mark positioning).
    pub dx: f32,
    pub dy: f32,
    /// Byte offset of the glyph's cluster in the text given to the shaper (plus its `base`).
    pub cluster: usize,
    /// The cluster is whitespace (stretchable when justifying, dropped at line ends).
    pub space: bool,
}

/// Shaping state for one render: the shaping buffer is reused, and every glyph's source text is
/// remembered per face for the PDF's ToUnicode maps (ligatures map to several characters).
pub(crate) struct ShapeCtx {
    pub fonts: &'static Fonts,
    pub unicode: Vec<HashMap<u16, String>>,
    lang: rustybuzz::Language,
    buffer: Option<rustybuzz::UnicodeBuffer>,
    /// Compiling a shape plan (feature lookup for face + script + language) cost more than the
    /// shaping itself on short runs such as table cells: plans are cached per face and script.
    plans: HashMap<(FaceId, rustybuzz::Script), rustybuzz::ShapePlan>,
}

impl ShapeCtx {
    pub fn new(lang: Lang) -> ShapeCtx {
        let fonts = Fonts::get();
        ShapeCtx {
            fonts,
            unicode: vec![HashMap::new(); fonts.faces.len()],
            // "fr" and "en" are valid BCP 47 tags; the fallback can only be reached if that changes.
            lang: rustybuzz::Language::from_str(lang.tag())
                .unwrap_or_else(|_| rustybuzz::Language::from_str("en").expect("valid tag")),
            buffer: None,
            plans: HashMap::new(),
        }
    }

    /// Shapes `text` and appends its glyphs to `out`; clusters are offset by `base`.
    pub fn shape_into(&mut self, text: &str, base: usize, style: &TextStyle, out: &mut Vec<Glyph>) {
        let mut run_start = 0;
        let mut run_face: Option<FaceId> = None;
        for (i, c) in text.char_indices() {
            let face = match run_face {
                Some(f) if sticks_to_previous(c) => f,
                // Spaces and punctuation between two Armenian words stay Armenian-run (the
                // Armenian fonts carry them) so a name is shaped in one piece.
                Some(f) if c == ' ' && self.fonts.has_glyph(f, c) => f,
                _ => self.fonts.face_for(c, style.family, style.bold, style.italic),
            };
            if run_face != Some(face) {
                if let Some(f) = run_face {
                    self.shape_run(&text[run_start..i], base + run_start, f, style, out);
                }
                run_start = i;
                run_face = Some(face);
            }
        }
        if let Some(f) = run_face {
            self.shape_run(&text[run_start..], base + run_start, f, style, out);
        }
    }

    fn shape_run(&mut self, text: &str, base: usize, face_id: FaceId, style: &TextStyle, out: &mut Vec<Glyph>) {
        let face = self.fonts.face(face_id);
        let mut buf = self.buffer.take().unwrap_or_default();
        buf.push_str(text);
        buf.set_direction(rustybuzz::Direction::LeftToRight);
        buf.set_language(self.lang.clone());
        buf.guess_segment_properties();
        let script = buf.script();
        let lang = &self.lang;
        let plan = self.plans.entry((face_id, script)).or_insert_with(|| {
            rustybuzz::ShapePlan::new(&face.rb, rustybuzz::Direction::LeftToRight, Some(script), Some(lang), &[])
        });
        let shaped = rustybuzz::shape_with_plan(&face.rb, plan, buf);
        let scale = style.size / face.upem;
        let infos = shaped.glyph_infos();
        let positions = shaped.glyph_positions();
        let map = &mut self.unicode[face_id as usize];
        let start = out.len();
        for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
            let cl = info.cluster as usize;
            // The cluster's text runs to the next glyph's (greater) cluster; left-to-right only.
            let next = infos[i + 1..].iter().map(|g| g.cluster as usize).find(|&c| c > cl).unwrap_or(text.len());
            let cluster_text = text.get(cl..next).unwrap_or("");
            let first_of_cluster = i == 0 || infos[i - 1].cluster as usize != cl;
            let gid = info.glyph_id as u16;
            if first_of_cluster && !cluster_text.is_empty() {
                map.entry(gid).or_insert_with(|| cluster_text.to_string());
            }
            out.push(Glyph {
                gid,
                face: face_id,
                size: style.size,
                color: style.color,
                adv: pos.x_advance as f32 * scale,
                dx: pos.x_offset as f32 * scale,
                dy: pos.y_offset as f32 * scale + style.rise,
                cluster: base + cl,
                space: !cluster_text.is_empty() && cluster_text.chars().all(|c| c.is_whitespace() && c != '\u{202F}'),
            });
        }
        debug_assert!(out[start..].windows(2).all(|w| w[0].cluster <= w[1].cluster));
        self.buffer = Some(shaped.clear());
    }

    /// Shapes a short string and returns its glyphs and total advance.
    pub fn shape_str(&mut self, text: &str, style: &TextStyle) -> (Vec<Glyph>, f32) {
        let mut v = Vec::new();
        self.shape_into(text, 0, style, &mut v);
        let w = v.iter().map(|g| g.adv).sum();
        (v, w)
    }

    /// Line metrics of a style (ascender, descender) in points, from its main face.
    pub fn metrics(&self, style: &TextStyle) -> (f32, f32) {
        let f = self.fonts.face(Fonts::main_face(style.family, style.bold, style.italic));
        (f.ascender * style.size, f.descender * style.size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style() -> TextStyle {
        TextStyle { family: FontFamily::Sans, bold: false, italic: false, size: 10.0, color: Color::BLACK, rise: 0.0 }
    }

    #[test]
    fn kerning_is_applied() {
        let mut ctx = ShapeCtx::new(Lang::English);
        let (_, av) = ctx.shape_str("AV", &style());
        let (_, a) = ctx.shape_str("A", &style());
        let (_, v) = ctx.shape_str("V", &style());
        assert!(av < a + v - 0.1, "AV must be kerned tighter than A + V ({av} vs {})", a + v);
    }

    #[test]
    fn mixed_latin_armenian_uses_two_faces_and_remembers_text() {
        let mut ctx = ShapeCtx::new(Lang::French);
        let (g, _) = ctx.shape_str("Aram Արամ", &style());
        let faces: std::collections::BTreeSet<_> = g.iter().map(|g| g.face).collect();
        assert_eq!(faces.len(), 2);
        assert!(g.iter().all(|g| g.gid != 0), "no .notdef for Latin + Armenian");
        let arm = Fonts::armenian_face(FontFamily::Sans, false) as usize;
        let texts: String = {
            let mut v: Vec<_> = ctx.unicode[arm].values().cloned().collect();
            v.sort();
            v.concat()
        };
        for c in "Արամ".chars() {
            assert!(texts.contains(c), "ToUnicode source for {c} missing");
        }
    }

    #[test]
    fn ligature_maps_back_to_both_letters() {
        let mut ctx = ShapeCtx::new(Lang::English);
        let (g, _) = ctx.shape_str("fi", &TextStyle { family: FontFamily::Serif, ..style() });
        if g.len() == 1 {
            assert_eq!(ctx.unicode[4].get(&g[0].gid).map(String::as_str), Some("fi"));
        }
    }

    #[test]
    fn french_spaces_are_drawn_by_the_main_face_without_tofu() {
        let mut ctx = ShapeCtx::new(Lang::French);
        for family in [FontFamily::Sans, FontFamily::Serif] {
            let st = TextStyle { family, ..style() };
            let (g, w) = ctx.shape_str("a\u{a0}b\u{202F}!", &st);
            assert!(g.iter().all(|g| g.gid != 0), "no .notdef");
            let space = ctx.shape_str(" ", &st).1;
            assert!((g[1].adv - space).abs() < 1e-3, "U+00A0 is as wide as a space");
            assert!(g[3].adv < space * 0.75 && g[3].adv > space * 0.4, "U+202F is narrower: {}", g[3].adv);
            assert!(w > 0.0);
        }
    }

    /// The Armenian faces have no U+202F (nor U+2009): shaped in such a face, the narrow space becomes that
    /// face's own space glyph at half its width (rustybuzz's space fallback, as HarfBuzz's), never a tofu box.
    #[test]
    fn a_face_without_the_narrow_space_draws_a_narrower_space_of_its_own() {
        let mut ctx = ShapeCtx::new(Lang::French);
        let arm = Fonts::armenian_face(FontFamily::Serif, false);
        assert!(!ctx.fonts.has_glyph(arm, '\u{202F}'));
        let mut out = vec![];
        ctx.shape_run("Ա\u{202F}Ա Ա", 0, arm, &style(), &mut out);
        assert_eq!(out.len(), 5);
        assert!(out.iter().all(|g| g.gid != 0 && g.face == arm), "{out:?}");
        let (narrow, space) = (out[1], out[3]);
        assert_eq!(narrow.gid, space.gid, "the face's own space glyph");
        assert!((narrow.adv - space.adv / 2.0).abs() < 0.01, "{} vs {}", narrow.adv, space.adv);
        assert!(!narrow.space, "and, like U+202F, not stretched when justifying");
    }

    #[test]
    fn unknown_characters_and_empty_text_do_not_panic() {
        let mut ctx = ShapeCtx::new(Lang::French);
        let (g, _) = ctx.shape_str("\u{10FFFD}\u{0301}", &style());
        assert!(!g.is_empty());
        assert!(ctx.shape_str("", &style()).0.is_empty());
    }
}
