//! The writing workload of the crash-safety harness (`tests/crash.rs`, `scripts/soak`): not for users.

use std::io::Write;
use std::path::Path;

use super::Dossier;
use crate::error::Result;
use crate::model::{Category, Contact, Detainee};

/// Opens the dossier and commits records in a loop, forever or for `count` rounds: each round inserts a detainee
/// and a family contact in one transaction, and every third round also edits an earlier detainee. After each
/// commit returns, the detainee's id is written to `out` on its own line and flushed: a line is an
/// acknowledgement that the change is durable.
#[doc(hidden)]
pub fn crash_workload(path: &Path, passphrase: &str, count: Option<u64>, out: &mut dyn Write) -> Result<()> {
    let mut d = Dossier::open(path, passphrase)?;
    let mut last = None;
    let mut n: u64 = 0;
    while count.is_none_or(|c| n < c) {
        n += 1;
        let id = d.transaction(|tx| {
            let mut p = Detainee::new(format!("Crash Workload {n}"), Category::Civilian);
            p.bio_en = Some(format!("Round {n}: ").repeat(40));
            let p = tx.insert(p)?;
            tx.insert(Contact {
                detainee_id: p.id,
                name: format!("Contact {n}"),
                relation: None,
                phone: Some(format!("+000 {n}")),
                email: None,
                address: None,
                languages: vec![],
                notes: None,
            })?;
            Ok(p.id)
        })?;
        if n.is_multiple_of(3) {
            if let Some(prev) = last {
                let mut p = d.get::<Detainee>(prev)?.data;
                p.role = Some(format!("edited in round {n}"));
                d.update(prev, p)?;
            }
        }
        last = Some(id);
        // Acknowledge only after the commit returned; a failed write to `out` (reader gone) ends the loop.
        if writeln!(out, "{id}").and_then(|_| out.flush()).is_err() {
            break;
        }
    }
    Ok(())
}
