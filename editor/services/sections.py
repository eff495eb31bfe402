"""Sections: the site's tree of departments."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editor.arabic import neutralize_bidi, normalize
from editor.changes import Changes
from editor.errors import InvalidInput, NotFound
from editor.models import Article, ArticleStatus, Section
from editor.permissions import Action, require
from editor.slugs import make_slug, unique_slug

if TYPE_CHECKING:
    from editor.storage import Newsroom

MAX_NAME = 200


@dataclass(frozen=True)
class SectionNode:
    id: int
    name: str
    slug: str
    parent_id: int | None
    position: int
    count: int  # stories in this section alone, trash excluded


def descendant_ids(session: Session, section_id: int) -> list[int]:
    """The section and every section below it (clicking a parent shows its children's stories)."""
    pairs = session.execute(select(Section.id, Section.parent_id)).all()
    children: dict[int | None, list[int]] = {}
    for sid, parent in pairs:
        children.setdefault(parent, []).append(sid)
    found, stack = [], [section_id]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, []))
    return found


def clean_name(name: str) -> str:
    name = " ".join(neutralize_bidi(name).split())
    if not name:
        raise InvalidInput("A name cannot be empty", field="name")
    if len(name) > MAX_NAME:
        raise InvalidInput(
            f"The name is {len(name)} characters; at most {MAX_NAME} fit", field="name"
        )
    return name


class SectionService:
    def __init__(self, newsroom: Newsroom) -> None:
        self._newsroom = newsroom

    def tree(self) -> list[SectionNode]:
        """Every section with its story count, parents before children, by position."""
        with self._newsroom.read() as session:
            counts = dict(
                session.execute(
                    select(Article.section_id, func.count(Article.id))
                    .where(Article.status != ArticleStatus.TRASH)
                    .group_by(Article.section_id)
                ).all()
            )
            sections = session.scalars(select(Section).order_by(Section.position, Section.name))
            return [
                SectionNode(s.id, s.name, s.slug, s.parent_id, s.position, counts.get(s.id, 0))
                for s in sections
            ]

    def find(self, name: str) -> int | None:
        """The section whose name matches after Arabic normalisation, if any."""
        wanted = normalize(" ".join(name.split()))
        with self._newsroom.read() as session:
            for sid, existing in session.execute(select(Section.id, Section.name)):
                if normalize(existing) == wanted:
                    return int(sid)
        return None

    def find_or_create(self, name: str, parent_id: int | None = None) -> Changes:
        existing = self.find(name)
        if existing is not None:
            return Changes(new_id=existing)
        return self.create(name, parent_id)

    def create(self, name: str, parent_id: int | None = None, slug: str | None = None) -> Changes:
        require(self._newsroom.actor.role, Action.EDIT_TAXONOMY)
        name = clean_name(name)
        with self._newsroom.write() as session:
            if parent_id is not None and session.get(Section, parent_id) is None:
                raise NotFound(f"There is no section {parent_id}", section_id=parent_id)
            position = session.scalar(
                select(func.coalesce(func.max(Section.position), -1) + 1).where(
                    Section.parent_id.is_(None)
                    if parent_id is None
                    else Section.parent_id == parent_id
                )
            )
            section = Section(
                name=name,
                parent_id=parent_id,
                position=int(position or 0),
                slug=unique_slug(
                    make_slug(slug or name),
                    lambda s: (
                        session.scalar(select(Section.id).where(Section.slug == s)) is not None
                    ),
                ),
                slug_manual=slug is not None,
            )
            session.add(section)
            session.flush()
            return Changes(sections=True, new_id=section.id)
