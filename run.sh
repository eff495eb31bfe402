#!/usr/bin/env bash
# Midad: set everything up (first time: a few minutes), then open the application.
#   ./run.sh [ARGS...]      ARGS go to `python main.py` (try ./run.sh --help)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

bash scripts/setup.sh

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    {
        echo "midad: no desktop session found (neither \$DISPLAY nor \$WAYLAND_DISPLAY is set):"
        echo "midad: the window needs one. To run without a screen: QT_QPA_PLATFORM=offscreen ./run.sh"
    } >&2
fi

exec .venv/bin/python main.py "$@"
