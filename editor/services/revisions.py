"""Helpers behind ``ArticleService`` for revisions and dateline look-ups.

Autosaves would otherwise fill a story's history with a revision every few
seconds of pause; consecutive autosaves by the same person within one
ten-minute slot update a single revision instead, so the history keeps at most
six autosaves an hour and every deliberate save, submit and restore.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editor.dateline import Dateline
from editor.models import Article, Revision, Section, utcnow

AUTOSAVE = "autosave"
AUTOSAVE_SLOT_MINUTES = 10
RECENT_ARTICLES_FOR_SOURCES = 2000


def autosave_slot(moment: dt.datetime) -> dt.datetime:
    return moment.replace(
        minute=moment.minute - moment.minute % AUTOSAVE_SLOT_MINUTES, second=0, microsecond=0
    )


def record_revision(
    session: Session, article: Article, user_id: int | None, reason: str, snapshot: dict[str, Any]
) -> None:
    now = utcnow()
    if reason == AUTOSAVE:
        last = session.scalar(
            select(Revision)
            .where(Revision.article_id == article.id)
            .order_by(Revision.created.desc(), Revision.id.desc())
            .limit(1)
        )
        if (
            last is not None
            and last.reason == AUTOSAVE
            and last.user_id == user_id
            and autosave_slot(last.created) == autosave_slot(now)
        ):
            last.article_version = article.version
            last.created = now
            last.snapshot = snapshot
            return
    session.add(
        Revision(
            article_id=article.id,
            article_version=article.version,
            user_id=user_id,
            reason=reason,
            created=now,
            snapshot=snapshot,
        )
    )


def draft_fields(session: Session, snapshot: dict[str, Any]) -> dict[str, Any]:
    """The editable fields of a snapshot; a section deleted since is left empty."""
    dateline = snapshot.get("dateline") or {}
    date = dateline.get("date")
    section_id = snapshot.get("section_id")
    if section_id is not None and session.get(Section, section_id) is None:
        section_id = None
    return {
        "headline": str(snapshot.get("headline") or ""),
        "standfirst": str(snapshot.get("standfirst") or ""),
        "body_html": str(snapshot.get("body_html") or ""),
        "dateline": Dateline(
            str(dateline.get("place") or ""),
            dt.date.fromisoformat(date) if date else None,
            tuple(str(s) for s in dateline.get("sources") or ()),
        ),
        "byline": str(snapshot.get("byline") or ""),
        "section_id": section_id,
        "tags": tuple(str(t) for t in snapshot.get("tags") or ()),
    }


@dataclass(frozen=True)
class PlaceCount:
    place: str
    count: int


def dateline_places(session: Session, limit: int) -> list[PlaceCount]:
    # GROUP BY over ix_articles_dateline_place reads the index alone.
    count = func.count().label("n")
    query = (
        select(Article.dateline_place, count)
        .where(Article.dateline_place != "")
        .group_by(Article.dateline_place)
        .order_by(count.desc(), Article.dateline_place)
        .limit(limit)
    )
    return [PlaceCount(place, n) for place, n in session.execute(query)]


def recent_sources(session: Session, limit: int) -> list[str]:
    # Sources are a JSON list per story; the recent ones (ix_articles_updated)
    # are what a desk is using now, and reading them all would not scale.
    query = (
        select(Article.dateline_sources)
        .order_by(Article.updated.desc())
        .limit(RECENT_ARTICLES_FOR_SOURCES)
    )
    counts: Counter[str] = Counter()
    for (sources,) in session.execute(query):
        counts.update(str(s) for s in sources or () if str(s).strip())
    return [source for source, _ in counts.most_common(limit)]
