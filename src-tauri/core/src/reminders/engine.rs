//! The reminder engine: one tick compares the clock with due instants in
//! the database and sends what is due, exactly once, through the notifier.
//!
//! - Due within the grace window (default 10 min): sent one by one.
//! - Due earlier (the app was closed, the machine slept): not replayed; all
//!   of them are recorded and one summary says what started meanwhile.
//! - Quiet hours, muted tracks and "pause" record the reminder as quiet or
//!   muted instead of sending it.
//! - A send that fails or times out is logged, reported as an event, and
//!   retried on the next ticks (three attempts in all).

use super::clock::Clock;
use super::due::Due;
use super::notifier::{Notification, Notifier, NotifyError, UserAction};
use crate::error::Result;
use crate::store::blocks::BlockChange;
use crate::store::settings::Settings;
use crate::store::Store;
use chrono::{DateTime, Utc};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration as StdDuration;
use tokio::sync::{mpsc, watch};

#[derive(Debug, Clone)]
pub struct EngineConfig {
    /// Reminders older than this when first seen are summarized, not sent.
    pub grace: chrono::Duration,
    /// How long one notification may take before it counts as failed.
    pub send_timeout: StdDuration,
    /// Longest sleep between ticks.
    pub max_sleep: StdDuration,
    /// How far back a summary looks (older reminders are just recorded).
    pub summary_horizon: chrono::Duration,
}

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig {
            grace: chrono::Duration::minutes(10),
            send_timeout: StdDuration::from_secs(5),
            max_sleep: StdDuration::from_secs(30),
            summary_horizon: chrono::Duration::hours(24),
        }
    }
}

/// What one tick did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TickReport {
    pub sent: Vec<String>,
    /// Titles of the summary notifications sent.
    pub summaries: Vec<String>,
    /// Reminders recorded without a notification (summarized, quiet, muted).
    pub recorded: Vec<(String, String)>,
    pub failed: Vec<(String, String)>,
    pub next_due: Option<i64>,
}

/// What the engine tells its host (the app shows failures in-app and on the tray).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EngineEvent {
    Sent(Notification),
    SendFailed { key: String, message: String },
}

pub struct Engine<C: Clock> {
    db: PathBuf,
    clock: C,
    notifier: Arc<dyn Notifier>,
    config: EngineConfig,
    events: Option<mpsc::UnboundedSender<EngineEvent>>,
    /// Where the previous tick left off; reminders before it were handled.
    last_tick: Option<i64>,
}

fn in_quiet_hours(s: &Settings, local: &str) -> bool {
    match (s.quiet_hours_start.as_deref(), s.quiet_hours_end.as_deref()) {
        (Some(a), Some(b)) if !a.is_empty() && !b.is_empty() => {
            if a < b {
                local >= a && local < b
            } else {
                // Wraps midnight, e.g. 22:00–07:00.
                local >= a || local < b
            }
        }
        _ => false,
    }
}

impl<C: Clock> Engine<C> {
    pub fn new(db: PathBuf, clock: C, notifier: Arc<dyn Notifier>, config: EngineConfig) -> Self {
        Engine {
            db,
            clock,
            notifier,
            config,
            events: None,
            last_tick: None,
        }
    }

    pub fn with_events(mut self, tx: mpsc::UnboundedSender<EngineEvent>) -> Self {
        self.events = Some(tx);
        self
    }

    fn emit(&self, e: EngineEvent) {
        if let Some(tx) = &self.events {
            let _ = tx.send(e);
        }
    }

    async fn send(&self, n: Notification) -> std::result::Result<(), NotifyError> {
        let notifier = self.notifier.clone();
        let timeout = self.config.send_timeout;
        let job = tokio::task::spawn_blocking(move || notifier.send(&n));
        match tokio::time::timeout(timeout, job).await {
            Ok(Ok(r)) => r,
            Ok(Err(join)) => Err(NotifyError::Failed(format!("the notifier crashed: {join}"))),
            Err(_) => Err(NotifyError::Timeout(timeout.as_millis() as u64)),
        }
    }

