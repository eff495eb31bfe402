"""The right-to-left editing pane: an article's fields and its body.

A first version the writing-desk issue deepens (toolbar, autosave, spell
checking). It loads an ``ArticleView``, tracks whether anything changed, and
saves through the change helper against the version it started from.
"""

from __future__ import annotations

import datetime
import re
from typing import cast

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor.arabic import char_count, reading_time_minutes, word_count
from editor.changes import Changes
from editor.dateline import Dateline, render_dateline
from editor.services.articles import ArticleDraft, ArticleView
from editor.storage import Newsroom
from ui.articles.body_codec import dump_body, load_body
from ui.icons import icon
from ui.labels import article_status
from ui.ops import Ops

SOURCE_SPLIT = re.compile(r"\s*[/،,]\s*")
TAG_SPLIT = re.compile(r"\s*[،,]\s*")


class ArticleEditorPane(QWidget):
    saved = Signal(int)

    def __init__(self, newsroom: Newsroom, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self._ops = ops
        self.article: ArticleView | None = None
        self._loading = False
        self._dirty = False

        self.status_label = QLabel(self)
        self.status_label.setObjectName("articleStatus")
        self.headline = QLineEdit(self)
        self.headline.setObjectName("headline")
        headline_font = QFont(self.headline.font())
        headline_font.setPointSizeF(headline_font.pointSizeF() * 1.35)
        headline_font.setBold(True)
        self.headline.setFont(headline_font)
        self.standfirst = QLineEdit(self)
        self.standfirst.setObjectName("standfirst")
        self.section = QComboBox(self)
        self.section.setObjectName("section")
        self.tags = QLineEdit(self)
        self.tags.setObjectName("tags")
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.byline = QLineEdit(self)
        self.byline.setObjectName("byline")

        self.place = QLineEdit(self)
        self.place.setObjectName("datelinePlace")
        self.place.setPlaceholderText(self.tr("Place"))
        self.has_date = QCheckBox(self)
        self.has_date.setToolTip(self.tr("The dateline has a date"))
        self.date = QDateEdit(self)
        self.date.setObjectName("datelineDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy/MM/dd")
        self.sources = QLineEdit(self)
        self.sources.setObjectName("datelineSources")
        self.sources.setPlaceholderText(self.tr("Sources, separated by /"))
        self.dateline_preview = QLabel(self)
        self.dateline_preview.setObjectName("datelinePreview")
        self.dateline_preview.setTextFormat(Qt.TextFormat.PlainText)

        self.body = QTextEdit(self)
        self.body.setObjectName("body")
        self.body.setAcceptRichText(True)
        self.body.document().setDocumentMargin(12)
        self.counts = QLabel(self)
        self.counts.setObjectName("counts")

        self.save_button = QPushButton(icon("save"), self.tr("Save"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        dateline_row = QHBoxLayout()
        dateline_row.addWidget(self.place, 2)
        dateline_row.addWidget(self.has_date)
        dateline_row.addWidget(self.date, 1)
        dateline_row.addWidget(self.sources, 2)
        form = QFormLayout()
        form.addRow(self.tr("Headline"), self.headline)
        form.addRow(self.tr("Standfirst"), self.standfirst)
        form.addRow(self.tr("Section"), self.section)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Byline"), self.byline)
        form.addRow(self.tr("Dateline"), dateline_row)
        form.addRow("", self.dateline_preview)
        footer = QHBoxLayout()
        footer.addWidget(self.counts, 1)
        footer.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addLayout(footer)

        # Counting words on every key press would make long stories sluggish.
        self._count_timer = QTimer(self, singleShot=True, interval=250)
        self._count_timer.timeout.connect(self._update_counts)
        for line in (self.headline, self.standfirst, self.tags, self.byline, self.place):
            line.textEdited.connect(self._mark_dirty)
        self.sources.textEdited.connect(self._mark_dirty)
        self.date.dateChanged.connect(self._mark_dirty)
        self.has_date.toggled.connect(self._on_has_date)
        self.section.currentIndexChanged.connect(self._mark_dirty)
        self.body.textChanged.connect(self._on_body_changed)
        self.reload_sections()
        self.setEnabled(False)

    # -- loading -----------------------------------------------------------

    def reload_sections(self) -> None:
        current = self.section.currentData()
        self._loading = True
        self.section.clear()
        self.section.addItem(self.tr("(no section)"), None)
        nodes = self._ops.query(self._newsroom.sections.tree) or []
        children: dict[int | None, list[int]] = {}
        by_id = {node.id: node for node in nodes}
        for node in nodes:
            children.setdefault(node.parent_id, []).append(node.id)

        def add(parent: int | None, depth: int) -> None:
            for sid in children.get(parent, []):
                self.section.addItem("    " * depth + by_id[sid].name, sid)
                add(sid, depth + 1)

        add(None, 0)
        index = self.section.findData(current)
        self.section.setCurrentIndex(max(index, 0))
        self._loading = False

    def open_article(self, article_id: int) -> None:
        if self.article is not None and self.article.id == article_id:
            return
        self.save_if_dirty()
        view = self._ops.query(lambda: self._newsroom.articles.get(article_id))
        if view is not None:
            self.show_article(view)

    def show_article(self, view: ArticleView) -> None:
        self._loading = True
        self.article = view
        self.status_label.setText(
            self.tr("%1 · version %2")
            .replace("%1", article_status(view.status))
            .replace("%2", QLocale().toString(view.version))
        )
        self.headline.setText(view.headline)
        self.standfirst.setText(view.standfirst)
        # Show where the headline starts, not where a long one ends.
        for line in (self.headline, self.standfirst):
            line.setCursorPosition(0)
        self.section.setCurrentIndex(max(self.section.findData(view.section_id), 0))
        self.tags.setText("، ".join(view.tags))
        self.byline.setText(view.byline)
        self.place.setText(view.dateline.place)
        self.has_date.setChecked(view.dateline.date is not None)
        self.date.setEnabled(view.dateline.date is not None)
        if view.dateline.date is not None:
            d = view.dateline.date
            self.date.setDate(QDate(d.year, d.month, d.day))
        self.sources.setText("/".join(view.dateline.sources))
        load_body(self.body.document(), view.body_html)
        self.body.document().clearUndoRedoStacks()
        self._loading = False
        self._dirty = False
        self.setEnabled(True)
        self._update_preview()
        self._update_counts()

    # -- editing -----------------------------------------------------------

    def _on_has_date(self, checked: bool) -> None:
        self.date.setEnabled(checked)
        self._mark_dirty()

    def _on_body_changed(self) -> None:
        self._mark_dirty()
        self._count_timer.start()

    def _mark_dirty(self, *_args: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self._update_preview()

    @property
    def dirty(self) -> bool:
        return self._dirty

    def dateline(self) -> Dateline:
        date = None
        if self.has_date.isChecked():
            date = cast(datetime.date, self.date.date().toPython())
        sources = tuple(s for s in SOURCE_SPLIT.split(self.sources.text().strip()) if s)
        return Dateline(self.place.text().strip(), date, sources)

    def draft(self) -> ArticleDraft:
        tags = tuple(t for t in TAG_SPLIT.split(self.tags.text().strip()) if t)
        return ArticleDraft(
            headline=self.headline.text(),
            standfirst=self.standfirst.text(),
            body_html=dump_body(self.body.document()),
            dateline=self.dateline(),
            byline=self.byline.text(),
            section_id=self.section.currentData(),
            tags=tags,
        )

    def _update_preview(self) -> None:
        dateline = self.dateline()
        style = self._ops.query(self._newsroom.settings.dateline_style)
        text = render_dateline(dateline, style) if style and not dateline.is_empty else ""
        self.dateline_preview.setText(text)

    def _update_counts(self) -> None:
        text = self.body.toPlainText()
        words = word_count(text)
        locale = QLocale()
        self.counts.setText(
            self.tr("%1 words · %2 characters · %3 min read")
            .replace("%1", locale.toString(words))
            .replace("%2", locale.toString(char_count(text)))
            .replace("%3", locale.toString(reading_time_minutes(words)))
        )

    # -- saving ------------------------------------------------------------

    def save_if_dirty(self) -> None:
        if self._dirty and self.article is not None:
            self.save()

    def save(self) -> None:
        if self.article is None:
            return
        article = self.article
        changes = self._ops.change(
            lambda: self._newsroom.articles.save(
                article.id, self.draft(), base_version=article.version
            ),
            source=self,
        )
        if changes is None:
            return
        self._dirty = False
        view = self._ops.query(lambda: self._newsroom.articles.get(article.id))
        if view is not None:
            self.article = view
            self.status_label.setText(
                self.tr("%1 · version %2")
                .replace("%1", article_status(view.status))
                .replace("%2", QLocale().toString(view.version))
            )
        self.saved.emit(article.id)

    def on_changes(self, changes: Changes, source: object) -> None:
        if changes.sections:
            self.reload_sections()
        if source is self or self.article is None:
            return
        if self.article.id in changes.articles and not self._dirty:
            view = self._ops.query(lambda: self._newsroom.articles.get(self.article.id))  # type: ignore[union-attr]
            if view is not None:
                self.show_article(view)
