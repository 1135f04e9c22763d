//! Certification readiness on real databases: practice exams with domain
//! scores, readiness and pacing, remediation proposals that touch only the
//! certification track's blocks before the window and change nothing until
//! accepted, and the `practice-exams` goals counted.

use crate::support::{date, fresh, load_shipped, TestDb};
use chrono::{DateTime, TimeZone, Utc};
use studyplan_core::exams::{self, readiness, remediation, NewPracticeExam};
use studyplan_core::ErrorKind;

/// Week 3 of the reference plan (Tue 2 Sep 2025; the DBX-DEA window is Mon 8 – Sun 21 Sep).
fn sep2() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 9, 2, 6, 0, 0).unwrap()
}

fn exam(cert: &str, day: &str, score: Option<&str>, domains: &[(&str, &str)]) -> NewPracticeExam {
    NewPracticeExam {
        cert: cert.into(),
        date: date(day),
        full: true,
        minutes: Some(90),
        score: score.map(str::to_string),
        domains: domains
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        missed: Vec::new(),
    }
}

fn agenda_titles(db: &TestDb, from: &str, to: &str) -> Vec<(String, String, String)> {
    db.store
        .agenda(date(from), date(to))
        .unwrap()
        .into_iter()
        .map(|b| (b.id, b.track, b.title))
        .collect()
}

#[test]
fn the_reference_plans_certifications_have_windows_domains_and_rules() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let certs = exams::list(&db.store).unwrap();
    let ids: Vec<(&str, Option<&str>, u32)> = certs
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                c.window_start.as_deref(),
                c.domains.iter().map(|d| d.weight).sum(),
            )
        })
        .collect();
    assert_eq!(
        ids,
        [
            ("dbx-dea", Some("2025-09-08"), 100),
            ("aws-saa", Some("2025-10-06"), 100),
            ("aws-dea", Some("2025-10-13"), 100)
        ]
    );
    assert_eq!((certs[0].practice_required, certs[0].pass_percent), (2, 70));
    assert_eq!(certs[0].track_name, "Certifications");
    // The team roadmap's ten weighted domains.
    let mut team = fresh();
    load_shipped(
        &mut team,
        "databricks-team-roadmap",
        "UTC",
        Some("2025-09-01"),
    );
    let c = exams::get(&team.store, "dbx-de-pro").unwrap();
    assert_eq!(c.domains.len(), 10);
    assert_eq!(
        (c.domains[0].id.as_str(), c.domains[0].weight),
        ("developing-code", 22)
    );
}

#[test]
fn remediation_on_the_reference_plan_puts_the_weakest_weighted_domain_first_and_waits_for_accept() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    // Processing (31 %) at 50 %, governance (11 %) at 40 %: 31 × 50 beats 11 × 60.
    let e = exams::log(
        &mut db.store,
        &exam(
            "dbx-dea",
            "2025-09-01",
            Some("41/60"),
            &[
                ("processing", "50"),
                ("governance", "40%"),
                ("ingestion", "24/30"),
                ("platform", "90"),
                ("pipelines", "80"),
            ],
        ),
        sep2(),
    )
    .unwrap();
    assert!((e.score - 68.33).abs() < 0.01, "{}", e.score);
    let r = readiness::readiness(&db.store, "dbx-dea", sep2()).unwrap();
    assert_eq!(r.domains[0].id, "processing");
    assert_eq!(r.domains[1].id, "governance");
    assert!(!r.ready);
    assert_eq!((r.practice_done, r.practice_required), (1, 2));
    assert_eq!(r.days_to_window, Some(6));

    let before = agenda_titles(&db, "2025-08-19", "2025-10-18");
    let p = remediation::propose(&db.store, "dbx-dea", sep2()).unwrap();
    assert!(!p.blocks.is_empty());
    assert_eq!(
        p.blocks[0].domain, "processing",
        "the weakest weighted domain first"
    );
    let domains: std::collections::BTreeSet<&str> =
        p.blocks.iter().map(|b| b.domain.as_str()).collect();
    assert_eq!(
        domains.into_iter().collect::<Vec<_>>(),
        ["governance", "processing"],
        "only weak domains"
    );
    for b in &p.blocks {
        assert!(
            b.date.as_str() >= "2025-09-02" && b.date.as_str() <= "2025-09-21",
            "{b:?}"
        );
        let blk = db.store.block(&b.block_id).unwrap();
        assert_eq!(blk.track, "cert", "only certification-track blocks");
    }
    // Nothing changed until accepted.
    assert_eq!(agenda_titles(&db, "2025-08-19", "2025-10-18"), before);
    let applied = remediation::accept(&mut db.store, "dbx-dea", sep2()).unwrap();
    assert_eq!(applied.blocks, p.blocks);
    let after = agenda_titles(&db, "2025-08-19", "2025-10-18");
    let changed: Vec<_> = before
        .iter()
        .zip(&after)
        .filter(|(a, b)| a != b)
        .map(|(_, b)| (b.0.clone(), b.2.clone()))
        .collect();
    let want: Vec<_> = p
        .blocks
        .iter()
        .map(|b| (b.block_id.clone(), b.title.clone()))
        .collect();
    assert_eq!(changed, want);
    assert!(changed[0]
        .1
        .starts_with("Remediation (DBX-DEA): Data Processing"));
    // Each rename is in the block's event log.
    let ev = db.store.block_events(&p.blocks[0].block_id).unwrap();
    assert!(ev.iter().any(|e| e.kind == "remediation"), "{ev:?}");
}

