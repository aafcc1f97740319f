//! Printing what the library returns: JSON, `field: value` lines, and the reports of several commands.

use std::io::Write;

use dossier::i18n::{tr, Arg};
use dossier::{Error, Lang};
use serde::Serialize;

pub fn print_json<T: Serialize + ?Sized>(v: &T) {
    let mut out = std::io::stdout().lock();
    let _ = serde_json::to_writer_pretty(&mut out, v);
    let _ = writeln!(out);
}

/// Prints a record as `field: value` lines, from its JSON form.
pub fn print_record<T: Serialize>(r: &T) -> Result<(), Error> {
    let v = serde_json::to_value(r).map_err(|e| Error::Corrupt(e.to_string()))?;
    if let Some(o) = v.as_object() {
        for (k, v) in o {
            let text = match v {
                serde_json::Value::Null => continue,
                serde_json::Value::Array(a) if a.is_empty() => continue,
                serde_json::Value::Object(m) if m.is_empty() => continue,
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            println!("{k}: {text}");
        }
    }
    Ok(())
}

pub fn print_preflight(r: &dossier::documents::Preflight) {
    println!("{}  trim {} x {} mm  bleed {} mm", r.size, r.trim_mm.0, r.trim_mm.1, r.bleed_mm);
    for i in &r.images {
        println!(
            "image {:<28} {} x {} px  {:.0} x {:.0} mm  {:.0} ppi",
            i.what, i.pixels.0, i.pixels.1, i.printed_mm.0, i.printed_mm.1, i.effective_ppi
        );
    }
    println!("fonts {}", r.fonts.join(", "));
    if r.findings.is_empty() {
        println!("ok");
    }
    for f in &r.findings {
        println!("{:<7} {}", f.level.to_uppercase(), f.message);
    }
}

pub fn print_backup(key: &str, info: &dossier::store::BackupInfo, lang: Lang) {
    let path = info.path.display().to_string();
    let args =
        [("path", Arg::from(&path)), ("bytes", Arg::Num(info.bytes as f64)), ("digest", Arg::from(&info.digest))];
    println!("{}", tr(lang, key, &args));
}

/// The import's dry run: the sheets and their columns, then each row with its action, errors and possible
/// duplicates, then the summary.
pub fn print_report(r: &dossier::exchange::ImportReport, lang: Lang) {
    use dossier::exchange::import::{duplicate_text, Action};
    let path = r.file.display().to_string();
    let state = tr(lang, if r.applied { "imp-applied" } else { "imp-dry-run" }, &[]);
    println!("{} ({state})", tr(lang, "imp-title", &[("path", Arg::from(&path))]));
    for sh in &r.sheets {
        let name = sh.sheet.as_ref().map(|s| format!("[{s}] ")).unwrap_or_default();
        let Some(kind) = sh.kind else {
            println!("{name}{}", tr(lang, "imp-sheet-skipped", &[]));
            continue;
        };
        let cols: Vec<String> = sh
            .columns
            .iter()
            .map(|(c, f)| format!("\"{c}\" → {}", f.clone().unwrap_or_else(|| tr(lang, "imp-ignored", &[]))))
            .collect();
        let detected = sh.csv.as_ref().map(|f| format!(" ({})", f.in_words(lang))).unwrap_or_default();
        println!("{name}{}{detected} {} {}", kind.label(lang), tr(lang, "imp-columns", &[]), cols.join(", "));
    }
    for row in &r.rows {
        let action = match row.action {
            Action::Create => "create",
            Action::Update => "update",
            Action::Merge => "merge",
            Action::Skip => "skip",
            Action::Error => "error",
        };
        let id = row.id.map(|i| format!(" ({i})")).unwrap_or_default();
        let changes = if row.changes.is_empty() { String::new() } else { format!(" [{}]", row.changes.join(", ")) };
        println!("{:>6}  {action:<6}  {}{id}{changes}", row.line, row.label);
        for e in &row.errors {
            let col = e.column.as_ref().map(|c| format!("[{c}] ")).unwrap_or_default();
            println!("          {col}{}", e.message);
        }
        if !row.duplicates.is_empty() {
            println!("          {}", duplicate_text(lang, &row.label, &row.duplicates));
        }
    }
    let s = &r.summary;
    let args = [
        ("create", Arg::from(s.create)),
        ("update", Arg::from(s.update)),
        ("skip", Arg::from(s.skip)),
        ("errors", Arg::from(s.errors)),
        ("duplicates", Arg::from(s.duplicates)),
    ];
    println!("{}", tr(lang, "imp-summary", &args));
}
