//! ICS export checked by independent readers: Python's icalendar and calcurse.

use crate::studyplan;
use std::process::Command;

fn exported(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("s.db");
    assert!(studyplan(
        &db,
        &["plan", "load", "senior-de-2025", "--tz", "Europe/Berlin"]
    )
    .status
    .success());
    assert!(
        studyplan(&db, &["block", "done", "senior-de-2025:2025-08-19:1"])
            .status
            .success()
    );
    let file = dir.join("plan.ics");
    let out = studyplan(&db, &["export", "ics", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("milestones"));
    file
}

/// Debian's Python with its python3-icalendar package.
const PY: &str = "/usr/bin/python3";

#[test]
fn python_icalendar_reads_every_block_with_zone_alarm_and_category() {
    let dir = tempfile::tempdir().unwrap();
    let file = exported(dir.path());
    let script = r#"
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
evs = [c for c in cal.walk('VEVENT')]
tz = [c for c in cal.walk('VTIMEZONE')]
first = [e for e in evs if str(e['UID']) == 'senior-de-2025:2025-08-19:1@studyplan'][0]
alarm = first.walk('VALARM')[0]
ms = [e for e in evs if 'milestone' in str(e['UID'])]
p3 = [e for e in ms if 'Project 3 delivered' in str(e['SUMMARY'])][0]
print(json.dumps({
  'events': len(evs), 'uids': len({str(e['UID']) for e in evs}),
  'tzid': str(tz[0]['TZID']), 'start': first.decoded('DTSTART').isoformat(),
  'end': first.decoded('DTEND').isoformat(), 'summary': str(first['SUMMARY']),
  'category': first['CATEGORIES'].to_ical().decode(), 'trigger': str(alarm.decoded('TRIGGER')),
  'desc': str(first.get('DESCRIPTION', '')), 'milestones': len(ms), 'p3': p3.decoded('DTSTART').isoformat(),
  'status': str(first.get('STATUS', '')),
}))
"#;
    let out = Command::new(PY)
        .arg("-c")
        .arg(script)
        .arg(&file)
        .output()
        .expect("python3 with icalendar (apt: python3-icalendar)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let events = v["events"].as_u64().unwrap();
    assert_eq!(v["uids"].as_u64().unwrap(), events, "UIDs are unique");
    assert!(v["milestones"].as_u64().unwrap() >= 10);
    assert!(events > 390, "{events}");
    assert_eq!(v["tzid"], "Europe/Berlin");
    assert_eq!(v["start"], "2025-08-19T08:00:00+02:00");
    assert_eq!(v["end"], "2025-08-19T09:30:00+02:00");
    assert_eq!(v["summary"], "Python DSA");
    assert_eq!(v["category"], "Python DSA");
    assert_eq!(v["trigger"], "-1 day, 23:55:00", "5 minutes before");
    assert!(
        v["desc"].as_str().unwrap().contains("Sliding Window"),
        "{}",
        v["desc"]
    );
    assert_eq!(v["p3"], "2025-09-07");
    assert_eq!(v["status"], "CONFIRMED", "a done block is confirmed");
}

#[test]
fn calcurse_imports_the_file_and_shows_the_day_at_local_time() {
    let dir = tempfile::tempdir().unwrap();
    let file = exported(dir.path());
    let cal = dir.path().join("calcurse");
    std::fs::create_dir_all(&cal).unwrap();
    let run = |args: &[&str]| {
        Command::new("calcurse")
            .arg("-D")
            .arg(&cal)
            .args(args)
            .env("TZ", "Europe/Berlin")
            .output()
            .expect("calcurse (apt: calcurse)")
    };
    let imp = run(&["-q", "-i", file.to_str().unwrap()]);
    assert!(
        imp.status.success(),
        "{}",
        String::from_utf8_lossy(&imp.stderr)
    );
    let day = run(&[
        "--input-datefmt",
        "4",
        "-Q",
        "--from",
        "2025-08-19",
        "--days",
        "1",
        "--filter-type",
        "apt",
    ]);
    let text = String::from_utf8_lossy(&day.stdout);
    assert!(
        text.contains("08:00 -> 09:30") && text.contains("Python DSA"),
        "{text}"
    );
    assert_eq!(
        text.matches(" -> ").count(),
        7,
        "seven blocks on Tue 19 Aug: {text}"
    );
}
