#!/usr/bin/env bash
# Midad: set up everything the application (and, with --test, the test suite) needs.
#
#   scripts/setup.sh [--test]
#
# Called by ./run.sh and ./test.sh; safe (and fast) to re-run.  It
#   1. finds a Python >= 3.11 (python3, else python3.13 / python3.12 / python3.11;
#      MIDAD_PYTHON=/path/to/python overrides),
#   2. installs the missing Debian packages: Qt's runtime libraries, fonts, spell
#      checking and, with --test, Xvfb and friends and PostgreSQL (as root, or with sudo when
#      `sudo -n` works; otherwise it prints the exact apt-get command),
#   3. creates .venv (again, if its Python is broken) and installs the Python
#      dependencies listed in pyproject.toml, [dev] extras included, skipping pip
#      when pyproject.toml has not changed since the last install,
#   4. compiles the translations (resources/translations/*.ts -> .qm).
#
# It prints one line per step; the full output goes to .venv/setup.log, and its
# tail is shown when something fails.  MIDAD_VERBOSE=1 shows everything as it runs.
# Meant to be run, not sourced.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

WITH_TEST=0
for arg in "$@"; do
    case "$arg" in
        --test) WITH_TEST=1 ;;
        -h | --help)
            sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "midad: setup: unknown option: $arg (known: --test)" >&2
            exit 2
            ;;
    esac
done

VENV="$ROOT/.venv"
VERBOSE="${MIDAD_VERBOSE:-0}"
UNAVAILABLE_FILE="$VENV/.midad-apt-unavailable" # optional packages apt cannot install here
UNAVAILABLE=()

say() { printf 'midad: %s\n' "$*"; }
warn() { printf 'midad: warning: %s\n' "$*" >&2; }

# --- log: a temporary file until the end, then .venv/setup.log -------------------
RAN_COMMANDS=0 # whether the log holds some command's output (worth showing on failure)
LOG="$(mktemp "${TMPDIR:-/tmp}/midad-setup.XXXXXX")"
FINAL_LOG="$LOG"
finish() {
    local status=$?
    if [ -d "$VENV" ] && cp "$LOG" "$VENV/setup.log" 2>/dev/null; then
        rm -f "$LOG"
        FINAL_LOG="$VENV/setup.log"
    fi
    if [ "$status" -ne 0 ] && [ "$RAN_COMMANDS" = 1 ]; then
        {
            echo "midad: setup failed (exit $status); last lines of $FINAL_LOG:"
            tail -n 40 "$FINAL_LOG" | sed 's/^/    /'
        } >&2
    fi
    exit "$status"
}
trap finish EXIT

# run CMD...: run a command with its output going to the log (and the screen
# when MIDAD_VERBOSE=1), never reading standard input.
run() {
    RAN_COMMANDS=1
    printf '\n$ %s\n' "$*" >>"$LOG"
    if [ "$VERBOSE" = 1 ]; then
        "$@" </dev/null 2>&1 | tee -a "$LOG"
    else
        "$@" </dev/null >>"$LOG" 2>&1
    fi
}

die() {
    printf 'midad: error: %s\n' "$*" >&2
    printf 'error: %s\n' "$*" >>"$LOG"
    exit 1
}

# --- one setup at a time per checkout (run.sh and test.sh may start together) ----
if command -v flock >/dev/null 2>&1; then
    LOCK="${TMPDIR:-/tmp}/midad-setup-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1).lock"
    exec 9>>"$LOCK"
    if ! flock -n 9; then
        say "waiting for another setup of this checkout to finish"
        flock -w 1800 9 || die "another setup still holds $LOCK after 30 minutes"
    fi
fi

# --- 1. Python >= 3.11 --------------------------------------------------------------
PY_OK='import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'
PYTHON=""
if [ -n "${MIDAD_PYTHON:-}" ]; then
    "$MIDAD_PYTHON" -c "$PY_OK" 2>/dev/null \
        || die "MIDAD_PYTHON=$MIDAD_PYTHON is not a working Python 3.11 or newer"
    PYTHON="$MIDAD_PYTHON"
else
    for candidate in python3 python3.13 python3.12 python3.11; do
        if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "$PY_OK" 2>/dev/null; then
            PYTHON="$candidate"
            break
        fi
    done
fi
if [ -z "$PYTHON" ]; then
    die "Midad needs Python 3.11 or newer, and none was found (tried python3, python3.13,
    python3.12, python3.11). Debian 12 and Ubuntu 24.04 ship one: sudo apt-get install python3
    (or set MIDAD_PYTHON=/path/to/python3.11)."
