"""The stand-in for a database whose search backend is not written yet (PostgreSQL, for now).

Writes go on untouched (there is no index to keep in step); searching says
plainly that it is not available rather than finding nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy.orm import Session

from editor.errors import MidadError
from editor.search.base import (
    IndexCounts,
    RawPage,
    ResolvedFilter,
    SearchKind,
    SearchOrder,
)
from editor.search.query import ParsedQuery


class SearchUnavailable(MidadError):
    code = "search_unavailable"


class UnavailableSearchIndex:
    def __init__(self, backend: str) -> None:
        self.name = f"none ({backend})"
        self._backend = backend

    def _refuse(self) -> SearchUnavailable:
        return SearchUnavailable(
            f"Full-text search is not available on {self._backend} databases yet",
            backend=self._backend,
        )

    def reindex_articles(self, session: Session, ids: Sequence[int]) -> int:
        return 0

    def reindex_comments(self, session: Session, ids: Sequence[int]) -> int:
        return 0

    def clear(self, session: Session, kinds: Collection[SearchKind]) -> None:
        return None

    def optimize(self, session: Session, kinds: Collection[SearchKind]) -> None:
        return None

    def defer(self, session: Session, kind: SearchKind, ids: Sequence[int]) -> None:
        return None

    def pending(self, session: Session, kind: SearchKind, limit: int) -> list[int]:
        return []

    def forget_pending(self, session: Session, kind: SearchKind, ids: Sequence[int]) -> None:
        return None

    def pending_count(self, session: Session) -> int:
        return 0

    def ids_to_check(
        self, session: Session, kind: SearchKind, after_id: int, limit: int
    ) -> list[int]:
        return []

    def total(self, session: Session, kind: SearchKind) -> int:
        return 0

    def policy(self, session: Session) -> str | None:
        from editor.search.text import POLICY

        return POLICY  # nothing to rebuild

    def set_policy(self, session: Session, policy: str | None) -> None:
        return None

    def counts(self, session: Session) -> IndexCounts:
        return IndexCounts(0, 0, None)

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
        raise self._refuse()
