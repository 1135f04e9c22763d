//! The portfolio on a real database: project cards with stable item ids,
//! ticks and evidence that survive restarts and reloads, weekly checklists
//! filled from block counters and the mistakes log, and the Markdown round
//! trip.

use crate::support::{date, fresh, load_shipped, now, shipped_text, TestDb};
use chrono::{TimeZone, Utc};
use studyplan_core::documents::workspace::set_workspace;
use studyplan_core::mistakes::{self, NewMistake, RevisitOutcome};
use studyplan_core::portfolio::markdown::{self, Scope};
use studyplan_core::portfolio::{self, Format, PortfolioView, ProjectStatus};
use studyplan_core::store::plans::LoadOptions;
use studyplan_core::ErrorKind;

const P1: &str = "p1-log-etl";

fn reference() -> (TestDb, tempfile::TempDir) {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let ws = tempfile::tempdir().unwrap();
    set_workspace(&mut db.store, ws.path()).unwrap();
    (db, ws)
}

/// During week 1 of the reference plan (Aug 19–25, 2025).
fn in_week1() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 8, 25, 18, 0, 0).unwrap()
}

fn item<'a>(v: &'a PortfolioView, id: &str) -> &'a portfolio::ItemView {
    v.item(id).unwrap_or_else(|| panic!("no item {id}"))
}

#[test]
fn every_project_is_a_card_with_its_criteria_and_the_quality_matrix() {
    let (mut db, _ws) = reference();
    let v = portfolio::view(&mut db.store, now()).unwrap();
    let ids: Vec<&str> = v.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), 9, "Projects 1–8 and the Capstone: {ids:?}");
    let p1 = &v.projects[0];
    assert_eq!((p1.week, p1.due.as_deref()), (Some(1), Some("2025-08-24")));
    assert_eq!(p1.status, ProjectStatus::NotStarted);
    let titles: Vec<&str> = p1.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Items",
            "Deliverables",
            "Success criteria",
            "11. Senior-Level Quality Criteria (every weekly project must include)"
        ]
    );
    // 2 items + 7 deliverables + 2 criteria + 6 quality criteria.
    assert_eq!((p1.completeness.done, p1.completeness.total), (0, 17));
    let quality: Vec<&str> = p1.sections[3].items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(quality[0], "p1-log-etl:quality-criteria:code-quality");
    assert_eq!(quality[5], "p1-log-etl:quality-criteria:version-control");
    // Every id is unique across the plan.
    let all: Vec<&str> = v.all_items().map(|i| i.id.as_str()).collect();
    let set: std::collections::HashSet<&&str> = all.iter().collect();
    assert_eq!(set.len(), all.len());
    // The weekly checklist has a copy per week, with its own ids.
    assert_eq!(v.weeks.len(), 9);
    assert!(v
        .weeks
        .iter()
        .all(|w| w.checklists.len() == 1 && w.checklists[0].items.len() == 9));
    assert!(v.item("weekly-plan:w3:python-dsa").is_some());

    // The 30-project plan: every project, grouped by tier.
    let mut db30 = fresh();
    load_shipped(
        &mut db30,
        "data-engineering-30-projects",
        "UTC",
        Some("2025-09-01"),
    );
    let v30 = portfolio::view(&mut db30.store, now()).unwrap();
    assert_eq!(v30.projects.len(), 30);
    assert!(v30
        .projects
        .iter()
        .all(|p| p.group.as_deref().is_some_and(|g| g.starts_with("Tier"))));
}

