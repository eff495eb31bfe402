"""``newsroom.search``: searching and rebuilding the index, for the interface and the CLI."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from editor.errors import Cancelled
from editor.progress import CancelCheck, Progress, ProgressCallback, Ticker
from editor.search import index_for
from editor.search.base import RawPage, SearchIndex, SearchKind, SearchOrder
from editor.search.filters import BOTH, SearchFilter, has_filters, resolve
from editor.search.highlight import Matcher
from editor.search.hits import SearchHit, merge
from editor.search.hits import hits as make_hits
from editor.search.query import ParsedQuery, parse_query
from editor.search.text import POLICY

if TYPE_CHECKING:
    from editor.storage import Newsroom

__all__ = ["SearchFilter", "SearchHit", "SearchResults", "SearchService"]

PAGE = 20
MAX_PAGE = 500
REBUILD_BATCH = 1000


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
        *,
        count: bool = True,
    ) -> SearchResults:
        """One page of what matches ``text`` and the filters; never raises for what was typed."""
        flt = flt or SearchFilter()
        query = parse_query(text)
        limit = max(0, min(limit, MAX_PAGE))
        offset = max(0, offset)
        matcher = Matcher(query.terms)
        if query.empty and not query.excluded and not has_filters(query, flt):
            return SearchResults(query, matcher=matcher)
        index = self._index()
        kinds = [k for k in SearchKind if k in flt.kinds]
        pages: dict[SearchKind, RawPage] = {}
        unknown: list[str] = []
        with self._newsroom.read() as session:
            for kind in kinds:
                resolved, missing = resolve(session, kind, query, flt)
                unknown.extend(m for m in missing if m not in unknown)
                # With both kinds, each must give its share of the page.
                want = limit + offset if len(kinds) > 1 else limit
                skip = 0 if len(kinds) > 1 else offset
                pages[kind] = index.search(
                    session, kind, query, resolved, order, want, skip, count=count
                )
            raws = merge(pages, order)
            if len(kinds) > 1:
                raws = raws[offset : offset + limit]
            hits = make_hits(session, raws, matcher)
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
