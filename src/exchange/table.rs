//! Reading spreadsheets as people really save them: CSV in UTF-8 (with or without BOM), UTF-16 (Excel's
//! "Unicode text") or Windows-1252 (French Excel), separated by commas, semicolons or tabs, quoted or not, with
//! CRLF or LF line ends; and XLSX/ODS workbooks through calamine, one table per sheet.

use std::path::Path;

use calamine::{Data, DataType, Reader};

use crate::error::{Error, Result};

/// One sheet (or the whole CSV file): a header row and the rows under it.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// The sheet name; `None` for CSV.
    pub sheet: Option<String>,
    pub headers: Vec<String>,
    /// Each row with the line (CSV) or row number (workbooks) a user sees in their editor, 1-based.
    pub rows: Vec<(usize, Vec<String>)>,
    /// The encoding and separator detected (CSV only), for the report.
    pub detected: Option<String>,
}

/// Reads every table of a file, choosing the reader from the extension (and, failing that, the content).
pub fn read_tables(path: &Path) -> Result<Vec<Table>> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read { path: path.to_owned(), source })?;
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    let zip = bytes.starts_with(b"PK\x03\x04");
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => read_workbook(path, bytes),
        _ if zip => read_workbook(path, bytes),
        _ => Ok(vec![read_csv(path, &bytes)?]),
    }
}

/// Decodes CSV bytes to text: BOMs are honoured, valid UTF-8 is taken as such, anything else is Windows-1252.
pub fn decode_text(bytes: &[u8]) -> (String, &'static str) {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let name = if enc == encoding_rs::UTF_8 { "UTF-8 (BOM)" } else { enc.name() };
        return (text.into_owned(), name);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), "UTF-8"),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), "Windows-1252")
        }
    }
}

/// The separator of a CSV text: the most frequent of `;`, `,` and tab on the first line, outside quotes.
pub fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted && counts.iter().any(|n| *n > 0) => break,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|i| (counts[*i], usize::from(*i == 1))).unwrap_or(1);
    [b';', b',', b'\t'][best]
}

fn read_csv(path: &Path, bytes: &[u8]) -> Result<Table> {
    if bytes.contains(&0) && encoding_rs::Encoding::for_bom(bytes).is_none() {
        return Err(Error::Spreadsheet { path: path.to_owned(), detail: "not a text (CSV) file".into() });
    }
    let (text, encoding) = decode_text(bytes);
    let delimiter = sniff_delimiter(&text);
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut table = Table {
        detected: Some(format!(
            "{encoding}, {}",
            match delimiter {
                b';' => "semicolon",
                b'\t' => "tab",
                _ => "comma",
            }
        )),
        ..Table::default()
    };
    let mut record = csv::StringRecord::new();
    let mut header_seen = false;
    let bytes_len = text.len();
    let (mut newlines, mut counted_to) = (0usize, 0usize);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                // The line a user sees: newlines before the record's first character, plus one. (csv's own line
                // count lags by one after a CRLF, so it is recounted here, incrementally.)
                let mut start = record.position().map(|p| p.byte() as usize).unwrap_or(0).min(bytes_len);
                while start < bytes_len && matches!(text.as_bytes()[start], b'\r' | b'\n') {
                    start += 1;
                }
                if start >= counted_to {
                    newlines += text.as_bytes()[counted_to..start].iter().filter(|b| **b == b'\n').count();
                    counted_to = start;
                }
                let line = newlines + 1;
                let cells: Vec<String> = record.iter().map(str::to_owned).collect();
                if cells.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                if header_seen {
                    table.rows.push((line, cells));
                } else {
                    table.headers = cells;
                    header_seen = true;
                }
            }
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                return Err(Error::Spreadsheet { path: path.to_owned(), detail: format!("line {line}: {e}") });
            }
        }
    }
    if !header_seen {
        return Err(Error::Spreadsheet { path: path.to_owned(), detail: "the file is empty".into() });
    }
    Ok(table)
}

fn read_workbook(path: &Path, bytes: Vec<u8>) -> Result<Vec<Table>> {
    let bad = |e: &dyn std::fmt::Display| Error::Spreadsheet { path: path.to_owned(), detail: e.to_string() };
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| bad(&e))?;
    let mut tables = vec![];
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| bad(&e))?;
        let first_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
        let mut table = Table { sheet: Some(name.clone()), ..Table::default() };
        let mut header_seen = false;
        for (i, row) in range.rows().enumerate() {
            let cells: Vec<String> = row.iter().map(cell_text).collect();
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            if header_seen {
                table.rows.push((first_row + i + 1, cells));
            } else {
                table.headers = cells;
                header_seen = true;
            }
        }
        if header_seen {
            tables.push(table);
        }
    }
    if tables.is_empty() {
        return Err(Error::Spreadsheet { path: path.to_owned(), detail: "the workbook has no filled sheet".into() });
    }
    Ok(tables)
}

/// A cell as the text a user typed: dates as `YYYY-MM-DD`, whole numbers without `.0`.
fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(_) | Data::DateTimeIso(_) => match c.as_date() {
            Some(d) => d.format("%Y-%m-%d").to_string(),
            None => c.to_string(),
        },
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}
