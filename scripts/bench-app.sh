#!/usr/bin/env bash
# Build the release binaries and run scripts/bench-app under a fresh Xvfb.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
apt_install xvfb xauth dbus-daemon dbus-bin imagemagick
build_ui
cargo build --release --quiet -p studyplan -p studyplan-cli -p studyplan-bare-window
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- python3 scripts/bench-app 2> >(grep -vE 'dbus-daemon|xdg-desktop-portal|pw.conf|SpiRegistry|max threads|^$' >&2)
