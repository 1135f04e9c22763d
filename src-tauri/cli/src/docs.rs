//! `studyplan adr|readme|log|docs`: the documents commands over the same
//! files and index as the app (see `studyplan_core::documents`).

use crate::output::print_json;
use crate::{open, opt_date};
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;
use studyplan_core::documents::{self, decisions, projects, DocKind, DocumentEntry};
use studyplan_core::plan::model::PlanFile;
use studyplan_core::{shipped, CoreError, Store};

#[derive(Subcommand)]
pub enum AdrCmd {
    /// Write the next ADR (`doc/adr/NNNN-slug.md`, adr-tools' layout).
    New {
        /// The title (words are joined with spaces, as `adr new` does).
        #[arg(required = true)]
        title: Vec<String>,
        /// Supersede ADR N: links both files, N becomes Superseded.
        #[arg(long, short = 's', value_name = "N")]
        supersedes: Option<u32>,
        /// Proposed (default) or Accepted.
        #[arg(long)]
        status: Option<String>,
    },
    /// The ADRs with number, status and title.
    List {
        /// Only ADRs with this status (case-insensitive).
        #[arg(long)]
        status: Option<String>,
    },
    /// Link ADR N to ADR M (e.g. `adr link 3 Amends 1`); the reverse link
    /// ("Amended by") is written in M.
    Link {
        source: u32,
        #[arg(value_name = "TYPE")]
        kind: String,
        target: u32,
        /// The reverse link's words, for a type studyplan does not know.
        #[arg(long)]
        reverse: Option<String>,
    },
    /// Change an ADR's status (Proposed → Accepted or Rejected; Accepted → Deprecated).
    Status { number: u32, status: String },
    /// The table of contents, as `adr generate toc` prints it.
    Toc,
}

