//! One API for every front door: each use case the `dossier` command line or the desktop app offers beyond a single
//! record read or write is one function here, called by both (GitButler's `but-api` is the model). It knows nothing
//! of Tauri, of the webview or of the terminal: the CLI in `src/bin/dossier/` parses and prints around these
//! calls, the shell in `src-tauri` forwards to them in a few lines each, so everything here is tested without a
//! window (`tests/app.rs`) or a process (`tests/cli.rs`).
//!
//! A module per area: [`backups`] (automatic backups listed, verified, restored; a backup where the user
//! chooses, with its recovery file), [`exchange`] (the import wizard's steps, every export), [`dashboard`], [`detainees`] (list rows, record page), [`sponsors`] (sponsor rows, the
//! sponsorship board, handover, logos), [`records`] (any-record writes, photo edits), [`profile`], [`templates`]
//! (template folders), [`recovery`] (recovery sheets), [`documents`] (one request type for every document, file
//! names, the banner's sponsor), [`kit`] (a signing ceremony's documents in one folder), [`settings`], [`share`] (one dossier for several offices: status, invitations,
//! syncs, the conflicts inbox), [`session`] (creating a dossier, its passphrase and how strong one
//! is) and [`rules`] (the limits the UI shows, so it never re-decides them).
//!
//! Types here are the IPC vocabulary: with the `ts` feature they derive TypeScript declarations (ts-rs), which
//! `src-tauri` writes to `ui/src/lib/generated/`. Everything is re-exported at this level (`api::dashboard(..)`,
//! `api::DetaineePage`).

pub mod backups;
pub mod dashboard;
pub mod detainees;
pub mod documents;
pub mod exchange;
pub mod kit;
pub mod profile;
pub mod records;
pub mod recovery;
pub mod rules;
pub mod search;
pub mod session;
pub mod settings;
pub mod share;
pub mod sponsors;
pub mod templates;

pub use backups::{backup_to, backups, restore_backup, verify_backup, BackupCopy, BackupEntry};
pub use dashboard::{
    dashboard, CountOf, Dashboard, PersonRef, Upcoming, UpcomingKind, DASHBOARD_LIST_MAX, ICRC_ALERT_DAYS,
};
pub use detainees::{detainee_page, detainee_rows, DetaineePage, DetaineeRow, ListFilter, RowPage, MAX_PAGE};
pub use documents::{
    banner_file_name, banner_sponsor, card_file_name, pdf_file_name, render, render_card, sponsored_detainees,
    CardRequest, DocRequest, Rendered, RenderedCard,
};
pub use exchange::{
    export, import_apply, import_file, import_json, import_preview, ExistingRecord, ExportFormat, ExportRequest,
    Exported, ImportFile, ImportPreview, ImportRequest,
};
pub use kit::{ceremony_kit, sponsor_langs, CeremonyKit, KitPreflight, KitRequest, KIT_BANNER_SIZE};
pub use profile::{add_profile_logo, edit_profile, IfNoProfile};
pub use records::{delete, edit_media, save, AnyRecord, DeletableKind, MediaEdit};
pub use recovery::{
    check_recovery_shares, create_recovery_sheets, open_with_recovery, read_share, recovery_status, RecoveryOpened,
    RecoverySheets, RecoverySheetsRequest, RecoveryStatus, ShareInfo, SheetFiles,
};
pub use rules::Limits;
pub use search::search_all;
pub use session::{change_passphrase, create_dossier, passphrase_strength, recover_dossier};
pub use settings::{save_settings, settings, Settings, AUTO_LOCK_SETTING, DEFAULT_AUTO_LOCK_MINUTES};
pub use share::{
    conflict_entries, share_status, ConflictEntry, Resolution, ShareStatus, SyncSummary, AUTO_SYNC_MINUTES,
};
pub use sponsors::{
    add_sponsor, handover, set_sponsor_logo, sponsor_rows, sponsorship_cards, SponsorRow, SponsorshipCard,
};
pub use templates::{check_templates, export_templates, import_templates};
