//! The rules the front doors must agree on, each written once. The UI receives their results or their limits
//! (through `app_info`'s [`Limits`], or a field computed here) instead of deciding them again.
//!
//! `Stage::is_live` and `Stage::takes_the_banner` are inherent methods of the model's `Stage`, written here while
//! `src/model/` is being reorganised; they belong beside `Stage` in `model/sponsorship.rs` and can move there
//! without changing a caller.

use serde::Serialize;

use crate::model::Stage;

impl Stage {
    /// A sponsorship that has not ended: it counts as sponsoring (detainee list, dashboard, sponsor rows, the batch
    /// of banners). The store's `sponsored` filter says the same in SQL (`stage <> 'ended'`).
    pub const fn is_live(self) -> bool {
        !matches!(self, Stage::Ended)
    }

    /// A sponsorship whose sponsor a banner names unless told otherwise: agreed, signed or active (see
    /// [`crate::api::banner_sponsor`]).
    pub const fn takes_the_banner(self) -> bool {
        matches!(self, Stage::Agreed | Stage::Signed | Stage::Active)
    }
}

/// The limits the UI checks before asking, taken from the core so the two never disagree.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Limits {
    /// The shortest passphrase the core accepts (creating a dossier, changing its passphrase).
    pub min_passphrase: u32,
    /// The bleed a banner gets unless the user asks otherwise.
    pub default_bleed_mm: f32,
    /// The largest bleed the core accepts (a print shop asks for 3 to 20 mm).
    pub max_bleed_mm: f32,
}

impl Limits {
    pub const CORE: Limits = Limits {
        min_passphrase: crate::store::MIN_PASSPHRASE as u32,
        default_bleed_mm: crate::documents::banner::DEFAULT_BLEED_MM,
        max_bleed_mm: crate::documents::banner::MAX_BLEED_MM,
    };
}
