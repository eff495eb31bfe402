"""The one interface every search backend implements, and the records it trades in.

SQLite implements it with FTS5 (``editor.search.sqlite_fts``), PostgreSQL with
a tsvector column over the same ``index_text`` tokens, ``ts_rank`` and the same
filters (``editor.search.pg_fts``); ``editor.search.index_for`` picks one.
Nothing outside the backend module knows which engine answers.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.orm import Session

from editor.search.query import ParsedQuery

__all__ = [
    "IndexCounts",
    "RawHit",
    "RawPage",
    "ResolvedFilter",
    "SearchIndex",
    "SearchKind",
    "SearchOrder",
]


class SearchKind(enum.StrEnum):
    ARTICLE = "article"
    COMMENT = "comment"


class SearchOrder(enum.StrEnum):
    RELEVANCE = "relevance"
    NEWEST = "newest"


@dataclass(frozen=True)
class ResolvedFilter:
    """Filters with names already turned into ids; None means "no filter on this"."""

    section_ids: tuple[int, ...] | None = None
    # One tuple per tag asked for (spellings of one name): every tag must be present.
    tag_ids: tuple[tuple[int, ...], ...] = ()
    # None: every status but the article trash; a tuple: exactly these.
    article_statuses: tuple[str, ...] | None = None
    comment_statuses: tuple[str, ...] | None = None
    # Articles: written by one of these users, or with this name in the byline.
    # Comments: with this name as the comment's author.
    author_ids: tuple[int, ...] = ()
    author_words: tuple[str, ...] = ()
    since: dt.datetime | None = None  # inclusive
    until: dt.datetime | None = None  # exclusive
    # A filter named something that does not exist: nothing can match.
    nothing: bool = False


@dataclass(frozen=True)
class RawHit:
    id: int
    date: dt.datetime
    # Lower is better (bm25's sign); None in newest-first order.
    score: float | None


@dataclass(frozen=True)
class RawPage:
    hits: tuple[RawHit, ...]
    # How many match, counted up to a cap; ``exact`` is False when the cap was reached.
    total: int
    exact: bool
    # Relevance ranked only the newest ``ranked_window`` matches (a word in nearly every story).
    ranked_window: int | None = None


@dataclass(frozen=True)
class IndexCounts:
    articles: int
    comments: int
    policy: str | None


class SearchIndex(Protocol):
    """A full-text index of articles and comments, kept in step by the core's writes."""

    name: str

    def reindex_articles(self, session: Session, ids: Sequence[int]) -> int:
        """Bring these articles' entries up to date (a missing article leaves the index).

        Returns how many entries were written or removed.
        """
        ...

    def reindex_comments(self, session: Session, ids: Sequence[int]) -> int: ...

    def clear(self, session: Session, kinds: Collection[SearchKind]) -> None:
        """Forget every entry of these kinds (the first step of a rebuild)."""
        ...

    def optimize(self, session: Session, kinds: Collection[SearchKind]) -> None:
        """Compact the index after a bulk build (may do nothing)."""
        ...

    def defer(self, session: Session, kind: SearchKind, ids: Sequence[int]) -> None:
        """Note these rows for reindexing later, by ``SearchService.catch_up``."""
        ...

    def pending(self, session: Session, kind: SearchKind, limit: int) -> list[int]: ...

    def forget_pending(self, session: Session, kind: SearchKind, ids: Sequence[int]) -> None: ...

    def pending_count(self, session: Session) -> int: ...

    def ids_to_check(
        self, session: Session, kind: SearchKind, after_id: int, limit: int
    ) -> list[int]:
        """Ids above ``after_id``, ascending, of rows that exist or have an entry (for rebuilds)."""
        ...

    def total(self, session: Session, kind: SearchKind) -> int:
        """How many articles (or comments) there are to index."""
        ...

    def policy(self, session: Session) -> str | None:
        """The text policy the index was completely built under, None if never."""
        ...

    def set_policy(self, session: Session, policy: str | None) -> None: ...

    def counts(self, session: Session) -> IndexCounts: ...

    def search(
        self,
        session: Session,
        kind: SearchKind,
        query: ParsedQuery,
        flt: ResolvedFilter,
        order: SearchOrder,
        limit: int,
        offset: int,
        count: bool = True,
    ) -> RawPage:
        """One page of matches; never raises for anything a person typed.

        Without ``count`` (the next page of a list already counted) the total
        is only what this page shows.
        """
        ...
