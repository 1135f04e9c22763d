//! The mistakes log on a real database: revisits at +2 and +7 days inside
//! the track's block, "again" adds one, reminders come once through the
//! engine's ledger, and the weekly "misses revisited" count.

use crate::support::{date, fresh, load_shipped, now};
use studyplan_core::mistakes::{self, NewMistake, RevisitOutcome};
use studyplan_core::ErrorKind;

fn dsa(day: &str) -> NewMistake {
    NewMistake {
        date: date(day),
        track: "dsa".into(),
        topic: "Sliding window".into(),
        what: "Off-by-one when shrinking the window".into(),
        fix: Some("Shrink while the invariant is broken, then record".into()),
        link: Some("https://leetcode.com/problems/minimum-window-substring/".into()),
    }
}

#[test]
fn revisits_land_inside_the_tracks_block_and_again_adds_one() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let m = mistakes::add(&mut db.store, &dsa("2025-08-19"), now()).unwrap();
    let days: Vec<&str> = m.revisits.iter().map(|r| r.date.as_str()).collect();
    assert_eq!(days, ["2025-08-21", "2025-08-26"]);
    // Inside that day's Python DSA block, at its start.
    for r in &m.revisits {
        let blocks = db.store.agenda(date(&r.date), date(&r.date)).unwrap();
        let b = blocks.iter().find(|b| b.track == "dsa").unwrap();
        assert_eq!(r.block_id.as_deref(), Some(b.id.as_str()));
        assert_eq!(r.start, b.start);
        assert_eq!(r.start_utc, b.start_utc);
    }
    let after = mistakes::close(
        &mut db.store,
        m.revisits[0].id,
        RevisitOutcome::Again,
        date("2025-08-21"),
    )
    .unwrap();
    let days: Vec<(&str, Option<RevisitOutcome>)> = after
        .revisits
        .iter()
        .map(|r| (r.date.as_str(), r.outcome))
        .collect();
    assert_eq!(
        days,
        [
            ("2025-08-21", Some(RevisitOutcome::Again)),
            ("2025-08-26", None),
            ("2025-08-23", None)
        ]
    );
    assert!(!after.settled);
    let err = mistakes::close(
        &mut db.store,
        m.revisits[0].id,
        RevisitOutcome::Solid,
        date("2025-08-21"),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "closed once");
    for r in &after.revisits[1..] {
        mistakes::close(
            &mut db.store,
            r.id,
            RevisitOutcome::Solid,
            date("2025-08-26"),
        )
        .unwrap();
    }
    let all = mistakes::list(&db.store, None).unwrap();
    assert!(all[0].settled);
    // On the calendar: the three revisits in the plan's week 1–2.
    let cal =
        mistakes::revisits_between(&db.store, date("2025-08-18"), date("2025-08-31")).unwrap();
    assert_eq!(cal.len(), 3);
    assert_eq!(cal[0].track_name, "Python DSA");
}

#[test]
fn a_day_without_the_track_uses_the_revisit_time() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    mistakes::set_revisit_time(&mut db.store, "20:15").unwrap();
    // 2025-10-20 is after the plan: no blocks then.
    let m = mistakes::add(&mut db.store, &dsa("2025-10-18"), now()).unwrap();
    let r = &m.revisits[0];
    assert_eq!(
        (r.date.as_str(), r.start.as_str(), r.block_id.as_deref()),
        ("2025-10-20", "20:15", None)
    );
    assert_eq!(
        r.start_utc, "2025-10-20T18:15:00Z",
        "20:15 in Berlin (CEST)"
    );
    assert_eq!(
        mistakes::set_revisit_time(&mut db.store, "25:00")
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidInput
    );
}

