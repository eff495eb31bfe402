"""``newsroom.search``: searching and rebuilding the index, for the interface and the CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.arabic import neutralize_bidi, normalize, taxonomy_key
from editor.errors import Cancelled
from editor.models import (
    Article,
    ArticleStatus,
    Comment,
    CommentStatus,
    Section,
    Tag,
    User,
)
from editor.progress import CancelCheck, Progress, ProgressCallback, Ticker
from editor.search import index_for
from editor.search.base import (
    RawHit,
    RawPage,
    ResolvedFilter,
    SearchIndex,
    SearchKind,
    SearchOrder,
)
from editor.search.documents import body_plain_text
from editor.search.highlight import Matcher, Snippet, cut
from editor.search.query import FilterKey, ParsedQuery, parse_date_bound, parse_query
from editor.search.text import POLICY

if TYPE_CHECKING:
    from editor.storage import Newsroom

__all__ = ["SearchFilter", "SearchHit", "SearchResults", "SearchService"]

PAGE = 20
MAX_PAGE = 500
REBUILD_BATCH = 1000
SNIPPET_CHARS = 180
BOTH = frozenset(SearchKind)

# Status names a person may type, in either language, after normalize().
STATUS_WORDS: dict[str, str] = {
    **{s.value: s.value for s in ArticleStatus},
    **{s.value: s.value for s in CommentStatus},
    "مسوده": "draft",
    "مرسل": "submitted",
    "معتمد": "approved",
    "مقبول": "approved",
    "مجدول": "scheduled",
    "منشور": "published",
    "محذوف": "trash",
    "المهملات": "trash",
    "معلق": "pending",
    "مراجعه": "pending",
    "مزعج": "spam",
}


@dataclass(frozen=True)
class SearchFilter:
    """Filters given beside the query (command-line options, the panel's own choices).

    Values are names as a person types them; the query's own ``section:`` etc.
    are added to these.
    """

    kinds: frozenset[SearchKind] = BOTH
    section: str | None = None
    tags: tuple[str, ...] = ()
    status: str | None = None
    author: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclass(frozen=True)
class SearchHit:
    kind: SearchKind
    id: int
    # An article's headline; for a comment, the headline of its article.
    title: str
    title_highlights: tuple[tuple[int, int], ...]
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    date: dt.datetime
    status: str
    article_id: int
    author: str
    score: float | None = None

    def to_json(self) -> dict[str, Any]:
        """One line of ``search --json``: its keys are a promise to scripts."""
        return {
            "kind": self.kind.value,
            "id": self.id,
            "snippet": self.snippet,
            "highlights": [list(span) for span in self.highlights],
            "title": self.title,
            "article_id": self.article_id,
            "status": self.status,
            "author": self.author,
            "date": self.date.isoformat(timespec="seconds"),
            "score": None if self.score is None else round(-self.score, 4),
        }


@dataclass(frozen=True)
class SearchResults:
    query: ParsedQuery
    hits: tuple[SearchHit, ...] = ()
    total: int = 0
    # False when counting stopped at the cap (``total`` is then a lower bound).
    exact: bool = True
    # Names in filters that match no section, tag, status or author.
    unknown: tuple[str, ...] = ()
    ranked_window: int | None = None
    matcher: Matcher = field(default_factory=lambda: Matcher(()))


@dataclass(frozen=True)
class RebuildSummary:
    articles: int
    comments: int
    written: int


class SearchService:
    def __init__(self, newsroom: Newsroom) -> None:
        self._newsroom = newsroom

    def _index(self) -> SearchIndex:
        return index_for(self._newsroom.backend)

    # -- searching ---------------------------------------------------------

    def search(
        self,
        text: str,
        flt: SearchFilter | None = None,
        order: SearchOrder = SearchOrder.RELEVANCE,
        limit: int = PAGE,
        offset: int = 0,
    ) -> SearchResults:
        """One page of what matches ``text`` and the filters; never raises for what was typed."""
        flt = flt or SearchFilter()
        query = parse_query(text)
        limit = max(0, min(limit, MAX_PAGE))
        offset = max(0, offset)
        matcher = Matcher(query.terms)
        if query.empty and not query.excluded and not _has_filters(query, flt):
            return SearchResults(query, matcher=matcher)
        index = self._index()
        kinds = [k for k in SearchKind if k in flt.kinds]
        pages: dict[SearchKind, RawPage] = {}
        unknown: list[str] = []
        with self._newsroom.read() as session:
            for kind in kinds:
                resolved, missing = _resolve(session, kind, query, flt)
                unknown.extend(m for m in missing if m not in unknown)
                # With both kinds, each must give its share of the page.
                want = limit + offset if len(kinds) > 1 else limit
                skip = 0 if len(kinds) > 1 else offset
                pages[kind] = index.search(session, kind, query, resolved, order, want, skip)
            raws = _merge(pages, order)
            if len(kinds) > 1:
                raws = raws[offset : offset + limit]
            hits = _hits(session, raws, matcher)
        windows = [p.ranked_window for p in pages.values() if p.ranked_window]
        return SearchResults(
            query,
            tuple(hits),
            sum(p.total for p in pages.values()),
            all(p.exact for p in pages.values()),
            tuple(unknown),
            max(windows) if windows else None,
            matcher,
        )

    # -- the index ---------------------------------------------------------

    def needs_rebuild(self) -> bool:
        """True until the index is completely built under the current text rules."""
        with self._newsroom.read() as session:
            return self._index().policy(session) != POLICY

    def counts(self) -> tuple[int, int]:
        """Articles and comments in the index."""
        with self._newsroom.read() as session:
            found = self._index().counts(session)
        return found.articles, found.comments

    def pending(self) -> int:
        """Rows noted for reindexing by a bulk change and not yet done (see ``catch_up``)."""
        with self._newsroom.read() as session:
            return self._index().pending_count(session)

    def catch_up(
        self,
        *,
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
    ) -> int:
        """Index the rows a bulk change noted, a batch per transaction; returns how many."""
        index = self._index()
        ticker = Ticker(progress, cancelled)
        total = self.pending()
        done = 0
        for kind in SearchKind:
            while True:
                ticker.check()
                with self._newsroom.write() as session:
                    ids = index.pending(session, kind, REBUILD_BATCH)
                    if not ids:
                        break
                    _reindex(index, session, kind, ids)
                    index.forget_pending(session, kind, ids)
                done += len(ids)
                ticker.tick(_progress(done, max(total, done), kind))
        return done

    def rebuild(
        self,
        *,
        full: bool = True,
        kinds: Collection[SearchKind] = BOTH,
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
    ) -> RebuildSummary:
        """Index every article and comment again, a batch per transaction.

        ``full=False`` only brings up to date what is missing or changed (and
        forgets what was deleted): cheap when the index is nearly right, e.g.
        after a bulk import that wrote past the services. Saving, searching
        and moderating go on between batches. A stopped rebuild leaves the
        index partial, and ``needs_rebuild`` true.
        """
        index = self._index()
        ticker = Ticker(progress, cancelled)
        kinds = [k for k in SearchKind if k in kinds]
        with self._newsroom.read() as session:
            totals = {kind: index.total(session, kind) for kind in kinds}
        grand_total = sum(totals.values())
        done = written = 0
        if full:
            with self._newsroom.write() as session:
                index.clear(session, kinds)
                index.set_policy(session, None)
        for kind in kinds:
            after = 0
            while True:
                try:
                    ticker.check()
                except Cancelled:
                    raise Cancelled(
                        "The search index rebuild was stopped; search finds only part of"
                        " the newsroom until it is rebuilt"
                    ) from None
                with self._newsroom.write() as session:
                    ids = index.ids_to_check(session, kind, after, REBUILD_BATCH)
                    if not ids:
                        break
                    written += _reindex(index, session, kind, ids)
                    index.forget_pending(session, kind, ids)
                after = ids[-1]
                done = min(grand_total, done + len(ids))
                ticker.tick(_progress(done, grand_total, kind))
        with self._newsroom.write() as session:
            if full:
                index.optimize(session, kinds)
            if full or not index.policy(session):
                index.set_policy(session, POLICY if len(kinds) == len(SearchKind) else None)
        ticker.tick(lambda: Progress(grand_total, grand_total, stage="done"), force=True)
        return RebuildSummary(
            totals.get(SearchKind.ARTICLE, 0), totals.get(SearchKind.COMMENT, 0), written
        )


def _reindex(index: SearchIndex, session: Session, kind: SearchKind, ids: Sequence[int]) -> int:
    if kind is SearchKind.ARTICLE:
        return index.reindex_articles(session, ids)
    return index.reindex_comments(session, ids)


def _progress(done: int, total: int, kind: SearchKind) -> Callable[[], Progress]:
    return lambda: Progress(done, total, stage=kind.value)


def _has_filters(query: ParsedQuery, flt: SearchFilter) -> bool:
    return bool(
        query.filters
        or flt.section
        or flt.tags
        or flt.status
        or flt.author
        or flt.date_from
        or flt.date_to
    )


def _resolve(
    session: Session, kind: SearchKind, query: ParsedQuery, flt: SearchFilter
) -> tuple[ResolvedFilter, list[str]]:
    """Names to ids; a name that exists nowhere makes the filter match nothing."""
    unknown: list[str] = []
    nothing = False
    sections = query.values(FilterKey.SECTION) or ([flt.section] if flt.section else [])
    section_ids: tuple[int, ...] | None = None
    if sections:
        from editor.services.sections import descendant_ids

        wanted = taxonomy_key(sections[-1])
        roots = [
            sid
            for sid, name in session.execute(select(Section.id, Section.name))
            if taxonomy_key(name) == wanted
        ]
        if not roots:
            unknown.append(sections[-1])
            nothing = True
        section_ids = tuple(sorted({s for root in roots for s in descendant_ids(session, root)}))
    tag_ids: list[tuple[int, ...]] = []
    tag_names = [*flt.tags, *query.values(FilterKey.TAG)]
    if tag_names:
        all_tags = list(session.execute(select(Tag.id, Tag.name)))
        for name in tag_names:
            spellings = tuple(
                tid for tid, tag in all_tags if taxonomy_key(tag) == taxonomy_key(name)
            )
            if not spellings:
                unknown.append(name)
                nothing = True
            tag_ids.append(spellings)
    article_statuses: tuple[str, ...] | None = None
    comment_statuses: tuple[str, ...] | None = None
    statuses = query.values(FilterKey.STATUS) or ([flt.status] if flt.status else [])
    if statuses:
        value = STATUS_WORDS.get(normalize(statuses[-1]).strip())
        if value is None:
            unknown.append(statuses[-1])
            nothing = True
        article_statuses = (value,) if value in {s.value for s in ArticleStatus} else ()
        comment_statuses = (value,) if value in {s.value for s in CommentStatus} else ()
    authors = query.values(FilterKey.AUTHOR) or ([flt.author] if flt.author else [])
    author_ids: tuple[int, ...] = ()
    author_words: tuple[str, ...] = ()
    if authors:
        author_words = tuple(normalize(authors[-1]).split())
        if kind is SearchKind.ARTICLE:
            author_ids = _matching_users(session, author_words)
    since = until = None
    starts = query.values(FilterKey.FROM)
    ends = query.values(FilterKey.TO)
    first = parse_date_bound(starts[-1], end=False) if starts else flt.date_from
    last = parse_date_bound(ends[-1], end=True) if ends else flt.date_to
    if first is not None:
        since = dt.datetime.combine(first, dt.time())
    if last is not None:
        until = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
    resolved = ResolvedFilter(
        section_ids=section_ids,
        tag_ids=tuple(tag_ids),
        article_statuses=article_statuses,
        comment_statuses=comment_statuses,
        author_ids=author_ids,
        author_words=author_words,
        since=since,
        until=until,
        nothing=nothing,
    )
    return resolved, unknown


def _matching_users(session: Session, words: Sequence[str]) -> tuple[int, ...]:
    """Users whose login or name holds every one of these (normalised) words."""
    found = []
    for uid, login, name in session.execute(select(User.id, User.login, User.display_name)):
        names = set(normalize(f"{login} {name or ''}").split())
        if words and all(w in names for w in words):
            found.append(int(uid))
    return tuple(found)


def _merge(pages: dict[SearchKind, RawPage], order: SearchOrder) -> list[tuple[SearchKind, RawHit]]:
    merged = [(kind, hit) for kind, page in pages.items() for hit in page.hits]
    if len(pages) > 1:
        if order is SearchOrder.NEWEST:
            merged.sort(key=lambda kh: kh[1].date, reverse=True)
        else:
            merged.sort(key=lambda kh: kh[1].score if kh[1].score is not None else 0.0)
    return merged


def _hits(
    session: Session, raws: list[tuple[SearchKind, RawHit]], matcher: Matcher
) -> list[SearchHit]:
    article_ids = [hit.id for kind, hit in raws if kind is SearchKind.ARTICLE]
    comment_ids = [hit.id for kind, hit in raws if kind is SearchKind.COMMENT]
    articles = _article_hits(session, article_ids, matcher)
    comments = _comment_hits(session, comment_ids, matcher)
    found: list[SearchHit] = []
    for kind, raw in raws:
        hit = (articles if kind is SearchKind.ARTICLE else comments).get(raw.id)
        if hit is not None:
            found.append(_with_score(hit, raw.score))
    return found


def _with_score(hit: SearchHit, score: float | None) -> SearchHit:
    from dataclasses import replace

    return replace(hit, score=score)


def _lead(text: str, matcher: Matcher) -> Snippet:
    return matcher.snippet(text, SNIPPET_CHARS) or cut(text, 0, SNIPPET_CHARS)


def _article_hits(session: Session, ids: list[int], matcher: Matcher) -> dict[int, SearchHit]:
    if not ids:
        return {}
    rows = session.execute(
        select(
            Article.id,
            Article.headline,
            Article.standfirst,
            Article.body_html,
            Article.status,
            Article.created,
            Article.byline,
            User.display_name,
            User.login,
        )
        .outerjoin(User, User.id == Article.author_id)
        .where(Article.id.in_(ids))
    )
    found: dict[int, SearchHit] = {}
    for aid, headline, standfirst, body, status, created, byline, name, login in rows:
        headline = neutralize_bidi(headline or "")
        standfirst = neutralize_bidi(standfirst or "")
        # Snippets drop bidi controls themselves: cleaning the whole body is slow.
        body_text = body_plain_text(body or "")
        snippet = matcher.snippet(body_text, SNIPPET_CHARS) or matcher.snippet(standfirst)
        snippet = snippet or _lead(standfirst or body_text, matcher)
        found[aid] = SearchHit(
            kind=SearchKind.ARTICLE,
            id=aid,
            title=headline,
            title_highlights=tuple(matcher.spans(headline)),
            snippet=snippet.text,
            highlights=snippet.highlights,
            date=created,
            status=str(ArticleStatus(status).value),
            article_id=aid,
            author=byline or name or login or "",
        )
    return found


def _comment_hits(session: Session, ids: list[int], matcher: Matcher) -> dict[int, SearchHit]:
    if not ids:
        return {}
    rows = session.execute(
        select(
            Comment.id,
            Comment.article_id,
            Comment.text,
            Comment.author_name,
            Comment.status,
            Comment.submitted,
            Article.headline,
        )
        .join(Article, Article.id == Comment.article_id)
        .where(Comment.id.in_(ids))
    )
    found: dict[int, SearchHit] = {}
    for cid, aid, text, author, status, submitted, headline in rows:
        # What a reader wrote is shown as plain text; the snippet drops bidi controls.
        title = neutralize_bidi(headline or "")
        snippet = _lead(text or "", matcher)
        found[cid] = SearchHit(
            kind=SearchKind.COMMENT,
            id=cid,
            title=title,
            title_highlights=(),
            snippet=snippet.text,
            highlights=snippet.highlights,
            date=submitted,
            status=str(CommentStatus(status).value),
            article_id=aid,
            author=neutralize_bidi(author or ""),
        )
    return found
