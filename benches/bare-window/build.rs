//! Tauri build script for the bare benchmark window.
fn main() {
    tauri_build::build()
}
