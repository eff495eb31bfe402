"""An article's fields above the body: headline (with length guidance), standfirst,
section, tags, byline and dateline, each with a place for its problem.

Every field reports a person's edits through ``edited(field_id, old, new)`` so
the pane can put them on the article's undo history; setting values from code
(loading, undoing) never reports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from editor.checks import HEADLINE_LONG, HEADLINE_SHORT, FieldProblem, HeadlineLength
from editor.checks import headline_length as judge_headline
from editor.dateline import Dateline, DatelineStyle
from editor.services.articles import MAX_HEADLINE
from ui.articles.dateline_editor import DatelineEditor
from ui.articles.section_picker import SectionLike, SectionPicker
from ui.articles.tags_edit import TagsEdit

HEADLINE, STANDFIRST, SECTION, TAGS, BYLINE, DATELINE = range(1, 7)
_PROBLEM_STYLE = "color: #c62828;"
_GUIDANCE_COLOURS = {
    HeadlineLength.GOOD: "#2e7d32",
    HeadlineLength.SHORT: "#ef6c00",
    HeadlineLength.LONG: "#ef6c00",
    HeadlineLength.TOO_LONG: "#c62828",
}


def problem_text(problem: FieldProblem) -> str:
    if problem.code == "too_long":
        return QCoreApplication.translate(
            "Fields", "The headline is too long: at most %1 characters."
        ).replace("%1", QLocale().toString(MAX_HEADLINE))
    return {
        "headline": QCoreApplication.translate("Fields", "A headline is needed before submitting."),
        "section": QCoreApplication.translate("Fields", "Choose a section before submitting."),
        "dateline_place": QCoreApplication.translate(
            "Fields", "The dateline needs a place before submitting."
        ),
        "body": QCoreApplication.translate("Fields", "The story has no text yet."),
    }.get(problem.field, QCoreApplication.translate("Fields", "Please check this field."))


@dataclass
class _Field:
    field_id: int
    get: Callable[[], Any]
    set: Callable[[Any], None]
    merge: bool  # typing merges into one undo step


class _UndoKeys(QObject):
    """Ctrl+Z in a line edit undoes the article, not just that line's own typing."""

    def __init__(self, undo: Callable[[], None], redo: Callable[[], None], parent: QObject):
        super().__init__(parent)
        self._undo, self._redo = undo, redo

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() in (
            QEvent.Type.KeyPress,
            QEvent.Type.ShortcutOverride,
        ):
            for sequence, action in (
                (QKeySequence.StandardKey.Undo, self._undo),
                (QKeySequence.StandardKey.Redo, self._redo),
            ):
                if event.matches(sequence):
                    event.accept()
                    if event.type() == QEvent.Type.KeyPress:
                        action()
                    return True
        return False


