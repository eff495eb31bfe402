"""Small dialogs of the section and tag panels.

Each exposes one class method (``ask``) that the panels call, so a test can
drive the dialog itself with keys, or replace that one seam.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from editor.arabic import neutralize_bidi
from editor.services.naming import MAX_NAME
from editor.services.sections import SectionNode
from editor.slugs import taxonomy_slug, wordpress_slug


@dataclass(frozen=True)
class NameAnswer:
    name: str
    # None: the slug follows the name (unless it was made by hand before);
    # "": follow the name again; anything else: this slug, made by hand.
    slug: str | None
    parent_id: int | None = None


def section_choices(
    nodes: Sequence[SectionNode], skip: set[int] | None = None
) -> list[tuple[int, str]]:
    """(id, indented name) for a combo box, in tree order."""
    depth: dict[int, int] = {}
    found = []
    for node in nodes:
        depth[node.id] = depth[node.parent_id] + 1 if node.parent_id in depth else 0
        if skip and node.id in skip:
            continue
        found.append((node.id, "    " * depth[node.id] + neutralize_bidi(node.name)))
    return found


class NameDialog(QDialog):
    """A name and its slug (following the name until typed by hand), optionally a parent."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        *,
        name: str = "",
        slug: str = "",
        slug_manual: bool = False,
        parents: Sequence[tuple[int, str]] | None = None,
        parent_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("taxonomyNameDialog")
        self.name = QLineEdit(name, self)
        self.name.setObjectName("nameEdit")
        self.name.setMaxLength(MAX_NAME * 5)  # longer input gets the core's clear message
        self.slug = QLineEdit(slug, self)
        self.slug.setObjectName("slugEdit")
        self.slug.setPlaceholderText(self.tr("made from the name"))
        self.wordpress = QLabel(self)
        self.wordpress.setObjectName("wordpressSlug")
        self.wordpress.setTextFormat(Qt.TextFormat.PlainText)
        self.wordpress.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.wordpress.setWordWrap(True)
        self.wordpress.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self._slug_by_hand = slug_manual
        self._original_slug = slug
        self._was_manual = slug_manual
        self.parent_box: QComboBox | None = None

        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("S&lug"), self.slug)
        form.addRow(self.tr("For WordPress"), self.wordpress)
        if parents is not None:
            self.parent_box = QComboBox(self)
            self.parent_box.setObjectName("parentBox")
            self.parent_box.addItem(self.tr("(top level)"), None)
            for sid, label in parents:
                self.parent_box.addItem(label, sid)
            found = self.parent_box.findData(parent_id)
            self.parent_box.setCurrentIndex(max(0, found))
            form.addRow(self.tr("&Parent section"), self.parent_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.name.textChanged.connect(self._name_changed)
        self.slug.textEdited.connect(self._slug_edited)
        self._name_changed(self.name.text())
        self.name.selectAll()
        self.name.setFocus()

    def _name_changed(self, text: str) -> None:
        if not self._slug_by_hand:
            self.slug.setText(taxonomy_slug(text) if text.strip() else "")
        self._show_wordpress()

    def _slug_edited(self, text: str) -> None:
        self._slug_by_hand = bool(text.strip())
        if not self._slug_by_hand:
            self._name_changed(self.name.text())
        self._show_wordpress()

    def _show_wordpress(self) -> None:
        self.wordpress.setText(wordpress_slug(self.slug.text()) if self.slug.text() else "")

    def answer(self) -> NameAnswer:
        slug: str | None
        if self._slug_by_hand:
            text = self.slug.text().strip()
            slug = None if self._was_manual and text == self._original_slug else text
        else:
            # A slug made by hand and now cleared: it follows the name again.
            slug = "" if self._was_manual else None
        parent_id = self.parent_box.currentData() if self.parent_box is not None else None
        return NameAnswer(self.name.text(), slug, parent_id)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        *,
        name: str = "",
        slug: str = "",
        slug_manual: bool = False,
        parents: Sequence[tuple[int, str]] | None = None,
        parent_id: int | None = None,
    ) -> NameAnswer | None:
        dialog = cls(
            parent,
            title,
            name=name,
            slug=slug,
            slug_manual=slug_manual,
            parents=parents,
            parent_id=parent_id,
        )
        try:
            return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class DeleteSectionDialog(QDialog):
    """Deleting a section: where its stories go ("move its articles to…")."""

    def __init__(
        self,
        parent: QWidget | None,
        node: SectionNode,
        filed: int,
        choices: Sequence[tuple[int, str]],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deleteSectionDialog")
        self.setWindowTitle(self.tr("Delete section"))
        name = neutralize_bidi(node.name)
        text = (
            self.tr("“%1” files %2 stories. Move them to:")
            .replace("%1", name)
            .replace("%2", QLocale().toString(filed))
            if filed
            else self.tr("Delete “%1”? It files no stories.").replace("%1", name)
        )
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        self.message = label
        self.target = QComboBox(self)
        self.target.setObjectName("moveToBox")
        for sid, title in choices:
            self.target.addItem(title, sid)
        self.target.setVisible(filed > 0)
        note = QLabel(self.tr("Its subsections move up one level."), self)
        note.setVisible(False)
        self.note = note
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Delete"))
        ok.setEnabled(filed == 0 or self.target.count() > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.target)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.filed = filed

    def move_to(self) -> int | None:
        if not self.filed:
            return None
        value = self.target.currentData()
        return int(value) if value is not None else None

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        node: SectionNode,
        filed: int,
        choices: Sequence[tuple[int, str]],
        has_subsections: bool = False,
    ) -> tuple[bool, int | None]:
        dialog = cls(parent, node, filed, choices)
        dialog.note.setVisible(has_subsections)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return accepted, dialog.move_to() if accepted else None
        finally:
            dialog.deleteLater()


