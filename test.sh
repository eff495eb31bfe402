#!/usr/bin/env bash
# Midad: set everything up (first time: a few minutes), then run every check:
# ruff (lint and format), mypy, and the test suite (Qt offscreen).
#   ./test.sh [PYTEST_ARGS...]    the arguments go to pytest (default: -q, whole suite)
# Stops at the first failing check, and says which one failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

bash scripts/setup.sh --test

# step NAME CMD...: run one check; on failure say which and stop with its exit code.
step() {
    local name="$1" status=0
    shift
    echo "midad: $name"
    "$@" || status=$?
    if [ "$status" -ne 0 ]; then
        echo "midad: FAILED: $name (exit $status)" >&2
        exit "$status"
    fi
}

step "ruff check" .venv/bin/ruff check .
step "ruff format --check" .venv/bin/ruff format --check .
step "mypy" .venv/bin/mypy editor ui main.py

if [ "$#" -eq 0 ]; then
    set -- -q
fi
# pytest's exit 5 ("no tests collected") is a failure here too, as for any nonzero.
step "pytest $*" env QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@"

echo "midad: all checks passed"
