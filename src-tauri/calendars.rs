//! Background refresh of subscribed calendars: every minute, the
//! subscriptions whose interval has passed are read again (core decides
//! which, `busy::refresh_due`), on a connection of their own so the window
//! never waits on the network. The window hears `calendars-refreshed`.

use std::path::PathBuf;
use std::time::Duration;
use studyplan_core::busy::{self, fetch::Http};
use studyplan_core::Store;
use tauri::{AppHandle, Emitter};

const CHECK_EVERY: Duration = Duration::from_secs(60);

pub fn start(app: &AppHandle, db: PathBuf) {
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name("calendar-refresh".into())
        .spawn(move || loop {
            if let Ok(mut store) = Store::open(&db) {
                if let Ok(done) = busy::refresh_due(&mut store, false, &Http, chrono::Utc::now()) {
                    if !done.is_empty() {
                        let _ = app.emit("calendars-refreshed", &done);
                    }
                }
            }
            std::thread::sleep(CHECK_EVERY);
        });
    if let Err(e) = spawned {
        eprintln!("studyplan: subscribed calendars will not refresh on their own: {e}");
    }
}
