"""What a story needs before it is submitted, and how long a headline should be.

The editor runs these on the fields as typed, before anything is saved, and
shows each problem at its field; the workflow checks the stored story again
when it moves (``editor.workflow.service.missing_fields``) with the same codes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from editor.body import body_text
from editor.services.articles import MAX_HEADLINE, ArticleDraft

__all__ = [
    "HEADLINE_LONG",
    "HEADLINE_SHORT",
    "FieldProblem",
    "HeadlineLength",
    "headline_length",
    "submission_problems",
]

# Search results and social cards cut Arabic headlines at around 100
# characters; under 25 a headline rarely says what happened.
HEADLINE_SHORT = 25
HEADLINE_LONG = 100


class HeadlineLength(enum.StrEnum):
    EMPTY = "empty"
    SHORT = "short"
    GOOD = "good"
    LONG = "long"
    TOO_LONG = "too_long"  # more than the database accepts


def headline_length(headline: str) -> HeadlineLength:
    length = len(headline.strip())
    if length == 0:
        return HeadlineLength.EMPTY
    if length > MAX_HEADLINE:
        return HeadlineLength.TOO_LONG
    if length > HEADLINE_LONG:
        return HeadlineLength.LONG
    if length < HEADLINE_SHORT:
        return HeadlineLength.SHORT
    return HeadlineLength.GOOD


@dataclass(frozen=True)
class FieldProblem:
    field: str  # "headline", "section", "body", "dateline_place"
    code: str  # "missing", "too_long"


def submission_problems(draft: ArticleDraft) -> list[FieldProblem]:
    """Every reason the story cannot be submitted yet, in the order of the form."""
    problems: list[FieldProblem] = []
    length = headline_length(draft.headline)
    if length is HeadlineLength.EMPTY:
        problems.append(FieldProblem("headline", "missing"))
    elif length is HeadlineLength.TOO_LONG:
        problems.append(FieldProblem("headline", "too_long"))
    if draft.section_id is None:
        problems.append(FieldProblem("section", "missing"))
    if not draft.dateline.place.strip():
        problems.append(FieldProblem("dateline_place", "missing"))
    if not body_text(draft.body_html).strip():
        problems.append(FieldProblem("body", "missing"))
    return problems
