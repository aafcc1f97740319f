//! Errors with stable codes, translated for the user.
//!
//! Every failure a user can cause maps to one variant; `code()` is what the desktop UI and scripts match on (never
//! the message text), and `message(lang)` is the one clear sentence shown to the user.

use std::path::PathBuf;

pub use crate::i18n::Door;
use crate::i18n::{tr, Arg, Lang};
use crate::model::RecordKind;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    Empty,
    TooLong {
        max: usize,
    },
    /// A value outside a closed list; `allowed` lists the accepted spellings.
    Unknown {
        value: String,
        allowed: String,
    },
    BadDate {
        value: String,
    },
    CaptureBeforeBirth,
    InFuture,
    BadNumber {
        value: String,
    },
    BadEmail,
    /// A name that also names files and appears in lists: no `/ \ < >` and no control characters.
    PlainName,
    /// A field name given to `--set` that the record does not have.
    NoSuchField {
        known: String,
    },
    /// A value that cannot be read as what the field holds (text where a list is expected, a word where a number
    /// is): the value as it was given. The reader's own (English) explanation is not kept: the user sees their value.
    BadValue {
        value: String,
    },
    /// A photo's framing: four numbers `x,y,w,h` between 0 and 1, the frame inside the image.
    BadCrop,
    /// A commitment chosen twice in one sponsorship.
    CommitmentTwice {
        kind: crate::model::CommitmentKind,
    },
    /// An end reason on a sponsorship that has not ended.
    EndReasonNotEnded,
    /// A sponsorship already ended (it cannot be handed over again).
    AlreadyEnded,
    /// A handover to the sponsor that already holds the sponsorship.
    SameSponsor,
    /// A reference to a record that is not in the dossier.
    NoSuchRecord,
    /// An import row with more filled cells than the header has columns.
    ExtraCells {
        cells: usize,
        columns: usize,
    },
    /// An import row naming the id of an earlier row.
    IdOnLine {
        line: usize,
    },
    /// An import decision to merge a row into a record the row was not found to double.
    NotADuplicate,
    /// A sentence of a front door (its Fluent message id), shown as it stands in the user's language.
    Said {
        id: &'static str,
    },
}

/// A value refused by validation: which field, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason:?}")]
pub struct Invalid {
    pub field: String,
    pub reason: Reason,
}

impl Invalid {
    pub fn new(field: impl Into<String>, reason: Reason) -> Self {
        Invalid { field: field.into(), reason }
    }
}

/// Why a photo or logo was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageProblem {
    NotAnImage,
    UnsupportedFormat,
    TooLarge { bytes: u64, max: u64 },
    TooManyPixels { width: u32, height: u32, max_mp: u32 },
    Corrupt,
}

