//! A bare Tauri 2 window showing one static page: what this stack costs
//! before any app code runs. scripts/bench-app measures it beside studyplan.
fn main() {
    if let Err(e) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("bare window: {e}");
        std::process::exit(1);
    }
}
