"""What dominates a slow operation: its SQL (replayed raw, with query plans) and a profile.

Used only when a goal is missed, so the measured runs stay uninstrumented.
The driver's ``execute`` returns at the first row, so statement times taken
inside SQLAlchemy under-count index scans whose work happens while fetching;
``replay`` therefore runs each captured SELECT again with plain ``sqlite3``,
fetching every row, and that is the time reported.
"""

from __future__ import annotations

import cProfile
import pstats
import re
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event


@dataclass(frozen=True)
class Statement:
    sql: str
    params: tuple[Any, ...]


@dataclass(frozen=True)
class Replayed:
    seconds: float
    rows: int
    sql: str
    plan: str
    runs: int  # how often the block ran this query, whatever its ORDER BY and parameters


def _shape(sql: str) -> str:
    return re.sub(r"\s+ORDER BY\s.*$", "", " ".join(sql.split()), flags=re.S)


@contextmanager
def capture_statements(engine: Engine | type[Engine]) -> Iterator[list[Statement]]:
    """Every statement run on ``engine`` (or on every engine) inside the block."""
    seen: list[Statement] = []

    def before(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, many: bool
    ) -> None:
        if not many:
            seen.append(Statement(statement, tuple(parameters or ())))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def short_sql(sql: str, params: Sequence[Any] = (), limit: int = 150) -> str:
    """One line, long IN (?, ?, ...) lists folded, cut to ``limit`` characters."""
    text = " ".join(sql.split())
    text = re.sub(r"\((?:\?,\s*){3,}\?\)", lambda m: f"(…{m.group(0).count('?')} ids…)", text)
    text = re.sub(r"__\[POSTCOMPILE_\w+\]", "(…)", text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def query_plan(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> str:
    try:
        steps = conn.execute(f"EXPLAIN QUERY PLAN {sql}", tuple(params)).fetchall()
    except sqlite3.Error as exc:
        return f"(no plan: {exc})"
    return "; ".join(str(step[-1]) for step in steps)


def replay(db: Path, statements: Sequence[Statement], top: int = 3) -> list[Replayed]:
    """Run each distinct SELECT again on a raw read-only connection; the slowest first."""
    shapes: dict[str, int] = {}
    for st in statements:
        shapes[_shape(st.sql)] = shapes.get(_shape(st.sql), 0) + 1
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        done: dict[tuple[str, tuple[Any, ...]], Replayed] = {}
        for st in statements:
            key = (st.sql, st.params)
            if key in done or not st.sql.lstrip().upper().startswith("SELECT"):
                continue
            try:
                started = time.perf_counter()
                rows = conn.execute(st.sql, st.params).fetchall()
                seconds = time.perf_counter() - started
            except sqlite3.Error:
                continue
            done[key] = Replayed(
                seconds,
                len(rows),
                short_sql(st.sql, st.params),
                query_plan(conn, *key),
                shapes[_shape(st.sql)],
            )
        return sorted(done.values(), key=lambda r: r.seconds, reverse=True)[:top]
    finally:
        conn.close()


def _category(filename: str, name: str) -> str:
    if filename == "~":
        if "sqlite3" in name:
            return "sqlite3 driver"
        if "PySide6" in name or "Shiboken" in name:
            return "Qt"
        return "builtins"
    if "/sqlalchemy/" in filename:
        return "SQLAlchemy"
    if "/PySide6/" in filename or "/shiboken6/" in filename:
        return "Qt"
    for part in ("/editor/", "/ui/"):
        if part in filename and "site-packages" not in filename:
            return "Midad"
    return "other Python"


def profile_breakdown(work: Callable[[], Any]) -> str:
    """Run ``work`` under cProfile: share of own time by layer, and the costliest Midad calls."""
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        work()
    finally:
        profiler.disable()
    stats = pstats.Stats(profiler)
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    by_layer: dict[str, float] = {}
    midad: list[tuple[float, str]] = []
    for (filename, _line, name), (_cc, _nc, own, cumulative, _callers) in raw.items():
        layer = _category(filename, name)
        by_layer[layer] = by_layer.get(layer, 0.0) + own
        if layer == "Midad":
            midad.append((cumulative, f"{Path(filename).parent.name}/{Path(filename).name}:{name}"))
    total = sum(by_layer.values()) or 1.0
    layers = ", ".join(
        f"{layer} {share / total:.0%}"
        for layer, share in sorted(by_layer.items(), key=lambda kv: kv[1], reverse=True)
        if share / total >= 0.02
    )
    midad.sort(reverse=True)
    calls = ", ".join(f"{name} {seconds * 1000:.0f} ms" for seconds, name in midad[:3])
    return (
        f"profile ({total * 1000:.0f} ms, own time): {layers};"
        f" Midad calls by cumulative time: {calls}"
    )


def explain_work(work: Callable[[], Any], engine: Engine, db: Path) -> str:
    """A note for a missed goal: the slowest SQL (replayed, with plans) and the profile."""
    with capture_statements(engine) as statements:
        profile = profile_breakdown(work)
    return "; ".join([*describe_sql(db, statements), profile])


def describe_sql(db: Path, statements: Sequence[Statement], top: int = 2) -> list[str]:
    parts = []
    for item in replay(db, statements, top):
        repeated = f", run {item.runs}× (any ORDER BY)" if item.runs > 1 else ""
        parts.append(
            f"SQL {item.seconds * 1000:.0f} ms raw for {item.rows:,} rows{repeated}: {item.sql}"
            f" [plan: {item.plan}]"
        )
    return parts