/// Why a backup (or a copy being restored) was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupProblem {
    /// The copy, read back, does not hold what was copied.
    CopyDiffers,
    /// The backup does not hold what the dossier holds.
    DiffersFromDossier,
    /// The integrity checks found `count` problems (`detail`: SQLite's own words, one per line).
    Damaged { count: usize, detail: String },
    /// The file opens with the passphrase but holds no dossier.
    NotADossier,
    /// The file cannot be read as a database (`detail`: SQLite's words).
    Unreadable { detail: String },
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("wrong passphrase, or the file is not a dossier: {0}")]
    WrongPassphrase(PathBuf),
    #[error("no dossier at {0}")]
    NoDossier(PathBuf),
    #[error("a file already exists at {0}; refusing to overwrite it")]
    AlreadyExists(PathBuf),
    #[error("the passphrase must have at least {min} characters")]
    WeakPassphrase { min: usize },
    /// Long enough, but zxcvbn finds it easy to guess (see `store::strength`).
    #[error("the passphrase is too easy to guess (strength {score}/4)")]
    GuessablePassphrase { score: u8, hint: Option<&'static str>, example: String },
    #[error("the two passphrases differ")]
    PassphraseMismatch,
    #[error("no {kind:?} with id {id}")]
    NotFound { kind: RecordKind, id: String },
    #[error("id {id} is ambiguous")]
    AmbiguousId { id: String },
    /// `by`: how many records of each kind still refer to it.
    #[error("{kind:?} {id} is still referenced by {by:?}")]
    InUse { kind: RecordKind, id: String, by: Vec<(RecordKind, usize)> },
    #[error("invalid {0}")]
    Invalid(#[from] Invalid),
    #[error("image {path}: {problem:?}")]
    Image { path: PathBuf, problem: ImageProblem },
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("the disk is full")]
    DiskFull,
    #[error("the dossier is damaged: {0}")]
    Corrupt(String),
    #[error("the dossier was written by a newer version of Libertas Dossier")]
    TooNew,
    /// A template refused: `line` is the template's line when one is known (the app marks it), `problem` what is
    /// wrong (it may carry the template engine's own English words as a technical detail, see `Error::technical`).
    #[error("template {name}, line {line:?}: {problem:?}")]
    Template { name: String, line: Option<usize>, problem: crate::documents::template::TemplateProblem },
    /// A template stopped by a bound: out of fuel (too many steps, or too much text built) or too much output.
    /// Its code is `template`, as for any template error, so the app marks its line the same way.
    #[error("template {name}, line {line:?}: stopped by its limit ({limit:?})")]
    TemplateLimit { name: String, line: Option<usize>, limit: crate::documents::template::TemplateLimit },
    /// A comment line of a text template written as a directive (`<!-- word -->`) that no document knows: a typo
    /// would otherwise print nothing. `known` lists the directives.
    #[error("template {name}, line {line:?}: unknown directive {directive:?} (known: {known})")]
    UnknownDirective { name: String, line: Option<usize>, directive: String, known: String },
    #[error("the collective's profile is not filled in")]
    NoProfile,
    #[error("{name}: the family has not consented to publishing this person's name")]
    NotPublic { name: String },
    #[error("the document could not be typeset: {0}")]
    Render(String),
    #[error("the backup {path} is damaged: {problem:?}")]
    BadBackup { path: PathBuf, problem: BackupProblem },
    #[error("no change #{seq} in the history")]
    NoSuchChange { seq: i64 },
    #[error("change #{seq} created the record: there is no earlier value")]
    NothingToRestore { seq: i64 },
    #[error("input/output error: {0}")]
    Io(String),
    #[error("database error: {0}")]
    Db(rusqlite::Error),
    #[error("{kind:?} {id} is already in the dossier")]
    IdTaken { kind: RecordKind, id: String },
    /// No bin entry has this number or holds this record.
    #[error("nothing in the bin is {id}")]
    NotInBin { id: String },
    /// A bin entry whose record refers to one deleted since (a sponsorship whose sponsor is gone).
    #[error("{kind:?} {label} refers to a record no longer in the dossier")]
    BinOrphan { kind: RecordKind, label: String },
    /// A spreadsheet or export file that cannot be read as one (not CSV/XLSX/ODS, no header row, bad mapping...).
    #[error("{path}: {problem:?}")]
    Spreadsheet { path: PathBuf, problem: crate::exchange::table::SpreadsheetProblem },
    /// An import refused because some rows are wrong or possible duplicates; nothing was imported.
    /// `problems` are the first few, each as (line, message) already in the user's language.
    #[error("import of {path} refused: {errors} rows with errors, {duplicates} possible duplicates")]
    ImportRefused { path: PathBuf, errors: usize, duplicates: usize, problems: Vec<(usize, String)> },
    /// An output folder that holds other files than a previous export, left untouched.
    #[error("{0} is not empty")]
    NotEmpty(PathBuf),
    /// A ceremony kit's folder that already holds files (replaced only when the user says so: `--force`).
    #[error("{0} already holds files")]
    FolderNotEmpty(PathBuf),
    /// A ceremony kit asked for before the sponsorship's ceremony has a date and a place; names what is missing.
    #[error("the ceremony has no {}", match (date, place) { (true, true) => "date and no place", (true, false) => "date", _ => "place" })]
    NoCeremony { date: bool, place: bool },
    /// Long work (an import) stopped at the user's request; what it was writing was rolled back.
    #[error("cancelled; nothing was written")]
    Cancelled,
    #[error("{0} is a sealed export: its passphrase is needed")]
    SealedExport(PathBuf),
    #[error("wrong passphrase for the sealed export {0}")]
    WrongExportPassphrase(PathBuf),
    /// A spreadsheet beyond the bounds an import reads (`exchange::table::limits`), named with its sheet when the
    /// bound is a sheet's.
    #[error("{path} (sheet {sheet:?}): too large: {limit:?}")]
    SheetTooLarge { path: PathBuf, sheet: Option<String>, limit: crate::exchange::table::SheetLimit },
    /// An old-format (BIFF .xls) or password-protected workbook: read whole before any bound could apply.
    #[error("{0}: old-format or encrypted workbook")]
    OldWorkbook(PathBuf),
    /// A JSON export (or what a sealed one decrypts to) larger than the import reads.
    #[error("{path}: export larger than {max} bytes")]
    ExportTooLarge { path: PathBuf, max: u64 },
    /// An image in a JSON export larger than a photo may be.
    #[error("{path}: media {id} is {bytes} bytes, more than {max}")]
    ExportMediaTooLarge { path: PathBuf, id: String, bytes: u64, max: u64 },
    // --- share ---
    #[error("sharing: {0:?}")]
    Share(crate::share::ShareError),
    // --- end share ---
    // --- recovery ---
    #[error("recovery: {0:?}")]
    Recovery(crate::recovery::RecoveryError),
    // --- end recovery ---
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        if let rusqlite::Error::SqliteFailure(f, ref msg) = e {
            match f.code {
                C::DiskFull => return Error::DiskFull,
                C::SystemIoFailure => return Error::Io(msg.clone().unwrap_or_else(|| "disk I/O error".into())),
                C::NotADatabase => return Error::Corrupt(msg.clone().unwrap_or_else(|| "not a database".into())),
                C::DatabaseCorrupt => return Error::Corrupt(msg.clone().unwrap_or_else(|| "corrupt".into())),
                _ => {}
            }
        }
        Error::Db(e)
    }
}

