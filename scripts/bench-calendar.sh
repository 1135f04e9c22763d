#!/usr/bin/env bash
# Build the app and CLI, then time the calendar's week and month views in the
# real app (scripts/bench-calendar.mjs) under Xvfb through tauri-driver.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
apt_install "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
need_tauri_driver
npm_ci
build_ui
cargo build --release --quiet -p studyplan -p studyplan-cli
target="${CARGO_TARGET_DIR:-$ROOT/target}"
STUDYPLAN_APP="$target/release/studyplan-app" STUDYPLAN_CLI="$target/release/studyplan" \
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- node scripts/bench-calendar.mjs \
  2> >(grep -vE 'dbus-daemon|xdg-desktop-portal|pw.conf|SpiRegistry|max threads|^$' >&2)
# View switches in a warm process, with the agenda call timed alone.
STUDYPLAN_APP="$target/release/studyplan-app" STUDYPLAN_CLI="$target/release/studyplan" \
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- node scripts/bench-calendar-switch.mjs \
  2> >(grep -vE 'dbus-daemon|xdg-desktop-portal|pw.conf|SpiRegistry|max threads|^$' >&2)
