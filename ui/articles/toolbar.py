"""The body's toolbar: formatting, direction, find, history, with the usual shortcuts.

Actions live on the pane (shortcuts work anywhere inside it) and show their
state for the paragraph under the caret.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QFont, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from ui.articles import formatting
from ui.articles.body_codec import is_quote
from ui.articles.body_edit import BodyEdit
from ui.articles.formatting import BlockStyle, block_style, explicit_direction, list_kind
from ui.articles.link_dialog import LinkDialog
from ui.icons import icon


class EditorActions(QObject):
    """Every action of the writing desk, owned by the pane."""

    def __init__(self, pane: QWidget) -> None:
        super().__init__(pane)
        self._pane = pane
        # Ctrl+Z / Ctrl+Shift+Z reach the article's history through the fields
        # and the body themselves: a second Ctrl+Z shortcut here would be
        # ambiguous with the window's own Undo.
        self.undo = self._make("undo", self.tr("Undo (Ctrl+Z)"), None)
        self.redo = self._make("redo", self.tr("Redo (Ctrl+Shift+Z)"), None)
        self.bold = self._make("bold", self.tr("Bold"), QKeySequence.StandardKey.Bold, True)
        self.italic = self._make("italic", self.tr("Italic"), QKeySequence.StandardKey.Italic, True)
        self.paragraph = self._make("paragraph", self.tr("Paragraph"), "Ctrl+Alt+0", True)
        self.heading = self._make("heading", self.tr("Sub-heading"), "Ctrl+Alt+2", True)
        self.subheading = self._make("subheading", self.tr("Minor sub-heading"), "Ctrl+Alt+3", True)
        self.styles = QActionGroup(self)
        for action in (self.paragraph, self.heading, self.subheading):
            self.styles.addAction(action)
        self.quote = self._make("quote", self.tr("Quotation"), "Ctrl+Alt+Q", True)
        self.bullets = self._make("bullets", self.tr("Bulleted list"), "Ctrl+Shift+8", True)
        self.numbers = self._make("numbers", self.tr("Numbered list"), "Ctrl+Shift+7", True)
        self.link = self._make("link", self.tr("Link…"), "Ctrl+K")
        self.rtl = self._make("rtl", self.tr("Right to left (Ctrl+Right Shift)"), None, True)
        self.ltr = self._make("ltr", self.tr("Left to right (Ctrl+Left Shift)"), None, True)
        self.auto_direction = self._make(
            "auto_direction", self.tr("Direction from the text"), None, True
        )
        self.directions = QActionGroup(self)
        for action in (self.rtl, self.ltr, self.auto_direction):
            self.directions.addAction(action)
        self.find = self._make("search", self.tr("Find…"), QKeySequence.StandardKey.Find)
        self.replace = self._make("replace", self.tr("Replace…"), "Ctrl+H")
        self.history = self._make("history", self.tr("Revisions…"), "Ctrl+Alt+H")
        self.visual_cursor = QAction(self.tr("Move the cursor visually"), self)
        self.visual_cursor.setObjectName("visualCursor")
        self.visual_cursor.setCheckable(True)
        self.visual_cursor.setToolTip(
            self.tr("Arrow keys move on screen rather than in reading order in mixed lines")
        )
        self.spell_check = QAction(icon("spelling"), self.tr("Check spelling"), self)
        self.spell_check.setObjectName("spellCheck")
        self.spell_check.setCheckable(True)

    def _make(
        self,
        name: str,
        text: str,
        shortcut: QKeySequence.StandardKey | str | None,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(icon(name), text, self)
        action.setObjectName(f"{name}Action")
        action.setCheckable(checkable)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text} ({shown})")
        self._pane.addAction(action)
        return action

    def keys(self) -> list[QKeySequence]:
        """Shortcuts a text field must leave to the pane."""
        return [a.shortcut() for a in self._pane.actions() if not a.shortcut().isEmpty()]

    def wire_formatting(self, body: BodyEdit) -> None:
        """Each formatting action applied to the body's selection as one undo step."""

        def apply(operation: Callable[..., None], *args: object) -> None:
            cursor = body.textCursor()
            operation(cursor, *args)
            body.setTextCursor(cursor)
            body.setFocus()

        def link() -> None:
            cursor = body.textCursor()
            chosen = LinkDialog.get_link(body, cursor.selectedText(), formatting.link_at(cursor))
            if chosen is not None:
                formatting.set_link(cursor, chosen[1], chosen[0])
                body.setTextCursor(cursor)

        self.bind(self.bold, lambda: apply(formatting.toggle_bold, self.bold.isChecked()))
        self.bind(self.italic, lambda: apply(formatting.toggle_italic, self.italic.isChecked()))
        for action, style in (
            (self.paragraph, formatting.BlockStyle.PARAGRAPH),
            (self.heading, formatting.BlockStyle.HEADING),
            (self.subheading, formatting.BlockStyle.SUBHEADING),
        ):
            self.bind(action, partial(apply, formatting.set_block_style, style))
        self.bind(self.quote, partial(apply, formatting.toggle_quote))
        self.bind(self.bullets, partial(apply, formatting.toggle_list, False))
        self.bind(self.numbers, partial(apply, formatting.toggle_list, True))
        for action, direction in (
            (self.rtl, Qt.LayoutDirection.RightToLeft),
            (self.ltr, Qt.LayoutDirection.LeftToRight),
            (self.auto_direction, Qt.LayoutDirection.LayoutDirectionAuto),
        ):
            self.bind(action, partial(apply, formatting.set_direction, direction))
        self.bind(self.link, link)

    def bind(self, action: QAction, handler: Callable[[], object]) -> None:
        action.triggered.connect(lambda _checked=False: handler())

    def follow(self, body: BodyEdit) -> None:
        """Checked states for the text under the caret."""
        cursor = body.textCursor()
        block = cursor.block()
        fmt = cursor.charFormat()
        self.bold.setChecked(fmt.fontWeight() >= QFont.Weight.Bold)
        self.italic.setChecked(fmt.fontItalic())
        style = block_style(block)
        self.paragraph.setChecked(style is BlockStyle.PARAGRAPH)
        self.heading.setChecked(style is BlockStyle.HEADING)
        self.subheading.setChecked(style is BlockStyle.SUBHEADING)
        self.quote.setChecked(is_quote(block))
        kind = list_kind(block)
        self.bullets.setChecked(kind == "ul")
        self.numbers.setChecked(kind == "ol")
        direction = explicit_direction(block)
        self.rtl.setChecked(direction == Qt.LayoutDirection.RightToLeft)
        self.ltr.setChecked(direction == Qt.LayoutDirection.LeftToRight)
        self.auto_direction.setChecked(direction == Qt.LayoutDirection.LayoutDirectionAuto)


def build_toolbar(actions: EditorActions, parent: QWidget) -> QToolBar:
    bar = QToolBar(parent)
    bar.setObjectName("editorToolbar")
    bar.setIconSize(bar.iconSize() * 0.8)
    groups = (
        (actions.undo, actions.redo),
        (actions.paragraph, actions.heading, actions.subheading),
        (actions.bold, actions.italic, actions.link),
        (actions.quote, actions.bullets, actions.numbers),
        (actions.rtl, actions.ltr, actions.auto_direction),
        (actions.find, actions.replace, actions.history, actions.spell_check),
    )
    for position, group in enumerate(groups):
        if position:
            bar.addSeparator()
        for action in group:
            bar.addAction(action)
    return bar
