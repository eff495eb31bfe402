"""Articles: listing, reading, creating and saving stories, with a revision per save."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased, joinedload, selectinload

from editor.arabic import neutralize_bidi
from editor.body import sanitize_body
from editor.changes import Changes
from editor.dateline import Dateline
from editor.errors import ConflictError, InvalidInput, NotFound
from editor.fetch import first_column
from editor.models import (
    Article,
    ArticleStatus,
    Revision,
    Section,
    User,
    article_tags,
    utcnow,
)
from editor.permissions import Action, require
from editor.search import reindex_articles
from editor.slugs import make_slug, unique_slug

if TYPE_CHECKING:
    from editor.services.revisions import PlaceCount
    from editor.storage import Newsroom

MAX_HEADLINE = 500
ROW_CHUNK = 500


class ArticleSort(enum.StrEnum):
    HEADLINE = "headline"
    SECTION = "section"
    STATUS = "status"
    AUTHOR = "author"
    UPDATED = "updated"
    CREATED = "created"


@dataclass(frozen=True)
class ArticleFilter:
    """What the article list shows; empty means everything but the trash."""

    section_id: int | None = None
    tag_ids: tuple[int, ...] = ()
    tags_match_all: bool = True
    statuses: tuple[ArticleStatus, ...] = ()
    author_id: int | None = None
    include_trash: bool = False


@dataclass(frozen=True)
class ArticleRow:
    """One line of the article list, immutable and cheap to cache."""

    id: int
    headline: str
    section: str
    status: ArticleStatus
    author: str
    updated: dt.datetime


@dataclass(frozen=True)
class ArticleDraft:
    """The fields a person edits; what ``create`` and ``save`` take."""

    headline: str = ""
    standfirst: str = ""
    body_html: str = ""
    dateline: Dateline = field(default_factory=lambda: Dateline(""))
    byline: str = ""
    section_id: int | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleView:
    id: int
    headline: str
    standfirst: str
    body_html: str
    dateline: Dateline
    byline: str
    section_id: int | None
    section: str
    tags: tuple[str, ...]
    status: ArticleStatus
    slug: str
    author_id: int | None
    author: str
    created: dt.datetime
    updated: dt.datetime
    published: dt.datetime | None
    scheduled_for: dt.datetime | None
    version: int
    site_id: int | None

    def draft(self) -> ArticleDraft:
        return ArticleDraft(
            headline=self.headline,
            standfirst=self.standfirst,
            body_html=self.body_html,
            dateline=self.dateline,
            byline=self.byline,
            section_id=self.section_id,
            tags=self.tags,
        )

    def to_json(self) -> dict[str, Any]:
        """The article's JSON form: its keys are a promise to newsrooms' scripts."""
        return {
            "id": self.id,
            "headline": self.headline,
            "standfirst": self.standfirst,
            "section": self.section or None,
            "tags": list(self.tags),
            "status": self.status.value,
            "byline": self.byline,
            "dateline": {
                "place": self.dateline.place,
                "date": self.dateline.date.isoformat() if self.dateline.date else None,
                "sources": list(self.dateline.sources),
            },
            "body_html": self.body_html,
            "created": self.created.isoformat(timespec="seconds"),
            "updated": self.updated.isoformat(timespec="seconds"),
        }


@dataclass(frozen=True)
class RevisionRow:
    id: int
    article_version: int
    created: dt.datetime
    user: str
    reason: str


def _clean_text(value: str) -> str:
    return neutralize_bidi(value).strip()


class ArticleService:
    def __init__(self, newsroom: Newsroom) -> None:
        self._newsroom = newsroom

    # -- reading ---------------------------------------------------------

    def _filtered(self, query: Select[Any], flt: ArticleFilter, session: Session) -> Select[Any]:
        if flt.section_id is not None:
            from editor.services.sections import descendant_ids

            query = query.where(Article.section_id.in_(descendant_ids(session, flt.section_id)))
        if flt.statuses:
            query = query.where(Article.status.in_(flt.statuses))
        elif not flt.include_trash:
            query = query.where(Article.status != ArticleStatus.TRASH)
        if flt.author_id is not None:
            query = query.where(Article.author_id == flt.author_id)
        if flt.tag_ids:
            tagged = (
                select(article_tags.c.article_id)
                .where(article_tags.c.tag_id.in_(flt.tag_ids))
                .group_by(article_tags.c.article_id)
            )
            if flt.tags_match_all:
                tagged = tagged.having(
                    func.count(func.distinct(article_tags.c.tag_id)) == len(set(flt.tag_ids))
                )
            query = query.where(Article.id.in_(tagged))
        return query

    def list_ids(
        self,
        flt: ArticleFilter | None = None,
        sort: ArticleSort = ArticleSort.UPDATED,
        descending: bool = True,
    ) -> list[int]:
        """Ids in display order: the list model keeps these and fetches rows lazily."""
        flt = flt or ArticleFilter()
        section = aliased(Section)
        author = aliased(User)
        key: Any = {
            ArticleSort.HEADLINE: Article.headline,
            ArticleSort.SECTION: section.name,
            ArticleSort.STATUS: Article.status,
            ArticleSort.AUTHOR: author.display_name,
            ArticleSort.UPDATED: Article.updated,
            ArticleSort.CREATED: Article.created,
        }[sort]
        query: Select[Any] = select(Article.id)
        if sort is ArticleSort.SECTION:
            query = query.outerjoin(section, Article.section_id == section.id)
        if sort is ArticleSort.AUTHOR:
            query = query.outerjoin(author, Article.author_id == author.id)
        ordering = [key.desc(), Article.id.desc()] if descending else [key.asc(), Article.id]
        with self._newsroom.read() as session:
            query = self._filtered(query, flt, session).order_by(*ordering)
            return first_column(session, query)

    def count(self, flt: ArticleFilter | None = None) -> int:
        with self._newsroom.read() as session:
            query = self._filtered(select(func.count(Article.id)), flt or ArticleFilter(), session)
            return int(session.scalar(query) or 0)

    def rows(self, ids: Sequence[int]) -> list[ArticleRow]:
        """Display rows for these ids, in the same order (missing ids are skipped)."""
        found: dict[int, ArticleRow] = {}
        with self._newsroom.read() as session:
            for start in range(0, len(ids), ROW_CHUNK):
                chunk = ids[start : start + ROW_CHUNK]
                query = (
                    select(
                        Article.id,
                        Article.headline,
                        Section.name,
                        Article.status,
                        User.display_name,
                        User.login,
                        Article.updated,
                    )
                    .outerjoin(Section, Article.section_id == Section.id)
                    .outerjoin(User, Article.author_id == User.id)
                    .where(Article.id.in_(chunk))
                )
                for aid, headline, section, status, display, login, updated in session.execute(
                    query
                ):
                    found[aid] = ArticleRow(
                        aid, headline, section or "", status, display or login or "", updated
                    )
        return [found[i] for i in ids if i in found]

    def get(self, article_id: int) -> ArticleView:
        with self._newsroom.read() as session:
            return _view(_load(session, article_id))

    def version(self, article_id: int) -> int:
        """The stored version: what the next save must start from (a cheap read)."""
        with self._newsroom.read() as session:
            value = session.scalar(select(Article.version).where(Article.id == article_id))
        if value is None:
            raise NotFound(f"There is no article {article_id}", article_id=article_id)
        return int(value)

    def revisions(self, article_id: int) -> list[RevisionRow]:
        with self._newsroom.read() as session:
            query = (
                select(Revision, User.display_name, User.login)
                .outerjoin(User, Revision.user_id == User.id)
                .where(Revision.article_id == article_id)
                .order_by(Revision.created.desc(), Revision.id.desc())
            )
            return [
                RevisionRow(
                    rev.id, rev.article_version, rev.created, name or login or "", rev.reason
                )
                for rev, name, login in session.execute(query)
            ]

    def revision_snapshot(self, revision_id: int) -> dict[str, Any]:
        with self._newsroom.read() as session:
            revision = session.get(Revision, revision_id)
            if revision is None:
                raise NotFound(f"There is no revision {revision_id}", revision_id=revision_id)
            return dict(revision.snapshot)

    # -- writing ---------------------------------------------------------

    def create(
        self,
        draft: ArticleDraft,
        *,
        status: ArticleStatus = ArticleStatus.DRAFT,
        reason: str = "create",
    ) -> Changes:
        actor = self._newsroom.actor
        require(actor.role, Action.WRITE_ARTICLE)
        with self._newsroom.write() as session:
            article = Article(status=status, author_id=actor.user_id, dateline_sources=[])
            session.add(article)
            _apply(session, article, draft)
            session.flush()
            _record_revision(session, article, actor.user_id, reason)
            new_id = article.id
            reindex_articles(session, [new_id])
        return Changes(articles=frozenset({new_id}), tags=bool(draft.tags), new_id=new_id)

    def save(
        self, article_id: int, draft: ArticleDraft, *, base_version: int, reason: str = "save"
    ) -> Changes:
        """Save over the version the editor started from; a newer one is a conflict."""
        actor = self._newsroom.actor
        require(actor.role, Action.WRITE_ARTICLE)
        with self._newsroom.write() as session:
            article = _load(session, article_id, for_save=True)
            if article.version != base_version:
                raise ConflictError(
                    f"Article {article_id} was saved by someone else since you opened it"
                    f" (version {article.version}, yours {base_version})",
                    article_id=article_id,
                    current_version=article.version,
                    base_version=base_version,
                )
            before = _snapshot(article)
            _apply(session, article, draft)
            after = _snapshot(article)
            if after == before:
                return Changes()
            article.updated = utcnow()
            session.flush()
            _record_revision(session, article, actor.user_id, reason, after)
            reindex_articles(session, [article_id])
            version = article.version
        return Changes(articles=frozenset({article_id}), tags=bool(draft.tags), version=version)

    def restore_revision(self, article_id: int, revision_id: int, *, base_version: int) -> Changes:
        """Bring back a revision's fields as a new revision ("restore"); status is unchanged."""
        from editor.services.revisions import draft_fields

        with self._newsroom.read() as session:
            revision = session.get(Revision, revision_id)
            if revision is None or revision.article_id != article_id:
                raise NotFound(f"There is no revision {revision_id}", revision_id=revision_id)
            draft = ArticleDraft(**draft_fields(session, dict(revision.snapshot)))
        return self.save(article_id, draft, base_version=base_version, reason="restore")

    def dateline_places(self, limit: int = 1000) -> list[PlaceCount]:
        """Places of earlier datelines, most used first, for completion."""
        from editor.services.revisions import dateline_places

        with self._newsroom.read() as session:
            return dateline_places(session, limit)

    def dateline_sources(self, limit: int = 200) -> list[str]:
        """Sources the newsroom has cited lately, most used first, for completion."""
        from editor.services.revisions import recent_sources

        with self._newsroom.read() as session:
            return recent_sources(session, limit)

    def import_page_text(self, text: str) -> Changes:
        """A copied article page becomes a draft: section matched or created, chrome gone."""
        from editor.pagetext import parse_page_text

        page = parse_page_text(text)
        section_changes = Changes()
        section_id = None
        if page.section:
            section_changes = self._newsroom.sections.find_or_create(page.section)
            section_id = section_changes.new_id
        changes = self.create(
            ArticleDraft(
                headline=page.headline,
                standfirst=page.standfirst,
                body_html=page.body_html,
                dateline=page.dateline or Dateline(""),
                section_id=section_id,
            ),
            reason="import",
        )
        return section_changes | changes


