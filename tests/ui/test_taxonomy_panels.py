"""The section and tag panels driven by keys, clicks and drops, on a real seeded database."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from editor.models import Role, User, article_tags
from editor.services.articles import ArticleDraft, ArticleFilter
from editor.storage import Newsroom
from tests.ui.keys import type_text
from ui.articles.model import ARTICLE_IDS_MIME
from ui.mainwindow import MainWindow
from ui.taxonomy import dialogs
from ui.taxonomy.dialogs import NameAnswer
from ui.taxonomy.section_model import ID_ROLE, NAME_ROLE, SECTION_IDS_MIME, encode_ids

# The interface on both backends: what a desk on a shared server sees.
pytestmark = pytest.mark.both_backends

CTRL = Qt.KeyboardModifier.ControlModifier


def _tree(window: MainWindow) -> list[tuple[str, str | None]]:
    nodes = window.newsroom.sections.tree()
    names = {n.id: n.name for n in nodes}
    return [(n.name, names.get(n.parent_id) if n.parent_id else None) for n in nodes]


def _links(newsroom: Newsroom) -> list[tuple[int, int]]:
    with newsroom.read() as session:
        rows = session.execute(select(article_tags.c.article_id, article_tags.c.tag_id))
        return sorted((int(a), int(t)) for a, t in rows)


def _focus_section(qtbot: QtBot, window: MainWindow, name: str) -> None:
    section_id = window.newsroom.sections.find(name)
    assert section_id is not None
    view = window.sections.view
    view.setFocus()
    assert window.sections.select(section_id)
    assert window.sections.current_id() == section_id


def _answer(monkeypatch: pytest.MonkeyPatch, cls: type, value: object) -> list[dict[str, object]]:
    """Replace one dialog's ``ask`` seam; return what the panel passed to it."""
    calls: list[dict[str, object]] = []

    def ask(*args: object, **kwargs: object) -> object:
        calls.append({"args": args, **kwargs})
        return value

    monkeypatch.setattr(cls, "ask", ask)
    return calls


def test_reorder_and_nest_a_section_by_keyboard_then_undo(qtbot: QtBot, window: MainWindow) -> None:
    before = _tree(window)
    _focus_section(qtbot, window, "محلي")
    view = window.sections.view
    qtbot.keyClick(view, Qt.Key.Key_Up, CTRL)
    top = [n for n, parent in _tree(window) if parent is None]
    assert top[:2] == ["محلي", "دولي"]
    assert window.sections.current_id() == window.newsroom.sections.find("محلي")
    # Ctrl+Left in right-to-left nests it under the section above it.
    _focus_section(qtbot, window, "رأي")
    qtbot.keyClick(view, Qt.Key.Key_Left, CTRL)
    assert ("رأي", "تكنولوجيا") in _tree(window)
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL)
    assert ("رأي", None) in _tree(window)
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert _tree(window) == before
    assert window.errors == []  # type: ignore[attr-defined]


def test_dragging_a_section_into_its_own_subsection_is_refused_with_a_message(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = _tree(window)
    model = window.sections.model
    world = model.index_of(window.newsroom.sections.find("دولي") or 0)
    asia = model.index_of(window.newsroom.sections.find("آسيا") or 0)
    data = encode_ids(SECTION_IDS_MIME, [world.data(ID_ROLE)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, asia)
    qtbot.waitUntil(lambda: bool(window.errors))  # type: ignore[attr-defined]
    assert _tree(window) == before
    assert "subsection" in window.errors[0]  # type: ignore[attr-defined]
    assert window.undo_stack.count() == 0


def test_dragging_a_section_onto_another_moves_it(qtbot: QtBot, window: MainWindow) -> None:
    model = window.sections.model
    books = model.index_of(window.newsroom.sections.find("كتب") or 0)
    opinion = model.index_of(window.newsroom.sections.find("رأي") or 0)
    model.dropMimeData(model.mimeData([books]), Qt.DropAction.MoveAction, -1, -1, opinion)
    qtbot.waitUntil(lambda: ("كتب", "رأي") in _tree(window))
    assert window.undo_action.isEnabled()


def test_dropping_stories_on_a_section_and_a_tag_files_and_tags_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    newsroom = window.newsroom
    table = window.article_list.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    indexes = table.selectionModel().selectedIndexes()
    assert {i.row() for i in indexes} == {0, 1}
    data = window.article_list.model.mimeData(indexes)
    stories = [window.article_list.model.id_at(0), window.article_list.model.id_at(1)]
    sport = newsroom.sections.find("رياضة")
    target = window.sections.model.index_of(sport or 0)
    window.sections.model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, target)
    qtbot.waitUntil(lambda: all(newsroom.articles.get(s).section == "رياضة" for s in stories))  # type: ignore[arg-type]

    tag_row = window.tags.model.row_of(newsroom.tags.resolve("السياحة"))
    assert tag_row is not None
    tag_index = window.tags.proxy.mapFromSource(window.tags.model.index(tag_row, 0))
    assert window.tags.proxy.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, tag_index)
    window.tags.proxy.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, tag_index)
    qtbot.waitUntil(
        lambda: all("السياحة" in newsroom.articles.get(s).tags for s in stories)  # type: ignore[arg-type]
    )
    assert window.undo_stack.count() == 2
    window.undo_action.trigger()
    assert not any("السياحة" in newsroom.articles.get(s).tags for s in stories)  # type: ignore[arg-type]


