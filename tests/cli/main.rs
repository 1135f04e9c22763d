//! The `studyplan` binary as scripts use it: exit codes, stderr, --json.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

mod cases;
mod crash;
mod docs;
mod exams;
mod ics;
mod import;
mod portfolio;
mod sync;

pub(crate) fn studyplan(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_studyplan"))
        .args(args)
        .env("STUDYPLAN_DB", db)
        .output()
        .unwrap()
}

fn root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn validate_accepts_every_shipped_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plans: Vec<String> = std::fs::read_dir(root().join("plans"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| p.display().to_string())
        .collect();
    assert!(plans.len() >= 4);
    let mut args = vec!["validate"];
    args.extend(plans.iter().map(String::as_str));
    let out = studyplan(&dir.path().join("db"), &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn validate_reports_file_line_col_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let bad = root().join("tests/fixtures/bad-plans/unknown-zone.toml");
    let out = studyplan(&dir.path().join("db"), &["validate", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown-zone.toml:5:12: unknown time zone `Europe/Berln`"),
        "{err}"
    );
    assert!(err.contains("hint:"), "{err}");
}

#[test]
fn load_then_agenda_json_is_the_stored_schedule() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let out = studyplan(
        &db,
        &["plan", "load", "senior-de-2025", "--tz", "Europe/Berlin"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = studyplan(&db, &["agenda", "--date", "2025-08-19", "--json"]);
    assert!(out.status.success());
    let blocks: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let blocks = blocks.as_array().unwrap();
    assert_eq!(blocks.len(), 7);
    assert_eq!(blocks[0]["start"], "08:00");
    assert_eq!(blocks[0]["start_utc"], "2025-08-19T06:00:00Z");
    assert_eq!(blocks[0]["id"], "senior-de-2025:2025-08-19:1");
    // The same database, seen by a second command.
    let out = studyplan(&db, &["plan", "list", "--json"]);
    let plans: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(plans[0]["id"], "senior-de-2025");
    assert!(plans[0]["block_count"].as_u64().unwrap() > 300);
}

#[test]
fn errors_go_to_stderr_with_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let out = studyplan(&db, &["agenda", "--date", "2025-13-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a date"));
    let out = studyplan(
        &db,
        &["--json", "plan", "load", "databricks-de-professional"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["kind"], "invalid_input");
    assert!(err["message"]
        .as_str()
        .unwrap()
        .contains("choose a start date"));
}

#[test]
fn block_commands_change_what_agenda_shows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    assert!(studyplan(
        &db,
        &["plan", "load", "senior-de-2025", "--tz", "Europe/Berlin"]
    )
    .status
    .success());
    let id = "senior-de-2025:2025-08-19:1";
    assert!(studyplan(&db, &["block", "done", id]).status.success());
    assert!(studyplan(
        &db,
        &["block", "partial", "senior-de-2025:2025-08-19:2", "30"]
    )
    .status
    .success());
    assert!(studyplan(
        &db,
        &["block", "note", id, "sliding window", "--problems", "4"]
    )
    .status
    .success());
    let out = studyplan(
        &db,
        &[
            "block",
            "add",
            "--title",
            "Story bank",
            "--start",
            "2025-08-19 19:00",
            "--minutes",
            "30",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let day: serde_json::Value = serde_json::from_slice(
        &studyplan(&db, &["agenda", "--date", "2025-08-19", "--json"]).stdout,
    )
    .unwrap();
    let day = day.as_array().unwrap();
    assert_eq!(day.len(), 8);
    assert_eq!(
        (day[0]["status"].as_str(), day[0]["problems"].as_u64()),
        (Some("done"), Some(4))
    );
    assert_eq!(
        (day[1]["status"].as_str(), day[1]["minutes_done"].as_u64()),
        (Some("partial"), Some(30))
    );
    assert_eq!(day[7]["title"], "Story bank");
    let out = studyplan(&db, &["block", "partial", id, "500"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("partial minutes must be between 1 and 89")
    );
    let out = studyplan(
        &db,
        &[
            "block",
            "add",
            "--title",
            "Clash",
            "--start",
            "2025-08-19 08:30",
            "--minutes",
            "30",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("it would overlap"));
}
