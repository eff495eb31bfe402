"""The dateline editor: place, date and sources, with a live preview.

The place completes from earlier datelines (most used first, matched after
normalisation); the date comes from a calendar; the sources are a list of
chips completed from what the desk cited lately. The preview renders the
dateline in the newsroom's convention (month names, digits, Hijri date).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import cast

from PySide6.QtCore import QDate, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.arabic import normalize
from editor.dateline import DEFAULT_STYLE, Dateline, DatelineStyle, render_dateline
from ui.icons import icon

_SOURCE_SEPARATORS = "/،,"


def _normalised_completer(parent: QWidget) -> tuple[QCompleter, QStringListModel]:
    model = QStringListModel(parent)
    completer = QCompleter(model, parent)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    return completer, model


class _CompletingLine(QLineEdit):
    """A line edit offering, as you type, known names whose normal form matches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._known: list[tuple[str, str]] = []
        self.completer_, self._model = _normalised_completer(self)
        self.completer_.setWidget(self)
        self.completer_.activated.connect(self._choose)
        self.textEdited.connect(self._offer)

    def set_known(self, names: Iterable[str]) -> None:
        self._known = [(normalize(n), n) for n in names]

    def _hide_popup(self) -> None:
        popup = self.completer_.popup()
        if popup is not None:
            popup.hide()

    def _offer(self, text: str) -> None:
        key = normalize(text.strip())
        if not key:
            self._hide_popup()
            return
        found = [n for k, n in self._known if k.startswith(key) and n != text][:10]
        if not found:
            self._hide_popup()
            return
        self._model.setStringList(found)
        self.completer_.complete()

    def _choose(self, text: str) -> None:
        self.setText(text)
        self.textEdited.emit(text)
        self._hide_popup()


class SourcesEdit(QWidget):
    """The dateline's sources as chips; type a name and press Enter (or /) to add it."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("datelineSources")
        self._sources: list[str] = []
        self._chips = QHBoxLayout()
        self._chips.setContentsMargins(0, 0, 0, 0)
        self._chips.setSpacing(2)
        self.entry = _CompletingLine(self)
        self.entry.setObjectName("datelineSourceEntry")
        self.entry.setPlaceholderText(self.tr("Add a source"))
        self.entry.returnPressed.connect(self._add_typed)
        self.entry.textEdited.connect(self._on_typed)
        self.entry.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._chips)
        layout.addWidget(self.entry, 1)

    def set_known(self, names: Iterable[str]) -> None:
        self.entry.set_known(names)

    def sources(self) -> tuple[str, ...]:
        pending = self.entry.text().strip(" " + _SOURCE_SEPARATORS)
        return tuple(self._sources + ([pending] if pending else []))

    def set_sources(self, sources: Sequence[str]) -> None:
        self._sources = [s for s in sources if s.strip()]
        self.entry.clear()
        self._rebuild()

    def _rebuild(self) -> None:
        while self._chips.count():
            item = self._chips.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for index, source in enumerate(self._sources):
            chip = QToolButton(self)
            chip.setObjectName("sourceChip")
            chip.setText(source)
            chip.setIcon(icon("remove"))
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            chip.setToolTip(self.tr("Remove %1").replace("%1", source))
            chip.clicked.connect(lambda _=False, i=index: self.remove_at(i))
            self._chips.addWidget(chip)

    def remove_at(self, index: int) -> None:
        if 0 <= index < len(self._sources):
            del self._sources[index]
            self._rebuild()
            self.edited.emit()

    def add(self, source: str) -> None:
        source = " ".join(source.split())
        if source and source not in self._sources:
            self._sources.append(source)
            self._rebuild()
        self.entry.clear()
        self.edited.emit()

    def _add_typed(self) -> None:
        self.add(self.entry.text().strip(" " + _SOURCE_SEPARATORS))

    def _on_typed(self, text: str) -> None:
        if text and text[-1] in _SOURCE_SEPARATORS:
            self.add(text[:-1])
        else:
            self.edited.emit()

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self.entry
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Backspace
            and not self.entry.text()
            and self._sources
        ):
            self.remove_at(len(self._sources) - 1)
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]


class DatelineEditor(QWidget):
    """Place, date and sources; ``edited`` when a person changes any of them."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.style_ = DEFAULT_STYLE
        self.place = _CompletingLine(self)
        self.place.setObjectName("datelinePlace")
        self.place.setPlaceholderText(self.tr("Place"))
        self.has_date = QCheckBox(self)
        self.has_date.setObjectName("datelineHasDate")
        self.has_date.setToolTip(self.tr("The dateline has a date"))
        self.date = QDateEdit(self)
        self.date.setObjectName("datelineDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy/MM/dd")
        self.date.setDate(QDate.currentDate())
        self.sources = SourcesEdit(self)
        self.preview = QLabel(self)
        self.preview.setObjectName("datelinePreview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        # The convention is Arabic whatever the interface language.
        self.preview.setLayoutDirection(Qt.LayoutDirection.RightToLeft)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.place, 2)
        row.addWidget(self.has_date)
        row.addWidget(self.date, 1)
        row.addWidget(self.sources, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.preview)

        self.place.textEdited.connect(self._changed)
        self.has_date.toggled.connect(self._on_has_date)
        self.date.dateChanged.connect(self._on_date)
        self.sources.edited.connect(self._changed)
        self._loading = False
        self._on_has_date(False)

    def set_style(self, style: DatelineStyle) -> None:
        self.style_ = style
        self.update_preview()

    def set_known(self, places: Iterable[str], sources: Iterable[str]) -> None:
        self.place.set_known(places)
        self.sources.set_known(sources)

    def dateline(self) -> Dateline:
        date = None
        if self.has_date.isChecked():
            date = cast(datetime.date, self.date.date().toPython())
        return Dateline(self.place.text().strip(), date, self.sources.sources())

    def set_dateline(self, dateline: Dateline) -> None:
        self._loading = True
        try:
            self.place.setText(dateline.place)
            self.place.setCursorPosition(0)
            self.has_date.setChecked(dateline.date is not None)
            if dateline.date is not None:
                d = dateline.date
                self.date.setDate(QDate(d.year, d.month, d.day))
            self.date.setEnabled(dateline.date is not None)
            self.sources.set_sources(dateline.sources)
        finally:
            self._loading = False
        self.update_preview()

    def update_preview(self) -> None:
        dateline = self.dateline()
        self.preview.setText("" if dateline.is_empty else render_dateline(dateline, self.style_))

    def _on_has_date(self, checked: bool) -> None:
        self.date.setEnabled(checked)
        self._changed()

    def _on_date(self, _date: QDate) -> None:
        if self.has_date.isChecked():
            self._changed()

    def _changed(self, *_args: object) -> None:
        self.update_preview()
        if not self._loading:
            self.edited.emit()
