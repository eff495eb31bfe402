"""Edit locks in the writing desk: read-only for the others, take over, told on saving."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from editor.models import EditLock
from editor.services.articles import ArticleFilter
from editor.storage import Newsroom
from tests.ui.workflow.helpers import PASSWORD, open_window, other_desk, staff, type_at_end

# The interface on both backends: what a desk on a shared server sees.
pytestmark = pytest.mark.both_backends


def _lock_session(newsroom: Newsroom, article_id: int) -> str | None:
    with newsroom.read() as session:
        return session.scalar(select(EditLock.session).where(EditLock.article_id == article_id))


def test_opening_takes_the_lock_and_switching_releases_it(
    qtbot: QtBot, newsroom: Newsroom, settings: QSettings
) -> None:
    staff(newsroom)
    newsroom.users.sign_in("omar", PASSWORD)
    window = open_window(qtbot, newsroom, settings)
    first, second = newsroom.articles.list_ids(ArticleFilter())[:2]
    window.article_list.select_id(first)
    token = newsroom.locks.token
    assert _lock_session(newsroom, first) == token
    window.article_list.select_id(second)
    assert _lock_session(newsroom, first) is None
    assert _lock_session(newsroom, second) == token
    # The heartbeat keeps it fresh while open (a crashed desk's lock expires).
    assert window.editor.guard.heartbeat_timer.isActive()
    window.close()
    assert _lock_session(newsroom, second) is None


def test_someone_elses_story_is_read_only_and_an_editor_takes_it_over(
    qtbot: QtBot, newsroom: Newsroom, settings: QSettings
) -> None:
    staff(newsroom)
    story = newsroom.articles.list_ids()[0]
    omar = other_desk(newsroom, "omar")
    try:
        assert omar.locks.acquire(story).mine
        newsroom.users.sign_in("hala", PASSWORD)
        window = open_window(qtbot, newsroom, settings)
        window.article_list.select_id(story)
        editor = window.editor
        banner = editor.guard.lock_banner
        assert banner.isVisible()
        assert "عمر" in banner.label.text() and "Being edited by" in banner.label.text()
        assert editor.body.isReadOnly() and not editor.fields.isEnabled()
        assert not editor.save_button.isEnabled()
        before = newsroom.articles.get(story).body_html
        type_at_end(editor.body, " لا يكتب")
        assert newsroom.articles.get(story).body_html == before and not editor.dirty

        take_over = banner.buttons()[0]
        assert take_over.objectName() == "takeOverButton"
        qtbot.mouseClick(take_over, Qt.MouseButton.LeftButton)
        assert not banner.isVisible()
        assert not editor.body.isReadOnly() and editor.fields.isEnabled()
        assert _lock_session(newsroom, story) == newsroom.locks.token
        assert newsroom.workflow.activity(article_id=story, limit=1)[0].action == "take_over"
        type_at_end(editor.body, " كتبته هالة")
        qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert "كتبته هالة" in newsroom.articles.get(story).body_html
        assert window.errors == []  # type: ignore[attr-defined]
    finally:
        omar.close()


def test_a_journalist_cannot_take_over(
    qtbot: QtBot, newsroom: Newsroom, settings: QSettings
) -> None:
    staff(newsroom)
    story = newsroom.articles.list_ids()[0]
    hala = other_desk(newsroom, "hala")
    try:
        hala.locks.acquire(story)
        newsroom.users.sign_in("omar", PASSWORD)
        window = open_window(qtbot, newsroom, settings)
        window.article_list.select_id(story)
        assert window.editor.guard.lock_banner.isVisible()
        assert window.editor.guard.lock_banner.buttons() == []
        assert window.editor.body.isReadOnly()
    finally:
        hala.close()


def test_the_holder_is_told_on_saving_and_keeps_the_text(
    qtbot: QtBot, newsroom: Newsroom, settings: QSettings
) -> None:
    staff(newsroom)
    newsroom.users.sign_in("omar", PASSWORD)
    window = open_window(qtbot, newsroom, settings)
    story = newsroom.articles.list_ids()[0]
    window.article_list.select_id(story)
    editor = window.editor
    before = newsroom.articles.get(story).body_html
    type_at_end(editor.body, " جملة لم تحفظ بعد")

    hala = other_desk(newsroom, "hala")  # the editor, on her own desk
    try:
        assert hala.locks.take_over(story).mine
        qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        # Not saved into the story, told who took it, and the text still here.
        assert newsroom.articles.get(story).body_html == before
        banner = editor.guard.lock_banner
        assert banner.isVisible() and "هالة" in banner.label.text()
        assert editor.body.toPlainText().endswith("جملة لم تحفظ بعد")
        assert editor.body.isReadOnly()
        keep, _discard = banner.buttons()
        qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
        assert editor.article is not None and editor.article.id != story
        kept = newsroom.articles.get(editor.article.id)
        assert "جملة لم تحفظ بعد" in kept.body_html
        assert kept.author_id == newsroom.actor.user_id
        assert window.errors == []  # type: ignore[attr-defined]
    finally:
        hala.close()


def test_a_read_only_desk_opens_when_the_holder_closes(
    qtbot: QtBot, newsroom: Newsroom, settings: QSettings
) -> None:
    staff(newsroom)
    story = newsroom.articles.list_ids()[0]
    hala = other_desk(newsroom, "hala")
    try:
        hala.locks.acquire(story)
        newsroom.users.sign_in("omar", PASSWORD)
        window = open_window(qtbot, newsroom, settings)
        window.article_list.select_id(story)
        assert window.editor.body.isReadOnly()
        hala.locks.release(story)
        window.editor.guard.beat()  # the timer's next tick
        assert not window.editor.body.isReadOnly()
        assert not window.editor.guard.lock_banner.isVisible()
    finally:
        hala.close()
