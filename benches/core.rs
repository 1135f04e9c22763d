//! Criterion benchmarks of the core: load a plan, read an agenda from a big
//! database, export ICS, validate the shipped plans. Figures go to
//! docs/benchmarks.md; nothing here is asserted.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveDate, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use std::fmt::Write;
use studyplan_core::store::plans::LoadOptions;
use studyplan_core::{shipped, Store};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 8, 1, 12, 0, 0).unwrap()
}

/// A relative plan of 520 weeks with 28 half-hour blocks every day: 101,920 blocks.
fn big_plan() -> String {
    let mut s = String::from(
        "format = 1\nid = \"big\"\ntitle = \"Big\"\n[period]\nweeks = 520\n[[tracks]]\nid = \"a\"\nname = \"A\"\n[[tracks]]\nid = \"b\"\nname = \"B\"\n[[day_templates]]\nid = \"full\"\nname = \"Full\"\nday_start = \"06:00\"\n",
    );
    for i in 0..28 {
        let _ = write!(
            s,
            "[[day_templates.blocks]]\ntrack = \"{}\"\ntitle = \"Block {i}\"\nminutes = 30\n",
            if i % 2 == 0 { "a" } else { "b" }
        );
    }
    s.push_str("[schedule]\nmon = \"full\"\ntue = \"full\"\nwed = \"full\"\nthu = \"full\"\nfri = \"full\"\nsat = \"full\"\nsun = \"full\"\n");
    s
}

fn big_store(dir: &std::path::Path) -> Store {
    let mut store = Store::open(&dir.join("big.db")).unwrap();
    let opts = LoadOptions {
        start: NaiveDate::from_ymd_opt(2020, 1, 6),
        tz: Some("Europe/Berlin".into()),
        variant: None,
    };
    let rep = store
        .load_plan("big.toml", &big_plan(), &opts, now())
        .unwrap();
    assert!(rep.plan.block_count >= 100_000);
    store
}

/// The 30-project plan with ticks, evidence and mistakes (see the bench).
fn portfolio_store(dir: &std::path::Path, plan: &str, tracks: [&str; 2]) -> Store {
    use studyplan_core::mistakes::{self, NewMistake};
    use studyplan_core::portfolio;
    let (name, text) = shipped::get(plan).unwrap();
    let mut store = Store::open(&dir.join("p.db")).unwrap();
    let opts = LoadOptions {
        start: NaiveDate::from_ymd_opt(2025, 8, 19),
        tz: Some("Europe/Berlin".into()),
        variant: None,
    };
    store.load_plan(name, text, &opts, now()).unwrap();
    let ids: Vec<String> = portfolio::view(&mut store, now())
        .unwrap()
        .all_items()
        .map(|i| i.id.clone())
        .collect();
    for k in 0..1000 {
        portfolio::check(&mut store, &ids[k % ids.len()], true, now()).unwrap();
    }
    for (n, id) in ids.iter().take(200).enumerate() {
        let url = format!("https://github.com/me/portfolio/pull/{n}");
        portfolio::add_evidence(&mut store, id, &url, None, now()).unwrap();
    }
    let start = NaiveDate::from_ymd_opt(2025, 8, 19).unwrap();
    for n in 0..500u64 {
        let m = NewMistake {
            date: start + chrono::Days::new(n % 55),
            track: tracks[(n % 2) as usize].into(),
            topic: format!("Topic {n}"),
            what: "Forgot the watermark".into(),
            fix: Some("Set it before the join".into()),
            link: None,
        };
        mistakes::add(&mut store, &m, now()).unwrap();
    }
    store
}

/// About `bytes` of realistic Markdown: headings, paragraphs with inline
/// markup and links, lists, task lists, a table, code blocks and a little
/// raw HTML for the sanitizer to work on.
fn markdown_doc(bytes: usize, raw_html: bool) -> String {
    let mut s = String::with_capacity(bytes + 4096);
    let mut i = 0;
    while s.len() < bytes {
        let _ = write!(
            s,
            "## Section {i}: ingestion and quality gates\n\n\
             The **bronze** layer lands raw events; *silver* applies schema checks and \
             [dbt tests](https://docs.getdbt.com/docs/build/data-tests) before `MERGE` into gold. \
             See [ADR {i}](doc/adr/{i:04}-decision.md) and the {} note.\n\n\
             - [x] idempotent writes (run {i})\n- [ ] backfill for 30 days\n- retries with backoff\n\n\
             | metric | p50 | p95 |\n|---|---|---|\n| latency ms | {} | {} |\n| rows | {} | {} |\n\n\
             ```sql\nSELECT user_id, count(*) FROM events WHERE day = '2025-08-{:02}' GROUP BY 1;\n```\n\n\
             > Tradeoff: fewer small files vs fresher data.{}\n\n",
            if raw_html { "<kbd>Ctrl</kbd>+<kbd>S</kbd>" } else { "`Ctrl+S`" },
            i * 3,
            i * 7,
            i * 11,
            i * 13,
            i % 28 + 1,
            if raw_html { format!("<span title=\"t{i}\">¹</span>") } else { String::new() },
        );
        i += 1;
    }
    s
}

