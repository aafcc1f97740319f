//! The rules the front doors must agree on, each written once. The UI receives their results or their limits
//! (through `app_info`'s [`Limits`], or a field computed here) instead of deciding them again.
//!
//! Rules about one record kind live beside it and are called from here and everywhere else: `Stage::is_live`
//! (what counts as an active sponsorship) and `Stage::takes_the_banner` in `model/sponsorship.rs`; the passphrase
//! rule in `store/strength.rs`.

use serde::Serialize;

/// The limits the UI checks before asking, taken from the core so the two never disagree.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Limits {
    /// The shortest passphrase the core accepts (creating a dossier, changing its passphrase).
    pub min_passphrase: u32,
    /// The lowest strength score (0 to 4) the core accepts for a new passphrase (see `passphrase_strength`).
    pub min_passphrase_score: u8,
    /// The bleed a banner gets unless the user asks otherwise.
    pub default_bleed_mm: f32,
    /// The largest bleed the core accepts (a print shop asks for 3 to 20 mm).
    pub max_bleed_mm: f32,
}

impl Limits {
    pub const CORE: Limits = Limits {
        min_passphrase: crate::store::MIN_PASSPHRASE as u32,
        min_passphrase_score: crate::store::strength::MIN_SCORE,
        default_bleed_mm: crate::documents::banner::DEFAULT_BLEED_MM,
        max_bleed_mm: crate::documents::banner::MAX_BLEED_MM,
    };
}
