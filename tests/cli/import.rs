//! `studyplan import ics` on a corpus of real-world-shaped files
//! (tests/fixtures/ics): each gives the right events and the right skipped
//! components, and agrees with Python's icalendar on what the file holds.

use super::{root, studyplan};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

const PY: &str = "/usr/bin/python3";

/// Expected for one corpus file, with the reference plan active in Berlin.
struct Want {
    file: &'static str,
    events: u64,
    instances: u64,
    cancelled: u64,
    /// (line, words in the reason)
    skipped: &'static [(u64, &'static str)],
    /// (summary, start UTC, end UTC, busy)
    some: &'static [(&'static str, &'static str, &'static str, bool)],
}

const CORPUS: &[Want] = &[
    Want {
        file: "01-google.ics",
        events: 3,
        instances: 3,
        cancelled: 0,
        skipped: &[],
        some: &[(
            "Quarterly planning",
            "2025-08-20T07:30:00Z",
            "2025-08-20T08:30:00Z",
            true,
        )],
    },
    Want {
        file: "02-outlook.ics",
        events: 3,
        instances: 3,
        cancelled: 0,
        skipped: &[],
        some: &[
            (
                "Sprint review",
                "2025-08-25T12:00:00Z",
                "2025-08-25T13:00:00Z",
                true,
            ),
            (
                "Call with the New York office",
                "2025-08-26T13:00:00Z",
                "2025-08-26T13:30:00Z",
                true,
            ),
            (
                "Out of office (tentative)",
                "2025-08-27T06:00:00Z",
                "2025-08-27T07:00:00Z",
                false,
            ),
        ],
    },
    Want {
        file: "03-lf-only.ics",
        events: 2,
        instances: 2,
        cancelled: 0,
        skipped: &[],
        some: &[(
            "Early gym",
            "2025-08-28T07:00:00Z",
            "2025-08-28T08:00:00Z",
            true,
        )],
    },
    Want {
        file: "04-all-day.ics",
        events: 3,
        instances: 3,
        cancelled: 0,
        skipped: &[],
        some: &[
            // Dates are days in the plan's zone (Berlin, +02:00 in summer).
            (
                "Sam's birthday",
                "2025-08-28T22:00:00Z",
                "2025-08-29T22:00:00Z",
                false,
            ),
            (
                "Family trip",
                "2025-08-31T22:00:00Z",
                "2025-09-02T22:00:00Z",
                true,
            ),
            (
                "Day of German Unity",
                "2025-10-02T22:00:00Z",
                "2025-10-03T22:00:00Z",
                false,
            ),
        ],
    },
    Want {
        file: "05-floating.ics",
        events: 1,
        instances: 1,
        cancelled: 0,
        skipped: &[],
        some: &[(
            "Piano lesson",
            "2025-09-02T17:00:00Z",
            "2025-09-02T18:00:00Z",
            true,
        )],
    },
    Want {
        file: "06-no-uid-no-dtend.ics",
        events: 3,
        instances: 3,
        cancelled: 0,
        skipped: &[],
        some: &[
            (
                "No UID here",
                "2025-09-03T10:00:00Z",
                "2025-09-03T11:00:00Z",
                true,
            ),
            (
                "Has a DURATION",
                "2025-09-03T13:00:00Z",
                "2025-09-03T14:30:00Z",
                true,
            ),
            (
                "Neither DTEND nor DURATION",
                "2025-09-03T15:00:00Z",
                "2025-09-03T15:00:00Z",
                true,
            ),
        ],
    },
    Want {
        file: "07-rrule-exdate-override.ics",
        events: 3,
        // Mondays and Wednesdays 2025-08-18 .. 2025-10-15: 18, less the
        // EXDATE and the cancelled override.
        instances: 16,
        cancelled: 1,
        skipped: &[],
        some: &[
            (
                "Team standup",
                "2025-08-18T07:15:00Z",
                "2025-08-18T07:30:00Z",
                true,
            ),
            (
                "Team standup (moved)",
                "2025-09-01T09:00:00Z",
                "2025-09-01T09:15:00Z",
                true,
            ),
            (
                "Team standup",
                "2025-10-15T07:15:00Z",
                "2025-10-15T07:30:00Z",
                true,
            ),
        ],
    },
    Want {
        file: "08-rrule-endless.ics",
        events: 2,
        instances: 1,
        cancelled: 0,
        skipped: &[(4, "cut after 20000 occurrences")],
        some: &[(
            "A normal meeting",
            "2025-09-04T08:00:00Z",
            "2025-09-04T09:00:00Z",
            true,
        )],
    },
    Want {
        file: "09-truncated.ics",
        events: 3,
        instances: 2,
        cancelled: 0,
        skipped: &[(18, "the file ends inside it")],
        some: &[(
            "Before the cut 2",
            "2025-09-05T10:00:00Z",
            "2025-09-05T11:00:00Z",
            true,
        )],
    },
    Want {
        file: "10-garbage.ics",
        events: 4,
        instances: 2,
        cancelled: 0,
        skipped: &[(12, "ends before it starts"), (19, "no DTSTART")],
        some: &[
            (
                "Café meeting",
                "2025-09-08T08:00:00Z",
                "2025-09-08T09:00:00Z",
                true,
            ),
            // A Latin-1 line, with a control character dropped.
            (
                "Réunion bad bytes",
                "2025-09-08T14:00:00Z",
                "2025-09-08T15:00:00Z",
                true,
            ),
        ],
    },
    Want {
        file: "12-two-calendars.ics",
        events: 2,
        instances: 2,
        cancelled: 0,
        skipped: &[],
        some: &[(
            "From the second calendar",
            "2025-09-09T10:00:00Z",
            "2025-09-09T11:00:00Z",
            true,
        )],
    },
    Want {
        file: "13-cancelled-transparent.ics",
        events: 3,
        instances: 2,
        cancelled: 1,
        skipped: &[],
        some: &[
            (
                "Optional webinar",
                "2025-09-10T10:00:00Z",
                "2025-09-10T11:00:00Z",
                false,
            ),
            (
                "Maybe coffee",
                "2025-09-10T12:00:00Z",
                "2025-09-10T13:00:00Z",
                true,
            ),
        ],
    },
    Want {
        file: "14-apple.ics",
        events: 1,
        instances: 1,
        cancelled: 0,
        skipped: &[],
        some: &[(
            "Parent-teacher evening",
            "2025-09-11T22:00:00Z",
            "2025-09-11T23:00:00Z",
            true,
        )],
    },
    Want {
        file: "15-thunderbird.ics",
        events: 1,
        instances: 1,
        cancelled: 0,
        skipped: &[],
        some: &[(
            "Book club",
            "2025-09-12T17:30:00Z",
            "2025-09-12T19:00:00Z",
            true,
        )],
    },
    Want {
        file: "16-rdate-utc.ics",
        events: 1,
        instances: 3,
        cancelled: 0,
        skipped: &[],
        some: &[(
            "Tutoring",
            "2025-09-19T16:00:00Z",
            "2025-09-19T17:00:00Z",
            true,
        )],
    },
];

