"""The queue's filters: section, story, dates and author; every queue tab shares them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from editor.models import CommentStatus
from editor.services.comments import CommentFilter
from editor.storage import Newsroom
from ui.icons import icon
from ui.ops import Ops

STORY_LIMIT = 100


def _utc(day: QDate) -> dt.datetime:
    """Midnight of a local calendar day, as the naive UTC the core stores."""
    moment = QDateTime(day, QTime(0, 0)).toUTC()
    date, time = moment.date(), moment.time()
    return dt.datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())


class StoryCombo(QComboBox):
    """All stories, or one: the list is read only when it opens (it is a grouping query)."""

    def __init__(self, owner: FilterBar) -> None:
        super().__init__(owner)
        self._owner = owner

    def showPopup(self) -> None:
        self._owner.load_stories()
        super().showPopup()


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, newsroom: Newsroom, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self._ops = ops
        self.status = CommentStatus.PENDING
        self._updating = False

        self.section = QComboBox(self)
        self.section.setObjectName("sectionFilter")
        self.section.setMinimumContentsLength(8)
        self.section.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.story = StoryCombo(self)
        self.story.setObjectName("storyFilter")
        self.story.setMinimumContentsLength(12)
        self.story.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.dates = QCheckBox(self.tr("From"), self)
        self.dates.setObjectName("dateFilter")
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-7), self)
        self.since.setObjectName("sinceDate")
        self.until = QDateEdit(today, self)
        self.until.setObjectName("untilDate")
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
            edit.setEnabled(False)
            edit.dateChanged.connect(self._emit)
        self.dates.toggled.connect(self._dates_toggled)
        self.author = QLineEdit(self)
        self.author.setObjectName("authorFilter")
        self.author.setPlaceholderText(self.tr("Author name or email"))
        self.author.setMinimumWidth(120)
        self.author.setClearButtonEnabled(True)
        self.author.editingFinished.connect(self._emit)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearCommentFilters")
        self.clear_button.setIcon(icon("clear_filter"))
        self.clear_button.setToolTip(self.tr("Show every comment of the queue"))
        self.clear_button.clicked.connect(self.clear)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The combos' first entries ("All sections", "All stories") name them.
        layout.addWidget(self.section, 1)
        layout.addWidget(self.story, 2)
        layout.addWidget(self.dates)
        layout.addWidget(self.since)
        layout.addWidget(QLabel(self.tr("to"), self))
        layout.addWidget(self.until)
        layout.addWidget(self.author, 1)
        layout.addWidget(self.clear_button)
        self.load_sections()
        self._reset_stories()
        self.section.currentIndexChanged.connect(self._emit)
        self.story.currentIndexChanged.connect(self._emit)

    # -- contents ------------------------------------------------------------

    def load_sections(self) -> None:
        nodes = self._ops.query(self._newsroom.sections.tree) or []
        depth: dict[int, int] = {}
        self._updating = True
        current = self.section.currentData()
        self.section.clear()
        self.section.addItem(self.tr("All sections"), None)
        for node in nodes:
            depth[node.id] = depth.get(node.parent_id, -1) + 1 if node.parent_id else 0
            self.section.addItem("  " * depth[node.id] + node.name, node.id)
        position = self.section.findData(current)
        self.section.setCurrentIndex(max(0, position))
        self._updating = False

    def _reset_stories(self) -> None:
        self.story.clear()
        self.story.addItem(self.tr("All stories"), None)

    def load_stories(self) -> None:
        """Fill the story list with the stories most commented in this queue."""
        stories = self._ops.query(lambda: self._newsroom.comments.stories(self.status, STORY_LIMIT))
        current = self.story.currentData()
        self._updating = True
        self._reset_stories()
        locale = QLocale()
        for story in stories or []:
            self.story.addItem(
                f"{story.headline} ({locale.toString(story.comments)})", story.article_id
            )
        position = self.story.findData(current)
        if position < 0 and current is not None:
            self.story.addItem(str(current), current)
            position = self.story.count() - 1
        self.story.setCurrentIndex(max(0, position))
        self._updating = False

    def set_story(self, article_id: int | None, headline: str = "") -> None:
        """Show one story's comments (or all stories with None)."""
        self._updating = True
        position = self.story.findData(article_id) if article_id is not None else 0
        if position < 0:
            self.story.addItem(headline or str(article_id), article_id)
            position = self.story.count() - 1
        self.story.setCurrentIndex(position)
        self._updating = False
        self.changed.emit()

    def clear(self) -> None:
        self._updating = True
        self.section.setCurrentIndex(0)
        self.story.setCurrentIndex(0)
        self.dates.setChecked(False)
        self.author.clear()
        self._updating = False
        self.changed.emit()

    def current_filter(self) -> CommentFilter:
        since = until = None
        if self.dates.isChecked():
            since = _utc(self.since.date())
            until = _utc(self.until.date().addDays(1))
        return CommentFilter(
            article_id=self.story.currentData(),
            section_id=self.section.currentData(),
            since=since,
            until=until,
            author=self.author.text().strip(),
        )

    # -- signals ---------------------------------------------------------------

    def _dates_toggled(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)
        self._emit()

    def _emit(self, *_args: object) -> None:
        if not self._updating:
            self.changed.emit()
