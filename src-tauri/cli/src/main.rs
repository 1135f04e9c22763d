//! `studyplan`: the command line over the same core and database as the app.
//!
//! Output for people goes to stdout; `--json` output is stable (the same
//! shapes as the app's IPC types) and errors are `{kind, message,
//! diagnostics}` objects on stderr with `--json`, plain text otherwise.

mod calendars;
mod docs;
mod exams;
mod mistakes;
mod output;
mod portfolio;
mod remind;
mod sync;
mod team;

use chrono::{NaiveDate, NaiveDateTime, Utc};
use clap::{Parser, Subcommand};
use output::{print_agenda, print_json};
use std::path::PathBuf;
use std::process::ExitCode;
use studyplan_core::store::agenda::parse_date;
use studyplan_core::store::blocks::{BlockChange, NewBlock};
use studyplan_core::store::plans::LoadOptions;
use studyplan_core::{runs, shipped, CoreError, Store};

#[derive(Parser)]
#[command(
    name = "studyplan",
    version,
    about = "Offline study planner: plans, agenda, reminders"
)]
struct Cli {
    /// Database file (default: the app's, in the user data dir; or $STUDYPLAN_DB).
    #[arg(long, global = true, env = "STUDYPLAN_DB")]
    db: Option<PathBuf>,
    /// Machine-readable output (and errors as JSON on stderr).
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Check plan files; prints `file:line:col: message` per problem.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Load, list or remove plans.
    Plan {
        #[command(subcommand)]
        cmd: PlanCmd,
    },
    /// Blocks of a day or a range (default: today).
    Agenda {
        #[arg(long, conflicts_with_all = ["from", "to"])]
        date: Option<String>,
        #[arg(long, requires = "to")]
        from: Option<String>,
        #[arg(long, requires = "from")]
        to: Option<String>,
    },
    /// Today's blocks.
    Today,
    /// Missed minutes per track and where the plan's rules would place them.
    Reschedule {
        /// Plan week (default: this week).
        #[arg(long)]
        week: Option<u32>,
        /// Apply the proposals (nothing changes without it).
        #[arg(long)]
        accept: bool,
    },
    /// Send desktop reminders for the active plan until stopped (Ctrl-C).
    ///
    /// Shares the app's reminder ledger: run it instead of, or beside, the
    /// app; each reminder is sent once either way.
    Remind {
        /// Run one pass and exit.
        #[arg(long)]
        once: bool,
        /// Stop after this many seconds.
        #[arg(long, value_name = "SECONDS")]
        r#for: Option<u64>,
    },
    /// Export the active plan.
    Export {
        #[command(subcommand)]
        cmd: ExportCmd,
    },
    /// Record what happened to a block, or add one.
    Block {
        #[command(subcommand)]
        cmd: BlockCmd,
    },
    /// Architecture decision records (adr-tools' format).
    Adr {
        #[command(subcommand)]
        cmd: docs::AdrCmd,
    },
    /// Project READMEs: create from the plan's outline, check completeness.
    Readme {
        #[command(subcommand)]
        cmd: docs::ReadmeCmd,
    },
    /// Create the day's study log if missing (pre-filled from its blocks) and print its path.
    Log {
        /// The day, YYYY-MM-DD (default: today).
        date: Option<String>,
    },
    /// The documents folder, list and preview rendering.
    Docs {
        #[command(subcommand)]
        cmd: docs::DocsCmd,
    },
    /// Log a mistake (revisits come back after 48 hours and a week).
    Mistake {
        #[command(subcommand)]
        cmd: mistakes::MistakeCmd,
    },
    /// The mistakes log with each revisit's state.
    Mistakes {
        /// Only mistakes with a revisit due today or earlier.
        #[arg(long)]
        due: bool,
    },
    /// Close a revisit: `solid` (done) or `again` (one more in two days).
    Revisit {
        /// The revisit's id (see `studyplan mistakes`).
        id: i64,
        outcome: String,
    },
    /// The portfolio: projects with their criteria, weekly checklists, ticks and evidence.
    Portfolio {
        #[command(subcommand)]
        cmd: Option<portfolio::PortfolioCmd>,
        /// Only this project.
        #[arg(long)]
        project: Option<String>,
        /// Only this week's projects and checklists.
        #[arg(long)]
        week: Option<u32>,
    },
    /// Bring in another calendar as busy time: an .ics file or an http(s)/webcal subscription.
    ///
    /// Exit code 3 when some of its components were skipped (each is listed with its line).
    Import {
        #[command(subcommand)]
        cmd: calendars::ImportCmd,
    },
    /// The imported and subscribed calendars: list (default), refresh, remove.
    Subscriptions {
        #[command(subcommand)]
        cmd: Option<calendars::SubscriptionsCmd>,
    },
    /// Sync the active plan (blocks, and progress both ways) through your CalDAV account.
    Sync {
        #[command(subcommand)]
        cmd: Option<sync::SyncCmd>,
        /// Say what would be written, write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// The plan's team: roles, who plays them, the team's progress per track.
    Team {
        #[command(subcommand)]
        cmd: Option<team::TeamCmd>,
    },
    /// Busy time from other calendars on a day or a range (default: today).
    Busy {
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
    /// Certifications: practice exams, readiness, remediation.
    Exam {
        #[command(subcommand)]
        cmd: exams::ExamCmd,
    },
    /// Tick a portfolio item by its id (see `studyplan portfolio`).
    Check {
        item: String,
        /// Untick it instead.
        #[arg(long, conflicts_with = "on")]
        undo: bool,
        /// The day it was done, YYYY-MM-DD (default: now), e.g. a project delivered earlier.
        #[arg(long)]
        on: Option<String>,
    },
    /// Attach evidence to a portfolio item: a link, a path in the documents workspace, or a commit id.
    Evidence {
        item: String,
        /// https://…, a workspace path, or a commit id (7–64 hex digits).
        #[arg(required_unless_present = "remove")]
        value: Option<String>,
        /// The commit's repository (default: the documents workspace).
        #[arg(long)]
        repo: Option<PathBuf>,
        /// Remove evidence by its id instead.
        #[arg(long, conflicts_with = "value")]
        remove: Option<i64>,
    },
}

#[derive(Subcommand)]
enum ExportCmd {
    /// iCalendar (RFC 5545) file: blocks as events with reminders, milestones as all-day events.
    Ics {
        file: PathBuf,
        #[arg(long, requires = "to")]
        from: Option<String>,
        #[arg(long, requires = "from")]
        to: Option<String>,
    },
}

#[derive(Subcommand)]
enum BlockCmd {
    /// Mark a block done.
    Done { id: String },
    /// Record the minutes actually spent on a block.
    Partial { id: String, minutes: u32 },
    /// Mark a block skipped.
    Skip { id: String },
    /// Back to planned (undo done/partial/skip).
    Undo { id: String },
    /// Write a note and/or counters on a block.
    Note {
        id: String,
        /// The note ("" clears it).
        text: Option<String>,
        /// DSA problems solved.
        #[arg(long)]
        problems: Option<u32>,
        /// SQL queries written.
        #[arg(long)]
        queries: Option<u32>,
    },
    /// Add a one-off block to the active plan.
    Add {
        #[arg(long)]
        title: String,
        /// Local start, `YYYY-MM-DD HH:MM[:SS]` (or with `T`).
        #[arg(long)]
        start: String,
        #[arg(long)]
        minutes: u32,
        /// Track id (default `extra`).
        #[arg(long)]
        track: Option<String>,
    },
    /// Move (and optionally resize) a block; refused if it would overlap another.
    Move {
        id: String,
        /// New local start, `YYYY-MM-DD HH:MM`.
        #[arg(long)]
        start: String,
        /// New length in minutes (default: unchanged).
        #[arg(long)]
        minutes: Option<i64>,
    },
    /// A block's history.
    Log { id: String },
}

#[derive(Subcommand)]
enum PlanCmd {
    /// Load (or reload) a plan file, or a shipped plan by id (see `plan shipped`).
    Load {
        /// A plan file path, or the id of a shipped plan.
        file: String,
        /// Start date, YYYY-MM-DD, or `next` (the next date after today with
        /// the plan's first weekday): required for relative plans; moves an
        /// absolute plan (`plan restart` keeps the earlier run instead).
        #[arg(long)]
        start: Option<String>,
        /// IANA time zone (default: the plan's, else the system's).
        #[arg(long)]
        tz: Option<String>,
        /// Variant of a plan that has several (e.g. 20-week).
        #[arg(long)]
        variant: Option<String>,
    },
    /// Follow a loaded plan again on coming dates, as a run of its own (id
    /// `<plan>-<first day>`, its dates in the title); the earlier run stays
    /// loaded with its progress.
    Restart {
        id: String,
        /// First day, YYYY-MM-DD, or `next` (the default): the next date
        /// after today with the plan's first weekday.
        #[arg(long)]
        start: Option<String>,
        /// IANA time zone (default: the system's).
        #[arg(long)]
        tz: Option<String>,
    },
    /// Loaded plans.
    List,
    /// Plans that ship with studyplan.
    Shipped,
    /// Make a loaded plan the active one.
    Use { id: String },
    /// Remove a loaded plan and its blocks.
    Remove { id: String },
}

fn main() -> ExitCode {
    quiet_broken_pipe();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // A script that asked for --json gets its error as JSON too.
        Err(e) if e.use_stderr() && std::env::args().any(|a| a == "--json") => {
            let body = CoreError::InvalidInput(e.to_string().trim().to_string()).body();
            eprintln!(
                "{}",
                serde_json::to_string(&body).unwrap_or_else(|_| body.message.clone())
            );
            return ExitCode::from(2);
        }
        Err(e) => e.exit(),
    };
    let json = cli.json;
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if json {
                eprintln!(
                    "{}",
                    serde_json::to_string(&e.body()).unwrap_or_else(|_| e.to_string())
                );
            } else if let CoreError::PlanInvalid(diags) = &e {
                for d in diags {
                    eprintln!("{d}");
                }
            } else {
                eprintln!("studyplan: {e}");
            }
            ExitCode::from(match e.kind() {
                studyplan_core::ErrorKind::InvalidInput
                | studyplan_core::ErrorKind::PlanInvalid => 2,
                _ => 1,
            })
        }
    }
}

