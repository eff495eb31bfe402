"""Reader comments: queues by status, and the decisions moderators make on them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select, update

from editor.arabic import neutralize_bidi
from editor.changes import Changes
from editor.errors import NotFound
from editor.models import Article, Comment, CommentStatus, ModerationDecision, utcnow
from editor.permissions import Action, allowed, require

if TYPE_CHECKING:
    from editor.storage import Newsroom

ROW_CHUNK = 500
EXCERPT = 200


@dataclass(frozen=True)
class CommentRow:
    """One line of a moderation queue; the text is a neutralised excerpt."""

    id: int
    article_id: int
    article: str
    author: str
    excerpt: str
    submitted: dt.datetime
    status: CommentStatus


@dataclass(frozen=True)
class CommentView:
    id: int
    article_id: int
    article: str
    parent_id: int | None
    author: str
    # Empty unless the actor may see readers' private details.
    email: str
    url: str
    ip: str
    text: str
    submitted: dt.datetime
    status: CommentStatus
    held_by: dict[str, Any] | None
    note: str
    site_id: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "parent_id": self.parent_id,
            "author": self.author,
            "email": self.email,
            "url": self.url,
            "text": self.text,
            "status": self.status.value,
            "submitted": self.submitted.isoformat(timespec="seconds"),
            "site_id": self.site_id,
            "held_by": self.held_by,
        }


def _excerpt(text: str) -> str:
    flat = " ".join(neutralize_bidi(text).split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1] + "…"


class CommentService:
    def __init__(self, newsroom: Newsroom) -> None:
        self._newsroom = newsroom

    def counts(self, article_id: int | None = None) -> dict[CommentStatus, int]:
        query = select(Comment.status, func.count(Comment.id)).group_by(Comment.status)
        if article_id is not None:
            query = query.where(Comment.article_id == article_id)
        with self._newsroom.read() as session:
            found = dict(session.execute(query).all())
        return {status: int(found.get(status, 0)) for status in CommentStatus}

    def list_ids(self, status: CommentStatus, article_id: int | None = None) -> list[int]:
        """A queue, newest first; the model keeps the ids and fetches rows lazily."""
        query = select(Comment.id).where(Comment.status == status)
        if article_id is not None:
            query = query.where(Comment.article_id == article_id)
        query = query.order_by(Comment.submitted.desc(), Comment.id.desc())
        with self._newsroom.read() as session:
            return list(session.scalars(query))

    def rows(self, ids: Sequence[int]) -> list[CommentRow]:
        found: dict[int, CommentRow] = {}
        with self._newsroom.read() as session:
            for start in range(0, len(ids), ROW_CHUNK):
                chunk = ids[start : start + ROW_CHUNK]
                query = (
                    select(
                        Comment.id,
                        Comment.article_id,
                        Article.headline,
                        Comment.author_name,
                        func.substr(Comment.text, 1, EXCERPT * 2),
                        Comment.submitted,
                        Comment.status,
                    )
                    .join(Article, Article.id == Comment.article_id)
                    .where(Comment.id.in_(chunk))
                )
                for cid, aid, headline, author, text, submitted, status in session.execute(query):
                    found[cid] = CommentRow(
                        cid,
                        aid,
                        neutralize_bidi(headline),
                        neutralize_bidi(author),
                        _excerpt(text),
                        submitted,
                        status,
                    )
        return [found[i] for i in ids if i in found]

    def get(self, comment_id: int) -> CommentView:
        private = allowed(self._newsroom.actor.role, Action.SEE_PRIVATE)
        with self._newsroom.read() as session:
            row = session.execute(
                select(Comment, Article.headline)
                .join(Article, Article.id == Comment.article_id)
                .where(Comment.id == comment_id)
            ).first()
            if row is None:
                raise NotFound(f"There is no comment {comment_id}", comment_id=comment_id)
            c, headline = row
            return CommentView(
                id=c.id,
                article_id=c.article_id,
                article=neutralize_bidi(headline),
                parent_id=c.parent_id,
                author=neutralize_bidi(c.author_name),
                email=c.author_email if private else "",
                url=c.author_url,
                ip=c.author_ip if private else "",
                text=neutralize_bidi(c.text),
                submitted=c.submitted,
                status=CommentStatus(c.status),
                held_by=c.held_by,
                note=c.note,
                site_id=c.site_id,
            )

    def set_status(
        self,
        ids: Sequence[int],
        status: CommentStatus,
        *,
        note: str = "",
        source: str = "manual",
    ) -> Changes:
        """Move comments to a queue, recording who, when, from and to for each."""
        actor = self._newsroom.actor
        require(actor.role, Action.MODERATE)
        now = utcnow()
        changed: set[int] = set()
        with self._newsroom.write() as session:
            for start in range(0, len(ids), ROW_CHUNK):
                chunk = list(ids[start : start + ROW_CHUNK])
                current = session.execute(
                    select(Comment.id, Comment.status).where(Comment.id.in_(chunk))
                ).all()
                moving = [(cid, old) for cid, old in current if old != status]
                if not moving:
                    continue
                session.execute(
                    update(Comment)
                    .where(Comment.id.in_([cid for cid, _ in moving]))
                    .values(status=status)
                )
                session.execute(
                    insert(ModerationDecision),
                    [
                        {
                            "comment_id": cid,
                            "user_id": actor.user_id,
                            "at": now,
                            "from_status": CommentStatus(old).value,
                            "to_status": status.value,
                            "source": source,
                            "note": note,
                        }
                        for cid, old in moving
                    ],
                )
                changed.update(cid for cid, _ in moving)
        return Changes(comments=frozenset(changed))
