//! Spreadsheet exports: CSV (safe against formula injection) and XLSX (a sheet per record type). Every row
//! carries the record's id, so a sheet edited by hand imports back as updates. Family contacts are never
//! exported to spreadsheets.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::write_atomic;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::{Detainee, Record, RecordKind, Sponsor, Sponsorship, Stored};
use crate::Dossier;

/// One exported table: headers are field names (so the file imports back), rows are text.
#[derive(Debug, Clone, Serialize)]
pub struct Sheet {
    pub kind: RecordKind,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn times<T: Record>(s: &Stored<T>) -> [String; 2] {
    [
        s.created_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        s.updated_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    ]
}

pub fn detainee_sheet(d: &Dossier) -> Result<Sheet> {
    let headers = vec![
        "id",
        "name",
        "name_hy",
        "other_names",
        "category",
        "sex",
        "born",
        "birth_place",
        "role",
        "rank",
        "unit",
        "captured",
        "capture_place",
        "status",
        "circumstances",
        "bio_fr",
        "bio_en",
        "notes",
        "created_at",
        "updated_at",
    ];
    let rows = d
        .list::<Detainee>()?
        .iter()
        .map(|p| {
            let [c, u] = times(p);
            vec![
                p.id.to_string(),
                p.name.clone(),
                opt(&p.name_hy),
                p.other_names.join("; "),
                p.category.to_string(),
                opt(&p.sex),
                opt(&p.born),
                opt(&p.birth_place),
                opt(&p.role),
                opt(&p.rank),
                opt(&p.unit),
                opt(&p.captured),
                opt(&p.capture_place),
                opt(&p.status()),
                opt(&p.circumstances),
                opt(&p.bio_fr),
                opt(&p.bio_en),
                opt(&p.notes),
                c,
                u,
            ]
        })
        .collect();
    Ok(Sheet { kind: RecordKind::Detainee, headers, rows })
}

pub fn sponsor_sheet(d: &Dossier) -> Result<Sheet> {
    let headers = vec![
        "id",
        "name",
        "kind",
        "country",
        "city",
        "address",
        "signatory",
        "signatory_title",
        "website",
        "languages",
        "notes",
        "created_at",
        "updated_at",
    ];
    let rows = d
        .list::<Sponsor>()?
        .iter()
        .map(|s| {
            let [c, u] = times(s);
            vec![
                s.id.to_string(),
                s.name.clone(),
                s.kind.to_string(),
                opt(&s.country),
                opt(&s.city),
                opt(&s.address),
                s.signatory.as_ref().map(|x| x.name.clone()).unwrap_or_default(),
                s.signatory.as_ref().and_then(|x| x.title.clone()).unwrap_or_default(),
                opt(&s.website),
                s.languages.join(", "),
                opt(&s.notes),
                c,
                u,
            ]
        })
        .collect();
    Ok(Sheet { kind: RecordKind::Sponsor, headers, rows })
}

pub fn sponsorship_sheet(d: &Dossier) -> Result<Sheet> {
    let headers = vec![
        "id",
        "sponsor_id",
        "sponsor",
        "detainee_id",
        "detainee",
        "stage",
        "commitments",
        "ceremony_date",
        "ceremony_place",
        "end_reason",
        "ended_on",
        "created_at",
        "updated_at",
    ];
    let sponsors: std::collections::HashMap<_, _> =
        d.list::<Sponsor>()?.into_iter().map(|s| (s.id, s.data.name)).collect();
    let mut rows = vec![];
    for s in d.list::<Sponsorship>()? {
        let [c, u] = times(&s);
        let detainee = match s.detainee_id {
            Some(id) => d.get::<Detainee>(id)?.data.name,
            None => "*".into(),
        };
        rows.push(vec![
            s.id.to_string(),
            s.sponsor_id.to_string(),
            sponsors.get(&s.sponsor_id).cloned().unwrap_or_default(),
            opt(&s.detainee_id),
            detainee,
            s.stage.to_string(),
            s.commitments.iter().map(|c| format!("{}:{}", c.kind, c.status)).collect::<Vec<_>>().join(", "),
            s.ceremony.as_ref().map(|c| opt(&c.date)).unwrap_or_default(),
            s.ceremony.as_ref().map(|c| opt(&c.place)).unwrap_or_default(),
            opt(&s.end_reason),
            opt(&s.ended_on),
            c,
            u,
        ]);
    }
    Ok(Sheet { kind: RecordKind::Sponsorship, headers, rows })
}

/// The sheet of one kind of record (detainees, sponsors or sponsorships).
pub fn sheet(d: &Dossier, kind: RecordKind) -> Result<Sheet> {
    match kind {
        RecordKind::Sponsor => sponsor_sheet(d),
        RecordKind::Sponsorship => sponsorship_sheet(d),
        _ => detainee_sheet(d),
    }
}

/// A cell made inert for spreadsheet programs: text starting with `=`, `+`, `-`, `@`, a tab or a carriage return
/// would be run as a formula (CSV injection), so it gets a leading apostrophe, which the import removes again.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Writes a sheet as CSV: UTF-8 with a BOM (so Excel reads accents and Armenian), CRLF line ends, comma or
/// semicolon (what French Excel expects) between cells.
pub fn write_csv<W: Write>(out: W, sheet: &Sheet, semicolon: bool) -> std::io::Result<()> {
    let mut out = out;
    out.write_all(b"\xEF\xBB\xBF")?;
    let mut w = csv::WriterBuilder::new()
        .delimiter(if semicolon { b';' } else { b',' })
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(&sheet.headers)?;
    for row in &sheet.rows {
        w.write_record(row.iter().map(|c| neutralise(c).into_owned()))?;
    }
    w.flush()?;
    Ok(())
}

/// Exports one kind of record to a CSV file.
pub fn export_csv(d: &Dossier, kind: RecordKind, path: &Path, semicolon: bool, force: bool) -> Result<usize> {
    let sheet = sheet(d, kind)?;
    write_atomic(d, path, force, |w| write_csv(w, &sheet, semicolon))?;
    Ok(sheet.rows.len())
}

fn sheet_name(kind: RecordKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (RecordKind::Detainee, Lang::Fr) => "Détenus",
        (RecordKind::Detainee, Lang::En) => "Detainees",
        (RecordKind::Sponsor, Lang::Fr) => "Parrains",
        (RecordKind::Sponsor, Lang::En) => "Sponsors",
        (_, Lang::Fr) => "Parrainages",
        (_, Lang::En) => "Sponsorships",
    }
}

