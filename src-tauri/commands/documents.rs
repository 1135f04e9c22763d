//! Document commands: the plan's templates, and the user's ADRs, READMEs
//! and daily logs (studyplan_core::documents). Each is one call into core.

use crate::arg::Arg;
use crate::error::CmdResult;
use crate::state::AppState;
use studyplan_core::documents::{
    self, daily_log, decisions,
    plan_templates::{self, DocumentTemplateView},
    projects, DocumentContent, DocumentEntry, DocumentList, DocumentPreview, SaveOutcome,
};
use studyplan_core::store::agenda::parse_date;
use studyplan_core::Store;
use tauri::State;

#[tauri::command(async)]
pub fn document_templates(state: State<'_, AppState>) -> CmdResult<Vec<DocumentTemplateView>> {
    Ok(plan_templates::list(&*state.store()?)?)
}

/// The local date in the active plan's zone.
fn today(store: &Store) -> CmdResult<chrono::NaiveDate> {
    Ok(studyplan_core::schedule::tz::plan_today(
        store,
        chrono::Utc::now(),
    )?)
}

#[tauri::command(async)]
pub fn documents_list(state: State<'_, AppState>) -> CmdResult<DocumentList> {
    let mut store = state.store()?;
    let today = today(&store)?;
    Ok(documents::list(&mut store, today)?)
}

#[tauri::command(async)]
pub fn document_open(state: State<'_, AppState>, path: Arg<String>) -> CmdResult<DocumentContent> {
    Ok(documents::open(&mut *state.store()?, &path)?)
}

#[tauri::command(async)]
pub fn document_preview(
    state: State<'_, AppState>,
    path: Arg<Option<String>>,
    text: Arg<String>,
) -> CmdResult<DocumentPreview> {
    Ok(documents::preview(
        &*state.store()?,
        path.as_deref(),
        &text,
    )?)
}

#[tauri::command(async)]
pub fn document_save(
    state: State<'_, AppState>,
    path: Arg<String>,
    text: Arg<String>,
    base: Arg<String>,
) -> CmdResult<SaveOutcome> {
    let mut store = state.store()?;
    let today = today(&store)?;
    Ok(documents::save(&mut store, &path, &text, &base, today)?)
}

#[tauri::command(async)]
pub fn document_draft(
    state: State<'_, AppState>,
    path: Arg<String>,
    text: Arg<String>,
    base: Arg<String>,
) -> CmdResult<()> {
    Ok(documents::save_draft(
        &mut *state.store()?,
        &path,
        &text,
        &base,
        chrono::Utc::now(),
    )?)
}

#[tauri::command(async)]
pub fn document_draft_discard(state: State<'_, AppState>, path: Arg<String>) -> CmdResult<()> {
    Ok(documents::discard_draft(&mut *state.store()?, &path)?)
}

#[tauri::command(async)]
pub fn adr_new(
    state: State<'_, AppState>,
    title: Arg<String>,
    status: Arg<Option<String>>,
    supersedes: Arg<Option<u32>>,
) -> CmdResult<DocumentEntry> {
    let mut store = state.store()?;
    let today = today(&store)?;
    Ok(decisions::new_adr(
        &mut store,
        &title,
        status.as_deref(),
        *supersedes,
        today,
    )?)
}

#[tauri::command(async)]
pub fn adr_status(
    state: State<'_, AppState>,
    number: Arg<u32>,
    status: Arg<String>,
) -> CmdResult<DocumentEntry> {
    let mut store = state.store()?;
    let today = today(&store)?;
    Ok(decisions::set_status(&mut store, *number, &status, today)?)
}

#[tauri::command(async)]
pub fn adr_link(
    state: State<'_, AppState>,
    source: Arg<u32>,
    link: Arg<String>,
    target: Arg<u32>,
) -> CmdResult<Vec<DocumentEntry>> {
    let mut store = state.store()?;
    let today = today(&store)?;
    Ok(decisions::link(
        &mut store, *source, &link, *target, None, today,
    )?)
}

#[tauri::command(async)]
pub fn readme_new(
    state: State<'_, AppState>,
    project: Arg<String>,
    path: Arg<Option<String>>,
) -> CmdResult<DocumentEntry> {
    let mut store = state.store()?;
    let today = today(&store)?;
    Ok(projects::new_readme(
        &mut store,
        &project,
        path.as_deref(),
        today,
    )?)
}

#[tauri::command(async)]
pub fn daily_log_open(state: State<'_, AppState>, date: Arg<String>) -> CmdResult<DocumentContent> {
    let day = parse_date(&date)?;
    Ok(daily_log::open_log(&mut *state.store()?, day)?)
}

#[tauri::command(async)]
pub fn docs_workspace_set(
    state: State<'_, AppState>,
    path: Arg<String>,
) -> CmdResult<DocumentList> {
    let mut store = state.store()?;
    documents::set_workspace(&mut store, std::path::Path::new(path.as_str()))?;
    let today = today(&store)?;
    Ok(documents::list(&mut store, today)?)
}

/// The desktop's folder chooser for the documents folder; None when
/// cancelled. Runs in Rust so the window needs no dialog permission.
#[tauri::command(async)]
pub fn docs_workspace_choose(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> CmdResult<Option<DocumentList>> {
    use tauri_plugin_dialog::DialogExt;
    let picked = app
        .dialog()
        .file()
        .set_title("Choose the folder for this plan's documents")
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok());
    match picked {
        Some(p) => docs_workspace_set(state, Arg(p.display().to_string())).map(Some),
        None => Ok(None),
    }
}

/// Open a link from the preview in the system browser (checked in core:
/// http, https, mailto only).
#[tauri::command(async)]
pub fn open_external(app: tauri::AppHandle, url: Arg<String>) -> CmdResult<()> {
    use tauri_plugin_opener::OpenerExt;
    let url = documents::render::external_link(&url)?;
    app.opener().open_url(url, None::<&str>).map_err(|e| {
        studyplan_core::CoreError::Io(format!("cannot open the link in a browser: {e}"))
    })?;
    Ok(())
}
