"""Translated names for the core's codes (statuses, roles)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime, QTimeZone

from editor.models import ArticleStatus, CommentStatus, Role


def article_status(status: ArticleStatus) -> str:
    return {
        ArticleStatus.DRAFT: QCoreApplication.translate("Labels", "Draft"),
        ArticleStatus.SUBMITTED: QCoreApplication.translate("Labels", "Submitted"),
        ArticleStatus.APPROVED: QCoreApplication.translate("Labels", "Approved"),
        ArticleStatus.SCHEDULED: QCoreApplication.translate("Labels", "Scheduled"),
        ArticleStatus.PUBLISHED: QCoreApplication.translate("Labels", "Published"),
        ArticleStatus.TRASH: QCoreApplication.translate("Labels", "Trash"),
    }[status]


def comment_status(status: CommentStatus) -> str:
    return {
        CommentStatus.PENDING: QCoreApplication.translate("Labels", "Pending"),
        CommentStatus.APPROVED: QCoreApplication.translate("Labels", "Approved"),
        CommentStatus.SPAM: QCoreApplication.translate("Labels", "Spam"),
        CommentStatus.TRASH: QCoreApplication.translate("Labels", "Trash"),
    }[status]


def role(value: Role) -> str:
    return {
        Role.JOURNALIST: QCoreApplication.translate("Labels", "Journalist"),
        Role.EDITOR: QCoreApplication.translate("Labels", "Editor"),
        Role.MODERATOR: QCoreApplication.translate("Labels", "Moderator"),
        Role.ADMIN: QCoreApplication.translate("Labels", "Admin"),
        Role.GUEST: QCoreApplication.translate("Labels", "Not signed in"),
    }[value]


def local_time(value: dt.datetime) -> str:
    """A stored (naive UTC) timestamp in the reader's time zone and locale."""
    moment = QDateTime(
        QDate(value.year, value.month, value.day),
        QTime(value.hour, value.minute, value.second),
        QTimeZone.utc(),
    ).toLocalTime()
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)