fi
# The real interpreter, not a pyenv shim.
PYTHON="$("$PYTHON" -c 'import sys; print(sys.executable)')"
PY_VERSION="$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
printf 'python: %s (%s)\n' "$PYTHON" "$PY_VERSION" >>"$LOG"

venv_ok() {
    [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "$PY_OK" >/dev/null 2>&1
}

# --- 2. Debian packages --------------------------------------------------------------
# Each entry is one package, or alternatives separated by "|" (first = Debian 12's
# name, then the names other releases, e.g. Ubuntu's, use).  An entry is satisfied
# when any alternative is installed.
ESSENTIAL=(libegl1 "libgl1|libgl1-mesa-glx" libxkbcommon0 libfontconfig1
    "libglib2.0-0|libglib2.0-0t64")
WANTED=(
    "${ESSENTIAL[@]}"
    # Qt's xcb platform plugin (a desktop window) and the rest of its runtime
    libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
    libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1
    libdbus-1-3
    # fonts: Arabic text (Noto Naskh/Kufi, Amiri) and emoji
    fonts-noto-core fonts-hosny-amiri fonts-noto-color-emoji
    # spell checking (pyenchant loads libenchant, which finds hunspell-ar)
    hunspell-ar libenchant-2-2
)
if [ "$WITH_TEST" = 1 ]; then
    # real-X11 screenshot tests; a PostgreSQL server the suite starts itself
    # (as the postgres user the package creates) for the core tests' second backend;
    # a real Secret Service (GNOME Keyring on a private D-Bus) for the password tests
    WANTED+=(xvfb xauth xdotool postgresql gnome-keyring)
fi
# python3-venv only when this Python cannot make a virtual environment (Debian's
# own Pythons split ensurepip out; pyenv's and python.org's do not).
if ! venv_ok && ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    if [ "$PY_VERSION" = "$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" ]; then
        ESSENTIAL+=("python3-venv|python$PY_VERSION-venv")
    else
        ESSENTIAL+=("python$PY_VERSION-venv|python3-venv")
    fi
    WANTED+=("${ESSENTIAL[-1]}")
fi

is_essential() {
    local entry
    for entry in "${ESSENTIAL[@]}"; do
        [ "$entry" = "$1" ] && return 0
    done
    return 1
}

# Whether some alternative of an entry is installed, from INSTALLED (one name a line).
entry_installed() {
    local alt
    local -a alts
    IFS='|' read -r -a alts <<<"$1"
    for alt in "${alts[@]}"; do
        grep -qxF "$alt" <<<"$INSTALLED" && return 0
    done
    return 1
}

# The first alternative of an entry that apt can install, or nothing.
entry_candidate() {
    local alt candidate
    local -a alts
    IFS='|' read -r -a alts <<<"$1"
    for alt in "${alts[@]}"; do
        candidate="$(apt-cache policy "$alt" 2>/dev/null | awk '/Candidate:/ {print $2; exit}')"
        if [ -n "$candidate" ] && [ "$candidate" != "(none)" ]; then
            printf '%s\n' "$alt"
            return 0
        fi
    done
    return 1
}

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    warn "not a Debian or Ubuntu system: make sure Qt 6's runtime libraries (EGL, OpenGL,
    xkbcommon, fontconfig, GLib, xcb-cursor), Noto and Amiri fonts, and enchant-2 with an
    Arabic hunspell dictionary are installed."
