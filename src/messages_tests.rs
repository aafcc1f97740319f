//! Every error a user can meet, in each language: French messages hold no English words (and English ones no
//! French), counts take their plural forms, and the app's wording never names a command-line command or flag.
//! The values put into the errors (paths, names, ids) are fictional and neutral in both languages.

use std::path::PathBuf;

use crate::documents::template::{EngineProblem, TemplateLimit, TemplateProblem};
use crate::error::{BackupProblem, Error, ImageProblem, Invalid, Reason};
use crate::exchange::table::{SheetLimit, SpreadsheetProblem};
use crate::i18n::{message_ids, tr, Arg, Door, Lang};
use crate::model::{CommitmentKind, RecordKind};
use crate::recovery::RecoveryError;
use crate::share::ShareError;

#[path = "language_giveaways.rs"]
mod giveaways;
use giveaways::{words, ENGLISH, FRENCH};

fn foreign_words(text: &str, list: &[&str]) -> Vec<String> {
    words(text).into_iter().filter(|w| list.contains(&w.as_str())).collect()
}

fn path() -> PathBuf {
    PathBuf::from("/home/anna/campagne/dossier-2024.ods")
}

fn invalid(field: &str, reason: Reason) -> Error {
    Error::Invalid(Invalid::new(field, reason))
}

