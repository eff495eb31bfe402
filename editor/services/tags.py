"""Tags: the flat vocabulary stories are filed under."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editor.arabic import normalize
from editor.models import Article, ArticleStatus, Tag, article_tags
from editor.services.sections import clean_name
from editor.slugs import make_slug, unique_slug

if TYPE_CHECKING:
    from editor.storage import Newsroom


@dataclass(frozen=True)
class TagRow:
    id: int
    name: str
    slug: str
    count: int  # stories carrying it, trash excluded


def ensure_tags(session: Session, names: Iterable[str]) -> list[Tag]:
    """The tags with these names, matched after normalisation, created when new.

    Never flushes: a flush here would write a half-edited article early and
    bump its version twice in one save.
    """
    result: dict[str, Tag] = {}
    with session.no_autoflush:
        for raw in names:
            if not raw.strip():
                continue
            name = clean_name(raw)
            norm = normalize(name)
            if norm in result:
                continue
            tag = session.scalar(
                select(Tag).where(Tag.norm_name == norm).order_by(Tag.id).limit(1)
            ) or next((t for t in session.new if isinstance(t, Tag) and t.norm_name == norm), None)
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
    )


class TagService:
    def __init__(self, newsroom: Newsroom) -> None:
        self._newsroom = newsroom

    def list(self) -> list[TagRow]:
        with self._newsroom.read() as session:
            counts: dict[int, int] = dict(
                session.execute(
                    select(article_tags.c.tag_id, func.count())
                    .join(Article, Article.id == article_tags.c.article_id)
                    .where(Article.status != ArticleStatus.TRASH)
                    .group_by(article_tags.c.tag_id)
                ).all()
            )
            return [
                TagRow(t.id, t.name, t.slug, counts.get(t.id, 0))
                for t in session.scalars(select(Tag).order_by(Tag.name))
            ]

    def find(self, name: str) -> int | None:
        with self._newsroom.read() as session:
            tag_id = session.scalar(
                select(Tag.id).where(Tag.norm_name == normalize(name.strip())).limit(1)
            )
            return int(tag_id) if tag_id is not None else None
