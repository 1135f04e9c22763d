//! The reminder engine with a fake clock and fake notifiers, on a real
//! SQLite file: on time, once, across restarts, after sleep, snooze, quiet
//! hours, DST, and notifiers that fail or hang.

use crate::support::*;
use chrono::{DateTime, Duration, TimeZone, Utc};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex};
use studyplan_core::reminders::{
    Engine, EngineConfig, FakeClock, Notification, Notifier, NotifyError, UserAction,
};
use studyplan_core::store::agenda::BlockStatus;
use studyplan_core::store::settings::Settings;

const OK: u8 = 0;
const FAIL: u8 = 1;
const HANG: u8 = 2;

/// Records what it was asked to send, with the fake time it was asked at.
#[derive(Default)]
struct Recorder {
    clock: Mutex<Option<FakeClock>>,
    sent: Mutex<Vec<(DateTime<Utc>, Notification)>>,
    mode: AtomicU8,
}

impl Notifier for Recorder {
    fn send(&self, n: &Notification) -> Result<(), NotifyError> {
        match self.mode.load(Ordering::SeqCst) {
            FAIL => return Err(NotifyError::Failed("no notification server".into())),
            HANG => std::thread::sleep(std::time::Duration::from_secs(3)),
            _ => {}
        }
        let at = self
            .clock
            .lock()
            .unwrap()
            .as_ref()
            .map(studyplan_core::reminders::Clock::now)
            .unwrap_or_else(Utc::now);
        self.sent.lock().unwrap().push((at, n.clone()));
        Ok(())
    }
}

impl Recorder {
    fn titles(&self) -> Vec<String> {
        self.sent
            .lock()
            .unwrap()
            .iter()
            .map(|(_, n)| n.title.clone())
            .collect()
    }
    fn take(&self) -> Vec<(DateTime<Utc>, Notification)> {
        std::mem::take(&mut *self.sent.lock().unwrap())
    }
}

struct Rig {
    db: TestDb,
    clock: FakeClock,
    rec: Arc<Recorder>,
}

impl Rig {
    fn new(tz: &str, start: Option<&str>, t: DateTime<Utc>) -> Rig {
        let mut db = fresh();
        load_shipped(&mut db, "senior-de-2025", tz, start);
        let clock = FakeClock::at(t);
        let rec = Arc::new(Recorder::default());
        *rec.clock.lock().unwrap() = Some(clock.clone());
        Rig { db, clock, rec }
    }
    /// A new engine on the same database: what a restart of the app is.
    fn engine(&self) -> Engine<FakeClock> {
        let config = EngineConfig {
            send_timeout: std::time::Duration::from_millis(300),
            ..EngineConfig::default()
        };
        Engine::new(self.db.path(), self.clock.clone(), self.rec.clone(), config)
    }
}

fn berlin(y: i32, m: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Berlin
        .with_ymd_and_hms(y, m, d, h, mi, s)
        .unwrap()
        .with_timezone(&Utc)
}

#[tokio::test]
async fn reminders_fire_on_time_with_lead_and_only_once() {
    let rig = Rig::new("Europe/Berlin", None, berlin(2025, 8, 19, 7, 54, 59));
    let mut e = rig.engine();
    let r = e.tick().await.unwrap();
    assert!(
        r.sent.is_empty(),
        "nothing due a second early: {:?}",
        r.sent
    );
    assert_eq!(
        r.next_due,
        Some(berlin(2025, 8, 19, 7, 55, 0).timestamp()),
        "next due is the 5-minute pre-alert"
    );

    rig.clock.set(berlin(2025, 8, 19, 7, 55, 0));
    e.tick().await.unwrap();
    rig.clock.set(berlin(2025, 8, 19, 8, 0, 0));
    e.tick().await.unwrap();
    e.tick().await.unwrap(); // same instant again: nothing new
    let sent = rig.rec.take();
    let got: Vec<(DateTime<Utc>, &str)> =
        sent.iter().map(|(t, n)| (*t, n.title.as_str())).collect();
    assert_eq!(
        got,
        [
            (berlin(2025, 8, 19, 7, 55, 0), "In 5 min: Python DSA"),
            (berlin(2025, 8, 19, 8, 0, 0), "Now: Python DSA")
        ]
    );
    assert!(
        sent[1].1.body.contains("until 09:30") && sent[1].1.body.contains("Sliding Window"),
        "{}",
        sent[1].1.body
    );

    // The end of the block announces the break.
    rig.clock.set(berlin(2025, 8, 19, 9, 30, 0));
    e.tick().await.unwrap();
    assert_eq!(rig.rec.titles(), ["Break: 10 minutes"]);
}