impl From<rusqlite_migration::Error> for Error {
    fn from(e: rusqlite_migration::Error) -> Self {
        match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => err.into(),
            rusqlite_migration::Error::MigrationDefinition(
                rusqlite_migration::MigrationDefinitionError::DatabaseTooFarAhead,
            ) => Error::TooNew,
            other => Error::Corrupt(other.to_string()),
        }
    }
}

impl Error {
    /// A stable code for scripts and the UI.
    /// The line of a template an error points at (the app marks it in the editor), when it has one.
    pub fn line(&self) -> Option<usize> {
        match self {
            Error::Template { line, .. } | Error::TemplateLimit { line, .. } => *line,
            _ => None,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Error::WrongPassphrase(_) => "wrong_passphrase",
            Error::NoDossier(_) => "no_dossier",
            Error::AlreadyExists(_) => "already_exists",
            Error::WeakPassphrase { .. } | Error::GuessablePassphrase { .. } => "weak_passphrase",
            Error::PassphraseMismatch => "passphrase_mismatch",
            Error::NotFound { .. } => "not_found",
            Error::AmbiguousId { .. } => "ambiguous_id",
            Error::InUse { .. } => "in_use",
            Error::Invalid(_) => "invalid",
            Error::Image { .. } => "bad_image",
            Error::Read { .. } => "read_failed",
            Error::Write { .. } => "write_failed",
            Error::DiskFull => "disk_full",
            Error::Corrupt(_) => "corrupt",
            Error::TooNew => "too_new",
            Error::Template { .. } | Error::TemplateLimit { .. } => "template",
            Error::UnknownDirective { .. } => "unknown_directive",
            Error::NoProfile => "no_profile",
            Error::NotPublic { .. } => "not_public",
            Error::Render(_) => "render_failed",
            Error::BadBackup { .. } => "bad_backup",
            Error::NoSuchChange { .. } => "no_such_change",
            Error::NothingToRestore { .. } => "nothing_to_restore",
            Error::Io(_) => "io_error",
            Error::Db(_) => "database",
            Error::IdTaken { .. } => "id_taken",
            Error::NotInBin { .. } => "not_in_bin",
            Error::BinOrphan { .. } => "bin_orphan",
            Error::Spreadsheet { .. } => "bad_spreadsheet",
            Error::ImportRefused { .. } => "import_refused",
            Error::NotEmpty(_) | Error::FolderNotEmpty(_) => "not_empty",
            Error::NoCeremony { .. } => "no_ceremony",
            Error::Cancelled => "cancelled",
            Error::SealedExport(_) => "sealed_export",
            Error::WrongExportPassphrase(_) => "wrong_export_passphrase",
            Error::SheetTooLarge { .. } => "sheet_too_large",
            Error::OldWorkbook(_) => "old_workbook",
            Error::ExportTooLarge { .. } => "export_too_large",
            Error::ExportMediaTooLarge { .. } => "export_media_too_large",
            Error::Share(e) => e.code(),    // --- share ---
            Error::Recovery(e) => e.code(), // --- recovery ---
        }
    }

