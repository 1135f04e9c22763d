//! The team layout of the shipped team roadmap, the roster, and progress
//! before anything was read from a server (core only; the server side is
//! tests/cli/sync.rs).

use crate::support::{fresh, load_shipped};
use studyplan_core::{team, ErrorKind};

#[test]
fn the_team_roadmap_has_the_six_roles_of_its_matrix_and_a_plan_without_a_team_says_so() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let err = team::view(&db.store).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(err.to_string().contains("names no team"), "{err}");

    load_shipped(
        &mut db,
        "databricks-team-roadmap",
        "Europe/Berlin",
        Some("2026-01-05"),
    );
    let v = team::view(&db.store).unwrap();
    let names: Vec<&str> = v.roles.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Novice 1",
            "Novice 2",
            "Intermediate 1",
            "Intermediate 2",
            "Experienced 1",
            "Experienced 2"
        ]
    );
    assert_eq!(v.lead().unwrap().id, "experienced-1");
    let n1 = &v.roles[0];
    let tracks: Vec<&str> = n1.tracks.iter().map(|t| t.name.as_str()).collect();
    assert!(
        tracks[0].starts_with("Track A") && tracks[1].starts_with("Pod 3"),
        "{tracks:?}"
    );
    assert!(v.me().is_none());
}

#[test]
fn the_roster_takes_one_person_per_role_and_refuses_unknown_roles_in_words() {
    let mut db = fresh();
    load_shipped(
        &mut db,
        "databricks-team-roadmap",
        "Europe/Berlin",
        Some("2026-01-05"),
    );
    let v = team::assign(&mut db.store, "novice-1", Some(" max ")).unwrap();
    assert_eq!(v.roles[0].username.as_deref(), Some("max"), "trimmed");
    let err = team::assign(&mut db.store, "novice-2", Some("max")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(
        err.to_string().contains("already plays `novice-1`"),
        "{err}"
    );
    let err = team::assign(&mut db.store, "coach", Some("zoe")).unwrap_err();
    assert!(
        err.to_string().contains("no role `coach`") && err.to_string().contains("novice-1"),
        "{err}"
    );
    for bad in [
        "a/b",
        "..",
        ".",
        "max%2F..%2Fmia",
        "a?b",
        "a#b",
        "a\\b",
        "   ",
    ] {
        let err = team::assign(&mut db.store, "novice-2", Some(bad)).err();
        // Blank clears the role; the others are refused.
        if bad.trim().is_empty() {
            assert!(err.is_none());
        } else {
            assert_eq!(
                err.map(|e| e.kind()),
                Some(ErrorKind::InvalidInput),
                "{bad}"
            );
        }
    }
    team::assign(&mut db.store, "novice-2", Some("zoë@example.org")).unwrap();
    let err = team::set_me(&mut db.store, "").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    let v = team::set_me(&mut db.store, "intermediate-1").unwrap();
    assert!(v.roles[2].me && v.me().unwrap().id == "intermediate-1");
    // Cleared, and kept across a reload of the plan.
    team::assign(&mut db.store, "novice-1", None).unwrap();
    load_shipped(
        &mut db,
        "databricks-team-roadmap",
        "Europe/Berlin",
        Some("2026-01-05"),
    );
    let v = team::view(&db.store).unwrap();
    assert!(v.roles[0].username.is_none());
    assert_eq!(
        v.me().unwrap().id,
        "intermediate-1",
        "the role played here survives a reload"
    );
}

#[test]
fn progress_per_track_spans_the_weeks_that_name_the_track_and_counts_this_computer_for_its_role() {
    let mut db = fresh();
    load_shipped(
        &mut db,
        "databricks-team-roadmap",
        "Europe/Berlin",
        Some("2026-01-05"),
    );
    team::set_me(&mut db.store, "novice-1").unwrap();
    let day = db
        .store
        .agenda(
            crate::support::date("2026-01-05"),
            crate::support::date("2026-01-05"),
        )
        .unwrap();
    db.store
        .set_block_status(
            &day[0].id,
            studyplan_core::store::blocks::BlockChange::Done,
            crate::support::now(),
        )
        .unwrap();
    let p = team::progress(&db.store).unwrap();
    let a = p.iter().find(|t| t.track.id == "track-a").unwrap();
    assert_eq!(
        (a.from.as_deref(), a.to.as_deref()),
        (Some("2026-01-05"), Some("2026-01-25"))
    );
    let me = a.members.iter().find(|m| m.role == "novice-1").unwrap();
    assert_eq!(me.done_minutes, day[0].minutes);
    assert_eq!(me.blocks_done, 1);
    assert!(me.planned_minutes > me.done_minutes && me.blocks_total > 1);
    let other = a.members.iter().find(|m| m.role == "novice-2").unwrap();
    assert_eq!(
        (other.done_minutes, other.read_at.clone()),
        (0, None),
        "never read: nothing done"
    );
    let pod1 = p.iter().find(|t| t.track.id == "pod-1").unwrap();
    assert!(
        pod1.from.as_deref().unwrap() > "2026-01-25",
        "Phase 2 starts in week 4: {pod1:?}"
    );
}