    /// One pass: send what is due now, summarize what was missed.
    pub async fn tick(&mut self) -> Result<TickReport> {
        let now = self.clock.now();
        let t = now.timestamp();
        // A fresh connection per tick: cheap, and never holds the database between ticks.
        let store = Store::open(&self.db)?;
        let settings = store.settings()?;
        let lead = i64::from(settings.reminder_lead_minutes);
        let horizon = t - self.config.summary_horizon.num_seconds();
        let from = self
            .last_tick
            .map(|l| l.min(t - self.config.grace.num_seconds()))
            .unwrap_or(horizon)
            .max(horizon);
        let pending = store.reminders_pending(from, t, lead)?;
        let paused = settings
            .reminders_paused_until
            .as_deref()
            .and_then(|p| DateTime::parse_from_rfc3339(p).ok())
            .is_some_and(|until| until.with_timezone(&Utc) > now);
        let grace_start = t - self.config.grace.num_seconds();
        let mut report = TickReport::default();
        let mut missed_starts: Vec<Due> = Vec::new();
        for d in pending {
            let muted = d
                .track
                .as_ref()
                .is_some_and(|tr| settings.muted_tracks.contains(tr));
            let outcome = if d.due_utc < grace_start {
                "summarized"
            } else if muted || paused {
                "muted"
            } else if in_quiet_hours(&settings, &d.local_time) {
                "quiet"
            } else {
                "sending"
            };
            if !store.claim_reminder(&d, t, outcome)? {
                continue; // another engine has it
            }
            if outcome != "sending" {
                if outcome == "summarized" && d.kind == "start" && !muted {
                    missed_starts.push(d.clone());
                }
                report.recorded.push((d.key.clone(), outcome.to_string()));
                continue;
            }
            let n = Notification {
                key: d.key.clone(),
                subject: d.subject.clone(),
                kind: d.kind.clone(),
                title: d.title.clone(),
                body: d.body.clone(),
                actions: d.actions,
            };
            match self.send(n.clone()).await {
                Ok(()) => {
                    store.reminder_sent(&d.key, self.clock.now().timestamp())?;
                    report.sent.push(d.key.clone());
                    self.emit(EngineEvent::Sent(n));
                }
                Err(e) => {
                    let msg = e.to_string();
                    eprintln!("studyplan: reminder {} not delivered: {msg}", d.key);
                    store.reminder_failed(&d.key, &msg)?;
                    self.emit(EngineEvent::SendFailed {
                        key: d.key.clone(),
                        message: msg.clone(),
                    });
                    report.failed.push((d.key.clone(), msg));
                }
            }
        }
        if !missed_starts.is_empty() && !paused {
            let title = match missed_starts.len() {
                1 => "1 block started while you were away".to_string(),
                n => format!("{n} blocks started while you were away"),
            };
            let names: Vec<String> = missed_starts
                .iter()
                .take(3)
                .map(|d| d.title.trim_start_matches("Now: ").to_string())
                .collect();
            let more = missed_starts.len().saturating_sub(3);
            let body = format!(
                "{}{} — open today's plan",
                names.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            );
            let key = format!("summary:{t}");
            let n = Notification {
                key: key.clone(),
                subject: String::new(),
                kind: "summary".into(),
                title: title.clone(),
                body,
                actions: false,
            };
            match self.send(n.clone()).await {
                Ok(()) => {
                    report.summaries.push(title);
                    self.emit(EngineEvent::Sent(n));
                }
                Err(e) => {
                    self.emit(EngineEvent::SendFailed {
                        key,
                        message: e.to_string(),
                    });
                    report.failed.push(("summary".into(), e.to_string()));
                }
            }
        }
        self.last_tick = Some(t);
        report.next_due = store.next_reminder_after(t, lead)?;
        Ok(report)
    }

    /// Apply what the person chose on a notification (see [`apply_action`]).
    pub fn handle(&self, action: &UserAction) -> Result<()> {
        let mut store = Store::open(&self.db)?;
        apply_action(&mut store, action, self.clock.now())
    }

    /// How long to sleep after a tick: until the next due reminder, at most `max_sleep`.
    pub fn sleep_for(&self, report: &TickReport) -> StdDuration {
        let now = self.clock.now();
        // In milliseconds: a due second that has already begun means "now".
        let until = report
            .next_due
            .map(|d| StdDuration::from_millis((d * 1000 - now.timestamp_millis()).max(0) as u64))
            .unwrap_or(self.config.max_sleep);
        until.clamp(StdDuration::from_millis(50), self.config.max_sleep)
    }

    /// Tick until `stop` turns true. Actions arrive on `actions`.
    pub async fn run(
        mut self,
        mut stop: watch::Receiver<bool>,
        mut actions: mpsc::UnboundedReceiver<UserAction>,
    ) {
        loop {
            let wait = match self.tick().await {
                Ok(r) => self.sleep_for(&r),
                Err(e) => {
                    eprintln!("studyplan: reminder engine: {e}");
                    self.config.max_sleep
                }
            };
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                Some(a) = actions.recv() => {
                    if let Err(e) = self.handle(&a) {
                        eprintln!("studyplan: reminder action failed: {e}");
                    }
                }
                _ = stop.changed() => {
                    if *stop.borrow() { break; }
                }
            }
        }
    }
}

/// Apply what the person chose on a notification, in the app's banner or a
/// notification's buttons: `Snooze` brings the reminder back in 5, 10 or 15
/// minutes; `Done` marks the block the reminder is about as done, found
/// through the ledger, so a snoozed reminder's Done finishes its block too.
/// `NotFound` for a reminder that was never sent, `InvalidInput` for Done
/// on a reminder that is not a block's (a milestone, a revisit).
pub fn apply_action(store: &mut Store, action: &UserAction, now: DateTime<Utc>) -> Result<()> {
    match action {
        UserAction::Snooze { key, minutes } => {
            store.snooze_reminder(key, *minutes, now.timestamp())?;
        }
        UserAction::Done { key } => {
            let subject = store.reminder_subject(key)?.ok_or_else(|| {
                crate::CoreError::NotFound(format!("no reminder `{key}` was sent"))
            })?;
            if store.block(&subject).is_err() {
                return Err(crate::CoreError::InvalidInput(
                    "only a block's reminder can be marked done; this one is for a milestone or a revisit"
                        .into(),
                ));
            }
            store.set_block_status(&subject, BlockChange::Done, now)?;
        }
    }
    Ok(())
}
