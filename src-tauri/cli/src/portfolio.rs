//! `studyplan portfolio|check|evidence`: the portfolio from the command line
//! (studyplan_core::portfolio).

use crate::open;
use crate::output::print_json;
use clap::Subcommand;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use studyplan_core::portfolio::evidence::EvidenceKind;
use studyplan_core::portfolio::markdown::Scope;
use studyplan_core::portfolio::{self, ChecklistCard, Format, ItemView, PortfolioView, Tally};
use studyplan_core::CoreError;

#[derive(Subcommand)]
pub enum PortfolioCmd {
    /// Write the portfolio as Markdown task lists (`md`) or a static HTML page (`html`).
    Export {
        /// `md` or `html`.
        format: String,
        file: PathBuf,
        /// Only this project (Markdown).
        #[arg(long, conflicts_with = "week")]
        project: Option<String>,
        /// Only this week: its checklists and projects (Markdown).
        #[arg(long)]
        week: Option<u32>,
        /// Replace a file that has no studyplan section.
        #[arg(long)]
        force: bool,
    },
    /// Read the ticks back from an exported (and edited) Markdown file.
    Import {
        /// `md`.
        format: String,
        file: PathBuf,
    },
}

fn cookie(c: Tally) -> String {
    format!("[{}/{}] {:>3} %", c.done, c.total, c.percent)
}

fn print_item(i: &ItemView, indent: &str) {
    let mark = match (i.done, i.filled && !i.ticked) {
        (true, true) => "[x]*",
        (true, false) => "[x] ",
        _ => "[ ] ",
    };
    println!("{indent}{mark} {}  {}", i.id, i.text);
    if !i.measured.is_empty() {
        let parts: Vec<String> = i
            .measured
            .iter()
            .map(|m| {
                format!(
                    "{} {} (goal {}){}",
                    m.label,
                    m.value,
                    m.target,
                    if m.met { " ✓" } else { "" }
                )
            })
            .collect();
        println!("{indent}       from data: {}", parts.join("; "));
    }
    for e in &i.evidence {
        let what = match e.kind {
            EvidenceKind::Url => e.value.clone(),
            EvidenceKind::Path => e.value.clone(),
            EvidenceKind::Commit => {
                format!("commit {} in {}", e.value, e.repo.as_deref().unwrap_or(""))
            }
        };
        println!(
            "{indent}       evidence {}: {what}{}",
            e.id,
            if e.missing { "  (missing)" } else { "" }
        );
    }
}

fn print_list(c: &ChecklistCard, indent: &str) {
    println!("{indent}{}  {}", c.title, cookie(c.completeness));
    let mut group: Option<&str> = None;
    for i in &c.items {
        if i.group.as_deref() != group {
            group = i.group.as_deref();
            if let Some(g) = group {
                println!("{indent}  {g}");
            }
        }
        print_item(i, &format!("{indent}  "));
    }
}

