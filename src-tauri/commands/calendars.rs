//! Other calendars as busy time (studyplan_core::busy): import, subscribe,
//! refresh, remove, and the busy instances of a range. Each is one call
//! into core.

use crate::arg::Arg;
use crate::error::CmdResult;
use crate::state::AppState;
use std::path::Path;
use studyplan_core::busy::{self, fetch::Http, BusyView, SourceView};
use studyplan_core::store::agenda::parse_date;
use tauri::State;

#[tauri::command(async)]
pub fn calendar_sources(state: State<'_, AppState>) -> CmdResult<Vec<SourceView>> {
    Ok(busy::sources(&*state.store()?)?)
}

/// Busy instances on local days `from`–`to` (`YYYY-MM-DD`, inclusive).
#[tauri::command(async)]
pub fn busy_between(
    state: State<'_, AppState>,
    from: Arg<String>,
    to: Arg<String>,
) -> CmdResult<Vec<BusyView>> {
    let (from, to) = (parse_date(&from)?, parse_date(&to)?);
    Ok(busy::between(&*state.store()?, from, to)?)
}

/// Import the `.ics` file at `path` (absolute); `name` defaults to its stem.
#[tauri::command(async)]
pub fn calendar_import(
    state: State<'_, AppState>,
    path: Arg<String>,
    name: Arg<Option<String>>,
) -> CmdResult<SourceView> {
    Ok(busy::import_file(
        &mut *state.store()?,
        Path::new(path.as_str()),
        name.as_deref(),
        chrono::Utc::now(),
    )?)
}

/// The desktop's file chooser for an `.ics` file; None when cancelled.
#[tauri::command(async)]
pub fn calendar_choose_file(app: tauri::AppHandle) -> CmdResult<Option<String>> {
    use tauri_plugin_dialog::DialogExt;
    let picked = app
        .dialog()
        .file()
        .set_title("Import a calendar file")
        .add_filter("iCalendar files", &["ics", "ical", "ifb", "icalendar"])
        .blocking_pick_file();
    Ok(picked
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string()))
}

/// Subscribe to `url` (http, https or webcal), refreshed every
/// `refresh_minutes` (default 60), and read it now.
#[tauri::command(async)]
pub fn calendar_subscribe(
    state: State<'_, AppState>,
    url: Arg<String>,
    name: Arg<Option<String>>,
    refresh_minutes: Arg<Option<u32>>,
) -> CmdResult<SourceView> {
    Ok(busy::subscribe(
        &mut state.own_connection()?,
        &url,
        name.as_deref(),
        *refresh_minutes,
        &Http,
        chrono::Utc::now(),
    )?)
}

/// Read calendar `id` again, or every calendar when `id` is null.
#[tauri::command(async)]
pub fn calendar_refresh(
    state: State<'_, AppState>,
    id: Arg<Option<i64>>,
) -> CmdResult<Vec<SourceView>> {
    let mut store = state.own_connection()?;
    let now = chrono::Utc::now();
    Ok(match *id {
        Some(id) => vec![busy::refresh_one(&mut store, id, &Http, now)?],
        None => busy::refresh_due(&mut store, true, &Http, now)?,
    })
}

#[tauri::command(async)]
pub fn calendar_remove(state: State<'_, AppState>, id: Arg<i64>) -> CmdResult<()> {
    Ok(busy::remove(&mut *state.store()?, *id)?)
}