#[test]
fn ticks_and_evidence_survive_restart_and_reload_and_count() {
    let (mut db, ws) = reference();
    std::fs::create_dir_all(ws.path().join("week-01")).unwrap();
    std::fs::write(ws.path().join("week-01/perf-notes.md"), "# Perf\n").unwrap();
    let crit = "p1-log-etl:criterion:all-quality-criteria-met";
    let insight = "p1-log-etl:criterion:includes-one-notable-performance-or-cost";
    let quality = "p1-log-etl:quality-criteria:observability";
    for id in [crit, insight, quality] {
        portfolio::check(&mut db.store, id, true, now()).unwrap();
    }
    portfolio::add_evidence(
        &mut db.store,
        crit,
        "https://github.com/me/p1/pull/3",
        None,
        now(),
    )
    .unwrap();
    let v = portfolio::add_evidence(&mut db.store, insight, "week-01/perf-notes.md", None, now())
        .unwrap();
    let p1 = &v.projects[0];
    assert_eq!(p1.status, ProjectStatus::InProgress);
    assert_eq!(
        (
            p1.completeness.done,
            p1.completeness.total,
            p1.completeness.percent
        ),
        (3, 17, 17)
    );
    assert_eq!(
        v.weeks[0].completeness.done, 3,
        "the week counts its project's items"
    );

    let mut db = db.reopen();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let v = portfolio::view(&mut db.store, now()).unwrap();
    for id in [crit, insight, quality] {
        assert!(item(&v, id).ticked, "{id} kept");
    }
    let ev = &item(&v, insight).evidence[0];
    assert_eq!(
        (ev.value.as_str(), ev.missing),
        ("week-01/perf-notes.md", false)
    );
    assert_eq!(
        item(&v, crit).evidence[0].value,
        "https://github.com/me/p1/pull/3"
    );

    // A file that goes away is flagged, not dropped.
    std::fs::remove_file(ws.path().join("week-01/perf-notes.md")).unwrap();
    let v = portfolio::view(&mut db.store, now()).unwrap();
    assert!(item(&v, insight).evidence[0].missing);

    // Delivered, with the day it was ticked (plan zone).
    let at = Utc.with_ymd_and_hms(2025, 8, 24, 22, 30, 0).unwrap();
    let v = portfolio::check(&mut db.store, "p1-log-etl:delivered", true, at).unwrap();
    assert_eq!(v.projects[0].status, ProjectStatus::Delivered);
    assert_eq!(
        v.projects[0].delivered_on.as_deref(),
        Some("2025-08-25"),
        "00:30 in Berlin"
    );
}

