//! Following a plan again on coming dates (core::runs): the offer on the
//! first screen, and a new run that leaves the earlier one readable.

use crate::support::{date, fresh, load_shipped};
use chrono::{TimeZone, Utc};
use studyplan_core::runs::{self, RunState};
use studyplan_core::store::blocks::BlockChange;

#[test]
fn an_ended_plan_is_offered_the_next_tuesday_and_its_new_run_keeps_the_old_one_readable() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let first_day = db
        .store
        .agenda(date("2025-08-19"), date("2025-08-19"))
        .unwrap();
    db.store
        .set_block_status(&first_day[0].id, BlockChange::Done, crate::support::now())
        .unwrap();

    // Monday 2026-11-30, 10:00 in Berlin: the plan ended in 2025.
    let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
    let ov = db.store.overview(now).unwrap();
    let offer = ov.run_offer.expect("an ended plan is offered a new run");
    assert_eq!(offer.state, RunState::Ended);
    assert_eq!(
        (offer.next_start.as_str(), offer.weekday.as_str()),
        ("2026-12-01", "Tuesday")
    );

    let rep = runs::start_run(
        &mut db.store,
        "senior-de-2025",
        None,
        Some("Europe/Berlin".into()),
        now,
    )
    .unwrap();
    assert_eq!(rep.plan.id, "senior-de-2025-2026-12-01");
    assert_eq!(
        rep.plan.title,
        "Senior Data Engineering Study Plan (Dec 1, 2026 – Jan 30, 2027)"
    );
    assert_eq!(
        (rep.plan.start.as_str(), rep.plan.end.as_str()),
        ("2026-12-01", "2027-01-30")
    );
    assert!(rep.plan.active);
    let tuesday = db
        .store
        .agenda(date("2026-12-01"), date("2026-12-01"))
        .unwrap();
    assert_eq!(tuesday.len(), 7, "the reference plan's seven blocks");
    assert_eq!(tuesday[0].start, "08:00");
    assert!(
        db.store.overview(now).unwrap().run_offer.is_none(),
        "a run starting tomorrow is not offered another"
    );

    // A picked Monday moves to the Tuesday after: each day keeps its weekday.
    let picked = runs::start_run(
        &mut db.store,
        "senior-de-2025",
        Some(date("2027-03-01")),
        Some("Europe/Berlin".into()),
        now,
    )
    .unwrap();
    assert_eq!(
        (picked.plan.id.as_str(), picked.plan.start.as_str()),
        ("senior-de-2025-2027-03-02", "2027-03-02")
    );
    assert!(
        picked.plan.title.ends_with("(Mar 2 – May 1, 2027)"),
        "{}",
        picked.plan.title
    );

    // The earlier run, with its progress, is still there.
    let plans = db.store.plan_list().unwrap();
    assert_eq!(plans.len(), 3);
    db.store.activate_plan("senior-de-2025").unwrap();
    let old = db
        .store
        .agenda(date("2025-08-19"), date("2025-08-19"))
        .unwrap();
    assert_eq!(
        old[0].status,
        studyplan_core::store::agenda::BlockStatus::Done
    );
}

#[test]
fn a_run_on_a_picked_date_in_the_system_zone_and_bad_input_in_words() {
    let mut db = fresh();
    load_shipped(
        &mut db,
        "databricks-team-roadmap",
        "Europe/Berlin",
        Some("2026-01-05"),
    );
    let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
    let offer = db.store.overview(now).unwrap().run_offer.unwrap();
    assert_eq!(
        (offer.next_start.as_str(), offer.weekday.as_str()),
        ("2026-12-07", "Monday"),
        "a relative plan's first weekday with a template"
    );

    let rep = runs::start_run(
        &mut db.store,
        "databricks-team-roadmap",
        Some(date("2027-01-04")),
        None,
        now,
    )
    .unwrap();
    assert_eq!(rep.plan.id, "databricks-team-roadmap-2027-01-04");
    assert_eq!(
        rep.plan.timezone,
        studyplan_core::schedule::tz::system_zone().name()
    );
    assert!(
        !rep.plan.title.contains("2027"),
        "a title without dates is kept: {}",
        rep.plan.title
    );

    let err = runs::start_run(&mut db.store, "nope", None, None, now).unwrap_err();
    assert_eq!(err.kind(), studyplan_core::ErrorKind::NotFound);
    let err = runs::start_run(
        &mut db.store,
        "databricks-team-roadmap",
        None,
        Some("Mars/Base".into()),
        now,
    )
    .unwrap_err();
    assert!(err.to_string().contains("unknown time zone"), "{err}");
    let err = runs::start_run(
        &mut db.store,
        "databricks-team-roadmap",
        Some(date("2250-01-01")),
        None,
        now,
    )
    .unwrap_err();
    assert_eq!(err.kind(), studyplan_core::ErrorKind::InvalidInput, "{err}");
}
