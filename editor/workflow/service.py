"""Moving stories through the workflow, with a log entry for every move."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editor.changes import Changes
from editor.errors import InvalidInput, NotFound, PermissionDenied
from editor.models import (
    Article,
    ArticleEvent,
    ArticleSeen,
    ArticleStatus,
    Revision,
    Role,
    Section,
    User,
    utcnow,
)
from editor.workflow import transitions
from editor.workflow.records import (
    ActivityRow,
    ReviewRow,
    SeenComparison,
    as_datetime,
    filter_events,
)

if TYPE_CHECKING:
    from editor.storage import Actor, Newsroom

S = ArticleStatus


def missing_fields(article: Article) -> list[str]:
    """What a story lacks before it may be submitted or published (field codes)."""
    from editor.body import body_text

    missing = []
    if not article.headline.strip():
        missing.append("headline")
    if article.section_id is None:
        missing.append("section")
    if not body_text(article.body_html).strip():
        missing.append("body")
    if not article.dateline_place.strip():
        missing.append("dateline_place")
    return missing


def log_event(
    session: Session,
    article_id: int,
    actor: Actor,
    action: str,
    *,
    from_status: str | None = None,
    to_status: str | None = None,
    note: str = "",
    at: dt.datetime | None = None,
) -> None:
    session.add(
        ArticleEvent(
            article_id=article_id,
            user_id=actor.user_id,
            at=at or utcnow(),
            action=action,
            from_status=from_status,
            to_status=to_status,
            note=note,
        )
    )


class WorkflowService:
    def __init__(self, newsroom: Newsroom) -> None:
        self._newsroom = newsroom

    # -- transitions ---------------------------------------------------------

    def allowed_targets(self, article_id: int) -> list[ArticleStatus]:
        actor = self._newsroom.actor
        with self._newsroom.read() as session:
            article = _load(session, article_id)
            return transitions.allowed_targets(
                actor.role, ArticleStatus(article.status), own=article.author_id == actor.user_id
            )

    def transition(
        self,
        article_id: int,
        to_status: ArticleStatus,
        *,
        note: str = "",
        scheduled_for: dt.datetime | None = None,
        output_dir: Path | None = None,
    ) -> Changes:
        """Move a story; publishing and unpublishing also write or remove its page."""
        if to_status is S.PUBLISHED:
            return self.publish(article_id, output_dir=output_dir, note=note)
        actor = self._newsroom.actor
        with self._newsroom.write() as session:
            article = _load(session, article_id)
            current = ArticleStatus(article.status)
            self._check(article, current, to_status, actor, note)
            if to_status is S.SUBMITTED and (missing := missing_fields(article)):
                raise InvalidInput("The story is missing: " + ", ".join(missing), missing=missing)
            if to_status is S.SCHEDULED:
                _check_schedule(scheduled_for)
                article.scheduled_for = scheduled_for
            if to_status is S.TRASH:
                article.status_before_trash = current.value
            if current is S.PUBLISHED:
                from editor.workflow.publishing import Publisher

                Publisher(self._newsroom, output_dir).remove(session, article)
                article.published = None
            if current is S.SCHEDULED:
                article.scheduled_for = None
            article.status = to_status
            article.updated = utcnow()
            action = "return" if to_status is S.DRAFT and current is not S.TRASH else "transition"
            log_event(
                session,
                article.id,
                actor,
                action,
                from_status=current.value,
                to_status=to_status.value,
                note=note.strip(),
            )
        return Changes(articles=frozenset({article_id}))

    def restore(self, article_id: int) -> Changes:
        """Take a story out of the trash, back to the status it had."""
        actor = self._newsroom.actor
        with self._newsroom.write() as session:
            article = _load(session, article_id)
            if article.status is not S.TRASH:
                raise InvalidInput("Only a story in the trash can be restored")
            own = article.author_id == actor.user_id
            if actor.role not in transitions.TRASH_ROLES and not (
                own and actor.role in transitions.OWN_DRAFT_TRASH_ROLES
            ):
                raise _denied(actor, "restore")
            back = ArticleStatus(article.status_before_trash or S.DRAFT.value)
            if back in (S.PUBLISHED, S.SCHEDULED):
                back = S.APPROVED  # its page was removed; publishing again is a decision
            article.status = back
            article.status_before_trash = None
            article.updated = utcnow()
            log_event(
                session,
                article.id,
                actor,
                "restore",
                from_status=S.TRASH.value,
                to_status=back.value,
            )
        return Changes(articles=frozenset({article_id}))

    def _check(self, article: Article, current: S, target: S, actor: Actor, note: str) -> None:
        own = article.author_id == actor.user_id
        if target not in transitions.allowed_targets(actor.role, current, own=own):
            raise PermissionDenied(
                f"A {actor.role.value} may not move a {current.value} story to {target.value}",
                role=actor.role.value,
                action=f"{current.value}->{target.value}",
            )
        if (current, target) in transitions.NOTE_REQUIRED and not note.strip():
            raise InvalidInput("Returning a story needs a note for the journalist", field="note")

    # -- publishing --------------------------------------------------------

    def publish(
        self,
        article_id: int,
        *,
        output_dir: Path | None = None,
        note: str = "",
        by_schedule: str | None = None,
    ) -> Changes:
        """Write the story's page and mark it published, or change nothing at all."""
        from editor.workflow.publishing import Publisher

        actor = self._newsroom.actor
        publisher = Publisher(self._newsroom, output_dir)
        with self._newsroom.write() as session:
            article = _load(session, article_id)
            current = ArticleStatus(article.status)
            if by_schedule is None:
                self._check(article, current, S.PUBLISHED, actor, note)
            if missing := missing_fields(article):
                raise InvalidInput(
                    "The story cannot be published; it is missing: " + ", ".join(missing),
                    missing=missing,
                )
            now = utcnow()
            article.status = S.PUBLISHED
            article.published = article.published or now
            article.scheduled_for = None
            article.updated = now
            log_event(
                session,
                article.id,
                actor,
                "publish",
                from_status=current.value,
                to_status=S.PUBLISHED.value,
                note=by_schedule or note.strip(),
            )
            session.flush()
            # The page is written last, inside the transaction: if it fails the
            # status rolls back; if the commit fails the page is removed.
            written = publisher.write(session, article)
            try:
                session.commit()
            except BaseException:
                for path in written:
                    path.unlink(missing_ok=True)
                raise
        return Changes(articles=frozenset({article_id}))

    def unpublish(self, article_id: int, *, output_dir: Path | None = None) -> Changes:
        return self.transition(article_id, S.APPROVED, output_dir=output_dir)

    def schedule(self, article_id: int, when: dt.datetime) -> Changes:
        return self.transition(article_id, S.SCHEDULED, scheduled_for=when)

    def due(self, now: dt.datetime | None = None) -> list[int]:
        with self._newsroom.read() as session:
            return list(
                session.scalars(
                    select(Article.id)
                    .where(
                        Article.status == S.SCHEDULED, Article.scheduled_for <= (now or utcnow())
                    )
                    .order_by(Article.scheduled_for)
                )
            )

    def run_schedule(
        self,
        *,
        now: dt.datetime | None = None,
        when: str = "while running",
        output_dir: Path | None = None,
    ) -> list[int]:
        """Publish every scheduled story whose time has come; the log says when it ran."""
        published = []
        for article_id in self.due(now):
            self.publish(
                article_id, output_dir=output_dir, by_schedule=f"published by schedule ({when})"
            )
            published.append(article_id)
        return published

    # -- review and activity -------------------------------------------------

    def review_queue(self) -> list[int]:
        """Submitted stories, oldest submission first."""
        return [row.id for row in self.review_rows()]

    def review_rows(self) -> list[ReviewRow]:
        """The review desk: submitted stories, oldest submission first.

        The submission time is the story's latest move to "submitted" in the log
        (its last save would reorder the desk every time an editor touched it);
        a story submitted before the log existed (an import) falls back to its
        last update.
        """
        submitted_at = (
            select(func.max(ArticleEvent.at))
            .where(
                ArticleEvent.article_id == Article.id,
                ArticleEvent.to_status == S.SUBMITTED.value,
            )
            .correlate(Article)
            .scalar_subquery()
        )
        when = func.coalesce(submitted_at, Article.updated).label("submitted")
        query = (
            select(Article.id, Article.headline, User.display_name, User.login, Section.name, when)
            .outerjoin(User, User.id == Article.author_id)
            .outerjoin(Section, Section.id == Article.section_id)
            .where(Article.status == S.SUBMITTED)
            .order_by(when, Article.id)
        )
        with self._newsroom.read() as session:
            return [
                ReviewRow(id_, headline, name or login or "", section or "", as_datetime(at))
                for id_, headline, name, login, section, at in session.execute(query)
            ]

    def mark_seen(self, article_id: int) -> None:
        """Remember the version this editor has now reviewed."""
        actor = self._newsroom.actor
        if actor.user_id is None:
            return
        with self._newsroom.write() as session:
            article = _load(session, article_id)
            seen = session.get(ArticleSeen, (actor.user_id, article_id))
            if seen is None:
                session.add(
                    ArticleSeen(
                        user_id=actor.user_id, article_id=article_id, version=article.version
                    )
                )
            else:
                seen.version = article.version
                seen.at = utcnow()

    def last_seen_revision(self, article_id: int) -> int | None:
        """The revision matching the version this editor last saw, if any."""
        actor = self._newsroom.actor
        with self._newsroom.read() as session:
            seen = session.get(ArticleSeen, (actor.user_id or 0, article_id))
            if seen is None:
                return None
            return session.scalar(
                select(Revision.id)
                .where(Revision.article_id == article_id, Revision.article_version <= seen.version)
                .order_by(Revision.article_version.desc(), Revision.id.desc())
                .limit(1)
            )

    def since_seen(self, article_id: int) -> SeenComparison:
        """What this editor last reviewed of a story, and the story as saved now."""
        seen_revision = self.last_seen_revision(article_id)
        with self._newsroom.read() as session:
            latest = session.scalar(
                select(Revision)
                .where(Revision.article_id == article_id)
                .order_by(Revision.article_version.desc(), Revision.id.desc())
                .limit(1)
            )
            if latest is None:
                raise NotFound(f"There is no article {article_id}", article_id=article_id)
            seen = session.get(Revision, seen_revision) if seen_revision is not None else None
            seen_at = session.scalar(
                select(ArticleSeen.at).where(
                    ArticleSeen.user_id == (self._newsroom.actor.user_id or 0),
                    ArticleSeen.article_id == article_id,
                )
            )
            return SeenComparison(
                article_id,
                dict(seen.snapshot) if seen is not None else None,
                dict(latest.snapshot),
                seen_at,
            )

    def return_note(self, article_id: int) -> ActivityRow | None:
        """The editor's note if the story's latest move was a return to draft."""
        rows = self.activity(article_id=article_id, limit=1)
        if rows and rows[0].action == "return":
            return rows[0]
        return None

    def activity(
        self,
        *,
        article_id: int | None = None,
        user_id: int | None = None,
        actions: Sequence[str] = (),
        limit: int = 500,
    ) -> list[ActivityRow]:
        """The log, newest first: one story's, or the newsroom's, filtered."""
        ids = self.activity_ids(
            article_id=article_id, user_id=user_id, actions=actions, limit=limit
        )
        return self.activity_rows(ids)

    def activity_ids(
        self,
        *,
        article_id: int | None = None,
        user_id: int | None = None,
        actions: Sequence[str] = (),
        limit: int | None = None,
    ) -> list[int]:
        """Log entry ids, newest first; read from an index alone, for a lazy list."""
        query = filter_events(
            select(ArticleEvent.id), article_id=article_id, user_id=user_id, actions=actions
        ).order_by(ArticleEvent.at.desc(), ArticleEvent.id.desc())
        if limit is not None:
            query = query.limit(limit)
        with self._newsroom.read() as session:
            return list(session.scalars(query))

    def activity_rows(self, ids: Sequence[int]) -> list[ActivityRow]:
        """The log entries with these ids, in the order given."""
        if not ids:
            return []
        query = (
            select(ArticleEvent, Article.headline, User.display_name, User.login)
            .join(Article, Article.id == ArticleEvent.article_id)
            .outerjoin(User, User.id == ArticleEvent.user_id)
            .where(ArticleEvent.id.in_(list(ids)))
        )
        with self._newsroom.read() as session:
            found = {
                e.id: ActivityRow(
                    e.id,
                    e.article_id,
                    headline,
                    name or login or "",
                    e.at,
                    e.action,
                    e.from_status,
                    e.to_status,
                    e.note,
                )
                for e, headline, name, login in session.execute(query)
            }
        return [found[i] for i in ids if i in found]

    def activity_people(self) -> list[tuple[int, str]]:
        """Everyone who may appear in the log (for a filter), by name."""
        with self._newsroom.read() as session:
            rows = session.execute(select(User.id, User.display_name, User.login))
            people = [(id_, name or login) for id_, name, login in rows]
        return sorted(people, key=lambda p: p[1])


def _load(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"There is no article {article_id}", article_id=article_id)
    return article


def _check_schedule(when: dt.datetime | None) -> None:
    if when is None:
        raise InvalidInput("Scheduling needs a date and time", field="scheduled_for")
    if when <= utcnow():
        raise InvalidInput(
            "That time has already passed; choose a time in the future", field="scheduled_for"
        )


def _denied(actor: Actor, action: str) -> PermissionDenied:
    return PermissionDenied(
        f"A {actor.role.value} may not {action} this story", role=actor.role.value, action=action
    )


__all__ = [
    "ActivityRow",
    "ReviewRow",
    "Role",
    "SeenComparison",
    "WorkflowService",
    "log_event",
    "missing_fields",
]
