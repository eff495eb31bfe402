"""Filters as a person gives them (names, words, dates), turned into ids for a backend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.arabic import normalize, taxonomy_key
from editor.models import ArticleStatus, CommentStatus, Section, Tag, User
from editor.search.base import ResolvedFilter, SearchKind
from editor.search.query import FilterKey, ParsedQuery, parse_date_bound

__all__ = ["BOTH", "STATUS_WORDS", "SearchFilter", "has_filters", "resolve"]

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


def has_filters(query: ParsedQuery, flt: SearchFilter) -> bool:
    return bool(
        query.filters
        or flt.section
        or flt.tags
        or flt.status
        or flt.author
        or flt.date_from
        or flt.date_to
    )


def resolve(
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
