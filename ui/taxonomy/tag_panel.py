"""The tag list: counts, filter as you type, and the changes an editor makes to tags.

Select one or several tags (Shift/Ctrl with arrows or clicks) and press Enter
or click to filter the article list by them, all or any as the box beside the
filter says. Insert adds, F2 renames, Ctrl+M merges the selected tags,
Delete deletes them after saying how many stories carry them. Stories
dragged from the article list onto a tag get that tag.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from editor.changes import Changes
from editor.permissions import Action, allowed
from editor.services.naming import is_automatic_slug
from editor.services.tags import TagName
from editor.storage import Newsroom
from ui.icons import icon
from ui.ops import Ops
from ui.taxonomy.dialogs import MergeTagsDialog, NameDialog, confirm_delete_tags
from ui.taxonomy.duplicates import DuplicatesDialog
from ui.taxonomy.tag_model import NormalizedFilter, TagListModel
from ui.taxonomy.undo import TaxonomyEditor


class TagPanel(QWidget):
    filter_requested = Signal(list, list, bool)  # tag ids, their names, all (True) or any

    def __init__(
        self, newsroom: Newsroom, ops: Ops, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self._ops = ops
        self.editor = TaxonomyEditor(newsroom, ops, undo_stack)
        self._filtering = False

        self.model = TagListModel(self)
        self.model.assign_requested.connect(self.assign, Qt.ConnectionType.QueuedConnection)
        self.proxy = NormalizedFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setObjectName("tagFilter")
        self.search.setPlaceholderText(self.tr("Filter tags"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_needle)
        self.match = QComboBox(self)
        self.match.setObjectName("tagMatch")
        self.match.addItem(self.tr("all"), True)
        self.match.addItem(self.tr("any"), False)
        self.match.setToolTip(self.tr("Stories with all of the selected tags, or with any of them"))
        self.match.currentIndexChanged.connect(self._match_changed)

        self.view = QTreeView(self)
        self.view.setObjectName("tagList")
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setHeaderHidden(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.view.setDropIndicatorShown(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.header().setStretchLastSection(False)
        self._fit_columns()
        # A model reset forgets per-column modes: the count column would grow.
        self.proxy.modelReset.connect(self._fit_columns)
        self.view.activated.connect(self._request)
        self.view.clicked.connect(self._request)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("tagTools")
        self.toolbar.setIconSize(QSize(16, 16))
        self._build_actions()
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.match)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addLayout(search_row)
        layout.addWidget(self.view)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.reload()

    def _fit_columns(self) -> None:
        header = self.view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(24)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("00000") + 12)

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
        self.toolbar.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action("new", self.tr("New tag…"), "Ins", self.create_tag)
        self.rename_action = self._action("edit", self.tr("Rename tag…"), "F2", self.rename)
        self.merge_action = self._action(
            "merge", self.tr("Merge selected tags…"), "Ctrl+M", self.merge
        )
        self.delete_action = self._action(
            "trash", self.tr("Delete selected tags…"), QKeySequence.StandardKey.Delete, self.delete
        )
        self.duplicates_action = self._action(
            "duplicates", self.tr("Find near-duplicate tags…"), "", self.find_duplicates
        )

    # -- reading -----------------------------------------------------------

    def reload(self) -> None:
        names = self._ops.query(self._newsroom.tags.names)
        counter = self._ops.query(self._newsroom.tags.counter)
        if names is not None:
            self.model.set_tags(names, counter)
        self._update_actions()

    def on_changes(self, changes: Changes, source: object) -> None:
        if changes.tags or changes.articles:
            self.reload()
        elif changes.users:  # someone else signed in: what they may change differs
            self._update_actions()

    @property
    def can_edit(self) -> bool:
        return allowed(self._newsroom.actor.role, Action.EDIT_TAXONOMY)

    def _update_actions(self) -> None:
        editable = self.can_edit
        self.model.editable = editable
        count = len(self.selected_tags())
        self.new_action.setEnabled(editable)
        self.duplicates_action.setEnabled(editable)
        self.rename_action.setEnabled(editable and count == 1)
        self.merge_action.setEnabled(editable and count > 1)
        self.delete_action.setEnabled(editable and count > 0)

    def selected_tags(self) -> list[TagName]:
        rows = sorted(
            self.proxy.mapToSource(index).row()
            for index in self.view.selectionModel().selectedRows(0)
        )
        return [tag for tag in (self.model.tag_at(r) for r in rows) if tag is not None]

    def select(self, tag_ids: list[int]) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        command = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        shown = [self.model.row_of(t) for t in tag_ids]
        indexes = [self.proxy.mapFromSource(self.model.index(r, 0)) for r in shown if r is not None]
        for n, index in enumerate(i for i in indexes if i.isValid()):
            if n == 0:
                selection.setCurrentIndex(index, command)
                self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            else:
                selection.select(index, command)

    def clear_selection(self) -> None:
        self._filtering = False
        self.view.clearSelection()

    def _request(self, _index: QModelIndex | None = None) -> None:
        tags = self.selected_tags()
        if not tags:
            return
        self._filtering = True
        self.filter_requested.emit(
            [t.id for t in tags], [t.name for t in tags], bool(self.match.currentData())
        )

    def _match_changed(self) -> None:
        if self._filtering:
            self._request()

    # -- changing ----------------------------------------------------------

    def create_tag(self) -> None:
        answer = NameDialog.ask(self, self.tr("New tag"), name=self.search.text().strip())
        if answer is None:
            return
        changes = self.editor.run(
            lambda: self._newsroom.tags.create(answer.name, answer.slug or None)
        )
        if changes is not None and changes.new_id is not None:
            self.search.clear()
            self.select([changes.new_id])

    def rename(self) -> None:
        tags = self.selected_tags()
        if len(tags) != 1:
            return
        tag = tags[0]
        answer = NameDialog.ask(
            self,
            self.tr("Rename tag"),
            name=tag.name,
            slug=tag.slug,
            slug_manual=not is_automatic_slug(tag.slug, tag.name),
        )
        if answer is not None:
            self.editor.run(lambda: self._newsroom.tags.rename(tag.id, answer.name, answer.slug))
            self.select([tag.id])

    def merge(self) -> None:
        tags = self.selected_tags()
        if len(tags) < 2:
            return
        counts = {t.id: self.model.count_of(self.model.row_of(t.id) or 0) for t in tags}
        target = MergeTagsDialog.ask(self, [(t.id, t.name, counts[t.id]) for t in tags])
        if target is None:
            return
        sources = [t.id for t in tags if t.id != target]
        if self.editor.run(lambda: self._newsroom.tags.merge(target, sources)) is not None:
            self.select([target])

    def delete(self) -> None:
        tags = self.selected_tags()
        if not tags:
            return
        ids = [t.id for t in tags]
        stories = self._ops.query(lambda: self._newsroom.tags.usage(ids))
        if stories is None or not confirm_delete_tags(self, [t.name for t in tags], stories):
            return
        self.editor.run(lambda: self._newsroom.tags.delete(ids))

    def assign(self, article_ids: list[int], tag_id: int) -> None:
        self.editor.run(lambda: self._newsroom.tags.assign(article_ids, tag_id))

    def find_duplicates(self) -> None:
        DuplicatesDialog.run(
            self,
            self.tr("Near-duplicate tags"),
            lambda: self._ops.query(self._newsroom.taxonomy.tag_duplicates),
            lambda target, sources: (
                self.editor.run(lambda: self._newsroom.tags.merge(target, sources)) is not None
            ),
        )
