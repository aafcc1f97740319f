//! The collective's own profile: field edits as the command line writes them, and its logos.

use std::path::Path;

use uuid::Uuid;

use super::records::{import_logo, insert_logo};
use crate::error::{Error, Result};
use crate::model::Profile;
use crate::Dossier;

/// Applies `FIELD=VALUE` edits to the profile (an empty one when none exists yet) and saves it. Besides the
/// profile's own fields: `signatory` and `signatory_title` (the person who signs), `cities` (comma-separated).
pub fn edit_profile(d: &mut Dossier, sets: &[(String, String)]) -> Result<()> {
    let mut p = d.profile()?.map(|p| p.data).unwrap_or_default();
    for (k, v) in sets {
        match k.as_str() {
            "signatory" | "signatory_title" => {
                let s = p.signatory.get_or_insert_with(Default::default);
                if k == "signatory" {
                    s.name = v.clone()
                } else {
                    s.title = Some(v.clone())
                }
            }
            "cities" => p.cities = v.split(',').map(|c| c.trim().to_owned()).collect(),
            _ => crate::store::apply_sets(&mut p, std::slice::from_ref(&(k.clone(), v.clone())))?,
        }
    }
    d.set_profile(p)?;
    Ok(())
}

/// What [`add_profile_logo`] does when the collective has no profile yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfNoProfile {
    /// Refuse with [`Error::NoProfile`] (the command line: fill the profile first).
    Refuse,
    /// Start an empty profile holding the logo (the app's settings screen).
    Create,
}

/// Adds a logo of the collective from an image file, in one transaction: the logo is stored and the profile lists
/// it, or neither happens. Returns the new logo's id.
pub fn add_profile_logo(d: &mut Dossier, path: &Path, if_none: IfNoProfile) -> Result<Uuid> {
    let existing = d.profile()?;
    if existing.is_none() && if_none == IfNoProfile::Refuse {
        return Err(Error::NoProfile);
    }
    let img = import_logo(path)?;
    d.transaction(|tx| {
        let logo = insert_logo(tx, &img)?;
        match existing {
            Some(p) => {
                let mut data: Profile = p.data;
                data.logo_ids.push(logo);
                tx.update(p.id, data)?;
            }
            None => {
                let mut data = Profile::default();
                data.logo_ids.push(logo);
                tx.insert(data)?;
            }
        }
        Ok(logo)
    })
}
