"""Result rows, timing helpers and the printed table / JSON output."""

from __future__ import annotations

import json
import math
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# Row names: the smoke test checks that every one of them is printed.
LOAD = "load corpus (Core bulk insert)"
START_BARE = "start-up: bare Qt window (baseline)"
START_FULL = "start-up to window shown (full)"
START_SMALL = "start-up to window shown (small)"
START_RATIO = "start-up full/small ratio"
LIST_FIRST = "article list first screen"
LIST_SECTION = "filter by section + first screen"
PENDING_QUEUE = "open pending comment queue"
EDITOR_KEYSTROKE = "editor: key press to repaint, 10,000 words, spelling on"
EDITOR_OPEN = "editor: open a story"
EDITOR_OPEN_LONG = "editor: open a 10,000-word story"
EDITOR_SAVE = "editor: save with its revision"
EDITOR_SAVE_LONG = "editor: save a 10,000-word story"
MOD_OPEN = "moderation desk: open pending queue"
MOD_KEY_NEXT = "moderation: key j to next comment shown"
MOD_KEY_DECIDE = "moderation: key a to next comment shown"
MOD_CONTEXT = "moderation: thread + author history"
MOD_BULK_SMALL = "moderation: bulk decision 10k"
MOD_BULK_LARGE = "moderation: bulk decision 100k"
MOD_RULES = "moderation: rules over every comment"
WXR_IMPORT = "WXR import (streamed, one transaction)"
WXR_EXPORT = "WXR export"
TAXONOMY_PANELS = "section and tag panels open"
TAXONOMY_MERGE = "merge two tags used by 50,000 stories"
TAXONOMY_DUPLICATES = "near-duplicate finder over 5,000 tags"
SEARCH_BUILD = "search index build (articles)"
SEARCH_ORDINARY = "search: results page, ordinary word"
SEARCH_ANY = "search: results page, any word"
SEARCH_NEWEST = "search: results page, newest first"
SEARCH_SAVE = "search: save a story with its index update"
WORKFLOW_TRANSITION = "workflow: status transition with its log entry"
WORKFLOW_PUBLISH = "workflow: publish stories to HTML"
DESKS_SAVES_PG = "many desks: saves per second, PostgreSQL"
DESKS_DECISIONS_PG = "many desks: moderation decisions per second, PostgreSQL"
DESKS_SAVES_SQLITE = "many desks: saves per second, SQLite"
DESKS_DECISIONS_SQLITE = "many desks: moderation decisions per second, SQLite"
LIVE_HEARD = "live refresh: another desk's save heard (PostgreSQL)"
LIVE_SAVE = "live refresh: a save with its notification (PostgreSQL)"
ROW_NAMES = (
    LOAD,
    START_BARE,
    START_FULL,
    START_SMALL,
    START_RATIO,
    LIST_FIRST,
    LIST_SECTION,
    PENDING_QUEUE,
    EDITOR_KEYSTROKE,
    EDITOR_OPEN,
    EDITOR_OPEN_LONG,
    EDITOR_SAVE,
    EDITOR_SAVE_LONG,
    MOD_OPEN,
    MOD_KEY_NEXT,
    MOD_KEY_DECIDE,
    MOD_CONTEXT,
    MOD_BULK_SMALL,
    MOD_BULK_LARGE,
    MOD_RULES,
    WXR_IMPORT,
    WXR_EXPORT,
    TAXONOMY_PANELS,
    TAXONOMY_MERGE,
    TAXONOMY_DUPLICATES,
    SEARCH_BUILD,
    SEARCH_ORDINARY,
    SEARCH_ANY,
    SEARCH_NEWEST,
    SEARCH_SAVE,
    WORKFLOW_TRANSITION,
    WORKFLOW_PUBLISH,
    DESKS_SAVES_PG,
    DESKS_DECISIONS_PG,
    DESKS_SAVES_SQLITE,
    DESKS_DECISIONS_SQLITE,
    LIVE_HEARD,
    LIVE_SAVE,
)


@dataclass
class Row:
    """One line of the table.

    ``seconds`` holds every sample (one, or the repeats). A goal is either a
    time (``goal_s``, judged on p50 and p95) or a ratio (``goal_ratio``,
    checked against ``ratio``).
    """

    name: str
    size: str
    seconds: list[float] = field(default_factory=list)
    baseline_s: float | None = None
    baseline: str = ""
    ratio: float | None = None
    goal_s: float | None = None
    goal_ratio: float | None = None
    goal_text: str = ""
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def p50(self) -> float | None:
        return percentile(self.seconds, 50) if self.seconds else None

    @property
    def p95(self) -> float | None:
        return percentile(self.seconds, 95) if len(self.seconds) > 1 else None

    @property
    def met(self) -> str:
        """yes / NO / "p50 only" (typical case meets the goal, the slow tail does not) / —."""
        if self.goal_ratio is not None:
            if self.ratio is None:
                return "—"
            return "yes" if self.ratio <= self.goal_ratio else "NO"
        if self.goal_s is None or self.p50 is None:
            return "—"
        worst = self.p95 if self.p95 is not None else self.p50
        if worst <= self.goal_s:
            return "yes"
        return "p50 only" if self.p50 <= self.goal_s else "NO"

    @property
    def missed(self) -> bool:
        return self.met in ("NO", "p50 only")

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(p50_s=self.p50, p95_s=self.p95, met=self.met)
        return data


def percentile(samples: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 5 samples is the slowest)."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    ms = seconds * 1000
    return f"{ms:.1f} ms" if ms < 10 else f"{ms:.0f} ms"


def fmt_ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def timed(work: Callable[[], Any]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def repeat(work: Callable[[], Any], times: int) -> list[float]:
    return [timed(work) for _ in range(times)]


def progress(text: str) -> None:
    print(f"bench: {text}", file=sys.stderr, flush=True)


HEADERS = ("operation", "size", "time p50", "p95", "baseline", "ratio", "goal", "met")


def render_table(rows: Sequence[Row]) -> str:
    lines = [HEADERS]
    for row in rows:
        lines.append(
            (
                row.name,
                row.size,
                fmt_time(row.p50),
                fmt_time(row.p95),
                fmt_time(row.baseline_s),
                fmt_ratio(row.ratio),
                row.goal_text or "—",
                row.met,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADERS))]
    out = []
    for n, line in enumerate(lines):
        out.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if n == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out).rstrip()


def render_notes(rows: Sequence[Row]) -> str:
    lines = ["baselines:"]
    lines.extend(f"- {row.name}: {row.baseline}" for row in rows if row.baseline)
    lines.append("notes:")
    for row in rows:
        if row.note:
            prefix = "GOAL MISSED — " if row.missed else ""
            lines.append(f"- {row.name}: {prefix}{row.note}")
    return "\n".join(lines)


def write_json(path: Path, rows: Sequence[Row], meta: dict[str, Any]) -> None:
    data = {"meta": meta, "rows": [r.to_json() for r in rows]}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
