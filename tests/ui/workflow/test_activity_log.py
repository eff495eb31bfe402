"""The activity log: per story and newsroom-wide, filtered by person and by move."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from editor.models import ArticleStatus
from editor.storage import Newsroom
from tests.ui.workflow.helpers import (
    PASSWORD,
    open_window,
    other_desk,
    staff,
    submit,
    type_at_end,
    write_story,
)
from ui.workflow.activity import ActivityModel

# The interface on both backends: what a desk on a shared server sees.
pytestmark = pytest.mark.both_backends


def _log_some_work(newsroom: Newsroom) -> tuple[int, int]:
    omar = other_desk(newsroom, "omar")
    hala = other_desk(newsroom, "hala")
    try:
        first = write_story(omar, "قصة أولى للسجل", "نص القصة الأولى.")
        second = write_story(omar, "قصة ثانية للسجل", "نص القصة الثانية.")
        submit(omar, first)
        submit(omar, second)
        hala.workflow.transition(first, ArticleStatus.APPROVED)
        hala.workflow.transition(second, ArticleStatus.DRAFT, note="أضف مصدرًا")
    finally:
        omar.close()
        hala.close()
    return first, second


def test_the_newsroom_log_filters_by_person_and_move(
    qtbot: QtBot, newsroom: Newsroom, settings: QSettings
) -> None:
    staff(newsroom)
    _log_some_work(newsroom)
    newsroom.users.sign_in("hala", PASSWORD)
    window = open_window(qtbot, newsroom, settings)
    log = window.workflow.show_log(None)
    qtbot.addWidget(log)
    model = log.model
    everything = model.rowCount()
    assert everything >= 4
    assert model.index(0, 1).data() == "هالة"  # newest first: the return

    # By keyboard: the person list, then the move list.
    log.person.setFocus()
    hala_row = log.person.findText("هالة")
    for _ in range(hala_row):
        qtbot.keyClick(log.person, Qt.Key.Key_Down)
    assert log.person.currentText() == "هالة"
    people = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert people == {"هالة"} and model.rowCount() == 2
    log.set_filter(user_id=log.person.currentData(), action="return")
    assert model.rowCount() == 1
    assert model.index(0, 4).data() == "أضف مصدرًا"
    assert model.index(0, 2).data() == "قصة ثانية للسجل"
    log.set_filter()
    assert model.rowCount() == everything
    log.set_filter(action="transition")
    assert all(row.action == "transition" for row in newsroom.workflow.activity_rows(model.ids()))
    assert str(model.rowCount()) in log.count_label.text()


def test_a_storys_log_follows_its_moves(
    qtbot: QtBot, newsroom: Newsroom, settings: QSettings
) -> None:
    staff(newsroom)
    first, _second = _log_some_work(newsroom)
    newsroom.users.sign_in("hala", PASSWORD)
    window = open_window(qtbot, newsroom, settings)
    window.editor.open_article(first)
    window.workflow.update_actions()
    assert window.workflow.log_action.isEnabled()
    window.workflow.log_action.trigger()
    log = window.workflow.logs[-1]
    qtbot.addWidget(log)
    assert log.table.isColumnHidden(2)  # one story: no story column
    before = log.model.rowCount()
    assert before == 2  # submitted, approved
    window.workflow.moves[ArticleStatus.PUBLISHED].trigger()
    assert log.model.rowCount() == before + 1  # refreshed from the change bus
    assert newsroom.articles.get(first).status is ArticleStatus.PUBLISHED


def test_a_story_menu_move_saves_the_typed_text_first(
    qtbot: QtBot, newsroom: Newsroom, settings: QSettings
) -> None:
    staff(newsroom)
    newsroom.users.sign_in("omar", PASSWORD)
    story = write_story(newsroom, "قصة تكتب الآن", "بداية النص.")
    window = open_window(qtbot, newsroom, settings)
    window.editor.open_article(story)
    type_at_end(window.editor.body, " وجملة لم تحفظ")
    assert window.editor.dirty
    window.workflow.update_actions()
    window.workflow.moves[ArticleStatus.SUBMITTED].trigger()
    stored = newsroom.articles.get(story)
    assert stored.status is ArticleStatus.SUBMITTED
    assert "وجملة لم تحفظ" in stored.body_html
    assert window.errors == []  # type: ignore[attr-defined]


def test_the_log_model_passes_the_model_tester(newsroom: Newsroom, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    staff(newsroom)
    _log_some_work(newsroom)
    model = ActivityModel(newsroom, None)
    model.reload()
    assert model.rowCount() >= 4
    qtmodeltester.check(model)