/// The XLSX workbook in memory: one sheet per record type, cells written as text (never as formulas).
pub fn xlsx_bytes(d: &Dossier, lang: Lang) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let bad = |e: rust_xlsxwriter::XlsxError| Error::Corrupt(format!("xlsx: {e}"));
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for kind in [RecordKind::Detainee, RecordKind::Sponsor, RecordKind::Sponsorship] {
        let sheet = sheet(d, kind)?;
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(kind, lang)).map_err(bad)?;
        for (c, h) in sheet.headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &bold).map_err(bad)?;
            let width = if *h == "id" || h.ends_with("_id") { 38.0 } else { 18.0 };
            ws.set_column_width(c as u16, width).map_err(bad)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    ws.write_string(r as u32 + 1, c as u16, v).map_err(bad)?;
                }
            }
        }
        ws.set_freeze_panes(1, 0).map_err(bad)?;
        ws.autofilter(0, 0, sheet.rows.len() as u32, sheet.headers.len().saturating_sub(1) as u16).map_err(bad)?;
    }
    book.save_to_buffer().map_err(bad)
}

/// Exports detainees, sponsors and sponsorships to an XLSX workbook.
pub fn export_xlsx(d: &Dossier, path: &Path, lang: Lang, force: bool) -> Result<()> {
    let bytes = xlsx_bytes(d, lang)?;
    write_atomic(d, path, force, |w| w.write_all(&bytes))
}
