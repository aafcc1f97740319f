//! Spreadsheet exports: CSV (safe against formula injection) and XLSX (a sheet per record type). Every row
//! carries the record's id, so a sheet edited by hand imports back as updates. What is confidential — the internal
//! notes of detainees and sponsors, the family contacts — is written only when the caller asks for it
//! ([`Confidential`]); family contacts then get a sheet of their own in the XLSX workbook, never a CSV file.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::write_atomic;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::{Contact, Detainee, Record, RecordKind, Sponsor, Sponsorship, Stored};
use crate::Dossier;

/// What confidential data a spreadsheet export carries besides the public and working fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Confidential {
    /// The internal notes of detainees and sponsors (`notes` columns).
    pub notes: bool,
    /// The family contacts (XLSX only: a sheet of their own).
    pub contacts: bool,
}

impl Confidential {
    /// Notes and contacts left out: what the app exports unless the user ticks them.
    pub const NONE: Confidential = Confidential { notes: false, contacts: false };
    /// What `dossier export csv|xlsx` has always written: the notes, never the contacts.
    pub const NOTES: Confidential = Confidential { notes: true, contacts: false };
}

/// Drops the column `name` (header and cells) from a sheet.
fn drop_column(sheet: &mut Sheet, name: &str) {
    if let Some(i) = sheet.headers.iter().position(|h| *h == name) {
        sheet.headers.remove(i);
        for r in &mut sheet.rows {
            r.remove(i);
        }
    }
}

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

/// The family contacts, with the name of the person each belongs to (confidential: only when asked for).
pub fn contact_sheet(d: &Dossier) -> Result<Sheet> {
    let headers = vec![
        "id",
        "detainee_id",
        "detainee",
        "name",
        "relation",
        "phone",
        "email",
        "address",
        "languages",
        "notes",
        "created_at",
        "updated_at",
    ];
    let people: std::collections::HashMap<_, _> =
        d.list::<Detainee>()?.into_iter().map(|p| (p.id, p.data.name)).collect();
    let rows = d
        .list::<Contact>()?
        .iter()
        .map(|c| {
            let [cr, up] = times(c);
            vec![
                c.id.to_string(),
                c.detainee_id.to_string(),
                people.get(&c.detainee_id).cloned().unwrap_or_default(),
                c.name.clone(),
                opt(&c.relation),
                opt(&c.phone),
                opt(&c.email),
                opt(&c.address),
                c.languages.join(", "),
                opt(&c.notes),
                cr,
                up,
            ]
        })
        .collect();
    Ok(Sheet { kind: RecordKind::Contact, headers, rows })
}

/// The sheet of one kind of record (detainees, sponsors, sponsorships, or with `confidential.contacts` the family
/// contacts), the notes column only with `confidential.notes`.
pub fn sheet_with(d: &Dossier, kind: RecordKind, confidential: Confidential) -> Result<Sheet> {
    let mut sheet = match kind {
        RecordKind::Sponsor => sponsor_sheet(d)?,
        RecordKind::Sponsorship => sponsorship_sheet(d)?,
        RecordKind::Contact if confidential.contacts => contact_sheet(d)?,
        RecordKind::Contact => return Err(Error::Corrupt("family contacts are exported only when asked".into())),
        _ => detainee_sheet(d)?,
    };
    if !confidential.notes {
        drop_column(&mut sheet, "notes");
    }
    Ok(sheet)
}

/// The sheet of one kind of record (detainees, sponsors or sponsorships), with the notes, as the CLI writes it.
pub fn sheet(d: &Dossier, kind: RecordKind) -> Result<Sheet> {
    sheet_with(d, kind, Confidential::NOTES)
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

/// Exports one kind of record to a CSV file, with the notes (the command line's export).
pub fn export_csv(d: &Dossier, kind: RecordKind, path: &Path, semicolon: bool, force: bool) -> Result<usize> {
    export_csv_with(d, kind, path, semicolon, force, Confidential::NOTES)
}

/// Exports one kind of record to a CSV file, with what `confidential` allows (contacts never go to a CSV file).
pub fn export_csv_with(
    d: &Dossier,
    kind: RecordKind,
    path: &Path,
    semicolon: bool,
    force: bool,
    confidential: Confidential,
) -> Result<usize> {
    let confidential = Confidential { contacts: false, ..confidential };
    let sheet = sheet_with(d, kind, confidential)?;
    write_atomic(d, path, force, |w| write_csv(w, &sheet, semicolon))?;
    Ok(sheet.rows.len())
}

fn sheet_name(kind: RecordKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (RecordKind::Detainee, Lang::Fr) => "Détenus",
        (RecordKind::Detainee, Lang::En) => "Detainees",
        (RecordKind::Sponsor, Lang::Fr) => "Parrains",
        (RecordKind::Sponsor, Lang::En) => "Sponsors",
        (RecordKind::Contact, Lang::Fr) => "Contacts familiaux",
        (RecordKind::Contact, Lang::En) => "Family contacts",
        (_, Lang::Fr) => "Parrainages",
        (_, Lang::En) => "Sponsorships",
    }
}

/// The XLSX workbook in memory: one sheet per record type, cells written as text (never as formulas).
pub fn xlsx_bytes(d: &Dossier, lang: Lang) -> Result<Vec<u8>> {
    xlsx_bytes_with(d, lang, Confidential::NOTES)
}

/// The XLSX workbook with what `confidential` allows: the notes columns, a sheet of family contacts.
pub fn xlsx_bytes_with(d: &Dossier, lang: Lang, confidential: Confidential) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let bad = |e: rust_xlsxwriter::XlsxError| Error::Corrupt(format!("xlsx: {e}"));
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let mut kinds = vec![RecordKind::Detainee, RecordKind::Sponsor, RecordKind::Sponsorship];
    if confidential.contacts {
        kinds.push(RecordKind::Contact);
    }
    for kind in kinds {
        let sheet = sheet_with(d, kind, confidential)?;
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

/// Exports detainees, sponsors and sponsorships to an XLSX workbook, with the notes (the command line's export).
pub fn export_xlsx(d: &Dossier, path: &Path, lang: Lang, force: bool) -> Result<()> {
    export_xlsx_with(d, path, lang, force, Confidential::NOTES)
}

/// Exports the XLSX workbook with what `confidential` allows.
pub fn export_xlsx_with(d: &Dossier, path: &Path, lang: Lang, force: bool, confidential: Confidential) -> Result<()> {
    let bytes = xlsx_bytes_with(d, lang, confidential)?;
    write_atomic(d, path, force, |w| w.write_all(&bytes))
}
