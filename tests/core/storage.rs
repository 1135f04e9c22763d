//! Storage: the database file, settings, checklists, reloads.

use crate::support::*;
use studyplan_core::store::plans::LoadOptions;
use studyplan_core::store::settings::Settings;
use studyplan_core::{ErrorKind, Store};

#[test]
fn database_file_uses_wal_and_latest_schema() {
    let db = fresh();
    let mode: String = rusqlite_mode(&db.path());
    assert_eq!(mode, "wal");
    assert_eq!(
        db.store.schema_version().unwrap(),
        studyplan_core::store::migrate::latest()
    );
}

/// The journal mode as a second connection (another process) sees it.
fn rusqlite_mode(path: &std::path::Path) -> String {
    let c = rusqlite::Connection::open(path).unwrap();
    c.query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn first_start_loads_the_default_plan_once() {
    let mut db = fresh();
    assert!(db.store.ensure_default_plan(now()).unwrap());
    assert!(!db.store.ensure_default_plan(now()).unwrap());
    let plans = db.store.plan_list().unwrap();
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0].id, "senior-de-2025");
    assert!(plans[0].active);
    assert_eq!(plans[0].start, "2025-08-19");
    assert_eq!(plans[0].end, "2025-10-18");
}

#[test]
fn settings_round_trip_through_the_file() {
    let mut db = fresh();
    assert_eq!(db.store.settings().unwrap(), Settings::default());
    let s = Settings {
        reminder_lead_minutes: 15,
        quiet_hours_start: Some("22:00".into()),
        quiet_hours_end: Some("07:00".into()),
        close_to_tray: false,
        muted_tracks: vec!["sql".into()],
        reminders_paused_until: Some("2025-08-19T10:00:00Z".into()),
        start_at_login: true,
        stored_problem: None,
    };
    db.store.update_settings(&s).unwrap();
    let db = db.reopen();
    assert_eq!(db.store.settings().unwrap(), s);
}

#[test]
fn settings_that_no_longer_read_are_reported_and_kept_aside_on_save() {
    let mut db = fresh();
    let garbage = r#"{"reminder_lead_minutes": "five", "close_to_tray": 1}"#;
    {
        let c = rusqlite::Connection::open(db.path()).unwrap();
        c.execute(
            "INSERT INTO settings (key, value) VALUES ('settings', ?1)",
            [garbage],
        )
        .unwrap();
    }
    let s = db.store.settings().unwrap();
    let why = s
        .stored_problem
        .clone()
        .expect("the problem is said, not swallowed");
    assert!(
        why.contains("could not be read") && why.contains("expected i32"),
        "{why}"
    );
    assert_eq!(
        s.reminder_lead_minutes,
        Settings::default().reminder_lead_minutes
    );
    // A front end cannot set the problem; saving replaces the settings and keeps the old text.
    let from_ui = Settings::from_json(serde_json::json!({
        "reminder_lead_minutes": 10, "quiet_hours_start": null, "quiet_hours_end": null,
        "close_to_tray": true, "stored_problem": "forged"
    }))
    .unwrap();
    assert_eq!(from_ui.stored_problem, None);
    let saved = db.store.update_settings(&from_ui).unwrap();
    assert_eq!(
        (saved.reminder_lead_minutes, saved.stored_problem),
        (10, None)
    );
    let kept: String = rusqlite::Connection::open(db.path())
        .unwrap()
        .query_row(
            "SELECT value FROM settings WHERE key = 'settings.unreadable'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kept, garbage);
}

#[test]
fn bad_settings_are_refused_with_words_and_nothing_changes() {
    let mut db = fresh();
    let bad = Settings {
        reminder_lead_minutes: -5,
        ..Settings::default()
    };
    let e = db.store.update_settings(&bad).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("between 0 and 120"), "{e}");
    let half = Settings {
        quiet_hours_start: Some("22:00".into()),
        ..Settings::default()
    };
    assert!(db
        .store
        .update_settings(&half)
        .unwrap_err()
        .to_string()
        .contains("both a start and an end"));
    let garbled = Settings {
        quiet_hours_start: Some("25:99".into()),
        quiet_hours_end: Some("07:00".into()),
        ..Settings::default()
    };
    assert!(db
        .store
        .update_settings(&garbled)
        .unwrap_err()
        .to_string()
        .contains("Quiet hours start"));
    assert_eq!(db.store.settings().unwrap(), Settings::default());
}