    /// One clear sentence in the user's language, as the command line shows it (it may name a command or a flag).
    pub fn message(&self, lang: Lang) -> String {
        self.message_for(lang, Door::Cli)
    }

    /// The message as `door` shows it: the app's never names a command-line command or flag.
    pub fn message_for(&self, lang: Lang, door: Door) -> String {
        crate::i18n::for_door(door, || self.sentence(lang))
    }

    /// The words of a lower layer (SQLite, the operating system, the template engine, a file parser), in English
    /// and for whoever diagnoses the failure: never part of `message`, shown after it if at all.
    pub fn technical(&self) -> Option<String> {
        use crate::documents::template::TemplateProblem as T;
        use crate::exchange::table::SpreadsheetProblem as S;
        match self {
            // The system's words add something only where ours are generic.
            Error::Read { source, .. } | Error::Write { source, .. } => {
                (io_reason_id(source) == "io-other" && !is_disk_full(source)).then(|| source.to_string())
            }
            Error::Corrupt(detail) | Error::Render(detail) | Error::Io(detail) => Some(detail.clone()),
            Error::Db(e) => Some(e.to_string()),
            Error::Template { problem, .. } => match problem {
                T::Toml { detail } | T::Markdown { detail } => Some(detail.clone()),
                T::Engine { detail, .. } => detail.clone(),
                _ => None,
            },
            Error::BadBackup {
                problem: BackupProblem::Damaged { detail, .. } | BackupProblem::Unreadable { detail },
                ..
            } => Some(detail.clone()),
            Error::Spreadsheet {
                problem:
                    S::Unreadable { detail }
                    | S::CsvLine { detail, .. }
                    | S::NotAnExport { detail }
                    | S::BadMedia { detail, .. }
                    | S::DamagedSeal { detail },
                ..
            } => Some(detail.clone()),
            _ => None,
        }
    }

