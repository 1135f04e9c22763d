//! The portfolio as GitHub-flavoured Markdown task lists, and back.
//!
//! Export writes one `- [x] text <!-- id:ITEM -->` line per item (the id
//! in an HTML comment, which GitHub does not show) between
//! `<!-- studyplan:portfolio:begin -->` and `<!-- studyplan:portfolio:end -->`,
//! so the list can live inside a README: an existing file is changed only
//! between those markers, and a file without them is not overwritten unless
//! asked. The same state always exports to the same bytes.
//!
//! Import reads the task items (parsed with pulldown-cmark, so any list
//! marker or indentation works) and sets each known item's hand tick to
//! the file's box; it reports, with their lines, ids it does not know and
//! items filled from data that the file unticks. A file whose items match
//! nothing changes nothing and is an error.

use super::{ChecklistCard, ItemView, PortfolioView, Tally};
use crate::documents::{files, readme::Lines};
use crate::error::{CoreError, Result};
use crate::store::Store;
use chrono::{DateTime, Utc};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use rusqlite::params;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use ts_rs::TS;

pub const BEGIN: &str = "<!-- studyplan:portfolio:begin -->";
pub const END: &str = "<!-- studyplan:portfolio:end -->";

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Project(String),
    Week(u32),
}

fn cookie(c: Tally) -> String {
    format!("[{}/{}]", c.done, c.total)
}

/// One line of text: Markdown would end the item at a line break.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` as a Markdown code span, fenced with more backticks than it holds.
fn code(s: &str) -> String {
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if longest > 0 { " " } else { "" };
    format!("{fence}{pad}{s}{pad}{fence}")
}

fn item_lines(out: &mut String, i: &ItemView) {
    let _ = writeln!(
        out,
        "- [{}] {} <!-- id:{} -->",
        if i.done { 'x' } else { ' ' },
        one_line(&i.text),
        i.id
    );
    if !i.measured.is_empty() {
        let parts: Vec<String> = i
            .measured
            .iter()
            .map(|m| format!("{} {} (goal {})", m.label, m.value, m.target))
            .collect();
        let _ = writeln!(out, "  - Filled from data: {}", parts.join("; "));
    }
    for e in &i.evidence {
        let shown = match e.kind {
            super::evidence::EvidenceKind::Url => format!("<{}>", e.value),
            super::evidence::EvidenceKind::Path => code(&e.value),
            super::evidence::EvidenceKind::Commit => format!(
                "commit {} in {}",
                code(&e.value),
                code(e.repo.as_deref().unwrap_or(""))
            ),
        };
        let flag = if e.missing { " (missing)" } else { "" };
        let _ = writeln!(out, "  - Evidence: {shown}{flag}");
    }
}

fn items_block(out: &mut String, items: &[ItemView], group_level: usize) {
    let mut group: Option<&str> = None;
    out.push('\n');
    for i in items {
        if i.group.as_deref() != group {
            group = i.group.as_deref();
            if let Some(g) = group {
                let _ = writeln!(out, "\n{} {}\n", "#".repeat(group_level), one_line(g));
            }
        }
        item_lines(out, i);
    }
}

fn checklist(out: &mut String, c: &ChecklistCard, level: usize) {
    let _ = writeln!(
        out,
        "\n{} {} {}",
        "#".repeat(level),
        one_line(&c.title),
        cookie(c.completeness)
    );
    items_block(out, &c.items, level + 1);
}

fn project(out: &mut String, v: &PortfolioView, id: &str, level: usize) {
    let Some(p) = v.projects.iter().find(|p| p.id == id) else {
        return;
    };
    let _ = writeln!(
        out,
        "\n{} {} {}\n",
        "#".repeat(level),
        one_line(&p.title),
        cookie(p.completeness)
    );
    let facts = p.facts();
    let _ = writeln!(out, "{}", facts.join(" · "));
    if let Some(r) = &p.readme {
        let _ = writeln!(
            out,
            "\nREADME: {} ({}/{} sections written{})",
            code(&r.path),
            r.written,
            r.total,
            if r.missing { ", missing" } else { "" }
        );
    }
    out.push('\n');
    item_lines(out, &p.delivered);
    for s in &p.sections {
        let _ = writeln!(
            out,
            "\n{} {} {}",
            "#".repeat(level + 1),
            one_line(&s.title),
            cookie(s.completeness)
        );
        items_block(out, &s.items, level + 2);
    }
}

