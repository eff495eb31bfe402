"""Find and replace in a story, optionally by letter forms.

With ``letter_forms`` the query and the text are compared in the newsroom's
normal form (``editor.arabic.normalize``: harakat, tatweel, hamza, alef
maqsura, ta marbuta, digits, case) and a word may carry the attached prefixes
و ف ب ل ك ال: الصين finds الصِّين, والصين, بالصين and للصين. A match covers
the word without its prefix, so replacing الصين by اليابان turns والصين into
واليابان and للصين into لليابان.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor.arabic import ATTACHED_PREFIXES, EXPANDING_RE, HARAKAT, TATWEEL, normalize

__all__ = ["FindOptions", "Match", "find_all", "replacement_for"]

# Word characters of normalised text; of raw text, harakat and tatweel too.
_WORD = r"[^\W_]"
_RAW_WORD = r"(?:[^\W_]|[\u064B-\u065F\u0670\u0640])"
_MARKS = frozenset(HARAKAT + TATWEEL)
# Longest first so that بال is tried before ب.
_PREFIXES = "|".join(re.escape(p) for p in sorted(ATTACHED_PREFIXES, key=lambda p: (-len(p), p)))


@dataclass(frozen=True)
class FindOptions:
    letter_forms: bool = True
    whole_words: bool = False
    match_case: bool = False  # only without letter forms, which ignore case


@dataclass(frozen=True)
class Match:
    """A found span of the original text (code-point offsets, end exclusive)."""

    start: int
    end: int
    # للصين is ل + الصين with the article's alef dropped; a replacement that
    # starts with ال must drop it too.
    lam_joined: bool = False


def _normalized_with_map(text: str) -> tuple[str, list[int] | None]:
    """The normal form of ``text`` and, when lengths differ, each character's origin."""
    folded = normalize(text)
    if len(folded) == len(text) and not EXPANDING_RE.search(text):
        # Only one-for-one substitutions happened: offsets are unchanged.
        return folded, None
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for out in normalize(char):
            chars.append(out)
            origin.append(index)
    return "".join(chars), origin


def _query_pattern(query: str, options: FindOptions) -> re.Pattern[str] | None:
    if options.letter_forms:
        parts = normalize(query).split()
        word = _WORD
    else:
        parts = query.split()
        word = _RAW_WORD
    if not parts:
        return None
    body = r"\s+".join(re.escape(p) for p in parts)
    before = f"(?<!{word})" if options.whole_words else ""
    after = f"(?!{word})" if options.whole_words else ""
    if not options.letter_forms:
        flags = 0 if options.match_case else re.IGNORECASE
        return re.compile(f"{before}(?P<hit>{body}){after}", flags)
    alternatives = [f"{before}(?:{_PREFIXES})?(?P<hit>{body}){after}"]
    first = parts[0]
    if first.startswith("ال") and len(first) > 2:
        # ل + الصين is written للصين: the hit starts at the article's lam.
        rest = r"\s+".join([re.escape(first[2:]), *(re.escape(p) for p in parts[1:])])
        alternatives.append(f"(?<!{_WORD})[وف]?ل(?P<lam>ل{rest}){after}")
    return re.compile("|".join(alternatives))


def find_all(text: str, query: str, options: FindOptions = FindOptions()) -> list[Match]:
    """Every match of ``query`` in ``text``, in order, never overlapping."""
    pattern = _query_pattern(query, options)
    if pattern is None:
        return []
    if not options.letter_forms:
        return [Match(m.start("hit"), m.end("hit")) for m in pattern.finditer(text)]
    folded, origin = _normalized_with_map(text)
    found: list[Match] = []
    for m in pattern.finditer(folded):
        group = "hit" if m.group("hit") is not None else "lam"
        start, end = m.span(group)
        if origin is not None:
            start, end = origin[start], origin[end - 1] + 1
        # Harakat after the last letter belong to the word being replaced.
        while end < len(text) and text[end] in _MARKS:
            end += 1
        found.append(Match(start, end, lam_joined=group == "lam"))
    return found


def replacement_for(match: Match, replacement: str) -> str:
    """What to put in place of ``match`` so that the word stays well formed."""
    if match.lam_joined and normalize(replacement[:2]) == "ال":
        return replacement[1:]
    return replacement