#[test]
fn reload_of_an_edited_plan_reports_what_changed() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let original = shipped_text("senior-de-2025");
    // Make every day template's first block 30 minutes longer: later blocks move.
    let edited = original.replacen("minutes = 90", "minutes = 120", 1);
    assert_ne!(edited, original, "the plan has a 90-minute block to edit");
    let opts = LoadOptions {
        tz: Some("Europe/Berlin".into()),
        ..LoadOptions::default()
    };
    let rep = db
        .store
        .load_plan("plans/senior-de-2025.toml", &edited, &opts, now())
        .unwrap();
    assert!(rep.reloaded);
    assert!(rep.moved > 0, "{rep:?}");
    assert_eq!(rep.added, 0);
    assert_eq!(rep.removed, 0);
    // Reloading the same text again changes nothing.
    let again = db
        .store
        .load_plan("plans/senior-de-2025.toml", &edited, &opts, now())
        .unwrap();
    assert_eq!((again.added, again.moved, again.removed), (0, 0, 0));
    assert_eq!(again.unchanged, again.plan.block_count);
}

#[test]
fn an_invalid_plan_leaves_the_database_untouched() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let before = db.store.plan_list().unwrap();
    let broken = shipped_text("senior-de-2025").replacen("minutes = 90", "minutes = \"ninety\"", 1);
    let e = db
        .store
        .load_plan(
            "plans/senior-de-2025.toml",
            &broken,
            &LoadOptions::default(),
            now(),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::PlanInvalid);
    let body = e.body();
    assert_eq!(body.diagnostics.len(), 1);
    assert!(body.diagnostics[0].line > 1);
    assert_eq!(db.store.plan_list().unwrap(), before);
}

#[test]
fn a_newer_database_is_refused_not_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("studyplan.db");
    drop(Store::open(&path).unwrap());
    let c = rusqlite_set_version(&path, 99);
    assert!(c);
    let e = Store::open(&path).err().expect("newer schema refused");
    assert_eq!(e.kind(), ErrorKind::Storage);
    assert!(e.to_string().contains("newer than this studyplan"));
}

fn rusqlite_set_version(path: &std::path::Path, v: u32) -> bool {
    let c = rusqlite::Connection::open(path).unwrap();
    c.pragma_update(None, "user_version", v).is_ok()
}

#[test]
fn settings_of_the_wrong_type_get_a_typed_message() {
    let e = Settings::from_json(serde_json::json!({"reminder_lead_minutes": 2.5, "quiet_hours_start": null, "quiet_hours_end": null, "close_to_tray": true})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("whole number of minutes"), "{e}");
    let ok = Settings::from_json(serde_json::json!({"reminder_lead_minutes": 10, "quiet_hours_start": null, "quiet_hours_end": null, "close_to_tray": true})).unwrap();
    assert_eq!(ok.reminder_lead_minutes, 10);
}

#[test]
fn processes_opening_a_new_file_together_all_succeed() {
    for round in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        let opened = std::thread::scope(|s| {
            let hs: Vec<_> = (0..6)
                .map(|_| {
                    s.spawn(|| {
                        studyplan_core::Store::open(&path).and_then(|st| st.schema_version())
                    })
                })
                .collect();
            hs.into_iter()
                .map(|h| h.join().unwrap())
                .collect::<Vec<_>>()
        });
        for v in opened {
            assert_eq!(
                v.unwrap(),
                studyplan_core::store::migrate::latest(),
                "round {round}"
            );
        }
    }
}
