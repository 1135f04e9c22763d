//! Mistakes-log commands (studyplan_core::mistakes); each is one call into core.

use crate::arg::Arg;
use crate::error::CmdResult;
use crate::state::AppState;
use studyplan_core::mistakes::from_log::LogImport;
use studyplan_core::mistakes::{self, MistakeView, NewMistake, RevisitOutcome, RevisitView};
use studyplan_core::store::agenda::parse_date;
use studyplan_core::Store;
use tauri::State;

fn today(store: &Store) -> CmdResult<chrono::NaiveDate> {
    Ok(studyplan_core::schedule::tz::plan_today(
        store,
        chrono::Utc::now(),
    )?)
}

/// `date` is `YYYY-MM-DD` (null: today in the plan's zone).
#[tauri::command(async)]
#[allow(clippy::too_many_arguments)]
pub fn mistake_add(
    state: State<'_, AppState>,
    date: Arg<Option<String>>,
    track: Arg<String>,
    topic: Arg<String>,
    what: Arg<String>,
    fix: Arg<Option<String>>,
    link: Arg<Option<String>>,
) -> CmdResult<MistakeView> {
    let mut store = state.store()?;
    let date = match date.as_deref().filter(|d| !d.is_empty()) {
        Some(d) => parse_date(d)?,
        None => today(&store)?,
    };
    let m = NewMistake {
        date,
        track: track.0,
        topic: topic.0,
        what: what.0,
        fix: fix.0,
        link: link.0,
    };
    Ok(mistakes::add(&mut store, &m, chrono::Utc::now())?)
}

/// With `due`, only mistakes with a revisit due today or earlier.
#[tauri::command(async)]
pub fn mistakes_list(state: State<'_, AppState>, due: Arg<bool>) -> CmdResult<Vec<MistakeView>> {
    let store = state.store()?;
    let due_by = if *due { Some(today(&store)?) } else { None };
    Ok(mistakes::list(&store, due_by)?)
}

/// Revisits on local days `from`–`to` (inclusive), for the calendar.
#[tauri::command(async)]
pub fn revisits(
    state: State<'_, AppState>,
    from: Arg<String>,
    to: Arg<String>,
) -> CmdResult<Vec<RevisitView>> {
    let (from, to) = (parse_date(&from)?, parse_date(&to)?);
    Ok(mistakes::revisits_between(&*state.store()?, from, to)?)
}

/// `outcome` is `solid` or `again`.
#[tauri::command(async)]
pub fn revisit_close(
    state: State<'_, AppState>,
    id: Arg<i64>,
    outcome: Arg<String>,
) -> CmdResult<MistakeView> {
    let mut store = state.store()?;
    let outcome = RevisitOutcome::parse(&outcome)?;
    let today = today(&store)?;
    Ok(mistakes::close(&mut store, *id, outcome, today)?)
}

/// Log the mistakes listed in the daily log of `date` (`YYYY-MM-DD`).
#[tauri::command(async)]
pub fn mistakes_from_log(state: State<'_, AppState>, date: Arg<String>) -> CmdResult<LogImport> {
    let date = parse_date(&date)?;
    Ok(mistakes::from_log::import(
        &mut *state.store()?,
        date,
        chrono::Utc::now(),
    )?)
}
