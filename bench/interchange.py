"""Rows 6 and 7: importing and exporting the corpus as a WordPress export (WXR).

The corpus is written as one WXR 1.2 file (bench.wxr_corpus). Each of the
three runs is a fresh process, so its time and peak memory are its own:

- baseline: Midad's streaming parser into raw ``sqlite3.executemany`` of the
  same rows (stories, revisions, tags, comments), nothing converted;
- import: ``newsroom.interchange.import_wxr`` up to its commit (content
  conversion, matching by the site's ids, threads); the moderation rules and
  the search index that follow it are timed apart and reported in the note;
- export: ``newsroom.interchange.export_wxr`` of what the import stored.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.corpus import CorpusSpec
from bench.rows import WXR_EXPORT, WXR_IMPORT, Row, fmt_time, progress
from bench.wxr_corpus import write_wxr
from editor.storage import open_newsroom

REPO = Path(__file__).resolve().parent.parent
GOAL_RATIO = 2.0
MEMORY_GOAL_MB = 200
BASELINE = (
    "the same file through the same streaming parser into raw sqlite3.executemany of the"
    " same rows (stories, revisions, tags, comments), one transaction, nothing converted;"
    " each run a fresh process"
)


def _spawn(action: str, source: Path, target: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.wxr_corpus", action, str(source), str(target)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"bench.wxr_corpus {action} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def run(spec: CorpusSpec, workdir: Path) -> list[Row]:
    wxr = workdir / "corpus-wxr.xml"
    progress(f"WXR: writing {spec.articles:,} posts and {spec.comments:,} comments as WXR")
    counts = write_wxr(wxr, spec)
    megabytes = counts["bytes"] / 1e6
    size = f"{counts['posts']:,} posts + {counts['comments']:,} comments ({megabytes:,.0f} MB)"
    baseline_db = workdir / "wxr-baseline.sqlite3"
    import_db = workdir / "wxr-import.sqlite3"
    exported = workdir / "wxr-export.xml"
    for db in (baseline_db, import_db):
        open_newsroom(str(db), seed=False).close()  # the schema, untimed
    try:
        progress("WXR: baseline (parse + raw sqlite3)")
        baseline = _spawn("baseline", wxr, baseline_db)
        _remove(baseline_db)
        progress(f"WXR: baseline {fmt_time(baseline['seconds'])}; importing")
        imported = _spawn("import", wxr, import_db)
        progress(f"WXR: import {fmt_time(imported['seconds'])}; exporting")
        written = _spawn("export", import_db, exported)
        progress(f"WXR: export {fmt_time(written['seconds'])}")
    finally:
        wxr.unlink(missing_ok=True)
        exported.unlink(missing_ok=True)
        _remove(baseline_db)
        _remove(import_db)
    base_s = float(baseline["seconds"])
    import_row = Row(
        WXR_IMPORT,
        size=size,
        seconds=[float(imported["seconds"])],
        baseline_s=base_s,
        baseline=BASELINE,
        ratio=float(imported["seconds"]) / base_s if base_s else None,
        goal_ratio=GOAL_RATIO,
        goal_text=f"≤ {GOAL_RATIO:g}× baseline; peak < {MEMORY_GOAL_MB} MB",
        extra={"import": imported, "baseline": baseline, "file": counts},
    )
    peak = float(imported["peak_mb"])
    cpu_ratio = float(imported["import_cpu_s"]) / max(float(baseline["cpu_s"]), 1e-9)
    import_row.note = (
        f"peak memory {peak:.0f} MB (baseline process {float(baseline['peak_mb']):.0f} MB;"
        f" goal < {MEMORY_GOAL_MB} MB: {'met' if peak < MEMORY_GOAL_MB else 'MISSED'});"
        f" CPU {float(imported['import_cpu_s']):.1f} s vs {float(baseline['cpu_s']):.1f} s"
        f" ({cpu_ratio:.2f}×); after the commit, in transactions of their own and not in"
        f" the ratio: moderation rules on the new pending comments"
        f" {fmt_time(float(imported.get('rules_s', 0.0)))}, search index for the new rows"
        f" {fmt_time(float(imported['index_s']))}; {imported['articles']:,} stories and"
        f" {imported['comments']:,} comments stored; notes {imported.get('notes', {})}"
    )
    export_row = Row(
        WXR_EXPORT,
        size=f"{written['articles']:,} stories + {written['comments']:,} comments"
        f" ({float(written['bytes']) / 1e6:,.0f} MB)",
        seconds=[float(written["seconds"])],
        baseline_s=base_s,
        baseline="the import's baseline (same corpus)",
        ratio=float(written["seconds"]) / base_s if base_s else None,
        goal_ratio=GOAL_RATIO,
        goal_text=f"≤ {GOAL_RATIO:g}× baseline",
        extra={"export": written},
        note=(
            f"peak memory {float(written['peak_mb']):.0f} MB; CPU"
            f" {float(written['cpu_s']):.1f} s vs baseline {float(baseline['cpu_s']):.1f} s"
        ),
    )
    return [import_row, export_row]
