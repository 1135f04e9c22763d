//! Facts of the shipped plans, pinned: what the seeds say must be what the app shows.

use crate::support::*;
use studyplan_core::plan::parse_plan;
use studyplan_core::shipped;

#[test]
fn every_shipped_plan_validates() {
    let mut n = 0;
    for (id, name, text) in shipped::all() {
        if let Err(d) = parse_plan(name, text) {
            panic!(
                "{id}: {}",
                d.iter()
                    .map(|x| x.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
        n += 1;
    }
    assert!(n >= 4, "four shipped plans, found {n}");
}

#[test]
fn first_day_has_the_seven_weekday_blocks_in_seed_order() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let day = db
        .store
        .agenda(date("2025-08-19"), date("2025-08-19"))
        .unwrap();
    let tracks: Vec<&str> = day.iter().map(|b| b.track_name.as_str()).collect();
    assert_eq!(day.len(), 7, "{tracks:?}");
    assert_eq!(day.iter().map(|b| b.minutes).sum::<u32>(), 8 * 60);
    assert_eq!(
        day.iter().map(|b| b.minutes).collect::<Vec<_>>(),
        [90, 60, 135, 45, 45, 60, 45]
    );
    assert!(
        tracks[0].contains("DSA") && tracks[1].contains("SQL"),
        "{tracks:?}"
    );
    assert!(
        tracks[3].contains("Fundamentals") && tracks[4].contains("System Design"),
        "{tracks:?}"
    );
    assert!(
        tracks[5].contains("Certification") && tracks[6].contains("Project"),
        "{tracks:?}"
    );
    // A break between consecutive blocks, never an overlap.
    for w in day.windows(2) {
        assert!(w[1].start > w[0].end, "{} then {}", w[0].end, w[1].start);
    }
    assert_eq!(
        day[0].start_utc, "2025-08-19T06:00:00Z",
        "08:00 in Berlin summer time"
    );
    assert_eq!(day[0].week, Some(1));
    assert!(
        day[0]
            .topics
            .as_deref()
            .unwrap_or("")
            .contains("Sliding Window"),
        "{:?}",
        day[0].topics
    );
}

#[test]
fn saturday_has_the_mock_interview_and_the_long_project_block() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let sat = db
        .store
        .agenda(date("2025-08-23"), date("2025-08-23"))
        .unwrap();
    assert!(
        sat.iter().any(|b| b.title.to_lowercase().contains("mock")),
        "{sat:#?}"
    );
    let project = sat
        .iter()
        .filter(|b| b.track_name.contains("Project"))
        .map(|b| b.minutes)
        .max()
        .unwrap_or(0);
    assert!(
        (240..=360).contains(&project),
        "4–6 hour project block, got {project} min"
    );
}

#[test]
fn milestones_and_weeks_carry_the_seed_words() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let text = shipped_text("senior-de-2025");
    let plan = parse_plan("p", text).unwrap();
    assert!(plan
        .milestones
        .iter()
        .any(
            |m| m.date.as_ref().map(|d| d.value.to_string()) == Some("2025-09-07".into())
                && m.title.contains("Project 3 delivered")
        ));
    let w5 = db
        .store
        .week_holding("senior-de-2025", "2025-09-17")
        .unwrap()
        .unwrap();
    assert_eq!(w5.number, 5);
    assert!(
        w5.title.contains("Kafka") && w5.title.contains("Spark Structured Streaming"),
        "{}",
        w5.title
    );
    let w1 = db
        .store
        .week_holding("senior-de-2025", "2025-08-19")
        .unwrap()
        .unwrap();
    assert_eq!(
        (w1.start.as_str(), w1.end.as_str()),
        ("2025-08-19", "2025-08-24")
    );
    let w9 = db
        .store
        .week_holding("senior-de-2025", "2025-10-18")
        .unwrap()
        .unwrap();
    assert_eq!((w9.number, w9.end.as_str()), (9, "2025-10-18"));
}

#[test]
fn databricks_domains_add_up_to_100() {
    let plan = parse_plan("p", shipped_text("databricks-de-professional")).unwrap();
    assert_eq!(plan.domains.len(), 5);
    assert_eq!(plan.domains.iter().map(|d| *d.weight).sum::<u32>(), 100);
}

#[test]
fn an_absolute_plan_restarted_later_keeps_weekday_roles() {
    let mut db = fresh();
    // 2026-08-17 is a Monday; the plan started on a Tuesday, so it moves to Tue 18 Aug.
    load_shipped(
        &mut db,
        "senior-de-2025",
        "Europe/Berlin",
        Some("2026-08-17"),
    );
    let p = db.store.plan_list().unwrap().remove(0);
    assert_eq!(
        (p.start.as_str(), p.end.as_str()),
        ("2026-08-18", "2026-10-17")
    );
    let sat = db
        .store
        .agenda(date("2026-08-22"), date("2026-08-22"))
        .unwrap();
    assert!(
        sat.iter().any(|b| b.title.to_lowercase().contains("mock")),
        "Saturday stays the mock-interview day"
    );
}

#[test]
fn a_relative_plan_needs_a_start() {
    let mut db = fresh();
    let e = db
        .store
        .load_plan(
            "plans/databricks-de-professional.toml",
            shipped_text("databricks-de-professional"),
            &Default::default(),
            now(),
        )
        .unwrap_err();
    assert!(e.to_string().contains("choose a start date"), "{e}");
    load_shipped(
        &mut db,
        "databricks-de-professional",
        "America/New_York",
        Some("2026-01-05"),
    );
    let p = db.store.plan_list().unwrap().remove(0);
    assert_eq!(p.start, "2026-01-05");
    assert_eq!(p.weeks, 12);
}

#[test]
fn blocks_keep_wall_clock_time_across_a_dst_change() {
    let mut db = fresh();
    load_shipped(
        &mut db,
        "senior-de-2025",
        "America/New_York",
        Some("2026-02-24"),
    );
    // US clocks go forward on Sun 2026-03-08; the first block stays at its local time.
    let before = db
        .store
        .agenda(date("2026-03-07"), date("2026-03-07"))
        .unwrap();
    let after = db
        .store
        .agenda(date("2026-03-09"), date("2026-03-09"))
        .unwrap();
    assert_eq!(before[0].start, after[0].start);
    assert!(
        before[0].start_utc.ends_with("13:00:00Z"),
        "{}",
        before[0].start_utc
    );
    assert!(
        after[0].start_utc.ends_with("12:00:00Z"),
        "{}",
        after[0].start_utc
    );
}