#[test]
fn remediation_on_the_databricks_plan_with_spark_at_55_and_security_at_80() {
    let mut db = fresh();
    load_shipped(
        &mut db,
        "databricks-de-professional",
        "UTC",
        Some("2025-09-01"),
    );
    let c = exams::get(&db.store, "dbx-de-pro").unwrap();
    let window_end = c.window_end.clone().unwrap();
    let now = Utc.with_ymd_and_hms(2025, 11, 3, 6, 0, 0).unwrap();
    exams::log(
        &mut db.store,
        &exam(
            "dbx-de-pro",
            "2025-11-01",
            None,
            &[("spark-optimization", "55"), ("security-governance", "80")],
        ),
        now,
    )
    .unwrap();
    let r = readiness::readiness(&db.store, "dbx-de-pro", now).unwrap();
    // Overall from the domain weights: (55 × 25 + 80 × 15) / 40.
    assert!((r.overall_latest.unwrap() - 64.375).abs() < 1e-9);
    assert_eq!(r.domains[0].id, "spark-optimization");
    let security = r
        .domains
        .iter()
        .find(|d| d.id == "security-governance")
        .unwrap();
    assert!(!security.weak, "80 % is above the pass mark");
    let p = remediation::propose(&db.store, "dbx-de-pro", now).unwrap();
    assert_eq!(
        p.blocks.first().map(|b| b.domain.as_str()),
        Some("spark-optimization")
    );
    assert!(p.blocks.iter().all(|b| b.domain != "security-governance"));
    assert!(p.blocks.iter().all(|b| b.date <= window_end));
    for b in &p.blocks {
        assert_eq!(db.store.block(&b.block_id).unwrap().track, "exam-prep");
    }
}

#[test]
fn practice_exam_goals_are_counted_and_the_weekly_item_fills() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let now = sep2();
    exams::log(
        &mut db.store,
        &exam("dbx-dea", "2025-08-30", Some("65"), &[]),
        now,
    )
    .unwrap();
    let mut partial = exam("aws-saa", "2025-09-01", Some("70"), &[]);
    partial.full = false;
    exams::log(&mut db.store, &partial, now).unwrap();
    let progress = db.store.progress(now).unwrap();
    let goal = |id: &str| progress.goals.iter().find(|g| g.id == id).unwrap().value;
    assert_eq!(goal("dbx-dea-practice"), Some(1));
    assert_eq!(
        goal("saa-practice"),
        Some(0),
        "a partial practice is not a full-length one"
    );
    let v = studyplan_core::portfolio::view(&mut db.store, now).unwrap();
    let item = v.item("weekly-plan:w2:certification").unwrap();
    assert!(item.filled, "{item:?}");
    assert!(!v.item("weekly-plan:w1:certification").unwrap().filled);
}

#[test]
fn bad_practice_exams_are_refused_with_a_clear_error_and_nothing_is_logged() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let now = sep2();
    let cases = [
        (
            exam("dbx-dee", "2025-09-01", Some("70"), &[]),
            "no certification `dbx-dee`",
        ),
        (
            exam("dbx-dea", "2025-09-01", Some("70"), &[("spark", "50")]),
            "no domain `spark`",
        ),
        (
            exam("dbx-dea", "2025-09-01", Some("101"), &[]),
            "outside 0–100",
        ),
        (
            exam("dbx-dea", "2025-09-01", Some("70"), &[("platform", "7/5")]),
            "not right answers",
        ),
        (
            exam("dbx-dea", "2025-09-03", Some("70"), &[]),
            "in the future",
        ),
        (exam("dbx-dea", "2025-09-01", None, &[]), "overall score"),
    ];
    for (e, want) in cases {
        let err = exams::log(&mut db.store, &e, now).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::InvalidInput | ErrorKind::NotFound),
            "{err}"
        );
        assert!(err.to_string().contains(want), "{err} should say {want}");
    }
    let mut e = exam("dbx-dea", "2025-09-01", Some("70"), &[]);
    e.missed = vec![("nope".into(), "x".into())];
    assert!(exams::log(&mut db.store, &e, now).is_err());
    assert!(exams::exams(&db.store, "dbx-dea").unwrap().is_empty());
    // Listing an unknown certification says so rather than showing nothing.
    let err = exams::exams(&db.store, "dbx-dee").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    // Missed questions go to the mistakes log with their domain.
    e.missed = vec![("processing".into(), "MERGE with a non-unique source".into())];
    let v = exams::log(&mut db.store, &e, now).unwrap();
    let m = studyplan_core::mistakes::list(&db.store, None).unwrap();
    assert_eq!(v.mistakes, [m[0].id]);
    assert_eq!(
        (m[0].track.as_str(), m[0].topic.as_str()),
        ("cert", "Data Processing & Transformations")
    );
}

