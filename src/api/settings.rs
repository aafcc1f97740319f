//! Settings kept inside the dossier that the app edits: auto-lock delay and backup rotation.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::Dossier;

/// Default idle delay before the dossier locks itself.
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 10;
/// The setting (kept inside the encrypted dossier) for the idle delay.
pub const AUTO_LOCK_SETTING: &str = "app.auto_lock_minutes";

/// Settings kept inside the dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Settings {
    /// 0 turns auto-lock off.
    pub auto_lock_minutes: u32,
    pub backup_keep: u32,
    pub backup_dir: String,
}

impl Settings {
    /// Auto-lock at most a day; between 1 and 1,000 automatic backups kept.
    pub fn within_limits(&self) -> bool {
        self.auto_lock_minutes <= 24 * 60 && (1..=1000).contains(&self.backup_keep)
    }
}

/// The idle delay stored in the dossier, or the default.
pub fn auto_lock_minutes(d: &Dossier) -> Result<u32> {
    Ok(d.setting(AUTO_LOCK_SETTING)?.and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_AUTO_LOCK_MINUTES))
}

pub fn settings(d: &Dossier) -> Result<Settings> {
    Ok(Settings {
        auto_lock_minutes: auto_lock_minutes(d)?,
        backup_keep: d.backup_keep()? as u32,
        backup_dir: d.backup_dir().display().to_string(),
    })
}

/// Stores the auto-lock delay and the number of automatic backups kept (`backup_dir` is not editable). The caller
/// checks [`Settings::within_limits`] first.
pub fn save_settings(d: &mut Dossier, s: &Settings) -> Result<()> {
    d.set_setting(AUTO_LOCK_SETTING, &s.auto_lock_minutes.to_string())?;
    d.set_backup_keep(s.backup_keep as usize)
}