def test_create_rename_and_delete_a_section_with_its_dialogs(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    newsroom = window.newsroom
    _focus_section(qtbot, window, "اقتصاد")
    _answer(monkeypatch, dialogs.NameDialog, NameAnswer("ريادة الأعمال", None, None))
    qtbot.keyClick(window.sections.view, Qt.Key.Key_Insert)
    created = newsroom.sections.find("ريادة الأعمال")
    assert created is not None and window.sections.current_id() == created

    calls = _answer(monkeypatch, dialogs.NameDialog, NameAnswer("رواد الأعمال", None, None))
    qtbot.keyClick(window.sections.view, Qt.Key.Key_F2)
    assert calls[0]["name"] == "ريادة الأعمال"
    node = next(n for n in newsroom.sections.tree() if n.id == created)
    assert (node.name, node.slug) == ("رواد الأعمال", "رواد-الأعمال")

    # Delete a section with stories: the dialog is told how many, they move.
    _focus_section(qtbot, window, "أسواق")
    markets = newsroom.sections.find("أسواق")
    local = newsroom.sections.find("محلي")
    filed = newsroom.articles.list_ids(ArticleFilter(section_id=markets, include_trash=True))
    calls = _answer(monkeypatch, dialogs.DeleteSectionDialog, (True, local))
    qtbot.keyClick(window.sections.view, Qt.Key.Key_Delete)
    assert calls[0]["args"][2] == len(filed) > 0
    assert newsroom.sections.find("أسواق") is None
    assert all(newsroom.articles.get(a).section == "محلي" for a in filed)
    window.undo_action.trigger()
    assert all(newsroom.articles.get(a).section == "أسواق" for a in filed)


def test_bad_names_get_a_message_and_nothing_changes(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _tree(window)
    _focus_section(qtbot, window, "اقتصاد")
    for name in ("", "دُوَلي", "ق" * 1000):
        _answer(monkeypatch, dialogs.NameDialog, NameAnswer(name, None, None))
        qtbot.keyClick(window.sections.view, Qt.Key.Key_Insert)
    assert len(window.errors) == 3  # type: ignore[attr-defined]
    assert "دولي" in window.errors[1]  # type: ignore[attr-defined]
    assert _tree(window) == before
    assert window.undo_stack.count() == 0


def _select_tags(qtbot: QtBot, window: MainWindow, *names: str) -> None:
    panel = window.tags
    panel.view.setFocus()
    ids = [window.newsroom.tags.resolve(n) for n in names]
    panel.select(ids)
    assert [t.id for t in panel.selected_tags()] == sorted(
        ids, key=lambda i: panel.model.row_of(i) or 0
    )


def test_merge_tags_from_the_keyboard_then_undo_restores_exact_links(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    newsroom = window.newsroom
    before = _links(newsroom)
    type_text(window.tags.search, "الطاقه")
    assert window.tags.proxy.rowCount() == 2
    window.tags.view.setFocus()
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Home)
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(window.tags.selected_tags()) == 2
    keep = newsroom.tags.resolve("الطاقة المتجددة")
    calls = _answer(monkeypatch, dialogs.MergeTagsDialog, keep)
    qtbot.keyClick(window.tags.view, Qt.Key.Key_M, CTRL)
    assert len(calls[0]["args"][1]) == 2  # type: ignore[arg-type]
    assert {t.name for t in newsroom.tags.list()} >= {"الطاقة المتجددة"}
    assert "الطاقه المتجدده" not in {t.name for t in newsroom.tags.list()}
    merged = _links(newsroom)
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Z, CTRL)
    assert _links(newsroom) == before
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert _links(newsroom) == merged
    assert window.errors == []  # type: ignore[attr-defined]


def test_delete_tags_says_how_many_stories_first(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    newsroom = window.newsroom
    _select_tags(qtbot, window, "الصين", "اليابان")
    expected = newsroom.tags.usage([newsroom.tags.resolve(n) for n in ("الصين", "اليابان")])
    asked: list[tuple[list[str], int]] = []
    answers = iter([False, True])

    def confirm(parent: object, names: list[str], stories: int) -> bool:
        asked.append((list(names), stories))
        return next(answers)

    monkeypatch.setattr("ui.taxonomy.tag_panel.confirm_delete_tags", confirm)
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Delete)
    assert "الصين" in {t.name for t in newsroom.tags.list()}  # said no
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Delete)
    assert asked[0][1] == expected > 0
    assert not {"الصين", "اليابان"} & {t.name for t in newsroom.tags.list()}


