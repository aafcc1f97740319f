//! Reading spreadsheets as people really save them: CSV in UTF-8 (with or without BOM), UTF-16 (Excel's
//! "Unicode text") or Windows-1252 (French Excel), separated by commas, semicolons or tabs, quoted or not, with
//! CRLF or LF line ends; and XLSX/ODS workbooks through calamine, one table per sheet.

use std::path::Path;

use calamine::{Data, DataType, Reader};

use crate::error::{Error, Result};
use crate::i18n::{tr, Arg, Lang};

/// Why a spreadsheet or an export file cannot be imported, worded by us in each language. A parser's own (English)
/// explanation, when there is one, is kept as `detail` for `Error::technical` only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpreadsheetProblem {
    /// Binary content under a CSV name.
    NotText,
    /// No header row.
    Empty,
    /// A CSV line that cannot be read.
    CsvLine { line: usize, detail: String },
    /// A workbook whose sheets are all empty.
    NoFilledSheet,
    /// A workbook that cannot be opened (damaged, or not the format its name says).
    Unreadable { detail: String },
    /// A column given to `--map` that no sheet has; `found` lists the headers.
    NoSuchColumn { column: String, found: String },
    /// A sheet whose rows could be detainees or sponsors.
    UnknownKind { sheet: Option<String> },
    /// Two columns giving the same field.
    SameField { first: String, second: String, field: String },
    /// No column giving the name (nor the id); `found` lists the headers.
    NoNameColumn { sheet: Option<String>, found: String },
    /// A file that is not JSON, or not an export's JSON.
    NotAnExport { detail: String },
    /// JSON of another program.
    OtherFormat,
    /// An export written by a newer version (`version`), beyond the schema this one reads (`max`).
    NewerExport { version: u64, max: u32 },
    /// An image of an export whose bytes are not valid base64.
    BadMedia { id: String, detail: String },
    /// A sealed export that cannot be opened although the passphrase is right (cut short, altered).
    DamagedSeal { detail: String },
}

impl SpreadsheetProblem {
    /// What is wrong, in `lang`: the end of the sentence "Cannot import FILE: ...".
    pub fn message(&self, lang: Lang) -> String {
        let sheet = |s: &Option<String>| match s {
            Some(s) => tr(lang, "sheet-prefix", &[("sheet", Arg::from(s))]),
            None => String::new(),
        };
        match self {
            SpreadsheetProblem::NotText => tr(lang, "sheet-not-text", &[]),
            SpreadsheetProblem::Empty => tr(lang, "sheet-empty", &[]),
            SpreadsheetProblem::CsvLine { line, .. } => tr(lang, "sheet-csv-line", &[("line", Arg::from(*line))]),
            SpreadsheetProblem::NoFilledSheet => tr(lang, "sheet-no-filled-sheet", &[]),
            SpreadsheetProblem::Unreadable { .. } => tr(lang, "sheet-unreadable", &[]),
            SpreadsheetProblem::NoSuchColumn { column, found } => {
                tr(lang, "sheet-no-such-column", &[("column", Arg::from(column)), ("found", Arg::from(found))])
            }
            SpreadsheetProblem::UnknownKind { sheet: s } => {
                tr(lang, "sheet-unknown-kind", &[("sheet", Arg::from(&sheet(s)))])
            }
            SpreadsheetProblem::SameField { first, second, field } => {
                let field = crate::error::field_label(lang, field);
                tr(
                    lang,
                    "sheet-same-field",
                    &[("first", Arg::from(first)), ("second", Arg::from(second)), ("field", Arg::from(&field))],
                )
            }
            SpreadsheetProblem::NoNameColumn { sheet: s, found } => {
                tr(lang, "sheet-no-name-column", &[("sheet", Arg::from(&sheet(s))), ("found", Arg::from(found))])
            }
            SpreadsheetProblem::NotAnExport { .. } => tr(lang, "export-not-an-export", &[]),
            SpreadsheetProblem::OtherFormat => tr(lang, "export-other-format", &[]),
            SpreadsheetProblem::NewerExport { version, max } => {
                tr(lang, "export-newer", &[("version", Arg::Num(*version as f64)), ("max", Arg::Num(f64::from(*max)))])
            }
            SpreadsheetProblem::BadMedia { id, .. } => tr(lang, "export-bad-media", &[("id", Arg::from(id))]),
            SpreadsheetProblem::DamagedSeal { .. } => tr(lang, "export-damaged-seal", &[]),
        }
    }
}