    fn sentence(&self, lang: Lang) -> String {
        let p = |p: &PathBuf| p.display().to_string();
        match self {
            Error::WrongPassphrase(path) => tr(lang, "err-wrong-passphrase", &[("path", Arg::from(&p(path)))]),
            Error::NoDossier(path) => tr(lang, "err-no-dossier", &[("path", Arg::from(&p(path)))]),
            Error::AlreadyExists(path) => tr(lang, "err-already-exists", &[("path", Arg::from(&p(path)))]),
            Error::WeakPassphrase { min } => tr(lang, "err-weak-passphrase", &[("min", Arg::from(*min))]),
            Error::GuessablePassphrase { score, hint, example } => {
                let hint = hint.map(|h| tr(lang, h, &[])).unwrap_or_default();
                tr(
                    lang,
                    "err-guessable-passphrase",
                    &[
                        ("score", Arg::from(usize::from(*score))),
                        ("hint", Arg::from(&hint)),
                        ("example", Arg::from(example)),
                    ],
                )
            }
            Error::PassphraseMismatch => tr(lang, "err-passphrase-mismatch", &[]),
            Error::NotFound { kind, id } => {
                let k = kind.label(lang);
                tr(lang, "err-not-found", &[("kind", Arg::from(&k)), ("id", Arg::from(id))])
            }
            Error::AmbiguousId { id } => tr(lang, "err-ambiguous-id", &[("id", Arg::from(id))]),
            Error::InUse { kind, id, by } => {
                let k = kind.label(lang);
                let by = by.iter().map(|(kind, n)| kind.count(lang, *n)).collect::<Vec<_>>().join(", ");
                tr(lang, "err-in-use", &[("kind", Arg::from(&k)), ("id", Arg::from(id)), ("by", Arg::from(&by))])
            }
            Error::Invalid(inv) => invalid_message(inv, lang),
            Error::Image { path, problem } => {
                let path = p(path);
                let reason = match problem {
                    ImageProblem::NotAnImage => tr(lang, "img-not-an-image", &[]),
                    ImageProblem::UnsupportedFormat => tr(lang, "img-unsupported", &[]),
                    ImageProblem::TooLarge { bytes, max } => tr(
                        lang,
                        "img-too-large",
                        &[("mb", Arg::Num((*bytes as f64 / 1e6).round())), ("max", Arg::Num(*max as f64 / 1e6))],
                    ),
                    ImageProblem::TooManyPixels { width, height, max_mp } => tr(
                        lang,
                        "img-too-many-pixels",
                        &[
                            ("w", Arg::Num(*width as f64)),
                            ("h", Arg::Num(*height as f64)),
                            ("max", Arg::Num(*max_mp as f64)),
                        ],
                    ),
                    ImageProblem::Corrupt => tr(lang, "img-corrupt", &[]),
                };
                tr(lang, "err-image", &[("path", Arg::from(&path)), ("reason", Arg::from(&reason))])
            }
            Error::Read { path, source } => {
                if source.kind() == std::io::ErrorKind::NotFound {
                    return tr(lang, "err-file-missing", &[("path", Arg::from(&p(path)))]);
                }
                let why = io_reason(lang, source);
                tr(lang, "err-read", &[("path", Arg::from(&p(path))), ("reason", Arg::from(&why))])
            }
            Error::Write { path, source } => {
                if is_disk_full(source) {
                    return Error::DiskFull.sentence(lang);
                }
                let why = io_reason(lang, source);
                tr(lang, "err-write", &[("path", Arg::from(&p(path))), ("reason", Arg::from(&why))])
            }
            Error::DiskFull => tr(lang, "err-disk-full", &[]),
            Error::Corrupt(_) => tr(lang, "err-corrupt", &[]),
            Error::TooNew => tr(lang, "err-too-new", &[]),
            Error::Template { name, line, problem } => {
                let why = problem.message(lang);
                match line {
                    Some(l) => tr(
                        lang,
                        "err-template-line",
                        &[("name", Arg::from(name)), ("line", Arg::from(*l)), ("reason", Arg::from(&why))],
                    ),
                    None => tr(lang, "err-template", &[("name", Arg::from(name)), ("reason", Arg::from(&why))]),
                }
            }
            Error::TemplateLimit { name, line, limit } => {
                use crate::documents::template::{TemplateLimit, MAX_OUTPUT_BYTES};
                let reason = match limit {
                    TemplateLimit::Fuel => tr(lang, "tpl-limit-fuel", &[]),
                    TemplateLimit::Output => {
                        tr(lang, "tpl-limit-output", &[("mb", Arg::Num((MAX_OUTPUT_BYTES >> 20) as f64))])
                    }
                };
                let mut args = vec![("name", Arg::from(name)), ("reason", Arg::from(&reason))];
                let key = match line {
                    Some(l) => {
                        args.push(("line", Arg::from(*l)));
                        "err-template-limit-line"
                    }
                    None => "err-template-limit",
                };
                tr(lang, key, &args)
            }
            Error::UnknownDirective { name, line, directive, known } => {
                let mut args =
                    vec![("name", Arg::from(name)), ("directive", Arg::from(directive)), ("known", Arg::from(known))];
                let key = match line {
                    Some(l) => {
                        args.push(("line", Arg::from(*l)));
                        "err-unknown-directive-line"
                    }
                    None => "err-unknown-directive",
                };
                tr(lang, key, &args)
            }
            Error::NoProfile => tr(lang, "err-no-profile", &[]),
            Error::NotPublic { name } => tr(lang, "err-not-public", &[("name", Arg::from(name))]),
            Error::Render(_) => tr(lang, "err-render", &[]),
            Error::BadBackup { path, problem } => {
                let why = match problem {
                    BackupProblem::CopyDiffers => tr(lang, "backup-copy-differs", &[]),
                    BackupProblem::DiffersFromDossier => tr(lang, "backup-differs-from-dossier", &[]),
                    BackupProblem::Damaged { count, .. } => tr(lang, "backup-damaged", &[("count", Arg::from(*count))]),
                    BackupProblem::NotADossier => tr(lang, "backup-not-a-dossier", &[]),
                    BackupProblem::Unreadable { .. } => tr(lang, "backup-unreadable", &[]),
                };
                tr(lang, "err-bad-backup", &[("path", Arg::from(&p(path))), ("reason", Arg::from(&why))])
            }
            Error::NoSuchChange { seq } => tr(lang, "err-no-such-change", &[("seq", Arg::from(*seq))]),
            Error::NothingToRestore { seq } => tr(lang, "err-nothing-to-restore", &[("seq", Arg::from(*seq))]),
            Error::Io(_) => tr(lang, "err-io", &[]),
            Error::Db(_) => tr(lang, "err-database", &[]),
            Error::IdTaken { kind, id } => {
                let k = kind.label(lang);
                tr(lang, "err-id-taken", &[("kind", Arg::from(&k)), ("id", Arg::from(id))])
            }
            Error::NotInBin { id } => tr(lang, "err-not-in-bin", &[("id", Arg::from(id))]),
            Error::BinOrphan { kind, label } => {
                let k = kind.label(lang);
                tr(lang, "err-bin-orphan", &[("kind", Arg::from(&k)), ("label", Arg::from(label))])
            }
            Error::Spreadsheet { path, problem } => {
                let why = problem.message(lang);
                tr(lang, "err-spreadsheet", &[("path", Arg::from(&p(path))), ("reason", Arg::from(&why))])
            }
            Error::ImportRefused { path, errors, duplicates, problems } => {
                let mut out = tr(
                    lang,
                    "err-import-refused",
                    &[
                        ("path", Arg::from(&p(path))),
                        ("errors", Arg::from(*errors)),
                        ("duplicates", Arg::from(*duplicates)),
                    ],
                );
                for (line, msg) in problems {
                    out.push('\n');
                    out.push_str(&tr(
                        lang,
                        "imp-line-problem",
                        &[("line", Arg::from(*line)), ("message", Arg::from(msg))],
                    ));
                }
                out
            }
            Error::NotEmpty(path) => tr(lang, "err-not-empty", &[("path", Arg::from(&p(path)))]),
            Error::FolderNotEmpty(path) => tr(lang, "err-folder-not-empty", &[("path", Arg::from(&p(path)))]),
            Error::NoCeremony { date, place } => {
                let missing = match (date, place) {
                    (true, true) => "both",
                    (true, false) => "date",
                    _ => "place",
                };
                tr(lang, "err-no-ceremony", &[("missing", Arg::from(missing))])
            }
            Error::Cancelled => tr(lang, "err-cancelled", &[]),
            Error::SealedExport(path) => tr(lang, "err-sealed-export", &[("path", Arg::from(&p(path)))]),
            Error::WrongExportPassphrase(path) => {
                tr(lang, "err-wrong-export-passphrase", &[("path", Arg::from(&p(path)))])
            }
            Error::SheetTooLarge { path, sheet, limit } => {
                use crate::exchange::table::{limits, SheetLimit};
                let mb = |b: u64| Arg::Num((b as f64 / 1e6).round());
                let reason = match limit {
                    SheetLimit::Rows { row } => tr(
                        lang,
                        "sheet-limit-rows",
                        &[("row", Arg::Num(*row as f64)), ("max", Arg::Num(f64::from(limits::MAX_ROWS)))],
                    ),
                    SheetLimit::Columns { column } => tr(
                        lang,
                        "sheet-limit-columns",
                        &[("column", Arg::Num(*column as f64)), ("max", Arg::Num(f64::from(limits::MAX_COLUMNS)))],
                    ),
                    SheetLimit::Cells => tr(lang, "sheet-limit-cells", &[("max", Arg::Num(limits::MAX_CELLS as f64))]),
                    SheetLimit::File { bytes } => {
                        tr(lang, "sheet-limit-file", &[("mb", mb(*bytes)), ("max", mb(limits::MAX_FILE_BYTES))])
                    }
                    SheetLimit::Unpacked { part } => tr(
                        lang,
                        "sheet-limit-unpacked",
                        &[("part", Arg::from(part)), ("max", mb(limits::MAX_PART_BYTES))],
                    ),
                };
                let place = match sheet {
                    Some(s) => tr(lang, "sheet-named", &[("sheet", Arg::from(s))]),
                    None => String::new(),
                };
                tr(
                    lang,
                    "err-sheet-too-large",
                    &[("path", Arg::from(&p(path))), ("where", Arg::from(&place)), ("reason", Arg::from(&reason))],
                )
            }
            Error::OldWorkbook(path) => tr(lang, "err-old-workbook", &[("path", Arg::from(&p(path)))]),
            Error::ExportTooLarge { path, max } => tr(
                lang,
                "err-export-too-large",
                &[("path", Arg::from(&p(path))), ("max", Arg::Num((*max >> 30) as f64))],
            ),
            Error::ExportMediaTooLarge { path, id, bytes, max } => tr(
                lang,
                "err-export-media-too-large",
                &[
                    ("path", Arg::from(&p(path))),
                    ("id", Arg::from(id)),
                    ("mb", Arg::Num((*bytes as f64 / 1e6).round())),
                    ("max", Arg::Num(*max as f64 / 1e6)),
                ],
            ),
            Error::Share(e) => e.message(lang),    // --- share ---
            Error::Recovery(e) => e.message(lang), // --- recovery ---
        }
    }
}

