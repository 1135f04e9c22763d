//! `studyplan mistake|mistakes|revisit`: the mistakes log from the command
//! line (studyplan_core::mistakes).

use crate::output::print_json;
use crate::{open, opt_date};
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;
use studyplan_core::mistakes::{self, MistakeView, NewMistake, RevisitOutcome};
use studyplan_core::CoreError;

#[derive(Subcommand)]
pub enum MistakeCmd {
    /// Log a mistake; its revisits (+2 and +7 days) go on the calendar.
    Add {
        /// Track id (see `studyplan agenda`), e.g. dsa.
        #[arg(long)]
        track: String,
        #[arg(long)]
        topic: String,
        /// What went wrong.
        #[arg(long)]
        what: String,
        /// The fix or insight.
        #[arg(long)]
        fix: Option<String>,
        /// A link (http or https).
        #[arg(long)]
        link: Option<String>,
        /// The day it happened, YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// Log the mistakes listed in a day's study log ("Mistakes log updates",
    /// one per line: `- track: topic — what went wrong → the fix`).
    FromLog {
        /// The log's day, YYYY-MM-DD (default: today).
        date: Option<String>,
    },
    /// Set the time of revisits on days without a block of their track.
    RevisitTime {
        /// Local time, HH:MM.
        time: String,
    },
}

fn today(store: &studyplan_core::Store) -> Result<chrono::NaiveDate, CoreError> {
    studyplan_core::schedule::tz::plan_today(store, chrono::Utc::now())
}

fn print_mistake(m: &MistakeView) {
    println!(
        "{}  {}  {} · {}: {}{}",
        m.id,
        m.date,
        m.track_name,
        m.topic,
        m.what,
        if m.settled { "  [settled]" } else { "" }
    );
    for r in &m.revisits {
        let state = match r.outcome {
            None => "open".to_string(),
            Some(RevisitOutcome::Solid) => {
                format!("solid on {}", r.closed_on.as_deref().unwrap_or("?"))
            }
            Some(RevisitOutcome::Again) => {
                format!("again on {}", r.closed_on.as_deref().unwrap_or("?"))
            }
        };
        println!("    revisit {:<5} {} {}  {state}", r.id, r.date, r.start);
    }
}

pub fn mistake(db: &Option<PathBuf>, json: bool, cmd: MistakeCmd) -> Result<ExitCode, CoreError> {
    let mut store = open(db)?;
    match cmd {
        MistakeCmd::Add {
            track,
            topic,
            what,
            fix,
            link,
            date,
        } => {
            let date = match opt_date(&date)? {
                Some(d) => d,
                None => today(&store)?,
            };
            let m = mistakes::add(
                &mut store,
                &NewMistake {
                    date,
                    track,
                    topic,
                    what,
                    fix,
                    link,
                },
                chrono::Utc::now(),
            )?;
            if json {
                print_json(&m);
            } else {
                print_mistake(&m);
            }
        }
        MistakeCmd::FromLog { date } => {
            let date = match opt_date(&date)? {
                Some(d) => d,
                None => today(&store)?,
            };
            let r = mistakes::from_log::import(&mut store, date, chrono::Utc::now())?;
            if json {
                print_json(&r);
            } else {
                r.added.iter().for_each(print_mistake);
                println!(
                    "{}: {} logged, {} already in the log, {} skipped",
                    r.path,
                    r.added.len(),
                    r.already,
                    r.skipped.len()
                );
                for s in &r.skipped {
                    eprintln!("{}:{}: {}: {}", r.path, s.line, s.text, s.reason);
                }
            }
            if !r.skipped.is_empty() {
                return Ok(ExitCode::from(3));
            }
        }
        MistakeCmd::RevisitTime { time } => {
            let t = mistakes::set_revisit_time(&mut store, &time)?;
            println!(
                "revisits without a block of their track: {}",
                t.format("%H:%M")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn list(db: &Option<PathBuf>, json: bool, due: bool) -> Result<ExitCode, CoreError> {
    let store = open(db)?;
    let due_by = if due { Some(today(&store)?) } else { None };
    let all = mistakes::list(&store, due_by)?;
    if json {
        print_json(&all);
    } else if all.is_empty() {
        println!(
            "{}",
            if due {
                "no revisits due"
            } else {
                "no mistakes logged"
            }
        );
    } else {
        all.iter().for_each(print_mistake);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn revisit(
    db: &Option<PathBuf>,
    json: bool,
    id: i64,
    outcome: &str,
) -> Result<ExitCode, CoreError> {
    let mut store = open(db)?;
    let outcome = RevisitOutcome::parse(outcome)?;
    let today = today(&store)?;
    let m = mistakes::close(&mut store, id, outcome, today)?;
    if json {
        print_json(&m);
    } else {
        print_mistake(&m);
    }
    Ok(ExitCode::SUCCESS)
}
