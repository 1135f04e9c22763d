//! `studyplan import ics`, `studyplan subscriptions`: other calendars as
//! busy time (studyplan_core::busy).

use crate::open;
use crate::output::print_json;
use clap::Subcommand;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use studyplan_core::busy::{self, fetch::Http, SourceView};
use studyplan_core::CoreError;

#[derive(Subcommand)]
pub enum ImportCmd {
    /// An .ics file, or an http(s)/webcal URL to subscribe to.
    Ics {
        /// Path of the file, or the subscription's URL.
        source: String,
        /// Name shown on the calendar (default: the file's name or the URL's host).
        #[arg(long)]
        name: Option<String>,
        /// Subscriptions: minutes between refreshes (default 60).
        #[arg(long)]
        refresh: Option<u32>,
    },
}

#[derive(Subcommand)]
pub enum SubscriptionsCmd {
    /// Every imported file and subscription with its last read.
    List,
    /// Read a calendar again (all of them without ID): the file, or the URL.
    Refresh { id: Option<i64> },
    /// Forget a calendar and its busy time.
    Remove { id: i64 },
}

/// `scheme://…` is an address (core says which schemes it takes); anything
/// else is a path.
fn is_url(s: &str) -> bool {
    s.split_once("://").is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

fn print_source(s: &SourceView) {
    let kind = if s.kind == "url" {
        "subscription"
    } else {
        "file"
    };
    println!("{}  {} ({kind}, id {})", s.colour, s.name, s.id);
    println!("  {}", s.location);
    let r = &s.report;
    match (&s.last_error, &s.refreshed_at) {
        (Some(e), _) => println!("  last read failed: {e}"),
        (None, Some(at)) if r.not_modified => println!("  unchanged at {at} (304)"),
        (None, Some(at)) => println!("  read at {at}"),
        _ => {}
    }
    println!(
        "  {} events; {} shown from {} to {}{}{}",
        r.events,
        r.instances,
        r.window_from,
        r.window_to,
        if r.cancelled > 0 {
            format!("; {} cancelled", r.cancelled)
        } else {
            String::new()
        },
        if r.skipped.is_empty() {
            String::new()
        } else {
            format!("; {} skipped:", r.skipped.len())
        },
    );
    for k in &r.skipped {
        if k.line == 0 {
            println!("    the whole file: {}: {}", k.component, k.reason);
        } else {
            println!("    line {}: {}: {}", k.line, k.component, k.reason);
        }
    }
}

pub fn import(db: &Option<PathBuf>, json: bool, cmd: ImportCmd) -> Result<ExitCode, CoreError> {
    let ImportCmd::Ics {
        source,
        name,
        refresh,
    } = cmd;
    let mut store = open(db)?;
    let now = chrono::Utc::now();
    let view = if is_url(&source) {
        busy::subscribe(&mut store, &source, name.as_deref(), refresh, &Http, now)?
    } else {
        if refresh.is_some() {
            return Err(CoreError::InvalidInput(
                "--refresh is for subscriptions; a file is read again with `studyplan subscriptions refresh`"
                    .into(),
            ));
        }
        busy::import_file(&mut store, Path::new(&source), name.as_deref(), now)?
    };
    if json {
        print_json(&view);
    } else {
        print_source(&view);
    }
    Ok(if view.report.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

pub fn subscriptions(
    db: &Option<PathBuf>,
    json: bool,
    cmd: Option<SubscriptionsCmd>,
) -> Result<ExitCode, CoreError> {
    let mut store = open(db)?;
    let now = chrono::Utc::now();
    let cmd = cmd.unwrap_or(SubscriptionsCmd::List);
    let refreshing = matches!(cmd, SubscriptionsCmd::Refresh { .. });
    let list = match cmd {
        SubscriptionsCmd::List => busy::sources(&store)?,
        SubscriptionsCmd::Refresh { id: Some(id) } => {
            vec![busy::refresh_one(&mut store, id, &Http, now)?]
        }
        SubscriptionsCmd::Refresh { id: None } => busy::refresh_due(&mut store, true, &Http, now)?,
        SubscriptionsCmd::Remove { id } => {
            busy::remove(&mut store, id)?;
            if json {
                print_json(&serde_json::json!({ "removed": id }));
            } else {
                println!("calendar {id} removed");
            }
            return Ok(ExitCode::SUCCESS);
        }
    };
    if json {
        print_json(&list);
    } else if list.is_empty() {
        println!("no calendars yet; try: studyplan import ics FILE|URL");
    } else {
        for s in &list {
            print_source(s);
        }
    }
    // A refresh that failed for any calendar is a failure of the command.
    Ok(
        if refreshing && list.iter().any(|s| s.last_error.is_some()) {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        },
    )
}
