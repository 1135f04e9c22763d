//! Block life: statuses, notes, counters, one-off blocks, the event log.

use crate::support::*;
use chrono::NaiveTime;
use studyplan_core::store::agenda::BlockStatus;
use studyplan_core::store::blocks::{BlockChange, NewBlock};
use studyplan_core::ErrorKind;

const FIRST: &str = "senior-de-2025:2025-08-19:1";
const SECOND: &str = "senior-de-2025:2025-08-19:2";

#[test]
fn done_and_partial_survive_a_restart_and_are_logged() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let done = db
        .store
        .set_block_status(FIRST, BlockChange::Done, now())
        .unwrap();
    assert_eq!(
        (done.status, done.minutes_done),
        (BlockStatus::Done, Some(90))
    );
    let part = db
        .store
        .set_block_status(SECOND, BlockChange::Partial(40), now())
        .unwrap();
    assert_eq!(
        (part.status, part.minutes_done),
        (BlockStatus::Partial, Some(40))
    );
    let db = db.reopen();
    let day = db
        .store
        .agenda(date("2025-08-19"), date("2025-08-19"))
        .unwrap();
    assert_eq!(day[0].status, BlockStatus::Done);
    assert_eq!(
        (day[1].status, day[1].minutes_done),
        (BlockStatus::Partial, Some(40))
    );
    let log = db.store.block_events(SECOND).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].kind, "status");
    assert!(log[0].detail.contains("\"partial\""), "{}", log[0].detail);
}

#[test]
fn partial_minutes_must_fit_the_block() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    for m in [0, 90, 500] {
        let e = db
            .store
            .set_block_status(FIRST, BlockChange::Partial(m), now())
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{m}");
    }
    assert_eq!(
        db.store.block(FIRST).unwrap().status,
        BlockStatus::Planned,
        "nothing changed"
    );
    assert!(db.store.block_events(FIRST).unwrap().is_empty());
}

#[test]
fn notes_and_counters_are_kept_with_the_block_and_across_reloads() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    db.store
        .set_block_status(FIRST, BlockChange::Done, now())
        .unwrap();
    let b = db
        .store
        .annotate_block(FIRST, Some("two-sum variants"), Some(3), None, now())
        .unwrap();
    assert_eq!(
        (b.user_note.as_deref(), b.problems),
        (Some("two-sum variants"), Some(3))
    );
    // Reloading the unchanged plan keeps what the user recorded.
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let b = db.store.block(FIRST).unwrap();
    assert_eq!(
        (b.status, b.user_note.as_deref(), b.problems),
        (BlockStatus::Done, Some("two-sum variants"), Some(3))
    );
}

#[test]
fn unknown_blocks_are_not_found() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let e = db
        .store
        .set_block_status("nope", BlockChange::Done, now())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
}

#[test]
fn one_off_blocks_are_added_unless_they_overlap() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let evening = NewBlock {
        title: "Story bank".into(),
        date: date("2025-08-19"),
        start: NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
        minutes: 45,
        track: None,
    };
    let b = db.store.add_block(&evening, now()).unwrap();
    assert_eq!(
        (b.start.as_str(), b.end.as_str(), b.week),
        ("19:00", "19:45", Some(1))
    );
    assert_eq!(
        db.store
            .agenda(date("2025-08-19"), date("2025-08-19"))
            .unwrap()
            .len(),
        8
    );
    let clash = NewBlock {
        start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        ..evening.clone()
    };
    let e = db.store.add_block(&clash, now()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(e.to_string().contains("Python DSA"), "{e}");
    // One-off blocks survive reloading the plan.
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    assert_eq!(
        db.store
            .agenda(date("2025-08-19"), date("2025-08-19"))
            .unwrap()
            .len(),
        8
    );
}

#[test]
fn a_one_off_block_moved_away_does_not_block_the_next_id() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let first = NewBlock {
        title: "Extra".into(),
        date: date("2025-08-19"),
        start: NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
        minutes: 30,
        track: None,
    };
    let a = db.store.add_block(&first, now()).unwrap();
    db.store
        .move_block(
            &a.id,
            date("2025-08-20"),
            NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
            None,
            now(),
        )
        .unwrap();
    let b = db.store.add_block(&first, now()).unwrap();
    assert_ne!(a.id, b.id);
}

#[test]
fn adding_and_moving_apply_one_overlap_rule() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let day = date("2025-08-19");
    let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    let add = |db: &mut TestDb, h, m| {
        db.store.add_block(
            &NewBlock {
                title: "Extra".into(),
                date: day,
                start: at(h, m),
                minutes: 30,
                track: None,
            },
            now(),
        )
    };
    // A skipped block still holds its time, for an add and for a move.
    db.store
        .set_block_status(FIRST, BlockChange::Skipped, now())
        .unwrap();
    let e = add(&mut db, 8, 30).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(
        e.to_string()
            .contains("it would overlap “Python DSA” (08:00–09:30) on 2025-08-19"),
        "{e}"
    );
    let other = "senior-de-2025:2025-08-19:2";
    let m = db
        .store
        .move_block(other, day, at(8, 30), None, now())
        .unwrap_err();
    assert_eq!(
        m.to_string(),
        e.to_string(),
        "the same rule, the same words"
    );
    // A block moved away frees its time.
    db.store
        .set_block_status(FIRST, BlockChange::Planned, now())
        .unwrap();
    db.store
        .move_block(FIRST, day, at(20, 0), None, now())
        .unwrap();
    let free = add(&mut db, 8, 0).unwrap();
    assert_eq!(free.start, "08:00");
}

#[test]
fn a_one_off_block_title_is_one_line() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    for bad in ["two\nlines", "bell\u{7}", &"x".repeat(201)] {
        let e = db
            .store
            .add_block(
                &NewBlock {
                    title: bad.to_string(),
                    date: date("2025-08-19"),
                    start: NaiveTime::from_hms_opt(21, 0, 0).unwrap(),
                    minutes: 30,
                    track: None,
                },
                now(),
            )
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{bad:?}");
    }
}