/// The separator of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Delimiter {
    Semicolon,
    Comma,
    Tab,
}

impl Delimiter {
    /// The byte the CSV reader splits on.
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Semicolon => b';',
            Delimiter::Comma => b',',
            Delimiter::Tab => b'\t',
        }
    }

    /// The language-neutral name: "semicolon", "comma", "tab".
    pub fn name(self) -> &'static str {
        match self {
            Delimiter::Semicolon => "semicolon",
            Delimiter::Comma => "comma",
            Delimiter::Tab => "tab",
        }
    }
}

/// How a CSV file was read: its encoding and its separator.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CsvFormat {
    /// "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "Windows-1252"…: the encoding's own name, the same in every language.
    pub encoding: String,
    pub delimiter: Delimiter,
}

impl CsvFormat {
    /// The language-neutral summary scripts read: "Windows-1252, semicolon".
    pub fn summary(&self) -> String {
        format!("{}, {}", self.encoding, self.delimiter.name())
    }

    /// The same in words: "Windows-1252, séparateur point-virgule".
    pub fn in_words(&self, lang: Lang) -> String {
        let delimiter = tr(lang, &format!("imp-delimiter-{}", self.delimiter.name()), &[]);
        tr(lang, "imp-csv-format", &[("encoding", Arg::from(&self.encoding)), ("delimiter", Arg::from(&delimiter))])
    }
}

/// One sheet (or the whole CSV file): a header row and the rows under it.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// The sheet name; `None` for CSV.
    pub sheet: Option<String>,
    pub headers: Vec<String>,
    /// Each row with the line (CSV) or row number (workbooks) a user sees in their editor, 1-based.
    pub rows: Vec<(usize, Vec<String>)>,
    /// The encoding and separator detected (CSV only), for the report.
    pub detected: Option<CsvFormat>,
}

/// Reads every table of a file, choosing the reader from the extension (and, failing that, the content).
pub fn read_tables(path: &Path) -> Result<Vec<Table>> {
    let read_err = |source| Error::Read { path: path.to_owned(), source };
    let len = std::fs::metadata(path).map_err(read_err)?.len();
    if len > limits::MAX_FILE_BYTES {
        return Err(too_large(path, None, SheetLimit::File { bytes: len }));
    }
    let bytes = std::fs::read(path).map_err(read_err)?;
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
pub fn sniff_delimiter(text: &str) -> Delimiter {
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
    [Delimiter::Semicolon, Delimiter::Comma, Delimiter::Tab][best]
}

fn read_csv(path: &Path, bytes: &[u8]) -> Result<Table> {
    if bytes.contains(&0) && encoding_rs::Encoding::for_bom(bytes).is_none() {
        return Err(Error::Spreadsheet { path: path.to_owned(), problem: SpreadsheetProblem::NotText });
    }
    let (text, encoding) = decode_text(bytes);
    let delimiter = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter.byte())
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut table =
        Table { detected: Some(CsvFormat { encoding: encoding.to_owned(), delimiter }), ..Table::default() };
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
                let problem = SpreadsheetProblem::CsvLine { line: line as usize, detail: e.to_string() };
                return Err(Error::Spreadsheet { path: path.to_owned(), problem });
            }
        }
    }
    if !header_seen {
        return Err(Error::Spreadsheet { path: path.to_owned(), problem: SpreadsheetProblem::Empty });
    }
    Ok(table)
}

