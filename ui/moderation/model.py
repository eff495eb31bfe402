"""A moderation queue's model: comment ids plus cached, neutralised display rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt

from editor.models import CommentStatus
from editor.services.comments import CommentRow
from editor.storage import Newsroom
from ui.labels import local_time
from ui.lazy_model import LazyRowModel


class CommentQueueModel(LazyRowModel[CommentRow]):
    def __init__(self, newsroom: Newsroom, parent: Any = None) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self.status = CommentStatus.PENDING
        self.article_id: int | None = None
        self._locale = QLocale()

    def set_queue(self, status: CommentStatus, article_id: int | None = None) -> None:
        self.status = status
        self.article_id = article_id
        self.reload()

    def fetch_ids(self) -> list[int]:
        return self._newsroom.comments.list_ids(self.status, self.article_id)

    def fetch_rows(self, ids: Sequence[int]) -> Sequence[CommentRow]:
        return self._newsroom.comments.rows(ids)

    def column_headers(self) -> list[str]:
        return [
            QCoreApplication.translate("CommentQueue", "Comment"),
            QCoreApplication.translate("CommentQueue", "Author"),
            QCoreApplication.translate("CommentQueue", "Article"),
            QCoreApplication.translate("CommentQueue", "Submitted"),
        ]

    def display(self, row: CommentRow, column: int) -> Any:
        if column == 0:
            return row.excerpt
        if column == 1:
            return row.author or QCoreApplication.translate("CommentQueue", "(anonymous)")
        if column == 2:
            return row.article
        if column == 3:
            return local_time(row.submitted)
        return None

    def role_data(self, row: CommentRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return row.article
        return None