/// Why the operating system refused a read or a write, in the user's language (its own words are `technical`).
fn io_reason(lang: Lang, e: &std::io::Error) -> String {
    tr(lang, io_reason_id(e), &[])
}

fn io_reason_id(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission-denied",
        K::AlreadyExists => "io-already-exists",
        K::IsADirectory => "io-is-a-directory",
        K::NotADirectory => "io-not-a-directory",
        K::ReadOnlyFilesystem => "io-read-only",
        K::InvalidData | K::UnexpectedEof => "io-invalid-data",
        K::FileTooLarge => "io-too-large",
        K::ResourceBusy => "io-busy",
        K::InvalidFilename => "io-invalid-name",
        _ => "io-other",
    }
}

/// ENOSPC, and its Windows equivalents.
pub fn is_disk_full(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::StorageFull || matches!(e.raw_os_error(), Some(28) | Some(112) | Some(39))
}

/// A field's name in `lang` ("capture date" for `captured`), or the field itself when it has no label.
pub(crate) fn field_label(lang: Lang, field: &str) -> String {
    let label_key = format!("field-{}", field.replace(['_', '.'], "-"));
    let label = tr(lang, &label_key, &[]);
    if label == label_key {
        field.to_owned()
    } else {
        label
    }
}

fn invalid_message(inv: &Invalid, lang: Lang) -> String {
    let field = field_label(lang, &inv.field);
    let f = ("field", Arg::from(&field));
    match &inv.reason {
        Reason::Empty => tr(lang, "inv-empty", &[f]),
        Reason::TooLong { max } => tr(lang, "inv-too-long", &[f, ("max", Arg::from(*max))]),
        Reason::Unknown { value, allowed } => {
            tr(lang, "inv-unknown", &[f, ("value", Arg::from(value)), ("allowed", Arg::from(allowed))])
        }
        Reason::BadDate { value } => tr(lang, "inv-bad-date", &[f, ("value", Arg::from(value))]),
        Reason::CaptureBeforeBirth => tr(lang, "inv-capture-before-birth", &[]),
        Reason::InFuture => tr(lang, "inv-in-future", &[f]),
        Reason::BadNumber { value } => tr(lang, "inv-bad-number", &[f, ("value", Arg::from(value))]),
        Reason::BadEmail => tr(lang, "inv-bad-email", &[f]),
        Reason::PlainName => tr(lang, "inv-plain-name", &[f]),
        Reason::NoSuchField { known } => tr(lang, "inv-no-such-field", &[f, ("known", Arg::from(known))]),
        Reason::BadValue { value } => tr(lang, "inv-bad-value", &[f, ("value", Arg::from(value))]),
        Reason::BadCrop => tr(lang, "inv-bad-crop", &[]),
        Reason::CommitmentTwice { kind } => {
            let label = tr(lang, &format!("commit-{}", crate::model::Choice::slug(*kind)), &[]);
            tr(lang, "inv-commitment-twice", &[("commitment", Arg::from(&label))])
        }
        Reason::EndReasonNotEnded => tr(lang, "inv-end-reason-not-ended", &[]),
        Reason::AlreadyEnded => tr(lang, "inv-already-ended", &[]),
        Reason::SameSponsor => tr(lang, "inv-same-sponsor", &[]),
        Reason::NoSuchRecord => tr(lang, "inv-no-such-record", &[f]),
        Reason::ExtraCells { cells, columns } => {
            tr(lang, "inv-extra-cells", &[("cells", Arg::from(*cells)), ("columns", Arg::from(*columns))])
        }
        Reason::IdOnLine { line } => tr(lang, "inv-id-on-line", &[("line", Arg::from(*line))]),
        Reason::NotADuplicate => tr(lang, "inv-not-a-duplicate", &[]),
        Reason::Said { id } => tr(lang, id, &[]),
    }
}
