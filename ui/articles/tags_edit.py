"""The tags field: names separated by commas, completed over normalised names.

Typing الطاقه offers الطاقة; a name that matches no tag is created when the
story is saved (the core matches names after normalisation, so a tag is never
duplicated by a different spelling). The hint under the field says which
names are new.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from editor.arabic import normalize

SEPARATOR = "، "
_SPLIT = re.compile(r"\s*[،,]\s*")
MAX_SUGGESTIONS = 12


def split_tags(text: str) -> tuple[str, ...]:
    seen: set[str] = set()
    tags: list[str] = []
    for name in _SPLIT.split(text.strip()):
        key = normalize(name)
        if name and key not in seen:
            seen.add(key)
            tags.append(name)
    return tuple(tags)


class TagsEdit(QLineEdit):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tags")
        self._names: list[tuple[str, str]] = []  # (normalised, name), most used first
        self._by_key: dict[str, str] = {}
        self._model = QStringListModel(self)
        self.completer_ = QCompleter(self._model, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setWidget(self)
        self.completer_.activated[str].connect(self._insert)  # type: ignore[index]
        self.textEdited.connect(self._on_edited)

    def set_known_tags(self, names: Iterable[tuple[str, int]]) -> None:
        ordered = sorted(names, key=lambda pair: (-pair[1], pair[0]))
        self._names = [(normalize(name), name) for name, _count in ordered]
        self._by_key = {key: name for key, name in self._names}

    def tags(self) -> tuple[str, ...]:
        return split_tags(self.text())

    def set_tags(self, tags: Iterable[str]) -> None:
        self.setText(SEPARATOR.join(tags))

    def new_tags(self) -> list[str]:
        """Names that match no existing tag: they will be created on save."""
        return [t for t in self.tags() if normalize(t) not in self._by_key]

    def _hide_popup(self) -> None:
        popup = self.completer_.popup()
        if popup is not None:
            popup.hide()

    def _current_token(self) -> tuple[int, str]:
        before = self.text()[: self.cursorPosition()]
        start = max(before.rfind("،"), before.rfind(",")) + 1
        return start, before[start:].strip()

    def _on_edited(self, _text: str) -> None:
        self.edited.emit()
        _start, token = self._current_token()
        key = normalize(token)
        if not key:
            self._hide_popup()
            return
        already = {normalize(t) for t in self.tags()}
        starts = [n for k, n in self._names if k.startswith(key) and k not in already]
        inside = [n for k, n in self._names if key in k and not k.startswith(key)]
        found = (starts + inside)[:MAX_SUGGESTIONS]
        if not found or (len(found) == 1 and normalize(found[0]) == key):
            self._hide_popup()
            return
        self._model.setStringList(found)
        self.completer_.complete()

    def _insert(self, name: str) -> None:
        start, _token = self._current_token()
        text = self.text()
        end = self.cursorPosition()
        rest = text[end:]
        head = text[:start].rstrip()
        prefix = (head + " ") if head else ""
        self.setText(prefix + name + SEPARATOR + rest.lstrip(" ،,"))
        self.setCursorPosition(len(prefix + name + SEPARATOR))
        self.edited.emit()
