//! The Tauri shell: opens the database, manages state, registers commands.
//! Wiring only; every rule lives in `studyplan-core`.

mod commands;
mod error;
mod state;

use state::AppState;
use studyplan_core::store::default_db_path;
use studyplan_core::Store;

/// Open the database named by `STUDYPLAN_DB` or the default path, and load
/// the default plan on first start.
fn open_store() -> studyplan_core::Result<Store> {
    let path = default_db_path()?;
    let mut store = Store::open(&path)?;
    store.ensure_default_plan(chrono::Utc::now())?;
    Ok(store)
}

pub fn run() {
    let store = match open_store() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("studyplan: cannot start: {e}");
            std::process::exit(1);
        }
    };
    let result = tauri::Builder::default()
        .manage(AppState::new(store))
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::overview,
            commands::plans::plan_list,
            commands::plans::plan_shipped,
            commands::plans::plan_load,
            commands::plans::plan_activate,
            commands::plans::plan_remove,
            commands::agenda::block_status,
            commands::agenda::block_annotate,
            commands::agenda::agenda,
            commands::settings::settings_get,
            commands::settings::settings_update,
            commands::portfolio::portfolio,
            commands::portfolio::checklist_set,
            commands::documents::document_templates,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("studyplan: {e}");
        std::process::exit(1);
    }
}
