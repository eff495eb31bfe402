"""The taxonomy dialogs driven with the keyboard: names, slugs, where stories go, what stays."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from editor.services.sections import SectionNode
from tests.ui.keys import type_text
from ui.taxonomy.dialogs import (
    DeleteSectionDialog,
    MergeTagsDialog,
    NameAnswer,
    NameDialog,
    section_choices,
)


def _node(sid: int, name: str, parent: int | None = None) -> SectionNode:
    return SectionNode(sid, name, name, parent, 0, 0)


def test_the_slug_follows_the_name_until_typed_by_hand(qtbot: QtBot) -> None:
    dialog = NameDialog(None, "قسم جديد")
    qtbot.addWidget(dialog)
    type_text(dialog.name, "الشرق الأوسط")
    assert dialog.slug.text() == "الشرق-الأوسط"
    assert dialog.wordpress.text().startswith("%d8%a7%d9%84")
    assert dialog.answer() == NameAnswer("الشرق الأوسط", None, None)
    dialog.slug.setFocus()
    dialog.slug.selectAll()
    qtbot.keyClicks(dialog.slug, "middle-east")
    type_text(dialog.name, " الكبير")
    assert dialog.slug.text() == "middle-east"  # typed by hand: stays
    assert dialog.answer().slug == "middle-east"
    # Cleared: it follows the name again.
    dialog.slug.selectAll()
    qtbot.keyClick(dialog.slug, Qt.Key.Key_Backspace)
    assert dialog.slug.text() == "الشرق-الأوسط-الكبير"
    assert dialog.answer().slug is None


def test_renaming_a_hand_made_slug_keeps_or_releases_it(qtbot: QtBot) -> None:
    dialog = NameDialog(None, "تعديل", name="رياضة", slug="sports", slug_manual=True)
    qtbot.addWidget(dialog)
    type_text(dialog.name, " وشباب")
    assert dialog.slug.text() == "sports"
    assert dialog.answer().slug is None  # unchanged: the core keeps it
    dialog.slug.selectAll()
    qtbot.keyClick(dialog.slug, Qt.Key.Key_Delete)
    assert dialog.answer().slug == ""  # follow the name again


def test_the_parent_box_lists_sections_in_tree_order(qtbot: QtBot) -> None:
    nodes = [_node(1, "دولي"), _node(2, "آسيا", 1), _node(3, "اقتصاد")]
    choices = section_choices(nodes, skip={1})
    assert [sid for sid, _ in choices] == [2, 3]
    assert choices[0][1].startswith("    ")  # indented under its parent
    dialog = NameDialog(None, "قسم جديد", parents=section_choices(nodes), parent_id=3)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.parent_box is not None and dialog.parent_box.currentData() == 3
    dialog.parent_box.setFocus()
    qtbot.keyClick(dialog.parent_box, Qt.Key.Key_Home)
    type_text(dialog.name, "منوعات")
    assert dialog.answer() == NameAnswer("منوعات", None, None)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_deleting_a_section_with_stories_asks_where_they_go(qtbot: QtBot) -> None:
    node = _node(2, "أسواق", 1)
    dialog = DeleteSectionDialog(None, node, 7, [(1, "اقتصاد"), (3, "محلي")])
    qtbot.addWidget(dialog)
    assert QLocale().toString(7) in dialog.message.text()
    assert not dialog.target.isHidden()
    dialog.target.setFocus()
    qtbot.keyClick(dialog.target, Qt.Key.Key_End)
    assert dialog.move_to() == 3
    empty = DeleteSectionDialog(None, node, 0, [(1, "اقتصاد")])
    qtbot.addWidget(empty)
    assert empty.target.isHidden() and empty.move_to() is None


def test_merge_dialog_proposes_the_most_used_tag(qtbot: QtBot) -> None:
    dialog = MergeTagsDialog(None, [(5, "الطاقه المتجدده", 1), (4, "الطاقة المتجددة", 9)])
    qtbot.addWidget(dialog)
    assert dialog.target.currentData() == 4
    dialog.target.setFocus()
    qtbot.keyClick(dialog.target, Qt.Key.Key_End)
    assert dialog.target.currentData() == 5
