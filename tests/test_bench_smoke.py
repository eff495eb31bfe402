"""Smoke test of the benchmark: `python -m bench --quick` on a tiny corpus runs end to end.

It checks that the run succeeds and prints every row the benchmark declares
(``bench.rows.ROW_NAMES``, which other areas extend); it never looks at the
timings (a shared CI machine makes them meaningless here).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# Rows the issues name (performance, editor, moderation, interchange, taxonomy); in ROW_NAMES.
ISSUE_ROWS = (
    "load corpus (Core bulk insert)",
    "start-up: bare Qt window (baseline)",
    "start-up to window shown (full)",
    "start-up to window shown (small)",
    "start-up full/small ratio",
    "article list first screen",
    "filter by section + first screen",
    "open pending comment queue",
    "editor: key press to repaint, 10,000 words, spelling on",
    "editor: open a story",
    "editor: open a 10,000-word story",
    "editor: save with its revision",
    "editor: save a 10,000-word story",
    "moderation desk: open pending queue",
    "moderation: key j to next comment shown",
    "moderation: key a to next comment shown",
    "moderation: thread + author history",
    "moderation: bulk decision 10k",
    "moderation: bulk decision 100k",
    "moderation: rules over every comment",
    "WXR import (streamed, one transaction)",
    "WXR export",
    "section and tag panels open",
    "merge two tags used by 50,000 stories",
    "near-duplicate finder over 5,000 tags",
    "search index build (articles)",
    "search: results page, ordinary word",
    "search: results page, any word",
    "search: results page, newest first",
    "search: save a story with its index update",
    "many desks: saves per second, PostgreSQL",
    "many desks: moderation decisions per second, PostgreSQL",
    "many desks: saves per second, SQLite",
    "many desks: moderation decisions per second, SQLite",
)


@pytest.mark.slow
def test_quick_benchmark_runs_and_prints_every_row(tmp_path: Path) -> None:
    out_json = tmp_path / "bench.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--quick",
            "--articles",
            "300",
            "--comments",
            "2000",
            # The many-desks rows: 1 and 2 client processes, a second each.
            "--desk-clients",
            "1,2",
            "--desk-seconds",
            "1",
            "--workdir",
            str(tmp_path),
            "--json",
            str(out_json),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    from bench.rows import ROW_NAMES

    for name in ROW_NAMES:
        assert name in done.stdout, f"row {name!r} missing from:\n{done.stdout}"
    rows = json.loads(out_json.read_text("utf-8"))["rows"]
    assert {row["name"] for row in rows} >= set(ROW_NAMES)
    # The temporary databases are removed afterwards (no --keep).
    assert not list(tmp_path.glob("midad-bench-*"))


def test_the_issue_rows_are_declared() -> None:
    from bench.rows import ROW_NAMES

    assert set(ISSUE_ROWS) <= set(ROW_NAMES)
    assert len(set(ROW_NAMES)) == len(ROW_NAMES), "row names must be unique"