/// The Markdown for `scope` (with the begin/end markers), or `NotFound`
/// for an unknown project or week.
pub fn export(v: &PortfolioView, scope: &Scope) -> Result<String> {
    let mut out = String::new();
    let _ = writeln!(out, "{BEGIN}");
    let _ = writeln!(
        out,
        "<!-- Exported by studyplan from plan `{}`. Tick or untick boxes, then `studyplan portfolio import md FILE`; the id comments match items. -->",
        v.plan_id
    );
    match scope {
        Scope::All => {
            let _ = writeln!(
                out,
                "\n# Portfolio: {} {}",
                one_line(&v.plan_title),
                cookie(v.completeness)
            );
            if !v.projects.is_empty() {
                let _ = writeln!(out, "\n## Projects");
                for p in &v.projects {
                    project(&mut out, v, &p.id, 3);
                }
            }
            if v.weeks.iter().any(|w| !w.checklists.is_empty()) {
                let _ = writeln!(out, "\n## Weekly checklists");
                for w in v.weeks.iter().filter(|w| !w.checklists.is_empty()) {
                    let _ = writeln!(
                        out,
                        "\n### Week {}: {} {}",
                        w.number,
                        one_line(&w.title),
                        cookie(w.completeness)
                    );
                    for c in &w.checklists {
                        checklist(&mut out, c, 4);
                    }
                }
            }
            if !v.checklists.is_empty() {
                let _ = writeln!(out, "\n## Checklists");
                for c in &v.checklists {
                    checklist(&mut out, c, 3);
                }
            }
        }
        Scope::Project(id) => {
            if !v.projects.iter().any(|p| &p.id == id) {
                return Err(CoreError::NotFound(format!(
                    "no project `{id}` in this plan; `studyplan portfolio` lists them"
                )));
            }
            project(&mut out, v, id, 1);
        }
        Scope::Week(n) => {
            let w = v
                .weeks
                .iter()
                .find(|w| w.number == *n)
                .ok_or_else(|| CoreError::NotFound(format!("this plan has no week {n}")))?;
            let _ = writeln!(
                out,
                "\n# Week {}: {} {}",
                w.number,
                one_line(&w.title),
                cookie(w.completeness)
            );
            for pid in &w.projects {
                project(&mut out, v, pid, 2);
            }
            for c in &w.checklists {
                checklist(&mut out, c, 2);
            }
        }
    }
    let _ = writeln!(out, "\n{END}");
    Ok(out)
}

/// The plan an export names in its header comment.
fn exported_from(text: &str) -> Option<&str> {
    let rest = &text[text.find("Exported by studyplan from plan `")? + 33..];
    rest.split('`').next()
}

/// The text between (and including) the markers, as a byte range.
fn region(text: &str) -> Option<std::ops::Range<usize>> {
    let b = text.find(BEGIN)?;
    let e = text[b..].find(END)? + b + END.len();
    let e = if text[e..].starts_with("\r\n") {
        e + 2
    } else if text[e..].starts_with('\n') {
        e + 1
    } else {
        e
    };
    Some(b..e)
}

/// Where an export went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ExportReport {
    pub path: String,
    /// True when only the marked section of an existing file was replaced.
    pub section_replaced: bool,
    pub bytes: u32,
}