#[tokio::test]
async fn a_restart_does_not_send_again() {
    let rig = Rig::new("Europe/Berlin", None, berlin(2025, 8, 19, 8, 0, 0));
    rig.engine().tick().await.unwrap();
    let first = rig.rec.take();
    assert!(first.iter().any(|(_, n)| n.title == "Now: Python DSA"));
    // A new engine (the app restarted) a minute later.
    rig.clock.advance(Duration::minutes(1));
    let r = rig.engine().tick().await.unwrap();
    assert!(r.sent.is_empty() && rig.rec.take().is_empty(), "{r:?}");
}

#[tokio::test]
async fn waking_after_six_hours_gives_one_summary_not_a_flood() {
    let rig = Rig::new("Europe/Berlin", None, berlin(2025, 8, 19, 8, 0, 0));
    let mut e = rig.engine();
    e.tick().await.unwrap();
    rig.rec.take();
    rig.clock.advance(Duration::hours(6)); // 14:00: suspended since 08:00
    let r = e.tick().await.unwrap();
    let sent = rig.rec.take();
    let summaries: Vec<&Notification> = sent
        .iter()
        .map(|(_, n)| n)
        .filter(|n| n.kind == "summary")
        .collect();
    assert_eq!(
        summaries.len(),
        1,
        "{:?}",
        sent.iter().map(|(_, n)| &n.title).collect::<Vec<_>>()
    );
    // SQL 09:40, labs 10:50 and fundamentals 13:15 started; 08:00 was already announced.
    assert_eq!(summaries[0].title, "3 blocks started while you were away");
    assert!(
        summaries[0].body.contains("Advanced SQL")
            && summaries[0].body.ends_with("open today's plan"),
        "{}",
        summaries[0].body
    );
    // Only what is due within the grace window (14:00 ± 10 min) comes one by one.
    assert!(sent.len() <= 3, "{} notifications", sent.len());
    assert!(r.recorded.iter().filter(|(_, o)| o == "summarized").count() >= 8);
    // Nothing of it comes back on the next tick or after a restart.
    assert!(rig.engine().tick().await.unwrap().sent.is_empty());
}

#[tokio::test]
async fn snooze_survives_a_restart() {
    let rig = Rig::new("Europe/Berlin", None, berlin(2025, 8, 19, 8, 0, 0));
    let mut e = rig.engine();
    e.tick().await.unwrap();
    let key = "senior-de-2025:2025-08-19:1|start".to_string();
    e.handle(&UserAction::Snooze {
        key: key.clone(),
        minutes: 10,
    })
    .unwrap();
    rig.rec.take();
    drop(e);
    rig.clock.set(berlin(2025, 8, 19, 8, 9, 59));
    let mut e = rig.engine();
    e.tick().await.unwrap();
    assert!(!rig.rec.titles().iter().any(|t| t.starts_with("Snoozed")));
    rig.clock.set(berlin(2025, 8, 19, 8, 10, 0));
    e.tick().await.unwrap();
    assert_eq!(rig.rec.titles(), ["Snoozed: Python DSA"]);
    let e2 = rig.engine();
    assert!(
        e2.handle(&UserAction::Snooze { key, minutes: 7 }).is_err(),
        "only 5, 10 or 15"
    );
}

