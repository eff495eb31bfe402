"""Signing in and moving stories from the Story menu, in the real window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from editor.models import ArticleStatus, Role
from editor.services.articles import ArticleFilter
from editor.storage import Newsroom
from editor.workflow.publishing import OUTPUT_DIR_SETTING
from tests.ui.keys import type_text
from ui.mainwindow import MainWindow
from ui.workflow.sign_in import SignInDialog

# The interface on both backends: what a desk on a shared server sees.
pytestmark = pytest.mark.both_backends

PASSWORD = "كلمة-سر-طويلة"


@pytest.fixture
def staffed(newsroom: Newsroom, tmp_path: Path) -> Newsroom:
    newsroom.users.add("admin", Role.ADMIN, "المدير", PASSWORD)
    newsroom.users.sign_in("admin", PASSWORD)
    newsroom.settings.set(OUTPUT_DIR_SETTING, str(tmp_path / "site"))
    newsroom.users.add("hala", Role.EDITOR, "هالة", PASSWORD)
    newsroom.users.add("omar", Role.JOURNALIST, "عمر", PASSWORD)
    return newsroom


def test_sign_in_dialog_by_keyboard(qtbot: QtBot, staffed: Newsroom) -> None:
    dialog = SignInDialog(staffed)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.login, "hala")
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is None
    assert dialog.message.text()  # says it failed, not which part
    assert dialog.password.text() == ""
    type_text(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.role is Role.EDITOR
    assert staffed.actor.login == "hala"


def _window(qtbot: QtBot, newsroom: Newsroom, settings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(newsroom, settings)
    errors: list[str] = []
    window.ops.show_error = errors.append
    window.errors = errors  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.show()
    return window


def test_an_editor_approves_and_publishes_from_the_story_menu(
    qtbot: QtBot,
    staffed: Newsroom,
    settings,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    staffed.users.sign_in("hala", PASSWORD)
    window = _window(qtbot, staffed, settings)
    submitted = staffed.articles.list_ids(ArticleFilter(statuses=(ArticleStatus.SUBMITTED,)))[0]
    window.article_list.select_id(submitted)
    window.workflow.update_actions()
    assert window.workflow.moves[ArticleStatus.APPROVED].isEnabled()
    assert not window.workflow.moves[ArticleStatus.SUBMITTED].isEnabled()
    window.workflow.moves[ArticleStatus.APPROVED].trigger()
    assert staffed.articles.get(submitted).status is ArticleStatus.APPROVED
    window.workflow.moves[ArticleStatus.PUBLISHED].trigger()
    assert window.errors == []  # type: ignore[attr-defined]
    assert staffed.articles.get(submitted).status is ArticleStatus.PUBLISHED
    assert (tmp_path / "site" / "stories" / f"{submitted}.html").exists()
    window.workflow.update_actions()
    assert window.workflow.preview_action.isEnabled()
    assert "هالة" in window.user_label.text()


def test_a_journalist_sees_no_publish_and_the_core_agrees(
    qtbot: QtBot,
    staffed: Newsroom,
    settings,  # type: ignore[no-untyped-def]
) -> None:
    staffed.users.sign_in("omar", PASSWORD)
    window = _window(qtbot, staffed, settings)
    story = staffed.articles.list_ids(ArticleFilter(statuses=(ArticleStatus.APPROVED,)))[0]
    window.article_list.select_id(story)
    window.workflow.update_actions()
    assert not window.workflow.moves[ArticleStatus.PUBLISHED].isEnabled()
    window.workflow.move(ArticleStatus.PUBLISHED)  # as if the menu were bypassed
    assert window.errors  # type: ignore[attr-defined]
    assert staffed.articles.get(story).status is ArticleStatus.APPROVED


def test_overdue_scheduled_stories_publish_at_start_up(
    qtbot: QtBot,
    staffed: Newsroom,
    settings,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    overdue = staffed.workflow.due()
    assert overdue  # the seed holds one scheduled story, long due
    window = _window(qtbot, staffed, settings)
    window.workflow.start_schedule()
    assert staffed.articles.get(overdue[0]).status is ArticleStatus.PUBLISHED
    entry = staffed.workflow.activity(article_id=overdue[0], limit=1)[0]
    assert "at start-up" in entry.note
    assert window.workflow.schedule_timer.isActive()
    QApplication.processEvents()
