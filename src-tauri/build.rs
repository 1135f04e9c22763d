//! Tauri build script. The app manifest lists our commands so that the
//! capability in tauri.conf.json can allow exactly these and nothing else.

const COMMANDS: &[&str] = &[
    "app_info",
    "overview",
    "plan_list",
    "plan_shipped",
    "plan_load",
    "plan_activate",
    "plan_remove",
    "plan_choose_file",
    "block_status",
    "block_annotate",
    "agenda",
    "settings_get",
    "settings_update",
    "portfolio",
    "portfolio_check",
    "portfolio_evidence_add",
    "portfolio_evidence_remove",
    "portfolio_export",
    "portfolio_import",
    "document_templates",
    "reminder_action",
    "block_move",
    "milestones",
    "progress",
    "replan",
    "replan_accept",
    "documents_list",
    "document_open",
    "document_preview",
    "document_save",
    "document_draft",
    "document_draft_discard",
    "adr_new",
    "adr_status",
    "adr_link",
    "readme_new",
    "daily_log_open",
    "docs_workspace_set",
    "docs_workspace_choose",
    "open_external",
    "mistake_add",
    "mistakes_list",
    "revisits",
    "revisit_close",
    "mistakes_from_log",
    "certifications",
    "practice_exam_log",
    "practice_exams",
    "readiness",
    "remediation_propose",
    "remediation_accept",
    "calendar_sources",
    "busy_between",
    "calendar_import",
    "calendar_choose_file",
    "calendar_subscribe",
    "calendar_refresh",
    "calendar_remove",
];

fn main() {
    let attrs = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attrs) {
        println!("cargo:warning=tauri build failed: {e}");
        std::process::exit(1);
    }
}
