//! The Tauri shell: opens the database, manages state, registers commands,
//! runs the reminder engine and the tray. Wiring only; every rule lives in
//! `studyplan-core`.

mod arg;
mod calendars;
mod commands;
mod error;
#[cfg(test)]
mod ipc_contract;
mod platform;
mod reminders;
mod state;
mod tray;

use state::AppState;
use std::path::{Path, PathBuf};
use studyplan_core::store::default_db_path;
use studyplan_core::Store;
use tauri::{Manager, RunEvent, WindowEvent};

/// Open the database and load the default plan on first start.
fn open_store(path: &Path) -> studyplan_core::Result<Store> {
    let mut store = Store::open(path)?;
    store.ensure_default_plan(chrono::Utc::now())?;
    Ok(store)
}

fn fail(e: impl std::fmt::Display) -> ! {
    eprintln!("studyplan: cannot start: {e}");
    std::process::exit(1);
}

pub fn run() {
    platform::prepare();
    let db: PathBuf = default_db_path().unwrap_or_else(|e| fail(e));
    let store = open_store(&db).unwrap_or_else(|e| fail(e));
    let app = tauri::Builder::default()
        // A second launch shows the running app instead of a second engine.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            tray::show_window(app)
        }))
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            None,
        ))
        .plugin(tauri_plugin_dialog::init())
        // Rust-side only (open_external); the window gets none of its permissions.
        .plugin(tauri_plugin_opener::init())
        .manage(AppState::new(store))
        .setup(move |app| {
            let handles = reminders::start(app.handle(), db.clone());
            calendars::start(app.handle(), db.clone());
            app.manage(handles);
            Ok(())
        })
        // The tray is set up once the page has loaded, and only where a tray
        // host runs: without one, creating it blocks the main thread for most
        // of a second and shows nothing.
        .on_page_load(|webview, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                tray::install_when_hosted(webview.app_handle().clone());
            }
        })
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                let to_tray = window.app_handle().tray_by_id("main").is_some()
                    && window
                        .state::<AppState>()
                        .store()
                        .ok()
                        .and_then(|s| s.settings().ok())
                        .is_some_and(|s| s.close_to_tray);
                if to_tray {
                    api.prevent_close();
                    let _ = window.hide();
                }
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::overview,
            commands::plans::plan_list,
            commands::plans::plan_shipped,
            commands::plans::plan_load,
            commands::plans::plan_activate,
            commands::plans::plan_restart,
            commands::plans::plan_remove,
            commands::plans::plan_choose_file,
            commands::agenda::agenda,
            commands::agenda::block_status,
            commands::agenda::block_annotate,
            commands::agenda::block_move,
            commands::agenda::milestones,
            commands::progress::progress,
            commands::progress::replan,
            commands::progress::replan_accept,
            commands::settings::settings_get,
            commands::settings::settings_update,
            commands::portfolio::portfolio,
            commands::portfolio::portfolio_check,
            commands::portfolio::portfolio_evidence_add,
            commands::portfolio::portfolio_evidence_remove,
            commands::portfolio::portfolio_export,
            commands::portfolio::portfolio_import,
            commands::documents::document_templates,
            commands::documents::documents_list,
            commands::documents::document_open,
            commands::documents::document_preview,
            commands::documents::document_save,
            commands::documents::document_draft,
            commands::documents::document_draft_discard,
            commands::documents::adr_new,
            commands::documents::adr_status,
            commands::documents::adr_link,
            commands::documents::readme_new,
            commands::documents::daily_log_open,
            commands::documents::docs_workspace_set,
            commands::documents::docs_workspace_choose,
            commands::documents::open_external,
            commands::mistakes::mistake_add,
            commands::mistakes::mistakes_list,
            commands::mistakes::revisits,
            commands::mistakes::revisit_close,
            commands::mistakes::mistakes_from_log,
            commands::exams::certifications,
            commands::exams::practice_exam_log,
            commands::exams::practice_exams,
            commands::exams::readiness,
            commands::exams::remediation_propose,
            commands::exams::remediation_accept,
            commands::reminders::reminder_action,
            commands::calendars::calendar_sources,
            commands::calendars::busy_between,
            commands::calendars::calendar_import,
            commands::calendars::calendar_choose_file,
            commands::calendars::calendar_subscribe,
            commands::calendars::calendar_refresh,
            commands::calendars::calendar_remove,
            commands::sync::sync_status,
            commands::sync::sync_account_set,
            commands::sync::sync_account_remove,
            commands::sync::sync_now,
            commands::team::team_view,
            commands::team::team_assign,
            commands::team::team_set_me,
            commands::team::team_progress,
            commands::team::team_publish,
        ])
        .build(tauri::generate_context!())
        .unwrap_or_else(|e| fail(e));
    app.run(|app, event| {
        if let RunEvent::Exit = event {
            if let Some(h) = app.try_state::<reminders::ReminderHandles>() {
                let _ = h.stop.send(true);
            }
        }
    });
}
