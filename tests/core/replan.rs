//! Re-planning: debt from missed blocks, proposals into catch-up blocks,
//! nothing changes before accept, the rest half-day creates no debt.

use crate::support::*;
use chrono::{TimeZone, Utc};
use studyplan_core::store::agenda::BlockStatus;
use studyplan_core::store::blocks::BlockChange;

fn id(date: &str, slot: u32) -> String {
    format!("senior-de-2025:{date}:{slot}")
}

/// Wed 20 Aug 2025, 12:00 in Berlin.
fn wednesday_noon() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 8, 20, 10, 0, 0).unwrap()
}

fn setup() -> TestDb {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    // Tuesday: everything done except DSA, which was skipped.
    for slot in 2..=7 {
        db.store
            .set_block_status(&id("2025-08-19", slot), BlockChange::Done, now())
            .unwrap();
    }
    db.store
        .set_block_status(&id("2025-08-19", 1), BlockChange::Skipped, now())
        .unwrap();
    // Wednesday morning: DSA done, SQL half done.
    db.store
        .set_block_status(&id("2025-08-20", 1), BlockChange::Done, now())
        .unwrap();
    db.store
        .set_block_status(&id("2025-08-20", 2), BlockChange::Partial(30), now())
        .unwrap();
    db
}

#[test]
fn missed_minutes_become_debt_and_proposals_use_catch_up_blocks() {
    let db = setup();
    let v = db.store.replan(None, wednesday_noon()).unwrap();
    assert_eq!(v.week, 1);
    let debt: Vec<(&str, u32)> = v
        .debt
        .iter()
        .map(|d| (d.track.as_str(), d.minutes))
        .collect();
    assert_eq!(debt, [("dsa", 90), ("sql", 30)]);
    // Catch-up blocks still ahead this week, earliest first: Wed, Thu, Fri at 13:15.
    let placed: Vec<(&str, &str, &str, u32)> = v
        .proposals
        .iter()
        .map(|p| {
            (
                p.date.as_str(),
                p.start.as_str(),
                p.track.as_str(),
                p.minutes,
            )
        })
        .collect();
    assert_eq!(
        placed,
        [
            ("2025-08-20", "13:15", "dsa", 45),
            ("2025-08-21", "13:15", "dsa", 45),
            ("2025-08-22", "13:15", "sql", 30)
        ]
    );
    assert!(
        v.proposals[0].replaces.contains("Fundamentals"),
        "{}",
        v.proposals[0].replaces
    );
    assert!(v.unplaced.is_empty());
    // Proposing changes nothing.
    let again = db.store.replan(None, wednesday_noon()).unwrap();
    assert_eq!(again, v);
    assert_eq!(
        db.store.block(&id("2025-08-20", 4)).unwrap().track,
        "fundamentals"
    );
}

#[test]
fn accepting_converts_catch_up_blocks_and_settles_the_debt() {
    let mut db = setup();
    db.store.replan_accept(None, wednesday_noon()).unwrap();
    let wed = db.store.block(&id("2025-08-20", 4)).unwrap();
    assert_eq!(
        (wed.track.as_str(), wed.title.as_str()),
        ("dsa", "Catch-up: Python DSA")
    );
    assert_eq!(
        db.store.block(&id("2025-08-19", 1)).unwrap().status,
        BlockStatus::Moved
    );
    assert_eq!(
        db.store
            .block_events(&id("2025-08-20", 4))
            .unwrap()
            .last()
            .unwrap()
            .kind,
        "catch_up"
    );
    let after = db.store.replan(None, wednesday_noon()).unwrap();
    assert!(after.debt.is_empty(), "{:?}", after.debt);
    // It survives a restart.
    let db = db.reopen();
    assert_eq!(
        db.store.block(&id("2025-08-21", 4)).unwrap().title,
        "Catch-up: Python DSA"
    );
}

#[test]
fn debt_beyond_the_catch_up_blocks_is_reported_not_squeezed_in() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    // Friday evening of week 1: the whole week was missed; no catch-up block is left.
    let friday_night = Utc.with_ymd_and_hms(2025, 8, 22, 20, 0, 0).unwrap();
    let v = db.store.replan(None, friday_night).unwrap();
    assert!(v.proposals.is_empty());
    let owed: u32 = v.unplaced.iter().map(|d| d.minutes).sum();
    assert_eq!(owed, v.debt.iter().map(|d| d.minutes).sum::<u32>());
    assert!(
        owed >= 4 * (480 - 45),
        "four weekdays of missed blocks, got {owed}"
    );
}

#[test]
fn the_rest_half_day_creates_no_debt() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let sunday = db
        .store
        .agenda(date("2025-08-24"), date("2025-08-24"))
        .unwrap();
    let mut rest = 0;
    for b in &sunday {
        db.store
            .set_block_status(&b.id, BlockChange::Skipped, now())
            .unwrap();
        if b.start.as_str() >= "14:00" {
            rest += b.minutes;
        }
    }
    assert!(rest > 0, "the Sunday template has an afternoon half");
    let v = db
        .store
        .replan(
            Some(1),
            Utc.with_ymd_and_hms(2025, 8, 24, 21, 0, 0).unwrap(),
        )
        .unwrap();
    assert_eq!(v.rest_minutes, rest);
    let sunday_debt: u32 = v
        .debt
        .iter()
        .flat_map(|d| d.blocks.iter())
        .filter(|b| b.contains("2025-08-24"))
        .count() as u32;
    assert!(sunday_debt > 0, "the morning half is still owed");
    assert!(v.debt.iter().flat_map(|d| d.blocks.iter()).all(|b| {
        let blk = sunday.iter().find(|s| &s.id == b);
        blk.is_none_or(|s| s.start.as_str() < "14:00")
    }));
}

#[test]
fn a_week_outside_the_plan_is_refused() {
    let db = setup();
    let e = db.store.replan(Some(12), wednesday_noon()).unwrap_err();
    assert!(
        e.to_string().contains("week 12 is not in the plan (1–9)"),
        "{e}"
    );
}

#[test]
fn a_catch_up_block_taken_by_busy_time_in_another_calendar_is_not_used() {
    let mut db = setup();
    // A meeting on Wednesday 13:30–14:00 Berlin, inside that day's catch-up block.
    let dir = tempfile::tempdir().unwrap();
    let ics = dir.path().join("work.ics");
    std::fs::write(
        &ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:m@x\r\n\
         DTSTART;TZID=Europe/Berlin:20250820T133000\r\nDTEND;TZID=Europe/Berlin:20250820T140000\r\n\
         SUMMARY:Vendor call\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    studyplan_core::busy::import_file(&mut db.store, &ics, Some("Work"), wednesday_noon()).unwrap();
    let v = db.store.replan(None, wednesday_noon()).unwrap();
    assert!(
        v.proposals.iter().all(|p| p.date != "2025-08-20"),
        "{:?}",
        v.proposals
    );
    assert_eq!(v.proposals[0].date, "2025-08-21");
    // The block shows what it collides with.
    let day = db
        .store
        .agenda(
            chrono::NaiveDate::from_ymd_opt(2025, 8, 20).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2025, 8, 20).unwrap(),
        )
        .unwrap();
    assert_eq!(day[3].busy.as_deref(), Some("Vendor call (Work)"));
}
