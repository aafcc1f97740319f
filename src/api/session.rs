//! Opening a dossier's door: creating one under a new passphrase typed twice, changing its passphrase, and how
//! strong a passphrase being typed is. The front doors collect the passphrases (a prompt, a form); the checks are
//! here.

use std::path::Path;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::store::strength::{self, Strength};
use crate::store::PassphraseChange;
use crate::Dossier;

/// Creates a new dossier at `path` under `passphrase`, typed twice (`confirm`). Refuses an existing file, two
/// different entries and a passphrase that is easy to guess; creates the folder.
pub fn create_dossier(path: &Path, passphrase: &str, confirm: &str) -> Result<Dossier> {
    if passphrase != confirm {
        return Err(Error::PassphraseMismatch);
    }
    if path.exists() {
        return Err(Error::AlreadyExists(path.to_owned()));
    }
    Dossier::create(path, passphrase)
}

/// Re-encrypts the dossier under `new`, typed twice, after proving `current` (see [`Dossier::change_passphrase`]).
pub fn change_passphrase(d: &mut Dossier, current: &str, new: &str, confirm: &str) -> Result<PassphraseChange> {
    if new != confirm {
        return Err(Error::PassphraseMismatch);
    }
    d.change_passphrase(current, new)
}

/// How strong `passphrase` would be as the passphrase of the dossier at `path` (whose file name and user count
/// against it), with advice in `lang`. What the core accepts is exactly what this calls acceptable.
pub fn passphrase_strength(passphrase: &str, path: &Path, lang: Lang) -> Strength {
    strength::strength(passphrase, &crate::store::strength_context(path), lang)
}

/// Reopens the dossier at `path`, whose passphrase is lost, with enough recovery sheets (`shares`: their text or
/// words), under a new passphrase typed twice; then opens it under that passphrase. Any refusal changes nothing.
pub fn recover_dossier(
    path: &Path,
    shares: &[String],
    new: &str,
    confirm: &str,
) -> Result<(Dossier, super::RecoveryOpened)> {
    if new != confirm {
        return Err(Error::PassphraseMismatch);
    }
    let opened = super::open_with_recovery(path, shares, new)?;
    Ok((Dossier::open(path, new)?, opened))
}
