//! The error every command returns: core's `{kind, message, diagnostics}`.

use serde::Serialize;
use studyplan_core::{CoreError, ErrorBody, ErrorKind};

/// Serialized exactly as core's [`ErrorBody`] (TS type `ErrorBody`).
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct CommandError(ErrorBody);

impl From<CoreError> for CommandError {
    fn from(e: CoreError) -> Self {
        CommandError(e.body())
    }
}

impl CommandError {
    /// The shared state's lock was poisoned by a panic in another command.
    pub fn poisoned() -> Self {
        CommandError(ErrorBody {
            kind: ErrorKind::Internal,
            message: "an earlier operation failed unexpectedly; restart studyplan".into(),
            diagnostics: Vec::new(),
        })
    }
}

pub type CmdResult<T> = Result<T, CommandError>;
