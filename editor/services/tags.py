"""Tags: the flat vocabulary stories are filed under.

Editors and admins change tags here, each change an undoable ``TaxonomyDelta``;
journalists create tags on the spot through ``ensure_tags`` when they save a
story, which is an article edit, not a taxonomy edit.
"""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editor.arabic import normalize
from editor.errors import DuplicateName, InvalidInput, MidadError, NotFound
from editor.models import Article, ArticleStatus, Tag, article_tags
from editor.permissions import Action, require
from editor.services.naming import (
    automatic_slug,
    clean_name,
    is_automatic_slug,
    manual_slug,
    name_key,
    next_id,
)
from editor.services.taxonomy_delta import (
    ARTICLES,
    TAGS,
    TagLinks,
    TagRecord,
    TaxonomyChanges,
    TaxonomyDelta,
    TaxonomyStep,
    apply_delta,
    chunks,
    load_tag,
    tag_article_ids,
)
from editor.slugs import make_slug, unique_slug

if TYPE_CHECKING:
    from editor.storage import Newsroom


@dataclass(frozen=True)
class TagRow:
    id: int
    name: str
    slug: str
    count: int  # stories carrying it, trash excluded


@dataclass(frozen=True)
class TagName:
    """A tag without its count: what the tag panel lists before it counts."""

    id: int
    name: str
    slug: str
    norm_name: str


def ensure_tags(session: Session, names: Iterable[str]) -> list[Tag]:
    """The tags with these names, matched after normalisation, created when new.

    Never flushes: a flush here would write a half-edited article early and
    bump its version twice in one save.
    """
    result: dict[str, Tag] = {}
    wanted: dict[str, str] = {}
    for raw in names:
        if raw.strip():
            name = clean_name(raw)
            wanted.setdefault(normalize(name), name)  # the first spelling given wins
    with session.no_autoflush:
        # One query for every name (a save passes all the story's tags);
        # the oldest tag wins where near-duplicates share a normal form.
        stored: dict[str, Tag] = {}
        if wanted:
            for found in session.scalars(
                select(Tag).where(Tag.norm_name.in_(list(wanted))).order_by(Tag.id.desc())
            ):
                stored[found.norm_name] = found
        for norm, name in wanted.items():
            tag = stored.get(norm) or next(
                (t for t in session.new if isinstance(t, Tag) and t.norm_name == norm), None
            )
            if tag is None:
                tag = Tag(name=name, norm_name=norm, slug=_free_tag_slug(session, name))
                session.add(tag)
            result[norm] = tag
    return sorted(result.values(), key=lambda t: t.name)


def _free_tag_slug(session: Session, name: str) -> str:
    pending = {t.slug for t in session.new if isinstance(t, Tag)}
    return unique_slug(
        make_slug(name),
        lambda s: s in pending or session.scalar(select(Tag.id).where(Tag.slug == s)) is not None,
        wordpress=True,
    )


def _trashed_counts(session: Session, tag_ids: Sequence[int] | None = None) -> dict[int, int]:
    """Links to trashed stories, per tag (every tag, or these)."""
    if tag_ids is None:
        # Every tag: start from the few trashed stories (status index) and
        # look up their links by story.
        query = (
            select(article_tags.c.tag_id, func.count())
            .select_from(ARTICLES)
            .join(article_tags, article_tags.c.article_id == ARTICLES.c.id)
            .where(ARTICLES.c.status == ArticleStatus.TRASH.value)
            .group_by(article_tags.c.tag_id)
        )
    else:
        # A few tags: walk their own links and test each against the trashed
        # stories. "+ 0" keeps SQLite from probing every trashed story per tag.
        trashed = select(ARTICLES.c.id).where(ARTICLES.c.status == ArticleStatus.TRASH.value)
        query = (
            select(article_tags.c.tag_id, func.count())
            .where(article_tags.c.tag_id.in_(tag_ids))
            .where((article_tags.c.article_id + 0).in_(trashed))
            .group_by(article_tags.c.tag_id)
        )
    return {int(t): int(n) for t, n in session.execute(query)}


def _link_counts(session: Session, tag_ids: Sequence[int] | None = None) -> dict[int, int]:
    query = select(article_tags.c.tag_id, func.count()).group_by(article_tags.c.tag_id)
    if tag_ids is not None:
        query = query.where(article_tags.c.tag_id.in_(tag_ids))
    return {int(t): int(n) for t, n in session.execute(query)}