def test_filter_by_several_tags_all_or_any_is_visible_and_clearable(
    qtbot: QtBot, window: MainWindow
) -> None:
    newsroom = window.newsroom
    made = [
        window.ops.change(lambda t=tags: newsroom.articles.create(ArticleDraft("خبر", tags=t)))
        for tags in (("الصين", "اليابان"), ("الصين",))
    ]
    a, b = (m.new_id for m in made if m is not None)
    total = window.article_list.model.rowCount()
    _select_tags(qtbot, window, "الصين", "اليابان")
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Return)
    shown = set(window.article_list.model.ids())
    assert a in shown and b not in shown
    label = window.article_list.filter_label.text()
    assert "الصين" in label and "اليابان" in label
    window.tags.match.setCurrentIndex(1)  # any
    shown = set(window.article_list.model.ids())
    assert {a, b} <= shown
    # A section narrows it further, and both show in the label.
    section_id = newsroom.sections.find("دولي")
    window.sections._request(window.sections.model.index_of(section_id or 0))
    assert "دولي" in window.article_list.filter_label.text()
    assert "الصين" in window.article_list.filter_label.text()
    qtbot.mouseClick(window.article_list.clear_button, Qt.MouseButton.LeftButton)
    assert window.article_list.model.rowCount() == total
    assert window.tags.selected_tags() == []


def test_a_deleted_tag_leaves_the_filter(qtbot: QtBot, window: MainWindow) -> None:
    _select_tags(qtbot, window, "الصين")
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Return)
    assert "الصين" in window.article_list.filter_label.text()
    window.tags.editor.run(
        lambda: window.newsroom.tags.delete([window.newsroom.tags.resolve("الصين")])
    )
    assert "الصين" not in window.article_list.filter_label.text()


def test_near_duplicate_finder_merges_one_group_at_a_time(qtbot: QtBot, window: MainWindow) -> None:
    newsroom = window.newsroom
    seen: list[str] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "duplicatesDialog"
        seen.append(dialog.position.text())  # type: ignore[attr-defined]
        first = dialog.group.members[0].name  # type: ignore[attr-defined]
        seen.append(first)
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        seen.append(dialog.position.text())  # type: ignore[attr-defined]
        qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        assert dialog.group is None  # type: ignore[attr-defined]
        dialog.accept()

    groups = newsroom.taxonomy.tag_duplicates()
    assert len(groups) == 2
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, drive)
    window.tags.duplicates_action.trigger()
    assert len(seen) == 3
    assert len(newsroom.taxonomy.tag_duplicates()) == 1  # one merged, one skipped
    assert window.undo_stack.count() == 1
    assert window.errors == []  # type: ignore[attr-defined]


def _as_journalist(window: MainWindow) -> None:
    with window.newsroom.write() as session:
        session.add(User(login="reporter", role=Role.JOURNALIST))
    window.newsroom.act_as("reporter")
    window.sections.reload()
    window.tags.reload()


def test_a_journalist_sees_the_panels_but_cannot_change_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    _as_journalist(window)
    before = _tree(window)
    _focus_section(qtbot, window, "محلي")
    for key, mod in ((Qt.Key.Key_Up, CTRL), (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)):
        qtbot.keyClick(window.sections.view, key, mod)
    assert _tree(window) == before
    assert not window.sections.new_action.isEnabled()
    assert not window.tags.merge_action.isEnabled()
    first = window.sections.model.index(0, 0)
    assert not window.sections.model.flags(first) & Qt.ItemFlag.ItemIsDragEnabled
    # Clicking still filters.
    _select_tags(qtbot, window, "الصين")
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Return)
    assert "الصين" in window.article_list.filter_label.text()


