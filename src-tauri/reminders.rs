//! Runs core's reminder engine inside the app with the desktop notifier,
//! and relays what it does to the window (events) and the tray.

use crate::tray;
use std::path::PathBuf;
use std::sync::Arc;
use studyplan_core::reminders::desktop::DesktopNotifier;
use studyplan_core::reminders::{Engine, EngineConfig, EngineEvent, SystemClock};
use tauri::{AppHandle, Emitter};
use tokio::sync::{mpsc, watch};

/// Handles the app keeps: stop the engine on quit. (In-app actions go
/// straight to core, `commands::reminders`; notification buttons reach the
/// engine through the notifier's channel.)
pub struct ReminderHandles {
    pub stop: watch::Sender<bool>,
}

/// Start the engine on Tauri's runtime. Failures to deliver are shown in the
/// window (event `reminder-failed`) and in the tray's tooltip.
pub fn start(app: &AppHandle, db: PathBuf) -> ReminderHandles {
    let (action_tx, action_rx) = mpsc::unbounded_channel();
    let (event_tx, mut event_rx) = mpsc::unbounded_channel();
    let (stop_tx, stop_rx) = watch::channel(false);
    let notifier = Arc::new(DesktopNotifier::new(Some(action_tx.clone())));
    let engine =
        Engine::new(db, SystemClock, notifier, EngineConfig::default()).with_events(event_tx);
    tauri::async_runtime::spawn(engine.run(stop_rx, action_rx));
    let handle = app.clone();
    tauri::async_runtime::spawn(async move {
        while let Some(e) = event_rx.recv().await {
            match e {
                EngineEvent::Sent(n) => {
                    let _ = handle.emit("reminder-sent", &n);
                    tray::reminder_delivered(&handle);
                }
                EngineEvent::SendFailed { key, message } => {
                    let _ = handle.emit(
                        "reminder-failed",
                        serde_json::json!({ "key": key, "message": message }),
                    );
                    tray::reminder_failed(&handle, &message);
                }
            }
        }
    });
    ReminderHandles { stop: stop_tx }
}
