//! The one error type that crosses the IPC boundary: a stable `code` the UI may match on, and a `message` already
//! translated into the user's language, to be shown as text.

use dossier::i18n::Door;
use dossier::Lang;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct IpcError {
    pub code: String,
    pub message: String,
    /// For a template error: the line of the template it points at (the editor marks it), never parsed from the
    /// message.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub line: Option<usize>,
}

impl IpcError {
    /// An error of the shell itself (not of the core), with its message from the shared Fluent files.
    pub fn shell(code: &str, lang: Lang) -> IpcError {
        IpcError {
            code: code.to_owned(),
            message: dossier::i18n::tr(lang, &format!("app-error-{code}"), &[]),
            line: None,
        }
    }

    /// A core error, worded for the app: never a command-line flag or command (`Door::App`).
    pub fn core(e: dossier::Error, lang: Lang) -> IpcError {
        IpcError { code: e.code().to_owned(), message: e.message_for(lang, Door::App), line: e.line() }
    }
}

pub type IpcResult<T> = Result<T, IpcError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_are_worded_for_the_app_not_the_command_line() {
        let e = || dossier::Error::NoDossier("/tmp/x.dossier".into());
        let cli = e().message(Lang::Fr);
        let app = IpcError::core(e(), Lang::Fr);
        assert_eq!(app.code, "no_dossier");
        assert!(cli.contains("dossier init"), "{cli}");
        assert!(!app.message.contains("dossier init") && !app.message.contains("--"), "{}", app.message);
        assert!(app.message.contains("/tmp/x.dossier"), "{}", app.message);
    }
}