def test_every_taxonomy_step_is_named_in_the_edit_menu(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps: list[Callable[[], object]] = [
        lambda: window.newsroom.tags.create("المريخ"),
        lambda: window.newsroom.sections.create("منوعات"),
    ]
    for step in steps:
        window.tags.editor.run(step)  # type: ignore[arg-type]
    assert window.undo_stack.count() == 2
    assert window.undo_action.text() != window.redo_action.text()
    assert window.undo_action.text().strip()
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.newsroom.sections.find("منوعات") is None
    assert window.newsroom.tags.find("المريخ") is None
    window.redo_action.trigger()
    assert window.newsroom.tags.find("المريخ") is not None


def test_the_section_tooltip_counts_per_status(window: MainWindow) -> None:
    model = window.sections.model
    index = model.index_of(window.newsroom.sections.find("دولي") or 0)
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(NAME_ROLE) == "دولي"
    # دولي has a published story of its own, its subsections one more and one trashed.
    assert "Published: 2" in tip and "Trash: 1" in tip and "alone: 1" in tip
    assert ARTICLE_IDS_MIME in model.mimeTypes()


def test_collapsed_sections_stay_collapsed_after_the_tree_changes(
    qtbot: QtBot, window: MainWindow
) -> None:
    view, model, find = window.sections.view, window.sections.model, window.newsroom.sections.find
    view.collapse(model.index_of(find("دولي") or 0))
    window.sections.editor.run(lambda: window.newsroom.sections.create("منوعات"))
    assert not view.isExpanded(model.index_of(find("دولي") or 0))
    assert view.isExpanded(model.index_of(find("اقتصاد") or 0))


def test_every_panel_action_is_in_the_context_menu(window: MainWindow) -> None:
    for panel in (window.sections, window.tags):
        actions = panel.view.actions()
        assert len(actions) >= 5
        assert all(a.text() for a in actions)
        keyed = [a for a in actions if not a.shortcut().isEmpty()]
        assert len(keyed) >= len(actions) - 1  # only the near-duplicate finder has no key


def _drop_on(view: object, index: QModelIndex, data: object, action: Qt.DropAction) -> None:
    """Release a drag over the middle of a row, as the mouse would."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    rect = view.visualRect(index)  # type: ignore[attr-defined]
    event = QDropEvent(
        QPointF(rect.center()),
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        data,  # type: ignore[arg-type]
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event.setDropAction(action)
    # QApplication only delivers drops that its drag manager started: hand the
    # event to the view's handler, which then works out where it landed.
    view.dropEvent(event)  # type: ignore[attr-defined]


def test_drops_released_over_the_views(qtbot: QtBot, window: MainWindow) -> None:
    newsroom = window.newsroom
    story = window.article_list.model.id_at(0)
    assert story is not None
    data = window.article_list.model.mimeData([window.article_list.model.index(0, 0)])
    sport = window.sections.model.index_of(newsroom.sections.find("رياضة") or 0)
    _drop_on(window.sections.view, sport, data, Qt.DropAction.CopyAction)
    qtbot.waitUntil(lambda: newsroom.articles.get(story).section == "رياضة")

    row = window.tags.model.row_of(newsroom.tags.resolve("التجارة"))
    tag = window.tags.proxy.mapFromSource(window.tags.model.index(row or 0, 0))
    _drop_on(window.tags.view, tag, data, Qt.DropAction.CopyAction)
    qtbot.waitUntil(lambda: "التجارة" in newsroom.articles.get(story).tags)

    before = _tree(window)
    world = window.sections.model.index_of(newsroom.sections.find("دولي") or 0)
    asia = window.sections.model.index_of(newsroom.sections.find("آسيا") or 0)
    moving = window.sections.model.mimeData([world])
    _drop_on(window.sections.view, asia, moving, Qt.DropAction.MoveAction)
    qtbot.waitUntil(lambda: bool(window.errors))  # type: ignore[attr-defined]
    assert _tree(window) == before


def test_a_big_change_brings_search_in_step_in_the_background(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor.search import reindex_articles
    from editor.services import taxonomy_delta

    newsroom = window.newsroom
    monkeypatch.setattr(taxonomy_delta, "SEARCH_INLINE", 0)
    china = newsroom.tags.resolve("الصين")
    carrying = newsroom.articles.list_ids(ArticleFilter(tag_ids=(china,), include_trash=True))
    assert carrying
    _select_tags(qtbot, window, "الصين")
    _answer(monkeypatch, dialogs.NameDialog, NameAnswer("جمهورية الصين الشعبية", None, None))
    qtbot.keyClick(window.tags.view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: not window.ops._jobs, timeout=10_000)
    assert window.errors == []  # type: ignore[attr-defined]
    with newsroom.write() as session:
        assert reindex_articles(session, carrying) == 0  # already in step