/// One error of every variant, and of every variant of what they carry (reasons, problems, limits).
fn every_error() -> Vec<Error> {
    let name = || "fr/agreement.md".to_owned();
    let io = |kind: std::io::ErrorKind| std::io::Error::new(kind, "os says no");
    let mut all = vec![
        Error::WrongPassphrase(path()),
        Error::NoDossier(path()),
        Error::AlreadyExists(path()),
        Error::WeakPassphrase { min: 8 },
        Error::GuessablePassphrase { score: 1, hint: Some("weak-hint-dates"), example: "kayak pomme nuage".into() },
        Error::PassphraseMismatch,
        Error::NotFound { kind: RecordKind::Sponsor, id: "a1b2c3".into() },
        Error::AmbiguousId { id: "a1".into() },
        Error::InUse {
            kind: RecordKind::Sponsor,
            id: "a1b2c3".into(),
            by: vec![(RecordKind::Sponsorship, 2), (RecordKind::Event, 1)],
        },
        Error::Read { path: path(), source: io(std::io::ErrorKind::NotFound) },
        Error::Write { path: path(), source: io(std::io::ErrorKind::Other) },
        Error::DiskFull,
        Error::Corrupt("share key".into()),
        Error::TooNew,
        Error::TemplateLimit { name: name(), line: Some(3), limit: TemplateLimit::Fuel },
        Error::TemplateLimit { name: name(), line: None, limit: TemplateLimit::Output },
        Error::UnknownDirective { name: name(), line: Some(7), directive: "logo".into(), known: "logos, cover".into() },
        Error::UnknownDirective { name: name(), line: None, directive: "logo".into(), known: "logos, cover".into() },
        Error::NoProfile,
        Error::NotPublic { name: "Aram Exemple-Fictif".into() },
        Error::Render("font embedding failed".into()),
        Error::NoSuchChange { seq: 12 },
        Error::NothingToRestore { seq: 12 },
        Error::Io("disk I/O error".into()),
        Error::Db(rusqlite::Error::QueryReturnedNoRows),
        Error::IdTaken { kind: RecordKind::Detainee, id: "a1b2c3".into() },
        Error::NotInBin { id: "4".into() },
        Error::BinOrphan { kind: RecordKind::Sponsorship, label: "Aram Exemple-Fictif".into() },
        Error::ImportRefused { path: path(), errors: 2, duplicates: 1, problems: vec![] },
        Error::NotEmpty(path()),
        Error::Cancelled,
        Error::FolderNotEmpty(path()),
        Error::NoCeremony { date: true, place: true },
        Error::NoCeremony { date: false, place: true },
        Error::SealedExport(path()),
        Error::WrongExportPassphrase(path()),
        Error::SheetTooLarge { path: path(), sheet: Some("Feuil1".into()), limit: SheetLimit::Cells },
        Error::OldWorkbook(path()),
        Error::ExportTooLarge { path: path(), max: 2 << 30 },
        Error::ExportMediaTooLarge { path: path(), id: "a1b2c3".into(), bytes: 30_000_000, max: 25_000_000 },
    ];
    for kind in [
        std::io::ErrorKind::PermissionDenied,
        std::io::ErrorKind::AlreadyExists,
        std::io::ErrorKind::IsADirectory,
        std::io::ErrorKind::NotADirectory,
        std::io::ErrorKind::ReadOnlyFilesystem,
        std::io::ErrorKind::InvalidData,
        std::io::ErrorKind::FileTooLarge,
        std::io::ErrorKind::ResourceBusy,
        std::io::ErrorKind::InvalidFilename,
        std::io::ErrorKind::Other,
    ] {
        all.push(Error::Read { path: path(), source: io(kind) });
    }
    for reason in [
        Reason::Empty,
        Reason::TooLong { max: 200 },
        Reason::Unknown { value: "pov".into(), allowed: "pow, civilian".into() },
        Reason::BadDate { value: "2024-13".into() },
        Reason::CaptureBeforeBirth,
        Reason::InFuture,
        Reason::BadNumber { value: "dix".into() },
        Reason::BadEmail,
        Reason::PlainName,
        Reason::NoSuchField { known: "name, born".into() },
        Reason::BadValue { value: "[1, 2".into() },
        Reason::BadCrop,
        Reason::CommitmentTwice { kind: CommitmentKind::Banner },
        Reason::EndReasonNotEnded,
        Reason::AlreadyEnded,
        Reason::SameSponsor,
        Reason::NoSuchRecord,
        Reason::ExtraCells { cells: 5, columns: 4 },
        Reason::IdOnLine { line: 3 },
        Reason::NotADuplicate,
        Reason::Said { id: "cli-no-passphrase" },
    ] {
        all.push(invalid("captured", reason));
    }
    for problem in [
        ImageProblem::NotAnImage,
        ImageProblem::UnsupportedFormat,
        ImageProblem::TooLarge { bytes: 30_000_000, max: 25_000_000 },
        ImageProblem::TooManyPixels { width: 9000, height: 9000, max_mp: 50 },
        ImageProblem::Corrupt,
    ] {
        all.push(Error::Image { path: path(), problem });
    }
    let engine = |kind| TemplateProblem::Engine { kind, detail: Some("syntax error (unexpected end)".into()) };
    for problem in [
        TemplateProblem::NoHeader,
        TemplateProblem::HeaderNotClosed,
        TemplateProblem::Toml { detail: "invalid string".into() },
        TemplateProblem::BadPage { page: "a3".into() },
        TemplateProblem::BadMargins,
        TemplateProblem::UnknownTemplate { known: "fr/agreement.md, en/agreement.md".into() },
        engine(EngineProblem::Syntax),
        engine(EngineProblem::Undefined),
        engine(EngineProblem::UnknownFilter),
        engine(EngineProblem::UnknownTest),
        engine(EngineProblem::UnknownFunction),
        engine(EngineProblem::UnknownMethod),
        engine(EngineProblem::InvalidOperation),
        engine(EngineProblem::Arguments),
        engine(EngineProblem::CannotUnpack),
        engine(EngineProblem::Include),
        engine(EngineProblem::Other),
        TemplateProblem::Markdown { detail: "unknown image".into() },
        TemplateProblem::CardWithoutId,
        TemplateProblem::NoPublicDetainee { id: "a1b2c3".into() },
        TemplateProblem::ZoneOutside { zone: "photo".into() },
        TemplateProblem::UnknownColour { zone: "band".into(), colour: "rouge".into() },
        TemplateProblem::FontSizes { zone: "nom".into() },
        TemplateProblem::BadAlign { zone: "nom".into() },
        TemplateProblem::BadCmyk { colour: "rouge".into() },
        TemplateProblem::BadRgb { colour: "rouge".into() },
    ] {
        all.push(Error::Template { name: name(), line: Some(4), problem: problem.clone() });
        all.push(Error::Template { name: name(), line: None, problem });
    }
    for problem in [
        BackupProblem::CopyDiffers,
        BackupProblem::DiffersFromDossier,
        BackupProblem::Damaged { count: 1, detail: "page 3 is never used".into() },
        BackupProblem::Damaged { count: 3, detail: "row missing from index".into() },
        BackupProblem::NotADossier,
        BackupProblem::Unreadable { detail: "file is not a database".into() },
    ] {
        all.push(Error::BadBackup { path: path(), problem });
    }
    let sheet = Some("Feuil1".to_owned());
    for problem in [
        SpreadsheetProblem::NotText,
        SpreadsheetProblem::Empty,
        SpreadsheetProblem::CsvLine { line: 4, detail: "invalid UTF-8".into() },
        SpreadsheetProblem::NoFilledSheet,
        SpreadsheetProblem::Unreadable { detail: "invalid zip header".into() },
        SpreadsheetProblem::NoSuchColumn { column: "Nom".into(), found: "Prénom, Ville".into() },
        SpreadsheetProblem::UnknownKind { sheet: sheet.clone() },
        SpreadsheetProblem::UnknownKind { sheet: None },
        SpreadsheetProblem::SameField { first: "Nom".into(), second: "Nom complet".into(), field: "name".into() },
        SpreadsheetProblem::NoNameColumn { sheet: sheet.clone(), found: "Prénom, Ville".into() },
        SpreadsheetProblem::NotAnExport { detail: "expected value at line 1".into() },
        SpreadsheetProblem::OtherFormat,
        SpreadsheetProblem::NewerExport { version: 3, max: 1 },
        SpreadsheetProblem::BadMedia { id: "a1b2c3".into(), detail: "invalid byte".into() },
        SpreadsheetProblem::DamagedSeal { detail: "header is invalid".into() },
    ] {
        all.push(Error::Spreadsheet { path: path(), problem });
    }
    for limit in [
        SheetLimit::Rows { row: 200_000 },
        SheetLimit::Columns { column: 300 },
        SheetLimit::Cells,
        SheetLimit::File { bytes: 90_000_000 },
        SheetLimit::Unpacked { part: "xl/sharedStrings.xml".into() },
    ] {
        all.push(Error::SheetTooLarge { path: path(), sheet: None, limit });
    }
    for e in [
        ShareError::NotShared,
        ShareError::AlreadyShared,
        ShareError::WrongCode,
        ShareError::NotAnInvitation,
        ShareError::NoSuchDevice("a1b2".into()),
        ShareError::NoSuchConflict("c3d4".into()),
        ShareError::BadPick { pick: 4, count: 2 },
        ShareError::CannotRevokeSelf,
        ShareError::NotTypeable,
    ] {
        all.push(Error::Share(e));
    }
    for e in [
        RecoveryError::UnknownWord { position: 3, word: "pomme".into() },
        RecoveryError::WordCount { found: 34, expected: 35 },
        RecoveryError::Checksum,
        RecoveryError::Version,
        RecoveryError::Malformed,
        RecoveryError::NoShares,
        RecoveryError::NotEnough { given: 1, needed: 2 },
        RecoveryError::SameSheetTwice { number: 2 },
        RecoveryError::MixedSets,
        RecoveryError::OtherSet,
        RecoveryError::OtherDossier,
        RecoveryError::WrongShares,
        RecoveryError::NoFile(path()),
        RecoveryError::BadFile(path()),
        RecoveryError::Stale,
        RecoveryError::NotSetUp,
        RecoveryError::BadCounts { shares: 3, threshold: 4 },
        RecoveryError::NamesCount { names: 1, shares: 3 },
    ] {
        all.push(Error::Recovery(e));
    }
    // Fails to compile when a variant is added: add it to the list above (and give it messages in both languages).
    for e in &all {
        match e {
            Error::WrongPassphrase(_)
            | Error::NoDossier(_)
            | Error::AlreadyExists(_)
            | Error::WeakPassphrase { .. }
            | Error::GuessablePassphrase { .. }
            | Error::PassphraseMismatch
            | Error::NotFound { .. }
            | Error::AmbiguousId { .. }
            | Error::InUse { .. }
            | Error::Invalid(_)
            | Error::Image { .. }
            | Error::Read { .. }
            | Error::Write { .. }
            | Error::DiskFull
            | Error::Corrupt(_)
            | Error::TooNew
            | Error::Template { .. }
            | Error::TemplateLimit { .. }
            | Error::UnknownDirective { .. }
            | Error::NoProfile
            | Error::NotPublic { .. }
            | Error::Render(_)
            | Error::BadBackup { .. }
            | Error::NoSuchChange { .. }
            | Error::NothingToRestore { .. }
            | Error::Io(_)
            | Error::Db(_)
            | Error::IdTaken { .. }
            | Error::NotInBin { .. }
            | Error::BinOrphan { .. }
            | Error::Spreadsheet { .. }
            | Error::ImportRefused { .. }
            | Error::NotEmpty(_)
            | Error::Cancelled
            | Error::FolderNotEmpty(_)
            | Error::NoCeremony { .. }
            | Error::SealedExport(_)
            | Error::WrongExportPassphrase(_)
            | Error::SheetTooLarge { .. }
            | Error::OldWorkbook(_)
            | Error::ExportTooLarge { .. }
            | Error::ExportMediaTooLarge { .. }
            | Error::Share(_)
            | Error::Recovery(_) => {}
        }
    }
    all
}