/// Write `content` (an [`export`] or an HTML page) to `path` atomically:
/// a new file; the marked section of a file that has one (Markdown); a
/// file without markers only with `force`.
pub fn write(path: &Path, content: &str, markers: bool, force: bool) -> Result<ExportReport> {
    let existing = files::read(path)?;
    let (text, replaced) = match existing {
        Some(f) if markers && region(&f.text).is_some() => {
            let r = region(&f.text).unwrap_or(0..0);
            // The section takes the file's line endings (CRLF stays CRLF).
            let content = files::keep_line_endings(&f.text, content);
            let mut t = String::with_capacity(f.text.len() + content.len());
            t.push_str(&f.text[..r.start]);
            t.push_str(&content);
            t.push_str(&f.text[r.end..]);
            (t, true)
        }
        Some(f) if !force => {
            let why = match (markers, f.text.contains(BEGIN), f.text.contains(END)) {
                (false, _, _) => String::new(),
                (true, true, true) => format!(" and its `{END}` line comes before `{BEGIN}`"),
                (true, true, false) => format!(" and has `{BEGIN}` without `{END}` after it"),
                (true, false, true) => format!(" and has `{END}` without `{BEGIN}` before it"),
                (true, false, false) => format!(
                    " and has no studyplan portfolio section (add the lines `{BEGIN}` and `{END}` where the list should go)"
                ),
            };
            return Err(CoreError::Conflict(format!(
                "{} exists{why}; pass --force to replace it",
                path.display()
            )));
        }
        _ => (content.to_string(), false),
    };
    files::write_atomic(path, &text)?;
    Ok(ExportReport {
        path: path.to_string_lossy().into_owned(),
        section_replaced: replaced,
        bytes: text.len() as u32,
    })
}

/// One line of an imported file that was not applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportProblem {
    /// 1-based line in the file.
    pub line: u32,
    pub id: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportReport {
    /// Items of the file matched to the portfolio.
    pub matched: u32,
    /// Of those, items whose tick changed.
    pub changed: u32,
    pub problems: Vec<ImportProblem>,
}

/// The id in an HTML comment `<!-- id:ITEM -->` (spaces optional).
fn comment_id(html: &str) -> Option<String> {
    let inner = html
        .trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    let id = inner.strip_prefix("id:")?.trim();
    (!id.is_empty()).then(|| id.to_string())
}

/// The list items of `text` that carry an id comment: (line, id, box),
/// the box `None` when the item has no `[ ]` / `[x]` task marker.
pub fn task_items(text: &str) -> Vec<(u32, String, Option<bool>)> {
    struct Open {
        start: usize,
        checked: Option<bool>,
        id: Option<String>,
    }
    let lines = Lines::new(text);
    let mut stack: Vec<Open> = Vec::new();
    let mut out = Vec::new();
    for (ev, range) in Parser::new_ext(text, Options::ENABLE_TASKLISTS).into_offset_iter() {
        match ev {
            Event::Start(Tag::Item) => stack.push(Open {
                start: range.start,
                checked: None,
                id: None,
            }),
            Event::TaskListMarker(c) => {
                if let Some(top) = stack.last_mut() {
                    top.checked = Some(c);
                }
            }
            Event::InlineHtml(h) | Event::Html(h) => {
                if let (Some(top), Some(id)) = (stack.last_mut(), comment_id(&h)) {
                    if top.id.is_none() {
                        top.id = Some(id);
                    }
                }
            }
            Event::End(TagEnd::Item) => {
                if let Some(Open {
                    start,
                    checked,
                    id: Some(id),
                }) = stack.pop()
                {
                    out.push((lines.line(start), id, checked));
                }
            }
            _ => {}
        }
    }
    out
}

