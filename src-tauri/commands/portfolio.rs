//! Portfolio commands (studyplan_core::portfolio); each is one call into core.

use crate::arg::Arg;
use crate::error::CmdResult;
use crate::state::AppState;
use std::path::Path;
use studyplan_core::portfolio::markdown::{ExportReport, ImportReport, Scope};
use studyplan_core::portfolio::{self, Format, PortfolioView};
use tauri::State;

#[tauri::command(async)]
pub fn portfolio(state: State<'_, AppState>) -> CmdResult<PortfolioView> {
    Ok(portfolio::view(&mut *state.store()?, chrono::Utc::now())?)
}

/// Tick (`done`) or untick item `item` (a stable id such as `p1-log-etl:delivered`).
#[tauri::command(async)]
pub fn portfolio_check(
    state: State<'_, AppState>,
    item: Arg<String>,
    done: Arg<bool>,
) -> CmdResult<PortfolioView> {
    Ok(portfolio::check(
        &mut *state.store()?,
        &item,
        *done,
        chrono::Utc::now(),
    )?)
}

/// Attach `value` (an http(s) link, a workspace path or a commit id; `repo`:
/// the commit's repository, absolute) to item `item`.
#[tauri::command(async)]
pub fn portfolio_evidence_add(
    state: State<'_, AppState>,
    item: Arg<String>,
    value: Arg<String>,
    repo: Arg<Option<String>>,
) -> CmdResult<PortfolioView> {
    let repo = repo.0.filter(|r| !r.trim().is_empty());
    Ok(portfolio::add_evidence(
        &mut *state.store()?,
        &item,
        &value,
        repo.as_deref().map(Path::new),
        chrono::Utc::now(),
    )?)
}

/// Remove evidence `id` of item `item`.
#[tauri::command(async)]
pub fn portfolio_evidence_remove(
    state: State<'_, AppState>,
    item: Arg<String>,
    id: Arg<i64>,
) -> CmdResult<PortfolioView> {
    Ok(portfolio::remove_evidence(
        &mut *state.store()?,
        &item,
        *id,
        chrono::Utc::now(),
    )?)
}

/// Export the whole portfolio as `format` (`md` or `html`) into the
/// documents workspace (`portfolio.md`, `portfolio.html`).
#[tauri::command(async)]
pub fn portfolio_export(
    state: State<'_, AppState>,
    format: Arg<String>,
) -> CmdResult<ExportReport> {
    Ok(portfolio::export_file(
        &mut *state.store()?,
        Format::parse(&format)?,
        &Scope::All,
        None,
        false,
        chrono::Utc::now(),
    )?)
}

/// Read the ticks back from the workspace's `portfolio.md`.
#[tauri::command(async)]
pub fn portfolio_import(state: State<'_, AppState>) -> CmdResult<ImportReport> {
    Ok(portfolio::import_file(
        &mut *state.store()?,
        None,
        chrono::Utc::now(),
    )?)
}
