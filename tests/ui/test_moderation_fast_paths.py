"""The desk's fast paths behave like the slow ones: a queue read page by page,
counts that arrive from another thread, comments read ahead, and a key
decision written just after the next comment is shown."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from editor.models import CommentStatus, Role
from editor.storage import Newsroom
from tests.editor.test_moderation_rules import act_as_role
from tests.ui.test_moderation_desk import SHIFT, counted, press
from ui.labels import comment_status
from ui.mainwindow import MainWindow
from ui.moderation.panel import ModerationPanel

PENDING = CommentStatus.PENDING
APPROVED = CommentStatus.APPROVED


@pytest.fixture
def desk(window: MainWindow, qtbot: QtBot) -> ModerationPanel:
    window.desks.setCurrentIndex(1)
    panel = window.moderation
    panel.table.setFocus()
    counted(panel, qtbot)
    return panel


def test_a_long_queue_arrives_a_page_at_a_time(
    desk: ModerationPanel, newsroom: Newsroom, qtbot: QtBot
) -> None:
    everything = newsroom.comments.list_ids(PENDING)
    desk.model.page_size = 5
    desk.reload()
    assert desk.model.rowCount() == 5 and desk.model.canFetchMore()
    for _ in range(6):
        press(desk.table, "j")  # past the first page: the next one is read
    assert desk.current is not None and desk.current.id == everything[6]
    assert desk.model.ids() == everything  # what needs the whole queue reads the rest
    counted(desk, qtbot)
    assert desk.mark_all_action.text().endswith(f"({QLocale().toString(len(everything))})")

    desk.reload()
    desk.mark_all()
    assert desk.model.marked_ids() == everything
    press(desk.table, "A", modifiers=SHIFT)
    assert newsroom.comments.counts()[PENDING] == 0
    press(desk.table, "z")
    assert sorted(newsroom.comments.list_ids(PENDING)) == sorted(everything)


def test_a_comment_far_down_is_found(desk: ModerationPanel, newsroom: Newsroom) -> None:
    last = newsroom.comments.list_ids(PENDING)[-1]
    desk.model.page_size = 3
    desk.reload(keep_id=last)
    assert desk.current is not None and desk.current.id == last


def test_counts_include_a_decision_made_while_they_were_counted(
    desk: ModerationPanel, newsroom: Newsroom, qtbot: QtBot
) -> None:
    desk.reload()  # the counts are on their way
    assert desk.queue_counts.counting
    press(desk.table, "a")
    press(desk.table, "s")
    counted(desk, qtbot)
    assert desk.counts == newsroom.comments.counts()
    assert desk.unsent == newsroom.moderation.unsent_count()
    pending = QLocale().toString(newsroom.comments.counts()[PENDING])
    assert desk.queue_tabs.tabText(0).endswith(f"({pending})")


def test_a_key_decision_that_cannot_be_written_brings_the_comment_back(
    window: MainWindow, desk: ModerationPanel, newsroom: Newsroom
) -> None:
    first = desk.model.ids()[0]
    act_as_role(newsroom, Role.JOURNALIST)  # may not moderate: the write is refused
    press(desk.table, "a")
    assert window.errors  # type: ignore[attr-defined]
    assert newsroom.comments.get(first).status is PENDING
    assert desk.model.ids()[0] == first
    assert desk.current is not None and desk.current.id == first
    assert desk.undo_stack == []


def test_holding_j_reads_ahead_instead_of_a_query_per_key(
    desk: ModerationPanel, newsroom: Newsroom
) -> None:
    ids = desk.model.ids()
    press(desk.table, "j")  # reads the comments ahead once it is painted
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(newsroom.engine, "before_cursor_execute", seen)
    try:
        for _ in range(8):
            press(desk.table, "j")
    finally:
        event.remove(newsroom.engine, "before_cursor_execute", seen)
    assert desk.current is not None and desk.current.id == ids[9]
    assert desk.detail.text.toPlainText() == newsroom.comments.get(ids[9]).text
    assert len(statements) <= 2


def test_what_changed_here_is_never_shown_from_the_read_ahead(
    desk: ModerationPanel, newsroom: Newsroom
) -> None:
    ids = desk.model.ids()
    press(desk.table, "j")
    desk.save_note(ids[2], "راجعه المحرر")
    press(desk.table, "j")
    assert desk.current is not None and desk.current.id == ids[2]
    assert desk.detail.note.text() == "راجعه المحرر"
    desk.queue_tabs.setCurrentIndex(1)  # approved
    approved = desk.model.ids()[0]
    press(desk.table, "u")  # back to pending, shown at once
    desk.queue_tabs.setCurrentIndex(0)
    row = desk.model.row_of(approved)
    assert row is not None
    desk.select_row(row)
    assert desk.current is not None and desk.current.status is PENDING
    assert comment_status(PENDING) in desk.detail.meta.text()


def test_the_detail_keeps_its_height_whatever_the_comment(desk: ModerationPanel) -> None:
    heights = set()
    for _ in range(6):
        heights.add(desk.detail.meta.parentWidget().height())
        press(desk.table, "j")
    assert len(heights) == 1
    assert desk.detail.meta.toolTip() == desk.detail.meta.text()
    assert desk.detail.meta.alignment() & Qt.AlignmentFlag.AlignTop
