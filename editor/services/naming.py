"""Names and slugs of sections and tags: what is accepted, and how slugs are made.

Two names count as the same when they differ only in white space, harakat,
tatweel or the letter forms ``normalize`` unifies; the second one is refused
with the first one's name, so the editor can see what already exists.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from editor.arabic import neutralize_bidi, normalize
from editor.errors import EmptyName, InvalidSlug, NameTooLong, SlugTaken
from editor.slugs import (
    MAX_SLUG,
    clean_slug,
    fit_wordpress,
    taxonomy_slug,
    unique_slug,
    wordpress_length,
)

MAX_NAME = 200
_NUMBERED = re.compile(r"-\d+$")


def clean_name(name: str) -> str:
    """A name as stored: bidi controls gone, white space collapsed, within the length limit."""
    name = " ".join(neutralize_bidi(name).split())
    if not name:
        raise EmptyName("A name cannot be empty", field="name")
    if len(name) > MAX_NAME:
        raise NameTooLong(
            f"The name is {len(name)} characters; at most {MAX_NAME} fit",
            field="name",
            length=len(name),
            limit=MAX_NAME,
        )
    return name


def name_key(name: str) -> str:
    """Two names with the same key are one name spelled two ways."""
    return normalize(" ".join(neutralize_bidi(name).split()))


def automatic_slug(name: str, taken: Callable[[str], bool]) -> str:
    return unique_slug(taxonomy_slug(name), taken, wordpress=True)


def is_automatic_slug(slug: str, name: str) -> bool:
    """Whether ``slug`` is what Midad would have made from ``name`` (perhaps numbered).

    Tags keep no "edited by hand" flag: a slug that is not derived from the
    name was typed by someone (or came from the site) and is left alone.
    """
    base = taxonomy_slug(name)
    if slug == base:
        return True
    number = _NUMBERED.search(slug)
    if number is None:
        return False
    # unique_slug shortens the base so that base + "-N" still fits WordPress.
    return slug[: number.start()] == fit_wordpress(base, MAX_SLUG - len(number.group()))


def manual_slug(raw: str, taken: Callable[[str], bool]) -> str:
    """A slug an editor typed: cleaned, never cut short and never silently renumbered."""
    slug = clean_slug(raw)
    if not slug:
        raise InvalidSlug("A slug needs at least one letter or digit", field="slug", slug=raw)
    length = wordpress_length(slug)
    if length > MAX_SLUG:
        raise InvalidSlug(
            f"The slug is {length} characters once encoded for WordPress; at most {MAX_SLUG} fit",
            field="slug",
            slug=slug,
            length=length,
            limit=MAX_SLUG,
        )
    if taken(slug):
        raise SlugTaken(f"The slug {slug!r} is already taken", field="slug", slug=slug)
    return slug


def next_id(session: Session, table: Table) -> int:
    """The id a new row gets, known before it is written so the step can be recorded.

    Safe because every write holds the database's write lock (BEGIN IMMEDIATE).
    """
    return int(session.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0) + 1
