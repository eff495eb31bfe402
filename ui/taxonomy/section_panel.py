"""The section tree: counts, filtering, and every change an editor makes to it.

Everything works from the keyboard: Insert adds, F2 edits (name, slug and
parent), Delete deletes, Ctrl+Up/Down reorder, Ctrl+Left/Right nest a section
under the one above it or bring it out one level (mirrored in right-to-left),
the menu key opens the same actions. A section dragged onto or between others
moves; stories dragged from the article list are filed in the section.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QToolBar, QTreeView, QVBoxLayout, QWidget

from editor.changes import Changes
from editor.permissions import Action, allowed
from editor.services.sections import SectionNode
from editor.storage import Newsroom
from ui.icons import icon
from ui.ops import Ops
from ui.taxonomy.dialogs import DeleteSectionDialog, NameDialog, section_choices
from ui.taxonomy.duplicates import DuplicatesDialog
from ui.taxonomy.section_model import ID_ROLE, NAME_ROLE, SectionTreeModel
from ui.taxonomy.undo import TaxonomyEditor


class SectionPanel(QWidget):
    filter_requested = Signal(int, str)  # section id, its name

    def __init__(
        self, newsroom: Newsroom, ops: Ops, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self._ops = ops
        self.editor = TaxonomyEditor(newsroom, ops, undo_stack)
        # Expanded sections by id, kept across a rebuilt tree; None until the first.
        self._expanded: set[int] | None = None
        self._current: int | None = None

        self.model = SectionTreeModel(self)
        self.model.move_requested.connect(self.move_section, Qt.ConnectionType.QueuedConnection)
        self.model.assign_requested.connect(self.assign, Qt.ConnectionType.QueuedConnection)
        self.view = QTreeView(self)
        self.view.setObjectName("sectionTree")
        self.view.setModel(self.model)
        # After setModel: the view forgets its expanded rows in its own reset slot.
        self.model.modelAboutToBeReset.connect(self._remember_view)
        self.model.modelReset.connect(self._restore_view)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.activated.connect(self._request)
        self.view.clicked.connect(self._request)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("sectionTools")
        self.toolbar.setIconSize(QSize(16, 16))
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self.reload()

    # -- building ----------------------------------------------------------

    def _action(
        self,
        name: str,
        text: str,
        keys: str | QKeySequence | QKeySequence.StandardKey,
        slot: object,
    ) -> QAction:
        action = QAction(icon(name), text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action("new", self.tr("New section…"), "Ins", self.create_section)
        self.edit_action = self._action("edit", self.tr("Edit section…"), "F2", self.edit)
        self.delete_action = self._action(
            "trash", self.tr("Delete section…"), QKeySequence.StandardKey.Delete, self.delete
        )
        self.up_action = self._action("previous", self.tr("Move up"), "Ctrl+Up", self.move_up)
        self.down_action = self._action("next", self.tr("Move down"), "Ctrl+Down", self.move_down)
        # Subsections sit further along the reading direction: left in Arabic.
        inward, outward = ("Ctrl+Left", "Ctrl+Right")
        if not self.isRightToLeft():
            inward, outward = outward, inward
        self.indent_action = self._action(
            "indent", self.tr("Make a subsection of the one above"), inward, self.indent
        )
        self.outdent_action = self._action(
            "outdent", self.tr("Move out one level"), outward, self.outdent
        )
        self.duplicates_action = self._action(
            "duplicates", self.tr("Find near-duplicate sections…"), "", self.find_duplicates
        )
        # The rest are in the context menu (menu key) and on their shortcuts.
        for action in (
            self.new_action,
            self.edit_action,
            self.delete_action,
            self.duplicates_action,
        ):
            self.toolbar.addAction(action)

    # -- reading -----------------------------------------------------------

    def reload(self) -> None:
        nodes = self._ops.query(self._newsroom.sections.tree)
        if nodes is not None:
            self.model.set_nodes(nodes)
        self._update_actions()

    def on_changes(self, changes: Changes, source: object) -> None:
        if changes.sections or changes.articles:
            self.reload()
        elif changes.users:  # someone else signed in: what they may change differs
            self._update_actions()

    def _remember_view(self) -> None:
        self._current = self.current_id()
        if self.model.rowCount():
            self._expanded = {
                node.id
                for node in self.model.nodes()
                if self.view.isExpanded(self.model.index_of(node.id))
            }

    def _restore_view(self) -> None:
        if self._expanded is None:
            # First time: the desks open, their pages closed (hundreds at newsroom scale).
            self.view.expandToDepth(0)
        else:
            for sid in self._expanded:
                index = self.model.index_of(sid)
                if index.isValid():
                    self.view.expand(index)
        if self._current is not None:
            self.select(self._current)

    @property
    def can_edit(self) -> bool:
        return allowed(self._newsroom.actor.role, Action.EDIT_TAXONOMY)

    def _update_actions(self) -> None:
        editable = self.can_edit
        self.model.editable = editable
        self.view.setDragDropMode(
            QAbstractItemView.DragDropMode.DragDrop
            if editable
            else QAbstractItemView.DragDropMode.NoDragDrop
        )
        selected = self.current_node() is not None
        self.new_action.setEnabled(editable)
        self.duplicates_action.setEnabled(editable)
        for action in (
            self.edit_action,
            self.delete_action,
            self.up_action,
            self.down_action,
            self.indent_action,
            self.outdent_action,
        ):
            action.setEnabled(editable and selected)

    def current_id(self) -> int | None:
        value = self.view.currentIndex().data(ID_ROLE)
        return int(value) if value is not None else None

    def current_node(self) -> SectionNode | None:
        sid = self.current_id()
        return self.model.node(sid) if sid is not None else None

    def select(self, section_id: int) -> bool:
        index = self.model.index_of(section_id)
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def clear_selection(self) -> None:
        self.view.clearSelection()

    def _request(self, index: QModelIndex) -> None:
        section_id = index.data(ID_ROLE)
        if section_id is not None:
            self.filter_requested.emit(int(section_id), str(index.data(NAME_ROLE)))

    # -- changing ----------------------------------------------------------

    def create_section(self) -> None:
        current = self.current_node()
        answer = NameDialog.ask(
            self,
            self.tr("New section"),
            parents=section_choices(self.model.nodes()),
            parent_id=current.parent_id if current else None,
        )
        if answer is None:
            return
        changes = self.editor.run(
            lambda: self._newsroom.sections.create(
                answer.name, answer.parent_id, answer.slug or None
            )
        )
        if changes is not None and changes.new_id is not None:
            self.select(changes.new_id)

    def edit(self) -> None:
        node = self.current_node()
        if node is None:
            return
        answer = NameDialog.ask(
            self,
            self.tr("Edit section"),
            name=node.name,
            slug=node.slug,
            slug_manual=node.slug_manual,
            parents=section_choices(self.model.nodes(), skip=self.model.subtree_ids(node.id)),
            parent_id=node.parent_id,
        )
        if answer is None:
            return
        self.editor.run(
            lambda: self._newsroom.sections.edit(
                node.id, answer.name, answer.slug, answer.parent_id
            )
        )
        self.select(node.id)

    def delete(self) -> None:
        node = self.current_node()
        if node is None:
            return
        filed = self._ops.query(lambda: self._newsroom.sections.article_count(node.id))
        if filed is None:
            return
        accepted, move_to = DeleteSectionDialog.ask(
            self,
            node,
            filed,
            section_choices(self.model.nodes(), skip={node.id}),
            has_subsections=any(n.parent_id == node.id for n in self.model.nodes()),
        )
        if accepted:
            self.editor.run(lambda: self._newsroom.sections.delete(node.id, move_to))

    def move_section(self, section_id: int, parent_id: int | None, position: int) -> None:
        self.editor.run(lambda: self._newsroom.sections.move(section_id, parent_id, position))
        self.select(section_id)

    def assign(self, article_ids: list[int], section_id: int) -> None:
        self.editor.run(lambda: self._newsroom.sections.assign(article_ids, section_id))

    def _siblings(self, node: SectionNode) -> list[int]:
        return [n.id for n in self.model.nodes() if n.parent_id == node.parent_id]

    def move_up(self) -> None:
        node = self.current_node()
        if node is not None:
            at = self._siblings(node).index(node.id)
            if at > 0:
                self.move_section(node.id, node.parent_id, at - 1)

    def move_down(self) -> None:
        node = self.current_node()
        if node is not None:
            siblings = self._siblings(node)
            at = siblings.index(node.id)
            if at < len(siblings) - 1:
                self.move_section(node.id, node.parent_id, at + 1)

    def indent(self) -> None:
        node = self.current_node()
        if node is None:
            return
        siblings = self._siblings(node)
        at = siblings.index(node.id)
        if at > 0:
            above = siblings[at - 1]
            children = [n for n in self.model.nodes() if n.parent_id == above]
            self.move_section(node.id, above, len(children))
            self.view.expand(self.model.index_of(above))

    def outdent(self) -> None:
        node = self.current_node()
        if node is None or node.parent_id is None:
            return
        parent = self.model.node(node.parent_id)
        if parent is not None:
            at = self._siblings(parent).index(parent.id)
            self.move_section(node.id, parent.parent_id, at + 1)

    def find_duplicates(self) -> None:
        DuplicatesDialog.run(
            self,
            self.tr("Near-duplicate sections"),
            lambda: self._ops.query(self._newsroom.taxonomy.section_duplicates),
            lambda target, sources: (
                self.editor.run(lambda: self._newsroom.sections.merge(target, sources)) is not None
            ),
        )
