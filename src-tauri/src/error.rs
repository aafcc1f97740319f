//! The one error type that crosses the IPC boundary: a stable `code` the UI may match on, and a `message` already
//! translated into the user's language, to be shown as text.

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

    pub fn core(e: dossier::Error, lang: Lang) -> IpcError {
        IpcError { code: e.code().to_owned(), message: e.message(lang), line: e.line() }
    }
}

pub type IpcResult<T> = Result<T, IpcError>;
