"""Reader comments: queues by status, and the decisions moderators make on them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from editor.arabic import neutralize_bidi
from editor.changes import Changes
from editor.errors import InvalidInput, NotFound
from editor.models import (
    Article,
    Comment,
    CommentStatus,
    ModerationDecision,
    User,
    comment_states,
    comments,
)
from editor.moderation import decisions as moves
from editor.moderation.decisions import DecisionBatch
from editor.permissions import Action, allowed, require
from editor.services.comment_records import (
    EXCERPT,
    AuthorHistory,
    CommentFilter,
    CommentRow,
    CommentView,
    Decided,
    DecisionRow,
    QueueKey,
    QueuePage,
    QueueTally,
    StoryCount,
    ThreadEntry,
    as_status,
    make_row,
)

if TYPE_CHECKING:
    from editor.storage import Newsroom

__all__ = [
    "QUEUE_PAGE",
    "AuthorHistory",
    "CommentFilter",
    "CommentRow",
    "CommentService",
    "CommentView",
    "Decided",
    "DecisionRow",
    "QueueKey",
    "QueuePage",
    "QueueTally",
    "StoryCount",
    "ThreadEntry",
]

Q = TypeVar("Q", bound=Select[*tuple[Any, ...]])
ROW_CHUNK = 500
# Ids a queue reads at a time: a few screens, far fewer than a busy queue holds.
QUEUE_PAGE = 1000
MAX_NOTE = 2000
THREAD_LIMIT = 200
HISTORY_LIMIT = 50
# An approval record counts at most this many of an author's latest comments.
HISTORY_COUNTED = 2000


ROW_COLUMNS = (
    Comment.id,
    Comment.article_id,
    Article.headline,
    Comment.author_name,
    func.substr(Comment.text, 1, EXCERPT * 2),
    Comment.submitted,
    Comment.status,
    Comment.held_by,
    Comment.parent_id,
)


_STATES = comment_states


def _author(flt: CommentFilter) -> str:
    return " ".join(neutralize_bidi(flt.author).split())


def _narrows(flt: CommentFilter | None) -> bool:
    """Whether a filter asks about the comments themselves (story, author), not only queues."""
    if flt is None:
        return False
    return flt.article_id is not None or flt.section_id is not None or bool(_author(flt))


class CommentService:
    def __init__(self, newsroom: Newsroom) -> None:
        self._newsroom = newsroom

    # -- queues ------------------------------------------------------------

    def _filtered(self, query: Q, flt: CommentFilter | None, session: Session) -> Q:
        if flt is None:
            return query
        if flt.article_id is not None:
            query = query.where(Comment.article_id == flt.article_id)
        if flt.section_id is not None:
            from editor.services.sections import descendant_ids

            stories = select(Article.id).where(
                Article.section_id.in_(descendant_ids(session, flt.section_id))
            )
            query = query.where(Comment.article_id.in_(stories))
        # Dates on the queue rows: a range of their (status, submitted) index.
        if flt.since is not None:
            query = query.where(_STATES.c.submitted >= flt.since)
        if flt.until is not None:
            query = query.where(_STATES.c.submitted < flt.until)
        author = _author(flt)
        if author:
            private = allowed(self._newsroom.actor.role, Action.SEE_PRIVATE)
            if "@" in author and private:
                query = query.where(Comment.author_email == author)
            else:
                query = query.where(
                    or_(
                        Comment.author_name == author,
                        Comment.author_name.contains(author, autoescape=True),
                    )
                )
        return query

    def _by_status(self, flt: CommentFilter | None) -> Select[Any, Any]:
        """How many comments each queue holds: from the queue rows alone unless filtered."""
        query = select(_STATES.c.status, func.count()).group_by(_STATES.c.status)
        # ``Comment`` is mapped to the comments joined to their queue rows.
        return query.select_from(Comment) if _narrows(flt) else query

    def _queue(
        self, status: CommentStatus, flt: CommentFilter | None, session: Session
    ) -> tuple[Select[Any], Any, Any]:
        """A queue's ids, newest first, with the two columns it is ordered by (a keyset).

        Unfiltered or by date, the queue rows' (status, submitted) index answers
        alone. One story's queue is read in the order of the comments'
        (article, submitted) index instead: walking the whole queue to find a
        story's few comments would cost the whole queue. A section's stories
        hold too many comments to sort; its queue walks the queue index.
        """
        if flt is not None and flt.article_id is not None:
            when, key = comments.c.submitted, comments.c.id
        else:
            when, key = _STATES.c.submitted, _STATES.c.comment_id
        query = select(key)
        if _narrows(flt):
            query = query.select_from(Comment)
        query = self._filtered(query, flt, session).where(_STATES.c.status == status)
        return query.order_by(when.desc(), key.desc()), when, key

    def counts(
        self, flt: CommentFilter | None = None, known: tuple[CommentStatus, int] | None = None
    ) -> dict[CommentStatus, int]:
        """How many comments each queue holds under a filter (the same for every tab).

        ``known`` is a queue whose count the caller already has (the ids it
        just listed): only the other queues are counted.
        """
        with self._newsroom.read() as session:
            query = self._by_status(flt)
            if known is not None:
                others = [s for s in CommentStatus if s != known[0]]
                query = query.where(_STATES.c.status.in_(others))
            found: dict[Any, int] = {
                row[0]: row[1] for row in session.execute(self._filtered(query, flt, session))
            }
        if known is not None:
            found[known[0]] = known[1]
        return {status: int(found.get(status, 0)) for status in CommentStatus}

    def tally(self, flt: CommentFilter | None = None) -> QueueTally:
        """The counts of every queue, the decisions not yet sent, and the last decision.

        All three from one read, so a desk that decided meanwhile can tell
        which of its own decisions the counts include (those up to ``last_decision``).
        """
        with self._newsroom.read() as session:
            query = self._by_status(flt)
            found: dict[Any, int] = {
                row[0]: row[1] for row in session.execute(self._filtered(query, flt, session))
            }
            unsent = session.scalar(
                select(func.count(ModerationDecision.id)).where(
                    ModerationDecision.sent_at.is_(None)
                )
            )
            # Last: on a server reading each statement afresh, a decision
            # committed meanwhile is then counted short, never twice.
            last = session.scalar(select(func.max(ModerationDecision.id)))
        counts = {status: int(found.get(status, 0)) for status in CommentStatus}
        return QueueTally(counts, int(unsent or 0), int(last or 0))

    def list_ids(self, status: CommentStatus, flt: CommentFilter | None = None) -> list[int]:
        """A queue, newest first; the model keeps the ids and fetches rows lazily."""
        with self._newsroom.read() as session:
            query, _, _ = self._queue(status, flt, session)
            # SQLAlchemy builds and binds the query; the ids are read straight
            # from the driver's cursor: per-row result processing costs more
            # than the query itself on a queue of 300,000 (about 3×).
            result = session.connection().execute(query)
            try:
                return [row[0] for row in result.cursor.fetchall()]
            finally:
                result.close()

    def page(
        self,
        status: CommentStatus,
        flt: CommentFilter | None = None,
        after: QueueKey | None = None,
        limit: int | None = QUEUE_PAGE,
    ) -> QueuePage:
        """The queue's ids from ``after`` on (from the top without it), at most ``limit``.

        A keyset on the (status, submitted) index: the first screen of a queue
        of 300,000 costs what a queue of 300 does, however deep the page.
        """
        with self._newsroom.read() as session:
            query, when, key = self._queue(status, flt, session)
            if after is not None:
                # "Before it in time, or at the same moment with a smaller id",
                # with the range on submitted spelled out so the index is used.
                query = query.where(
                    when <= after.submitted,
                    or_(when < after.submitted, key < after.id),
                )
            if limit is not None:
                query = query.limit(limit)
            result = session.connection().execute(query)
            try:
                ids = [row[0] for row in result.cursor.fetchall()]
            finally:
                result.close()
            if limit is None or len(ids) < limit:
                return QueuePage(ids, None)
            last = session.scalar(
                select(_STATES.c.submitted).where(_STATES.c.comment_id == ids[-1])
            )
        if last is None:  # deleted meanwhile: the queue ends here until reloaded
            return QueuePage(ids, None)
        return QueuePage(ids, QueueKey(last, ids[-1]))

    def rows(self, ids: Sequence[int]) -> list[CommentRow]:
        found: dict[int, CommentRow] = {}
        with self._newsroom.read() as session:
            for start in range(0, len(ids), ROW_CHUNK):
                chunk = ids[start : start + ROW_CHUNK]
                query = (
                    select(*ROW_COLUMNS)
                    .join(Article, Article.id == Comment.article_id)
                    .where(Comment.id.in_(chunk))
                )
                for values in session.execute(query):
                    found[values[0]] = make_row(*values)
        return [found[i] for i in ids if i in found]

    def stories(self, status: CommentStatus | None = None, limit: int = 100) -> list[StoryCount]:
        """The stories with most comments (in one queue), for the story filter."""
        query = (
            select(Comment.article_id, Article.headline, func.count(Comment.id).label("n"))
            .join(Article, Article.id == Comment.article_id)
            .group_by(Comment.article_id, Article.headline)
            .order_by(func.count(Comment.id).desc(), Comment.article_id.desc())
            .limit(limit)
        )
        if status is not None:
            query = query.where(Comment.status == status)
        with self._newsroom.read() as session:
            return [
                StoryCount(aid, neutralize_bidi(headline or ""), int(n))
                for aid, headline, n in session.execute(query)
            ]

    # -- one comment -------------------------------------------------------

    def get(self, comment_id: int) -> CommentView:
        views = self.views([comment_id])
        if not views:
            raise NotFound(f"There is no comment {comment_id}", comment_id=comment_id)
        return views[0]

    def views(self, ids: Sequence[int]) -> list[CommentView]:
        """Full comments in the order asked (missing ids skipped); private details by role."""
        private = allowed(self._newsroom.actor.role, Action.SEE_PRIVATE)
        found: dict[int, CommentView] = {}
        # Plain columns, not ORM objects: showing the next comment is on the
        # key press's critical path.
        columns = (
            Comment.id,
            Comment.article_id,
            Article.headline,
            Comment.parent_id,
            Comment.author_name,
            Comment.author_email,
            Comment.author_url,
            Comment.author_ip,
            Comment.text,
            Comment.submitted,
            Comment.status,
            Comment.held_by,
            Comment.note,
            Comment.site_id,
        )
        with self._newsroom.read() as session:
            for start in range(0, len(ids), ROW_CHUNK):
                chunk = ids[start : start + ROW_CHUNK]
                query = (
                    select(*columns)
                    .join(Article, Article.id == Comment.article_id)
                    .where(Comment.id.in_(chunk))
                )
                for c in session.execute(query):
                    found[c.id] = CommentView(
                        id=c.id,
                        article_id=c.article_id,
                        article=neutralize_bidi(c.headline or ""),
                        parent_id=c.parent_id,
                        author=neutralize_bidi(c.author_name or ""),
                        email=(c.author_email or "") if private else "",
                        url=neutralize_bidi(c.author_url or ""),
                        ip=(c.author_ip or "") if private else "",
                        text=neutralize_bidi(c.text or ""),
                        submitted=c.submitted,
                        status=as_status(c.status),
                        held_by=c.held_by,
                        note=c.note or "",
                        site_id=c.site_id,
                    )
        return [found[i] for i in ids if i in found]

    def thread(self, comment_id: int) -> list[ThreadEntry]:
        """The conversation around a comment: from its first ancestor, replies in order.

        At most ``THREAD_LIMIT`` comments, nearest generations first; a story's
        other top-level comments are not part of a thread.
        """
        with self._newsroom.read() as session:
            root = comment_id
            seen = {root}
            for _ in range(THREAD_LIMIT):
                parent = session.scalar(select(Comment.parent_id).where(Comment.id == root))
                if parent is None or parent in seen:
                    break
                seen.add(parent)
                root = parent
            if session.get(Comment, root) is None:
                raise NotFound(f"There is no comment {comment_id}", comment_id=comment_id)
            depth_of = {root: 0}
            children: dict[int, list[int]] = {}
            frontier = [root]
            while frontier and len(depth_of) < THREAD_LIMIT:
                query = (
                    select(Comment.id, Comment.parent_id)
                    .where(Comment.parent_id.in_(frontier[:ROW_CHUNK]))
                    .order_by(Comment.submitted, Comment.id)
                )
                frontier = frontier[ROW_CHUNK:]
                for cid, parent in session.execute(query):
                    if parent is None or cid in depth_of or len(depth_of) >= THREAD_LIMIT:
                        continue
                    depth_of[cid] = depth_of[parent] + 1
                    children.setdefault(parent, []).append(cid)
                    frontier.append(cid)
        order: list[int] = []
        stack = [root]
        while stack:
            current = stack.pop()
            order.append(current)
            stack.extend(reversed(children.get(current, [])))
        return [ThreadEntry(row, depth_of[row.id]) for row in self.rows(order)]

    def author_history(self, comment_id: int) -> AuthorHistory:
        """The author's comments, newest first, with how many went to each queue."""
        with self._newsroom.read() as session:
            found = session.execute(
                select(Comment.author_email, Comment.author_name).where(Comment.id == comment_id)
            ).first()
            if found is None:
                raise NotFound(f"There is no comment {comment_id}", comment_id=comment_id)
            email, name = found
            if (email or "").strip():
                by, condition = "email", Comment.author_email == email
            elif (name or "").strip():
                by, condition = "name", Comment.author_name == name
            else:
                return AuthorHistory("", {s: 0 for s in CommentStatus}, [])
            # The author's index holds (value, id): walking it backwards by id
            # reads the newest comments without touching the rest, so a reader
            # with a hundred thousand comments costs as much as one with ten.
            latest = (
                select(Comment.id, Comment.status)
                .where(condition)
                .order_by(Comment.id.desc())
                .limit(HISTORY_COUNTED)
                .subquery()
            )
            counted: dict[Any, int] = {
                row[0]: row[1]
                for row in session.execute(
                    select(latest.c.status, func.count()).group_by(latest.c.status)
                )
            }
            recent = list(
                session.scalars(
                    select(Comment.id)
                    .where(condition)
                    .order_by(Comment.id.desc())
                    .limit(HISTORY_LIMIT)
                )
            )
            beyond = session.scalar(
                select(Comment.id)
                .where(condition)
                .order_by(Comment.id.desc())
                .offset(HISTORY_COUNTED)
                .limit(1)
            )
        counts = {s: int(counted.get(s, counted.get(s.value, 0))) for s in CommentStatus}
        more = beyond is not None
        rows = sorted(self.rows(recent), key=lambda r: (r.submitted, r.id), reverse=True)
        return AuthorHistory(by, counts, rows, more)

    def decisions(self, comment_id: int) -> list[DecisionRow]:
        """Every decision on a comment, newest first (the audit trail)."""
        with self._newsroom.read() as session:
            query = (
                select(ModerationDecision, User.login)
                .outerjoin(User, User.id == ModerationDecision.user_id)
                .where(ModerationDecision.comment_id == comment_id)
                .order_by(ModerationDecision.at.desc(), ModerationDecision.id.desc())
            )
            return [
                DecisionRow(
                    d.at,
                    login or "",
                    CommentStatus(d.from_status),
                    CommentStatus(d.to_status),
                    d.source,
                    d.note,
                    d.sent_at is not None,
                )
                for d, login in session.execute(query)
            ]

    # -- changing ----------------------------------------------------------

    def set_note(self, comment_id: int, note: str) -> Changes:
        """The moderators' own note on a comment (never sent to the site)."""
        require(self._newsroom.actor.role, Action.MODERATE)
        note = neutralize_bidi(note).strip()
        if len(note) > MAX_NOTE:
            raise InvalidInput(f"A note is at most {MAX_NOTE} characters", field="note")
        with self._newsroom.write() as session:
            comment = session.get(Comment, comment_id)
            if comment is None:
                raise NotFound(f"There is no comment {comment_id}", comment_id=comment_id)
            if comment.note == note:
                return Changes()
            comment.note = note
        return Changes(comments=frozenset({comment_id}))

    def decide(
        self,
        ids: Sequence[int],
        status: CommentStatus,
        *,
        note: str = "",
        source: str = "manual",
    ) -> Decided:
        """Move comments to a queue in one transaction, recording a decision for each.

        Comments already in ``status`` are left alone (no decision). The
        returned batch undoes exactly this call (``undo``).
        """
        actor = self._newsroom.actor
        require(actor.role, Action.MODERATE)
        if source not in moves.SOURCES:
            raise InvalidInput(f"Unknown decision source {source!r}", field="source")
        with self._newsroom.write() as session:
            moved, batch = moves.move(
                session,
                ids,
                CommentStatus(status),
                user_id=actor.user_id,
                source=source,
                note=neutralize_bidi(note).strip()[:MAX_NOTE],
            )
        return Decided(Changes(comments=frozenset(moved)), batch)

    def set_status(
        self,
        ids: Sequence[int],
        status: CommentStatus,
        *,
        note: str = "",
        source: str = "manual",
    ) -> Changes:
        """Move comments to a queue, recording who, when, from and to for each."""
        return self.decide(ids, status, note=note, source=source).changes

    def undo(self, batch: DecisionBatch) -> Decided:
        """Take a batch of decisions back, for the comments nobody has moved since."""
        actor = self._newsroom.actor
        require(actor.role, Action.MODERATE)
        with self._newsroom.write() as session:
            moved, again = moves.undo(session, batch, user_id=actor.user_id)
        return Decided(Changes(comments=frozenset(moved)), again)
