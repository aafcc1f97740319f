//! Declares the app's commands to Tauri's capability system. Without an `AppManifest` listing them, every custom
//! command would be callable from the webview whatever the capability files say; with it, each command gets an
//! `allow-<name>` permission and only those granted in `capabilities/main.json` can be invoked. A test
//! (`bindings::tests::manifest_lists_every_command`) keeps this list complete.

const COMMANDS: &[&str] = &[
    "app_info",
    "app_ready",
    "set_lang",
    "activity",
    "choose_new_location",
    "choose_existing",
    "dossier_create",
    "dossier_unlock",
    "dossier_lock",
    "dashboard",
    "detainee_rows",
    "search",
    "detainee_page",
    "detainee_get",
    "sponsor_rows",
    "sponsor_get",
    "sponsorships",
    "press_releases",
    "record_save",
    "record_delete",
    "sponsorship_handover",
    "history",
    "history_restore",
    "photo_import",
    "photo_import_dropped",
    "media_edit",
    "sponsor_logo_import",
    "profile_logo_import",
    "profile_get",
    "profile_save",
    "settings_get",
    "settings_save",
    "passphrase_change",
    "passphrase_strength",
    "recovery_status",
    "recovery_create",
    "recovery_read_share",
    "recovery_share_file",
    "recovery_open",
    "backup_now",
    "dossier_check",
    "document_generate",
    "banner_sponsor",
    "document_save",
    "document_open",
    "banners_batch",
    "job_cancel",
    "press_release_preview",
    "templates_list",
    "template_get",
    "template_preview",
    "template_save",
    "template_reset",
    "load_sample",
    "document_bytes",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script failed");
}
