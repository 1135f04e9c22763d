//! A static HTML page of the portfolio to show others: one self-contained
//! file (inline CSS, no scripts, no remote content): each project with its
//! status, completeness, criteria met and evidence links, then each week's
//! checklists and the plan's other checklists, so every counted item is
//! on the page. Every text is escaped; links are only the http(s) URLs
//! evidence accepts.

use super::evidence::EvidenceKind;
use super::{ChecklistCard, ItemView, PortfolioView, Tally};
use pulldown_cmark_escape::{escape_href, escape_html};
use std::fmt::Write as _;

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2430}\
h1{font-size:1.8rem}h2{margin-top:2rem;border-bottom:1px solid #ccd}\
.meta{color:#556}.bar{height:.5rem;background:#e3e6ee;border-radius:.25rem}\
.bar span{display:block;height:100%;background:#2f6f4f;border-radius:.25rem}\
ul.items{list-style:none;padding-left:0}ul.items li{margin:.2rem 0}\
.done::before{content:'\\2611  '}.todo::before{content:'\\2610  '}.todo{color:#667}\
.ev{font-size:.9rem;margin-left:1.6rem}.missing{color:#a33}code{font-size:.9em}";

/// Marks a page studyplan wrote, so a new export may replace it.
pub const GENERATOR: &str = "<meta name=\"generator\" content=\"studyplan\">";

fn esc(s: &str) -> String {
    let mut out = String::new();
    let _ = escape_html(&mut out, s);
    out
}

fn bar(out: &mut String, c: Tally) {
    let _ = write!(
        out,
        "<p class=\"meta\">{}/{} done ({} %)</p><div class=\"bar\" role=\"img\" aria-label=\"{} percent done\"><span style=\"width:{}%\"></span></div>",
        c.done, c.total, c.percent, c.percent, c.percent
    );
}

fn item(out: &mut String, i: &ItemView) {
    let _ = write!(
        out,
        "<li class=\"{}\">{}",
        if i.done { "done" } else { "todo" },
        esc(&i.text)
    );
    for e in &i.evidence {
        out.push_str("<div class=\"ev\">Evidence: ");
        match e.kind {
            EvidenceKind::Url => {
                let mut href = String::new();
                // escape_href percent-encodes and turns `&` into `&amp;`: attribute-safe as is.
                let _ = escape_href(&mut href, &e.value);
                let _ = write!(out, "<a href=\"{href}\">{}</a>", esc(&e.value));
            }
            EvidenceKind::Path => {
                let _ = write!(out, "<code>{}</code>", esc(&e.value));
            }
            EvidenceKind::Commit => {
                let _ = write!(out, "commit <code>{}</code>", esc(&e.value));
            }
        }
        if e.missing {
            out.push_str(" <span class=\"missing\">(missing)</span>");
        }
        out.push_str("</div>");
    }
    out.push_str("</li>");
}

/// The page for `v`.
pub fn page(v: &PortfolioView) -> String {
    let mut out = String::new();
    let title = format!("Portfolio: {}", v.plan_title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n{GENERATOR}\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
        esc(&title),
        esc(&title)
    );
    bar(&mut out, v.completeness);
    for p in &v.projects {
        let _ = write!(out, "\n<section>\n<h2>{}</h2>\n", esc(&p.title));
        let facts: Vec<String> = p.group.iter().cloned().chain(p.facts()).collect();
        let _ = write!(out, "<p class=\"meta\">{}</p>", esc(&facts.join(" · ")));
        if let Some(s) = &p.summary {
            let _ = write!(out, "<p>{}</p>", esc(s));
        }
        bar(&mut out, p.completeness);
        for s in &p.sections {
            let _ = write!(
                out,
                "\n<h3>{} ({}/{})</h3>\n<ul class=\"items\">",
                esc(&s.title),
                s.completeness.done,
                s.completeness.total
            );
            for i in &s.items {
                item(&mut out, i);
            }
            out.push_str("</ul>");
        }
        out.push_str("\n</section>");
    }
    for w in v.weeks.iter().filter(|w| !w.checklists.is_empty()) {
        let _ = write!(
            out,
            "\n<section>\n<h2>Week {}: {}</h2>\n<p class=\"meta\">{} – {}</p>",
            w.number,
            esc(&w.title),
            w.start,
            w.end
        );
        for c in &w.checklists {
            checklist(&mut out, c);
        }
        out.push_str("\n</section>");
    }
    if !v.checklists.is_empty() {
        out.push_str("\n<section>\n<h2>Checklists</h2>");
        for c in &v.checklists {
            checklist(&mut out, c);
        }
        out.push_str("\n</section>");
    }
    out.push_str("\n</main>\n</body>\n</html>\n");
    out
}

fn checklist(out: &mut String, c: &ChecklistCard) {
    let _ = write!(
        out,
        "\n<h3>{} ({}/{})</h3>\n<ul class=\"items\">",
        esc(&c.title),
        c.completeness.done,
        c.completeness.total
    );
    for i in &c.items {
        item(out, i);
    }
    out.push_str("</ul>");
}