#[test]
fn pacing_proposes_a_deferral_when_the_track_falls_behind() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    // Late September, nothing of the certification track done: SAA is behind.
    let now = Utc.with_ymd_and_hms(2025, 9, 29, 6, 0, 0).unwrap();
    let r = readiness::readiness(&db.store, "aws-saa", now).unwrap();
    assert_eq!(r.minutes_done, 0);
    assert!(r.minutes_planned > 0);
    assert!(!r.pacing.on_track);
    let weeks = r.pacing.defer_weeks.unwrap();
    assert!((2..=4).contains(&weeks));
    assert!(r.pacing.advice.contains("defer"), "{}", r.pacing.advice);
    // Doing every past block puts it back on track.
    let past: Vec<String> = db
        .store
        .agenda(date("2025-08-19"), date("2025-09-28"))
        .unwrap()
        .into_iter()
        .filter(|b| b.track == "cert")
        .map(|b| b.id)
        .collect();
    for id in &past {
        db.store
            .set_block_status(
                id,
                studyplan_core::store::blocks::BlockChange::parse("done", None).unwrap(),
                now,
            )
            .unwrap();
    }
    let r = readiness::readiness(&db.store, "aws-saa", now).unwrap();
    assert!(r.pacing.on_track, "{}", r.pacing.advice);
    // Nothing was moved by the proposal.
    assert_eq!(
        exams::get(&db.store, "aws-saa")
            .unwrap()
            .window_start
            .as_deref(),
        Some("2025-10-06")
    );
}

#[test]
fn remediation_for_a_later_exam_leaves_the_earlier_exams_blocks_alone() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    exams::log(
        &mut db.store,
        &exam(
            "aws-saa",
            "2025-09-01",
            None,
            &[("secure", "40"), ("cost", "50")],
        ),
        sep2(),
    )
    .unwrap();
    let p = remediation::propose(&db.store, "aws-saa", sep2()).unwrap();
    assert!(!p.blocks.is_empty());
    // DBX-DEA's window ends 21 Sep; SAA's ends 12 Oct.
    assert!(
        p.blocks
            .iter()
            .all(|b| b.date.as_str() > "2025-09-21" && b.date.as_str() <= "2025-10-12"),
        "{:?}",
        p.blocks.first()
    );
}

#[test]
fn accepted_remediation_survives_a_reload_leaves_hand_added_blocks_and_is_not_repeated() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let mine = db
        .store
        .add_block(
            &studyplan_core::store::blocks::NewBlock {
                date: date("2025-09-10"),
                start: chrono::NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
                minutes: 60,
                track: Some("cert".into()),
                title: "Sit DBX-DEA at the test centre".into(),
            },
            sep2(),
        )
        .unwrap();
    exams::log(
        &mut db.store,
        &exam("dbx-dea", "2025-09-01", Some("55"), &[("processing", "40")]),
        sep2(),
    )
    .unwrap();
    let applied = remediation::accept(&mut db.store, "dbx-dea", sep2()).unwrap();
    assert!(applied.renamed > 0);
    assert!(
        applied.blocks.iter().all(|b| b.block_id != mine.id),
        "a hand-added block keeps its title"
    );
    assert_eq!(
        db.store.block(&mine.id).unwrap().title,
        "Sit DBX-DEA at the test centre"
    );
    // Accepting again changes nothing.
    assert_eq!(
        remediation::accept(&mut db.store, "dbx-dea", sep2())
            .unwrap()
            .renamed,
        0
    );
    // A reload keeps the accepted titles.
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    let b = &applied.blocks[0];
    assert_eq!(db.store.block(&b.block_id).unwrap().title, b.title);
}

#[test]
fn a_partial_set_does_not_make_a_certification_ready_and_a_bad_missed_question_logs_nothing() {
    let mut db = fresh();
    load_shipped(&mut db, "senior-de-2025", "Europe/Berlin", None);
    for day in ["2025-08-28", "2025-08-29"] {
        exams::log(
            &mut db.store,
            &exam("dbx-dea", day, Some("45"), &[]),
            sep2(),
        )
        .unwrap();
    }
    let mut short = exam("DBX-DEA", "2025-09-01", Some("3/3"), &[]);
    short.full = false;
    exams::log(&mut db.store, &short, sep2()).unwrap();
    let r = readiness::readiness(&db.store, "dbx-dea", sep2()).unwrap();
    assert_eq!(
        r.overall_latest,
        Some(45.0),
        "the latest full-length score decides"
    );
    assert!(!r.ready);
    let mut bad = exam("dbx-dea", "2025-09-01", Some("70"), &[]);
    bad.missed = vec![
        ("processing".into(), "fine".into()),
        ("ingestion".into(), "x".repeat(5000)),
    ];
    assert!(exams::log(&mut db.store, &bad, sep2()).is_err());
    assert_eq!(exams::exams(&db.store, "dbx-dea").unwrap().len(), 3);
    assert!(studyplan_core::mistakes::list(&db.store, None)
        .unwrap()
        .is_empty());
}
