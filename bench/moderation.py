"""The moderation desk's rows (issue 6).

- opening the pending queue in the real panel (ids, counts, first screen, first comment);
- a key press to the next comment shown: j (move) and a (decide, then the next);
- bulk decisions on 10,000 and 100,000 comments (and their undo);
- the rules over every comment's text: rate, and ratio to a plain normalisation pass.

Needs a QApplication (the caller creates it). Decisions are undone afterwards,
so the database leaves this module as it came (apart from the audit trail).
"""

from __future__ import annotations

import math
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from bench import diagnose
from bench.rows import (
    MOD_BULK_LARGE,
    MOD_BULK_SMALL,
    MOD_CONTEXT,
    MOD_KEY_DECIDE,
    MOD_KEY_NEXT,
    MOD_OPEN,
    MOD_RULES,
    Row,
    progress,
    timed,
)
from editor.arabic import normalize
from editor.models import CommentStatus
from editor.moderation.rules import CompiledRules, ModerationRules
from editor.services.comments import QUEUE_PAGE
from editor.storage import Newsroom

GOAL_OPEN_S = 0.5
GOAL_KEY_S = 0.016
GOAL_BULK_SMALL_S = 0.5
GOAL_BULK_LARGE_S = 2.0
SCREEN_ROWS = 40
TEXT_BATCH = 20_000
# A realistic list: insults, gambling and pharmacy spam, in several spellings.
HOLD_WORDS = ("سخيف", "غبي", "فاشل", "كذاب", "حقير", "تافه", "مرتزق", "عميل", "خائن", "منافق")
BLOCK_WORDS = (
    "كازينو",
    "فياجرا",
    "قمار",
    "رهان",
    "casino",
    "viagra",
    "cialis",
    "اربح الآن",
    "قروض سريعة",
    "ربح مضمون",
)


