"""Sections: the site's tree of departments.

Every change is worked out as a ``TaxonomyDelta`` (see ``editor.services.taxonomy_delta``)
and applied through it, so each one can be undone exactly.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editor.errors import DuplicateName, InvalidInput, NotFound, SectionCycle, SectionNotEmpty
from editor.models import Article, ArticleStatus, Section
from editor.permissions import Action, require
from editor.services.naming import (
    MAX_NAME,
    automatic_slug,
    clean_name,
    manual_slug,
    name_key,
    next_id,
)
from editor.services.taxonomy_delta import (
    ARTICLES,
    SECTIONS,
    ArticleMove,
    SectionRecord,
    TaxonomyChanges,
    TaxonomyDelta,
    TaxonomyStep,
    apply_delta,
    chunks,
    load_section,
)

if TYPE_CHECKING:
    from editor.storage import Newsroom

__all__ = ["MAX_NAME", "SectionNode", "SectionService", "clean_name", "descendant_ids"]


@dataclass(frozen=True)
class SectionNode:
    id: int
    name: str
    slug: str
    parent_id: int | None
    position: int
    count: int  # stories in this section alone, trash excluded
    slug_manual: bool = False
    # Stories in this section alone, per status (trash included), for the tooltip.
    status_counts: tuple[tuple[ArticleStatus, int], ...] = ()


def _children(session: Session) -> dict[int | None, list[int]]:
    children: dict[int | None, list[int]] = {}
    rows = session.execute(
        select(Section.id, Section.parent_id).order_by(Section.position, Section.name, Section.id)
    )
    for sid, parent in rows:
        children.setdefault(parent, []).append(sid)
    return children


def descendant_ids(session: Session, section_id: int) -> list[int]:
    """The section and every section below it (clicking a parent shows its children's stories)."""
    children = _children(session)
    found, stack = [], [section_id]
    while stack:
        current = stack.pop()
        if current in found:  # a damaged tree must not hang the list
            continue
        found.append(current)
        stack.extend(children.get(current, []))
    return found


def _renumbered(
    session: Session,
    parent_id: int | None,
    order: Sequence[int],
    edited: dict[int, SectionRecord] | None = None,
) -> list[tuple[SectionRecord, SectionRecord]]:
    """(before, after) for each section of ``order`` whose record changes.

    ``edited`` holds sections already changed otherwise (renamed): their
    "after" starts from that record, their "before" is what is stored.
    """
    pairs = []
    for position, sid in enumerate(order):
        before = load_section(session, sid)
        assert before is not None
        base = (edited or {}).get(sid, before)
        after = dataclasses.replace(base, parent_id=parent_id, position=position)
        if after != before:
            pairs.append((before, after))
    return pairs


class SectionService:
    def __init__(self, newsroom: Newsroom) -> None:
        self._newsroom = newsroom

    # -- reading -----------------------------------------------------------

    def tree(self) -> list[SectionNode]:
        """Every section with its story counts, parents before their children, by position."""
        with self._newsroom.read() as session:
            per_status: dict[int, dict[ArticleStatus, int]] = {}
            # Covered by ix_articles_section_status: no article row is read.
            articles = ARTICLES.c
            rows = session.execute(
                select(articles.section_id, articles.status, func.count())
                .where(articles.section_id.is_not(None))
                .group_by(articles.section_id, articles.status)
            ).all()
            for sid, status, count in rows:
                if sid is not None:
                    per_status.setdefault(sid, {})[ArticleStatus(status)] = int(count)
            columns = SECTIONS.c
            sections = {
                row.id: row
                for row in session.execute(
                    select(
                        columns.id,
                        columns.name,
                        columns.slug,
                        columns.parent_id,
                        columns.position,
                        columns.slug_manual,
                    ).order_by(columns.position, columns.name, columns.id)
                ).all()
            }
        children: dict[int | None, list[int]] = {}
        for row in sections.values():  # already in sibling order
            children.setdefault(row.parent_id, []).append(row.id)
        nodes: list[SectionNode] = []
        seen: set[int] = set()
        stack = list(reversed(children.get(None, [])))
        while stack:
            sid = stack.pop()
            if sid in seen:
                continue
            seen.add(sid)
            s = sections[sid]
            counts = per_status.get(sid, {})
            nodes.append(
                SectionNode(
                    s.id,
                    s.name,
                    s.slug,
                    s.parent_id,
                    s.position,
                    sum(n for status, n in counts.items() if status is not ArticleStatus.TRASH),
                    bool(s.slug_manual),
                    tuple((status, counts[status]) for status in ArticleStatus if status in counts),
                )
            )
            stack.extend(reversed(children.get(sid, [])))
        return nodes

    def find(self, name: str) -> int | None:
        """The section whose name matches after Arabic normalisation, if any."""
        wanted = name_key(name)
        with self._newsroom.read() as session:
            for sid, existing in session.execute(select(Section.id, Section.name)):
                if name_key(existing) == wanted:
                    return int(sid)
        return None

    def article_count(self, section_id: int) -> int:
        """Stories filed in this section alone, whatever their status (trash included)."""
        with self._newsroom.read() as session:
            return int(
                session.scalar(
                    select(func.count(Article.id)).where(Article.section_id == section_id)
                )
                or 0
            )

    # -- writing -----------------------------------------------------------

    def find_or_create(self, name: str, parent_id: int | None = None) -> TaxonomyChanges:
        existing = self.find(name)
        if existing is not None:
            return TaxonomyChanges(new_id=existing)
        return self.create(name, parent_id)

    def create(
        self, name: str, parent_id: int | None = None, slug: str | None = None
    ) -> TaxonomyChanges:
        """A new section at the end of its parent's children; ``slug`` given means hand-made."""
        self._require()
        name = clean_name(name)
        with self._newsroom.write() as session:
            if parent_id is not None:
                self._load(session, parent_id)
            self._refuse_clash(session, name, None)
            position = session.scalar(
                select(func.coalesce(func.max(Section.position), -1) + 1).where(
                    Section.parent_id.is_not_distinct_from(parent_id)
                )
            )
            taken = self._slug_taken(session, None)
            record = SectionRecord(
                id=next_id(session, SECTIONS),
                name=name,
                slug=manual_slug(slug, taken) if slug else automatic_slug(name, taken),
                slug_manual=bool(slug),
                parent_id=parent_id,
                position=int(position or 0),
            )
            return apply_delta(
                session, TaxonomyDelta(TaxonomyStep.CREATE_SECTION, sections_added=(record,))
            )

    def rename(self, section_id: int, name: str, slug: str | None = None) -> TaxonomyChanges:
        """Rename; the slug follows the name unless it was made by hand.

        ``slug`` given makes it hand-made; ``""`` makes it follow the name again.
        """
        self._require()
        name = clean_name(name)
        with self._newsroom.write() as session:
            before = self._load(session, section_id)
            after = self._renamed(session, before, name, slug)
            if after == before:
                return TaxonomyChanges()
            return apply_delta(
                session,
                TaxonomyDelta(TaxonomyStep.RENAME_SECTION, sections_changed=((before, after),)),
            )

    def edit(
        self, section_id: int, name: str, slug: str | None, parent_id: int | None
    ) -> TaxonomyChanges:
        """Rename and, if ``parent_id`` differs, move to the end of that parent: one step."""
        self._require()
        name = clean_name(name)
        with self._newsroom.write() as session:
            before = self._load(session, section_id)
            renamed = self._renamed(session, before, name, slug)
            if parent_id == before.parent_id:
                pairs = [(before, renamed)] if renamed != before else []
            else:
                pairs = self._placed(session, before, parent_id, None, renamed)
            if not pairs:
                return TaxonomyChanges()
            step = TaxonomyStep.RENAME_SECTION if renamed != before else TaxonomyStep.MOVE_SECTION
            return apply_delta(session, TaxonomyDelta(step, sections_changed=tuple(pairs)))

    def move(self, section_id: int, parent_id: int | None, index: int) -> TaxonomyChanges:
        """Put a section under ``parent_id`` (None: top level) at ``index`` among its siblings."""
        self._require()
        with self._newsroom.write() as session:
            before = self._load(session, section_id)
            pairs = self._placed(session, before, parent_id, index, before)
            if not pairs:
                return TaxonomyChanges()
            return apply_delta(
                session, TaxonomyDelta(TaxonomyStep.MOVE_SECTION, sections_changed=tuple(pairs))
            )

    def _renamed(
        self, session: Session, before: SectionRecord, name: str, slug: str | None
    ) -> SectionRecord:
        self._refuse_clash(session, name, before.id)
        taken = self._slug_taken(session, before.id)
        manual = before.slug_manual if slug is None else bool(slug)
        if slug:
            new_slug = manual_slug(slug, taken)
        elif manual:
            new_slug = before.slug
        else:
            new_slug = automatic_slug(name, taken)
        return dataclasses.replace(before, name=name, slug=new_slug, slug_manual=manual)

    def _placed(
        self,
        session: Session,
        before: SectionRecord,
        parent_id: int | None,
        index: int | None,
        edited: SectionRecord,
    ) -> list[tuple[SectionRecord, SectionRecord]]:
        """Every change that putting ``before`` at ``index`` under ``parent_id`` makes."""
        if parent_id is not None:
            self._load(session, parent_id)
            if parent_id in descendant_ids(session, before.id):
                raise SectionCycle(
                    "A section cannot go inside itself or one of its own subsections",
                    section_id=before.id,
                    parent_id=parent_id,
                )
        children = _children(session)
        old_order = [s for s in children.get(before.parent_id, []) if s != before.id]
        new_order = [s for s in children.get(parent_id, []) if s != before.id]
        at = len(new_order) if index is None else max(0, min(index, len(new_order)))
        new_order.insert(at, before.id)
        pairs = _renumbered(session, parent_id, new_order, {before.id: edited})
        if parent_id != before.parent_id:
            pairs += _renumbered(session, before.parent_id, old_order)
        return pairs

    def delete(self, section_id: int, move_to: int | None = None) -> TaxonomyChanges:
        """Delete a section; its stories go to ``move_to``, its subsections up one level."""
        self._require()
        with self._newsroom.write() as session:
            before = self._load(session, section_id)
            filed = tuple(
                session.scalars(
                    select(Article.id).where(Article.section_id == section_id).order_by(Article.id)
                )
            )
            if move_to == section_id:
                raise InvalidInput(
                    "The stories cannot move to the section being deleted", section_id=section_id
                )
            if move_to is not None:
                self._load(session, move_to)
            elif filed:
                raise SectionNotEmpty(
                    f"{before.name!r} files {len(filed)} stories: say which section they move to",
                    section_id=section_id,
                    name=before.name,
                    count=len(filed),
                )
            children = _children(session)
            siblings = children.get(before.parent_id, [])
            at = siblings.index(section_id)
            # Subsections take the deleted section's place, in their order.
            order = siblings[:at] + children.get(section_id, []) + siblings[at + 1 :]
            pairs = _renumbered(session, before.parent_id, order)
            moves = (ArticleMove(filed, section_id, move_to),) if filed else ()
            return apply_delta(
                session,
                TaxonomyDelta(
                    TaxonomyStep.DELETE_SECTION,
                    sections_removed=(before,),
                    sections_changed=tuple(pairs),
                    moves=moves,
                ),
            )

    def merge(self, target_id: int, source_ids: Iterable[int]) -> TaxonomyChanges:
        """Fold near-duplicate sections into one: their stories and subsections go to it."""
        self._require()
        with self._newsroom.write() as session:
            self._load(session, target_id)
            sources = [self._load(session, s) for s in dict.fromkeys(source_ids) if s != target_id]
            if not sources:
                raise InvalidInput("Choose at least one other section to merge", field="sources")
            source_ids_set = {s.id for s in sources}
            for source in sources:
                if target_id in descendant_ids(session, source.id):
                    raise SectionCycle(
                        "A section cannot be merged into one of its own subsections",
                        section_id=source.id,
                        parent_id=target_id,
                    )
            children = _children(session)
            adopted = [
                child
                for source in sources
                for child in children.get(source.id, [])
                if child not in source_ids_set
            ]
            order = [
                c
                for c in children.get(target_id, [])
                if c not in adopted and c not in source_ids_set
            ] + adopted
            pairs = _renumbered(session, target_id, order)
            moves = []
            for source in sources:
                filed = tuple(
                    session.scalars(
                        select(Article.id)
                        .where(Article.section_id == source.id)
                        .order_by(Article.id)
                    )
                )
                if filed:
                    moves.append(ArticleMove(filed, source.id, target_id))
            return apply_delta(
                session,
                TaxonomyDelta(
                    TaxonomyStep.MERGE_SECTIONS,
                    sections_removed=tuple(sources),
                    sections_changed=tuple(pairs),
                    moves=tuple(moves),
                ),
            )

    def assign(self, article_ids: Iterable[int], section_id: int) -> TaxonomyChanges:
        """File these stories in a section (dragged from the article list)."""
        self._require()
        wanted = sorted(set(article_ids))
        with self._newsroom.write() as session:
            self._load(session, section_id)
            by_section: dict[int | None, list[int]] = {}
            for part in chunks(wanted):
                rows = session.execute(
                    select(Article.id, Article.section_id).where(Article.id.in_(part))
                )
                for aid, current in rows:
                    if current != section_id:
                        by_section.setdefault(current, []).append(aid)
            moves = tuple(
                ArticleMove(tuple(sorted(ids)), before, section_id)
                for before, ids in sorted(by_section.items(), key=lambda kv: kv[0] or 0)
            )
            if not moves:
                return TaxonomyChanges()
            return apply_delta(session, TaxonomyDelta(TaxonomyStep.FILE_IN_SECTION, moves=moves))

    # -- helpers -----------------------------------------------------------

    def _require(self) -> None:
        require(self._newsroom.actor.role, Action.EDIT_TAXONOMY)

    @staticmethod
    def _load(session: Session, section_id: int) -> SectionRecord:
        record = load_section(session, section_id)
        if record is None:
            raise NotFound(f"There is no section {section_id}", section_id=section_id)
        return record

    @staticmethod
    def _refuse_clash(session: Session, name: str, except_id: int | None) -> None:
        key = name_key(name)
        for sid, existing in session.execute(select(Section.id, Section.name)):
            if sid != except_id and name_key(existing) == key:
                raise DuplicateName(
                    f"There is already a section {existing!r}",
                    name=name,
                    existing=existing,
                    existing_id=sid,
                )

    @staticmethod
    def _slug_taken(session: Session, except_id: int | None) -> _Taken:
        return _Taken(session, except_id)


class _Taken:
    """Whether a slug belongs to another section than ``except_id``."""

    def __init__(self, session: Session, except_id: int | None) -> None:
        self._session = session
        self._except = except_id

    def __call__(self, slug: str) -> bool:
        owner = self._session.scalar(select(Section.id).where(Section.slug == slug))
        return owner is not None and owner != self._except
