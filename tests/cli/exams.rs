//! `studyplan exam list|log|readiness|remediate` as a script uses them.

use crate::studyplan;
use std::path::{Path, PathBuf};

fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn setup(dir: &Path) -> PathBuf {
    let db = dir.join("s.db");
    // A relative plan started last week, so its exam window is ahead of today.
    let start = (chrono::Utc::now().date_naive() - chrono::Days::new(7)).to_string();
    ok(&studyplan(
        &db,
        &[
            "plan",
            "load",
            "databricks-de-professional",
            "--tz",
            "UTC",
            "--start",
            &start,
        ],
    ));
    db
}

#[test]
fn log_a_practice_exam_then_readiness_and_remediation() {
    let dir = tempfile::tempdir().unwrap();
    let db = setup(dir.path());
    let list: serde_json::Value =
        serde_json::from_str(&ok(&studyplan(&db, &["--json", "exam", "list"]))).unwrap();
    assert_eq!(list[0]["id"], "dbx-de-pro");
    let logged: serde_json::Value = serde_json::from_str(&ok(&studyplan(
        &db,
        &[
            "--json",
            "exam",
            "log",
            "dbx-de-pro",
            "--domain",
            "spark-optimization=33/60",
            "--domain",
            "security-governance=80",
            "--minutes",
            "120",
            "--missed",
            "spark-optimization=AQE coalescing thresholds",
        ],
    )))
    .unwrap();
    // (55 × 25 + 80 × 15) / 40
    assert_eq!(logged["score"], 64.375);
    assert_eq!(logged["mistakes"].as_array().unwrap().len(), 1);
    let r: serde_json::Value = serde_json::from_str(&ok(&studyplan(
        &db,
        &["--json", "exam", "readiness", "dbx-de-pro"],
    )))
    .unwrap();
    assert_eq!(r["domains"][0]["id"], "spark-optimization");
    assert_eq!(r["practice_done"], 1);
    let text = ok(&studyplan(&db, &["exam", "readiness", "dbx-de-pro"]));
    assert!(text.contains("not ready yet"), "{text}");
    let proposal = ok(&studyplan(&db, &["exam", "remediate", "dbx-de-pro"]));
    assert!(
        proposal.contains("→  Remediation (DBX-DE-PRO): Domain 1: Advanced Spark Optimization"),
        "{proposal}"
    );
    assert!(proposal.contains("nothing changed"), "{proposal}");
    let applied = ok(&studyplan(
        &db,
        &["exam", "remediate", "dbx-de-pro", "--accept"],
    ));
    assert!(applied.contains("blocks renamed"), "{applied}");
}

#[test]
fn bad_practice_exams_exit_2_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = setup(dir.path());
    for (args, want) in [
        (
            vec!["exam", "log", "nope", "--score", "70"],
            "no certification `nope`",
        ),
        (
            vec!["exam", "log", "dbx-de-pro", "--score", "170"],
            "outside 0–100",
        ),
        (
            vec!["exam", "log", "dbx-de-pro", "--domain", "x=70"],
            "no domain `x`",
        ),
        (
            vec![
                "exam",
                "log",
                "dbx-de-pro",
                "--domain",
                "spark-optimization",
            ],
            "ID=VALUE",
        ),
        (
            vec![
                "exam",
                "log",
                "dbx-de-pro",
                "--score",
                "70",
                "--date",
                "2199-01-01",
            ],
            "in the future",
        ),
    ] {
        let out = studyplan(&db, &args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{args:?}: {err}");
        assert_ne!(out.status.code(), Some(0), "{args:?}");
    }
    let list: serde_json::Value =
        serde_json::from_str(&ok(&studyplan(&db, &["--json", "exam", "list"]))).unwrap();
    assert_eq!(list[0]["practice_logged"], 0, "nothing was logged");
}
