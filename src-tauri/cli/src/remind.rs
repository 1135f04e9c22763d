//! `studyplan remind`: the reminder engine without the app, for people who
//! don't keep the window open (see the systemd user unit in the README).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use studyplan_core::reminders::desktop::DesktopNotifier;
use studyplan_core::reminders::{Engine, EngineConfig, EngineEvent, SystemClock};
use studyplan_core::CoreError;
use tokio::sync::{mpsc, watch};

pub fn run(db: PathBuf, once: bool, stop_after: Option<u64>, json: bool) -> Result<(), CoreError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .map_err(|e| CoreError::Internal(format!("cannot start the runtime: {e}")))?;
    rt.block_on(async move {
        let (action_tx, action_rx) = mpsc::unbounded_channel();
        let (event_tx, mut event_rx) = mpsc::unbounded_channel();
        let notifier = Arc::new(DesktopNotifier::new(Some(action_tx)));
        let mut engine =
            Engine::new(db, SystemClock, notifier, EngineConfig::default()).with_events(event_tx);
        // Report what the engine does, one line per notification.
        let printer = tokio::spawn(async move {
            while let Some(e) = event_rx.recv().await {
                match e {
                    EngineEvent::Sent(n) if json => println!("{}", serde_json::json!({"sent": n})),
                    EngineEvent::Sent(n) => println!(
                        "{}  sent: {}",
                        chrono::Local::now().format("%H:%M:%S"),
                        n.title
                    ),
                    EngineEvent::SendFailed { key, message } => {
                        eprintln!("studyplan: reminder {key} not delivered: {message}")
                    }
                }
            }
        });
        if once {
            let r = engine.tick().await;
            drop(engine);
            let _ = printer.await;
            return r.map(|_| ());
        }
        let (stop_tx, stop_rx) = watch::channel(false);
        let task = tokio::spawn(engine.run(stop_rx, action_rx));
        let deadline = async {
            match stop_after {
                Some(s) => tokio::time::sleep(Duration::from_secs(s)).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = deadline => {}
        }
        let _ = stop_tx.send(true);
        let _ = task.await;
        Ok(())
    })
}