/// Bounds on a spreadsheet, checked before anything is materialised: a 2 KB workbook can declare (or hold) a cell
/// at XFD1048576 or repeat one cell sixteen thousand times a million times, which a reader building the whole
/// rectangle would try to allocate. The bounds are far above a campaign's lists (10,000 people, 40 columns).
pub mod limits {
    /// The file itself, CSV or workbook.
    pub const MAX_FILE_BYTES: u64 = 100 << 20;
    /// No filled cell below this row.
    pub const MAX_ROWS: u32 = 100_000;
    /// No filled cell right of this column (GR).
    pub const MAX_COLUMNS: u32 = 200;
    /// Cells held for all the sheets of a workbook (each filled row as wide as its sheet's filled columns).
    pub const MAX_CELLS: u64 = 4_000_000;
    /// One part of a workbook (a sheet's XML, the shared strings), unpacked.
    pub const MAX_PART_BYTES: u64 = 128 << 20;
    /// Every part of a workbook, unpacked.
    pub const MAX_UNPACKED_BYTES: u64 = 256 << 20;
}

/// Which bound a spreadsheet went past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetLimit {
    /// A filled cell on this row (1-based).
    Rows { row: u64 },
    /// A filled cell in this column (1-based).
    Columns { column: u64 },
    /// More cells than [`limits::MAX_CELLS`].
    Cells,
    /// The file is larger than [`limits::MAX_FILE_BYTES`].
    File { bytes: u64 },
    /// A part of the workbook (named) unpacks to more than [`limits::MAX_PART_BYTES`], or all of them to more than
    /// [`limits::MAX_UNPACKED_BYTES`].
    Unpacked { part: String },
}

fn too_large(path: &Path, sheet: Option<&str>, limit: SheetLimit) -> Error {
    Error::SheetTooLarge { path: path.to_owned(), sheet: sheet.map(str::to_owned), limit }
}

fn read_workbook(path: &Path, bytes: Vec<u8>) -> Result<Vec<Table>> {
    use calamine::Sheets;
    let bad = |e: &dyn std::fmt::Display| Error::Spreadsheet {
        path: path.to_owned(),
        problem: SpreadsheetProblem::Unreadable { detail: e.to_string() },
    };
    // Old Excel files (BIFF, in an OLE container) are read whole by calamine, every sheet as a full rectangle,
    // before any bound can be checked; password-protected workbooks come in the same container.
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(Error::OldWorkbook(path.to_owned()));
    }
    check_parts(path, &bytes)?;
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| bad(&e))?;
    let mut budget = limits::MAX_CELLS;
    let mut tables = vec![];
    for name in book.sheet_names() {
        let mut sheet = SheetCells::new(path, &name);
        match &mut book {
            Sheets::Xlsx(x) => {
                let mut cells = match x.worksheet_cells_reader(&name) {
                    Ok(c) => c,
                    Err(calamine::XlsxError::NotAWorksheet(_)) => continue,
                    Err(e) => return Err(bad(&e)),
                };
                while let Some(c) = cells.next_cell().map_err(|e| bad(&e))? {
                    sheet.push(c.get_position(), &calamine::Data::from(c.get_value().clone()))?;
                }
            }
            Sheets::Xlsb(x) => {
                let mut cells = x.worksheet_cells_reader(&name).map_err(|e| bad(&e))?;
                while let Some(c) = cells.next_cell().map_err(|e| bad(&e))? {
                    sheet.push(c.get_position(), &calamine::Data::from(c.get_value().clone()))?;
                }
            }
            // An ODS file is read whole when it is opened: `check_parts` has bounded its rows, columns and
            // repetitions first.
            Sheets::Ods(o) => {
                let range = o.worksheet_range(&name).map_err(|e| bad(&e))?;
                for (r, c, v) in range.used_cells() {
                    let (r0, c0) = range.start().unwrap_or((0, 0));
                    sheet.push((r0 + r as u32, c0 + c as u32), v)?;
                }
            }
            Sheets::Xls(_) => return Err(Error::OldWorkbook(path.to_owned())),
        }
        if let Some(table) = sheet.into_table(&mut budget)? {
            tables.push(table);
        }
    }
    if tables.is_empty() {
        return Err(Error::Spreadsheet { path: path.to_owned(), problem: SpreadsheetProblem::NoFilledSheet });
    }
    Ok(tables)
}

