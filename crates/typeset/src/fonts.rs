//! The compiled-in Noto fonts and the per-character fallback rule.

use std::sync::OnceLock;

/// A type family. Each has regular, bold, italic and bold italic faces plus an Armenian companion
/// (regular and bold only: Noto has no Armenian italics, so italic Armenian is set upright).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum FontFamily {
    #[default]
    Sans,
    Serif,
}

/// Index of a face in [`Fonts`]; stable for the life of the process.
pub(crate) type FaceId = u8;

pub(crate) struct Face {
    /// PostScript name, used (with a subset tag) as the PDF /BaseFont.
    pub name: &'static str,
    pub data: &'static [u8],
    pub rb: rustybuzz::Face<'static>,
    pub upem: f32,
    /// Ascender and descender in em (descender positive, below the baseline).
    pub ascender: f32,
    pub descender: f32,
}

/// The font registry: the twelve compiled-in faces, parsed once per process.
pub struct Fonts {
    pub(crate) faces: Vec<Face>,
}

macro_rules! font {
    ($file:literal, $name:literal) => {
        ($name, include_bytes!(concat!("../../../assets/fonts/", $file)) as &'static [u8])
    };
}

// Order matters: `face_for` computes indices from it.
const FONT_FILES: [(&str, &[u8]); 12] = [
    font!("NotoSans-Regular.ttf", "NotoSans-Regular"),
    font!("NotoSans-Bold.ttf", "NotoSans-Bold"),
    font!("NotoSans-Italic.ttf", "NotoSans-Italic"),
    font!("NotoSans-BoldItalic.ttf", "NotoSans-BoldItalic"),
    font!("NotoSerif-Regular.ttf", "NotoSerif-Regular"),
    font!("NotoSerif-Bold.ttf", "NotoSerif-Bold"),
    font!("NotoSerif-Italic.ttf", "NotoSerif-Italic"),
    font!("NotoSerif-BoldItalic.ttf", "NotoSerif-BoldItalic"),
    font!("NotoSansArmenian-Regular.ttf", "NotoSansArmenian-Regular"),
    font!("NotoSansArmenian-Bold.ttf", "NotoSansArmenian-Bold"),
    font!("NotoSerifArmenian-Regular.ttf", "NotoSerifArmenian-Regular"),
    font!("NotoSerifArmenian-Bold.ttf", "NotoSerifArmenian-Bold"),
];

impl Fonts {
    /// The process-wide registry (parsing twelve faces costs about a millisecond; do it once).
    pub fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| {
            let faces = FONT_FILES
                .iter()
                .map(|(name, data)| {
                    // The files are compiled in and tested: failing to parse one is a build defect.
                    let rb = rustybuzz::Face::from_slice(data, 0)
                        .unwrap_or_else(|| panic!("compiled-in font {name} does not parse"));
                    let upem = rb.units_per_em() as f32;
                    Face {
                        name,
                        data,
                        upem,
                        ascender: rb.ascender() as f32 / upem,
                        descender: -(rb.descender() as f32) / upem,
                        rb,
                    }
                })
                .collect();
            Fonts { faces }
        })
    }

    /// PostScript names of all faces.
    pub fn face_names(&self) -> Vec<&'static str> {
        self.faces.iter().map(|f| f.name).collect()
    }

    pub(crate) fn face(&self, id: FaceId) -> &Face {
        &self.faces[id as usize]
    }

    /// The main (Latin/Greek/Cyrillic) face for a style.
    pub(crate) fn main_face(family: FontFamily, bold: bool, italic: bool) -> FaceId {
        let base = match family {
            FontFamily::Sans => 0,
            FontFamily::Serif => 4,
        };
        base + bold as u8 + 2 * italic as u8
    }

    pub(crate) fn armenian_face(family: FontFamily, bold: bool) -> FaceId {
        let base = match family {
            FontFamily::Sans => 8,
            FontFamily::Serif => 10,
        };
        base + bold as u8
    }

    /// Chooses the face for one character. `main` is the face the style asks for.
    ///
    /// Rule: Armenian letters and ligatures go to the Armenian companion; anything else stays in
    /// the main face when it has a glyph; otherwise the other family's face of the same style is
    /// tried (Noto Sans and Serif cover slightly different repertoires), then the Armenian face;
    /// when nobody has it, the main face draws .notdef, which is never a panic.
    pub(crate) fn face_for(&self, c: char, family: FontFamily, bold: bool, italic: bool) -> FaceId {
        let main = Self::main_face(family, bold, italic);
        if is_armenian(c) {
            return Self::armenian_face(family, bold);
        }
        if c.is_whitespace() || c.is_control() || self.has_glyph(main, c) {
            return main;
        }
        let other = Self::main_face(
            match family {
                FontFamily::Sans => FontFamily::Serif,
                FontFamily::Serif => FontFamily::Sans,
            },
            bold,
            italic,
        );
        if self.has_glyph(other, c) {
            return other;
        }
        let arm = Self::armenian_face(family, bold);
        if self.has_glyph(arm, c) {
            return arm;
        }
        main
    }

    pub(crate) fn has_glyph(&self, face: FaceId, c: char) -> bool {
        self.face(face).rb.glyph_index(c).is_some()
    }
}

