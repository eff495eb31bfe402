"""Rows 3 and 4: the article list's first screen, unfiltered and filtered by section.

Needs a QApplication (ArticleListModel formats dates with QLocale); the
caller creates it. "First screen" is what a view asks for when it first
paints: ``data()`` for the first 40 rows of the 5 columns.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt

from bench import diagnose
from bench.rows import LIST_FIRST, LIST_SECTION, Row, progress, repeat, timed
from editor.services.articles import ArticleFilter
from editor.storage import Newsroom
from ui.articles.model import ArticleListModel

SCREEN_ROWS = 40
SCREEN_COLUMNS = 5
GOAL_FIRST_S = 0.100
GOAL_SECTION_S = 0.050

RAW_ROWS_SQL = (
    "SELECT a.id, a.headline, s.name, a.status, u.display_name, u.login, a.updated"
    " FROM articles a LEFT JOIN sections s ON s.id = a.section_id"
    " LEFT JOIN users u ON u.id = a.author_id WHERE a.id IN ({marks})"
)


def first_screen(model: ArticleListModel) -> int:
    """Ask for every cell of the first screen, as a view's first paint does."""
    shown = min(SCREEN_ROWS, model.rowCount())
    for row in range(shown):
        for column in range(SCREEN_COLUMNS):
            model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
    return shown


def raw_first_screen(conn: sqlite3.Connection, sql: str, params: Sequence[int] = ()) -> None:
    ids = [row[0] for row in conn.execute(sql, tuple(params))]
    head = ids[:SCREEN_ROWS]
    if head:
        marks = ", ".join("?" for _ in head)
        conn.execute(RAW_ROWS_SQL.format(marks=marks), head).fetchall()


def run(newsroom: Newsroom, db: Path, runs: int, sections: int, seed: int) -> list[Row]:
    raw = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [
            _unfiltered(newsroom, db, raw, runs),
            _by_section(newsroom, db, raw, sections, seed),
        ]
    finally:
        raw.close()


def _unfiltered(newsroom: Newsroom, db: Path, raw: sqlite3.Connection, runs: int) -> Row:
    progress(f"article list: first screen x{runs}")

    def open_list() -> None:
        model = ArticleListModel(newsroom)
        model.reload()
        first_screen(model)

    open_list()  # warm-up: the first use of a pooled connection and of the model code
    samples = repeat(open_list, runs)
    raw_sql = "SELECT id FROM articles ORDER BY updated DESC"
    raw_first_screen(raw, raw_sql)
    baseline = repeat(lambda: raw_first_screen(raw, raw_sql), runs)
    total = ArticleListModel(newsroom)
    total.reload()
    row = Row(
        LIST_FIRST,
        size=f"{total.rowCount():,} listed",
        seconds=samples,
        baseline_s=sorted(baseline)[len(baseline) // 2],
        baseline=(
            f"raw sqlite3 `{raw_sql}`, all ids fetched, + one query for the first"
            f" {SCREEN_ROWS} display rows (p50)"
        ),
        goal_s=GOAL_FIRST_S,
        goal_text=f"≤ {GOAL_FIRST_S * 1000:g} ms",
    )
    _finish(row, open_list, newsroom, db)
    return row


def _by_section(
    newsroom: Newsroom, db: Path, raw: sqlite3.Connection, count: int, seed: int
) -> Row:
    tree = newsroom.sections.tree()
    children: dict[int | None, list[int]] = {}
    for node in tree:
        children.setdefault(node.parent_id, []).append(node.id)

    def subtree(section_id: int) -> list[int]:
        found, stack = [], [section_id]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(children.get(current, []))
        return found

    rng = random.Random(seed)
    ids = [node.id for node in tree]
    chosen = rng.sample(ids, min(count, len(ids)))
    progress(f"article list: filter by {len(chosen)} sections")
    model = ArticleListModel(newsroom)
    model.reload()
    first_screen(model)
    listed: list[int] = []

    def filter_by(section_id: int) -> None:
        model.set_filter(ArticleFilter(section_id=section_id))
        first_screen(model)

    filter_by(chosen[-1])  # warm-up
    samples = []
    for section_id in chosen:
        samples.append(timed(partial(filter_by, section_id)))
        listed.append(model.rowCount())
    baseline = []
    for section_id in chosen:
        members = subtree(section_id)
        marks = ", ".join("?" for _ in members)
        sql = f"SELECT id FROM articles WHERE section_id IN ({marks}) ORDER BY updated DESC"
        baseline.append(timed(partial(raw_first_screen, raw, sql, members)))
    row = Row(
        LIST_SECTION,
        size=f"{len(chosen)} sections, {sum(listed) // max(1, len(listed)):,} listed avg",
        seconds=samples,
        baseline_s=sorted(baseline)[len(baseline) // 2],
        baseline=(
            "raw sqlite3 `SELECT id FROM articles WHERE section_id IN (<section and its"
            " children>) ORDER BY updated DESC`, all ids, + the first 40 display rows (p50)"
        ),
        goal_s=GOAL_SECTION_S,
        goal_text=f"≤ {GOAL_SECTION_S * 1000:g} ms",
        extra={"sections": chosen, "listed": listed},
    )
    slowest = chosen[max(range(len(samples)), key=samples.__getitem__)]
    _finish(row, lambda: filter_by(slowest), newsroom, db)
    return row


def _finish(row: Row, work: Callable[[], object], newsroom: Newsroom, db: Path) -> None:
    if row.p50 is not None and row.baseline_s:
        row.ratio = row.p50 / row.baseline_s
    if row.missed:
        progress(f"{row.name}: goal missed, profiling one run")
        row.note = diagnose.explain_work(work, newsroom.engine, db)