/// Regression: CI failed on a French refusal naming the sponsor `63d25d2a-0e8f-4c01-be62-6cfaaba4e871`, whose
/// letters `be` were read as an English word; a listed word is spelt so by about one random record id in
/// eighteen (5.7 % of 200,000 drawn).
#[test]
fn record_ids_numbers_and_dates_are_not_words_but_the_sentence_around_them_is() {
    let text =
        "Impossible de supprimer Parrain 63d25d2a-0e8f-4c01-be62-6cfaaba4e871 : the 2 parrainages du 2026-11-27.";
    assert_eq!(words(text), ["impossible", "de", "supprimer", "parrain", "the", "parrainages", "du"]);
    assert_eq!(foreign_words(text, ENGLISH), ["the"]);
}

#[test]
fn french_messages_hold_no_english_and_english_ones_no_french() {
    let mut bad = vec![];
    for e in every_error() {
        for door in [Door::Cli, Door::App] {
            let fr = e.message_for(Lang::Fr, door);
            let en = e.message_for(Lang::En, door);
            for (lang, text, list) in [("fr", &fr, ENGLISH), ("en", &en, FRENCH)] {
                let found = foreign_words(text, list);
                if !found.is_empty() {
                    bad.push(format!("{} [{lang}, {door:?}] {found:?}: {text}", e.code()));
                }
                // A message id shown instead of its text, or an argument left out.
                if text.contains("{ $") || text.contains("{$") || text.starts_with("err-") || text.contains("-app") {
                    bad.push(format!("{} [{lang}, {door:?}] unfinished: {text}", e.code()));
                }
            }
            assert_ne!(fr, en, "{}: the same text in both languages", e.code());
        }
    }
    assert!(bad.is_empty(), "{} messages in the wrong language:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn the_technical_detail_stays_out_of_the_message() {
    let e = Error::Corrupt("share: no change after commit".into());
    assert_eq!(e.technical().as_deref(), Some("share: no change after commit"));
    assert!(!e.message(Lang::Fr).contains("commit"));
    let e = Error::Template {
        name: "fr/agreement.md".into(),
        line: Some(9),
        problem: TemplateProblem::Engine {
            kind: EngineProblem::Syntax,
            detail: Some("syntax error (unexpected end of input)".into()),
        },
    };
    let fr = e.message(Lang::Fr);
    assert!(fr.contains("ligne 9") && !fr.contains("syntax"), "{fr}");
    assert!(e.message(Lang::En).contains("line 9"));
    assert!(e.technical().unwrap().contains("unexpected end"));
    // A refusal the system explains in words of ours needs none of its own.
    let missing = Error::Read { path: path(), source: std::io::ErrorKind::PermissionDenied.into() };
    assert_eq!(missing.technical(), None);
    assert!(missing.message(Lang::Fr).contains("accès est refusé"), "{}", missing.message(Lang::Fr));
}

#[test]
fn counts_take_their_plural_forms() {
    let in_use = |by| Error::InUse { kind: RecordKind::Sponsor, id: "a1".into(), by };
    let one = in_use(vec![(RecordKind::Sponsorship, 1)]);
    let two = in_use(vec![(RecordKind::Sponsorship, 2), (RecordKind::Event, 1)]);
    assert!(one.message(Lang::Fr).contains("par 1 parrainage."), "{}", one.message(Lang::Fr));
    assert!(two.message(Lang::Fr).contains("2 parrainages, 1 événement."), "{}", two.message(Lang::Fr));
    assert!(one.message(Lang::En).contains("by 1 sponsorship."), "{}", one.message(Lang::En));
    assert!(two.message(Lang::En).contains("2 sponsorships, 1 event."), "{}", two.message(Lang::En));

    let refused = |errors, duplicates| Error::ImportRefused { path: path(), errors, duplicates, problems: vec![] };
    let (a, b) = (refused(1, 1).message(Lang::Fr), refused(3, 2).message(Lang::Fr));
    assert!(a.contains("1 ligne en erreur, 1 doublon possible."), "{a}");
    assert!(b.contains("3 lignes en erreur, 2 doublons possibles."), "{b}");
    let (a, b) = (refused(1, 0).message(Lang::En), refused(3, 2).message(Lang::En));
    assert!(a.contains("1 row with errors, 0 possible duplicates."), "{a}");
    assert!(b.contains("3 rows with errors, 2 possible duplicates."), "{b}");

    let damaged =
        |count| Error::BadBackup { path: path(), problem: BackupProblem::Damaged { count, detail: "".into() } };
    assert!(damaged(1).message(Lang::Fr).contains("trouvé 1 problème)"));
    assert!(damaged(4).message(Lang::Fr).contains("trouvé 4 problèmes)"));
    assert!(damaged(1).message(Lang::En).contains("found 1 problem)"));
    assert!(damaged(4).message(Lang::En).contains("found 4 problems)"));

    let cells = |cells, columns| invalid("row", Reason::ExtraCells { cells, columns }).message(Lang::En);
    assert!(cells(2, 1).contains("2 cells, more than the 1 column of the header"), "{}", cells(2, 1));
    assert!(cells(5, 4).contains("5 cells, more than the 4 columns"), "{}", cells(5, 4));

    let n = |id: &str, lang, n: usize| tr(lang, id, &[("n", Arg::from(n))]);
    assert_eq!(n("doc-days-held", Lang::Fr, 1), "1 jour de détention");
    assert_eq!(n("doc-days-held", Lang::Fr, 800), "800 jours de détention");
    assert_eq!(n("doc-days-held", Lang::En, 1), "1 day in detention");
    assert_eq!(n("doc-years", Lang::En, 12), "12 years");
    assert_eq!(n("doc-years", Lang::Fr, 1), "1 an");
}

/// The command line keeps its hints; the app gets the same sentence without them.
#[test]
fn the_app_never_reads_a_command_line_hint() {
    let named = |text: &str| {
        text.match_indices("--").any(|(i, _)| text[i + 2..].starts_with(|c: char| c.is_ascii_alphabetic()))
            || ["dossier ", "share ", "recovery ", "bin "]
                .iter()
                .any(|c| text.contains(&format!("\"{c}")) || text.contains(&format!("« {c}")))
    };
    let mut cli_hints = 0;
    for e in every_error() {
        for lang in Lang::ALL {
            let app = e.message_for(lang, Door::App);
            assert!(!named(&app), "{}: the app would show a command-line hint: {app}", e.code());
            cli_hints += usize::from(named(&e.message(lang)));
        }
    }
    assert!(cli_hints >= 10, "the command line lost its hints ({cli_hints})");
    let e = Error::NoDossier(path());
    assert!(e.message(Lang::Fr).contains("« dossier init »"));
    assert!(!e.message_for(Lang::Fr, Door::App).contains("init"));
    // The door is put back afterwards, on this thread.
    assert!(e.message(Lang::En).contains("\"dossier init\""));

    // Every app wording has the message it stands in for, in both languages, and names no command either.
    for lang in Lang::ALL {
        let ids = message_ids(lang);
        for id in ids.iter().filter(|id| id.ends_with("-app")) {
            let base = id.trim_end_matches("-app");
            assert!(ids.iter().any(|i| i == base), "{id} stands in for no message");
            let text = crate::i18n::for_door(Door::App, || tr(lang, base, &[]));
            assert!(!named(&text), "{id}: {text}");
        }
    }
}

#[test]
fn both_languages_define_the_same_messages() {
    let mut fr = message_ids(Lang::Fr);
    let mut en = message_ids(Lang::En);
    fr.sort();
    en.sort();
    let only_fr: Vec<_> = fr.iter().filter(|i| !en.contains(i)).collect();
    let only_en: Vec<_> = en.iter().filter(|i| !fr.contains(i)).collect();
    assert!(only_fr.is_empty() && only_en.is_empty(), "only in French: {only_fr:?}; only in English: {only_en:?}");
    let mut dedup = fr.clone();
    dedup.dedup();
    assert_eq!(dedup.len(), fr.len(), "a message id is defined twice");
}

/// The fields validation names have a label in each language (else the raw field name, an English word, shows).
#[test]
fn validated_fields_have_labels() {
    let fields = [
        "name",
        "name_hy",
        "born",
        "captured",
        "category",
        "status",
        "sex",
        "phone",
        "email",
        "kind",
        "stage",
        "commitments",
        "commitments.note",
        "signatory",
        "signatory_title",
        "title",
        "body",
        "end_reason",
        "successor_id",
        "detainee_id",
        "sponsor_id",
        "crop",
        "orientation",
        "caption",
        "credit",
        "public",
        "consent",
        "passphrase",
        "ceremony.date",
        "ceremony.place",
        "ceremony.press",
        "actions.summary",
        "icrc.visits",
        "sentence_years",
        "address",
        "bio_en",
        "bio_fr",
        "birth_place",
        "capture_place",
        "campaign_url",
        "city",
        "country",
        "website",
        "role",
        "rank",
        "unit",
        "relation",
        "note",
        "notes",
        "place",
        "reference",
        "description",
        "circumstances",
        "contacts.name",
        "contacts.email",
        "contacts.phone",
        "contacts.role",
        "court_applications.court",
        "court_applications.status",
        "court_applications.reference",
        "court_applications.note",
        "members.name",
        "members.city",
        "members.description_fr",
        "members.description_en",
        "situation.court",
        "situation.note",
        "author",
        "id",
        "row",
        "lang",
        "size",
        "sponsored",
        "commitment_status",
        "date",
    ];
    let tables = RecordKind::ALL.map(RecordKind::table);
    for lang in Lang::ALL {
        let ids = message_ids(lang);
        for field in fields.iter().chain(tables.iter()) {
            let id = format!("field-{}", field.replace(['_', '.'], "-"));
            assert!(ids.contains(&id), "no {lang:?} label for the field {field} ({id})");
        }
    }
    assert_eq!(crate::error::field_label(Lang::Fr, "captured"), "date de capture");
    assert_eq!(crate::error::field_label(Lang::Fr, "not_a_field"), "not_a_field");
}
