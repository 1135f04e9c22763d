//! The tray icon: open the window, today's next block, pause reminders for
//! an hour, quit. Reminders keep running while the window is hidden.

use crate::state::AppState;
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::{MouseButton, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Manager, Wry};

const TRAY_ID: &str = "main";

pub fn show_window(app: &AppHandle) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.show();
        let _ = w.unminimize();
        let _ = w.set_focus();
    }
}

fn next_block_label(app: &AppHandle) -> String {
    let Some(state) = app.try_state::<AppState>() else {
        return "Next: —".into();
    };
    let Ok(store) = state.store() else {
        return "Next: —".into();
    };
    match store.next_block(chrono::Utc::now()) {
        Ok(Some(b)) => format!("Next: {} {}", b.start, b.title),
        _ => "Next: nothing planned".into(),
    }
}

fn menu(app: &AppHandle) -> tauri::Result<Menu<Wry>> {
    let open = MenuItem::with_id(app, "open", "Open studyplan", true, None::<&str>)?;
    let next = MenuItem::with_id(app, "next", next_block_label(app), false, None::<&str>)?;
    let pause = MenuItem::with_id(
        app,
        "pause",
        "Pause reminders for 1 hour",
        true,
        None::<&str>,
    )?;
    let quit = MenuItem::with_id(app, "quit", "Quit", true, None::<&str>)?;
    Menu::with_items(
        app,
        &[
            &open,
            &next,
            &PredefinedMenuItem::separator(app)?,
            &pause,
            &quit,
        ],
    )
}

/// Whether a StatusNotifier host (the desktop's tray) is on the session bus.
fn tray_host_running() -> bool {
    let Ok(conn) = dbus::blocking::Connection::new_session() else {
        return false;
    };
    let proxy = conn.with_proxy(
        "org.freedesktop.DBus",
        "/org/freedesktop/DBus",
        std::time::Duration::from_millis(500),
    );
    let owned: Result<(bool,), _> = proxy.method_call(
        "org.freedesktop.DBus",
        "NameHasOwner",
        ("org.kde.StatusNotifierWatcher",),
    );
    owned.map(|(b,)| b).unwrap_or(false)
}

/// Check for a tray host off the main thread, then create the tray on it.
pub fn install_when_hosted(app: AppHandle) {
    if app.tray_by_id(TRAY_ID).is_some() {
        return;
    }
    std::thread::spawn(move || {
        if !tray_host_running() {
            eprintln!("studyplan: no system tray on this desktop; closing the window will quit");
            return;
        }
        let handle = app.clone();
        let _ = app.run_on_main_thread(move || {
            if handle.tray_by_id(TRAY_ID).is_none() {
                if let Err(e) = install(&handle) {
                    eprintln!("studyplan: no tray icon ({e}); closing the window will quit");
                }
            }
        });
    });
}

pub fn install(app: &AppHandle) -> tauri::Result<()> {
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .menu(&menu(app)?)
        .tooltip("studyplan")
        .show_menu_on_left_click(false);
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder
        .on_menu_event(|app, event| match event.id.as_ref() {
            "open" => show_window(app),
            "pause" => {
                if let Some(state) = app.try_state::<AppState>() {
                    if let Ok(mut store) = state.store() {
                        if let Err(e) =
                            store.pause_reminders(chrono::Duration::hours(1), chrono::Utc::now())
                        {
                            eprintln!("studyplan: cannot pause reminders: {e}");
                        }
                    }
                }
                refresh(app);
            }
            "quit" => app.exit(0),
            _ => {}
        })
        .on_tray_icon_event(|tray, event| {
            if let TrayIconEvent::Click {
                button: MouseButton::Left,
                ..
            } = event
            {
                show_window(tray.app_handle());
            }
        })
        .build(app)?;
    Ok(())
}

/// Rebuild the menu (the next block changes over the day).
pub fn refresh(app: &AppHandle) {
    if let (Some(tray), Ok(m)) = (app.tray_by_id(TRAY_ID), menu(app)) {
        let _ = tray.set_menu(Some(m));
    }
}

pub fn reminder_delivered(app: &AppHandle) {
    if let Some(tray) = app.tray_by_id(TRAY_ID) {
        let _ = tray.set_tooltip(Some("studyplan"));
    }
    refresh(app);
}

pub fn reminder_failed(app: &AppHandle, message: &str) {
    if let Some(tray) = app.tray_by_id(TRAY_ID) {
        let _ = tray.set_tooltip(Some(format!(
            "studyplan — a reminder could not be shown: {message}"
        )));
    }
}
