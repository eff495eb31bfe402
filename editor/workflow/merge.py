"""Two people saved the same story: merge what only one side changed, ask about the rest.

Built on the version counter: the version a person started from has a
revision snapshot (the base); the story as stored now is "theirs"; the
editor's text is "mine". A field changed on one side only takes that side; a
field changed on both sides to different values is a conflict for a person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from editor.dateline import Dateline
from editor.errors import NotFound
from editor.services.articles import ArticleDraft

if TYPE_CHECKING:
    from editor.storage import Newsroom

FIELDS = ("headline", "standfirst", "body_html", "dateline", "byline", "section_id", "tags")


@dataclass(frozen=True)
class FieldConflict:
    field: str
    base: Any
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class MergeResult:
    merged: ArticleDraft
    conflicts: tuple[FieldConflict, ...]
    current_version: int
    # Which fields came from the other person's save (for telling the user).
    taken_from_theirs: tuple[str, ...]
    # The stored story the merge was made against: the base of a next merge.
    theirs: ArticleDraft | None = None


def draft_from_snapshot(snapshot: dict[str, Any]) -> ArticleDraft:
    dateline = snapshot.get("dateline") or {}
    date = dateline.get("date")
    return ArticleDraft(
        headline=snapshot.get("headline", ""),
        standfirst=snapshot.get("standfirst", ""),
        body_html=snapshot.get("body_html", ""),
        dateline=Dateline(
            dateline.get("place", ""),
            dt.date.fromisoformat(date) if date else None,
            tuple(dateline.get("sources", ())),
        ),
        byline=snapshot.get("byline", ""),
        section_id=snapshot.get("section_id"),
        tags=tuple(sorted(snapshot.get("tags", ()))),
    )


def _value(draft: ArticleDraft, field: str) -> Any:
    value = getattr(draft, field)
    return tuple(sorted(value)) if field == "tags" else value


def merge_drafts(
    base: ArticleDraft, mine: ArticleDraft, theirs: ArticleDraft
) -> tuple[ArticleDraft, tuple[FieldConflict, ...], tuple[str, ...]]:
    merged = mine
    conflicts = []
    from_theirs = []
    for field in FIELDS:
        b, m, t = _value(base, field), _value(mine, field), _value(theirs, field)
        if m == t or t == b:
            continue  # same on both sides, or only I changed it
        if m == b:
            merged = replace(merged, **{field: getattr(theirs, field)})
            from_theirs.append(field)
        else:
            conflicts.append(FieldConflict(field, b, m, t))
    return merged, tuple(conflicts), tuple(from_theirs)


def merge_with_current(
    newsroom: Newsroom,
    article_id: int,
    mine: ArticleDraft,
    base_version: int,
    *,
    base: ArticleDraft | None = None,
    canonical: Callable[[ArticleDraft], ArticleDraft] | None = None,
) -> MergeResult:
    """Merge an editor's unsaved draft with what was saved since ``base_version``.

    ``base`` is the draft the editor started from when it knows it (an editor
    window does); otherwise it is read from the revisions. ``canonical``
    brings the stored story into the form the editor writes (its body
    encoder's), so a field nobody touched never looks changed.
    """
    from sqlalchemy import select

    from editor.models import Revision

    current = newsroom.articles.get(article_id)
    if base is None:
        with newsroom.read() as session:
            # A status move bumps the version without a revision: the base is
            # the last revision at or before the version the editor started from.
            snapshot = session.scalar(
                select(Revision.snapshot)
                .where(Revision.article_id == article_id, Revision.article_version <= base_version)
                .order_by(Revision.article_version.desc(), Revision.id.desc())
                .limit(1)
            )
        if snapshot is None:
            raise NotFound(
                f"The version {base_version} of article {article_id} has no revision to merge from",
                article_id=article_id,
            )
        base = draft_from_snapshot(snapshot)
        if canonical is not None:
            base = canonical(base)
    theirs = current.draft()
    if canonical is not None:
        theirs = canonical(theirs)
    merged, conflicts, from_theirs = merge_drafts(base, mine, theirs)
    return MergeResult(merged, conflicts, current.version, from_theirs, theirs)
