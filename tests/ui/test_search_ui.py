"""Searching from the window: type, move with the keys, open, see the matches marked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from editor.search.base import SearchKind
from editor.search.highlight import Matcher
from editor.search.service import SearchFilter
from tests.ui.keys import type_text
from ui.mainwindow import MainWindow
from ui.search.pane import SearchPane
from ui.search.results import HIT_ROLE, SearchResultsModel

# The interface on both backends: what a desk on a shared server sees.
pytestmark = pytest.mark.both_backends


def wait_for_results(qtbot, pane: SearchPane, query: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: (
            pane.active
            and pane.model.rowCount() > 0
            and pane._shown is not None
            and pane._shown.text == query
        ),
        timeout=10_000,
    )


def test_typing_shows_hits_in_place_of_the_list(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = window.article_search
    QTest.keySequence(window, "Ctrl+Shift+F")
    assert pane.field.hasFocus()
    type_text(pane.field, "طوكيو")
    assert not pane.active  # nothing yet: the search waits for a pause in typing
    wait_for_results(qtbot, pane, "طوكيو")
    assert window.article_list.isHidden() and not pane.results.isHidden()
    titles = [pane.model.hit(r).title for r in range(pane.model.rowCount())]  # type: ignore[union-attr]
    assert any("طوكيو" in t for t in titles)
    assert "2" in pane.status.text() or "٢" in pane.status.text()
    QTest.keyClick(pane.field, Qt.Key.Key_Escape)
    assert not pane.active and not window.article_list.isHidden()
    assert pane.field.text() == ""


def test_keys_open_a_hit_with_its_matches_marked(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = window.article_search
    pane.field.setFocus()
    type_text(pane.field, "المعادن النادرة")
    wait_for_results(qtbot, pane, "المعادن النادرة")
    QTest.keyClick(pane.field, Qt.Key.Key_Down)
    QTest.keyClick(pane.field, Qt.Key.Key_Down)
    second = pane.model.hit(1)
    assert pane.results.currentIndex().row() == 1 and second is not None
    QTest.keyClick(pane.field, Qt.Key.Key_Return)
    assert window.editor.article is not None and window.editor.article.id == second.id
    marked = {s.cursor.selectedText() for s in window.search_marks.marks()}
    assert "المعادن" in marked and "النادرة" in marked
    assert all("معادن" in m or "نادر" in m for m in marked), marked
    assert pane.active  # the results stay, to open the next one
    QTest.keyClick(pane.field, Qt.Key.Key_Escape)
    assert window.search_marks.marks() == []


def test_enter_before_the_pause_opens_the_best_hit(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = window.article_search
    pane.field.setFocus()
    type_text(pane.field, "الطاقة الشمسية")
    QTest.keyClick(pane.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor.article is not None, timeout=10_000)
    best = pane.model.hit(0)
    assert best is not None and window.editor.article.id == best.id  # type: ignore[union-attr]
    assert "الشمسية" in window.editor.article.headline  # type: ignore[union-attr]


def test_a_comment_hit_opens_in_its_queue(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    QTest.keySequence(window, "Ctrl+2")
    QTest.keySequence(window, "Ctrl+Shift+F")
    pane = window.comment_search
    assert pane.field.hasFocus()
    type_text(pane.field, "الفياجرا")
    wait_for_results(qtbot, pane, "الفياجرا")
    hit = pane.model.hit(0)
    assert hit is not None and hit.kind is SearchKind.COMMENT and hit.status == "spam"
    QTest.keyClick(pane.field, Qt.Key.Key_Return)
    assert not pane.active and not window.moderation.isHidden()
    assert window.moderation.current is not None and window.moderation.current.id == hit.id


def test_a_save_runs_the_search_on_screen_again(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = window.article_search
    pane.field.setFocus()
    type_text(pane.field, "نادرة")
    wait_for_results(qtbot, pane, "نادرة")
    before = pane.model.rowCount()
    article_id = window.newsroom.articles.list_ids()[-1]
    view = window.newsroom.articles.get(article_id)
    draft = view.draft()
    changes = window.newsroom.articles.save(
        article_id,
        type(draft)(**{**draft.__dict__, "body_html": draft.body_html + "<p>معادن نادرة</p>"}),
        base_version=view.version,
    )
    window.bus.announce(changes, None)
    qtbot.waitUntil(lambda: pane.model.rowCount() == before + 1, timeout=10_000)


def test_the_tools_menu_rebuilds_the_index(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    tools = next(m for name, m in menus.items() if name in ("Tools", "أدوات"))
    assert window.search_actions.rebuild_action in tools.actions()  # type: ignore[union-attr]
    messages: list[str] = []
    window.search_actions.message.connect(messages.append)
    window.search_actions.rebuild_action.trigger()
    job = window.search_actions.job
    assert job is not None
    qtbot.waitUntil(lambda: job.done and bool(messages), timeout=60_000)
    assert window.errors == []  # type: ignore[attr-defined]
    assert not window.newsroom.search.needs_rebuild()
    assert window.newsroom.search.search("طوكيو").hits


def test_the_results_model_passes_the_model_tester(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    results = window.newsroom.search.search("الصين", SearchFilter())
    model = SearchResultsModel()
    model.set_hits(results.hits, results.total, results.matcher)
    qtmodeltester.check(model)
    hit = model.index(0, 0).data(HIT_ROLE)
    assert hit is results.hits[0]
    asked: list[int] = []
    model.more_wanted.connect(asked.append)
    model.set_hits(results.hits[:1], 5, Matcher(()))
    model.fetchMore()  # (the tester, still watching, may have asked already)
    assert asked == [1] and not model.canFetchMore()  # asked once, until the page comes
    model.append(results.hits[1:3])
    # The next page is wanted again (by us, or by the tester watching the insert).
    assert model.rowCount() == 3 and (model.canFetchMore() or asked == [1, 3])
    qtmodeltester.check(model)


def test_the_hit_list_paints_right_to_left(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = window.article_search
    pane.field.setFocus()
    type_text(pane.field, "الصين")
    wait_for_results(qtbot, pane, "الصين")
    image = pane.results.viewport().grab().toImage()
    assert not image.isNull() and image.width() > 100
    assert pane.results.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_marks_land_on_the_word_after_an_emoji(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    # "🔹 اتفاق استراتيجي ضد الهيمنة": the emoji is two UTF-16 units, one code point.
    pane = window.article_search
    pane.field.setFocus()
    type_text(pane.field, "الهيمنة")
    wait_for_results(qtbot, pane, "الهيمنة")
    QTest.keyClick(pane.field, Qt.Key.Key_Return)
    marked = [s.cursor.selectedText() for s in window.search_marks.marks()]
    assert marked and set(marked) == {"الهيمنة"}
