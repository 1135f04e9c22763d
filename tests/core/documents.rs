//! Documents against real files: adr-tools' own `adr` command reads what
//! studyplan writes and the reverse, READMEs are checked against the plan's
//! outline, the daily log is filled from the day's blocks, outside changes
//! are never overwritten, and hostile Markdown renders to inert HTML.

use crate::support::{date, fresh, load_shipped, now, TestDb};
use std::path::{Path, PathBuf};
use std::process::Command;
use studyplan_core::documents::{self, daily_log, decisions, projects, DocKind};
use studyplan_core::store::blocks::BlockChange;
use studyplan_core::ErrorKind;

const DAY: &str = "2025-08-19";

/// The reference plan loaded, its documents in `<tmp>/ws`.
fn with_workspace() -> (TestDb, PathBuf) {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let ws = db.dir.path().join("ws");
    documents::set_workspace(&mut db.store, &ws).unwrap();
    (db, ws)
}

/// Run adr-tools' `adr` in `dir` (installed by scripts/lib.sh; a missing
/// command fails the test rather than skipping it).
fn adr(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("adr")
        .args(args)
        .current_dir(dir)
        .env("VISUAL", "true")
        .env("EDITOR", "true")
        .env("ADR_DATE", "2025-08-20")
        .env("LC_ALL", "C")
        .output()
        .expect("adr-tools' `adr` command (Debian package adr-tools)");
    assert!(
        out.status.success(),
        "adr {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}

#[test]
fn adr_tools_lists_and_indexes_what_studyplan_writes() {
    let (mut db, ws) = with_workspace();
    let today = date(DAY);
    let a = decisions::new_adr(
        &mut db.store,
        "Use Delta Lake for the silver layer",
        Some("Accepted"),
        None,
        today,
    )
    .unwrap();
    assert_eq!(
        a.path,
        "doc/adr/0001-use-delta-lake-for-the-silver-layer.md"
    );
    let b = decisions::new_adr(
        &mut db.store,
        "Kafka + Iceberg: replace Delta?",
        None,
        Some(1),
        today,
    )
    .unwrap();
    assert_eq!(b.path, "doc/adr/0002-kafka-iceberg-replace-delta.md");
    decisions::new_adr(&mut db.store, "Partition by event date", None, None, today).unwrap();
    decisions::link(&mut db.store, 3, "Amends", 2, None, today).unwrap();

    // The file layout adr-tools writes: heading, date, status, then the
    // reference plan's eight ADR fields as sections.
    let first = read(&ws.join(&a.path));
    let lines: Vec<&str> = first.lines().collect();
    assert_eq!(lines[0], "# 1. Use Delta Lake for the silver layer");
    assert_eq!(lines[2], "Date: 2025-08-19");
    assert_eq!(lines[4], "## Status");
    let sections: Vec<&str> = lines.iter().filter_map(|l| l.strip_prefix("## ")).collect();
    assert_eq!(
        sections,
        [
            "Status",
            "Context",
            "Decision",
            "Options Considered",
            "Rationale",
            "Consequences (positive/negative)",
            "Security/Compliance Impact",
            "Cost Impact",
            "Links/References"
        ]
    );
    assert!(first.contains("## Status\n\nSuperseded by [2. Kafka + Iceberg: replace Delta?](0002-kafka-iceberg-replace-delta.md)\n\n## Context"), "{first}");
    let second = read(&ws.join(&b.path));
    assert!(second.contains("## Status\n\nProposed\n\nSupersedes [1. Use Delta Lake for the silver layer](0001-use-delta-lake-for-the-silver-layer.md)\n\nAmended by [3. Partition by event date](0003-partition-by-event-date.md)\n\n## Context"), "{second}");

    // adr-tools' view of the same folder.
    let listed = adr(&ws, &["list"]);
    assert_eq!(
        listed.lines().collect::<Vec<_>>(),
        [
            "doc/adr/0001-use-delta-lake-for-the-silver-layer.md",
            "doc/adr/0002-kafka-iceberg-replace-delta.md",
            "doc/adr/0003-partition-by-event-date.md"
        ]
    );
    assert_eq!(
        adr(&ws, &["generate", "toc"]),
        decisions::toc(&db.store).unwrap()
    );

    // adr-tools' own links land where studyplan reads them.
    adr(&ws, &["link", "3", "Clarifies", "1", "Clarified by"]);
    let list = documents::list(&mut db.store, today).unwrap();
    let one = list.entries.iter().find(|e| e.number == Some(1)).unwrap();
    assert_eq!(one.status.as_deref(), Some("Superseded"));
    assert!(
        one.changed_outside,
        "adr link changed the file outside the app"
    );
    let kinds: Vec<(&str, Option<u32>)> = one
        .links
        .iter()
        .map(|l| (l.kind.as_str(), l.target_number))
        .collect();
    assert_eq!(
        kinds,
        [("Superseded by", Some(2)), ("Clarified by", Some(3))]
    );
    let hist: Vec<&str> = one
        .status_history
        .iter()
        .map(|s| s.status.as_str())
        .collect();
    assert_eq!(hist, ["Accepted", "Superseded"]);
}

#[test]
fn studyplan_reads_what_adr_tools_writes() {
    let (mut db, ws) = with_workspace();
    std::fs::create_dir_all(&ws).unwrap();
    adr(&ws, &["new", "Use", "Postgres", "for", "marts"]);
    adr(&ws, &["new", "-s", "1", "Use", "Redshift", "instead"]);
    adr(
        &ws,
        &["new", "-l", "2:Amends:Amended by", "Tune", "sort", "keys"],
    );
    // An older adr-tools spelling, written by hand into a fourth record.
    std::fs::write(
        ws.join("doc/adr/0004-old-spelling.md"),
        "# 4. Old spelling\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\nSupercedes [1. Use Postgres for marts](0001-use-postgres-for-marts.md)\n",
    )
    .unwrap();
    let list = documents::list(&mut db.store, date(DAY)).unwrap();
    let adrs: Vec<_> = list
        .entries
        .iter()
        .filter(|e| e.kind == DocKind::Adr)
        .collect();
    let summary: Vec<(u32, &str, &str)> = adrs
        .iter()
        .map(|e| {
            (
                e.number.unwrap(),
                e.title.as_str(),
                e.status.as_deref().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (1, "Use Postgres for marts", "Superseded"),
            (2, "Use Redshift instead", "Accepted"),
            (3, "Tune sort keys", "Accepted"),
            (4, "Old spelling", "Accepted")
        ]
    );
    assert_eq!(adrs[1].links[0].kind, "Supersedes");
    assert_eq!(adrs[1].links[0].target_number, Some(1));
    assert_eq!(adrs[1].links[1].kind, "Amended by");
    assert_eq!(adrs[2].links[0].kind, "Amends");
    assert_eq!(adrs[3].links[0].kind, "Supercedes", "kept as written");
    assert_eq!(adrs[0].date.as_deref(), Some("2025-08-20"));
    assert_eq!(
        adrs[0].status_history[0].date, "2025-08-20",
        "first status dated by the ADR's Date line"
    );
    assert_eq!(list.adr_dir, ws.join("doc/adr").to_string_lossy());
}

#[test]
fn adr_dir_walks_up_to_adr_dir_file_and_numbers_never_refill_gaps() {
    let (mut db, ws) = with_workspace();
    let repo = ws.parent().unwrap();
    std::fs::write(repo.join(".adr-dir"), "decisions\n").unwrap();
    std::fs::create_dir_all(repo.join("decisions")).unwrap();
    std::fs::write(
        repo.join("decisions/0005-old.md"),
        "# 5. Old\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n",
    )
    .unwrap();
    let e = decisions::new_adr(&mut db.store, "Next one", None, None, date(DAY)).unwrap();
    assert_eq!(e.path, "../decisions/0006-next-one.md");
    assert!(repo.join("decisions/0006-next-one.md").is_file());
    let opened = documents::open(&mut db.store, &e.path).unwrap();
    assert!(opened.text.starts_with("# 6. Next one\n"));
    // A path that leaves both the workspace and the ADR folder is refused.
    for bad in [
        "../elsewhere/x.md",
        "/etc/passwd.md",
        "notes.txt",
        "",
        "a\\b.md",
    ] {
        let err = documents::open(&mut db.store, bad).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{bad}: {err}");
    }
}

#[test]
fn duplicates_and_unreadable_files_are_listed_not_merged_or_rewritten() {
    let (mut db, ws) = with_workspace();
    let dir = ws.join("doc/adr");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("0007-from-branch-a.md"),
        "# 7. From branch A\n\n## Status\n\nAccepted\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("0007-from-branch-b.md"),
        "# 7. From branch B\n\n## Status\n\nProposed\n",
    )
    .unwrap();
    std::fs::write(dir.join("0008-no-heading.md"), "Just text.\n").unwrap();
    std::fs::write(dir.join("0009-latin1.md"), b"# 9. Caf\xe9\n").unwrap();
    let before: Vec<Vec<u8>> = ["0008-no-heading.md", "0009-latin1.md"]
        .iter()
        .map(|n| std::fs::read(dir.join(n)).unwrap())
        .collect();
    let list = documents::list(&mut db.store, date(DAY)).unwrap();
    let sevens: Vec<_> = list
        .entries
        .iter()
        .filter(|e| e.number == Some(7))
        .collect();
    assert_eq!(sevens.len(), 2);
    assert!(sevens.iter().all(|e| e.duplicate));
    let eight = list.entries.iter().find(|e| e.number == Some(8)).unwrap();
    assert!(
        eight.problem.as_deref().unwrap().contains("# N. Title"),
        "{:?}",
        eight.problem
    );
    let nine = list.entries.iter().find(|e| e.number == Some(9)).unwrap();
    assert!(
        nine.problem.as_deref().unwrap().contains("not UTF-8"),
        "{:?}",
        nine.problem
    );
    let after: Vec<Vec<u8>> = ["0008-no-heading.md", "0009-latin1.md"]
        .iter()
        .map(|n| std::fs::read(dir.join(n)).unwrap())
        .collect();
    assert_eq!(before, after);
    // Linking to an ambiguous number is refused with both names.
    let err = decisions::link(&mut db.store, 8, "Amends", 7, None, date(DAY)).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InvalidInput | ErrorKind::Conflict),
        "{err}"
    );
    let err = decisions::new_adr(&mut db.store, "x", None, Some(7), date(DAY)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(
        err.to_string()
            .contains("0007-from-branch-a.md, 0007-from-branch-b.md"),
        "{err}"
    );
    // Gaps and duplicates: the next number is the highest + 1.
    let e = decisions::new_adr(&mut db.store, "After the gap", None, None, date(DAY)).unwrap();
    assert_eq!(e.number, Some(10));
}

#[test]
fn status_lifecycle_is_enforced_and_dated() {
    let (mut db, _ws) = with_workspace();
    decisions::new_adr(
        &mut db.store,
        "Pick an orchestrator",
        None,
        None,
        date("2025-08-19"),
    )
    .unwrap();
    let e = decisions::set_status(&mut db.store, 1, "accepted", date("2025-08-21")).unwrap();
    assert_eq!(e.status.as_deref(), Some("Accepted"));
    let err = decisions::set_status(&mut db.store, 1, "Proposed", date("2025-08-22")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(decisions::set_status(&mut db.store, 1, "Superseded", date("2025-08-22")).is_err());
    let e = decisions::set_status(&mut db.store, 1, "Deprecated", date("2025-09-02")).unwrap();
    let hist: Vec<(String, String)> = e
        .status_history
        .iter()
        .map(|s| (s.status.clone(), s.date.clone()))
        .collect();
    assert_eq!(
        hist,
        [
            ("Proposed".into(), "2025-08-19".into()),
            ("Accepted".into(), "2025-08-21".into()),
            ("Deprecated".into(), "2025-09-02".into())
        ]
    );
    for bad in ["", "   ", "?!", "two\nlines"] {
        let err = decisions::new_adr(&mut db.store, bad, None, None, date(DAY)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{bad:?}");
    }
    let err =
        decisions::new_adr(&mut db.store, "x", Some("Deprecated"), None, date(DAY)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = decisions::link(&mut db.store, 1, "Blocks", 1, None, date(DAY)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[test]
fn an_outside_change_is_never_overwritten() {
    let (mut db, ws) = with_workspace();
    let e = decisions::new_adr(&mut db.store, "Retry policy", None, None, date(DAY)).unwrap();
    let opened = documents::open(&mut db.store, &e.path).unwrap();
    let theirs = format!("{}\nEdited in vim.\n", opened.text);
    std::fs::write(ws.join(&e.path), &theirs).unwrap();
    let mine = format!("{}\nTyped in studyplan.\n", opened.text);
    let out = documents::save(&mut db.store, &e.path, &mine, &opened.hash, date(DAY)).unwrap();
    assert!(!out.saved);
    let c = out.conflict.unwrap();
    assert_eq!(c.disk_text, theirs);
    assert_eq!(
        read(&ws.join(&e.path)),
        theirs,
        "the outside version is untouched"
    );
    // Keeping mine after seeing both: save against the disk version.
    let out = documents::save(&mut db.store, &e.path, &mine, &c.disk_hash, date(DAY)).unwrap();
    assert!(out.saved);
    assert_eq!(read(&ws.join(&e.path)), mine);
    // A deleted file is a conflict too (empty disk text), not a silent re-create.
    std::fs::remove_file(ws.join(&e.path)).unwrap();
    let out = documents::save(&mut db.store, &e.path, "x", &out.hash, date(DAY)).unwrap();
    assert!(!out.saved && out.conflict.unwrap().disk_hash.is_empty());
}

#[test]
fn recovery_draft_survives_a_restart_and_goes_once_saved() {
    let (mut db, _ws) = with_workspace();
    let log = daily_log::open_log(&mut db.store, date(DAY)).unwrap();
    documents::save_draft(
        &mut db.store,
        &log.path,
        "typed before the crash",
        &log.hash,
        now(),
    )
    .unwrap();
    let mut db = db.reopen();
    let again = documents::open(&mut db.store, &log.path).unwrap();
    assert_eq!(
        again.recovery.as_ref().map(|d| d.text.as_str()),
        Some("typed before the crash")
    );
    documents::save(
        &mut db.store,
        &log.path,
        "typed before the crash",
        &again.hash,
        date(DAY),
    )
    .unwrap();
    assert_eq!(
        documents::open(&mut db.store, &log.path).unwrap().recovery,
        None
    );
}

#[test]
fn project_readme_is_prefilled_and_completeness_rises() {
    let (mut db, ws) = with_workspace();
    let e = projects::new_readme(&mut db.store, "p1-log-etl", None, date(DAY)).unwrap();
    assert_eq!(e.path, "week-01/README.md");
    assert_eq!(e.project.as_deref(), Some("p1-log-etl"));
    let text = read(&ws.join("week-01/README.md"));
    for expected in [
        "# Project 1 (Sun): Log ETL + Analytics in Postgres",
        "Foundations + Postgres analytics",
        "Due Sun 24 Aug 2025 (week 1).",
        "- Parse nginx/app logs → staging → cleaned → marts in Postgres.",
        "- [ ] Dockerfile",
        "- [ ] Includes one notable performance or cost insight",
        "- [ ] Operability: retries/exponential backoff",
        "## Operability (idempotency, retries, DLQ/quarantine, backfill/replay)",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    let c = e.completeness.unwrap();
    assert_eq!((c.written, c.total), (1, 13), "only the summary is written");
    let mentioned: Vec<&str> = c
        .deliverables
        .iter()
        .filter(|d| d.mentioned)
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(mentioned, ["README"], "the README itself is delivered");
    let filled = text.replace(
        "<!-- Architecture Diagram: to be written. -->",
        "nginx → staging → marts; see the ERD and the Dockerfile.",
    );
    let p = documents::preview(&db.store, Some("week-01/README.md"), &filled).unwrap();
    let c2 = p.completeness.unwrap();
    assert_eq!(c2.written, 2);
    let mentioned: Vec<&str> = c2
        .deliverables
        .iter()
        .filter(|d| d.mentioned)
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(mentioned, ["Dockerfile", "README", "ERD"]);
    // Never over an existing file; unknown projects name the known ones.
    let err = projects::new_readme(&mut db.store, "p1-log-etl", None, date(DAY)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    let err = projects::new_readme(&mut db.store, "p99", None, date(DAY)).unwrap_err();
    assert!(err.to_string().contains("p1-log-etl"), "{err}");
    let list = documents::list(&mut db.store, date(DAY)).unwrap();
    let p1 = list.projects.iter().find(|p| p.id == "p1-log-etl").unwrap();
    assert_eq!(p1.readme.as_deref(), Some("week-01/README.md"));
    assert_eq!(p1.due.as_deref(), Some("2025-08-24"));
    assert_eq!(p1.new_readme_path, "week-01/README.md");
}

#[test]
fn projects_sharing_a_week_get_a_folder_each() {
    let mut db = fresh();
    load_shipped(
        &mut db,
        "data-engineering-30-projects",
        "Europe/Berlin",
        Some("2026-01-05"),
    );
    documents::set_workspace(&mut db.store, &db.dir.path().join("ws")).unwrap();
    let list = documents::list(&mut db.store, date("2026-01-05")).unwrap();
    let p01 = list
        .projects
        .iter()
        .find(|p| p.id == "p01-csv-to-parquet-pipeline")
        .unwrap();
    assert_eq!(
        p01.new_readme_path,
        "week-01/p01-csv-to-parquet-pipeline/README.md"
    );
    let e = projects::new_readme(
        &mut db.store,
        "p01-csv-to-parquet-pipeline",
        None,
        date("2026-01-05"),
    )
    .unwrap();
    assert_eq!(e.path, p01.new_readme_path);
}

#[test]
fn daily_log_is_prefilled_from_the_days_blocks() {
    let (mut db, ws) = with_workspace();
    let blocks = db.store.agenda(date(DAY), date(DAY)).unwrap();
    let dsa = blocks
        .iter()
        .find(|b| b.track_name == "Python DSA")
        .unwrap()
        .id
        .clone();
    let sql = blocks
        .iter()
        .find(|b| b.track_name == "Advanced SQL")
        .unwrap()
        .id
        .clone();
    db.store
        .set_block_status(&dsa, BlockChange::Done, now())
        .unwrap();
    db.store
        .annotate_block(&dsa, Some("two-sum variants"), Some(3), None, now())
        .unwrap();
    db.store
        .set_block_status(&sql, BlockChange::Skipped, now())
        .unwrap();
    let log = daily_log::open_log(&mut db.store, date(DAY)).unwrap();
    assert_eq!(log.path, "logs/2025-08-19.md");
    assert_eq!(log.kind, DocKind::DailyLog);
    let t = &log.text;
    assert!(t.starts_with("# Study log: Tue 2025-08-19\n"), "{t}");
    assert_eq!(
        t.lines().filter(|l| l.starts_with("- [")).count(),
        blocks.len(),
        "every block listed:\n{t}"
    );
    assert!(
        t.contains("## Python DSA (problems + key learning)\n\n- "),
        "{t}"
    );
    assert!(
        t.contains("done, 90 min, 3 problems — two-sum variants"),
        "{t}"
    );
    assert!(t.contains("## SQL (queries + EXPLAIN notes)\n\n- "), "{t}");
    assert!(t.contains(": skipped"), "{t}");
    assert!(t.contains("## Date\n\n2025-08-19\n"), "{t}");
    assert!(t.contains("## Mistakes log updates\n\n<!--"), "{t}");
    // Opening again keeps what the person wrote.
    std::fs::write(ws.join(&log.path), "# mine\n").unwrap();
    assert_eq!(
        daily_log::open_log(&mut db.store, date(DAY)).unwrap().text,
        "# mine\n"
    );
}

#[test]
fn workspace_templates_override_and_broken_ones_say_where() {
    let (mut db, ws) = with_workspace();
    std::fs::create_dir_all(ws.join("templates")).unwrap();
    std::fs::write(
        ws.join("templates/adr.md"),
        "# {{ number }}. {{ title }}\n\nDate: {{ date }}\n\n## Status\n\n{{ status }}\n\n## Why\n",
    )
    .unwrap();
    let e = decisions::new_adr(&mut db.store, "Custom", None, None, date(DAY)).unwrap();
    assert!(read(&ws.join(&e.path)).ends_with("## Status\n\nProposed\n\n## Why\n"));
    std::fs::write(
        ws.join("templates/adr.md"),
        "# {{ number }}. {{ title }}\n{% if %}\n",
    )
    .unwrap();
    let err = decisions::new_adr(&mut db.store, "Broken", None, None, date(DAY)).unwrap_err();
    assert!(err.to_string().starts_with("templates/adr.md:2:"), "{err}");
    assert!(
        !ws.join("doc/adr/0002-broken.md").exists(),
        "nothing half-written"
    );
}

#[test]
fn a_workspace_that_cannot_be_written_is_refused() {
    let (mut db, ws) = with_workspace();
    std::fs::create_dir_all(&ws).unwrap();
    std::fs::write(ws.join("a-file"), "x").unwrap();
    let err = documents::set_workspace(&mut db.store, &ws.join("a-file/inside")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io, "{err}");
    let err = documents::set_workspace(&mut db.store, Path::new("relative/dir")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        documents::workspace_path(&db.store).unwrap(),
        ws,
        "unchanged"
    );
}

#[test]
fn readme_linter_findings_and_malformed_files() {
    let (db, ws) = with_workspace();
    drop(db);
    std::fs::create_dir_all(&ws).unwrap();
    let plan = studyplan_core::plan::parse_plan(
        "senior.toml",
        crate::support::shipped_text("senior-de-2025"),
    )
    .unwrap();
    let (_, outline) = projects::outline(&plan);
    let complete: String = outline.iter().map(|s| format!("## {s}\n\nWritten: Tests, Dockerfile, Makefile, CI (lint+test), README, ERD, performance notes.\n\n")).collect();
    let path = ws.join("README.md");
    std::fs::write(
        &path,
        format!("# P1\n<!-- studyplan:project p1-log-etl -->\n\n{complete}"),
    )
    .unwrap();
    let (c, findings) = projects::check_file(&path, &plan, None).unwrap();
    assert_eq!(
        (c.written, c.total, findings.len()),
        (13, 13, 0),
        "{findings:?}"
    );
    std::fs::write(
        &path,
        "# P1\n<!-- studyplan:project p1-log-etl -->\n\n## Title and Summary\n\nTODO\n",
    )
    .unwrap();
    let (c, findings) = projects::check_file(&path, &plan, None).unwrap();
    assert_eq!(c.written, 0);
    assert_eq!(
        findings[0],
        format!(
            "{}:4: section \"Title and Summary\" still holds the template's placeholder",
            path.display()
        )
    );
    assert_eq!(findings.len(), 13 + 6);
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    assert_eq!(
        projects::check_file(&path, &plan, None).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
}

/// Every tag and attribute in rendered output, from ammonia's serialisation
/// (attributes always double-quoted, text always escaped).
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("closed tag");
        let inner = &rest[..end];
        rest = &rest[end + 1..];
        if inner.starts_with('/') {
            continue;
        }
        let name: String = inner
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let mut attrs = Vec::new();
        let mut a = &inner[name.len()..];
        while let Some(eq) = a.find("=\"") {
            let key = a[..eq].trim().to_string();
            let close = a[eq + 2..].find('"').expect("quoted value") + eq + 2;
            attrs.push((key, a[eq + 2..close].replace("&amp;", "&")));
            a = &a[close + 1..];
        }
        out.push((name.to_lowercase(), attrs));
    }
    out
}

#[test]
fn hostile_markdown_corpus_renders_inert() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hostile-md");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.retain(|p| {
        p.file_name()
            .unwrap()
            .to_string_lossy()
            .chars()
            .next()
            .unwrap()
            .is_ascii_digit()
    });
    files.sort();
    assert!(files.len() >= 30, "the corpus has {} files", files.len());
    // Text-only markup: nothing here can run script or fetch by itself
    // except <img>, whose src is checked below.
    const TAGS: [&str; 41] = [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "code",
        "dd",
        "del",
        "div",
        "dl",
        "dt",
        "em",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
    ];
    const ATTRS: [&str; 14] = [
        "href", "hreflang", "rel", "title", "alt", "src", "width", "height", "lang", "colspan",
        "rowspan", "align", "cite", "start",
    ];
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let md = read(&f);
        let html = documents::render::render_html(&md);
        assert!(
            html.contains("Safe text"),
            "{name}: the harmless text is shown:\n{html}"
        );
        for (tag, attrs) in tags(&html) {
            assert!(
                TAGS.contains(&tag.as_str()),
                "{name}: <{tag}> survived:\n{html}"
            );
            for (k, v) in attrs {
                assert!(
                    ATTRS.contains(&k.as_str()),
                    "{name}: attribute {k}=\"{v}\" on <{tag}>:\n{html}"
                );
                let lower = v.to_lowercase();
                if k == "href" {
                    // A scheme as the WHATWG URL parser finds one: a letter, then
                    // letters, digits, `+-.`, then `:` (`java%09script:` has none).
                    let scheme = lower.split(':').next().unwrap_or("");
                    let has_scheme = lower.contains(':')
                        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                        && scheme
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
                    assert!(
                        !has_scheme || ["http", "https", "mailto"].contains(&scheme),
                        "{name}: href {v}"
                    );
                    assert!(
                        !lower.trim_start().starts_with("//") && !lower.starts_with("/\\"),
                        "{name}: href {v}"
                    );
                }
                if k == "src" {
                    assert!(
                        !lower.contains(':') && !lower.starts_with('/') && !lower.contains("//"),
                        "{name}: src {v}"
                    );
                }
            }
        }
    }
}

#[test]
fn an_adr_dir_pointing_outside_its_folder_is_refused() {
    let (mut db, ws) = with_workspace();
    std::fs::create_dir_all(&ws).unwrap();
    for bad in ["/etc\n", "../../elsewhere\n", "\n"] {
        std::fs::write(ws.join(".adr-dir"), bad).unwrap();
        let err = decisions::new_adr(&mut db.store, "Probe", None, None, date(DAY)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{bad:?}: {err}");
        assert!(err.to_string().contains(".adr-dir"), "{err}");
    }
    assert!(!Path::new("/etc/0001-probe.md").exists());
}

#[test]
fn concurrent_writers_never_share_a_number() {
    let (db, ws) = with_workspace();
    let path = db.path();
    let TestDb { dir: _keep, store } = db;
    drop(store);
    std::thread::scope(|s| {
        for i in 0..6 {
            let path = path.clone();
            s.spawn(move || {
                let mut store = studyplan_core::Store::open(&path).unwrap();
                decisions::new_adr(
                    &mut store,
                    &format!("Same title {}", i % 2),
                    None,
                    None,
                    date(DAY),
                )
                .unwrap();
            });
        }
    });
    let mut names: Vec<String> = std::fs::read_dir(ws.join("doc/adr"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let numbers: Vec<&str> = names.iter().map(|n| &n[..4]).collect();
    assert_eq!(
        numbers,
        ["0001", "0002", "0003", "0004", "0005", "0006"],
        "{names:?}"
    );
}

#[test]
fn templates_must_make_an_adr_and_links_are_not_followed() {
    let (mut db, ws) = with_workspace();
    std::fs::create_dir_all(ws.join("templates")).unwrap();
    std::fs::write(ws.join("templates/adr.md"), "{{ title }}\n").unwrap();
    let err = decisions::new_adr(&mut db.store, "Not an ADR", None, None, date(DAY)).unwrap_err();
    assert!(
        err.to_string()
            .contains("templates/adr.md must make an ADR"),
        "{err}"
    );
    assert!(!ws.join("doc/adr/0001-not-an-adr.md").exists());
    std::fs::remove_file(ws.join("templates/adr.md")).unwrap();
    let secret = db.dir.path().join("secret.txt");
    std::fs::write(&secret, "private key").unwrap();
    std::os::unix::fs::symlink(&secret, ws.join("templates/readme.md")).unwrap();
    let err = projects::new_readme(&mut db.store, "p1-log-etl", None, date(DAY)).unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "{err}");
    assert!(!ws.join("week-01/README.md").exists());
}

#[test]
fn crlf_files_stay_crlf_and_links_are_written_once() {
    let (mut db, ws) = with_workspace();
    let dir = ws.join("doc/adr");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("0001-a.md"), "# 1. A\r\n\r\nDate: 2025-08-19\r\n\r\n## Status\r\n\r\nProposed\r\n\r\n## Context\r\n\r\nWindows.\r\n").unwrap();
    decisions::new_adr(&mut db.store, "B", Some("Accepted"), None, date(DAY)).unwrap();
    decisions::set_status(&mut db.store, 1, "Accepted", date(DAY)).unwrap();
    decisions::link(&mut db.store, 2, "amends", 1, None, date(DAY)).unwrap();
    decisions::link(&mut db.store, 2, "Amends", 1, None, date(DAY)).unwrap();
    let a = read(&dir.join("0001-a.md"));
    assert_eq!(a, "# 1. A\r\n\r\nDate: 2025-08-19\r\n\r\n## Status\r\n\r\nAccepted\r\n\r\nAmended by [2. B](0002-b.md)\r\n\r\n## Context\r\n\r\nWindows.\r\n");
    assert_eq!(
        read(&dir.join("0002-b.md"))
            .matches("Amends [1. A](0001-a.md)")
            .count(),
        1
    );
    // Saving from the editor (LF) keeps the file's CRLF.
    let opened = documents::open(&mut db.store, "doc/adr/0001-a.md").unwrap();
    let lf = opened
        .text
        .replace("\r\n", "\n")
        .replace("Windows.", "Still Windows.");
    assert!(
        documents::save(
            &mut db.store,
            "doc/adr/0001-a.md",
            &lf,
            &opened.hash,
            date(DAY)
        )
        .unwrap()
        .saved
    );
    assert!(read(&dir.join("0001-a.md")).ends_with("Still Windows.\r\n"));
    // "Superseded by" retires the source; bad reverse words are refused.
    decisions::link(&mut db.store, 1, "Superseded by", 2, None, date(DAY)).unwrap();
    let list = documents::list(&mut db.store, date(DAY)).unwrap();
    assert_eq!(
        list.entries
            .iter()
            .find(|e| e.number == Some(1))
            .unwrap()
            .status
            .as_deref(),
        Some("Superseded")
    );
    let err = decisions::link(
        &mut db.store,
        2,
        "Relates to",
        1,
        Some("x](evil) ["),
        date(DAY),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[test]
fn a_deleted_file_is_reported_once_then_forgotten() {
    let (mut db, ws) = with_workspace();
    let log = daily_log::open_log(&mut db.store, date(DAY)).unwrap();
    std::fs::remove_file(ws.join(&log.path)).unwrap();
    let first = documents::list(&mut db.store, date(DAY)).unwrap();
    let gone = first.entries.iter().find(|e| e.path == log.path).unwrap();
    assert!(gone.problem.as_deref().unwrap().contains("gone"));
    let second = documents::list(&mut db.store, date(DAY)).unwrap();
    assert!(second.entries.iter().all(|e| e.path != log.path));
    let err = daily_log::open_log(&mut db.store, date("1969-12-31")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}
