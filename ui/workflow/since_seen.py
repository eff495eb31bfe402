"""What changed in a story since an editor last reviewed it, as one readable page.

Unlike the revision comparison (two sides), the review desk is narrow: removed
words are struck out in red and added ones green, inline, field by field, so
an editor reads the story once and sees every change in place. Metadata
(headline, standfirst, section, tags, dateline, byline) comes before the body.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from editor.diff import Change, FieldDiff, Piece, compare_snapshots
from editor.workflow.service import SeenComparison
from ui.articles.history import field_label
from ui.labels import local_time

_REMOVED = "background:#ffd7d5;color:#8a1c13;text-decoration:line-through"
_ADDED = "background:#c9f2d0;color:#0b5d1e"
_MARKS = "background:#ffe8a3"
_FORMS = "background:#d6e8ff"
# Metadata first: an editor checks the headline and the section before reading on.
_ORDER = ("headline", "standfirst", "section", "tags", "dateline", "byline", "body")


def comparison_diffs(comparison: SeenComparison) -> list[FieldDiff]:
    """Every field compared; a story never seen is compared with an empty one."""
    diffs = {d.field: d for d in compare_snapshots(comparison.seen or {}, comparison.current)}
    return [diffs[name] for name in _ORDER if name in diffs]


def summary(comparison: SeenComparison, diffs: Sequence[FieldDiff]) -> str:
    """One line above the page: first look, nothing new, or which fields changed."""
    if comparison.seen is None:
        return QCoreApplication.translate(
            "ReviewDesk", "You have not seen this story before: all of it is new to you."
        )
    changed = [field_label(d.field) for d in diffs if d.changed]
    when = local_time(comparison.seen_at) if comparison.seen_at is not None else ""
    if not changed:
        return QCoreApplication.translate(
            "ReviewDesk", "Nothing has changed since you last saw it (%1)."
        ).replace("%1", when)
    return (
        QCoreApplication.translate("ReviewDesk", "Changed since you last saw it (%1): %2")
        .replace("%1", when)
        .replace("%2", "، ".join(changed))
    )


def render(comparison: SeenComparison, diffs: Sequence[FieldDiff]) -> str:
    """The page: every field, changed words marked; every character escaped."""
    first_time = comparison.seen is None
    out = ['<div dir="rtl">']
    for diff in diffs:
        if first_time and not any(p.new for p in diff.pieces):
            continue  # an empty field of a new story says nothing
        if not first_time and not diff.changed and diff.field != "body":
            continue  # unchanged details are noise; the body is always read whole
        marker = "" if first_time or not diff.changed else " •"
        out.append(f"<h4>{html.escape(field_label(diff.field))}{marker}</h4>")
        if diff.formatting:
            note = QCoreApplication.translate("History", "(formatting or direction changed)")
            out.append(f"<p><i>{html.escape(note)}</i></p>")
        out.append("<p>" + _pieces(diff.pieces, plain_new=first_time) + "</p>")
    out.append("</div>")
    return "".join(out)


def _span(text: str, style: str) -> str:
    # A paragraph break inside a change closes the span, so each paragraph is marked.
    return "</p><p>".join(
        f'<span style="{style}">{html.escape(chunk)}</span>' if chunk else ""
        for chunk in text.split("\n")
    )


def _pieces(pieces: Sequence[Piece], *, plain_new: bool) -> str:
    parts: list[str] = []
    for piece in pieces:
        if plain_new or piece.change is Change.EQUAL:
            parts.append("</p><p>".join(html.escape(c) for c in piece.new.split("\n")))
        elif piece.change is Change.MARKS:
            parts.append(_span(piece.new, _MARKS))
        elif piece.change is Change.FORMS:
            parts.append(_span(piece.new, _FORMS))
        else:
            if piece.old:
                parts.append(_span(piece.old, _REMOVED))
            if piece.new:
                parts.append(_span(piece.new, _ADDED))
    return "".join(parts) or "&nbsp;"
