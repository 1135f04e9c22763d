//! The failing cases of ../shared/cases (copied to tests/fixtures/cases),
//! each held to its right behaviour: DST gaps and repeated hours laid out
//! in elapsed time and exported unambiguously, bounds on every number, a
//! reminder lead the engine can send, one-line titles.

use crate::studyplan;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn case(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/cases")
        .join(format!("{name}.toml"))
        .to_string_lossy()
        .into_owned()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn refused(db: &Path, name: &str, want: &str) {
    for verb in [&["validate"][..], &["plan", "load"][..]] {
        let mut args = verb.to_vec();
        let file = case(name);
        args.push(&file);
        let out = studyplan(db, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?} exits 2, no panic");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("{name}.toml:")) && err.contains(want),
            "{args:?}: {err}"
        );
    }
}

fn loaded(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join("s.db");
    ok(&studyplan(&db, &["plan", "load", &case(name)]));
    db
}

#[test]
fn case_huge_minutes_get_a_position_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    refused(
        &dir.path().join("s.db"),
        "huge",
        "huge.toml:20:11: block `Forever` lasts 4294967295 minutes; a block lasts 1 to 1440",
    );
}

#[test]
fn case_long_lead_beyond_what_the_engine_sends_is_refused_with_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    refused(&dir.path().join("s.db"), "long-lead", "long-lead.toml:13:16: a reminder 180 minutes ahead is further than the reminder engine looks (120 minutes)");
}

#[test]
fn case_text_titles_with_control_characters_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    refused(
        &dir.path().join("s.db"),
        "text",
        // at the title's own line, not its block's `track` line above it
        "text.toml:20:9: block title `two\\nlines` holds a control character (U+000A)",
    );
}

/// ../shared/cases/gap.toml (tests/fixtures/cases/gap.toml).
#[test]
fn case_gap_the_spring_gap_is_laid_out_in_elapsed_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = loaded(dir.path(), "gap");
    let blocks: serde_json::Value = serde_json::from_str(&ok(&studyplan(
        &db,
        &["--json", "agenda", "--date", "2026-03-29"],
    )))
    .unwrap();
    let got: Vec<(&str, &str, &str)> = blocks
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["title"].as_str().unwrap(),
                b["start"].as_str().unwrap(),
                b["start_utc"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("B1", "03:00", "2026-03-29T01:00:00Z"),
            ("B2", "03:30", "2026-03-29T01:30:00Z"),
            ("B3", "04:00", "2026-03-29T02:00:00Z"),
        ]
    );
}

/// ../shared/cases/fallback.toml (tests/fixtures/cases/fallback.toml).
#[test]
fn case_fallback_the_repeated_hour_ends_at_the_second_0130_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let db = loaded(dir.path(), "fallback");
    let blocks: serde_json::Value = serde_json::from_str(&ok(&studyplan(
        &db,
        &["--json", "agenda", "--date", "2025-11-02"],
    )))
    .unwrap();
    assert_eq!(blocks[0]["start_utc"], "2025-11-02T05:30:00Z");
    assert_eq!(blocks[0]["end_utc"], "2025-11-02T06:30:00Z");
    assert_eq!(
        (&blocks[0]["start_pass"], &blocks[0]["end_pass"]),
        (&serde_json::Value::Null, &serde_json::json!("EST"))
    );
    let text = ok(&studyplan(&db, &["agenda", "--date", "2025-11-02"]));
    assert!(
        text.contains("01:30–01:30 EST"),
        "the second 01:30 is marked: {text}"
    );

    let file = dir.path().join("f.ics");
    ok(&studyplan(&db, &["export", "ics", file.to_str().unwrap()]));
    let ics = std::fs::read_to_string(&file).unwrap();
    assert!(
        ics.contains("DTSTART:20251102T053000Z") && ics.contains("DTEND:20251102T063000Z"),
        "{ics}"
    );
    let py = Command::new("/usr/bin/python3")
        .arg("-c")
        .arg("import sys, icalendar\ne = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read()).walk('VEVENT')[0]\nprint(int((e.decoded('DTEND') - e.decoded('DTSTART')).total_seconds() // 60), e.decoded('DTEND').isoformat())")
        .arg(&file)
        .output()
        .expect("python3 with icalendar (apt: python3-icalendar)");
    assert_eq!(
        String::from_utf8_lossy(&ok(&py).into_bytes()).trim(),
        "60 2025-11-02T06:30:00+00:00"
    );
    let cal = dir.path().join("calcurse");
    std::fs::create_dir_all(&cal).unwrap();
    let run = |args: &[&str]| {
        Command::new("calcurse")
            .arg("-D")
            .arg(&cal)
            .args(args)
            .env("TZ", "America/New_York")
            .output()
            .expect("calcurse (apt: calcurse)")
    };
    let imp = run(&["-q", "-i", file.to_str().unwrap()]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&imp.stdout),
        String::from_utf8_lossy(&imp.stderr)
    );
    assert!(
        imp.status.success() && !said.contains("skipped") && !said.contains("rror"),
        "{said}"
    );
    let day = run(&[
        "--input-datefmt",
        "4",
        "-Q",
        "--from",
        "2025-11-02",
        "--days",
        "1",
        "--filter-type",
        "apt",
    ]);
    let shown = String::from_utf8_lossy(&day.stdout);
    assert!(
        shown.contains("Repeated hour"),
        "calcurse imported the event: {shown}"
    );
}