else
    # Every name at once: dpkg-query complains about unknown names but lists the others.
    ALL_NAMES=()
    for entry in "${WANTED[@]}"; do
        IFS='|' read -r -a alts <<<"$entry"
        ALL_NAMES+=("${alts[@]}")
    done
    list_installed() {
        INSTALLED="$(dpkg-query -W -f='${Package} ${Status}\n' "${ALL_NAMES[@]}" 2>/dev/null \
            | awk '$NF == "installed" && $(NF-1) == "ok" {sub(/:.*/, "", $1); print $1}' || true)"
    }
    list_installed
    MISSING=()
    for entry in "${WANTED[@]}"; do
        entry_installed "$entry" && continue
        # Optional packages that apt had no candidate for on an earlier run are not
        # looked for again (that would cost an apt-get update every run).
        if ! is_essential "$entry" && [ -f "$UNAVAILABLE_FILE" ] \
            && grep -qxF "$entry" "$UNAVAILABLE_FILE"; then
            continue
        fi
        MISSING+=("$entry")
    done

    if [ "${#MISSING[@]}" -gt 0 ]; then
        SUDO=()
        CAN_INSTALL=0
        if [ "$(id -u)" = 0 ]; then
            CAN_INSTALL=1
        elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
            CAN_INSTALL=1
            SUDO=(sudo)
        fi

        if [ "$CAN_INSTALL" = 1 ]; then
            APT=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
            run "${APT[@]}" update || warn "apt-get update failed; trying with the package lists as they are"
            TO_INSTALL=()
            WANTED_NOW=()
            for entry in "${MISSING[@]}"; do
                if name="$(entry_candidate "$entry")"; then
                    TO_INSTALL+=("$name")
                    WANTED_NOW+=("$entry")
                elif is_essential "$entry"; then
                    WANTED_NOW+=("$entry")
                else
                    warn "no Debian package ${entry//|/ or } can be installed here; going on without it"
                    UNAVAILABLE+=("$entry")
                fi
            done
            if [ "${#TO_INSTALL[@]}" -gt 0 ]; then
                say "installing Debian packages: ${TO_INSTALL[*]}"
                run "${APT[@]}" install -y --no-install-recommends "${TO_INSTALL[@]}" \
                    || warn "apt-get install failed; its output is in .venv/setup.log"
            fi
            list_installed
            MISSING=()
            for entry in "${WANTED_NOW[@]+"${WANTED_NOW[@]}"}"; do
                entry_installed "$entry" || MISSING+=("$entry")
            done
        fi

        if [ "${#MISSING[@]}" -gt 0 ]; then
            NAMES=()
            ESSENTIAL_MISSING=()
            for entry in "${MISSING[@]}"; do
                NAMES+=("${entry%%|*}")
                if is_essential "$entry"; then
                    ESSENTIAL_MISSING+=("${entry%%|*}")
                fi
            done
            {
                echo "midad: these Debian packages are missing: ${NAMES[*]}"
                if [ "$CAN_INSTALL" = 0 ]; then
                    echo "midad: setup cannot install them (not root, and no password-less sudo); run:"
                    echo "    sudo apt-get install ${NAMES[*]}"
                fi
            } >&2
            if [ "${#ESSENTIAL_MISSING[@]}" -gt 0 ]; then
                die "Midad cannot start without ${ESSENTIAL_MISSING[*]}; install them, then run this again."
            fi
            warn "going on without them (the parts that need them degrade or are skipped: fonts,
    spell checking, the desktop window (xcb), the real-X11 tests)"
        fi
    fi
fi

# --- 3. the virtual environment and the Python packages -----------------------------
if ! venv_ok; then
    if [ -e "$VENV" ]; then
        say "re-creating the virtual environment (.venv's Python is broken)"
        rm -rf "$VENV"
    else
        say "creating the virtual environment"
    fi
    if ! run "$PYTHON" -m venv "$VENV"; then
        rm -rf "$VENV"
        die "$PYTHON could not create a virtual environment; on Debian or Ubuntu: sudo apt-get install python3-venv (or python$PY_VERSION-venv)"
    fi
fi

if [ "${#UNAVAILABLE[@]}" -gt 0 ]; then
    printf '%s\n' "${UNAVAILABLE[@]}" >>"$UNAVAILABLE_FILE"
fi

DEPS_HASH="$("$VENV/bin/python" -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' pyproject.toml)"
STAMP="$VENV/.midad-deps-$DEPS_HASH"
if [ ! -e "$STAMP" ]; then
    say "installing Python packages"
    REQUIREMENTS="$VENV/midad-requirements.txt"
    # The project itself is no package ([tool.setuptools] packages = []): install only
    # what pyproject.toml lists, the [dev] extras included.  pip evaluates the markers.
    "$VENV/bin/python" - pyproject.toml >"$REQUIREMENTS" <<'EOF'
import sys
import tomllib

with open(sys.argv[1], "rb") as f:
    project = tomllib.load(f)["project"]
requirements = list(project.get("dependencies", []))
for extra in ("dev",):
    requirements += project.get("optional-dependencies", {}).get(extra, [])
print("\n".join(requirements))
EOF
    run "$VENV/bin/python" -m pip install --disable-pip-version-check --no-input \
        -r "$REQUIREMENTS" || die "pip could not install the Python packages"
    rm -f "$VENV"/.midad-deps-*
    : >"$STAMP"
fi

# --- 4. translations -----------------------------------------------------------------
printf '\n$ %s\n' "$VENV/bin/python scripts/build_translations.py" >>"$LOG"
if ! COMPILED="$("$VENV/bin/python" scripts/build_translations.py </dev/null 2>&1)"; then
    printf '%s\n' "$COMPILED" >>"$LOG"
    RAN_COMMANDS=1
    die "compiling the translations failed"
fi
if [ -n "$COMPILED" ]; then
    printf '%s\n' "$COMPILED" >>"$LOG"
    say "translations: $COMPILED"
fi

say "ready"
