"""Someone else saved the story while it was open here: combine, and ask only when needed.

A field changed on one side only is merged silently (the status bar names the
fields that came from the other save). A field both sides changed is shown in
a dialog, this desk's text beside the other, and the person picks per field,
by keyboard (Tab between fields, arrows within one, or Alt+1, Alt+2, … for the
first four fields) or mouse.
The save then goes through on the version now stored. Cancel saves nothing and
leaves the person's text in the desk.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor.body import body_text
from editor.dateline import Dateline
from editor.errors import ConflictError, MidadError
from editor.services.articles import ArticleDraft
from editor.storage import Newsroom
from editor.workflow.merge import FieldConflict, merge_with_current
from ui.articles.history import field_label as history_field_label
from ui.labels import local_time
from ui.messages import message_for
from ui.ops import Ops

# A third save arriving while the person decides is merged again; past this, give up.
MAX_ROUNDS = 3


def field_label(field: str) -> str:
    names = {"body_html": "body", "section_id": "section"}
    return history_field_label(names.get(field, field))


class ConflictDialog(QDialog):
    """Mine beside theirs for every field both sides changed; one choice per field."""

    def __init__(
        self,
        conflicts: Sequence[FieldConflict],
        describe: Callable[[str, Any], str],
        who: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Choose between the two versions"))
        self.conflicts = tuple(conflicts)
        self.groups: dict[str, QButtonGroup] = {}
        self.mine_buttons: dict[str, QRadioButton] = {}
        self.theirs_buttons: dict[str, QRadioButton] = {}

        intro = QLabel(
            self.tr(
                "%1 while you were editing it. Where you both changed the same field,"
                " choose which text to keep; everything else has been combined."
            ).replace("%1", who),
            self,
        )
        intro.setObjectName("conflictIntro")
        intro.setWordWrap(True)
        inner = QWidget(self)
        rows = QVBoxLayout(inner)
        for position, conflict in enumerate(self.conflicts, start=1):
            rows.addWidget(self._field_box(position, conflict, describe))
        rows.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)

        self.all_mine = QPushButton(self.tr("Keep all of mine"), self)
        self.all_mine.clicked.connect(lambda: self._choose_all(mine=True))
        self.all_theirs = QPushButton(self.tr("Take all of theirs"), self)
        self.all_theirs.clicked.connect(lambda: self._choose_all(mine=False))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Save with these choices"))
        ok.setObjectName("saveChoices")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Cancel (keep editing, nothing saved)")
        )
        self.buttons.addButton(self.all_mine, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.all_theirs, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(980, 620)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The keyboard starts on the first choice, whatever had focus before.
        self.activateWindow()
        if self.conflicts:
            self.mine_buttons[self.conflicts[0].field].setFocus()

    def _field_box(
        self, position: int, conflict: FieldConflict, describe: Callable[[str, Any], str]
    ) -> QGroupBox:
        box = QGroupBox(field_label(conflict.field), self)
        box.setObjectName(f"conflict_{conflict.field}")
        keys = (f"Alt+{position * 2 - 1}", f"Alt+{position * 2}")
        mine = QRadioButton(self.tr("Keep mine (%1)").replace("%1", keys[0]), box)
        theirs = QRadioButton(self.tr("Take theirs (%1)").replace("%1", keys[1]), box)
        # Explicit shortcuts rather than mnemonics: they work whatever the style.
        if position <= 4:
            for key, button in zip(keys, (mine, theirs), strict=True):
                QShortcut(QKeySequence(key), self, button.click)
        mine.setObjectName(f"mine_{conflict.field}")
        theirs.setObjectName(f"theirs_{conflict.field}")
        mine.setChecked(True)  # nothing of mine is dropped unless chosen
        group = QButtonGroup(box)
        group.addButton(mine, 0)
        group.addButton(theirs, 1)
        self.groups[conflict.field] = group
        self.mine_buttons[conflict.field] = mine
        self.theirs_buttons[conflict.field] = theirs
        grid = QGridLayout(box)
        # Mine first: in Arabic it stands on the right, where reading starts.
        for column, (button, value) in enumerate(
            ((mine, conflict.mine), (theirs, conflict.theirs))
        ):
            text = QPlainTextEdit(describe(conflict.field, value), box)
            text.setReadOnly(True)
            text.setTabChangesFocus(True)
            text.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            text.setObjectName(f"{'mine' if column == 0 else 'theirs'}Text_{conflict.field}")
            lines = 3 if conflict.field != "body_html" else 10
            text.setFixedHeight(text.fontMetrics().lineSpacing() * lines + 16)
            grid.addWidget(button, 0, column)
            grid.addWidget(text, 1, column)
            grid.setColumnStretch(column, 1)
        return box

    def _choose_all(self, *, mine: bool) -> None:
        for field in self.groups:
            (self.mine_buttons if mine else self.theirs_buttons)[field].setChecked(True)

    def choices(self) -> dict[str, bool]:
        """Field -> True when the other side's text was chosen."""
        return {field: group.checkedId() == 1 for field, group in self.groups.items()}

    @classmethod
    def choose(
        cls,
        conflicts: Sequence[FieldConflict],
        describe: Callable[[str, Any], str],
        who: str,
        parent: QWidget | None = None,
    ) -> dict[str, bool] | None:
        """The one seam: each field's choice (True: theirs), or None when cancelled."""
        dialog = cls(conflicts, describe, who, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choices()


class ConflictResolver(QObject):
    """Runs the conflict flow for the writing desk; the desk reloads what is stored after."""

    # A sentence for the status bar (which fields came from the other save).
    message = Signal(str)

    def __init__(self, newsroom: Newsroom, ops: Ops, parent: QWidget) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self._ops = ops
        self._parent = parent

    def resolve(
        self,
        article_id: int,
        mine: ArticleDraft,
        base: ArticleDraft,
        base_version: int,
        *,
        reason: str,
        canonical: Callable[[ArticleDraft], ArticleDraft],
        source: object,
    ) -> bool:
        """Merge, ask about real conflicts, save on the current version. False: not saved."""
        taken: list[str] = []
        for _round in range(MAX_ROUNDS):
            try:
                result = merge_with_current(
                    self._newsroom, article_id, mine, base_version, base=base, canonical=canonical
                )
            except MidadError as error:
                self._ops.show_error(message_for(error))
                return False
            draft = result.merged
            taken.extend(f for f in result.taken_from_theirs if f not in taken)
            if result.conflicts:
                choices = ConflictDialog.choose(
                    result.conflicts, self.describe, self._who(article_id), self._parent
                )
                if choices is None:
                    return False
                for conflict in result.conflicts:
                    if choices.get(conflict.field):
                        draft = dataclasses.replace(draft, **{conflict.field: conflict.theirs})
                        taken.append(conflict.field)
            try:
                changes = self._newsroom.articles.save(
                    article_id, draft, base_version=result.current_version, reason=reason
                )
            except ConflictError:
                # Yet another save landed meanwhile: what we built is "mine" now.
                mine, base_version = draft, result.current_version
                base = result.theirs or base
                continue
            except MidadError as error:
                self._ops.show_error(message_for(error))
                return False
            self._ops.bus.announce(changes, source)
            self._tell(taken)
            return True
        self._ops.show_error(
            QCoreApplication.translate(
                "Conflicts", "The story keeps changing under you; it was not saved. Try again."
            )
        )
        return False

    def _tell(self, taken: Sequence[str]) -> None:
        if taken:
            self.message.emit(
                self.tr(
                    "Saved, combined with another save: %1 came from the other version."
                ).replace("%1", "، ".join(field_label(f) for f in taken))
            )
        else:
            self.message.emit(self.tr("Saved, combined with another save."))

    def _who(self, article_id: int) -> str:
        revisions = self._ops.query(lambda: self._newsroom.articles.revisions(article_id)) or []
        if not revisions:
            return self.tr("Someone saved this story")
        latest = revisions[0]
        return (
            self.tr("%1 saved this story at %2")
            .replace("%1", latest.user or "?")
            .replace("%2", local_time(latest.created))
        )

    def describe(self, field: str, value: Any) -> str:
        """A field's value as the person reads it."""
        if field == "body_html":
            return body_text(str(value or ""))
        if field == "tags":
            return "، ".join(value or ())
        if field == "dateline" and isinstance(value, Dateline):
            head = " – ".join(p for p in (value.place, str(value.date or "")) if p)
            return f"{head} ({'/'.join(value.sources)})" if value.sources else head
        if field == "section_id":
            if value is None:
                return self.tr("(no section)")
            nodes = self._ops.query(self._newsroom.sections.tree) or []
            names = {n.id: n.name for n in nodes}
            return str(names.get(value, value))
        return str(value or "")