/// Hardening found by an adversarial pass: every text a plan shows is one
/// line, files that never end are refused, and a plan too big to store is
/// refused before it is expanded.
#[test]
fn plan_text_fields_pipes_and_oversized_plans_are_refused_with_positions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let base = std::fs::read_to_string(case("gap")).unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.display().to_string()
    };
    // A plan title with an escape sequence, on its own line and column.
    let title_line = base.lines().position(|l| l.starts_with("title")).unwrap() + 1;
    let bad = base.replacen("title = \"", "title = \"\\u001b[31m", 1);
    let f = write("title.toml", &bad);
    let out = studyplan(&db, &["validate", &f]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("title.toml:{title_line}:9: plan title")),
        "{err}"
    );
    // A pipe is not read (it could block for ever).
    let fifo = dir.path().join("fifo.toml");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let out = studyplan(&db, &["--json", "validate", fifo.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let diags: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        diags[0]["message"]
            .as_str()
            .unwrap()
            .contains("not a regular file"),
        "{diags}"
    );
    // 3,652 days of 1,440 one-minute blocks: refused up front.
    let huge = "format = 1\nid = \"huge\"\ntitle = \"Huge\"\ntimezone = \"UTC\"\n\n[period]\nstart = 2026-01-01\nend = 2035-12-31\n\n[[tracks]]\nid = \"t\"\nname = \"T\"\n\n[[day_templates]]\nid = \"d\"\nname = \"D\"\nday_start = \"00:00\"\nbreak_minutes = 0\n"
        .to_string()
        + &"[[day_templates.blocks]]\ntrack = \"t\"\ntitle = \"m\"\nminutes = 1\n".repeat(1440)
        + "\n[schedule]\nmon = \"d\"\ntue = \"d\"\nwed = \"d\"\nthu = \"d\"\nfri = \"d\"\nsat = \"d\"\nsun = \"d\"\n";
    let f = write("huge.toml", &huge);
    let out = studyplan(&db, &["plan", "load", &f]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("huge.toml:7:9: this plan would hold up to 5258880 blocks"),
        "{err}"
    );
}

/// The ICS kind of fault over the odd zones: the reference plan exported in
/// a 30-minute DST zone (Lord Howe, change on 2025-10-05), a +05:45 zone
/// (Kathmandu) and a zone that changes at midnight (Santiago, 2025-09-07):
/// Python's icalendar reads every event at the instant studyplan stored,
/// and calcurse imports every one.
#[test]
fn exports_in_odd_zones_read_back_in_python_and_calcurse() {
    for zone in ["Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago"] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("s.db");
        ok(&studyplan(
            &db,
            &["plan", "load", "senior-de-2025", "--tz", zone],
        ));
        let blocks: serde_json::Value = serde_json::from_str(&ok(&studyplan(
            &db,
            &[
                "--json",
                "agenda",
                "--from",
                "2025-08-19",
                "--to",
                "2025-10-18",
            ],
        )))
        .unwrap();
        let mut want: Vec<String> = blocks
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["start_utc"].as_str().unwrap().to_string())
            .collect();
        want.sort();
        let file = dir.path().join("p.ics");
        ok(&studyplan(&db, &["export", "ics", file.to_str().unwrap()]));
        let py = Command::new("/usr/bin/python3")
            .arg("-c")
            .arg("import sys, datetime, icalendar\nc = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\nfor e in c.walk('VEVENT'):\n    d = e.decoded('DTSTART')\n    if isinstance(d, datetime.datetime):\n        print(d.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'))")
            .arg(&file)
            .output()
            .expect("python3 with icalendar (apt: python3-icalendar)");
        let mut got: Vec<String> = ok(&py).lines().map(str::to_string).collect();
        got.sort();
        assert_eq!(got, want, "{zone}: Python reads the stored instants");

        let cal = dir.path().join("calcurse");
        std::fs::create_dir_all(&cal).unwrap();
        let imp = Command::new("calcurse")
            .arg("-D")
            .arg(&cal)
            .args(["-q", "-i", file.to_str().unwrap()])
            .env("TZ", zone)
            .output()
            .expect("calcurse (apt: calcurse)");
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&imp.stdout),
            String::from_utf8_lossy(&imp.stderr)
        );
        assert!(
            imp.status.success() && !said.contains("skipped"),
            "{zone}: {said}"
        );
        let apts = std::fs::read_to_string(cal.join("apts")).unwrap();
        // Timed appointments read "MM/DD/YYYY @ HH:MM -> ..."; milestones are all-day.
        let timed = apts.lines().filter(|l| l.contains(" @ ")).count();
        assert_eq!(timed, want.len(), "{zone}: calcurse has every block");
    }
}