def _press(widget: object, key: int, text: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def run(newsroom: Newsroom, db: Path, runs: int, presses: int) -> list[Row]:
    from ui.bus import ChangeBus
    from ui.moderation.panel import ModerationPanel
    from ui.ops import Ops

    ops = Ops(ChangeBus())
    errors: list[str] = []
    ops.show_error = errors.append
    panel = ModerationPanel(newsroom, ops)
    panel.resize(1400, 860)
    panel.show()
    QApplication.processEvents()
    rows = [_open(panel, newsroom, db, runs)]
    rows.extend(_keys(panel, newsroom, presses))
    rows.append(_context(panel, presses // 4 or 1))
    rows.extend(_bulk(newsroom, db))
    rows.append(_rules(newsroom, db))
    panel.close()
    if errors:
        progress(f"moderation: errors shown: {errors[:3]}")
    return rows


def _finish(row: Row, work: Callable[[], object], newsroom: Newsroom, db: Path) -> Row:
    if row.p50 is not None and row.baseline_s:
        row.ratio = row.p50 / row.baseline_s
    if row.missed:
        progress(f"{row.name}: goal missed, profiling one run")
        row.note = diagnose.explain_work(work, newsroom.engine, db)
    return row


def _settle(panel: object) -> float:
    """Wait for the queues' counts (another thread); returns how long that took."""
    from ui.moderation.panel import ModerationPanel

    assert isinstance(panel, ModerationPanel)
    started = time.perf_counter()
    while panel.queue_counts.counting:
        QApplication.processEvents()
        time.sleep(0.002)
    return time.perf_counter() - started


def _wait_for_checkpoints() -> float:
    """Wait for background WAL checkpoints (editor.sqlite_backend); returns how long."""
    started = time.perf_counter()
    for thread in threading.enumerate():
        if thread.name == "midad-wal-checkpoint":
            thread.join()
    return time.perf_counter() - started


def _open(panel: object, newsroom: Newsroom, db: Path, runs: int) -> Row:
    progress(f"moderation: open the pending queue in the panel x{runs}")
    from ui.moderation.panel import ModerationPanel

    assert isinstance(panel, ModerationPanel)

    def open_queue() -> None:
        panel.reload()
        for row in range(min(SCREEN_ROWS, panel.model.rowCount())):
            for column in range(panel.model.columnCount()):
                panel.model.data(panel.model.index(row, column))
        QApplication.processEvents()

    open_queue()
    _settle(panel)
    samples = []
    counted = []
    for _ in range(runs):
        started = time.perf_counter()
        open_queue()
        samples.append(time.perf_counter() - started)
        # Outside the timing: the counts land from another thread, and the
        # next open should not race the last one's count.
        counted.append(samples[-1] + _settle(panel))
    raw = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)

    def raw_open() -> None:
        ids = [
            r[0]
            for r in raw.execute(
                "SELECT comment_id FROM comment_states WHERE status = 'pending'"
                " ORDER BY submitted DESC, comment_id DESC LIMIT ?",
                (QUEUE_PAGE,),
            )
        ]
        raw.execute("SELECT * FROM comments WHERE id = ?", (ids[0],)).fetchall()

    def raw_counts() -> None:
        raw.execute("SELECT status, count(*) FROM comment_states GROUP BY status").fetchall()

    try:
        raw_open()
        baseline = [timed(raw_open) for _ in range(runs)]
        raw_counted = [timed(raw_counts) for _ in range(runs)]
    finally:
        raw.close()
    landed = sorted(counted)[len(counted) // 2]
    row = Row(
        MOD_OPEN,
        size=f"{newsroom.comments.counts()[CommentStatus.PENDING]:,} pending of"
        f" {sum(panel.counts.values()):,}",
        seconds=samples,
        baseline_s=sorted(baseline)[len(baseline) // 2],
        baseline=f"raw sqlite3: the first {QUEUE_PAGE:,} pending ids in order and one comment"
        " (p50)",
        goal_s=GOAL_OPEN_S,
        goal_text=f"≤ {GOAL_OPEN_S:g} s (issue 6)",
        note=f"first page of {QUEUE_PAGE:,} ids, first screen, first comment shown; the"
        f" counts of all four queues and the unsent decisions follow from another thread,"
        f" on screen {landed * 1000:.0f} ms after the open began (p50; raw sqlite3 counts"
        f" by status alone: {sorted(raw_counted)[len(raw_counted) // 2] * 1000:.0f} ms)",
        extra={"counts_shown_p50_s": landed},
    )
    return _finish(row, open_queue, newsroom, db)


class _PaintClock(QObject):
    """When the comment text was last painted: the moment a comment is shown."""

    def __init__(self) -> None:
        super().__init__()
        self.painted: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted is None:
            self.painted = time.perf_counter()
        return False


def _keys(panel: object, panel_newsroom: Newsroom, presses: int) -> list[Row]:
    from ui.moderation.panel import ModerationPanel

    assert isinstance(panel, ModerationPanel)
    clock = _PaintClock()
    panel.detail.text.viewport().installEventFilter(clock)

    def press(key: Qt.Key, text: str) -> tuple[float, float]:
        """(key to the next comment painted, key to all its work done)."""
        before = panel.current.id if panel.current else None
        clock.painted = None
        started = time.perf_counter()
        _press(panel.table, key, text)
        QApplication.processEvents()
        # Work posted while the events were processed (a repaint after the
        # write, say) would otherwise land in the next key's time: drain it
        # here and count it in this key's total.
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        done = time.perf_counter()
        assert panel.current is not None and panel.current.id != before
        shown = clock.painted if clock.painted is not None else done
        return shown - started, done - started

    panel.reload()
    _settle(panel)
    panel.table.setFocus()
    progress(f"moderation: {presses} key presses j, then {presses} a")
    moved = [press(Qt.Key.Key_J, "j") for _ in range(presses)]
    panel.reload()
    _settle(panel)
    decided = []
    batches = []
    for _ in range(presses):
        decided.append(press(Qt.Key.Key_A, "a"))
        batches.append(panel.undo_stack[-1].batch)
    panel.detail.text.viewport().removeEventFilter(clock)
    for batch in reversed(batches):
        panel_newsroom.comments.undo(batch)
    size = f"{panel_newsroom.comments.counts()[CommentStatus.PENDING]:,} pending"
    common = {"goal_s": GOAL_KEY_S, "goal_text": f"p95 ≤ {GOAL_KEY_S * 1000:g} ms (issue 6)"}

    def spread(samples: list[float]) -> str:
        ordered = sorted(samples)
        p50 = ordered[len(ordered) // 2]
        p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
        return f"{p50 * 1000:.1f} ms p50, {p95 * 1000:.1f} ms p95"

    return [
        Row(
            MOD_KEY_NEXT,
            size=size,
            seconds=[m[0] for m in moved],
            note="key press to the next comment painted (comments are read ahead, a batch"
            " at a time, after the paint); key press to the event loop idle again:"
            f" {spread([m[1] for m in moved])}",
            **common,  # type: ignore[arg-type]
        ),
        Row(
            MOD_KEY_DECIDE,
            size=size,
            seconds=[d[0] for d in decided],
            note="key press to the next comment painted; the decision (one write"
            " transaction) is written just after the paint: key press to decision"
            f" committed {spread([d[1] for d in decided])}",
            **common,  # type: ignore[arg-type]
        ),
    ]


def _context(panel: object, count: int) -> Row:
    from ui.moderation.panel import ModerationPanel

    assert isinstance(panel, ModerationPanel)
    panel.reload()
    samples = []
    for _ in range(count):
        samples.append(timed(panel.load_context))
        panel.step(1)
    return Row(
        MOD_CONTEXT,
        size=f"{count} comments",
        seconds=samples,
        note="thread, author history with counts, decisions; loaded 120 ms after the"
        " selection settles, so holding j never waits for it",
    )


def _bulk(newsroom: Newsroom, db: Path) -> list[Row]:
    pending = newsroom.comments.list_ids(CommentStatus.PENDING)
    rows = []
    for name, size, goal in (
        (MOD_BULK_SMALL, 10_000, GOAL_BULK_SMALL_S),
        (MOD_BULK_LARGE, 100_000, GOAL_BULK_LARGE_S),
    ):
        ids = pending[:size]
        progress(f"moderation: bulk decision on {len(ids):,}")
        _wait_for_checkpoints()
        started = time.perf_counter()
        decided = newsroom.comments.decide(ids, CommentStatus.APPROVED, source="bulk")
        seconds = time.perf_counter() - started
        # The log goes back into the database file on another thread; not
        # timed, but waited for so the undo does not race it.
        moved_back = _wait_for_checkpoints()
        undo_s = 0.0
        if decided.batch is not None:
            started = time.perf_counter()
            newsroom.comments.undo(decided.batch)
            undo_s = time.perf_counter() - started
        _wait_for_checkpoints()
        baseline = _raw_bulk(db, ids)
        row = Row(
            name,
            size=f"{len(ids):,} comments",
            seconds=[seconds],
            baseline_s=baseline,
            baseline="raw sqlite3: UPDATE comment_states … WHERE comment_id IN (chunks of"
            " 10,000) without the audit trail, rolled back",
            goal_s=goal,
            goal_text=f"≤ {goal:g} s (issue 6)",
            note=f"one transaction with a decision per comment; undo took {undo_s:.2f} s;"
            f" the write-ahead log then went back into the file on another thread"
            f" ({moved_back:.2f} s, not waited for)",
        )
        rows.append(_finish(row, lambda: None, newsroom, db))
    return rows


def _raw_bulk(db: Path, ids: list[int]) -> float:
    conn = sqlite3.connect(str(db), isolation_level=None)
    try:
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        for start in range(0, len(ids), 10_000):
            chunk = ids[start : start + 10_000]
            marks = ", ".join("?" for _ in chunk)
            conn.execute(
                f"UPDATE comment_states SET status = 'approved' WHERE comment_id IN ({marks})",
                chunk,
            )
        elapsed = time.perf_counter() - started
        conn.execute("ROLLBACK")
        return elapsed
    finally:
        conn.close()


def _rules(newsroom: Newsroom, db: Path) -> Row:
    compiled = CompiledRules(
        ModerationRules(hold_words=HOLD_WORDS, block_words=BLOCK_WORDS, max_links=2)
    )
    raw = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    count = 0
    plain = 0.0
    rules = 0.0
    held = 0
    try:
        cursor = raw.execute("SELECT text FROM comments")
        progress("moderation: rules over every comment")
        while batch := cursor.fetchmany(TEXT_BATCH):
            texts = [r[0] for r in batch]
            count += len(texts)
            started = time.perf_counter()
            for text in texts:
                normalize(text)
            plain += time.perf_counter() - started
            started = time.perf_counter()
            for text in texts:
                verdict = compiled.evaluate(text, with_fingerprint=True)
                held += bool(verdict.block or verdict.hold or verdict.links_fired)
            rules += time.perf_counter() - started
    finally:
        raw.close()
    end_to_end = _apply_to_pending(newsroom, compiled.rules)
    row = Row(
        MOD_RULES,
        size=f"{count:,} comments",
        seconds=[rules],
        baseline_s=plain,
        baseline="editor.arabic.normalize over the same texts (the plain normalisation pass)",
        ratio=rules / plain if plain else None,
        goal_text="rate, ratio to normalisation",
        note=f"{count / rules:,.0f} comments/s (each distinct space-separated piece of text"
        f" normalised once, editor/moderation/tokens.py); {len(HOLD_WORDS)} hold and"
        f" {len(BLOCK_WORDS)}"
        f" block entries, links, duplicate fingerprints; {held:,} would be held or blocked"
        f" (texts read outside the timing). End to end on the pending queue (read, rules,"
        f" duplicates against every comment around, write, rolled back): {end_to_end}",
    )
    return row


def _apply_to_pending(newsroom: Newsroom, rules: ModerationRules) -> str:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from editor.models import comment_states
    from editor.moderation.rules import apply_rules

    with Session(newsroom.engine) as session:
        pending = comment_states.c.status == CommentStatus.PENDING
        ids = list(session.scalars(select(comment_states.c.comment_id).where(pending)))
        progress(f"moderation: apply_rules to {len(ids):,} pending, end to end")
        started = time.perf_counter()
        outcome = apply_rules(session, ids, rules=rules)
        elapsed = time.perf_counter() - started
        session.rollback()
    return (
        f"{len(ids):,} in {elapsed:.1f} s ({len(ids) / elapsed:,.0f}/s; {outcome.held:,} held,"
        f" {outcome.blocked:,} blocked)"
    )
