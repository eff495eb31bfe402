"""A page of raw hits made into what a person reads: titles, snippets, marked words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.arabic import neutralize_bidi
from editor.models import Article, ArticleStatus, Comment, CommentStatus, User
from editor.search.base import RawHit, RawPage, SearchKind, SearchOrder
from editor.search.documents import body_plain_text
from editor.search.highlight import Matcher, Snippet, cut

__all__ = ["SNIPPET_CHARS", "SearchHit", "hits", "merge"]

SNIPPET_CHARS = 180


@dataclass(frozen=True)
class SearchHit:
    kind: SearchKind
    id: int
    # An article's headline; for a comment, the headline of its article.
    title: str
    title_highlights: tuple[tuple[int, int], ...]
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    date: dt.datetime
    status: str
    article_id: int
    author: str
    score: float | None = None

    def to_json(self) -> dict[str, Any]:
        """One line of ``search --json``: its keys are a promise to scripts."""
        return {
            "kind": self.kind.value,
            "id": self.id,
            "snippet": self.snippet,
            "highlights": [list(span) for span in self.highlights],
            "title": self.title,
            "article_id": self.article_id,
            "status": self.status,
            "author": self.author,
            "date": self.date.isoformat(timespec="seconds"),
            "score": None if self.score is None else round(-self.score, 4),
        }


def merge(pages: dict[SearchKind, RawPage], order: SearchOrder) -> list[tuple[SearchKind, RawHit]]:
    merged = [(kind, hit) for kind, page in pages.items() for hit in page.hits]
    if len(pages) > 1:
        if order is SearchOrder.NEWEST:
            merged.sort(key=lambda kh: kh[1].date, reverse=True)
        else:
            merged.sort(key=lambda kh: kh[1].score if kh[1].score is not None else 0.0)
    return merged


def hits(
    session: Session, raws: list[tuple[SearchKind, RawHit]], matcher: Matcher
) -> list[SearchHit]:
    article_ids = [hit.id for kind, hit in raws if kind is SearchKind.ARTICLE]
    comment_ids = [hit.id for kind, hit in raws if kind is SearchKind.COMMENT]
    articles = _article_hits(session, article_ids, matcher)
    comments = _comment_hits(session, comment_ids, matcher)
    found: list[SearchHit] = []
    for kind, raw in raws:
        hit = (articles if kind is SearchKind.ARTICLE else comments).get(raw.id)
        if hit is not None:
            found.append(_with_score(hit, raw.score))
    return found


def _with_score(hit: SearchHit, score: float | None) -> SearchHit:
    return replace(hit, score=score)


def _lead(text: str, matcher: Matcher) -> Snippet:
    return matcher.snippet(text, SNIPPET_CHARS) or cut(text, 0, SNIPPET_CHARS)


def _article_hits(session: Session, ids: list[int], matcher: Matcher) -> dict[int, SearchHit]:
    if not ids:
        return {}
    rows = session.execute(
        select(
            Article.id,
            Article.headline,
            Article.standfirst,
            Article.body_html,
            Article.status,
            Article.created,
            Article.byline,
            User.display_name,
            User.login,
        )
        .outerjoin(User, User.id == Article.author_id)
        .where(Article.id.in_(ids))
    )
    found: dict[int, SearchHit] = {}
    for aid, headline, standfirst, body, status, created, byline, name, login in rows:
        headline = neutralize_bidi(headline or "")
        standfirst = neutralize_bidi(standfirst or "")
        # Snippets drop bidi controls themselves: cleaning the whole body is slow.
        body_text = body_plain_text(body or "")
        snippet = matcher.snippet(body_text, SNIPPET_CHARS) or matcher.snippet(standfirst)
        snippet = snippet or _lead(standfirst or body_text, matcher)
        found[aid] = SearchHit(
            kind=SearchKind.ARTICLE,
            id=aid,
            title=headline,
            title_highlights=tuple(matcher.spans(headline)),
            snippet=snippet.text,
            highlights=snippet.highlights,
            date=created,
            status=str(ArticleStatus(status).value),
            article_id=aid,
            author=byline or name or login or "",
        )
    return found


def _comment_hits(session: Session, ids: list[int], matcher: Matcher) -> dict[int, SearchHit]:
    if not ids:
        return {}
    rows = session.execute(
        select(
            Comment.id,
            Comment.article_id,
            Comment.text,
            Comment.author_name,
            Comment.status,
            Comment.submitted,
            Article.headline,
        )
        .join(Article, Article.id == Comment.article_id)
        .where(Comment.id.in_(ids))
    )
    found: dict[int, SearchHit] = {}
    for cid, aid, text, author, status, submitted, headline in rows:
        # What a reader wrote is shown as plain text; the snippet drops bidi controls.
        title = neutralize_bidi(headline or "")
        snippet = _lead(text or "", matcher)
        found[cid] = SearchHit(
            kind=SearchKind.COMMENT,
            id=cid,
            title=title,
            title_highlights=(),
            snippet=snippet.text,
            highlights=snippet.highlights,
            date=submitted,
            status=str(CommentStatus(status).value),
            article_id=aid,
            author=neutralize_bidi(author or ""),
        )
    return found