/// Apply the ticks of the Markdown file at `path` (its marked section, if
/// it has one) to the active plan's portfolio, in one transaction.
pub fn import(store: &mut Store, path: &Path, now: DateTime<Utc>) -> Result<ImportReport> {
    let f = files::read(path)?
        .ok_or_else(|| CoreError::NotFound(format!("no file {}", path.display())))?;
    let (offset, body) = match region(&f.text) {
        Some(r) => (r.start, &f.text[r.clone()]),
        None => (0, f.text.as_str()),
    };
    let first_line = Lines::new(&f.text).line(offset) - 1;
    let found = task_items(body);
    if found.is_empty() {
        return Err(CoreError::InvalidInput(format!(
            "{} has no task items with studyplan ids (`- [x] text <!-- id:… -->`); export one with `studyplan portfolio export md FILE`",
            path.display()
        )));
    }
    let v = super::view(store, now)?;
    let a = super::active(store, now)?;
    if let Some(from) = exported_from(&f.text).filter(|p| *p != a.id) {
        return Err(CoreError::InvalidInput(format!(
            "{} was exported from plan `{from}`, and the active plan is `{}`; switch with `studyplan plan use {from}` first",
            path.display(),
            a.id
        )));
    }
    let at = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let known: HashMap<&str, &ItemView> = v.all_items().map(|i| (i.id.as_str(), i)).collect();
    let history: std::collections::HashSet<&str> =
        v.history.iter().map(|i| i.id.as_str()).collect();
    let mut problems = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut changes: Vec<(String, bool)> = Vec::new();
    let mut matched = 0;
    for (line, id, checked) in found {
        let line = line + first_line;
        let Some(checked) = checked else {
            problems.push(ImportProblem {
                line,
                id,
                reason: "no `[ ]` or `[x]` box before the text; not changed".into(),
            });
            continue;
        };
        if let Some(first) = seen.get(&id) {
            problems.push(ImportProblem {
                line,
                id,
                reason: format!("listed again; line {first} was used"),
            });
            continue;
        }
        seen.insert(id.clone(), line);
        let Some(item) = known.get(id.as_str()) else {
            problems.push(ImportProblem {
                line,
                reason: "no such item in this plan's portfolio".into(),
                id,
            });
            continue;
        };
        if history.contains(id.as_str()) {
            problems.push(ImportProblem {
                line,
                reason: "no longer in the plan; kept in history as it was".into(),
                id,
            });
            continue;
        }
        matched += 1;
        if !checked && item.filled {
            problems.push(ImportProblem {
                line,
                reason: "filled from data; it stays done while its measures are met".into(),
                id: id.clone(),
            });
        }
        // A box ticked by data needs no hand tick.
        let want = if checked && item.filled && !item.ticked {
            false
        } else {
            checked
        };
        if want != item.ticked {
            changes.push((id, want));
        }
    }
    if matched == 0 {
        return Err(CoreError::InvalidInput(format!(
            "none of the {} items in {} match this plan's portfolio ({}); nothing was changed",
            seen.len(),
            path.display(),
            problems
                .first()
                .map(|p| format!("line {}: `{}`", p.line, p.id))
                .unwrap_or_default()
        )));
    }
    let tx = store.immediate()?;
    for (id, done) in &changes {
        tx.execute(
            "UPDATE portfolio_items SET done = ?3, done_at = CASE WHEN ?3 THEN ?4 END WHERE plan_id = ?1 AND id = ?2 AND present = 1",
            params![a.id, id, done, at],
        )?;
    }
    tx.commit()?;
    Ok(ImportReport {
        matched,
        changed: changes.len() as u32,
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_items_are_read_with_any_list_marker() {
        let md = "# P\n\n- [x] a <!-- id:p:item:a -->\n  - Evidence: <https://x.org>\n* [ ] b <!--id:p:item:b-->\n1. [X] c <!-- id:c -->\n- [ ] no id\n- [y] plain <!-- id:d -->\n";
        assert_eq!(
            task_items(md),
            vec![
                (3, "p:item:a".to_string(), Some(true)),
                (5, "p:item:b".to_string(), Some(false)),
                (6, "c".to_string(), Some(true)),
                (8, "d".to_string(), None),
            ]
        );
    }

    #[test]
    fn the_marked_region_includes_its_line_end() {
        let t = format!("intro\n{BEGIN}\nx\n{END}\nafter\n");
        let r = region(&t).unwrap();
        assert_eq!(&t[..r.start], "intro\n");
        assert_eq!(&t[r.end..], "after\n");
    }
}
