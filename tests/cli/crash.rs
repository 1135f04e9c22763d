//! Crash safety: the CLI killed (SIGKILL) at random points while it writes,
//! 50 times. After each kill the database passes `PRAGMA integrity_check`,
//! every write whose command had finished is there, and the file still
//! opens the way the app opens it (lock, migrations).

use crate::studyplan;
use std::process::Command;
use std::time::Duration;

/// A small deterministic generator: kill delays vary, runs repeat.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn fifty_kills_during_writes_lose_nothing_that_was_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let load = studyplan(&db, &["plan", "load", "senior-de-2025", "--tz", "UTC"]);
    assert!(load.status.success());
    let id = "senior-de-2025:2025-08-19:1";
    let mut rng = Lcg(0x5eed);
    let mut confirmed: Option<String> = None;
    let (mut finished, mut killed) = (0, 0);
    for i in 0..50 {
        let note = format!("note {i}");
        // Every third run loads the plan again: a big write, killed midway more often.
        let args: Vec<&str> = if i % 3 == 2 {
            vec!["plan", "load", "senior-de-2025", "--tz", "UTC"]
        } else {
            vec!["block", "note", id, &note]
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_studyplan"))
            .args(&args)
            .env("STUDYPLAN_DB", &db)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.next() % 40_000));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.success() {
            finished += 1;
            if args[0] == "block" {
                confirmed = Some(note.clone());
            }
        } else {
            killed += 1;
        }
        let c = rusqlite::Connection::open(&db).unwrap();
        let check: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "after run {i}");
        let stored: Option<String> = c
            .query_row("SELECT user_note FROM blocks WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap();
        if let Some(want) = &confirmed {
            // The last confirmed note, or a later one whose process was killed after committing.
            let n = |s: &str| s.trim_start_matches("note ").parse::<u32>().unwrap_or(0);
            let got = stored.clone().unwrap_or_default();
            assert!(
                n(&got) >= n(want),
                "run {i}: confirmed `{want}` but the database has {stored:?}"
            );
        }
        drop(c);
        studyplan_core::Store::open(&db).expect("the database opens as the app opens it");
    }
    // The random delays hit both sides of the commit.
    assert!(
        finished > 0 && killed > 0,
        "finished {finished}, killed {killed}"
    );
}
