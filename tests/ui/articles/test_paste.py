"""Pasting from the web and word processors: the subset only, nothing loaded, no text lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from editor.arabic import word_count
from editor.paste import LONG_PARAGRAPH_WORDS
from editor.storage import Newsroom
from tests.conftest import SEED_PAGE
from tests.ui.articles.conftest import open_story
from tests.ui.keys import type_text
from ui.articles.body_codec import dump_body
from ui.articles.body_edit import BodyDocument
from ui.articles.editor_pane import ArticleEditorPane

CTRL = Qt.KeyboardModifier.ControlModifier

HOSTILE = """<html><head><style>p {color: red}</style><script>alert(1)</script>
<link rel="stylesheet" href="https://evil.example/s.css"></head>
<body onload="steal()"><div style="font-size:40px" onclick="x()">
<p class="MsoNormal" dir="RTL" style="mso-line-height:150%">فقرة من <b>وورد</b>
<span style="font-weight:bold">بتنسيق</span><img src="https://evil.example/track.png"></p>
<iframe src="https://evil.example/frame"></iframe>
<h1>عنوان كبير</h1><div>سطر داخل div</div><table><tr><td>خلية</td></tr></table>
<a href="javascript:alert(1)">رابط خبيث</a> <a href="https://example.com">رابط سليم</a>
<img src="file:///etc/passwd"><object data="x.swf"></object></div></body></html>"""


def _paste(qtbot: QtBot, pane: ArticleEditorPane, *, html: str = "", text: str = "") -> None:
    data = QMimeData()
    if html:
        data.setHtml(html)
    if text or not html:
        data.setText(text)
    QApplication.clipboard().setMimeData(data)
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_V, CTRL)


def test_hostile_html_is_reduced_to_the_subset_and_loads_nothing(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    article_id = open_story(pane, newsroom, body_html="")
    _paste(qtbot, pane, html=HOSTILE, text="fallback")
    body = pane.draft().body_html
    for gone in ("style", "script", "iframe", "img", "onclick", "onload", "evil", "javascript",
                 "class=", "object", "alert", "steal", "Mso"):  # fmt: skip
        assert gone not in body, gone
    for kept in ("فقرة من", "<strong>وورد</strong>", "بتنسيق", "عنوان كبير", "سطر داخل div",
                 "خلية", "رابط خبيث", '<a href="https://example.com">رابط سليم</a>'):  # fmt: skip
        assert kept in body, kept
    assert '<p dir="rtl">فقرة من' in body
    assert body.count("<p") >= 4  # divs and cells stayed separate paragraphs
    assert pane.body.document().refused == []  # nothing was even asked for
    pane.save()
    assert newsroom.articles.get(article_id).body_html == body


def test_the_document_refuses_every_resource_even_if_markup_slips_through() -> None:
    document = BodyDocument()
    document.setHtml('<p>x<img src="https://evil.example/a.png"><img src="/etc/hosts"></p>')
    document.documentLayout().documentSize()  # layout asks for the images
    assert document.refused and all("evil" in u or "hosts" in u for u in document.refused)


def test_bidi_overrides_in_pasted_text_are_removed(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    open_story(pane, newsroom, body_html="")
    _paste(qtbot, pane, text="حساب \u202eموثوق\u202c رسمي \u2066ok\u2069")
    assert pane.body.toPlainText() == "حساب موثوق رسمي ok"


def test_an_emoji_only_paragraph_survives(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    article_id = open_story(pane, newsroom, body_html="<p>قبل</p>")
    pane.body.moveCursor(pane.body.textCursor().MoveOperation.End)
    _paste(qtbot, pane, text="\n🔹🌍🙂\nبعد")
    pane.save()
    assert newsroom.articles.get(article_id).body_html == "<p>قبل</p><p>🔹🌍🙂</p><p>بعد</p>"


def test_a_20000_word_paragraph_is_split_at_sentence_ends_and_nothing_is_lost(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    open_story(pane, newsroom, body_html="")
    sentence = "وقعت الولايات المتحدة واليابان اتفاقية لتأمين المعادن النادرة اليوم في طوكيو. "
    huge = (sentence * 1900).strip()
    assert word_count(huge) > 20_000
    _paste(qtbot, pane, text=huge)
    document = pane.body.document()
    sizes = []
    block = document.begin()
    while block.isValid():
        sizes.append(word_count(block.text()))
        block = block.next()
    assert len(sizes) > 40 and max(sizes) <= LONG_PARAGRAPH_WORDS
    assert sum(sizes) == word_count(huge)
    assert "split" in pane.save_state.text() or pane.save_state.text()
    # Typing in the middle goes on as usual; one undo removes the whole paste.
    pane.body.moveCursor(pane.body.textCursor().MoveOperation.Start)
    type_text(pane.body, "بداية ")
    assert pane.body.toPlainText().startswith("بداية وقعت")
    qtbot.keyClick(pane.body, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(pane.body, Qt.Key.Key_Z, CTRL)
    assert pane.body.toPlainText() == ""


@pytest.mark.slow
def test_a_5_mb_paste_is_kept_whole(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    open_story(pane, newsroom, body_html="")
    line = "سطر طويل من نص ملصوق بلا نهاية، فيه أرقام 2025 وكلمات English أيضا.\n"
    text = line * (5_000_000 // len(line.encode("utf-8")) + 1)
    html = "<p>" + text.replace("\n", "</p><p>") + "</p>"
    assert len(html.encode("utf-8")) > 5_000_000
    _paste(qtbot, pane, html=html, text=text)
    assert word_count(pane.body.toPlainText()) == word_count(text)
    assert pane.body.document().refused == []


def test_pasting_a_whole_article_page_offers_to_fill_the_fields(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    open_story(pane, newsroom, headline="", body_html="", dateline=pane.dateline().__class__(""))
    _paste(qtbot, pane, text=SEED_PAGE.read_text("utf-8"))
    assert pane.notice.isVisible()
    (fill,) = pane.notice.buttons()
    qtbot.waitUntil(lambda: not fill.rect().isEmpty())
    qtbot.mouseClick(fill, Qt.MouseButton.LeftButton)
    assert pane.headline.text().startswith("واشنطن وطوكيو توقعان")
    assert pane.dateline_preview.text() == "طوكيو – 28 أكتوبر 2025 (فرانس24/أوراس)"
    assert pane.section.current_name() == "دولي"
    body = pane.draft().body_html
    assert body.count("<h2>") == 3 and "اترك تعليق" not in body
    assert not pane.notice.isVisible()
    # One undo returns to the pasted text, fields empty again.
    qtbot.keyClick(pane.body, Qt.Key.Key_Z, CTRL)
    assert pane.headline.text() == "" and "اترك تعليق" in pane.body.toPlainText()


def test_ordinary_text_is_not_offered_as_a_page(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    open_story(pane, newsroom, body_html="")
    _paste(qtbot, pane, text="فقرة.\nفقرة ثانية.\nثالثة.\nرابعة.")
    assert not pane.notice.isVisible()


def test_copying_out_and_pasting_back_keeps_the_structure() -> None:
    document = BodyDocument()
    document.setHtml("<h2>عنوان</h2><p dir='ltr'>Text <b>bold</b></p>")
    assert dump_body(document) == '<h2>عنوان</h2><p dir="ltr">Text <strong>bold</strong></p>'
