"""The stored body loads into the editor and comes back identical, direction included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from editor.body import sanitize_body
from editor.storage import Newsroom, open_newsroom
from main import main
from tests.ui.articles.conftest import open_story
from tests.ui.keys import type_text
from ui.articles.body_codec import dump_body, load_body
from ui.articles.body_edit import BodyDocument
from ui.articles.editor_pane import ArticleEditorPane

BODIES = [
    "<p>فقرة عربية بسيطة.</p>",
    "<p>نص <strong>عريض</strong> و<em>مائل</em> ورابط"
    ' <a href="https://example.com/a?b=1&amp;c=2">هنا</a>.</p>',
    '<h2>عنوان فرعي</h2><p>نص</p><h3 dir="ltr">A minor heading</h3>',
    '<p dir="ltr">An English paragraph, forced left to right.</p>'
    '<p dir="rtl">Forced RTL, (2025).</p>',
    "<blockquote><p>«اقتباس من المتحدث»</p></blockquote><p>بعده نص.</p>",
    '<ul><li>أول</li><li dir="ltr">Second</li></ul><ol><li>واحد</li><li>اثنان</li></ol>',
    "<p>زار الرئيس Joe Biden طوكيو في 2025/10/28 (بتوقيت غرينتش +9) ثم غادر.</p>",
    "<p>سطر أول<br>سطر ثان في الفقرة نفسها</p>",
    "<p>🔹🌍🙂</p><p>الْكِتَابُ الجَدِيدُ بالتَّشكيل، والـتطويل.</p>",
    '<h2 dir="rtl">«عصر ذهبي جديد»</h2><p><strong><em>عريض مائل</em></strong></p>',
]


@pytest.mark.parametrize("body", BODIES)
def test_every_body_loads_and_dumps_identically(body: str) -> None:
    stored = sanitize_body(body)
    document = BodyDocument()
    load_body(document, stored)
    assert dump_body(document) == stored
    # Twice: what the editor writes, it reads back the same.
    again = BodyDocument()
    load_body(again, dump_body(document))
    assert dump_body(again) == stored


def test_subheadings_show_the_site_bullet_but_store_without_it() -> None:
    document = BodyDocument()
    load_body(document, "<h2>عنوان فرعي</h2>")
    assert document.begin().text() == "🔹 عنوان فرعي"
    assert dump_body(document) == "<h2>عنوان فرعي</h2>"


def test_a_body_from_a_newer_version_keeps_its_text() -> None:
    document = BodyDocument()
    load_body(
        document,
        "<p>قبل <mark>مميز</mark> <custom-tag>غريب</custom-tag> بعد</p><figure>صورة</figure>",
    )
    dumped = dump_body(document)
    assert "مميز" in dumped and "غريب" in dumped and "صورة" in dumped
    assert "custom" not in dumped and "mark" not in dumped


def test_direction_set_in_the_editor_survives_save_reload_and_export(
    qtbot: QtBot,
    pane: ArticleEditorPane,
    newsroom: Newsroom,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    article_id = open_story(pane, newsroom, body_html="<p>فقرة عربية.</p>")
    body = pane.body
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    type_text(body, "Quoted in English: (2025).")
    pane.actions_.ltr.trigger()
    pane.save()
    stored = newsroom.articles.get(article_id).body_html
    assert stored == '<p>فقرة عربية.</p><p dir="ltr">Quoted in English: (2025).</p>'
    # Reloaded in a fresh editor it is still an explicit left-to-right paragraph.
    pane.article = None
    pane.open_article(article_id)
    cursor = QTextCursor(pane.body.document().lastBlock())
    assert cursor.blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert pane.draft().body_html == stored
    newsroom.close()
    assert main(["--db", str(db_path), "show", str(article_id), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["body_html"] == stored
    other = open_newsroom(str(db_path))
    try:
        assert other.articles.get(article_id).body_html == stored
    finally:
        other.close()