/// The filled cells of one sheet, by row, kept sparse until the bounds are known to hold.
struct SheetCells<'a> {
    path: &'a Path,
    name: &'a str,
    rows: std::collections::BTreeMap<u32, Vec<(u32, String)>>,
    filled: u64,
    columns: Option<(u32, u32)>,
}

impl<'a> SheetCells<'a> {
    fn new(path: &'a Path, name: &'a str) -> Self {
        SheetCells { path, name, rows: Default::default(), filled: 0, columns: None }
    }

    fn push(&mut self, (row, col): (u32, u32), value: &Data) -> Result<()> {
        if matches!(value, Data::Empty) {
            return Ok(());
        }
        let limit = if row >= limits::MAX_ROWS {
            Some(SheetLimit::Rows { row: u64::from(row) + 1 })
        } else if col >= limits::MAX_COLUMNS {
            Some(SheetLimit::Columns { column: u64::from(col) + 1 })
        } else if self.filled >= limits::MAX_CELLS {
            Some(SheetLimit::Cells)
        } else {
            None
        };
        if let Some(limit) = limit {
            return Err(too_large(self.path, Some(self.name), limit));
        }
        self.filled += 1;
        self.columns = Some(self.columns.map_or((col, col), |(lo, hi)| (lo.min(col), hi.max(col))));
        self.rows.entry(row).or_default().push((col, cell_text(value)));
        Ok(())
    }

    /// The sheet as header and rows, as wide as its filled columns; `None` when nothing is filled. Each filled row
    /// is counted against `budget` (cells left for the workbook).
    fn into_table(self, budget: &mut u64) -> Result<Option<Table>> {
        let Some((lo, hi)) = self.columns else { return Ok(None) };
        let width = (hi - lo + 1) as usize;
        let need = self.rows.len() as u64 * width as u64;
        if need > *budget {
            return Err(too_large(self.path, Some(self.name), SheetLimit::Cells));
        }
        *budget -= need;
        let mut table = Table { sheet: Some(self.name.to_owned()), ..Table::default() };
        let mut header_seen = false;
        for (row, cells) in self.rows {
            let mut line = vec![String::new(); width];
            for (col, text) in cells {
                line[(col - lo) as usize] = text;
            }
            if line.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            if header_seen {
                table.rows.push((row as usize + 1, line));
            } else {
                table.headers = line;
                header_seen = true;
            }
        }
        Ok(header_seen.then_some(table))
    }
}

/// Checks a zipped workbook (XLSX, XLSB, ODS) before it is opened: every part unpacks (really, not as its header
/// claims) to at most [`limits::MAX_PART_BYTES`], all of them to at most [`limits::MAX_UNPACKED_BYTES`]; an ODS
/// file's cells are bounded in `content.xml` itself, repetitions included.
fn check_parts(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Read;
    let bad = |e: &dyn std::fmt::Display| Error::Spreadsheet {
        path: path.to_owned(),
        problem: SpreadsheetProblem::Unreadable { detail: e.to_string() },
    };
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| bad(&e))?;
    let mut total = 0u64;
    let mut content = None;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| bad(&e))?;
        let name = part.name().to_owned();
        let over = |name: String| too_large(path, None, SheetLimit::Unpacked { part: name });
        if part.size() > limits::MAX_PART_BYTES {
            return Err(over(name));
        }
        let keep = name == "content.xml";
        let mut sink = vec![];
        let mut limited = (&mut part).take(limits::MAX_PART_BYTES + 1);
        let n = if keep {
            limited.read_to_end(&mut sink).map_err(|e| bad(&e))? as u64
        } else {
            std::io::copy(&mut limited, &mut std::io::sink()).map_err(|e| bad(&e))?
        };
        total += n;
        if n > limits::MAX_PART_BYTES || total > limits::MAX_UNPACKED_BYTES {
            return Err(over(name));
        }
        if keep {
            content = Some(sink);
        }
    }
    match content {
        Some(xml) => check_ods_content(path, &xml),
        None => Ok(()),
    }
}

