#!/usr/bin/env bash
# Build the CLI (release) and run scripts/bench-reminders in a fresh D-Bus
# session with dunst as the notification server, under Xvfb.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
apt_install xvfb xauth dbus-daemon dbus-bin dunst
cargo build --release --quiet -p studyplan-cli
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- python3 scripts/bench-reminders 2> >(grep -vE 'dbus-daemon|^$' >&2)
