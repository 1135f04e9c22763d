//! Plan commands: list, load (shipped or from a file), activate, remove.

use crate::arg::Arg;
use crate::error::CmdResult;
use crate::state::AppState;
use studyplan_core::plan::source::{read_source, shipped_plans, ShippedPlan};
use studyplan_core::store::agenda::parse_date;
use studyplan_core::store::plans::{LoadOptions, LoadReport, PlanSummary};
use tauri::State;

/// A start date the window sent: none or empty means "not given".
fn optional_date(s: &Option<String>) -> studyplan_core::Result<Option<chrono::NaiveDate>> {
    s.as_deref()
        .filter(|s| !s.is_empty())
        .map(parse_date)
        .transpose()
}

#[tauri::command(async)]
pub fn plan_list(state: State<'_, AppState>) -> CmdResult<Vec<PlanSummary>> {
    Ok(state.store()?.plan_list()?)
}

#[tauri::command(async)]
pub fn plan_shipped() -> CmdResult<Vec<ShippedPlan>> {
    Ok(shipped_plans())
}

/// `source` is a shipped plan's id or a file path; `start` is `YYYY-MM-DD`.
#[tauri::command(async)]
pub fn plan_load(
    state: State<'_, AppState>,
    source: Arg<String>,
    start: Arg<Option<String>>,
    tz: Arg<Option<String>>,
    variant: Arg<Option<String>>,
) -> CmdResult<LoadReport> {
    let (name, text) = read_source(&source)?;
    let start = optional_date(&start)?;
    let opts = LoadOptions {
        start,
        tz: tz.0.filter(|s| !s.is_empty()),
        variant: variant.0.filter(|s| !s.is_empty()),
    };
    Ok(state
        .store()?
        .load_plan(&name, &text, &opts, chrono::Utc::now())?)
}

/// Follow plan `id` again from `start` (`YYYY-MM-DD`; null: the next date
/// with the plan's first weekday) in `tz` (null: the system's zone), as a
/// run of its own; the earlier run stays loaded.
#[tauri::command(async)]
pub fn plan_restart(
    state: State<'_, AppState>,
    id: Arg<String>,
    start: Arg<Option<String>>,
    tz: Arg<Option<String>>,
) -> CmdResult<LoadReport> {
    let start = optional_date(&start)?;
    Ok(studyplan_core::runs::start_run(
        &mut *state.store()?,
        &id,
        start,
        tz.0.filter(|s| !s.is_empty()),
        chrono::Utc::now(),
    )?)
}

#[tauri::command(async)]
pub fn plan_activate(state: State<'_, AppState>, id: Arg<String>) -> CmdResult<PlanSummary> {
    Ok(state.store()?.activate_plan(&id)?)
}

#[tauri::command(async)]
pub fn plan_remove(state: State<'_, AppState>, id: Arg<String>) -> CmdResult<()> {
    Ok(state.store()?.remove_plan(&id)?)
}

/// The desktop's file chooser for a plan file; None when cancelled. Runs in
/// Rust so the window needs no file-system or dialog permission of its own.
#[tauri::command(async)]
pub fn plan_choose_file(app: tauri::AppHandle) -> CmdResult<Option<String>> {
    use tauri_plugin_dialog::DialogExt;
    let picked = app
        .dialog()
        .file()
        .set_title("Open a plan file")
        .add_filter("Plan files", &["toml"])
        .blocking_pick_file();
    Ok(picked
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string()))
}