/// Bounds the cells an ODS `content.xml` spells out, counting repetitions (`number-rows-repeated`,
/// `number-columns-repeated`) as the reader will expand them: each table's filled rows and columns, and the
/// rectangle from its first to its last filled row, as wide as its filled columns.
fn check_ods_content(path: &Path, xml: &[u8]) -> Result<()> {
    use quick_xml::events::{BytesStart, Event};
    let bad = |e: &dyn std::fmt::Display| Error::Spreadsheet {
        path: path.to_owned(),
        problem: SpreadsheetProblem::Unreadable { detail: e.to_string() },
    };
    fn repeat(e: &BytesStart<'_>, key: &[u8]) -> u64 {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == key)
            .and_then(|a| std::str::from_utf8(&a.value).ok().and_then(|v| v.trim().parse().ok()))
            .unwrap_or(1)
    }
    fn filled(e: &BytesStart<'_>) -> bool {
        e.attributes()
            .flatten()
            .any(|a| matches!(a.key.as_ref(), b"office:value-type" | b"calcext:value-type" | b"table:formula"))
    }
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = vec![];
    let mut sheet: Option<String> = None;
    // Per table: next row index, first and last filled rows, widest filled column. Per row: its repetition,
    // next column, widest filled column.
    let (mut row, mut first, mut last, mut width) = (0u64, None::<u64>, 0u64, 0u64);
    let (mut row_repeat, mut col, mut row_width) = (1u64, 0u64, 0u64);
    let mut cells = 0u64;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| bad(&e))?;
        let (e, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            Event::End(end) => {
                match end.name().as_ref() {
                    b"table:table-row" => {
                        if row_width > 0 {
                            first.get_or_insert(row);
                            last = row + row_repeat;
                            width = width.max(row_width);
                        }
                        row = row.saturating_add(row_repeat);
                    }
                    b"table:table" => {
                        if let Some(first) = first {
                            cells = cells.saturating_add((last - first).saturating_mul(width));
                        }
                    }
                    _ => {}
                }
                (None, false)
            }
            Event::Eof => break,
            _ => (None, false),
        };
        let sheet_err = |sheet: &Option<String>, limit| too_large(path, sheet.as_deref(), limit);
        if let Some(e) = e {
            match e.name().as_ref() {
                b"table:table" => {
                    sheet = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == b"table:name")
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned());
                    (row, first, last, width) = (0, None, 0, 0);
                }
                b"table:table-row" => {
                    (row_repeat, col, row_width) = (repeat(e, b"table:number-rows-repeated"), 0, 0);
                    if empty {
                        row = row.saturating_add(row_repeat);
                    }
                }
                b"table:table-cell" | b"table:covered-table-cell" => {
                    let n = repeat(e, b"table:number-columns-repeated");
                    // A cell with content (not self-closed) or a value counts as filled.
                    if !empty || filled(e) {
                        row_width = col.saturating_add(n);
                    }
                    col = col.saturating_add(n);
                }
                _ => {}
            }
            if row_width > u64::from(limits::MAX_COLUMNS) {
                return Err(sheet_err(&sheet, SheetLimit::Columns { column: row_width }));
            }
            if row_width > 0 && row.saturating_add(row_repeat) > u64::from(limits::MAX_ROWS) {
                return Err(sheet_err(&sheet, SheetLimit::Rows { row: row.saturating_add(row_repeat) }));
            }
        }
        if cells > limits::MAX_CELLS
            || first.is_some_and(|f| (last - f).saturating_mul(width) > limits::MAX_CELLS.saturating_sub(cells))
        {
            return Err(too_large(path, sheet.as_deref(), SheetLimit::Cells));
        }
        buf.clear();
    }
    Ok(())
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
