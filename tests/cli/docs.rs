//! `studyplan adr|readme|log|docs` as a script or a user's CI runs them.

use crate::studyplan;
use std::path::Path;

fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn setup(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("s.db");
    ok(&studyplan(
        &db,
        &["plan", "load", "senior-de-2025", "--tz", "Europe/Berlin"],
    ));
    let ws = dir.join("portfolio");
    ok(&studyplan(
        &db,
        &["docs", "where", "--set", ws.to_str().unwrap()],
    ));
    db
}

#[test]
fn adr_new_supersede_link_list_and_toc() {
    let dir = tempfile::tempdir().unwrap();
    let db = setup(dir.path());
    let ws = dir.path().join("portfolio");
    let first = ok(&studyplan(
        &db,
        &["adr", "new", "Use", "Delta", "Lake", "--status", "Accepted"],
    ));
    assert_eq!(
        first.trim(),
        ws.join("doc/adr/0001-use-delta-lake.md").to_str().unwrap()
    );
    ok(&studyplan(&db, &["adr", "new", "Use Iceberg", "-s", "1"]));
    ok(&studyplan(&db, &["adr", "new", "Partition by day"]));
    ok(&studyplan(&db, &["adr", "link", "3", "Amends", "2"]));
    let listed = ok(&studyplan(
        &db,
        &["adr", "list", "--status", "proposed", "--json"],
    ));
    let v: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let numbers: Vec<u64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, [2, 3]);
    assert_eq!(v[0]["links"][1]["kind"], "Amended by");
    let toc = ok(&studyplan(&db, &["adr", "toc"]));
    assert_eq!(
        toc,
        "# Architecture Decision Records\n\n* [1. Use Delta Lake](0001-use-delta-lake.md)\n* [2. Use Iceberg](0002-use-iceberg.md)\n* [3. Partition by day](0003-partition-by-day.md)\n"
    );
    let bad = studyplan(&db, &["adr", "new", "--", "---"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no letters or digits"));
    let bad = studyplan(&db, &["adr", "status", "1", "Proposed"]);
    assert_eq!(
        bad.status.code(),
        Some(2),
        "Accepted cannot go back to Proposed"
    );
}

#[test]
fn readme_check_exit_codes_complete_incomplete_malformed() {
    let dir = tempfile::tempdir().unwrap();
    let db = setup(dir.path());
    let path = ok(&studyplan(&db, &["readme", "new", "p1-log-etl"]));
    let path = path.trim();
    assert!(path.ends_with("portfolio/week-01/README.md"), "{path}");
    // Fresh from the template: incomplete, one finding per unwritten section
    // and unmentioned deliverable, each `file:line: message`.
    let out = studyplan(&db, &["readme", "check", path]);
    assert_eq!(out.status.code(), Some(1));
    let findings = String::from_utf8(out.stdout).unwrap();
    assert_eq!(findings.lines().count(), 12 + 6, "{findings}");
    assert!(
        findings.lines().all(|l| l.starts_with(&format!("{path}:"))),
        "{findings}"
    );
    assert!(
        findings.contains(
            ":10: section \"Architecture Diagram\" still holds the template's placeholder"
        ),
        "{findings}"
    );

    // Every section written and every deliverable named: complete. Checked
    // with an explicit plan and no database at all, as a user's CI would.
    let text = std::fs::read_to_string(path).unwrap();
    let mut done = String::new();
    for line in text.lines() {
        if line.starts_with("<!--") && line.contains("to be written") {
            done.push_str("Written: tests, Dockerfile, Makefile, CI (lint+test), README, ERD, performance notes.\n");
        } else {
            done.push_str(line);
            done.push('\n');
        }
    }
    let complete = dir.path().join("complete.md");
    std::fs::write(&complete, done).unwrap();
    let nodb = dir.path().join("none.db");
    let out = studyplan(
        &nodb,
        &[
            "readme",
            "check",
            "--plan",
            "senior-de-2025",
            complete.to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(!nodb.exists(), "the linter does not create a database");

    // Malformed: not UTF-8, or not found: exit 2 with the reason.
    let bin = dir.path().join("binary.md");
    std::fs::write(&bin, b"\xff\xfe\x00\x01").unwrap();
    let out = studyplan(
        &db,
        &[
            "readme",
            "check",
            complete.to_str().unwrap(),
            bin.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
    let out = studyplan(
        &db,
        &[
            "readme",
            "check",
            "--project",
            "nope",
            complete.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn log_and_render_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = setup(dir.path());
    let path = ok(&studyplan(&db, &["log", "2025-08-19"]));
    let text = std::fs::read_to_string(path.trim()).unwrap();
    assert!(text.starts_with("# Study log: Tue 2025-08-19\n"), "{text}");
    assert_eq!(
        text.lines().filter(|l| l.starts_with("- [ ]")).count(),
        7,
        "the day's seven blocks:\n{text}"
    );
    let md = dir.path().join("x.md");
    std::fs::write(
        &md,
        "# Hi\n\n<script>window.__pwned=1</script>[x](javascript:alert(1))\n",
    )
    .unwrap();
    let html = ok(&studyplan(&db, &["docs", "render", md.to_str().unwrap()]));
    assert!(html.starts_with("<h1>Hi</h1>"), "{html}");
    assert!(
        !html.contains("<script") && !html.contains("href=\"javascript"),
        "{html}"
    );
    let bad = studyplan(&db, &["log", "2025-02-30"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn mistakes_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = setup(dir.path());
    let out = ok(&studyplan(
        &db,
        &[
            "--json",
            "mistake",
            "add",
            "--track",
            "sql",
            "--topic",
            "Window functions",
            "--what",
            "Forgot PARTITION BY",
            "--date",
            "2025-08-19",
        ],
    ));
    let m: serde_json::Value = serde_json::from_str(&out).unwrap();
    let days: Vec<&str> = m["revisits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["date"].as_str().unwrap())
        .collect();
    assert_eq!(days, ["2025-08-21", "2025-08-26"]);
    let first = m["revisits"][0]["id"].as_i64().unwrap().to_string();
    let out = ok(&studyplan(&db, &["--json", "revisit", &first, "again"]));
    let m: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(m["revisits"].as_array().unwrap().len(), 3);
    let listed = ok(&studyplan(&db, &["mistakes"]));
    assert!(
        listed.contains("Advanced SQL · Window functions: Forgot PARTITION BY"),
        "{listed}"
    );
    let bad = studyplan(&db, &["revisit", &first, "maybe"]);
    assert_eq!(bad.status.code(), Some(2));
    let bad = studyplan(
        &db,
        &[
            "mistake", "add", "--track", "nope", "--topic", "x", "--what", "y",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("its tracks are"));
}

#[test]
fn mistakes_from_a_daily_log_with_line_numbers_for_what_was_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let db = setup(dir.path());
    let path = ok(&studyplan(&db, &["log", "2025-08-19"]));
    let path = Path::new(path.trim());
    let text = std::fs::read_to_string(path).unwrap();
    let hint = text
        .lines()
        .find(|l| l.starts_with("<!-- One mistake per line"))
        .expect("the mistakes field says how to write one")
        .to_string();
    let edited = text.replace(
        &hint,
        &format!("{hint}\n- dsa: Heaps — used a max-heap → negate the keys\n- nope: x — y"),
    );
    std::fs::write(path, &edited).unwrap();
    let bad_line = edited.lines().position(|l| l == "- nope: x — y").unwrap() + 1;
    let out = studyplan(&db, &["mistake", "from-log", "2025-08-19"]);
    assert_eq!(out.status.code(), Some(3), "a skipped line is exit code 3");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "logs/2025-08-19.md:{bad_line}: nope: x — y: `nope` is not a track"
        )),
        "{err}"
    );
    let listed: serde_json::Value =
        serde_json::from_str(&ok(&studyplan(&db, &["mistakes", "--json"]))).unwrap();
    assert_eq!(listed[0]["topic"], "Heaps");
    assert_eq!(listed[0]["fix"], "negate the keys");
    assert_eq!(listed.as_array().unwrap().len(), 1);
}
