"""The review desk in the real window: order, what changed since last seen, approve, return."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from editor.models import ArticleStatus
from editor.storage import Newsroom
from tests.ui.keys import type_text
from tests.ui.workflow.helpers import (
    open_window,
    other_desk,
    save_field,
    staff,
    submit,
    when_modal,
    write_story,
)
from ui.workflow.review_desk import ReviewQueueModel

# The interface on both backends: what a desk on a shared server sees.
pytestmark = pytest.mark.both_backends


def _submitted_by_omar(newsroom: Newsroom) -> tuple[int, int]:
    omar = other_desk(newsroom, "omar")
    try:
        first = write_story(
            omar, "الحكومة تقر موازنة العام المقبل", "أقرت الحكومة الموازنة العامة."
        )
        second = write_story(omar, "افتتاح معرض الكتاب في الرباط", "افتتح معرض الكتاب أبوابه.")
        submit(omar, first)
        submit(omar, second)
    finally:
        omar.close()
    return first, second


def test_oldest_submission_first_and_changes_since_last_seen(
    qtbot: QtBot, newsroom: Newsroom, settings: QSettings
) -> None:
    staff(newsroom)
    first, second = _submitted_by_omar(newsroom)
    seeded = newsroom.workflow.review_queue()[0]  # submitted long before, in the seed
    newsroom.users.sign_in("hala", "كلمة-سر-طويلة")
    # An editor's save does not move a story up or down the desk.
    save_field(newsroom, first, standfirst="مقدمة أضافتها المحررة")
    window = open_window(qtbot, newsroom, settings)
    desk = window.review
    assert window.review_dock.isVisible()
    assert desk.model.ids() == [seeded, first, second]
    assert desk.model.index(1, 1).data() == "عمر"
    assert desk.model.index(1, 2).data()  # the section is shown

    # First look: said so, and the whole story is shown as new.
    desk.table.setFocus()
    desk.select_id(first)
    qtbot.keyClick(desk.table, Qt.Key.Key_Return)
    assert window.editor.article is not None and window.editor.article.id == first
    assert "all of it is new" in desk.summary.text()
    assert "موازنة العام المقبل" in desk.diff_view.toPlainText()
    assert newsroom.workflow.last_seen_revision(first) is not None

    # The journalist changes the headline, a tag and a word of the body.
    omar = other_desk(newsroom, "omar")
    try:
        save_field(
            omar,
            first,
            headline="الحكومة تقر موازنة العام الجديد",
            tags=("اقتصاد",),
            body_html="<p>أقرت الحكومة الموازنة العامة بالإجماع.</p>",
        )
    finally:
        omar.close()
    desk.select_id(first)
    qtbot.keyClick(desk.table, Qt.Key.Key_Return)
    comparison = desk.comparison
    assert comparison is not None and comparison.seen is not None
    summary = desk.summary.text()
    for field in ("Headline", "Tags", "Body"):
        assert field in summary
    assert "Section" not in summary and "Dateline" not in summary
    page = desk.diff_view.toHtml()
    assert "line-through" in page  # the removed word, struck out
    shown = desk.diff_view.toPlainText()
    assert "المقبل" in shown and "الجديد" in shown and "بالإجماع" in shown
    # The editor's writing desk shows the new text too.
    assert window.editor.headline.text() == "الحكومة تقر موازنة العام الجديد"

    # Seen now: opening again says nothing changed.
    qtbot.keyClick(desk.table, Qt.Key.Key_Return)
    assert "Nothing has changed" in desk.summary.text()
    assert window.errors == []  # type: ignore[attr-defined]


def test_approve_and_return_with_a_required_note(
    qtbot: QtBot, newsroom: Newsroom, settings: QSettings
) -> None:
    staff(newsroom)
    first, second = _submitted_by_omar(newsroom)
    newsroom.users.sign_in("hala", "كلمة-سر-طويلة")
    window = open_window(qtbot, newsroom, settings)
    desk = window.review
    desk.select_id(first)
    qtbot.mouseClick(desk.approve_button, Qt.MouseButton.LeftButton)
    assert newsroom.articles.get(first).status is ArticleStatus.APPROVED
    assert first not in desk.model.ids()

    desk.select_id(second)
    ok_was_enabled: list[bool] = []

    def write_note(dialog: QWidget) -> None:
        ok_was_enabled.append(dialog.ok.isEnabled())  # type: ignore[attr-defined]
        type_text(dialog.note, "العنوان طويل؛ اختصره وأضف مصدرًا.")  # type: ignore[attr-defined]
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]

    watch = when_modal(write_note)
    qtbot.mouseClick(desk.return_button, Qt.MouseButton.LeftButton)
    watch.check()
    assert ok_was_enabled == [False]  # no note, no return
    assert newsroom.articles.get(second).status is ArticleStatus.DRAFT
    assert newsroom.workflow.return_note(second).note == "العنوان طويل؛ اختصره وأضف مصدرًا."
    assert desk.model.ids() == newsroom.workflow.review_queue()
    assert window.errors == []  # type: ignore[attr-defined]

    # The journalist opens the story and reads the note above it.
    window.close()
    newsroom.users.sign_in("omar", "كلمة-سر-طويلة")
    journalist = open_window(qtbot, newsroom, settings)
    assert not journalist.review_dock.isVisible()
    assert not journalist.review_dock.toggleViewAction().isEnabled()
    journalist.editor.open_article(second)
    banner = journalist.editor.guard.note_banner
    assert banner.isVisible()
    assert "العنوان طويل؛ اختصره وأضف مصدرًا." in banner.label.text()
    assert "هالة" in banner.label.text()
    # Submitted again, the banner goes with the returned status.
    journalist.editor.submit()
    journalist.editor.reload_article()
    assert not banner.isVisible()


def test_cancelling_the_note_returns_nothing(
    qtbot: QtBot, newsroom: Newsroom, settings: QSettings
) -> None:
    staff(newsroom)
    first, _second = _submitted_by_omar(newsroom)
    newsroom.users.sign_in("hala", "كلمة-سر-طويلة")
    window = open_window(qtbot, newsroom, settings)
    window.review.select_id(first)
    watch = when_modal(lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    window.review.return_story()
    watch.check()
    assert watch.seen
    assert newsroom.articles.get(first).status is ArticleStatus.SUBMITTED


def test_the_queue_model_passes_the_model_tester(newsroom: Newsroom, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ReviewQueueModel(newsroom)
    model.reload()
    assert model.rowCount() >= 1
    qtmodeltester.check(model)


def _toggle_review_desk(qtbot: QtBot, window: QWidget) -> None:
    """Ctrl+3, the View menu's shortcut, pressed on the window as the system delivers it."""
    handle = window.windowHandle()
    assert handle is not None
    qtbot.keyClick(handle, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)


def test_the_desk_opens_as_the_editor_last_left_it(
    qtbot: QtBot, newsroom: Newsroom, settings: QSettings
) -> None:
    staff(newsroom)
    newsroom.users.sign_in("hala", "كلمة-سر-طويلة")
    window = open_window(qtbot, newsroom, settings)
    assert window.review_dock.isVisible()  # an editor's first start
    _toggle_review_desk(qtbot, window)
    assert not window.review_dock.isVisible()
    window.close()

    again = open_window(qtbot, newsroom, settings)
    assert not again.review_dock.isVisible()
    _toggle_review_desk(qtbot, again)
    assert again.review_dock.isVisible()
    again.close()
    assert open_window(qtbot, newsroom, settings).review_dock.isVisible()