fn benches(c: &mut Criterion) {
    let (name, text) = shipped::get(shipped::DEFAULT_PLAN).unwrap();
    let opts = LoadOptions {
        tz: Some("Europe/Berlin".into()),
        ..Default::default()
    };
    c.bench_function(
        "load + expand + store the Aug–Oct plan (fresh file)",
        |b| {
            b.iter_batched(
                || {
                    let dir = tempfile::tempdir().unwrap();
                    let store = Store::open(&dir.path().join("s.db")).unwrap();
                    (dir, store)
                },
                |(dir, mut store)| {
                    store.load_plan(name, text, &opts, now()).unwrap();
                    drop(dir);
                },
                BatchSize::PerIteration,
            )
        },
    );

    c.bench_function("validate all shipped plans", |b| {
        b.iter(|| {
            for (_, n, t) in shipped::all() {
                studyplan_core::plan::parse_plan(n, t).unwrap();
            }
        })
    });

    let dir = tempfile::tempdir().unwrap();
    let store = big_store(dir.path());
    let (from, to) = (
        NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
        NaiveDate::from_ymd_opt(2024, 3, 31).unwrap(),
    );
    c.bench_function("agenda for one month, 100k-block database", |b| {
        b.iter(|| store.agenda(from, to).unwrap())
    });

    let opts = pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_TASKLISTS
        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
        | pulldown_cmark::Options::ENABLE_FOOTNOTES;
    let plain_render = |doc: &str| {
        let mut out = String::with_capacity(doc.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut out, pulldown_cmark::Parser::new_ext(doc, opts));
        out
    };
    for (label, raw) in [
        ("1 MB Markdown", false),
        ("1 MB Markdown, raw HTML in every section", true),
    ] {
        let doc = markdown_doc(1 << 20, raw);
        let mut g = c.benchmark_group(label);
        g.sample_size(20);
        g.bench_function("studyplan preview (render + sanitize)", |b| {
            b.iter(|| studyplan_core::documents::render::render_html(&doc))
        });
        // References on the same document: pulldown-cmark alone (no
        // sanitizing: the floor), and the whole output through ammonia
        // with its default rules (the straightforward pipeline).
        g.bench_function("reference: pulldown-cmark alone, unsanitized", |b| {
            b.iter(|| plain_render(&doc))
        });
        g.bench_function(
            "reference: pulldown-cmark + ammonia on the whole output",
            |b| b.iter(|| ammonia::clean(&plain_render(&doc))),
        );
        g.finish();
    }

    // Portfolio view (issue 9): the 30-project plan after 1,000 tick
    // operations (it has 304 items: every one ends ticked), 200 pieces of
    // evidence and 500 mistakes; then the reference plan, whose nine weekly
    // checklist copies measure counters and the 1,000 revisits.
    let pdir = tempfile::tempdir().unwrap();
    let mut pstore = portfolio_store(
        pdir.path(),
        "data-engineering-30-projects",
        ["tier-1", "tier-2"],
    );
    let rdir = tempfile::tempdir().unwrap();
    let mut rstore = portfolio_store(rdir.path(), "senior-de-2025", ["dsa", "sql"]);
    let mut g = c.benchmark_group("portfolio");
    g.bench_function("view, 30-project plan, 1,000 ticks, 500 mistakes", |b| {
        b.iter(|| studyplan_core::portfolio::view(&mut pstore, now()).unwrap())
    });
    g.bench_function(
        "view, reference plan, measured weekly lists, 500 mistakes",
        |b| b.iter(|| studyplan_core::portfolio::view(&mut rstore, now()).unwrap()),
    );
    g.bench_function("reference: one SELECT of the same item rows", |b| {
        let conn = rusqlite::Connection::open(pdir.path().join("p.db")).unwrap();
        b.iter(|| {
            let mut st = conn
                .prepare_cached("SELECT id, text, done, done_at, measures FROM portfolio_items WHERE plan_id = 'data-engineering-30-projects' ORDER BY seq")
                .unwrap();
            let n = st
                .query_map([], |r| r.get::<_, String>(0))
                .unwrap()
                .count();
            assert!(n > 0);
        })
    });
    g.finish();

    let mut g = c.benchmark_group("ics");
    g.sample_size(10);
    g.bench_function("export 100k blocks", |b| {
        b.iter(|| {
            let sum = store
                .export_ics(std::io::sink(), None, None, now())
                .unwrap();
            assert!(sum.events >= 100_000);
        })
    });
    g.finish();
}

criterion_group!(core, benches);
criterion_main!(core);
