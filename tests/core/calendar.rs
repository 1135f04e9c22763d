//! Moving blocks by hand, milestones for the calendar, and progress.

use crate::support::*;
use chrono::{NaiveTime, TimeZone, Utc};
use studyplan_core::store::blocks::BlockChange;
use studyplan_core::ErrorKind;

const SQL: &str = "senior-de-2025:2025-08-19:2";

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

#[test]
fn a_block_moves_to_free_time_and_stays_there_across_a_reload() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let b = db
        .store
        .move_block(SQL, date("2025-08-19"), t(18, 0), None, now())
        .unwrap();
    assert_eq!(
        (b.start.as_str(), b.end.as_str(), b.minutes),
        ("18:00", "19:00", 60)
    );
    assert_eq!(
        db.store.block_events(SQL).unwrap().last().unwrap().kind,
        "moved"
    );
    let rep = {
        let opts = studyplan_core::store::plans::LoadOptions {
            tz: Some("Europe/Berlin".into()),
            ..Default::default()
        };
        db.store
            .load_plan(
                "plans/senior-de-2025.toml",
                shipped_text("senior-de-2025"),
                &opts,
                now(),
            )
            .unwrap()
    };
    assert_eq!(rep.moved, 0, "the person's move is not undone by a reload");
    assert_eq!(db.store.block(SQL).unwrap().start, "18:00");
    // Resize too.
    let b = db
        .store
        .move_block(SQL, date("2025-08-20"), t(19, 0), Some(90), now())
        .unwrap();
    assert_eq!(
        (b.date.as_str(), b.end.as_str(), b.week),
        ("2025-08-20", "20:30", Some(1))
    );
}

#[test]
fn a_move_onto_another_block_is_refused_with_the_reason() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let e = db
        .store
        .move_block(SQL, date("2025-08-19"), t(8, 30), None, now())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(
        e.to_string().contains("overlap “Python DSA” (08:00–09:30)"),
        "{e}"
    );
    assert_eq!(db.store.block(SQL).unwrap().start, "09:40", "nothing moved");
}

#[test]
fn milestones_are_listed_for_a_range() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let ms = db
        .store
        .milestones(date("2025-09-01"), date("2025-09-14"))
        .unwrap();
    let titles: Vec<&str> = ms.iter().map(|m| m.title.as_str()).collect();
    assert!(
        titles.iter().any(|t| t.contains("Project 3 delivered")),
        "{titles:?}"
    );
    let exam = ms
        .iter()
        .find(|m| m.kind == "exam")
        .expect("the DBX-DEA window overlaps these weeks");
    assert_eq!(
        (exam.start.as_str(), exam.end.as_str()),
        ("2025-09-08", "2025-09-21")
    );
}

#[test]
fn progress_counts_done_minutes_goals_and_streaks() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    db.store
        .set_block_status("senior-de-2025:2025-08-19:1", BlockChange::Done, now())
        .unwrap();
    db.store
        .set_block_status(
            "senior-de-2025:2025-08-20:1",
            BlockChange::Partial(45),
            now(),
        )
        .unwrap();
    db.store
        .annotate_block("senior-de-2025:2025-08-19:1", None, Some(3), None, now())
        .unwrap();
    db.store
        .annotate_block("senior-de-2025:2025-08-20:1", None, Some(2), None, now())
        .unwrap();
    db.store
        .annotate_block("senior-de-2025:2025-08-20:2", None, None, Some(4), now())
        .unwrap();
    let wed_evening = Utc.with_ymd_and_hms(2025, 8, 20, 19, 0, 0).unwrap();
    let p = db.store.progress(wed_evening).unwrap();
    assert_eq!(p.week, 1);
    let w1 = &p.weeks[0];
    let dsa = w1.tracks.iter().find(|t| t.track == "dsa").unwrap();
    assert_eq!(dsa.done, 90 + 45);
    assert!(dsa.planned >= 5 * 90, "{}", dsa.planned);
    let problems = p.goals.iter().find(|g| g.metric == "problems").unwrap();
    assert_eq!(
        (problems.value, problems.min, problems.max),
        (Some(5), Some(25), Some(35))
    );
    let queries = p.goals.iter().find(|g| g.metric == "queries").unwrap();
    assert_eq!(queries.value, Some(4));
    assert_eq!((p.streak_days, p.best_streak_days), (2, 2));
    assert!(
        p.milestones_ahead[0].title.contains("Project 1"),
        "{:?}",
        p.milestones_ahead[0]
    );
}
