"""Translated names for the core's codes (statuses, roles)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.models import ArticleStatus, CommentStatus, Role


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def article_status(status: ArticleStatus) -> str:
    return {
        ArticleStatus.DRAFT: _tr("Draft"),
        ArticleStatus.SUBMITTED: _tr("Submitted"),
        ArticleStatus.APPROVED: _tr("Approved"),
        ArticleStatus.SCHEDULED: _tr("Scheduled"),
        ArticleStatus.PUBLISHED: _tr("Published"),
        ArticleStatus.TRASH: _tr("Trash"),
    }[status]


def comment_status(status: CommentStatus) -> str:
    return {
        CommentStatus.PENDING: _tr("Pending"),
        CommentStatus.APPROVED: _tr("Approved"),
        CommentStatus.SPAM: _tr("Spam"),
        CommentStatus.TRASH: _tr("Trash"),
    }[status]


def role(value: Role) -> str:
    return {
        Role.JOURNALIST: _tr("Journalist"),
        Role.EDITOR: _tr("Editor"),
        Role.MODERATOR: _tr("Moderator"),
        Role.ADMIN: _tr("Admin"),
    }[value]