#[test]
fn a_reload_that_drops_an_item_keeps_its_tick_in_history_and_says_so() {
    let (mut db, _ws) = reference();
    let gone = "p1-log-etl:criterion:includes-one-notable-performance-or-cost";
    portfolio::check(&mut db.store, gone, true, now()).unwrap();
    portfolio::check(&mut db.store, "p1-log-etl:deliverable:tests", true, now()).unwrap();
    let edited = shipped_text("senior-de-2025").replacen(
        "success_criteria = [\"All quality criteria met\", \"Includes one notable performance or cost insight\"]",
        "success_criteria = [\"All quality criteria met\", \"Benchmarks before and after\"]",
        1,
    );
    let report = db
        .store
        .load_plan(
            "plans/senior-de-2025.toml",
            &edited,
            &LoadOptions {
                tz: Some("Europe/Berlin".into()),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    assert_eq!(report.portfolio_kept, [gone]);
    let v = portfolio::view(&mut db.store, now()).unwrap();
    assert!(item(&v, "p1-log-etl:deliverable:tests").ticked);
    assert!(v.history.iter().any(|i| i.id == gone && i.ticked));
    assert!(!item(&v, "p1-log-etl:criterion:benchmarks-before-and-after").ticked);
    let e = portfolio::check(&mut db.store, gone, false, now()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    // Reloading the original brings the item back with its tick.
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let v = portfolio::view(&mut db.store, now()).unwrap();
    assert!(item(&v, gone).ticked && v.history.is_empty());
}

#[test]
fn bad_ids_and_bad_evidence_are_refused_and_change_nothing() {
    let (mut db, _ws) = reference();
    let e = portfolio::check(&mut db.store, "p1-log-etl:nope", true, now()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert!(e.to_string().contains("studyplan portfolio"), "{e}");
    let id = "p1-log-etl:deliverable:tests";
    for bad in [
        "javascript:alert(1)",
        "notes/missing.md",
        "../../etc/passwd",
        "",
        "https://",
    ] {
        assert!(
            portfolio::add_evidence(&mut db.store, id, bad, None, now()).is_err(),
            "{bad:?}"
        );
    }
    let v = portfolio::view(&mut db.store, now()).unwrap();
    assert!(item(&v, id).evidence.is_empty());
}

#[test]
fn commit_evidence_is_checked_against_the_repository() {
    let (mut db, ws) = reference();
    let git = |args: &[&str]| {
        let st = std::process::Command::new("git")
            .arg("-C")
            .arg(ws.path())
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
            .args(args)
            .output()
            .unwrap();
        assert!(st.status.success(), "{st:?}");
        String::from_utf8(st.stdout).unwrap()
    };
    git(&["init", "-q"]);
    std::fs::write(ws.path().join("README.md"), "# Portfolio\n").unwrap();
    git(&["add", "README.md"]);
    git(&["commit", "-q", "-m", "first"]);
    let head = git(&["rev-parse", "HEAD"]).trim().to_string();
    let id = "p1-log-etl:deliverable:ci-lint-test";
    let v = portfolio::add_evidence(&mut db.store, id, &head[..12], None, now()).unwrap();
    let ev = &item(&v, id).evidence[0];
    assert_eq!(ev.kind, portfolio::evidence::EvidenceKind::Commit);
    assert_eq!(ev.repo.as_deref(), Some(ws.path().to_str().unwrap()));
    let e =
        portfolio::add_evidence(&mut db.store, id, "deadbeefdeadbeef", None, now()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
    assert!(e.to_string().contains("no commit deadbeefdeadbeef"), "{e}");
    // Upper case is the same id; one hex digit too many is no id at all.
    portfolio::add_evidence(&mut db.store, id, &head[..12].to_uppercase(), None, now()).unwrap();
    let e =
        portfolio::add_evidence(&mut db.store, id, &format!("{head}0"), None, now()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
    // Evidence is removed from its own item only.
    let v = portfolio::view(&mut db.store, now()).unwrap();
    let ev = item(&v, id).evidence[0].id;
    let e = portfolio::remove_evidence(&mut db.store, "p1-log-etl:deliverable:tests", ev, now())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    let v = portfolio::remove_evidence(&mut db.store, id, ev, now()).unwrap();
    assert!(item(&v, id).evidence.is_empty());
}

#[test]
fn a_delivery_can_be_dated_and_import_reports_boxless_lines() {
    let (mut db, ws) = reference();
    let today = Utc.with_ymd_and_hms(2025, 9, 1, 8, 0, 0).unwrap();
    let v = portfolio::check_on(
        &mut db.store,
        "p1-log-etl:delivered",
        date("2025-08-24"),
        today,
    )
    .unwrap();
    assert_eq!(v.projects[0].delivered_on.as_deref(), Some("2025-08-24"));
    let e = portfolio::check_on(
        &mut db.store,
        "p1-log-etl:delivered",
        date("2025-09-02"),
        today,
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    // A tick repeated later keeps the first one's day.
    let v = portfolio::check(&mut db.store, "p1-log-etl:delivered", true, today).unwrap();
    assert_eq!(v.projects[0].delivered_on.as_deref(), Some("2025-08-24"));

    let path = ws.path().join("mine.md");
    std::fs::write(
        &path,
        "- [y] Tests <!-- id:p1-log-etl:deliverable:tests -->\n- [x] ERD <!--id:p1-log-etl:deliverable:erd-->\n",
    )
    .unwrap();
    let r = portfolio::import_file(&mut db.store, Some(&path), now()).unwrap();
    assert_eq!((r.matched, r.changed), (1, 1));
    assert_eq!(r.problems.len(), 1);
    assert_eq!(
        (r.problems[0].line, r.problems[0].id.as_str()),
        (1, "p1-log-etl:deliverable:tests")
    );
    assert!(r.problems[0].reason.contains("no `[ ]` or `[x]` box"));
    // Another plan's export is refused by name.
    let other = "<!-- Exported by studyplan from plan `databricks-de-professional`. -->\n- [x] a <!-- id:p1-log-etl:deliverable:tests -->\n";
    std::fs::write(&path, other).unwrap();
    let e = portfolio::import_file(&mut db.store, Some(&path), now()).unwrap_err();
    assert!(
        e.to_string()
            .contains("plan use databricks-de-professional"),
        "{e}"
    );
}

#[test]
fn the_weekly_checklist_fills_from_counters_mistakes_and_deliveries() {
    let (mut db, _ws) = reference();
    // DSA problems in week 1's DSA blocks: 10 + 9 + 8 = 27 (goal 25–35).
    let dsa: Vec<String> = db
        .store
        .agenda(date("2025-08-19"), date("2025-08-25"))
        .unwrap()
        .into_iter()
        .filter(|b| b.track == "dsa")
        .map(|b| b.id)
        .collect();
    for (id, n) in dsa.iter().zip([10, 9, 8]) {
        db.store
            .annotate_block(id, None, Some(n), None, now())
            .unwrap();
    }
    let sql = db
        .store
        .agenda(date("2025-08-19"), date("2025-08-19"))
        .unwrap()
        .into_iter()
        .find(|b| b.track == "sql")
        .unwrap();
    db.store
        .annotate_block(&sql.id, None, None, Some(4), now())
        .unwrap();
    // A mistake on Aug 19: revisits Aug 21 (in week 1) and Aug 26 (week 2).
    let m = mistakes::add(
        &mut db.store,
        &NewMistake {
            date: date("2025-08-19"),
            track: "dsa".into(),
            topic: "Heaps".into(),
            what: "Used a max-heap for a min problem".into(),
            fix: None,
            link: None,
        },
        now(),
    )
    .unwrap();
    let v = portfolio::view(&mut db.store, in_week1()).unwrap();
    let dsa_item = item(&v, "weekly-plan:w1:python-dsa");
    let by: Vec<(String, u32, bool)> = dsa_item
        .measured
        .iter()
        .map(|m| (m.measure.clone(), m.value, m.met))
        .collect();
    assert_eq!(
        by,
        [
            ("goal:dsa-problems".to_string(), 27, true),
            ("mistakes:revisited".to_string(), 0, false)
        ]
    );
    assert_eq!(dsa_item.measured[1].target, "all 1");
    assert!(!dsa_item.done, "a revisit of the week is still open");
    let sql_item = item(&v, "weekly-plan:w1:sql");
    assert_eq!(
        (sql_item.measured[0].value, sql_item.measured[0].met),
        (4, false)
    );
    assert_eq!(sql_item.measured[0].target, "5–10");

    mistakes::close(
        &mut db.store,
        m.revisits[0].id,
        RevisitOutcome::Solid,
        date("2025-08-21"),
    )
    .unwrap();
    let v = portfolio::view(&mut db.store, in_week1()).unwrap();
    let dsa_item = item(&v, "weekly-plan:w1:python-dsa");
    assert!(dsa_item.filled && dsa_item.done && !dsa_item.ticked);
    // Week 2's copy counts week 2's data only, and a week not begun is never filled.
    let w2 = item(&v, "weekly-plan:w2:python-dsa");
    assert_eq!(
        (w2.measured[0].value, w2.measured[1].target.as_str()),
        (0, "all 1")
    );
    assert!(!w2.done);

    let delivered = "weekly-plan:w1:project-delivered-with-tests-docs";
    assert!(!item(&v, delivered).done);
    let v = portfolio::check(&mut db.store, "p1-log-etl:delivered", true, in_week1()).unwrap();
    assert!(item(&v, delivered).filled);
}

fn export_md(db: &mut TestDb, path: &std::path::Path) -> String {
    portfolio::export_file(
        &mut db.store,
        Format::Markdown,
        &Scope::All,
        Some(path),
        true,
        now(),
    )
    .unwrap();
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn markdown_round_trip_matches_the_file_and_reexports_byte_identical() {
    let (mut db, ws) = reference();
    portfolio::check(&mut db.store, "p1-log-etl:deliverable:tests", true, now()).unwrap();
    let path = ws.path().join("portfolio.md");
    let first = export_md(&mut db, &path);
    assert!(
        first.contains("- [x] Tests <!-- id:p1-log-etl:deliverable:tests -->"),
        "{first}"
    );
    // Importing the unchanged file changes nothing, and re-exports the same bytes.
    let r = portfolio::import_file(&mut db.store, Some(&path), now()).unwrap();
    assert_eq!(r.changed, 0);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(export_md(&mut db, &path), first);

    // Tick two, untick one, in the file.
    let edited = first
        .replace(
            "- [x] Tests <!-- id:p1-log-etl:deliverable:tests -->",
            "- [ ] Tests <!-- id:p1-log-etl:deliverable:tests -->",
        )
        .replace(
            "- [ ] Dockerfile <!-- id:p1-log-etl:deliverable:dockerfile -->",
            "- [x] Dockerfile <!-- id:p1-log-etl:deliverable:dockerfile -->",
        )
        .replace(
            "- [ ] Makefile <!-- id:p1-log-etl:deliverable:makefile -->",
            "* [X] Makefile <!-- id:p1-log-etl:deliverable:makefile -->",
        );
    assert_ne!(edited, first);
    std::fs::write(&path, &edited).unwrap();
    let r = portfolio::import_file(&mut db.store, Some(&path), now()).unwrap();
    assert_eq!(r.changed, 3);
    let v = portfolio::view(&mut db.store, now()).unwrap();
    let ticked: Vec<&str> = v
        .all_items()
        .filter(|i| i.done)
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(
        ticked,
        [
            "p1-log-etl:deliverable:dockerfile",
            "p1-log-etl:deliverable:makefile"
        ]
    );
    let again = export_md(&mut db, &path);
    let done_lines = |t: &str| {
        t.lines()
            .filter(|l| l.contains("[x]") || l.contains("[X]"))
            .count()
    };
    assert_eq!(done_lines(&again), done_lines(&edited));
}

#[test]
fn import_reports_unknown_ids_and_a_file_matching_nothing_changes_nothing() {
    let (mut db, ws) = reference();
    let path = ws.path().join("mine.md");
    std::fs::write(
        &path,
        "- [x] Tests <!-- id:p1-log-etl:deliverable:tests -->\n- [x] Gone <!-- id:p1-log-etl:item:nope -->\n- [ ] Tests <!-- id:p1-log-etl:deliverable:tests -->\n",
    )
    .unwrap();
    let r = portfolio::import_file(&mut db.store, Some(&path), now()).unwrap();
    assert_eq!((r.matched, r.changed), (1, 1));
    let lines: Vec<(u32, &str)> = r.problems.iter().map(|p| (p.line, p.id.as_str())).collect();
    assert_eq!(
        lines,
        [
            (2, "p1-log-etl:item:nope"),
            (3, "p1-log-etl:deliverable:tests")
        ]
    );

    std::fs::write(&path, "- [x] a <!-- id:x:y -->\n").unwrap();
    let e = portfolio::import_file(&mut db.store, Some(&path), now()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("line 1: `x:y`"), "{e}");
    std::fs::write(&path, "# Just prose\n").unwrap();
    let e = portfolio::import_file(&mut db.store, Some(&path), now()).unwrap_err();
    assert!(e.to_string().contains("no task items"), "{e}");
    let v = portfolio::view(&mut db.store, now()).unwrap();
    assert_eq!(v.all_items().filter(|i| i.ticked).count(), 1);
}

#[test]
fn export_into_a_readme_replaces_only_its_section() {
    let (mut db, ws) = reference();
    let readme = ws.path().join("README.md");
    std::fs::write(&readme, "# My portfolio\n\nIntro.\n").unwrap();
    let e = portfolio::export_file(
        &mut db.store,
        Format::Markdown,
        &Scope::Project(P1.into()),
        Some(&readme),
        false,
        now(),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert_eq!(
        std::fs::read_to_string(&readme).unwrap(),
        "# My portfolio\n\nIntro.\n"
    );
    std::fs::write(
        &readme,
        format!(
            "# My portfolio\n\n{}\nold\n{}\n\nOutro.\n",
            markdown::BEGIN,
            markdown::END
        ),
    )
    .unwrap();
    let r = portfolio::export_file(
        &mut db.store,
        Format::Markdown,
        &Scope::Project(P1.into()),
        Some(&readme),
        false,
        now(),
    )
    .unwrap();
    assert!(r.section_replaced);
    let t = std::fs::read_to_string(&readme).unwrap();
    assert!(
        t.starts_with("# My portfolio\n\n<!-- studyplan:portfolio:begin -->"),
        "{t}"
    );
    assert!(
        t.ends_with("<!-- studyplan:portfolio:end -->\n\nOutro.\n"),
        "{t}"
    );
    assert!(!t.contains("\nold\n"));
    assert!(t.contains("id:p1-log-etl:delivered"));
    assert!(!t.contains("p2-s3-lake"), "only the project asked for");
}

#[test]
fn the_html_page_is_self_contained_and_escapes_what_it_shows() {
    let (mut db, ws) = reference();
    portfolio::check(&mut db.store, "p1-log-etl:deliverable:tests", true, now()).unwrap();
    portfolio::add_evidence(
        &mut db.store,
        "p1-log-etl:deliverable:tests",
        "https://example.org/a?b=<c>&d=\"e\"",
        None,
        now(),
    )
    .unwrap();
    let r = portfolio::export_file(&mut db.store, Format::Html, &Scope::All, None, false, now())
        .unwrap();
    let page = std::fs::read_to_string(&r.path).unwrap();
    assert_eq!(
        std::path::Path::new(&r.path),
        ws.path().join("portfolio.html")
    );
    assert!(!page.to_lowercase().contains("<script"));
    assert!(!page.contains("<c>"), "query text escaped");
    assert!(page.contains("Project 1 (Sun): Log ETL + Analytics in Postgres"));
    // Our own page is replaced by the next export; someone else's is not.
    portfolio::export_file(&mut db.store, Format::Html, &Scope::All, None, false, now()).unwrap();
    std::fs::write(&r.path, "<p>mine</p>").unwrap();
    let e = portfolio::export_file(&mut db.store, Format::Html, &Scope::All, None, false, now())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
}

#[test]
fn ticks_from_before_item_ids_are_carried_over() {
    let (db, _ws) = reference();
    // What schema 0002 kept: ticks by checklist and text.
    let path = db.path();
    drop(db.store);
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "DELETE FROM portfolio_items; DELETE FROM portfolio_sync;
             INSERT INTO checklists (plan_id, id, seq, title, scope) VALUES
               ('senior-de-2025', 'environment-setup', 0, 'x', 'once'),
               ('senior-de-2025', 'weekly-plan', 1, 'x', 'weekly'),
               ('senior-de-2025', 'project-p1-log-etl', 2, 'x', 'project');
             INSERT INTO checklist_items (plan_id, checklist_id, seq, grp, text, done, done_at) VALUES
               ('senior-de-2025', 'environment-setup', 0, 'Data infra (local via Docker unless noted)', 'Postgres', 1, '2025-08-19T10:00:00Z'),
               ('senior-de-2025', 'weekly-plan', 0, '', 'Mock interview done; feedback recorded; action items scheduled', 1, '2025-08-27T10:00:00Z'),
               ('senior-de-2025', 'project-p1-log-etl', 0, '', 'All quality criteria met', 1, '2025-08-24T10:00:00Z');",
        )
        .unwrap();
    }
    let mut store = studyplan_core::Store::open(&path).unwrap();
    let v = portfolio::view(&mut store, now()).unwrap();
    let ticked: Vec<&str> = v
        .all_items()
        .filter(|i| i.ticked)
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(
        ticked,
        [
            "p1-log-etl:criterion:all-quality-criteria-met",
            "weekly-plan:w2:mock-interview-done-feedback-recorded",
            "environment-setup:postgres"
        ]
    );
}

#[test]
fn the_readme_and_the_adrs_it_links_attach_to_the_card() {
    use studyplan_core::documents::projects;
    let (mut db, ws) = reference();
    let d = projects::new_readme(&mut db.store, P1, None, date("2025-08-19")).unwrap();
    assert_eq!(d.path, "week-01/README.md");
    std::fs::create_dir_all(ws.path().join("doc/adr")).unwrap();
    std::fs::write(
        ws.path().join("doc/adr/0001-use-postgres.md"),
        "# 1. Use Postgres\n",
    )
    .unwrap();
    let readme = ws.path().join("week-01/README.md");
    let text = std::fs::read_to_string(&readme).unwrap();
    std::fs::write(
        &readme,
        format!("{text}\nSee [ADR 1](../doc/adr/0001-use-postgres.md), [gone](../doc/adr/0009-x.md) and [outside](../../x.md).\n"),
    )
    .unwrap();
    let v = portfolio::view(&mut db.store, now()).unwrap();
    let p1 = &v.projects[0];
    let r = p1.readme.as_ref().unwrap();
    assert_eq!((r.path.as_str(), r.missing), ("week-01/README.md", false));
    assert!(r.total > 0 && r.written < r.total, "{r:?}");
    let docs: Vec<&str> = p1.documents.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(docs, ["doc/adr/0001-use-postgres.md"]);
    assert_eq!(
        p1.status,
        ProjectStatus::InProgress,
        "a README is work started"
    );
}

#[test]
fn a_crlf_readme_keeps_crlf_in_the_replaced_section() {
    let (mut db, ws) = reference();
    let readme = ws.path().join("README.md");
    let before = format!(
        "# Mine\r\n\r\n{}\r\n{}\r\nEnd.\r\n",
        markdown::BEGIN,
        markdown::END
    );
    std::fs::write(&readme, &before).unwrap();
    portfolio::export_file(
        &mut db.store,
        Format::Markdown,
        &Scope::Week(1),
        Some(&readme),
        false,
        now(),
    )
    .unwrap();
    let after = std::fs::read_to_string(&readme).unwrap();
    assert!(after.len() > before.len());
    assert_eq!(
        after.matches('\n').count(),
        after.matches("\r\n").count(),
        "no bare LF"
    );
    assert!(after.ends_with("<!-- studyplan:portfolio:end -->\r\nEnd.\r\n"));
}
