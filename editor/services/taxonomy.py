"""``newsroom.taxonomy``: undo and redo of section and tag steps, near-duplicates, search catch-up.

The steps themselves are made by the section and tag services as
``TaxonomyDelta`` records (``editor.services.taxonomy_delta``); this service
applies a recorded one again or its inverse, finds names an editor would read
as one, and reindexes for search the stories a big change left behind.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from sqlalchemy import select

from editor.arabic import taxonomy_key
from editor.permissions import Action, require
from editor.progress import CancelCheck, Progress, ProgressCallback, Ticker
from editor.services.taxonomy_delta import (
    SEARCH_BATCH,
    TAGS,
    ArticleMove,
    SectionRecord,
    TagLinks,
    TagRecord,
    TaxonomyChanges,
    TaxonomyDelta,
    TaxonomyStep,
    apply_delta,
    chunks,
    keep_search_in_step,
)

if TYPE_CHECKING:
    from editor.storage import Newsroom

__all__ = [
    "ArticleMove",
    "DuplicateGroup",
    "DuplicateMember",
    "SectionRecord",
    "TagLinks",
    "TagRecord",
    "TaxonomyChanges",
    "TaxonomyDelta",
    "TaxonomyService",
    "TaxonomyStep",
    "group_near_duplicates",
]


@dataclass(frozen=True)
class DuplicateMember:
    id: int
    name: str
    count: int


@dataclass(frozen=True)
class DuplicateGroup:
    """Names an editor would read as one; the first member is the proposed survivor."""

    key: str
    members: tuple[DuplicateMember, ...] = field(default_factory=tuple)


def group_near_duplicates(members: Iterable[DuplicateMember]) -> list[DuplicateGroup]:
    """Groups of two or more names with the same ``taxonomy_key``, most used first."""
    by_key: dict[str, list[DuplicateMember]] = {}
    for member in members:
        by_key.setdefault(taxonomy_key(member.name), []).append(member)
    groups = [
        DuplicateGroup(key, tuple(sorted(found, key=lambda m: (-m.count, m.id))))
        for key, found in by_key.items()
        if len(found) > 1 and key
    ]
    groups.sort(key=lambda g: (-sum(m.count for m in g.members), g.members[0].name))
    return groups


class TaxonomyService:
    """Undo and redo of section and tag steps, and the near-duplicate finder."""

    def __init__(self, newsroom: Newsroom) -> None:
        self._newsroom = newsroom

    def apply(self, delta: TaxonomyDelta) -> TaxonomyChanges:
        """Apply a recorded step: ``apply(d.inverse())`` undoes it, ``apply(d)`` redoes it."""
        require(self._newsroom.actor.role, Action.EDIT_TAXONOMY)
        with self._newsroom.write() as session:
            return apply_delta(session, delta, fresh=False)

    def catch_up_search(
        self,
        article_ids: Sequence[int],
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
    ) -> int:
        """Reindex stories a big change left behind, a batch per transaction.

        Saving and searching go on between batches; a cancel leaves the rest
        as they were (``python main.py reindex`` or a rebuild brings them in step).
        Returns how many index entries were rewritten.
        """
        ticker = Ticker(progress, cancelled)
        ids = sorted(set(article_ids))
        written = 0
        for done, part in enumerate(chunks(ids, SEARCH_BATCH)):
            ticker.check()
            with self._newsroom.write() as session:
                written += keep_search_in_step(session, part)
            ticker.tick(partial(Progress, min(len(ids), (done + 1) * SEARCH_BATCH), len(ids)))
        return written

    def undo(self, delta: TaxonomyDelta) -> TaxonomyChanges:
        return self.apply(delta.inverse())

    def redo(self, delta: TaxonomyDelta) -> TaxonomyChanges:
        return self.apply(delta)

    def tag_duplicates(self) -> list[DuplicateGroup]:
        from editor.services.tags import count_tags

        with self._newsroom.read() as session:
            names = session.execute(select(TAGS.c.id, TAGS.c.name)).all()
            # Group first: only the few tags in a group need counting.
            candidates = group_near_duplicates(DuplicateMember(i, n, 0) for i, n in names)
            ids = [m.id for group in candidates for m in group.members]
            counts = count_tags(session, ids)
        return group_near_duplicates(
            DuplicateMember(m.id, m.name, counts.get(m.id, 0))
            for group in candidates
            for m in group.members
        )

    def section_duplicates(self) -> list[DuplicateGroup]:
        nodes = self._newsroom.sections.tree()
        return group_near_duplicates(DuplicateMember(n.id, n.name, n.count) for n in nodes)
