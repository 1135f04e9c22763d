//! Work the app does in the background, each on a connection of its own so
//! the window never waits on the network:
//! - every minute, subscribed calendars whose interval has passed are read
//!   again (core decides which, `busy::refresh_due`); the window hears
//!   `calendars-refreshed`;
//! - every [`SYNC_EVERY`], when a sync account is set, the active plan is
//!   synced (`sync::run_with_keyring`); the window hears `sync-finished`
//!   with the account's state (last sync, or the error in words). A
//!   server's refusal (401/403) is not retried on its own.

use std::path::PathBuf;
use std::time::{Duration, Instant};
use studyplan_core::busy::{self, fetch::Http};
use studyplan_core::{sync, Store};
use tauri::{AppHandle, Emitter};

const CHECK_EVERY: Duration = Duration::from_secs(60);
/// How often the app syncs on its own (the person can sync at any time).
pub const SYNC_EVERY: Duration = Duration::from_secs(15 * 60);

pub fn start(app: &AppHandle, db: PathBuf) {
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name("background".into())
        .spawn(move || {
            let mut last_sync: Option<Instant> = None;
            // An account the server refused (401/403) is not tried again on
            // its own: only when it changes, or the person syncs by hand.
            let mut refused: Option<(String, String)> = None;
            loop {
                if let Ok(mut store) = Store::open(&db) {
                    if let Ok(done) =
                        busy::refresh_due(&mut store, false, &Http, chrono::Utc::now())
                    {
                        if !done.is_empty() {
                            let _ = app.emit("calendars-refreshed", &done);
                        }
                    }
                    let due = last_sync.is_none_or(|t| t.elapsed() >= SYNC_EVERY);
                    let account = sync::account(&store).ok().flatten();
                    let who = account
                        .as_ref()
                        .map(|a| (a.url.clone(), a.username.clone()));
                    // A later good sync (by hand) clears the account's error.
                    let still_refused =
                        who == refused && account.as_ref().is_some_and(|a| a.last_error.is_some());
                    if due && who.is_some() && !still_refused {
                        last_sync = Some(Instant::now());
                        // The outcome, error included, is kept on the account.
                        let r = sync::run_with_keyring(&mut store, false, chrono::Utc::now());
                        refused = match r {
                            Err(studyplan_core::CoreError::Forbidden(_)) => who,
                            _ => None,
                        };
                        if let Ok(a) = sync::account(&store) {
                            let _ = app.emit("sync-finished", &a);
                        }
                    }
                }
                std::thread::sleep(CHECK_EVERY);
            }
        });
    if let Err(e) = spawned {
        eprintln!("studyplan: calendars and sync will not run in the background: {e}");
    }
}
