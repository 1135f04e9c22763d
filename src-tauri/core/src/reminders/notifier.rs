//! What the engine sends, and the trait a notification backend implements.

use serde::Serialize;
use ts_rs::TS;

/// One desktop notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Notification {
    /// The ledger key (`subject|kind`), echoed back with user actions.
    pub key: String,
    /// The block id (or milestone key) it is about.
    pub subject: String,
    pub kind: String,
    pub title: String,
    pub body: String,
    /// Offer Snooze 5/10/15 and Done buttons (for block reminders).
    pub actions: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotifyError {
    #[error("the notification server did not answer within {0} ms")]
    Timeout(u64),
    #[error("notification failed: {0}")]
    Failed(String),
}

/// What the person chose on a notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserAction {
    Snooze { key: String, minutes: u32 },
    Done { key: String },
}

impl UserAction {
    /// From the wire form: `snooze` with 5, 10 or 15 minutes, or `done`.
    pub fn parse(key: &str, action: &str, minutes: Option<i64>) -> crate::Result<UserAction> {
        match (action, minutes) {
            ("done", _) => Ok(UserAction::Done {
                key: key.to_string(),
            }),
            ("snooze", Some(m @ (5 | 10 | 15))) => Ok(UserAction::Snooze {
                key: key.to_string(),
                minutes: m as u32,
            }),
            ("snooze", m) => Err(crate::CoreError::InvalidInput(format!(
                "snooze for 5, 10 or 15 minutes (got {})",
                m.map(|m| m.to_string()).unwrap_or_else(|| "none".into())
            ))),
            (other, _) => Err(crate::CoreError::InvalidInput(format!(
                "unknown reminder action “{other}”; use snooze or done"
            ))),
        }
    }
}

/// A notification backend. `send` may block (D-Bus round trip); the engine
/// calls it on a blocking thread under a timeout.
pub trait Notifier: Send + Sync + 'static {
    fn send(&self, n: &Notification) -> Result<(), NotifyError>;
}