/// Armenian block and the Armenian presentation forms (the ligatures ﬓ–ﬗ).
pub(crate) fn is_armenian(c: char) -> bool {
    matches!(c, '\u{0530}'..='\u{058F}' | '\u{FB13}'..='\u{FB17}')
}

/// Characters that must stay in the run of the character before them: combining marks, joiners
/// and variation selectors would otherwise be shaped alone, detached from their base.
pub(crate) fn sticks_to_previous(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{200C}' | '\u{200D}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_faces_parse_and_have_sane_metrics() {
        let fonts = Fonts::get();
        assert_eq!(fonts.faces.len(), 12);
        for f in &fonts.faces {
            assert!(f.upem >= 1000.0, "{}", f.name);
            assert!(f.ascender > 0.5 && f.ascender < 1.5, "{}: {}", f.name, f.ascender);
            assert!(f.descender > 0.1 && f.descender < 0.6, "{}: {}", f.name, f.descender);
        }
    }

    #[test]
    fn armenian_goes_to_the_armenian_face_and_latin_stays() {
        let fonts = Fonts::get();
        let arm = fonts.face_for('Ա', FontFamily::Serif, true, false);
        assert_eq!(fonts.face(arm).name, "NotoSerifArmenian-Bold");
        assert!(fonts.has_glyph(arm, 'Ա'));
        let lat = fonts.face_for('é', FontFamily::Serif, true, true);
        assert_eq!(fonts.face(lat).name, "NotoSerif-BoldItalic");
        // Noto Sans itself has no Armenian: that is why the fallback exists.
        assert!(!fonts.has_glyph(0, 'Ա'));
    }

    /// What French typography needs from the bundled fonts (checked on the files, not assumed): every Latin face
    /// has U+00A0 and U+202F (and U+2009) as glyphs of their own, and the Unicode modifier letters ᵉ ʳ exist
    /// there too, but the Armenian faces have U+00A0 only, hence the shaper's space fallback and superscripts
    /// drawn from ordinary letters rather than modifier letters.
    #[test]
    fn bundled_fonts_have_the_french_spaces() {
        let fonts = Fonts::get();
        for (id, f) in fonts.faces.iter().enumerate() {
            let id = id as FaceId;
            let gid = |c| f.rb.glyph_index(c).map(|g| g.0);
            assert!(gid('\u{a0}').is_some(), "{} has U+00A0", f.name);
            if f.name.contains("Armenian") {
                assert!(gid('\u{202F}').is_none() && gid('\u{2009}').is_none(), "{}", f.name);
                assert!(gid('\u{1D49}').is_none(), "{}", f.name);
            } else {
                assert!(fonts.has_glyph(id, '\u{202F}') && fonts.has_glyph(id, '\u{2009}'), "{}", f.name);
                assert!(fonts.has_glyph(id, '\u{1D49}') && fonts.has_glyph(id, '\u{2B3}'), "{}", f.name);
                // Own glyphs, so the ToUnicode map gives each its own character back in copied text.
                assert_ne!(gid('\u{a0}'), gid(' '), "{}", f.name);
                assert_ne!(gid('\u{202F}'), gid('\u{2009}'), "{}", f.name);
            }
        }
    }

    #[test]
    fn a_character_nobody_has_stays_in_the_main_face() {
        let fonts = Fonts::get();
        let id = fonts.face_for('\u{10FFFD}', FontFamily::Sans, false, false);
        assert_eq!(id, 0);
    }
}
