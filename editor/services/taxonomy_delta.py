"""Every change to sections and tags as a reversible record, and the one place it is applied.

A section or tag operation first works out exactly which rows it will add,
remove or change (a ``TaxonomyDelta``), then applies that delta. Undo applies
the inverse delta and redo the delta again, through the same code. Applying
checks that the database still holds what the delta expects, row by row and
link by link, so an undo either restores exactly what was there (a merge
gives back each story its own tags) or changes nothing and says why.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from editor.changes import Changes
from editor.errors import TaxonomyChanged
from editor.models import Article, Section, Tag, article_tags

if TYPE_CHECKING:
    pass

SECTIONS = cast(Table, Section.__table__)
TAGS = cast(Table, Tag.__table__)
ARTICLES = cast(Table, Article.__table__)
# SQLite allows 32,766 bound values; smaller chunks keep each statement cheap.
CHUNK = 500
# Reindexing a story for search reads and re-words its whole body (milliseconds
# each): up to this many are brought in step inside the change itself; a merge
# of thousands commits first and leaves the rest to ``catch_up_search``.
SEARCH_INLINE = 200
SEARCH_BATCH = 200


class TaxonomyStep(enum.StrEnum):
    """What an editor did; the interface names undo and redo after it."""

    CREATE_SECTION = "create_section"
    RENAME_SECTION = "rename_section"
    MOVE_SECTION = "move_section"
    DELETE_SECTION = "delete_section"
    MERGE_SECTIONS = "merge_sections"
    FILE_IN_SECTION = "file_in_section"
    CREATE_TAG = "create_tag"
    RENAME_TAG = "rename_tag"
    MERGE_TAGS = "merge_tags"
    DELETE_TAGS = "delete_tags"
    ADD_TAG = "add_tag"


@dataclass(frozen=True)
class SectionRecord:
    id: int
    name: str
    slug: str
    slug_manual: bool
    parent_id: int | None
    position: int
    description: str = ""
    site_id: int | None = None


@dataclass(frozen=True)
class TagRecord:
    id: int
    name: str
    slug: str
    norm_name: str
    site_id: int | None = None


@dataclass(frozen=True)
class TagLinks:
    """Articles carrying (or to carry) one tag."""

    tag_id: int
    article_ids: tuple[int, ...]


@dataclass(frozen=True)
class ArticleMove:
    """Articles filed in section ``before`` that go to section ``after``."""

    article_ids: tuple[int, ...]
    before: int | None
    after: int | None


@dataclass(frozen=True)
class TaxonomyDelta:
    step: TaxonomyStep
    sections_added: tuple[SectionRecord, ...] = ()
    sections_removed: tuple[SectionRecord, ...] = ()
    sections_changed: tuple[tuple[SectionRecord, SectionRecord], ...] = ()  # (before, after)
    tags_added: tuple[TagRecord, ...] = ()
    tags_removed: tuple[TagRecord, ...] = ()
    tags_changed: tuple[tuple[TagRecord, TagRecord], ...] = ()  # (before, after)
    links_added: tuple[TagLinks, ...] = ()
    links_removed: tuple[TagLinks, ...] = ()
    moves: tuple[ArticleMove, ...] = ()
    # Whether stories whose tags change get a new version (see ``apply_delta``).
    bump_versions: bool = False

    def inverse(self) -> TaxonomyDelta:
        return TaxonomyDelta(
            step=self.step,
            sections_added=self.sections_removed,
            sections_removed=self.sections_added,
            sections_changed=tuple((after, before) for before, after in self.sections_changed),
            tags_added=self.tags_removed,
            tags_removed=self.tags_added,
            tags_changed=tuple((after, before) for before, after in self.tags_changed),
            links_added=self.links_removed,
            links_removed=self.links_added,
            moves=tuple(ArticleMove(m.article_ids, m.after, m.before) for m in self.moves),
            bump_versions=self.bump_versions,
        )

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.sections_added,
                self.sections_removed,
                self.sections_changed,
                self.tags_added,
                self.tags_removed,
                self.tags_changed,
                any(links.article_ids for links in self.links_added),
                any(links.article_ids for links in self.links_removed),
                any(move.article_ids for move in self.moves),
            )
        )


@dataclass(frozen=True)
class TaxonomyChanges(Changes):
    """The usual change record, plus the delta that undo reverses."""

    delta: TaxonomyDelta | None = None
    # Stories whose search entries still show their old tags: too many to
    # reindex inside the change. Pass them to ``TaxonomyService.catch_up_search``.
    search_pending: tuple[int, ...] = ()


def chunks(values: Sequence[int], size: int = CHUNK) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def section_record(section: Any) -> SectionRecord:
    return SectionRecord(
        id=int(section.id),
        name=section.name,
        slug=section.slug,
        slug_manual=bool(section.slug_manual),
        parent_id=section.parent_id,
        position=int(section.position),
        description=section.description or "",
        site_id=section.site_id,
    )


def tag_record(tag: Any) -> TagRecord:
    return TagRecord(int(tag.id), tag.name, tag.slug, tag.norm_name, tag.site_id)


def load_section(session: Session, section_id: int) -> SectionRecord | None:
    row = session.execute(select(SECTIONS).where(SECTIONS.c.id == section_id)).first()
    return section_record(row) if row is not None else None


def load_tag(session: Session, tag_id: int) -> TagRecord | None:
    row = session.execute(select(TAGS).where(TAGS.c.id == tag_id)).first()
    return tag_record(row) if row is not None else None


def tag_article_ids(session: Session, tag_ids: Iterable[int]) -> dict[int, list[int]]:
    """For each tag, the articles carrying it (every status, trash included), in order."""
    found: dict[int, list[int]] = {}
    for tag_id in dict.fromkeys(tag_ids):
        # Read from the (tag, article) index, already in article order.
        found[tag_id] = list(
            session.scalars(
                select(article_tags.c.article_id)
                .where(article_tags.c.tag_id == tag_id)
                .order_by(article_tags.c.article_id)
            )
        )
    return found


def _changed(what: str, **details: Any) -> TaxonomyChanged:
    return TaxonomyChanged(
        f"Sections or tags changed since this step ({what}); nothing was changed", **details
    )


def apply_delta(session: Session, delta: TaxonomyDelta, *, fresh: bool = True) -> TaxonomyChanges:
    """Apply ``delta`` in the caller's transaction, or raise ``TaxonomyChanged``.

    ``fresh``: the delta was just read from this same transaction (the first
    time a step is made), so a tag that goes takes all its links in one
    statement. A recorded step applied later (undo, redo) is checked link by link.
    """
    touched: set[int] = set()
    _add_sections(session, delta.sections_added)
    _change_sections(session, delta.sections_changed, touched)
    for move in delta.moves:
        _move_articles(session, move)
        touched.update(move.article_ids)
    _add_tags(session, delta.tags_added)
    _change_tags(session, delta.tags_changed, touched)
    going = {record.id for record in delta.tags_removed}
    for links in delta.links_removed:
        if fresh and links.tag_id in going:
            _unlink_all(session, links)
        else:
            _unlink(session, links)
        touched.update(links.article_ids)
    for links in delta.links_added:
        _link(session, links)
        touched.update(links.article_ids)
    _remove_tags(session, delta.tags_removed)
    _remove_sections(session, delta.sections_removed)
    relinked = {a for links in delta.links_added + delta.links_removed for a in links.article_ids}
    if delta.bump_versions:
        # Tags put on chosen stories are an edit of those stories: an editor who
        # still has one open gets a conflict on save rather than silently
        # dropping the tag. Housekeeping (merge, delete, rename) leaves versions
        # alone: rewriting 50,000 story rows would cost seconds, and a save from
        # an open editor matches the merged names again (ensure_tags).
        for part in chunks(sorted(relinked)):
            session.execute(
                update(ARTICLES)
                .where(ARTICLES.c.id.in_(part))
                .values(version=ARTICLES.c.version + 1)
            )
    # Tag names are searchable text; sections are read live at search time.
    retagged = sorted(relinked | _renamed_tag_articles(session, delta))
    pending: tuple[int, ...] = ()
    if len(retagged) <= SEARCH_INLINE:
        keep_search_in_step(session, retagged)
    else:
        pending = tuple(retagged)
    touched.update(retagged)
    sections = bool(delta.sections_added or delta.sections_removed or delta.sections_changed)
    tags = bool(
        delta.tags_added
        or delta.tags_removed
        or delta.tags_changed
        or delta.links_added
        or delta.links_removed
    )
    new_id = None
    if delta.sections_added:
        new_id = delta.sections_added[0].id
    elif delta.tags_added:
        new_id = delta.tags_added[0].id
    return TaxonomyChanges(
        articles=frozenset(touched),
        sections=sections or bool(delta.moves),
        tags=tags,
        new_id=new_id,
        delta=delta,
        search_pending=pending,
    )


def keep_search_in_step(session: Session, article_ids: Sequence[int]) -> int:
    """SEARCH INDEX CALL SITE: every taxonomy change (and its undo) passes here.

    ``article_ids`` are the stories whose tags or tag names changed, the only
    taxonomy text the index holds (sections are read live at search time).
    Returns how many index entries were rewritten.
    """
    from editor.search import reindex_articles

    return reindex_articles(session, article_ids)


def _renamed_tag_articles(session: Session, delta: TaxonomyDelta) -> set[int]:
    renamed = [after.id for before, after in delta.tags_changed if before.name != after.name]
    found: set[int] = set()
    for ids in tag_article_ids(session, renamed).values():
        found.update(ids)
    return found


def _check_section(session: Session, expected: SectionRecord) -> None:
    if load_section(session, expected.id) != expected:
        raise _changed("section", section_id=expected.id, name=expected.name)


def _check_tag(session: Session, expected: TagRecord) -> None:
    if load_tag(session, expected.id) != expected:
        raise _changed("tag", tag_id=expected.id, name=expected.name)


def _parents_first(records: Sequence[SectionRecord]) -> list[SectionRecord]:
    pending = list(records)
    ordered: list[SectionRecord] = []
    while pending:
        waiting = {r.id for r in pending}
        ready = [r for r in pending if r.parent_id not in waiting]
        if not ready:  # a cycle among the records themselves: never produced by the core
            raise _changed("section tree")
        ordered.extend(ready)
        pending = [r for r in pending if r not in ready]
    return ordered


def _add_sections(session: Session, records: Sequence[SectionRecord]) -> None:
    for record in _parents_first(records):
        clash = session.execute(
            select(SECTIONS.c.id).where(
                (SECTIONS.c.id == record.id) | (SECTIONS.c.slug == record.slug)
            )
        ).first()
        if clash is not None:
            raise _changed("section exists", section_id=record.id, name=record.name)
        if record.parent_id is not None and load_section(session, record.parent_id) is None:
            raise _changed("parent section gone", section_id=record.parent_id)
        session.execute(insert(SECTIONS).values(**record.__dict__))


def _change_sections(
    session: Session, pairs: Sequence[tuple[SectionRecord, SectionRecord]], touched: set[int]
) -> None:
    for before, _after in pairs:
        _check_section(session, before)
    # Slugs are unique: free every old slug first, so two sections can swap theirs.
    for before, _after in pairs:
        session.execute(
            update(SECTIONS)
            .where(SECTIONS.c.id == before.id)
            .values(slug=f"\x01{before.id}")  # no real slug starts with U+0001
        )
    for before, after in pairs:
        try:
            session.execute(
                update(SECTIONS).where(SECTIONS.c.id == before.id).values(**after.__dict__)
            )
        except IntegrityError as exc:
            raise _changed("slug taken", slug=after.slug) from exc
        if before.name != after.name:
            touched.update(
                session.scalars(select(Article.id).where(Article.section_id == before.id))
            )


def _move_articles(session: Session, move: ArticleMove) -> None:
    moved = 0
    for part in chunks(move.article_ids):
        result = session.execute(
            update(ARTICLES)
            .where(ARTICLES.c.id.in_(part))
            .where(ARTICLES.c.section_id.is_not_distinct_from(move.before))
            .values(section_id=move.after, version=ARTICLES.c.version + 1)
        )
        moved += int(getattr(result, "rowcount", 0) or 0)
    if moved != len(move.article_ids):
        raise _changed("articles refiled", expected=len(move.article_ids), found=moved)


def _add_tags(session: Session, records: Sequence[TagRecord]) -> None:
    for record in records:
        clash = session.execute(
            select(TAGS.c.id).where((TAGS.c.id == record.id) | (TAGS.c.slug == record.slug))
        ).first()
        if clash is not None:
            raise _changed("tag exists", tag_id=record.id, name=record.name)
        session.execute(insert(TAGS).values(**record.__dict__))


def _change_tags(
    session: Session, pairs: Sequence[tuple[TagRecord, TagRecord]], touched: set[int]
) -> None:
    for before, _after in pairs:
        _check_tag(session, before)
    for before, _after in pairs:
        session.execute(update(TAGS).where(TAGS.c.id == before.id).values(slug=f"\x01{before.id}"))
    for _before, after in pairs:
        try:
            session.execute(update(TAGS).where(TAGS.c.id == after.id).values(**after.__dict__))
        except IntegrityError as exc:
            raise _changed("slug taken", slug=after.slug) from exc


def _unlink(session: Session, links: TagLinks) -> None:
    removed = _executemany(
        session,
        "DELETE FROM article_tags WHERE article_id = ? AND tag_id = ?",
        [(a, links.tag_id) for a in links.article_ids],
    )
    if removed != len(links.article_ids):
        raise _changed("tag links", tag_id=links.tag_id)


def _unlink_all(session: Session, links: TagLinks) -> None:
    removed = session.execute(delete(article_tags).where(article_tags.c.tag_id == links.tag_id))
    if int(getattr(removed, "rowcount", 0) or 0) != len(links.article_ids):
        raise _changed("tag links", tag_id=links.tag_id)


def _link(session: Session, links: TagLinks) -> None:
    try:
        _executemany(
            session,
            "INSERT INTO article_tags (article_id, tag_id) VALUES (?, ?)",
            [(a, links.tag_id) for a in links.article_ids],
        )
    except IntegrityError as exc:  # already linked, or the article was deleted
        raise _changed("tag links", tag_id=links.tag_id) from exc


def _executemany(session: Session, sql: str, rows: list[tuple[int, int]]) -> int:
    """One statement over many rows, as the driver runs it; the rows it touched.

    A merge moves tens of thousands of links: passing plain tuples to the
    driver is half the cost of SQLAlchemy's per-row parameter handling.
    """
    if not rows:
        return 0
    connection = session.connection()
    if connection.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    result = connection.exec_driver_sql(sql, rows)
    return int(result.rowcount)


def _remove_tags(session: Session, records: Sequence[TagRecord]) -> None:
    for record in records:
        _check_tag(session, record)
        still = session.scalar(
            select(func.count()).select_from(article_tags).where(article_tags.c.tag_id == record.id)
        )
        if still:
            raise _changed("tag used since", tag_id=record.id, name=record.name, count=still)
        session.execute(delete(TAGS).where(TAGS.c.id == record.id))


def _remove_sections(session: Session, records: Sequence[SectionRecord]) -> None:
    # Children before parents: a parent cannot go while a child points at it.
    for record in reversed(_parents_first(records)):
        _check_section(session, record)
        filed = session.scalar(
            select(func.count(Article.id)).where(Article.section_id == record.id)
        )
        children = session.scalar(
            select(func.count()).select_from(SECTIONS).where(SECTIONS.c.parent_id == record.id)
        )
        if filed or children:
            raise _changed("section in use", section_id=record.id, name=record.name)
        session.execute(delete(SECTIONS).where(SECTIONS.c.id == record.id))
