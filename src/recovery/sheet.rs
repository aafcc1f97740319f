//! The printed recovery sheet (one A4 page, `crates/typeset`'s canvas) and its `.txt` twin.
//!
//! Both languages are on every sheet, the chosen one first: the member organisation, the dossier, the date, the
//! sheet's number and how many sheets reopen the dossier, a QR code holding the words, the 35 words numbered in
//! seven rows of five, and what to do with the sheet.

use chrono::NaiveDate;
use libertas_typeset as ts;
use ts::{CanvasItem, Color, MmRect, Span, TextBox};

use super::words::{hex, Share};
use crate::error::Result;
use crate::i18n::{tr, Arg, Lang};

/// What a sheet prints besides its share.
pub struct Sheet<'a> {
    pub share: &'a Share,
    pub organisation: Option<&'a str>,
    pub dossier: &'a str,
    pub date: NaiveDate,
    /// The language printed first (the other follows).
    pub lang: Lang,
}

const MARGIN: f32 = 18.0;
const WIDTH: f32 = 210.0 - 2.0 * MARGIN;
const GRAY: Color = Color::Gray(0.35);
const WORDS_PER_ROW: usize = 5;

impl Sheet<'_> {
    fn langs(&self) -> [Lang; 2] {
        match self.lang {
            Lang::Fr => [Lang::Fr, Lang::En],
            Lang::En => [Lang::En, Lang::Fr],
        }
    }

    fn args<'s>(&self, set: &'s str) -> Vec<(&'static str, Arg<'s>)> {
        vec![
            ("number", Arg::from(usize::from(self.share.number()))),
            ("shares", Arg::from(usize::from(self.share.shares))),
            ("threshold", Arg::from(usize::from(self.share.threshold))),
            ("set", Arg::from(set)),
        ]
    }

    /// A message in both languages, joined by `sep`.
    fn both(&self, key: &str, sep: &str) -> String {
        let set = hex(&self.share.set_id);
        let args = self.args(&set);
        let [a, b] = self.langs().map(|l| tr(l, key, &args));
        if a == b {
            a
        } else {
            format!("{a}{sep}{b}")
        }
    }

    fn organisation(&self) -> String {
        match self.organisation {
            Some(o) if !o.trim().is_empty() => o.trim().to_owned(),
            _ => self.both("recovery-sheet-unnamed", " · "),
        }
    }

    fn dates(&self) -> String {
        self.langs().map(|l| crate::documents::context::write_date(self.date, l)).join(" · ")
    }

    /// The `.txt` file: a commented header, then the words on one line (what `recovery open --share` reads).
    pub fn txt(&self) -> String {
        let mut out = String::new();
        for line in [
            format!("Libertas Dossier — {}", self.both("recovery-sheet-title", " / ")),
            format!("{}: {}", self.both("recovery-sheet-organisation", " / "), self.organisation()),
            format!("{}: {}", self.both("recovery-sheet-dossier", " / "), self.dossier),
            format!("{}: {}", self.both("recovery-sheet-date", " / "), self.dates()),
            self.both("recovery-sheet-number", " / "),
            self.both("recovery-sheet-set", " / "),
        ] {
            out.push_str("# ");
            out.push_str(&line);
            out.push('\n');
        }
        for l in self.langs() {
            let set = hex(&self.share.set_id);
            let text = tr(l, "recovery-sheet-instructions", &self.args(&set));
            out.push_str("#\n");
            for para in text.lines() {
                out.push_str("# ");
                out.push_str(para.trim());
                out.push('\n');
            }
        }
        out.push_str("#\n");
        out.push_str(&self.share.text());
        out.push('\n');
        out
    }

    /// The sheet as a PDF page.
    pub fn pdf(&self) -> Result<Vec<u8>> {
        let [first, second] = self.langs();
        let set = hex(&self.share.set_id);
        let args = self.args(&set);
        let mut items = Vec::new();
        items.push(text(
            MmRect::new(MARGIN, 14.0, WIDTH, 11.0),
            Span::new(tr(first, "recovery-sheet-title", &args)).bold(),
            22.0,
        ));
        items.push(text(
            MmRect::new(MARGIN, 25.0, WIDTH, 8.0),
            Span::new(format!("{} — Libertas Dossier", tr(second, "recovery-sheet-title", &args))).color(GRAY),
            13.0,
        ));
        let top = 40.0;
        let left_w = 112.0;
        let mut y = top;
        let threshold = format!(
            "{}\n{}\n{}",
            self.both("recovery-sheet-number", " · "),
            tr(first, "recovery-sheet-threshold", &args),
            tr(second, "recovery-sheet-threshold", &args)
        );
        for (key, value, size, height, bold) in [
            ("recovery-sheet-organisation", self.organisation(), 18.0, 9.0, true),
            ("recovery-sheet-dossier", self.dossier.to_owned(), 12.0, 6.0, false),
            ("recovery-sheet-date", self.dates(), 12.0, 6.0, false),
            ("recovery-sheet-sheet", threshold, 12.0, 17.0, false),
        ] {
            items.push(text(MmRect::new(MARGIN, y, left_w, 5.0), Span::new(self.both(key, " · ")).color(GRAY), 8.5));
            let span = if bold { Span::new(value).bold() } else { Span::new(value) };
            items.push(text(MmRect::new(MARGIN, y + 5.0, left_w, height), span, size));
            y += 5.0 + height + 3.0;
        }
        let qr_size = 56.0;
        let qr_x = MARGIN + WIDTH - qr_size;
        items.push(CanvasItem::Qr(ts::QrCode {
            data: self.share.text(),
            rect: MmRect::new(qr_x, top - 2.0, qr_size, qr_size),
            color: Color::BLACK,
            background: Some(Color::WHITE),
            quiet_zone: true,
        }));
        let mut set = boxed(
            MmRect::new(qr_x, top + qr_size - 1.0, qr_size, 5.0),
            vec![Span::new(self.both("recovery-sheet-set", " · ")).color(GRAY)],
            8.0,
        );
        set.align = ts::Align::Center;
        items.push(CanvasItem::Text(set));

        // The words, numbered, in rows of five on a light background.
        let words = self.share.words();
        let grid_top = 112.0;
        items.push(text(
            MmRect::new(MARGIN, grid_top, WIDTH, 7.0),
            Span::new(self.both("recovery-sheet-words", " · ")).bold(),
            12.0,
        ));
        let rows = words.len().div_ceil(WORDS_PER_ROW);
        let row_h = 8.5;
        let box_top = grid_top + 8.0;
        let box_h = rows as f32 * row_h + 4.0;
        items.push(CanvasItem::Rect {
            rect: MmRect::new(MARGIN, box_top, WIDTH, box_h),
            fill: Some(Color::Gray(0.95)),
            stroke: Some((Color::Gray(0.6), 0.3)),
        });
        let col_w = WIDTH / WORDS_PER_ROW as f32;
        for (i, w) in words.iter().enumerate() {
            let (row, col) = (i / WORDS_PER_ROW, i % WORDS_PER_ROW);
            let mut b = boxed(
                MmRect::new(MARGIN + 3.0 + col as f32 * col_w, box_top + 3.0 + row as f32 * row_h, col_w - 3.0, row_h),
                vec![Span::new(format!("{}. ", i + 1)).color(GRAY).size(9.0), Span::new(*w).bold()],
                13.0,
            );
            b.min_size_pt = 9.0;
            items.push(CanvasItem::Text(b));
        }

        // What to do with the sheet, in both languages.
        let mut y = box_top + box_h + 7.0;
        for l in [first, second] {
            items.push(text(
                MmRect::new(MARGIN, y, WIDTH, 6.0),
                Span::new(tr(l, "recovery-sheet-instructions-title", &args)).bold(),
                11.5,
            ));
            let body = tr(l, "recovery-sheet-instructions", &args);
            let body = body.lines().map(|l| format!("•  {}", l.trim())).collect::<Vec<_>>().join("\n");
            let mut b = boxed(MmRect::new(MARGIN, y + 6.5, WIDTH, 35.0), vec![Span::new(body)], 9.5);
            b.line_height = 1.25;
            items.push(CanvasItem::Text(b));
            y += 44.0;
        }
        let mut footer = boxed(
            MmRect::new(MARGIN, 281.0, WIDTH, 5.0),
            vec![Span::new(format!(
                "Libertas Dossier · {} {} / {} · {}",
                tr(first, "recovery-sheet-sheet", &args),
                self.share.number(),
                self.share.shares,
                tr(first, "recovery-sheet-set", &args),
            ))
            .color(GRAY)],
            7.5,
        );
        footer.align = ts::Align::Center;
        items.push(CanvasItem::Text(footer));
        let canvas = ts::Canvas {
            title: format!(
                "{} {} / {}",
                tr(first, "recovery-sheet-title", &args),
                self.share.number(),
                self.share.shares
            ),
            lang: crate::documents::typeset_lang(first),
            pages: vec![ts::CanvasPage { width_mm: 210.0, height_mm: 297.0, bleed_mm: 0.0, crop_marks: false, items }],
        };
        ts::render_canvas(&canvas).map_err(crate::documents::typeset_error)
    }
}

fn boxed(rect: MmRect, spans: Vec<Span>, size: f32) -> TextBox {
    let mut b = TextBox::new(rect, spans, size);
    b.min_size_pt = (size * 0.6).max(6.0);
    b
}

fn text(rect: MmRect, span: Span, size: f32) -> CanvasItem {
    CanvasItem::Text(boxed(rect, vec![span], size))
}
