//! Libertas Dossier's core: the campaign's records, kept in one encrypted SQLite file.
//!
//! The `dossier` command line and the desktop app are two front doors on this library; neither holds logic of its
//! own. See `ARCHITECTURE.md` for the map and the invariants.

pub mod api;
pub mod demo;
pub mod documents;
pub mod error;
pub mod exchange;
pub mod files;
pub mod i18n;
pub mod media;
pub mod model;
pub mod names;
pub mod process;
pub mod recovery;
pub mod share;
pub mod store;

#[cfg(test)]
mod messages_tests;

pub use error::{Error, Result};
pub use i18n::Lang;
pub use store::Dossier;
