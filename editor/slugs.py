"""Slugs: readable Arabic inside Midad, WordPress's percent-encoded form for export."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable

from editor.arabic import neutralize_bidi

MAX_SLUG = 200
_HARAKAT_TATWEEL = re.compile("[\u064b-\u065f\u0670\u0640]")
_NOT_SLUG = re.compile(r"[^\w]+")


def make_slug(text: str) -> str:
    """`الطاقة المتجددة` → `الطاقة-المتجددة`: readable, harakat and punctuation removed."""
    return clean_slug(text)[:MAX_SLUG].rstrip("-") or "untitled"


def clean_slug(text: str) -> str:
    """``text`` in slug characters, uncut; empty when nothing of it can be in a slug."""
    text = _HARAKAT_TATWEEL.sub("", neutralize_bidi(text)).lower()
    slug = _NOT_SLUG.sub("-", text).strip("-_")
    return re.sub(r"-{2,}", "-", slug)


def unique_slug(base: str, taken: Callable[[str], bool], *, wordpress: bool = False) -> str:
    """`base`, else `base-2`, `base-3`… whichever `taken` says is free.

    With ``wordpress``, every candidate's WordPress form fits too (see ``fit_wordpress``).
    """
    if wordpress:
        base = fit_wordpress(base)
    if not taken(base):
        return base
    n = 2
    while True:
        suffix = f"-{n}"
        if wordpress:
            candidate = fit_wordpress(base, MAX_SLUG - len(suffix)) + suffix
        else:
            candidate = base[: MAX_SLUG - len(suffix)] + suffix
        if not taken(candidate):
            return candidate
        n += 1


def taxonomy_slug(text: str) -> str:
    """A section's or tag's readable slug, short enough that its WordPress form is whole.

    WordPress cuts the percent-encoded form at 200 characters (about 33 Arabic
    letters): two long names that share a beginning would then export as the
    same slug. Cutting the readable slug first keeps readable and exported
    slugs one-to-one, so unique inside Midad means unique on the site.
    """
    return fit_wordpress(make_slug(text))


def wordpress_length(slug: str) -> int:
    """Characters the slug takes once percent-encoded the way WordPress stores it."""
    return sum(len(_quote(char)) for char in slug)


def fit_wordpress(slug: str, room: int = MAX_SLUG) -> str:
    """The longest start of ``slug`` whose WordPress form fits in ``room`` characters."""
    length = 0
    for end, char in enumerate(slug):
        length += len(_quote(char))
        if length > room:
            return slug[:end].rstrip("-") or slug[:end]
    return slug


def _quote(char: str) -> str:
    return urllib.parse.quote(char, safe="-_.~").lower()


def wordpress_slug(slug: str) -> str:
    """WordPress stores non-ASCII slugs percent-encoded, lower-case hex, ≤ 200 characters.

    The cut never splits a character's escape sequence.
    """
    out: list[str] = []
    length = 0
    for char in slug:
        piece = _quote(char)
        if length + len(piece) > MAX_SLUG:
            break
        out.append(piece)
        length += len(piece)
    return "".join(out)


def from_wordpress_slug(slug: str) -> str:
    return urllib.parse.unquote(slug)