#[tokio::test]
async fn done_from_a_notification_marks_the_block_and_silences_it() {
    let rig = Rig::new("Europe/Berlin", None, berlin(2025, 8, 19, 8, 0, 0));
    let mut e = rig.engine();
    e.tick().await.unwrap();
    e.handle(&UserAction::Done {
        key: "senior-de-2025:2025-08-19:1|start".into(),
    })
    .unwrap();
    assert_eq!(
        rig.db
            .store
            .block("senior-de-2025:2025-08-19:1")
            .unwrap()
            .status,
        BlockStatus::Done
    );
    rig.rec.take();
    rig.clock.set(berlin(2025, 8, 19, 9, 30, 0));
    e.tick().await.unwrap();
    assert!(
        !rig.rec.titles().iter().any(|t| t.contains("Break")),
        "a done block sends no end reminder"
    );
}

#[tokio::test]
async fn quiet_hours_and_muted_tracks_send_nothing() {
    let mut rig = Rig::new("Europe/Berlin", None, berlin(2025, 8, 19, 7, 55, 0));
    let s = Settings {
        quiet_hours_start: Some("07:00".into()),
        quiet_hours_end: Some("08:30".into()),
        muted_tracks: vec!["sql".into()],
        ..Settings::default()
    };
    rig.db.store.update_settings(&s).unwrap();
    let mut e = rig.engine();
    let r = e.tick().await.unwrap();
    assert!(rig.rec.take().is_empty());
    let blocks: Vec<_> = r
        .recorded
        .iter()
        .filter(|(k, _)| k.contains(":2025-08-19:"))
        .cloned()
        .collect();
    assert_eq!(
        blocks,
        [(
            "senior-de-2025:2025-08-19:1|pre".to_string(),
            "quiet".to_string()
        )]
    );
    rig.clock.set(berlin(2025, 8, 19, 9, 40, 0)); // SQL starts, outside quiet hours, but muted
    e.tick().await.unwrap();
    assert!(
        !rig.rec.titles().iter().any(|t| t.contains("SQL")),
        "{:?}",
        rig.rec.titles()
    );
}