#[test]
fn revisit_reminders_come_once_through_the_ledger() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let m = mistakes::add(&mut db.store, &dsa("2025-08-19"), now()).unwrap();
    let at = chrono::DateTime::parse_from_rfc3339(&m.revisits[0].start_utc)
        .unwrap()
        .timestamp();
    let due = db.store.reminders_pending(at - 60, at + 60, 5).unwrap();
    let revisit: Vec<_> = due.iter().filter(|d| d.kind == "revisit").collect();
    assert_eq!(revisit.len(), 1);
    assert_eq!(revisit[0].title, "Revisit a mistake: Sliding window");
    assert!(db.store.claim_reminder(revisit[0], at, "sent").unwrap());
    assert!(
        !db.store.claim_reminder(revisit[0], at + 1, "sent").unwrap(),
        "exactly once"
    );
    let again = db.store.reminders_pending(at - 60, at + 60, 5).unwrap();
    assert!(again.iter().all(|d| d.kind != "revisit"));
    // A closed revisit stays quiet.
    mistakes::close(
        &mut db.store,
        m.revisits[1].id,
        RevisitOutcome::Solid,
        date("2025-08-22"),
    )
    .unwrap();
    let week = chrono::DateTime::parse_from_rfc3339(&m.revisits[1].start_utc)
        .unwrap()
        .timestamp();
    assert!(db
        .store
        .reminders_between(week - 60, week + 60, 5)
        .unwrap()
        .iter()
        .all(|d| d.kind != "revisit"));
}

#[test]
fn bad_mistakes_are_refused_with_the_reason() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let mut m = dsa("2025-08-19");
    m.track = "nope".into();
    let e = mistakes::add(&mut db.store, &m, now()).unwrap_err();
    assert!(e.to_string().contains("dsa"), "{e}");
    let mut m = dsa("2025-08-19");
    m.what = "   ".into();
    assert_eq!(
        mistakes::add(&mut db.store, &m, now()).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
    let mut m = dsa("2025-08-19");
    m.link = Some("javascript:alert(1)".into());
    assert_eq!(
        mistakes::add(&mut db.store, &m, now()).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
    assert!(
        mistakes::list(&db.store, None).unwrap().is_empty(),
        "nothing half-stored"
    );
    let (closed, all) =
        mistakes::revisited_between(&db.store, date("2025-08-18"), date("2025-08-24")).unwrap();
    assert_eq!((closed, all), (0, 0));
}

#[test]
fn mistakes_written_in_the_daily_log_are_logged_once_and_bad_lines_reported() {
    use studyplan_core::documents::{daily_log, workspace::set_workspace};
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let ws = tempfile::tempdir().unwrap();
    set_workspace(&mut db.store, ws.path()).unwrap();
    // A mistake logged from Today first: the new log lists it in the format read back.
    mistakes::add(&mut db.store, &dsa("2025-08-19"), now()).unwrap();
    let log = daily_log::open_log(&mut db.store, date("2025-08-19")).unwrap();
    assert!(
        log.text.contains("- dsa: Sliding window — Off-by-one when shrinking the window → Shrink while the invariant is broken, then record"),
        "{}",
        log.text
    );
    let path = ws.path().join("logs/2025-08-19.md");
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "→ Shrink while the invariant is broken, then record",
        "→ Shrink while the invariant is broken, then record\n- SQL: Window frames — RANGE and ROWS mixed up → ROWS for running totals\n- spark: Skew — salted the wrong side\n- forgot what this was",
    );
    std::fs::write(&path, &text).unwrap();
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() as u32 + 1;

    let r = mistakes::from_log::import(&mut db.store, date("2025-08-19"), now()).unwrap();
    assert_eq!(r.already, 1, "the one from Today is not logged twice");
    assert_eq!(r.added.len(), 1);
    let sql = &r.added[0];
    assert_eq!(
        (sql.track.as_str(), sql.topic.as_str()),
        ("sql", "Window frames")
    );
    assert_eq!(sql.fix.as_deref(), Some("ROWS for running totals"));
    assert_eq!(sql.revisits[0].date, "2025-08-21");
    let skipped: Vec<(u32, bool)> = r
        .skipped
        .iter()
        .map(|s| {
            (
                s.line,
                s.reason.contains("not a track") || s.reason.contains("write it as"),
            )
        })
        .collect();
    assert_eq!(
        skipped,
        [
            (line_of("spark: Skew"), true),
            (line_of("forgot what"), true)
        ]
    );

    // Again: nothing new.
    let r = mistakes::from_log::import(&mut db.store, date("2025-08-19"), now()).unwrap();
    assert_eq!((r.added.len(), r.already), (0, 2));
    assert_eq!(mistakes::list(&db.store, None).unwrap().len(), 2);
    // A day without a log says how to make one.
    let e = mistakes::from_log::import(&mut db.store, date("2025-08-20"), now()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
}
