//! The real notifier: freedesktop notifications over D-Bus (notify-rust).
//!
//! Where the notification server supports actions, block reminders carry
//! Snooze 5/10/15 and Done buttons; a thread per notification waits for the
//! choice and forwards it to the engine. Without a server, `send` fails fast
//! and the engine reports it; a server that never answers is cut off by the
//! engine's timeout.

use super::notifier::{Notification, Notifier, NotifyError, UserAction};
use std::sync::OnceLock;
use tokio::sync::mpsc::UnboundedSender;

pub const APP_NAME: &str = "studyplan";

pub struct DesktopNotifier {
    actions: Option<UnboundedSender<UserAction>>,
    supports_actions: OnceLock<bool>,
}

impl DesktopNotifier {
    /// `actions` receives what the person clicks; None sends plain notifications.
    pub fn new(actions: Option<UnboundedSender<UserAction>>) -> Self {
        DesktopNotifier {
            actions,
            supports_actions: OnceLock::new(),
        }
    }

    fn server_has_actions(&self) -> bool {
        *self.supports_actions.get_or_init(|| {
            notify_rust::get_capabilities()
                .map(|c| c.iter().any(|x| x == "actions"))
                .unwrap_or(false)
        })
    }
}

fn build(n: &Notification, with_actions: bool) -> notify_rust::Notification {
    let mut note = notify_rust::Notification::new();
    note.appname(APP_NAME)
        .summary(&n.title)
        .body(&n.body)
        .icon("appointment-soon");
    if with_actions {
        note.action("snooze-5", "Snooze 5 min")
            .action("snooze-10", "Snooze 10 min")
            .action("snooze-15", "Snooze 15 min")
            .action("done", "Done");
    }
    note
}

fn to_action(key: &str, action: &str) -> Option<UserAction> {
    match action {
        "done" => Some(UserAction::Done {
            key: key.to_string(),
        }),
        s => s
            .strip_prefix("snooze-")
            .and_then(|m| m.parse().ok())
            .map(|minutes| UserAction::Snooze {
                key: key.to_string(),
                minutes,
            }),
    }
}

impl Notifier for DesktopNotifier {
    fn send(&self, n: &Notification) -> Result<(), NotifyError> {
        let tx = match (&self.actions, n.actions && self.server_has_actions()) {
            (Some(tx), true) => tx.clone(),
            _ => {
                return build(n, false)
                    .show()
                    .map(|_| ())
                    .map_err(|e| NotifyError::Failed(e.to_string()))
            }
        };
        // The D-Bus handle can't move between threads, so one thread shows
        // the notification, reports whether that worked, then waits for the click.
        let (shown_tx, shown_rx) = std::sync::mpsc::channel();
        let n = n.clone();
        std::thread::spawn(move || match build(&n, true).show() {
            Ok(handle) => {
                let _ = shown_tx.send(Ok(()));
                handle.wait_for_action(|action| {
                    if let Some(a) = to_action(&n.key, action) {
                        let _ = tx.send(a);
                    }
                });
            }
            Err(e) => {
                let _ = shown_tx.send(Err(NotifyError::Failed(e.to_string())));
            }
        });
        shown_rx.recv().unwrap_or_else(|_| {
            Err(NotifyError::Failed(
                "the notification thread stopped".into(),
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_map_to_snooze_and_done() {
        assert_eq!(
            to_action("k", "snooze-10"),
            Some(UserAction::Snooze {
                key: "k".into(),
                minutes: 10
            })
        );
        assert_eq!(
            to_action("k", "done"),
            Some(UserAction::Done { key: "k".into() })
        );
        assert_eq!(to_action("k", "__closed"), None);
    }
}