#[tokio::test]
async fn reminders_follow_a_dst_change_between_loading_and_firing() {
    // Loaded in February; US clocks go forward on Sun 8 March 2026.
    let ny = chrono_tz::America::New_York;
    let monday_8 = ny
        .with_ymd_and_hms(2026, 3, 9, 8, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    assert_eq!(
        monday_8,
        Utc.with_ymd_and_hms(2026, 3, 9, 12, 0, 0).unwrap(),
        "08:00 EDT is 12:00 UTC"
    );
    let rig = Rig::new(
        "America/New_York",
        Some("2026-02-24"),
        monday_8 - Duration::seconds(1),
    );
    let mut e = rig.engine();
    e.tick().await.unwrap();
    assert!(!rig.rec.titles().iter().any(|t| t.starts_with("Now:")));
    rig.clock.set(monday_8);
    e.tick().await.unwrap();
    let sent = rig.rec.take();
    let start = sent
        .iter()
        .find(|(_, n)| n.title.starts_with("Now:"))
        .expect("start reminder at 08:00 local");
    assert_eq!(start.0, monday_8);
}

#[tokio::test]
async fn a_failing_or_hanging_notifier_is_reported_and_the_engine_goes_on() {
    let rig = Rig::new("Europe/Berlin", None, berlin(2025, 8, 19, 8, 0, 0));
    let mut e = rig.engine();
    rig.rec.mode.store(HANG, Ordering::SeqCst);
    let t0 = std::time::Instant::now();
    let r = e.tick().await.unwrap();
    assert!(
        t0.elapsed() < std::time::Duration::from_secs(2),
        "the tick returned despite a hung server"
    );
    assert!(
        !r.failed.is_empty() && r.failed[0].1.contains("did not answer"),
        "{r:?}"
    );

    rig.rec.mode.store(FAIL, Ordering::SeqCst);
    rig.clock.advance(Duration::seconds(30));
    let r = e.tick().await.unwrap();
    assert!(
        r.failed
            .iter()
            .any(|(_, m)| m.contains("no notification server")),
        "{r:?}"
    );

    // The server is back: the reminder that failed is retried and delivered once.
    rig.rec.mode.store(OK, Ordering::SeqCst);
    rig.clock.advance(Duration::seconds(30));
    e.tick().await.unwrap();
    let titles = rig.rec.titles();
    assert_eq!(
        titles.iter().filter(|t| *t == "Now: Python DSA").count(),
        1,
        "{titles:?}"
    );
}

#[tokio::test]
async fn milestones_remind_the_evening_before_and_the_morning_of() {
    let rig = Rig::new("Europe/Berlin", None, berlin(2025, 9, 6, 18, 0, 0));
    let mut e = rig.engine();
    e.tick().await.unwrap();
    assert!(
        rig.rec
            .titles()
            .iter()
            .any(|t| t.starts_with("Tomorrow: Project 3 delivered")),
        "{:?}",
        rig.rec.titles()
    );
    rig.clock.set(berlin(2025, 9, 7, 7, 30, 0));
    e.tick().await.unwrap();
    assert!(
        rig.rec
            .titles()
            .iter()
            .any(|t| t.starts_with("Today: Project 3 delivered")),
        "{:?}",
        rig.rec.titles()
    );
}

#[tokio::test]
async fn two_engines_on_one_database_send_each_reminder_once() {
    let rig = Rig::new("Europe/Berlin", None, berlin(2025, 8, 19, 8, 0, 0));
    let (mut a, mut b) = (rig.engine(), rig.engine());
    let (ra, rb) = tokio::join!(a.tick(), b.tick());
    let total = ra.unwrap().sent.len() + rb.unwrap().sent.len();
    let titles = rig.rec.titles();
    assert_eq!(total, titles.len());
    assert_eq!(
        titles.iter().filter(|t| *t == "Now: Python DSA").count(),
        1,
        "{titles:?}"
    );
}

#[tokio::test]
async fn the_engine_sleeps_until_the_next_due_reminder_and_never_longer_than_30_s() {
    // 07:54:59.600: the pre-alert is due at 07:55:00, 400 ms away.
    let rig = Rig::new(
        "Europe/Berlin",
        None,
        berlin(2025, 8, 19, 7, 54, 59) + Duration::milliseconds(600),
    );
    let mut e = rig.engine();
    let r = e.tick().await.unwrap();
    assert_eq!(e.sleep_for(&r), std::time::Duration::from_millis(400));
    // Inside the due second already (the tick ran late): wake at once, don't wrap around.
    rig.clock
        .set(berlin(2025, 8, 19, 7, 55, 0) + Duration::milliseconds(300));
    assert_eq!(e.sleep_for(&r), std::time::Duration::from_millis(50));
    // Nothing due for a long while: the 30 s cap keeps it right after a suspend.
    let far = studyplan_core::reminders::TickReport {
        next_due: Some(berlin(2025, 8, 19, 9, 0, 0).timestamp()),
        ..Default::default()
    };
    assert_eq!(e.sleep_for(&far), std::time::Duration::from_secs(30));
}

/// The reminders a fresh engine would send in `(from, to]`, by key.
fn pending(rig: &Rig, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<(String, i64)> {
    rig.db
        .store
        .reminders_pending(from.timestamp(), to.timestamp(), 5)
        .unwrap()
        .into_iter()
        .filter(|d| d.subject == "senior-de-2025:2025-08-19:2")
        .map(|d| (d.kind, d.due_utc))
        .collect()
}

#[tokio::test]
async fn a_block_moved_by_a_reload_or_by_hand_reminds_again_at_its_new_time_once() {
    // Block 2 of 19 Aug (Advanced SQL, 09:40) has reminded already.
    let mut rig = Rig::new("Europe/Berlin", None, berlin(2025, 8, 19, 9, 40, 0));
    rig.engine().tick().await.unwrap();
    assert!(rig
        .rec
        .take()
        .iter()
        .any(|(_, n)| n.title == "Now: Advanced SQL"));
    let day = (berlin(2025, 8, 19, 0, 0, 0), berlin(2025, 8, 20, 0, 0, 0));
    assert!(
        pending(&rig, day.0, day.1).iter().all(|(k, _)| k == "end"),
        "sent: only its end is left"
    );

    // Reload an edited plan: the first block is 30 minutes longer, so block 2 starts at 10:10.
    let edited =
        crate::support::shipped_text("senior-de-2025").replacen("minutes = 90", "minutes = 120", 1);
    rig.db
        .store
        .load_plan(
            "plans/senior-de-2025.toml",
            &edited,
            &studyplan_core::store::plans::LoadOptions {
                tz: Some("Europe/Berlin".into()),
                ..Default::default()
            },
            berlin(2025, 8, 19, 9, 41, 0),
        )
        .unwrap();
    let moved = berlin(2025, 8, 19, 10, 10, 0).timestamp();
    let p = pending(&rig, day.0, day.1);
    assert!(
        p.contains(&("start".to_string(), moved)),
        "re-armed at 10:10: {p:?}"
    );
    rig.clock.set(berlin(2025, 8, 19, 10, 10, 0));
    rig.engine().tick().await.unwrap();
    let sent = rig.rec.take();
    let now_sql: Vec<_> = sent
        .iter()
        .filter(|(_, n)| n.title == "Now: Advanced SQL")
        .collect();
    assert_eq!(now_sql.len(), 1, "once at the new time: {sent:?}");
    rig.clock.advance(Duration::minutes(1));
    rig.engine().tick().await.unwrap();
    assert!(
        !rig.rec
            .take()
            .iter()
            .any(|(_, n)| n.title == "Now: Advanced SQL"),
        "not again after a restart"
    );

    // Moved by hand: the same rule.
    rig.db
        .store
        .move_block(
            "senior-de-2025:2025-08-19:2",
            studyplan_core::store::agenda::parse_date("2025-08-19").unwrap(),
            chrono::NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
            None,
            berlin(2025, 8, 19, 10, 12, 0),
        )
        .unwrap();
    let p = pending(&rig, day.0, day.1);
    assert!(
        p.contains(&(
            "start".to_string(),
            berlin(2025, 8, 19, 19, 0, 0).timestamp()
        )),
        "{p:?}"
    );
}

#[tokio::test]
async fn done_on_a_snoozed_reminder_finishes_its_block_and_bad_done_says_why() {
    let rig = Rig::new("Europe/Berlin", None, berlin(2025, 8, 19, 8, 0, 0));
    let mut e = rig.engine();
    e.tick().await.unwrap();
    e.handle(&UserAction::Snooze {
        key: "senior-de-2025:2025-08-19:1|start".into(),
        minutes: 5,
    })
    .unwrap();
    rig.clock.set(berlin(2025, 8, 19, 8, 5, 0));
    e.tick().await.unwrap();
    let snoozed = rig
        .db
        .store
        .ledger_for("senior-de-2025:2025-08-19:1")
        .unwrap();
    assert!(snoozed.iter().any(|(k, _)| k == "snooze"), "{snoozed:?}");
    let key: String = rusqlite::Connection::open(rig.db.path())
        .unwrap()
        .query_row(
            "SELECT key FROM reminder_ledger WHERE kind = 'snooze'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    // Done on the snoozed reminder: its block is done (it used to fail unseen).
    e.handle(&UserAction::Done { key }).unwrap();
    assert_eq!(
        rig.db
            .store
            .block("senior-de-2025:2025-08-19:1")
            .unwrap()
            .status,
        BlockStatus::Done
    );
    let never = e
        .handle(&UserAction::Done {
            key: "nope|start".into(),
        })
        .unwrap_err();
    assert_eq!(never.kind(), studyplan_core::ErrorKind::NotFound, "{never}");
}