fn plural(n: u32, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

fn print_view(v: &PortfolioView, project: Option<&str>, week: Option<u32>) {
    println!("{}  {}", v.plan_title, cookie(v.completeness));
    println!("[x] ticked by hand · [x]* filled from data · [ ] to do; the id after each box is what `check` and `evidence` take");
    let show_all = project.is_none() && week.is_none();
    let projects: Vec<_> = v
        .projects
        .iter()
        .filter(|p| project.is_none_or(|id| p.id == id) && week.is_none_or(|w| p.week == Some(w)))
        .collect();
    if !projects.is_empty() {
        println!("\nProjects");
    }
    for p in projects {
        let facts = p.facts();
        println!(
            "\n  {}  {}  {}",
            p.title,
            cookie(p.completeness),
            facts.join(" · ")
        );
        if let Some(r) = &p.readme {
            println!(
                "    README {}: {}/{} sections{}",
                r.path,
                r.written,
                r.total,
                if r.missing { " (missing)" } else { "" }
            );
        }
        print_item(&p.delivered, "    ");
        for s in &p.sections {
            println!("    {}  {}", s.title, cookie(s.completeness));
            for i in &s.items {
                print_item(i, "      ");
            }
        }
    }
    for w in v
        .weeks
        .iter()
        .filter(|w| !w.checklists.is_empty() && (show_all || week == Some(w.number)))
    {
        println!(
            "\nWeek {}: {} ({} – {})  {}",
            w.number,
            w.title,
            w.start,
            w.end,
            cookie(w.completeness)
        );
        for c in &w.checklists {
            print_list(c, "  ");
        }
    }
    if show_all {
        for c in &v.checklists {
            println!();
            print_list(c, "");
        }
        if !v.history.is_empty() {
            println!("\nNo longer in the plan (kept as they were)");
            for i in &v.history {
                print_item(i, "  ");
            }
        }
    }
}

/// `studyplan portfolio [export|import]`.
pub fn portfolio(
    db: &Option<PathBuf>,
    json: bool,
    cmd: Option<PortfolioCmd>,
    project: Option<String>,
    week: Option<u32>,
) -> Result<ExitCode, CoreError> {
    let mut store = open(db)?;
    let now = chrono::Utc::now();
    match cmd {
        None => {
            let mut v = portfolio::view(&mut store, now)?;
            if let Some(p) = &project {
                if !v.projects.iter().any(|x| &x.id == p) {
                    return Err(CoreError::NotFound(format!(
                        "no project `{p}` in this plan; `studyplan portfolio` lists them"
                    )));
                }
            }
            if let Some(w) = week {
                if !v.weeks.iter().any(|x| x.number == w) {
                    return Err(CoreError::InvalidInput(format!(
                        "this plan has weeks 1 to {}, not {w}",
                        v.weeks.len()
                    )));
                }
            }
            if json {
                // The same narrowing as the listing: only what was asked for.
                if project.is_some() || week.is_some() {
                    v.projects.retain(|p| {
                        project.as_ref().is_none_or(|id| &p.id == id)
                            && week.is_none_or(|w| p.week == Some(w))
                    });
                    v.weeks
                        .retain(|x| project.is_none() && week.is_none_or(|w| x.number == w));
                    v.checklists.clear();
                    v.history.clear();
                }
                print_json(&v);
            } else {
                print_view(&v, project.as_deref(), week);
            }
        }
        Some(PortfolioCmd::Export {
            format,
            file,
            project,
            week,
            force,
        }) => {
            let scope = match (project, week) {
                (Some(p), _) => Scope::Project(p),
                (_, Some(w)) => Scope::Week(w),
                _ => Scope::All,
            };
            let format = Format::parse(&format)?;
            if file.as_os_str() == "-" {
                print!(
                    "{}",
                    portfolio::export_text(&mut store, format, &scope, now)?
                );
                return Ok(ExitCode::SUCCESS);
            }
            let r = portfolio::export_file(&mut store, format, &scope, Some(&file), force, now)?;
            if json {
                print_json(&r);
            } else if r.section_replaced {
                println!("updated the studyplan section of {}", r.path);
            } else {
                println!("wrote {} ({} bytes)", r.path, r.bytes);
            }
        }
        Some(PortfolioCmd::Import { format, file }) => {
            if Format::parse(&format)? != Format::Markdown {
                return Err(CoreError::InvalidInput(
                    "only Markdown (`md`) is imported; the HTML page is for showing".into(),
                ));
            }
            let r = portfolio::import_file(&mut store, Some(&file), now)?;
            if json {
                print_json(&r);
            } else {
                println!(
                    "{}: {} matched, {} changed",
                    file.display(),
                    plural(r.matched, "item"),
                    r.changed
                );
                for p in &r.problems {
                    eprintln!("{}:{}: `{}`: {}", file.display(), p.line, p.id, p.reason);
                }
            }
            if !r.problems.is_empty() {
                return Ok(ExitCode::from(3));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `studyplan check ITEM [--undo | --on DATE]`.
pub fn check(
    db: &Option<PathBuf>,
    json: bool,
    item: &str,
    undo: bool,
    on: Option<&str>,
) -> Result<ExitCode, CoreError> {
    let mut store = open(db)?;
    let now = chrono::Utc::now();
    let v = match on {
        Some(d) => portfolio::check_on(
            &mut store,
            item,
            studyplan_core::store::agenda::parse_date(d)?,
            now,
        )?,
        None => portfolio::check(&mut store, item, !undo, now)?,
    };
    let i = v
        .item(item)
        .ok_or_else(|| CoreError::Internal(format!("`{item}` vanished after ticking")))?;
    if json {
        print_json(i);
    } else {
        print_item(i, "");
        if undo && i.done {
            println!("still done: filled from data while its measures are met");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `studyplan evidence ITEM VALUE [--repo PATH]` or `--remove ID`.
pub fn evidence(
    db: &Option<PathBuf>,
    json: bool,
    item: &str,
    value: Option<&str>,
    repo: Option<&Path>,
    remove: Option<i64>,
) -> Result<ExitCode, CoreError> {
    let mut store = open(db)?;
    let now = chrono::Utc::now();
    let v = match (value, remove) {
        (_, Some(id)) => portfolio::remove_evidence(&mut store, item, id, now)?,
        (Some(value), None) => {
            // A path typed in a shell is relative to where it was typed.
            let value = if !value.contains("://") && Path::new(value).exists() {
                absolute(Path::new(value))?.to_string_lossy().into_owned()
            } else {
                value.to_string()
            };
            let repo = repo.map(absolute).transpose()?;
            portfolio::add_evidence(&mut store, item, &value, repo.as_deref(), now)?
        }
        (None, None) => {
            return Err(CoreError::InvalidInput(
                "give the evidence: a link (https://…), a path in the documents workspace, or a commit id".into(),
            ))
        }
    };
    let i = v
        .item(item)
        .ok_or_else(|| CoreError::NotFound(format!("no portfolio item `{item}`")))?;
    if json {
        print_json(i);
    } else {
        print_item(i, "");
    }
    Ok(ExitCode::SUCCESS)
}

fn absolute(p: &Path) -> Result<PathBuf, CoreError> {
    std::path::absolute(p).map_err(|e| CoreError::io("cannot resolve", p, e))
}
