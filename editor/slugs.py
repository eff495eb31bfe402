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
    text = _HARAKAT_TATWEEL.sub("", neutralize_bidi(text)).lower()
    slug = _NOT_SLUG.sub("-", text).strip("-_")
    slug = re.sub(r"-{2,}", "-", slug)
    return slug[:MAX_SLUG].rstrip("-") or "untitled"


def unique_slug(base: str, taken: Callable[[str], bool]) -> str:
    """`base`, else `base-2`, `base-3`… whichever `taken` says is free."""
    if not taken(base):
        return base
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = base[: MAX_SLUG - len(suffix)] + suffix
        if not taken(candidate):
            return candidate
        n += 1


def wordpress_slug(slug: str) -> str:
    """WordPress stores non-ASCII slugs percent-encoded, lower-case hex, ≤ 200 characters.

    The cut never splits a character's escape sequence.
    """
    out: list[str] = []
    length = 0
    for char in slug:
        piece = urllib.parse.quote(char, safe="-_.~").lower()
        if length + len(piece) > MAX_SLUG:
            break
        out.append(piece)
        length += len(piece)
    return "".join(out)


def from_wordpress_slug(slug: str) -> str:
    return urllib.parse.unquote(slug)