class ArticleFields(QWidget):
    edited = Signal(int, object, object)  # field id, old value, new value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = QLineEdit(self)
        self.headline.setObjectName("headline")
        font = QFont(self.headline.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline_guidance = QLabel(self)
        self.headline_guidance.setObjectName("headlineGuidance")
        self.standfirst = QLineEdit(self)
        self.standfirst.setObjectName("standfirst")
        self.section = SectionPicker(self)
        self.tags = TagsEdit(self)
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.new_tags = QLabel(self)
        self.new_tags.setObjectName("newTags")
        self.byline = QLineEdit(self)
        self.byline.setObjectName("byline")
        self.dateline = DatelineEditor(self)

        self.problems: dict[str, QLabel] = {}
        self._targets: dict[str, QWidget] = {
            "headline": self.headline,
            "section": self.section,
            "dateline_place": self.dateline.place,
        }
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(4)
        form.addRow(self.tr("Headline"), self._with_problem("headline", self.headline))
        form.addRow("", self.headline_guidance)
        form.addRow(self.tr("Standfirst"), self.standfirst)
        form.addRow(self.tr("Section"), self._with_problem("section", self.section))
        form.addRow(self.tr("Tags"), self._stack(self.tags, self.new_tags))
        form.addRow(self.tr("Byline"), self.byline)
        form.addRow(self.tr("Dateline"), self._with_problem("dateline_place", self.dateline))

        self._fields = [
            _Field(HEADLINE, self.headline.text, self._set_line(self.headline), True),
            _Field(STANDFIRST, self.standfirst.text, self._set_line(self.standfirst), True),
            _Field(SECTION, self.section.section_id, self.section.set_section_id, False),
            _Field(TAGS, self.tags.tags, self._set_tags, True),
            _Field(BYLINE, self.byline.text, self._set_line(self.byline), True),
            _Field(DATELINE, self.dateline.dateline, self.dateline.set_dateline, True),
        ]
        self._last: dict[int, Any] = {f.field_id: f.get() for f in self._fields}
        self.headline.textEdited.connect(lambda _t: self._report(HEADLINE))
        self.headline.textChanged.connect(self._update_guidance)
        self.standfirst.textEdited.connect(lambda _t: self._report(STANDFIRST))
        self.section.edited.connect(lambda _s: self._report(SECTION))
        self.tags.edited.connect(lambda: self._report(TAGS))
        self.byline.textEdited.connect(lambda _t: self._report(BYLINE))
        self.dateline.edited.connect(lambda: self._report(DATELINE))
        self._update_guidance()

    # -- layout helpers --------------------------------------------------------

    def _stack(self, *widgets: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        for widget in widgets:
            layout.addWidget(widget)
        return box

    def _with_problem(self, name: str, widget: QWidget) -> QWidget:
        label = QLabel(self)
        label.setObjectName(f"{name}Problem")
        label.setStyleSheet(_PROBLEM_STYLE)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.hide()
        self.problems[name] = label
        return self._stack(widget, label)

    # -- values ----------------------------------------------------------------

    @staticmethod
    def _set_line(line: QLineEdit) -> Callable[[Any], None]:
        def setter(value: Any) -> None:
            line.setText(str(value))

        return setter

    def _set_tags(self, tags: Sequence[str]) -> None:
        self.tags.set_tags(tags)
        self._update_new_tags()

    def field_value(self, field_id: int) -> Any:
        return next(f.get() for f in self._fields if f.field_id == field_id)

    def apply(self, field_id: int, value: Any) -> None:
        """Set a field from code (undo, recovery): remembered, not reported."""
        field = next(f for f in self._fields if f.field_id == field_id)
        field.set(value)
        self._last[field_id] = field.get()
        widget = {
            HEADLINE: self.headline,
            STANDFIRST: self.standfirst,
            SECTION: self.section,
            TAGS: self.tags,
            BYLINE: self.byline,
            DATELINE: self.dateline.place,
        }[field_id]
        widget.setFocus()
        self.clear_problems()

    def merges(self, field_id: int) -> bool:
        return next(f.merge for f in self._fields if f.field_id == field_id)

    def _report(self, field_id: int) -> None:
        old = self._last[field_id]
        new = self.field_value(field_id)
        self._last[field_id] = new
        if field_id == TAGS:
            self._update_new_tags()
        if old != new:
            self.clear_problems()
            self.edited.emit(field_id, old, new)

    def load(
        self,
        headline: str,
        standfirst: str,
        section_id: int | None,
        tags: Sequence[str],
        byline: str,
        dateline: Dateline,
    ) -> None:
        self.headline.setText(headline)
        self.standfirst.setText(standfirst)
        # Show where a long headline starts, not where it ends.
        for line in (self.headline, self.standfirst):
            line.setCursorPosition(0)
        self.section.set_section_id(section_id)
        self._set_tags(tags)
        self.byline.setText(byline)
        self.dateline.set_dateline(dateline)
        self._last = {f.field_id: f.get() for f in self._fields}
        self.clear_problems()

    def set_sections(self, nodes: Sequence[SectionLike]) -> None:
        self.section.set_sections(nodes)
        self._last[SECTION] = self.section.section_id()

    def set_known(
        self,
        tags: Sequence[tuple[str, int]],
        places: Sequence[str],
        sources: Sequence[str],
    ) -> None:
        self.tags.set_known_tags(tags)
        self.dateline.set_known(places, sources)
        self._update_new_tags()

    def set_dateline_style(self, style: DatelineStyle) -> None:
        self.dateline.set_style(style)

    def install_undo_keys(
        self, undo: Callable[[], None], redo: Callable[[], None], *more: QWidget
    ) -> None:
        """Route Ctrl+Z in the fields (and in ``more``, e.g. the pane) to the article."""
        keys = _UndoKeys(undo, redo, self)
        for widget in (
            *more,
            self.headline,
            self.standfirst,
            self.tags,
            self.byline,
            self.dateline.place,
            self.dateline.sources.entry,
        ):
            widget.installEventFilter(keys)

    # -- guidance and problems -------------------------------------------------

    def _update_guidance(self, *_args: object) -> None:
        text = self.headline.text()
        judged = judge_headline(text)
        locale = QLocale()
        count = locale.toString(len(text.strip()))
        if judged is HeadlineLength.EMPTY:
            message = (
                self.tr("Aim for %1–%2 characters")
                .replace("%1", locale.toString(HEADLINE_SHORT))
                .replace("%2", locale.toString(HEADLINE_LONG))
            )
        elif judged is HeadlineLength.SHORT:
            message = self.tr("%1 characters: short for a headline").replace("%1", count)
        elif judged is HeadlineLength.LONG:
            message = (
                self.tr("%1 characters: search results and shares cut after about %2")
                .replace("%1", count)
                .replace("%2", locale.toString(HEADLINE_LONG))
            )
        elif judged is HeadlineLength.TOO_LONG:
            message = (
                self.tr("%1 characters: too long to save (at most %2)")
                .replace("%1", count)
                .replace("%2", locale.toString(MAX_HEADLINE))
            )
        else:
            message = self.tr("%1 characters").replace("%1", count)
        colour = _GUIDANCE_COLOURS.get(judged, "palette(mid)")
        self.headline_guidance.setStyleSheet(f"color: {colour};")
        self.headline_guidance.setText(message)
        self.headline_guidance.setProperty("length", judged.value)

    def _update_new_tags(self) -> None:
        new = self.tags.new_tags()
        self.new_tags.setVisible(bool(new))
        self.new_tags.setText(
            self.tr("New tags, created on save: %1").replace("%1", "، ".join(new)) if new else ""
        )

    def show_problems(self, problems: Sequence[FieldProblem]) -> None:
        self.clear_problems()
        for problem in problems:
            label = self.problems.get(problem.field)
            if label is not None:
                label.setText(problem_text(problem))
                label.show()
        first = next((p for p in problems if p.field in self._targets), None)
        if first is not None:
            self._targets[first.field].setFocus()

    def clear_problems(self) -> None:
        for label in self.problems.values():
            label.hide()


class FieldsArea(QScrollArea):
    """As tall as the fields want (never a stale height), and no taller than the window allows."""

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        # Fields scroll down, never sideways: a sideways scroll hid the
        # right-aligned (Arabic) text of every field behind the scrollbar.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.installEventFilter(self)

    def sizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        return QSize(super().sizeHint().width(), inner.sizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A problem shown or hidden under a field changes the height wanted.
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return False