def count_tags(session: Session, tag_ids: Sequence[int] | None = None) -> dict[int, int]:
    """Stories carrying each tag, trash excluded; only the tags asked for, if given.

    Both counts read the (tag, article) index alone; the trashed stories come
    from the status index. No story row (and its body) is read.
    """
    found: dict[int, int] = {}
    parts = [None] if tag_ids is None else list(chunks(list(tag_ids)))
    for part in parts:
        links = _link_counts(session, part)
        trashed = _trashed_counts(session, part)
        found.update({t: n - trashed.get(t, 0) for t, n in links.items()})
    if tag_ids is not None:
        return {t: found.get(t, 0) for t in tag_ids}
    return found


class TagCounter:
    """Counts tags a few at a time, for a list that shows only some of them at once."""

    def __init__(self, newsroom: Newsroom) -> None:
        self._newsroom = newsroom

    def counts(self, tag_ids: Sequence[int]) -> dict[int, int]:
        with self._newsroom.read() as session:
            return count_tags(session, tag_ids)


class TagService:
    def __init__(self, newsroom: Newsroom) -> None:
        self._newsroom = newsroom

    # -- reading -----------------------------------------------------------

    def list(self) -> list[TagRow]:
        """Every tag with its count, by name."""
        with self._newsroom.read() as session:
            counts = count_tags(session)
            return [
                TagRow(t.id, t.name, t.slug, counts.get(t.id, 0))
                for t in session.execute(select(Tag.id, Tag.name, Tag.slug).order_by(Tag.name))
            ]

    def names(self) -> builtins.list[TagName]:
        """Every tag by name, without counting (see ``counter``)."""
        with self._newsroom.read() as session:
            # Core columns: ORM-enabled selects cost more than the query itself here.
            rows = session.execute(
                select(TAGS.c.id, TAGS.c.name, TAGS.c.slug, TAGS.c.norm_name).order_by(
                    TAGS.c.name, TAGS.c.id
                )
            ).all()  # one fetch, not a row at a time
            return [TagName(i, n, s, m) for i, n, s, m in rows]

    def counter(self) -> TagCounter:
        return TagCounter(self._newsroom)

    def find(self, name: str) -> int | None:
        with self._newsroom.read() as session:
            tag_id = session.scalar(
                select(Tag.id).where(Tag.norm_name == name_key(name)).order_by(Tag.id).limit(1)
            )
            return int(tag_id) if tag_id is not None else None

    def resolve(self, name: str) -> int:
        """The tag called exactly ``name``, else the only one spelled like it."""
        cleaned = " ".join(name.split())
        with self._newsroom.read() as session:
            exact = session.scalar(select(Tag.id).where(Tag.name == cleaned))
            if exact is not None:
                return int(exact)
            alike = session.execute(
                select(Tag.id, Tag.name).where(Tag.norm_name == name_key(name))
            ).all()
        if not alike:
            raise NotFound(f"There is no tag {name!r}", name=name)
        if len(alike) > 1:
            raise MidadError(
                f"{name!r} could be any of: {', '.join(n for _, n in alike)}; give the exact name",
                name=name,
            )
        return int(alike[0][0])

    def usage(self, tag_ids: Iterable[int]) -> int:
        """Stories (of every status, trash included) that carry any of these tags."""
        wanted = sorted(set(tag_ids))
        found: set[int] = set()
        with self._newsroom.read() as session:
            for ids in tag_article_ids(session, wanted).values():
                found.update(ids)
        return len(found)

    # -- writing -----------------------------------------------------------

    def create(self, name: str, slug: str | None = None) -> TaxonomyChanges:
        self._require()
        name = clean_name(name)
        with self._newsroom.write() as session:
            self._refuse_clash(session, name, None)
            taken = _Taken(session, None)
            record = TagRecord(
                id=next_id(session, TAGS),
                name=name,
                slug=manual_slug(slug, taken) if slug else automatic_slug(name, taken),
                norm_name=normalize(name),
            )
            return apply_delta(
                session, TaxonomyDelta(TaxonomyStep.CREATE_TAG, tags_added=(record,))
            )

    def rename(self, tag_id: int, name: str, slug: str | None = None) -> TaxonomyChanges:
        """Rename; a slug made from the old name follows, one typed by hand stays.

        ``slug`` given sets it; ``""`` makes it follow the name again.
        """
        self._require()
        name = clean_name(name)
        with self._newsroom.write() as session:
            before = self._load(session, tag_id)
            self._refuse_clash(session, name, tag_id)
            taken = _Taken(session, tag_id)
            if slug:
                new_slug = manual_slug(slug, taken)
            elif slug is None and not is_automatic_slug(before.slug, before.name):
                new_slug = before.slug
            else:
                new_slug = automatic_slug(name, taken)
            after = dataclasses.replace(before, name=name, slug=new_slug, norm_name=normalize(name))
            if after == before:
                return TaxonomyChanges()
            return apply_delta(
                session, TaxonomyDelta(TaxonomyStep.RENAME_TAG, tags_changed=((before, after),))
            )

    def merge(self, target_id: int, source_ids: Iterable[int]) -> TaxonomyChanges:
        """Fold tags into one: their stories carry the target instead, never twice."""
        self._require()
        with self._newsroom.write() as session:
            self._load(session, target_id)
            sources = [self._load(session, s) for s in dict.fromkeys(source_ids) if s != target_id]
            if not sources:
                raise InvalidInput("Choose at least one other tag to merge", field="sources")
            links = tag_article_ids(session, [target_id, *(s.id for s in sources)])
            carried = set(links[target_id])
            gaining = sorted({a for s in sources for a in links[s.id]} - carried)
            return apply_delta(
                session,
                TaxonomyDelta(
                    TaxonomyStep.MERGE_TAGS,
                    tags_removed=tuple(sources),
                    links_removed=tuple(
                        TagLinks(s.id, tuple(links[s.id])) for s in sources if links[s.id]
                    ),
                    links_added=(TagLinks(target_id, tuple(gaining)),) if gaining else (),
                ),
            )

    def delete(self, tag_ids: Iterable[int]) -> TaxonomyChanges:
        """Delete tags; their stories simply no longer carry them."""
        self._require()
        wanted = list(dict.fromkeys(tag_ids))
        if not wanted:
            return TaxonomyChanges()
        with self._newsroom.write() as session:
            records = [self._load(session, t) for t in wanted]
            links = tag_article_ids(session, wanted)
            return apply_delta(
                session,
                TaxonomyDelta(
                    TaxonomyStep.DELETE_TAGS,
                    tags_removed=tuple(records),
                    links_removed=tuple(TagLinks(t, tuple(links[t])) for t in wanted if links[t]),
                ),
            )

    def assign(self, article_ids: Iterable[int], tag_id: int) -> TaxonomyChanges:
        """Add a tag to these stories (dragged from the article list)."""
        self._require()
        wanted = sorted(set(article_ids))
        with self._newsroom.write() as session:
            self._load(session, tag_id)
            existing: set[int] = set()
            carrying: set[int] = set()
            for part in chunks(wanted):
                existing.update(session.scalars(select(Article.id).where(Article.id.in_(part))))
                carrying.update(
                    session.scalars(
                        select(article_tags.c.article_id)
                        .where(article_tags.c.tag_id == tag_id)
                        .where(article_tags.c.article_id.in_(part))
                    )
                )
            gaining = tuple(sorted(existing - carrying))
            if not gaining:
                return TaxonomyChanges()
            return apply_delta(
                session,
                TaxonomyDelta(
                    TaxonomyStep.ADD_TAG,
                    links_added=(TagLinks(tag_id, gaining),),
                    bump_versions=True,
                ),
            )

    # -- helpers -----------------------------------------------------------

    def _require(self) -> None:
        require(self._newsroom.actor.role, Action.EDIT_TAXONOMY)

    @staticmethod
    def _load(session: Session, tag_id: int) -> TagRecord:
        record = load_tag(session, tag_id)
        if record is None:
            raise NotFound(f"There is no tag {tag_id}", tag_id=tag_id)
        return record

    @staticmethod
    def _refuse_clash(session: Session, name: str, except_id: int | None) -> None:
        clash = session.execute(
            select(Tag.id, Tag.name)
            .where(Tag.norm_name == name_key(name))
            .where(Tag.id != (except_id if except_id is not None else -1))
            .limit(1)
        ).first()
        if clash is not None:
            raise DuplicateName(
                f"There is already a tag {clash.name!r}",
                name=name,
                existing=clash.name,
                existing_id=clash.id,
            )


class _Taken:
    """Whether a slug belongs to another tag than ``except_id``."""

    def __init__(self, session: Session, except_id: int | None) -> None:
        self._session = session
        self._except = except_id

    def __call__(self, slug: str) -> bool:
        owner = self._session.scalar(select(Tag.id).where(Tag.slug == slug))
        return owner is not None and owner != self._except
