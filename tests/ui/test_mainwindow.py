"""The main window driven the way a person does: keys, clicks, a real seeded database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from editor.models import CommentStatus
from editor.storage import Newsroom, open_newsroom
from tests.ui.keys import type_text
from ui.mainwindow import MainWindow

# The interface on both backends: what a desk on a shared server sees.
pytestmark = pytest.mark.both_backends

SEED_HEADLINE = (
    "واشنطن وطوكيو توقعان اتفاقية لتأمين المعادن النادرة"
    " وتتعهدان بإطلاق “عصر ذهبي جديد” في العلاقات"
)
SUBHEADINGS = ["اتفاق استراتيجي ضد الهيمنة الصينية", "“عصر ذهبي جديد”", "لقاء إنساني ورسائل سياسية"]


def _headings(document: QTextDocument) -> list[str]:
    found = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2:
            found.append(block.text())
        block = block.next()
    return found


def _select_by_keyboard(qtbot: QtBot, window: MainWindow, article_id: int) -> None:
    table = window.article_list.table
    target = window.article_list.model.row_of(article_id)
    assert target is not None
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(target):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    assert window.article_list.current_id() == article_id


def _seed_article_id(newsroom: Newsroom) -> int:
    rows = newsroom.articles.rows(newsroom.articles.list_ids())
    return next(r.id for r in rows if r.headline == SEED_HEADLINE)


def test_window_is_right_to_left_with_the_seeded_list(window: MainWindow) -> None:
    assert window.isRightToLeft()
    assert window.article_list.model.rowCount() >= 12
    assert window.sections.model.rowCount() >= 5
    assert window.tags.model.rowCount() >= 10


def test_selecting_the_seed_article_by_keyboard_shows_its_fields(
    qtbot: QtBot, window: MainWindow, newsroom: Newsroom
) -> None:
    _select_by_keyboard(qtbot, window, _seed_article_id(newsroom))
    editor = window.editor
    assert editor.headline.text() == SEED_HEADLINE
    assert editor.section.current_name() == "دولي"
    assert editor.dateline_preview.text() == "طوكيو – 28 أكتوبر 2025 (فرانس24/أوراس)"
    headings = _headings(editor.body.document())
    assert [h.removeprefix("🔹 ") for h in headings] == SUBHEADINGS
    assert all(h.startswith("🔹 ") for h in headings)
    assert "اترك تعليق" not in editor.body.toPlainText()
    assert "كلمة" in editor.counts.text() or "words" in editor.counts.text()


def test_typing_in_the_headline_and_saving_with_ctrl_s(
    qtbot: QtBot, window: MainWindow, newsroom: Newsroom, db_path: Path
) -> None:
    article_id = _seed_article_id(newsroom)
    _select_by_keyboard(qtbot, window, article_id)
    headline = window.editor.headline
    headline.setFocus()
    qtbot.keyClick(headline, Qt.Key.Key_End)
    type_text(headline, " اليوم")
    assert window.editor.dirty
    qtbot.keyClick(headline, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.editor.dirty
    assert window.errors == []  # type: ignore[attr-defined]
    # Read back through a separate connection: it is on disk, not only in memory.
    other = open_newsroom(str(db_path))
    try:
        saved = other.articles.get(article_id)
        assert saved.headline == SEED_HEADLINE + " اليوم"
        revisions = other.articles.revisions(article_id)
        assert revisions[0].reason == "save"
        # Only the headline was touched: the body survived the editor unchanged.
        seeded = other.articles.revision_snapshot(revisions[-1].id)
        assert saved.body_html == seeded["body_html"]
    finally:
        other.close()


def test_typing_arabic_in_the_body_keeps_subheadings_on_save(
    qtbot: QtBot, window: MainWindow, newsroom: Newsroom
) -> None:
    article_id = _seed_article_id(newsroom)
    _select_by_keyboard(qtbot, window, article_id)
    body = window.editor.body
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    type_text(body, "فقرة أخيرة كتبت الآن.")
    window.editor.save()
    stored = newsroom.articles.get(article_id).body_html
    assert stored.endswith("<p>فقرة أخيرة كتبت الآن.</p>")
    assert stored.count("<h2>") == 3 and "🔹" not in stored


def test_clicking_a_section_filters_the_list_and_clearing_restores_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    total = window.article_list.model.rowCount()
    model = window.sections.model
    sport = next(
        model.index(r, 0)
        for r in range(model.rowCount())
        if model.index(r, 0).data(Qt.ItemDataRole.UserRole + 2) == "رياضة"
    )
    rect = window.sections.view.visualRect(sport)
    qtbot.mouseClick(window.sections.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    filtered = window.article_list.model.rowCount()
    assert 0 < filtered < total
    assert "رياضة" in window.article_list.filter_label.text()
    qtbot.mouseClick(window.article_list.clear_button, Qt.MouseButton.LeftButton)
    assert window.article_list.model.rowCount() == total


def test_tag_filter_matches_letter_forms(qtbot: QtBot, window: MainWindow) -> None:
    type_text(window.tags.search, "الطاقه")  # typed with ha for ta marbuta
    visible = [
        window.tags.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 2)
        for r in range(window.tags.proxy.rowCount())
    ]
    assert visible and all("طاق" in name for name in visible)


def test_moderating_a_comment_by_key_moves_it_and_selects_the_next(
    qtbot: QtBot, window: MainWindow, newsroom: Newsroom
) -> None:
    window.desks.setCurrentIndex(1)
    panel = window.moderation
    pending_before = panel.model.rowCount()
    assert pending_before > 2
    panel.table.setFocus()
    first = panel.current
    assert first is not None
    second_id = panel.model.id_at(1)
    qtbot.keyClick(panel.table, Qt.Key.Key_A)
    assert newsroom.comments.get(first.id).status is CommentStatus.APPROVED
    assert panel.model.rowCount() == pending_before - 1
    assert panel.current is not None and panel.current.id == second_id
    assert "(" in panel.queue_tabs.tabText(0)


def test_comment_html_is_shown_as_plain_text(window: MainWindow, newsroom: Newsroom) -> None:
    hostile = next(
        c
        for status in CommentStatus
        for c in newsroom.comments.rows(newsroom.comments.list_ids(status))
        if "<script" in c.excerpt or "<img" in c.excerpt
    )
    window.desks.setCurrentIndex(1)
    panel = window.moderation
    panel.queue_tabs.setCurrentIndex(list(CommentStatus).index(hostile.status))
    row = panel.model.row_of(hostile.id)
    assert row is not None
    panel.select_row(row)
    shown = panel.detail.text.toPlainText()
    assert "<" in shown  # the tags are shown literally, not interpreted
    assert panel.detail.text.document().toPlainText() == shown


def test_window_geometry_and_splitters_persist(
    qapp: QApplication, qtbot: QtBot, newsroom: Newsroom, settings: QSettings
) -> None:
    first = MainWindow(newsroom, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 560)
    first.article_splitter.setSizes([150, 250, 340])
    sizes = first.article_splitter.sizes()
    first.close()
    second = MainWindow(newsroom, settings)
    qtbot.addWidget(second)
    second.show()
    assert second.size().width() == 760 and second.size().height() == 560
    assert second.article_splitter.sizes() == sizes
    second.close()


def test_import_page_from_the_file_menu_path(
    qtbot: QtBot, window: MainWindow, newsroom: Newsroom
) -> None:
    from tests.conftest import SEED_PAGE

    before = window.article_list.model.rowCount()
    new_id = window.import_page_file(SEED_PAGE)
    assert new_id is not None
    assert window.article_list.model.rowCount() == before + 1
    assert window.editor.article is not None and window.editor.article.id == new_id


def test_a_bad_page_file_shows_a_message_and_changes_nothing(
    window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    before = window.article_list.model.rowCount()
    assert window.import_page_file(bad) is None
    assert window.errors and window.article_list.model.rowCount() == before  # type: ignore[attr-defined]