fn reference(path: &Path) -> Value {
    let out = Command::new(PY)
        .arg(root().join("tests/cli/ics_reference.py"))
        .arg(path)
        .output()
        .expect("python3 with icalendar (apt: python3-icalendar)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn busy(db: &Path, from: &str, to: &str) -> Vec<Value> {
    let out = studyplan(db, &["--json", "busy", "--from", from, "--to", to]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn every_corpus_file_imports_its_events_and_reports_what_it_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let out = studyplan(
        &db,
        &["plan", "load", "senior-de-2025", "--tz", "Europe/Berlin"],
    );
    assert!(out.status.success());
    let corpus = root().join("tests/fixtures/ics");
    let on_disk = std::fs::read_dir(&corpus).unwrap().count();
    assert!(on_disk >= 16, "{on_disk} files");
    for w in CORPUS {
        let path = corpus.join(w.file);
        let out = studyplan(&db, &["--json", "import", "ics", path.to_str().unwrap()]);
        let code = out.status.code();
        assert_eq!(
            code,
            Some(if w.skipped.is_empty() { 0 } else { 3 }),
            "{}: {}",
            w.file,
            String::from_utf8_lossy(&out.stderr)
        );
        let src: Value = serde_json::from_slice(&out.stdout).unwrap();
        let r = &src["report"];
        let got = (
            r["events"].as_u64().unwrap(),
            r["instances"].as_u64().unwrap(),
            r["cancelled"].as_u64().unwrap(),
        );
        assert_eq!(got, (w.events, w.instances, w.cancelled), "{}: {r}", w.file);
        let skipped = r["skipped"].as_array().unwrap();
        assert_eq!(skipped.len(), w.skipped.len(), "{}: {r}", w.file);
        for (s, (line, words)) in skipped.iter().zip(w.skipped) {
            assert_eq!(s["line"].as_u64(), Some(*line), "{}: {s}", w.file);
            assert!(
                s["reason"].as_str().unwrap().contains(words),
                "{}: {s}",
                w.file
            );
        }
        let shown: Vec<Value> = busy(&db, "2025-08-01", "2025-10-31")
            .into_iter()
            .filter(|e| e["source_id"] == src["id"])
            .collect();
        assert_eq!(shown.len() as u64, w.instances, "{}", w.file);
        for (summary, start, end, is_busy) in w.some {
            assert!(
                shown.iter().any(|e| e["summary"] == *summary
                    && e["start_utc"] == *start
                    && e["end_utc"] == *end
                    && e["busy"] == *is_busy),
                "{}: no “{summary}” {start}–{end} busy={is_busy} in {shown:#?}",
                w.file
            );
        }

        // Python's icalendar on the same file: the same VEVENT components,
        // and the same start for every one-off timed event it can place.
        let py = reference(&path);
        // A file the library gives up on reads as an error or as nothing.
        if let Some(events) = py["events"].as_array().filter(|e| !e.is_empty()) {
            assert_eq!(
                events.len() as u64,
                w.events,
                "{}: python read {py}",
                w.file
            );
            for e in events {
                let one_off = !e["recurring"].as_bool().unwrap() && e["status"] != "CANCELLED";
                if let (true, Some(start)) = (one_off, e["start_utc"].as_str()) {
                    let summary = e["summary"].as_str().unwrap();
                    assert!(
                        shown.iter().any(|s| s["start_utc"] == start),
                        "{}: python has “{summary}” at {start}; studyplan: {shown:#?}",
                        w.file
                    );
                }
            }
        } else {
            // The library gives up on the whole file; studyplan keeps what is valid.
            assert!(
                w.instances > 0 && !w.skipped.is_empty(),
                "{}: python: {py}",
                w.file
            );
        }
    }
}

#[test]
fn a_file_that_is_not_a_calendar_is_refused_in_words_and_nothing_is_added() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let bin = root().join("tests/fixtures/ics/11-binary.ics");
    let out = studyplan(&db, &["--json", "import", "ics", bin.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "bad input");
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["kind"], "invalid_input");
    assert!(
        err["message"].as_str().unwrap().contains("BEGIN:VCALENDAR"),
        "{err}"
    );
    let out = studyplan(&db, &["--json", "subscriptions"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
    let missing = dir.path().join("nope.ics");
    let out = studyplan(&db, &["import", "ics", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.ics"));
}

#[test]
fn busy_time_blocks_moves_and_adds_and_marks_blocks_it_collides_with() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    assert!(studyplan(
        &db,
        &["plan", "load", "senior-de-2025", "--tz", "Europe/Berlin"]
    )
    .status
    .success());
    let f = root().join("tests/fixtures/ics/07-rrule-exdate-override.ics");
    assert!(studyplan(&db, &["import", "ics", f.to_str().unwrap()])
        .status
        .success());
    // The standup (09:15–09:30) sits inside Wednesday's first block.
    let out = studyplan(&db, &["--json", "agenda", "--date", "2025-08-20"]);
    let blocks: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(blocks[0]["busy"], "Team standup (07-rrule-exdate-override)");
    assert_eq!(blocks[1]["busy"], Value::Null);
    // Nothing may land on it: not a move...
    let out = studyplan(
        &db,
        &[
            "--json",
            "block",
            "move",
            "senior-de-2025:2025-08-20:7",
            "--start",
            "2025-08-18 09:00",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["kind"], "conflict");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("“Team standup” (09:15–09:30 on 2025-08-18)"),
        "{err}"
    );
    // ...nor a new block; next to it is fine.
    let add = |start: &str| {
        studyplan(
            &db,
            &[
                "--json",
                "block",
                "add",
                "--title",
                "Extra",
                "--start",
                start,
                "--minutes",
                "15",
                "--track",
                "dsa",
            ],
        )
    };
    assert_eq!(add("2025-08-18 09:20").status.code(), Some(1));
    assert!(add("2025-08-18 09:30").status.success());
    // Removing the calendar frees the time.
    let out = studyplan(&db, &["subscriptions", "remove", "1"]);
    assert!(out.status.success());
    assert!(add("2025-08-18 09:00").status.success());
}

/// The feed server (tests/cli/ics_server.py) on a folder; killed on drop.
struct Feed {
    child: std::process::Child,
    port: u16,
    dir: std::path::PathBuf,
}

impl Feed {
    fn start(dir: &Path) -> Feed {
        use std::io::BufRead;
        let mut child = Command::new(PY)
            .arg(root().join("tests/cli/ics_server.py"))
            .arg(dir)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        Feed {
            child,
            port: line.trim().parse().unwrap(),
            dir: dir.to_path_buf(),
        }
    }
    fn url(&self, name: &str) -> String {
        format!("http://127.0.0.1:{}/{name}", self.port)
    }
    fn log(&self) -> Vec<String> {
        std::fs::read_to_string(self.dir.join("requests.log"))
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect()
    }
}

impl Drop for Feed {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn json_ok(out: std::process::Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_subscription_is_read_once_then_costs_a_304_until_the_feed_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let www = dir.path().join("www");
    std::fs::create_dir(&www).unwrap();
    let corpus = root().join("tests/fixtures/ics");
    std::fs::copy(corpus.join("01-google.ics"), www.join("work.ics")).unwrap();
    assert!(studyplan(
        &db,
        &["plan", "load", "senior-de-2025", "--tz", "Europe/Berlin"]
    )
    .status
    .success());
    let feed = Feed::start(&www);

    let src = json_ok(studyplan(
        &db,
        &[
            "--json",
            "import",
            "ics",
            &feed.url("work.ics"),
            "--name",
            "Work",
            "--refresh",
            "30",
        ],
    ));
    assert_eq!(
        (src["kind"].as_str(), src["name"].as_str()),
        (Some("url"), Some("Work"))
    );
    assert_eq!(src["refresh_minutes"], 30);
    assert_eq!(src["report"]["instances"], 3);

    // Unchanged: the validators go back and the server answers 304.
    let list = json_ok(studyplan(&db, &["--json", "subscriptions", "refresh", "1"]));
    assert_eq!(list[0]["report"]["not_modified"], true, "{list}");
    assert_eq!(list[0]["report"]["instances"], 3);
    let log = feed.log();
    assert_eq!(log.len(), 2, "{log:?}");
    assert!(log[0].starts_with("/work.ics 200 - -"), "{log:?}");
    assert!(log[1].starts_with("/work.ics 304 \""), "{log:?}");
    assert!(
        !log[1].ends_with(" -"),
        "If-Modified-Since sent too: {log:?}"
    );

    // Changed: read in full, and the busy time follows.
    std::fs::copy(
        corpus.join("07-rrule-exdate-override.ics"),
        www.join("work.ics"),
    )
    .unwrap();
    let list = json_ok(studyplan(&db, &["--json", "subscriptions", "refresh"]));
    assert_eq!(list[0]["report"]["not_modified"], false);
    assert_eq!(list[0]["report"]["instances"], 16);
    let shown = busy(&db, "2025-08-20", "2025-08-20");
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0]["summary"], "Team standup");

    // Refused access: said in words, and nothing is added.
    let out = studyplan(
        &db,
        &["--json", "import", "ics", &feed.url("forbidden.ics")],
    );
    assert_eq!(out.status.code(), Some(1));
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("refused access (403 Forbidden)"),
        "{err}"
    );
    let out = studyplan(&db, &["--json", "import", "ics", &feed.url("gone.ics")]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("404"));
    assert_eq!(
        json_ok(studyplan(&db, &["--json", "subscriptions"]))
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // The server goes away: the refresh fails in words, the busy time stays.
    drop(feed);
    let out = studyplan(&db, &["--json", "subscriptions", "refresh", "1"]);
    assert_eq!(out.status.code(), Some(1));
    let list = json_ok(studyplan(&db, &["--json", "subscriptions"]));
    let error = list[0]["last_error"].as_str().unwrap();
    assert!(
        error.contains("cannot fetch the calendar from 127.0.0.1"),
        "{error}"
    );
    assert_eq!(busy(&db, "2025-08-20", "2025-08-20").len(), 1);
}

#[test]
fn subscription_addresses_are_checked_before_anything_is_fetched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    for (url, words) in [
        ("ftp://example.org/cal.ics", "http, https or webcal"),
        (
            "https://ada:secret@example.org/cal.ics",
            "user name or password",
        ),
        ("https:///cal.ics", "no host"),
    ] {
        let out = studyplan(&db, &["--json", "import", "ics", url]);
        assert_eq!(out.status.code(), Some(2), "{url}");
        let err: Value = serde_json::from_slice(&out.stderr).unwrap();
        assert!(
            err["message"].as_str().unwrap().contains(words),
            "{url}: {err}"
        );
    }
}

#[test]
fn a_hundred_thousand_event_file_is_imported_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let ics = dir.path().join("large.ics");
    let gen = Command::new(PY)
        .arg(root().join("scripts/gen-large-ics"))
        .arg(&ics)
        .arg("100000")
        .status()
        .unwrap();
    assert!(gen.success());
    assert!(studyplan(
        &db,
        &["plan", "load", "senior-de-2025", "--tz", "Europe/Berlin"]
    )
    .status
    .success());
    let src = json_ok(studyplan(
        &db,
        &["--json", "import", "ics", ics.to_str().unwrap()],
    ));
    let r = &src["report"];
    assert_eq!(r["events"], 100_000, "{r}");
    assert_eq!(r["skipped"].as_array().unwrap().len(), 0, "{r}");
    // Everything from the window's first day on is kept: all but the
    // meetings of 2025-08-01..11, plus nine more occurrences per series.
    let kept = r["instances"].as_u64().unwrap();
    assert!((99_000..=100_900).contains(&kept), "{kept}");
    // The first event, read back from the file, is on the calendar.
    let text = std::fs::read_to_string(&ics).unwrap();
    let at = text.find("UID:bench-0@").unwrap();
    let start = &text[at..][text[at..].find("DTSTART;TZID=Europe/Berlin:").unwrap() + 27..][..15];
    let date = format!("{}-{}-{}", &start[..4], &start[4..6], &start[6..8]);
    let hm = format!("{}:{}", &start[9..11], &start[11..13]);
    let day = busy(&db, &date, &date);
    assert!(
        day.iter()
            .any(|e| e["summary"].as_str().unwrap().ends_with("#0") && e["start"] == hm),
        "{date} {hm}: {day:#?}"
    );
}