def _load(session: Session, article_id: int, *, for_save: bool = False) -> Article:
    # A save reads the section and tags for its snapshots: one query for all
    # of it rather than lazy loads one by one (a third of a save's time).
    options = (selectinload(Article.tags), joinedload(Article.section)) if for_save else ()
    article = session.get(Article, article_id, options=options)
    if article is None:
        raise NotFound(f"There is no article {article_id}", article_id=article_id)
    return article


def _apply(session: Session, article: Article, draft: ArticleDraft) -> None:
    # No autoflush: the look-ups below would otherwise write the article
    # half-updated and bump its version once per look-up.
    with session.no_autoflush:
        _apply_fields(session, article, draft)


def _apply_fields(session: Session, article: Article, draft: ArticleDraft) -> None:
    from editor.services.tags import ensure_tags

    headline = _clean_text(draft.headline)
    if len(headline) > MAX_HEADLINE:
        raise InvalidInput(
            f"The headline is {len(headline)} characters; at most {MAX_HEADLINE} fit",
            field="headline",
        )
    section = session.get(Section, draft.section_id) if draft.section_id is not None else None
    if draft.section_id is not None and section is None:
        raise NotFound(f"There is no section {draft.section_id}", section_id=draft.section_id)
    article.headline = headline
    article.standfirst = _clean_text(draft.standfirst)
    article.body_html = sanitize_body(draft.body_html)
    article.dateline_place = _clean_text(draft.dateline.place)
    article.dateline_date = draft.dateline.date
    article.dateline_sources = [s for s in (_clean_text(x) for x in draft.dateline.sources) if s]
    article.byline = _clean_text(draft.byline)
    # The relationship, not only the column, so the snapshot sees the new
    # section without a refresh.
    article.section = section
    wanted = ensure_tags(session, draft.tags)
    if [id(t) for t in article.tags] != [id(t) for t in wanted]:
        article.tags = wanted
    if not article.slug and headline:
        base = make_slug(headline)
        article.slug = unique_slug(
            base,
            lambda s: session.scalar(select(Article.id).where(Article.slug == s)) is not None,
        )


