"""What of an article or a comment is searchable, read in chunks, as index columns.

Backend-neutral: every backend indexes the same columns of the same text
(``editor.search.text.index_text``), so a query finds the same stories on
SQLite and PostgreSQL. A digest of the source lets a backend skip a row whose
searchable text has not changed (a status move, a section rename).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import BindParameter, bindparam, select
from sqlalchemy.orm import Session

from editor.models import Article, Comment, Tag, article_tags
from editor.search.text import POLICY, index_text

__all__ = [
    "ARTICLE_COLUMNS",
    "COMMENT_COLUMNS",
    "Document",
    "article_documents",
    "body_plain_text",
    "chunked",
    "comment_documents",
]

ARTICLE_COLUMNS = ("headline", "standfirst", "body", "dateline", "tags", "byline")
COMMENT_COLUMNS = ("text", "author")
CHUNK = 500

# The stored body is a sanitised subset (editor.body): tags never hide text in
# attributes, so cutting them out is enough, and twenty times faster than parsing.
_TAG_RE = re.compile(r"<[^>]*>")
_SEPARATOR = "\x1f"


def body_plain_text(body_html: str) -> str:
    """The words of a stored body, blocks separated by spaces."""
    if "<" not in body_html and "&" not in body_html:
        return body_html
    return html.unescape(_TAG_RE.sub(" ", body_html))


def chunked(values: Sequence[int], size: int = CHUNK) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


@dataclass(frozen=True)
class Document:
    """One row's searchable text as written, its date and the digest of both."""

    id: int
    date: dt.datetime
    texts: tuple[str, ...]
    digest: bytes

    def columns(self) -> tuple[str, ...]:
        """The index columns (tokens); computed only when the digest says so."""
        return tuple(index_text(text) for text in self.texts)


def _digest(date: dt.datetime, texts: Sequence[str]) -> bytes:
    joined = _SEPARATOR.join((POLICY, date.isoformat(), *texts))
    return hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _document(row_id: int, date: dt.datetime | None, texts: Sequence[str]) -> Document:
    moment = date or dt.datetime(1970, 1, 1)
    return Document(row_id, moment, tuple(texts), _digest(moment, texts))


# Built once: constructing a statement costs more than running it for one story.
_IDS: BindParameter[list[int]] = bindparam("ids", expanding=True)
_ARTICLE_TAGS = (
    select(article_tags.c.article_id, Tag.name)
    .join(Tag, Tag.id == article_tags.c.tag_id)
    .where(article_tags.c.article_id.in_(_IDS))
)
_ARTICLES = select(
    Article.id,
    Article.created,
    Article.headline,
    Article.standfirst,
    Article.body_html,
    Article.dateline_place,
    Article.dateline_sources,
    Article.byline,
).where(Article.id.in_(_IDS))
_COMMENTS = select(Comment.id, Comment.submitted, Comment.text, Comment.author_name).where(
    Comment.id.in_(_IDS)
)


def article_documents(session: Session, ids: Sequence[int]) -> dict[int, Document]:
    """The articles among ``ids`` that exist, as documents (ARTICLE_COLUMNS order)."""
    wanted = {"ids": list(ids)}
    tags: dict[int, list[str]] = {}
    for article_id, name in session.execute(_ARTICLE_TAGS, wanted):
        tags.setdefault(article_id, []).append(name)
    found: dict[int, Document] = {}
    rows = session.execute(_ARTICLES, wanted)
    for article_id, created, headline, standfirst, body, place, sources, byline in rows:
        dateline = " ".join([place or "", *(str(s) for s in sources or ())])
        texts = (
            headline or "",
            standfirst or "",
            body_plain_text(body or ""),
            dateline.strip(),
            # Tags one after another: a phrase may run from one tag into the next.
            " ، ".join(sorted(tags.get(article_id, ()))),
            byline or "",
        )
        found[article_id] = _document(article_id, created, texts)
    return found


def comment_documents(session: Session, ids: Sequence[int]) -> dict[int, Document]:
    rows = session.execute(_COMMENTS, {"ids": list(ids)})
    return {
        comment_id: _document(comment_id, submitted, (text or "", author or ""))
        for comment_id, submitted, text, author in rows
    }
