"""Row 2: start-up to the main window shown, in a fresh process, at two database sizes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench import diagnose
from bench.rows import START_BARE, START_FULL, START_RATIO, START_SMALL, Row, fmt_time, progress

REPO = Path(__file__).resolve().parent.parent
GOAL_S = 1.5
GOAL_RATIO = 1.2  # "no slower at 100k than at 1k": ≈ 1, with room for noise
PHASES = (
    ("imported", "interpreter + imports"),
    ("app", "QApplication, language, font"),
    ("opened", "open_newsroom"),
    ("ui_imported", "import ui.mainwindow"),
    ("window", "MainWindow()"),
    ("shown", "show + processEvents"),
)


def probe_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # Settings and data of a throwaway home: no saved geometry, no real newsroom.
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_DATA_HOME"] = str(home / "data")
    for name in ("MIDAD_DB", "MIDAD_LANG"):
        env.pop(name, None)
    return env


CRASH_RETRIES = 2
# Crashes seen (a probe killed by a signal, then retried): reported, never hidden.
crashes: list[str] = []


def probe(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    """Spawn the probe; its marks become seconds since the spawn.

    A probe killed by a signal (Qt has crashed here, rarely, under load) is
    retried up to twice and recorded in ``crashes`` with faulthandler's stack.
    """
    for attempt in range(CRASH_RETRIES + 1):
        spawned = time.time()
        done = subprocess.run(
            [sys.executable, "-X", "faulthandler", "-m", "bench.startup_probe", *args],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if done.returncode == 0 and done.stdout.strip():
            break
        if done.returncode >= 0 or attempt == CRASH_RETRIES:
            raise RuntimeError(
                f"start-up probe {args} failed (exit {done.returncode}):\n{done.stderr[-3000:]}"
            )
        stack = [
            line.strip() for line in done.stderr.splitlines() if line.strip().startswith("File")
        ]
        crashes.append(
            f"probe {Path(args[0]).name} killed by signal {-done.returncode}"
            + (f" at {stack[0]}" if stack else "")
        )
        progress(f"start-up: {crashes[-1]}; retrying")
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    report["elapsed"] = report["marks"]["shown"] - spawned
    report["since_spawn"] = {k: v - spawned for k, v in report["marks"].items()}
    return report


def run(
    full_db: Path,
    small_db: Path,
    full_size: str,
    small_size: str,
    runs: int,
    home: Path,
    *,
    warm_up: bool = True,
) -> list[Row]:
    env = probe_env(home)
    targets = {
        "bare": ["--bare"],
        "small": [str(small_db)],
        "full": [str(full_db)],
    }
    if warm_up:
        progress("start-up: warming up (one discarded run each)")
        for args in targets.values():
            probe(args, env)
    samples: dict[str, list[float]] = {key: [] for key in targets}
    reports: dict[str, list[dict[str, Any]]] = {key: [] for key in targets}
    for n in range(runs):
        for key, args in targets.items():  # interleaved, so drift hits all three alike
            report = probe(args, env)
            samples[key].append(report["elapsed"])
            reports[key].append(report)
        progress(
            f"start-up run {n + 1}/{runs}: "
            + ", ".join(f"{k} {fmt_time(v[-1])}" for k, v in samples.items())
        )
    bare = Row(
        START_BARE,
        size="no database",
        seconds=samples["bare"],
        goal_text="",
    )
    bare.note = "QApplication + empty QMainWindow shown in a fresh process; Qt's own floor"
    base = bare.p50
    rows = [bare]
    for key, name, size in (("full", START_FULL, full_size), ("small", START_SMALL, small_size)):
        row = Row(
            name,
            size=size,
            seconds=samples[key],
            baseline_s=base,
            baseline=(
                "the bare Qt window above (time is process spawn → first show() +"
                " processEvents() done, offscreen, warm OS cache; p50/p95 of the runs)"
            ),
            goal_s=GOAL_S,
            goal_text=f"≤ {GOAL_S:g} s",
        )
        if row.p50 is not None and base:
            row.ratio = row.p50 / base
        row.extra["phases_p50_s"] = _phase_medians(reports[key])
        row.note = "phases (p50): " + _phase_text(row.extra["phases_p50_s"])
        # One instrumented run: for the full size, or for the small one if only it misses.
        if row.missed and (key == "full" or not rows[1].missed):
            row.note += "; " + _diagnose(full_db if key == "full" else small_db, env)
        rows.append(row)
    full, small = rows[1], rows[2]
    ratio = Row(
        START_RATIO,
        size=f"{full_size} / {small_size}",
        goal_ratio=GOAL_RATIO,
        goal_text=f"≈ 1 (≤ {GOAL_RATIO:g}×)",
    )
    if full.p50 and small.p50:
        ratio.seconds = [full.p50]
        ratio.baseline_s = small.p50
        ratio.baseline = "start-up at the small size (p50); time is the full size's p50"
        ratio.ratio = full.p50 / small.p50
    if ratio.missed:
        ratio.note = (
            f"start-up grows with the database: {fmt_time(full.p50)} vs {fmt_time(small.p50)};"
            " see the full-size phases and SQL above"
        )
    if crashes:
        bare.note += f"; CRASHES ({len(crashes)}, retried): " + " | ".join(crashes)
        bare.extra["crashes"] = list(crashes)
    rows.append(ratio)
    return rows


def _phase_medians(reports: list[dict[str, Any]]) -> dict[str, float]:
    out: dict[str, float] = {}
    previous = "spawn"
    for key, _label in PHASES:
        spans = []
        for report in reports:
            marks = report["since_spawn"]
            start = 0.0 if previous == "spawn" else marks[previous]
            spans.append(marks[key] - start)
        spans.sort()
        out[key] = spans[len(spans) // 2]
        previous = key
    return out


def _phase_text(phases: dict[str, float]) -> str:
    return ", ".join(f"{label} {fmt_time(phases[key])}" for key, label in PHASES if key in phases)


def _diagnose(db: Path, env: dict[str, str]) -> str:
    """One more, instrumented start-up: time per panel and the slowest SQL, replayed raw."""
    progress(f"start-up: diagnosing {db.name} (instrumented run)")
    report = probe([str(db), "--diagnose"], env)
    panels = sorted(report["panels"].items(), key=lambda kv: kv[1], reverse=True)
    parts = [
        "MainWindow() by panel: " + ", ".join(f"{name} {fmt_time(sec)}" for name, sec in panels)
    ]
    statements = [diagnose.Statement(sql, tuple(params)) for sql, params in report["statements"]]
    parts.extend(diagnose.describe_sql(db, statements, top=3))
    return "; ".join(parts)