def _snapshot(article: Article) -> dict[str, Any]:
    """Every field a revision keeps, as JSON-ready values."""
    return {
        "headline": article.headline,
        "standfirst": article.standfirst,
        "body_html": article.body_html,
        "dateline": {
            "place": article.dateline_place,
            "date": article.dateline_date.isoformat() if article.dateline_date else None,
            "sources": list(article.dateline_sources or []),
        },
        "byline": article.byline,
        "section_id": article.section.id if article.section else None,
        "section": article.section.name if article.section else None,
        "tags": sorted(t.name for t in article.tags),
        "status": ArticleStatus(article.status).value,
        "slug": article.slug,
        "scheduled_for": article.scheduled_for.isoformat() if article.scheduled_for else None,
        "published": article.published.isoformat() if article.published else None,
    }


def _record_revision(
    session: Session,
    article: Article,
    user_id: int | None,
    reason: str,
    snapshot: dict[str, Any] | None = None,
) -> None:
    """Keep this version's fields; ``snapshot`` when the caller already took it."""
    from editor.services.revisions import record_revision

    record_revision(session, article, user_id, reason, snapshot or _snapshot(article))


def _view(article: Article) -> ArticleView:
    author = article.author
    return ArticleView(
        id=article.id,
        headline=article.headline,
        standfirst=article.standfirst,
        body_html=article.body_html,
        dateline=Dateline(
            article.dateline_place,
            article.dateline_date,
            tuple(article.dateline_sources or ()),
        ),
        byline=article.byline,
        section_id=article.section_id,
        section=article.section.name if article.section else "",
        tags=tuple(t.name for t in article.tags),
        status=ArticleStatus(article.status),
        slug=article.slug,
        author_id=article.author_id,
        author=(author.display_name or author.login) if author else "",
        created=article.created,
        updated=article.updated,
        published=article.published,
        scheduled_for=article.scheduled_for,
        version=article.version,
        site_id=article.site_id,
    )


__all__ = [
    "ArticleDraft",
    "ArticleFilter",
    "ArticleRow",
    "ArticleService",
    "ArticleSort",
    "ArticleView",
    "RevisionRow",
]
