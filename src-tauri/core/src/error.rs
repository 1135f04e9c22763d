//! The core's error type and its wire form `{kind, message, diagnostics}`.
//!
//! Front ends match on `kind`, never on message text; `message` is written for
//! the person using the app. Plan problems carry one diagnostic per problem.

use serde::Serialize;
use std::fmt;
use ts_rs::TS;

/// One problem in a plan file, at a position a person can jump to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
    pub message: String,
    pub hint: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )?;
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}

/// What went wrong, as a front end needs to tell it apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorKind {
    /// The caller sent a value the rules reject (bad date, out of range...).
    InvalidInput,
    /// The thing asked for does not exist.
    NotFound,
    /// A plan file failed to parse or validate; see `diagnostics`.
    PlanInvalid,
    /// The change collides with existing data (e.g. overlapping blocks).
    Conflict,
    /// The database failed.
    Storage,
    /// Another process held the database for longer than the wait (5 s);
    /// nothing was changed, trying again is safe.
    Busy,
    /// A file could not be read or written, or a server could not be reached.
    Io,
    /// A server refused the request (HTTP 401 or 403): the user name and
    /// password, or the rights the server gives them. Retrying will not help.
    Forbidden,
    /// A bug: something the core did not expect.
    Internal,
}

/// The serialized error every command and `--json` output uses.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ErrorBody {
    pub kind: ErrorKind,
    pub message: String,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("{0}")]
    InvalidInput(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{}", plan_invalid_message(.0))]
    PlanInvalid(Vec<Diagnostic>),
    #[error("{0}")]
    Conflict(String),
    #[error("database error: {0}")]
    Storage(String),
    #[error(
        "the database is busy with another studyplan process ({0}); nothing was changed, try again"
    )]
    Busy(String),
    #[error("{0}")]
    Io(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("internal error: {0}")]
    Internal(String),
}

fn plan_invalid_message(d: &[Diagnostic]) -> String {
    match d {
        [one] => format!("the plan has a problem: {one}"),
        _ => format!(
            "the plan has {} problems; the first: {}",
            d.len(),
            d.first().map(|x| x.to_string()).unwrap_or_default()
        ),
    }
}

impl CoreError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            CoreError::InvalidInput(_) => ErrorKind::InvalidInput,
            CoreError::NotFound(_) => ErrorKind::NotFound,
            CoreError::PlanInvalid(_) => ErrorKind::PlanInvalid,
            CoreError::Conflict(_) => ErrorKind::Conflict,
            CoreError::Storage(_) => ErrorKind::Storage,
            CoreError::Busy(_) => ErrorKind::Busy,
            CoreError::Io(_) => ErrorKind::Io,
            CoreError::Forbidden(_) => ErrorKind::Forbidden,
            CoreError::Internal(_) => ErrorKind::Internal,
        }
    }

    pub fn io(what: &str, path: &std::path::Path, e: std::io::Error) -> Self {
        CoreError::Io(format!("{what} {}: {e}", path.display()))
    }

    /// The error as front ends show it. The message is cut at
    /// [`MESSAGE_CHARS`] characters: a rule that quotes the value it refused
    /// must not send a 1 MB input back to the window.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            kind: self.kind(),
            message: cut(self.to_string(), MESSAGE_CHARS),
            diagnostics: match self {
                CoreError::PlanInvalid(d) => d
                    .iter()
                    .map(|d| Diagnostic {
                        message: cut(d.message.clone(), MESSAGE_CHARS),
                        ..d.clone()
                    })
                    .collect(),
                _ => Vec::new(),
            },
        }
    }
}

/// SQLite's own error code decides the kind: busy or locked (another
/// process writes; safe to retry), a constraint (the data says no), the
/// disk or the file (I/O), anything else storage.
impl From<rusqlite::Error> for CoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DatabaseBusy | C::DatabaseLocked) => CoreError::Busy(e.to_string()),
            Some(C::ConstraintViolation) => {
                CoreError::Conflict(format!("the database refused the change: {e}"))
            }
            Some(
                C::DiskFull
                | C::SystemIoFailure
                | C::CannotOpen
                | C::ReadOnly
                | C::PermissionDenied,
            ) => CoreError::Io(format!("the database file: {e}")),
            _ => CoreError::Storage(e.to_string()),
        }
    }
}

impl From<serde_json::Error> for CoreError {
    fn from(e: serde_json::Error) -> Self {
        CoreError::Internal(format!("JSON: {e}"))
    }
}

/// The longest message [`CoreError::body`] sends, in characters.
pub const MESSAGE_CHARS: usize = 600;

/// `s` cut to at most `max` characters, with "…" when cut.
pub fn cut(s: String, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s,
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite(code: std::os::raw::c_int) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn sqlite_errors_keep_their_kind() {
        assert_eq!(
            CoreError::from(sqlite(rusqlite::ffi::SQLITE_BUSY)).kind(),
            ErrorKind::Busy
        );
        assert_eq!(
            CoreError::from(sqlite(rusqlite::ffi::SQLITE_LOCKED)).kind(),
            ErrorKind::Busy
        );
        assert_eq!(
            CoreError::from(sqlite(rusqlite::ffi::SQLITE_CONSTRAINT)).kind(),
            ErrorKind::Conflict
        );
        assert_eq!(
            CoreError::from(sqlite(rusqlite::ffi::SQLITE_FULL)).kind(),
            ErrorKind::Io
        );
        assert_eq!(
            CoreError::from(sqlite(rusqlite::ffi::SQLITE_CORRUPT)).kind(),
            ErrorKind::Storage
        );
    }

    #[test]
    fn a_write_lock_held_elsewhere_is_busy_not_storage() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.db");
        let a = rusqlite::Connection::open(&path).unwrap();
        a.execute_batch("CREATE TABLE t (x); BEGIN IMMEDIATE; INSERT INTO t VALUES (1);")
            .unwrap();
        let b = rusqlite::Connection::open(&path).unwrap();
        b.busy_timeout(std::time::Duration::from_millis(50))
            .unwrap();
        let e = CoreError::from(b.execute_batch("BEGIN IMMEDIATE").unwrap_err());
        assert_eq!(e.kind(), ErrorKind::Busy, "{e}");
        assert!(e.to_string().contains("try again"), "{e}");
    }
}