class MergeTagsDialog(QDialog):
    """Merging several tags: which one stays."""

    def __init__(self, parent: QWidget | None, tags: Sequence[tuple[int, str, int]]) -> None:
        super().__init__(parent)
        self.setObjectName("mergeTagsDialog")
        self.setWindowTitle(self.tr("Merge tags"))
        label = QLabel(
            self.tr("Merge %1 tags into one. Their stories will carry the one you keep.").replace(
                "%1", QLocale().toString(len(tags))
            ),
            self,
        )
        label.setWordWrap(True)
        self.target = QComboBox(self)
        self.target.setObjectName("keepBox")
        locale = QLocale()
        for tid, name, count in sorted(tags, key=lambda t: (-t[2], t[0])):
            self.target.addItem(f"{neutralize_bidi(name)} ({locale.toString(count)})", tid)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Keep"), self.target)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, tags: Sequence[tuple[int, str, int]]) -> int | None:
        dialog = cls(parent, tags)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return int(dialog.target.currentData())
        finally:
            dialog.deleteLater()


def confirm_delete_tags(parent: QWidget | None, names: Sequence[str], stories: int) -> bool:
    """Ask before deleting tags, saying first how many stories carry them."""
    box = QMessageBox(parent)
    box.setObjectName("deleteTagsBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("TaxonomyDialogs", "Delete tags"))
    locale = QLocale()
    listed = "، ".join(neutralize_bidi(n) for n in names[:5]) + ("…" if len(names) > 5 else "")
    box.setText(
        QCoreApplication.translate("TaxonomyDialogs", "Delete %1 tag(s): %2?")
        .replace("%1", locale.toString(len(names)))
        .replace("%2", listed)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "TaxonomyDialogs",
            "%1 stories carry them and will no longer do so. You can undo this.",
        ).replace("%1", locale.toString(stories))
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    try:
        return box.exec() == QMessageBox.StandardButton.Yes
    finally:
        box.deleteLater()
