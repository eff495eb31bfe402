"""The sample newsroom loaded into a new database on first run.

``seeds/newsroom.json`` holds sections, tags, users, stories and reader
comments written for the project; ``seeds/pages/*.txt`` are copied article
pages that go through the same page-text import a journalist uses.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from editor.arabic import normalize
from editor.dateline import Dateline
from editor.models import (
    Article,
    ArticleStatus,
    Comment,
    CommentStatus,
    Role,
    Section,
    Tag,
    User,
)
from editor.pagetext import parse_page_text, read_page_text_file
from editor.services.articles import ArticleDraft, _apply, _record_revision
from editor.slugs import make_slug, unique_slug

if TYPE_CHECKING:
    from editor.storage import Newsroom

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


def _when(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


def load_seed_newsroom(newsroom: Newsroom, seeds_dir: Path = SEEDS_DIR) -> None:
    """Fill a new, empty newsroom with the sample content, in one transaction."""
    data: dict[str, Any] = json.loads((seeds_dir / "newsroom.json").read_text("utf-8"))
    pages = sorted((seeds_dir / "pages").glob("*.txt"))
    with newsroom.write() as session:
        users = {u.login: u for u in session.scalars(select(User))}
        for entry in data.get("users", []):
            if entry["login"] not in users:
                user = User(
                    login=entry["login"],
                    display_name=entry.get("display_name", ""),
                    role=Role(entry["role"]),
                )
                session.add(user)
                users[user.login] = user
        session.flush()

        sections: dict[str, Section] = {}
        for position, entry in enumerate(data.get("sections", [])):
            parent = sections.get(entry["parent"]) if entry.get("parent") else None
            section = Section(
                name=entry["name"],
                slug=entry.get("slug") or make_slug(entry["name"]),
                parent_id=parent.id if parent else None,
                position=position,
            )
            session.add(section)
            session.flush()
            sections[section.name] = section

        # Tags are created exactly as written, near-duplicates included (the
        # sample newsroom has some on purpose, for the near-duplicate finder).
        slugs: set[str] = set()
        for name in data.get("tags", []):
            slug = unique_slug(make_slug(name), slugs.__contains__)
            slugs.add(slug)
            session.add(Tag(name=name, norm_name=normalize(name), slug=slug))
        session.flush()

        articles: dict[str, Article] = {}
        for entry in data.get("articles", []):
            dateline = entry.get("dateline") or {}
            author = users.get(entry.get("author", ""))
            article = Article(
                status=ArticleStatus(entry["status"]),
                author_id=author.id if author else None,
                dateline_sources=[],
            )
            session.add(article)
            _apply(
                session,
                article,
                ArticleDraft(
                    headline=entry["headline"],
                    standfirst=entry.get("standfirst", ""),
                    body_html=entry["body_html"],
                    dateline=Dateline(
                        dateline.get("place", ""),
                        dt.date.fromisoformat(dateline["date"]) if dateline.get("date") else None,
                        tuple(dateline.get("sources", ())),
                    ),
                    byline=entry.get("byline", ""),
                    section_id=sections[entry["section"]].id if entry.get("section") else None,
                    tags=tuple(entry.get("tags", ())),
                ),
            )
            created = _when(entry.get("created")) or dt.datetime(2025, 10, 1)
            article.created = article.updated = created
            article.published = _when(entry.get("published"))
            article.scheduled_for = _when(entry.get("scheduled_for"))
            session.flush()
            _record_revision(session, article, article.author_id, "seed")
            articles[entry["key"]] = article

        for path in pages:
            page = parse_page_text(read_page_text_file(path))
            page_section = next(
                (
                    s
                    for s in sections.values()
                    if normalize(s.name) == normalize(page.section or "")
                ),
                None,
            )
            article = Article(status=ArticleStatus.PUBLISHED, dateline_sources=[])
            session.add(article)
            _apply(
                session,
                article,
                ArticleDraft(
                    headline=page.headline,
                    standfirst=page.standfirst,
                    body_html=page.body_html,
                    dateline=page.dateline or Dateline(""),
                    section_id=page_section.id if page_section else None,
                ),
            )
            if page.dateline and page.dateline.date:
                stamp = dt.datetime.combine(page.dateline.date, dt.time(9, 0))
                article.created = article.updated = article.published = stamp
            session.flush()
            _record_revision(session, article, None, "seed")

        comments: dict[str, Comment] = {}
        for entry in data.get("comments", []):
            replied_to = comments.get(entry.get("parent") or "")
            comment = Comment(
                article_id=articles[entry["article"]].id,
                parent_id=replied_to.id if replied_to else None,
                author_name=entry.get("author", ""),
                author_email=entry.get("email", ""),
                author_url=entry.get("url", ""),
                author_ip=entry.get("ip", ""),
                text=entry["text"],
                submitted=_when(entry.get("submitted")) or dt.datetime(2025, 10, 2),
                status=CommentStatus(entry["status"]),
            )
            session.add(comment)
            session.flush()
            comments[entry["key"]] = comment
