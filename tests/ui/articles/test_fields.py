"""The fields: headline guidance, section from the tree, tags, dateline, checks, counts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from editor.dateline import Dateline
from editor.models import ArticleStatus
from editor.storage import Newsroom
from tests.ui.articles.conftest import open_story
from tests.ui.keys import type_text
from ui.articles.editor_pane import ArticleEditorPane

CTRL = Qt.KeyboardModifier.ControlModifier


def test_headline_guidance_follows_the_length(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    open_story(pane, newsroom, headline="")
    guidance = pane.fields.headline_guidance
    assert guidance.property("length") == "empty"
    pane.headline.setFocus()
    type_text(pane.headline, "قصير")
    assert guidance.property("length") == "short"
    type_text(pane.headline, " جدا لكنه الآن صار عنوانا معقولا")
    assert guidance.property("length") == "good"
    type_text(pane.headline, " ويستمر طويلا" * 8)
    assert guidance.property("length") == "long" and guidance.text()


def test_section_is_picked_from_the_tree_with_a_letter_form_filter(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    article_id = open_story(pane, newsroom)
    nodes = newsroom.sections.tree()
    child = next(n for n in nodes if n.parent_id is not None)
    parent = next(n for n in nodes if n.id == child.parent_id)
    pane.section.setFocus()
    qtbot.keyClick(pane.section, Qt.Key.Key_Space)
    popup = pane.section.popup
    assert popup.isVisible() and popup.tree.model().rowCount() > 1
    type_text(popup.filter, child.name.replace("ة", "ه"))  # typed with ha for ta marbuta
    qtbot.keyClick(popup.filter, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert pane.section.section_id() == child.id
    assert pane.section.text() == f"{parent.name} › {child.name}"
    pane.save()
    assert newsroom.articles.get(article_id).section_id == child.id


def test_tags_complete_over_normalised_names_and_new_ones_are_created_on_save(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    article_id = open_story(pane, newsroom)
    existing = next(t for t in newsroom.tags.list() if "ة" in t.name)
    pane.tags.setFocus()
    typed = existing.name.replace("ة", "ه")[:-1] or existing.name
    type_text(pane.tags, typed)
    popup = pane.tags.completer_.popup()
    assert popup.isVisible()
    offered = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert existing.name in offered
    pane.tags.completer_.activated.emit(existing.name)
    assert pane.tags.tags() == (existing.name,)
    type_text(pane.tags, "وسم جديد تماما")
    assert "وسم جديد تماما" in pane.fields.new_tags.text()
    pane.save()
    saved = newsroom.articles.get(article_id).tags
    assert set(saved) == {existing.name, "وسم جديد تماما"}
    assert newsroom.tags.find("وسم جديد تماما") is not None


def test_dateline_place_completes_from_earlier_datelines_and_previews_live(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    article_id = open_story(pane, newsroom, dateline=Dateline(""))
    editor = pane.dateline_editor
    editor.place.setFocus()
    type_text(editor.place, "طو")
    popup = editor.place.completer_.popup()
    assert popup.isVisible()
    assert popup.model().index(0, 0).data() == "طوكيو"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.place.text() == "طوكيو"
    qtbot.mouseClick(editor.has_date, Qt.MouseButton.LeftButton)
    editor.date.setDate(QDate(2025, 10, 28))
    editor.sources.entry.setFocus()
    type_text(editor.sources.entry, "فرانس24/")  # the slash adds a chip
    type_text(editor.sources.entry, "أوراس\n")
    assert editor.sources.sources() == ("فرانس24", "أوراس")
    assert pane.dateline_preview.text() == "طوكيو – 28 أكتوبر 2025 (فرانس24/أوراس)"
    pane.save()
    assert newsroom.articles.get(article_id).dateline == Dateline(
        "طوكيو", dt.date(2025, 10, 28), ("فرانس24", "أوراس")
    )
    # A chip's close button removes that source.
    chips = [c for c in editor.sources.findChildren(QToolButton) if c.objectName() == "sourceChip"]
    assert [c.text() for c in chips] == ["فرانس24", "أوراس"]
    qtbot.mouseClick(chips[0], Qt.MouseButton.LeftButton)
    assert pane.dateline_preview.text() == "طوكيو – 28 أكتوبر 2025 (أوراس)"


def test_the_preview_follows_the_newsroom_convention(
    pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    from editor.dateline import DatelineStyle, DigitStyle, MonthStyle

    newsroom.settings.set_dateline_style(
        DatelineStyle(MonthStyle.LEVANTINE, DigitStyle.EASTERN, hijri=True)
    )
    open_story(pane, newsroom, dateline=Dateline("بيروت", dt.date(2025, 10, 28), ("وكالات",)))
    assert pane.dateline_preview.text() == (
        "بيروت – ٢٨ تشرين الأول ٢٠٢٥ / ٦ جمادى الأولى ١٤٤٧ هـ (وكالات)"
    )


def test_checks_before_submitting_are_shown_at_each_field(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    article_id = open_story(pane, newsroom, headline="", body_html="", dateline=Dateline(""))
    qtbot.mouseClick(pane.submit_button, Qt.MouseButton.LeftButton)
    problems = pane.fields.problems
    for name in ("headline", "section", "dateline_place"):
        assert problems[name].isVisibleTo(pane) and problems[name].text(), name
    assert pane.body_problem.isVisibleTo(pane)
    assert pane.headline.hasFocus()  # the first problem
    assert newsroom.articles.get(article_id).status is ArticleStatus.DRAFT
    assert pane.errors == []  # type: ignore[attr-defined]
    type_text(pane.headline, "عنوان الخبر الذي كتب للتو في المكتب")
    assert not problems["headline"].isVisibleTo(pane)


def test_a_complete_story_is_submitted_with_a_submit_revision(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    section = newsroom.sections.tree()[0].id
    article_id = open_story(pane, newsroom, section_id=section)
    pane.byline.setFocus()
    type_text(pane.byline, "مراسلنا في طوكيو")
    qtbot.mouseClick(pane.submit_button, Qt.MouseButton.LeftButton)
    assert pane.errors == []  # type: ignore[attr-defined]
    story = newsroom.articles.get(article_id)
    assert story.status is ArticleStatus.SUBMITTED and story.byline == "مراسلنا في طوكيو"
    assert newsroom.articles.revisions(article_id)[0].reason == "submit"
    assert not pane.submit_button.isEnabled() and not pane.dirty


def test_counts_follow_typing(qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom) -> None:
    open_story(pane, newsroom, body_html="<p>كلمة واحدة</p>")
    assert pane.counter.words == 2
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_End, CTRL)
    type_text(pane.body, " وثالثة ورابعة")
    qtbot.waitUntil(lambda: pane.counter.words == 4, timeout=3000)
    assert pane.counts.text().startswith("4 ") or "٤" in pane.counts.text()