#[derive(Subcommand)]
pub enum ReadmeCmd {
    /// Create a project's README from the plan's outline.
    New {
        /// The project id (see `studyplan readme projects`).
        project: String,
        /// Where, relative to the documents folder (default `week-NN/README.md`).
        #[arg(long)]
        path: Option<PathBuf>,
    },
    /// The plan's projects and their READMEs.
    Projects,
    /// Check READMEs against the plan's outline: `file:line: message` per
    /// finding; exit 1 when one is incomplete, 2 when one cannot be read.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The plan whose outline applies: a plan file or a shipped plan id
        /// (default: the active plan, else the default shipped plan).
        #[arg(long)]
        plan: Option<String>,
        /// The project whose deliverables apply (default: the README's marker).
        #[arg(long)]
        project: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum DocsCmd {
    /// The documents folder of the active plan.
    Where {
        /// Use this folder instead (created if missing).
        #[arg(long)]
        set: Option<PathBuf>,
    },
    /// Every document with its kind and state.
    List,
    /// Print the sanitized HTML the app's preview shows for a Markdown file.
    Render { file: PathBuf },
}

fn today(store: &Store) -> Result<chrono::NaiveDate, CoreError> {
    studyplan_core::schedule::tz::plan_today(store, chrono::Utc::now())
}

fn print_entry(e: &DocumentEntry) {
    let state = match (&e.problem, e.duplicate) {
        (Some(p), _) => format!("  [cannot read: {p}]"),
        (None, true) => "  [duplicate number]".into(),
        _ => String::new(),
    };
    match e.kind {
        DocKind::Adr => println!(
            "{:>4}  {:<10}  {}  ({}){state}",
            e.number.unwrap_or(0),
            e.status.as_deref().unwrap_or("-"),
            e.title,
            e.path
        ),
        _ => {
            let done = e
                .completeness
                .as_ref()
                .map(|c| format!("  {}/{} sections", c.written, c.total))
                .unwrap_or_default();
            println!("{:<9}  {}{done}{state}", e.kind.as_str(), e.path);
        }
    }
}

pub fn adr(db: &Option<PathBuf>, json: bool, cmd: AdrCmd) -> Result<ExitCode, CoreError> {
    let mut store = open(db)?;
    let today = today(&store)?;
    match cmd {
        AdrCmd::New {
            title,
            supersedes,
            status,
        } => {
            let e = decisions::new_adr(
                &mut store,
                &title.join(" "),
                status.as_deref(),
                supersedes,
                today,
            )?;
            if json {
                print_json(&e);
            } else {
                println!(
                    "{}",
                    documents::workspace_path(&store)?.join(&e.path).display()
                );
            }
        }
        AdrCmd::List { status } => {
            let list = documents::list(&mut store, today)?;
            let adrs: Vec<&DocumentEntry> = list
                .entries
                .iter()
                .filter(|e| e.kind == DocKind::Adr)
                .filter(|e| match &status {
                    Some(s) => e
                        .status
                        .as_deref()
                        .is_some_and(|x| x.eq_ignore_ascii_case(s)),
                    None => true,
                })
                .collect();
            if json {
                print_json(&adrs);
            } else if adrs.is_empty() {
                println!("no ADRs in {}", list.adr_dir);
            } else {
                adrs.into_iter().for_each(print_entry);
            }
        }
        AdrCmd::Link {
            source,
            kind,
            target,
            reverse,
        } => {
            let changed =
                decisions::link(&mut store, source, &kind, target, reverse.as_deref(), today)?;
            if json {
                print_json(&changed);
            } else {
                changed.iter().for_each(print_entry);
            }
        }
        AdrCmd::Status { number, status } => {
            let e = decisions::set_status(&mut store, number, &status, today)?;
            if json {
                print_json(&e);
            } else {
                print_entry(&e);
            }
        }
        AdrCmd::Toc => print!("{}", decisions::toc(&store)?),
    }
    Ok(ExitCode::SUCCESS)
}

/// The plan a headless `readme check` uses: `--plan`, else the active
/// plan of an existing database, else the default shipped plan.
fn plan_for_check(db: &Option<PathBuf>, plan: Option<&str>) -> Result<PlanFile, CoreError> {
    let parse = |name: &str, text: &str| {
        studyplan_core::plan::parse_plan(name, text).map_err(CoreError::PlanInvalid)
    };
    if let Some(p) = plan {
        if let Some((name, text)) = shipped::get(p) {
            return parse(name, text);
        }
        let path = std::path::Path::new(p);
        if !path.exists() {
            let ids: Vec<&str> = shipped::all().map(|(id, _, _)| id).collect();
            return Err(CoreError::InvalidInput(format!(
                "--plan {p}: no such plan file, and not a shipped plan ({})",
                ids.join(", ")
            )));
        }
        let text =
            std::fs::read_to_string(path).map_err(|e| CoreError::io("cannot read", path, e))?;
        return parse(p, &text);
    }
    let path = crate::db_path(db)?;
    if path.exists() {
        let store = Store::open(&path)?;
        if let Ok(ctx) = documents::context(&store) {
            return Ok(ctx.plan);
        }
    }
    let (name, text) = shipped::get(shipped::DEFAULT_PLAN)
        .ok_or_else(|| CoreError::Internal("the default plan is missing".into()))?;
    parse(name, text)
}

pub fn readme(db: &Option<PathBuf>, json: bool, cmd: ReadmeCmd) -> Result<ExitCode, CoreError> {
    match cmd {
        ReadmeCmd::New { project, path } => {
            let mut store = open(db)?;
            let today = today(&store)?;
            let rel = path.map(|p| p.to_string_lossy().replace('\\', "/"));
            let e = projects::new_readme(&mut store, &project, rel.as_deref(), today)?;
            if json {
                print_json(&e);
            } else {
                println!(
                    "{}",
                    documents::workspace_path(&store)?.join(&e.path).display()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        ReadmeCmd::Projects => {
            let mut store = open(db)?;
            let today = today(&store)?;
            let list = documents::list(&mut store, today)?;
            if json {
                print_json(&list.projects);
            } else {
                for p in &list.projects {
                    println!(
                        "{:<32}  due {:<10}  {}  {}",
                        p.id,
                        p.due.as_deref().unwrap_or("-"),
                        p.readme.as_deref().unwrap_or("(no README)"),
                        p.title
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        ReadmeCmd::Check {
            files,
            plan,
            project,
        } => {
            let plan = plan_for_check(db, plan.as_deref())?;
            let mut code = 0u8;
            let mut reports = Vec::new();
            for f in &files {
                match projects::check_file(f, &plan, project.as_deref()) {
                    Ok((c, findings)) => {
                        if !findings.is_empty() {
                            code = code.max(1);
                        }
                        if !json {
                            for line in &findings {
                                println!("{line}");
                            }
                            eprintln!(
                                "{}: {}/{} sections written",
                                f.display(),
                                c.written,
                                c.total
                            );
                        }
                        reports.push(
                            serde_json::json!({"file": f, "completeness": c, "findings": findings}),
                        );
                    }
                    Err(e) => {
                        code = 2;
                        eprintln!("{}", e);
                        reports.push(serde_json::json!({"file": f, "error": e.body()}));
                    }
                }
            }
            if json {
                print_json(&reports);
            }
            Ok(ExitCode::from(code))
        }
    }
}

pub fn log(db: &Option<PathBuf>, json: bool, day: Option<String>) -> Result<ExitCode, CoreError> {
    let mut store = open(db)?;
    let day = match opt_date(&day)? {
        Some(d) => d,
        None => today(&store)?,
    };
    let c = documents::daily_log::open_log(&mut store, day)?;
    if json {
        print_json(&c);
    } else {
        println!("{}", c.abs_path);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn docs(db: &Option<PathBuf>, json: bool, cmd: DocsCmd) -> Result<ExitCode, CoreError> {
    match cmd {
        DocsCmd::Where { set } => {
            let mut store = open(db)?;
            let p = match set {
                Some(p) => {
                    let abs = if p.is_absolute() {
                        p
                    } else {
                        std::env::current_dir()
                            .map_err(|e| CoreError::Io(format!("no current folder: {e}")))?
                            .join(p)
                    };
                    documents::set_workspace(&mut store, &abs)?
                }
                None => documents::workspace_path(&store)?,
            };
            if json {
                print_json(&serde_json::json!({"workspace": p}));
            } else {
                println!("{}", p.display());
            }
        }
        DocsCmd::List => {
            let mut store = open(db)?;
            let today = today(&store)?;
            let list = documents::list(&mut store, today)?;
            if json {
                print_json(&list);
            } else {
                println!("{}", list.workspace);
                list.entries.iter().for_each(print_entry);
            }
        }
        DocsCmd::Render { file } => {
            let f = documents::files::read(&file)?
                .ok_or_else(|| CoreError::NotFound(format!("{}: no such file", file.display())))?;
            print!("{}", documents::render::render_html(&f.text));
        }
    }
    Ok(ExitCode::SUCCESS)
}