/// `studyplan ... | head` closes stdout early; `println!` then panics with
/// "Broken pipe". Like other Unix tools, stop quietly instead. (Resetting
/// SIGPIPE would need `unsafe`, which the workspace forbids.)
fn quiet_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if msg.contains("failed printing to stdout") && msg.contains("Broken pipe") {
            std::process::exit(0);
        }
        default(info);
    }));
}

/// `--db` / `STUDYPLAN_DB`, else the app's database in the user data dir.
fn db_path(db: &Option<PathBuf>) -> Result<PathBuf, CoreError> {
    match db {
        Some(p) => Ok(p.clone()),
        None => studyplan_core::store::default_db_path(),
    }
}

fn open(db: &Option<PathBuf>) -> Result<Store, CoreError> {
    Store::open(&db_path(db)?)
}

fn opt_date(s: &Option<String>) -> Result<Option<NaiveDate>, CoreError> {
    s.as_deref().map(parse_date).transpose()
}

fn run(cli: Cli) -> Result<ExitCode, CoreError> {
    match cli.cmd {
        Cmd::Adr { cmd } => docs::adr(&cli.db, cli.json, cmd),
        Cmd::Readme { cmd } => docs::readme(&cli.db, cli.json, cmd),
        Cmd::Log { date } => docs::log(&cli.db, cli.json, date),
        Cmd::Docs { cmd } => docs::docs(&cli.db, cli.json, cmd),
        Cmd::Mistake { cmd } => mistakes::mistake(&cli.db, cli.json, cmd),
        Cmd::Mistakes { due } => mistakes::list(&cli.db, cli.json, due),
        Cmd::Revisit { id, outcome } => mistakes::revisit(&cli.db, cli.json, id, &outcome),
        Cmd::Portfolio { cmd, project, week } => {
            portfolio::portfolio(&cli.db, cli.json, cmd, project, week)
        }
        Cmd::Exam { cmd } => exams::exam(&cli.db, cli.json, cmd),
        Cmd::Import { cmd } => calendars::import(&cli.db, cli.json, cmd),
        Cmd::Sync { cmd, dry_run } => sync::sync(&cli.db, cli.json, dry_run, cmd),
        Cmd::Team { cmd } => team::team(&cli.db, cli.json, cmd),
        Cmd::Subscriptions { cmd } => calendars::subscriptions(&cli.db, cli.json, cmd),
        Cmd::Busy { date, from, to } => {
            let store = open(&cli.db)?;
            let (a, b) = match (opt_date(&date)?, opt_date(&from)?, opt_date(&to)?) {
                (Some(d), _, _) => (d, d),
                (None, Some(a), Some(b)) => (a, b),
                _ => {
                    let t = studyplan_core::schedule::tz::plan_today(&store, Utc::now())?;
                    (t, t)
                }
            };
            let busy = studyplan_core::busy::between(&store, a, b)?;
            if cli.json {
                print_json(&busy);
            } else {
                print_agenda(&[], &busy, a, b);
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Check { item, undo, on } => {
            portfolio::check(&cli.db, cli.json, &item, undo, on.as_deref())
        }
        Cmd::Evidence {
            item,
            value,
            repo,
            remove,
        } => portfolio::evidence(
            &cli.db,
            cli.json,
            &item,
            value.as_deref(),
            repo.as_deref(),
            remove,
        ),
        Cmd::Validate { files } => {
            let mut failed = false;
            for f in &files {
                let name = f.display().to_string();
                let text = match studyplan_core::plan::source::read_plan_file(f) {
                    Ok(t) => t,
                    Err(e) => {
                        failed = true;
                        let d = studyplan_core::Diagnostic {
                            file: name.clone(),
                            line: 0,
                            column: 0,
                            message: e.to_string(),
                            hint: None,
                        };
                        if cli.json {
                            println!("{}", serde_json::to_string(&[d]).unwrap_or_default());
                        } else {
                            eprintln!("{name}: {e}");
                        }
                        continue;
                    }
                };
                match studyplan_core::plan::parse_plan(&name, &text) {
                    Ok(_) => {
                        if !cli.json {
                            println!("{name}: ok");
                        }
                    }
                    Err(diags) => {
                        failed = true;
                        if cli.json {
                            println!("{}", serde_json::to_string(&diags).unwrap_or_default());
                        } else {
                            for d in diags {
                                eprintln!("{d}");
                            }
                        }
                    }
                }
            }
            Ok(if failed {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            })
        }
        Cmd::Plan { cmd } => {
            let mut store = open(&cli.db)?;
            match cmd {
                PlanCmd::Load {
                    file,
                    start,
                    tz,
                    variant,
                } => {
                    let (name, text) = studyplan_core::plan::source::read_source(&file)?;
                    let start = match start.as_deref() {
                        // The next date with the plan's first weekday, in the plan's zone.
                        Some("next") => {
                            let plan = studyplan_core::plan::parse_plan(&name, &text)
                                .map_err(CoreError::PlanInvalid)?;
                            let zone = tz
                                .as_deref()
                                .or(plan.timezone.as_ref().map(|t| t.value.as_str()));
                            Some(runs::next_start(&plan, zone, Utc::now())?)
                        }
                        _ => opt_date(&start)?,
                    };
                    let opts = LoadOptions { start, tz, variant };
                    let rep = store.load_plan(&name, &text, &opts, Utc::now())?;
                    print_load(&rep, cli.json);
                }
                PlanCmd::Restart { id, start, tz } => {
                    let start = match start.as_deref() {
                        None | Some("next") => None,
                        _ => opt_date(&start)?,
                    };
                    let rep = runs::start_run(&mut store, &id, start, tz, Utc::now())?;
                    print_load(&rep, cli.json);
                    if !cli.json {
                        println!("the earlier run stays loaded: studyplan plan use {id}");
                    }
                }
                PlanCmd::List => {
                    let plans = store.plan_list()?;
                    if cli.json {
                        print_json(&plans);
                    } else if plans.is_empty() {
                        println!(
                            "no plans loaded; try: studyplan plan load {}",
                            shipped::DEFAULT_PLAN
                        );
                    } else {
                        for p in plans {
                            println!(
                                "{} {:<28} {} – {}  {:>2} weeks  {:>5} blocks  {}  {}",
                                if p.active { "*" } else { " " },
                                p.id,
                                p.start,
                                p.end,
                                p.weeks,
                                p.block_count,
                                p.timezone,
                                p.title
                            );
                        }
                    }
                }
                PlanCmd::Shipped => {
                    let list: Vec<_> = shipped::all()
                        .map(|(id, name, _)| serde_json::json!({"id": id, "file": name}))
                        .collect();
                    if cli.json {
                        print_json(&list);
                    } else {
                        for (id, name, _) in shipped::all() {
                            println!("{id:<32} plans/{name}");
                        }
                    }
                }
                PlanCmd::Use { id } => {
                    let p = store.activate_plan(&id)?;
                    if cli.json {
                        print_json(&p);
                    } else {
                        println!("active plan: {}", p.id);
                    }
                }
                PlanCmd::Remove { id } => {
                    store.remove_plan(&id)?;
                    if !cli.json {
                        println!("removed {id}");
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Agenda { date, from, to } => {
            let store = open(&cli.db)?;
            let (a, b) = match (opt_date(&date)?, opt_date(&from)?, opt_date(&to)?) {
                (Some(d), _, _) => (d, d),
                (None, Some(a), Some(b)) => (a, b),
                _ => {
                    let today = studyplan_core::store::agenda::parse_date(
                        &store.overview(Utc::now())?.today,
                    )?;
                    (today, today)
                }
            };
            let blocks = store.agenda(a, b)?;
            if cli.json {
                print_json(&blocks);
            } else {
                print_agenda(&blocks, &studyplan_core::busy::between(&store, a, b)?, a, b);
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Remind { once, r#for } => {
            let path = db_path(&cli.db)?;
            drop(Store::open(&path)?); // create and migrate before the engine starts
            remind::run(path, once, r#for, cli.json)?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Reschedule { week, accept } => {
            let mut store = open(&cli.db)?;
            let v = if accept {
                store.replan_accept(week, Utc::now())?
            } else {
                store.replan(week, Utc::now())?
            };
            if cli.json {
                print_json(&v);
            } else {
                output::print_replan(&v, accept);
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Export {
            cmd: ExportCmd::Ics { file, from, to },
        } => {
            let store = open(&cli.db)?;
            // Write beside the target and rename, so a failed export never leaves half a file.
            let tmp = file.with_extension("ics.part");
            let out =
                std::fs::File::create(&tmp).map_err(|e| CoreError::io("cannot create", &tmp, e))?;
            let sum = match store.export_ics(out, opt_date(&from)?, opt_date(&to)?, Utc::now()) {
                Ok(s) => s,
                Err(e) => {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(e);
                }
            };
            std::fs::rename(&tmp, &file).map_err(|e| CoreError::io("cannot write", &file, e))?;
            if cli.json {
                print_json(&sum);
            } else {
                println!(
                    "wrote {} ({} blocks, {} milestones)",
                    file.display(),
                    sum.events,
                    sum.milestones
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Block { cmd } => {
            let mut store = open(&cli.db)?;
            let now = Utc::now();
            let view = match cmd {
                BlockCmd::Done { id } => store.set_block_status(&id, BlockChange::Done, now)?,
                BlockCmd::Partial { id, minutes } => {
                    store.set_block_status(&id, BlockChange::Partial(minutes), now)?
                }
                BlockCmd::Skip { id } => store.set_block_status(&id, BlockChange::Skipped, now)?,
                BlockCmd::Undo { id } => store.set_block_status(&id, BlockChange::Planned, now)?,
                BlockCmd::Note {
                    id,
                    text,
                    problems,
                    queries,
                } => store.annotate_block(
                    &id,
                    text.as_deref(),
                    problems.map(i64::from),
                    queries.map(i64::from),
                    now,
                )?,
                BlockCmd::Add {
                    title,
                    start,
                    minutes,
                    track,
                } => {
                    let at =
                        NaiveDateTime::parse_from_str(&start.replace('T', " "), "%Y-%m-%d %H:%M")
                            .or_else(|_| {
                                NaiveDateTime::parse_from_str(
                                    &start.replace('T', " "),
                                    "%Y-%m-%d %H:%M:%S",
                                )
                            })
                            .map_err(|_| {
                                CoreError::InvalidInput(format!(
                                    "“{start}” is not a start time; use YYYY-MM-DD HH:MM"
                                ))
                            })?;
                    store.add_block(
                        &NewBlock {
                            title,
                            date: at.date(),
                            start: at.time(),
                            minutes,
                            track,
                        },
                        now,
                    )?
                }
                BlockCmd::Move { id, start, minutes } => {
                    let (date, time) = start
                        .replace('T', " ")
                        .split_once(' ')
                        .map(|(d, t)| (d.to_string(), t.to_string()))
                        .unwrap_or_default();
                    let m =
                        studyplan_core::store::moves::MoveRequest::parse(&date, &time, minutes)?;
                    store.move_block(&id, m.date, m.start, m.minutes, now)?
                }
                BlockCmd::Log { id } => {
                    let events = store.block_events(&id)?;
                    if cli.json {
                        print_json(&events);
                    } else {
                        for e in events {
                            println!("{}  {:<18} {}", e.at, e.kind, e.detail);
                        }
                    }
                    return Ok(ExitCode::SUCCESS);
                }
            };
            if cli.json {
                print_json(&view);
            } else {
                print_agenda(
                    std::slice::from_ref(&view),
                    &[],
                    parse_date(&view.date)?,
                    parse_date(&view.date)?,
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Today => {
            let store = open(&cli.db)?;
            let ov = store.overview(Utc::now())?;
            let today = parse_date(&ov.today)?;
            let blocks = store.agenda(today, today)?;
            let busy = studyplan_core::busy::between(&store, today, today)?;
            if cli.json {
                print_json(&serde_json::json!({"overview": ov, "blocks": blocks, "busy": busy}));
            } else {
                match (&ov.plan, &ov.week) {
                    (Some(p), Some(w)) => println!(
                        "{} — week {} of {}: {}",
                        p.title, w.number, ov.week_count, w.title
                    ),
                    (Some(p), None) => println!(
                        "{} ({} – {}): today is outside the plan",
                        p.title, p.start, p.end
                    ),
                    (None, _) => println!(
                        "no plan loaded; try: studyplan plan load {}",
                        shipped::DEFAULT_PLAN
                    ),
                }
                print_agenda(&blocks, &busy, today, today);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// What loading a plan did, for people or as JSON.
fn print_load(rep: &studyplan_core::store::plans::LoadReport, json: bool) {
    if json {
        print_json(rep);
        return;
    }
    let verb = if rep.reloaded { "reloaded" } else { "loaded" };
    println!(
        "{verb} {} ({} – {}, {}, {} weeks, {} blocks): {} added, {} moved, {} removed, {} unchanged",
        rep.plan.id, rep.plan.start, rep.plan.end, rep.plan.timezone, rep.plan.weeks, rep.plan.block_count,
        rep.added, rep.moved, rep.removed, rep.unchanged
    );
    if rep.history_kept > 0 {
        println!("{} changed or removed blocks had progress or notes; their history stays in the event log", rep.history_kept);
    }
    if !rep.portfolio_kept.is_empty() {
        println!(
            "{} portfolio items with a tick or evidence are no longer in the plan; kept in the portfolio's history: {}",
            rep.portfolio_kept.len(),
            rep.portfolio_kept.join(", ")
        );
    }
}
