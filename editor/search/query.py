"""The search box's little language, parsed without ever failing.

    الصين                 every form of the word (والصين, بالصين, الصيني ...)
    "وزير الخارجية"        a phrase: these words, in this order
    اقتصا*                 words that begin so
    -مصرف  (or NOT مصرف)   leave out what contains it
    الصين OR اليابان       either
    section:اقتصاد  tag:الصين  status:published  author:سميرة
    from:2025-01-01  to:2025-06   (also قسم: وسم: حالة: كاتب: من: إلى:)

Anything else is text: quotes that never close, stray * - : ( ), the words
AND/NEAR, a thousand words or Latin letters only are all read as well as they
can be, and too long a query is cut (``ParsedQuery.truncated``). The engine
never sees what was typed: each backend builds its own expression from the
parsed terms, out of quoted index tokens only.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass, field
from itertools import product

from editor.arabic import WORD_RE, neutralize_bidi, normalize, to_western_digits
from editor.search.text import phrase_forms, prefix_forms, word_forms

__all__ = [
    "FilterKey",
    "ParsedQuery",
    "Term",
    "parse_date_bound",
    "parse_query",
]

MAX_QUERY_CHARS = 2000
# Terms beyond these count add little and cost a doclist each.
MAX_TERMS = 24
MAX_PHRASE_WORDS = 12
# A phrase is searched in each spelling of each of its words while that makes
# at most this many phrases; beyond it, in the words' main form only.
MAX_PHRASE_VARIANTS = 16
MIN_PREFIX = 2


class FilterKey(enum.StrEnum):
    SECTION = "section"
    TAG = "tag"
    STATUS = "status"
    AUTHOR = "author"
    FROM = "from"
    TO = "to"


# Keys as typed, after normalize(): English and Arabic.
FILTER_KEYS: dict[str, FilterKey] = {
    "section": FilterKey.SECTION,
    "قسم": FilterKey.SECTION,
    "القسم": FilterKey.SECTION,
    "tag": FilterKey.TAG,
    "وسم": FilterKey.TAG,
    "الوسم": FilterKey.TAG,
    "status": FilterKey.STATUS,
    "حاله": FilterKey.STATUS,
    "الحاله": FilterKey.STATUS,
    "author": FilterKey.AUTHOR,
    "by": FilterKey.AUTHOR,
    "كاتب": FilterKey.AUTHOR,
    "الكاتب": FilterKey.AUTHOR,
    "from": FilterKey.FROM,
    "since": FilterKey.FROM,
    "من": FilterKey.FROM,
    "منذ": FilterKey.FROM,
    "to": FilterKey.TO,
    "until": FilterKey.TO,
    "الي": FilterKey.TO,
    "حتي": FilterKey.TO,
}

_QUOTES_OPEN = '"“”«„'
_QUOTES_CLOSE = {'"': '"', "“": "”", "”": "”", "«": "»", "„": "“"}
_RUN_RE = re.compile(r"[^\s\"“”«»„()]+")
_MINUS = "-−"


@dataclass(frozen=True)
class Term:
    """A word or phrase to find: for each position, the index tokens that match there.

    The first token of a position is its main form (what the word stems to).
    With ``prefix``, the last position's tokens are prefixes of index tokens.
    """

    text: str
    positions: tuple[tuple[str, ...], ...]
    prefix: bool = False

    @property
    def is_phrase(self) -> bool:
        return len(self.positions) > 1

    def phrases(self) -> list[tuple[str, ...]]:
        """The token sequences to look for (one per spelling while they stay few)."""
        count = 1
        for tokens in self.positions:
            count *= len(tokens)
        if count <= MAX_PHRASE_VARIANTS:
            return list(product(*self.positions))
        return [tuple(tokens[0] for tokens in self.positions)]


@dataclass(frozen=True)
class ParsedQuery:
    """Positive terms as AND of OR-groups, excluded terms, and filters by key."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    filters: tuple[tuple[FilterKey, str], ...] = ()
    truncated: bool = False
    # Filters whose value could not be read (a date that is not a date).
    ignored: tuple[str, ...] = ()

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every positive term, for highlighting."""
        return tuple(term for group in self.groups for term in group)

    @property
    def empty(self) -> bool:
        return not self.groups

    def values(self, key: FilterKey) -> list[str]:
        return [value for k, value in self.filters if k is key]


def _ordered(main: str, forms: frozenset[str]) -> tuple[str, ...]:
    return (main, *sorted(forms - {main}))


def _term(text: str, words: list[str], prefix: bool, phrase: bool) -> Term | None:
    """A term from its words; a single word is widened to its other written forms."""
    words = words[:MAX_PHRASE_WORDS]
    positions: list[tuple[str, ...]] = []
    for index, word in enumerate(words):
        last = index == len(words) - 1
        if last and prefix:
            forms = prefix_forms(word)
            if forms and min(len(f) for f in forms[-1][1]) >= MIN_PREFIX:
                positions.extend(_ordered(main, found) for main, found in forms)
                continue
            prefix = False  # too short to be a useful prefix: the word itself
        if phrase or len(words) > 1:
            positions.extend(phrase_forms(word))
        else:
            positions.extend(_ordered(main, found) for main, found in word_forms(word))
    if not positions:
        return None
    return Term(text, tuple(positions), prefix)


def _quoted(text: str, start: int) -> tuple[str, int]:
    """A quotation's text, and where reading goes on; an unclosed one runs to the end."""
    close = _QUOTES_CLOSE.get(text[start], '"')
    end = text.find(close, start + 1)
    if end < 0:
        return text[start + 1 :], len(text)
    return text[start + 1 : end], end + 1


def parse_date_bound(value: str, *, end: bool) -> dt.date | None:
    """2025-10-28, 2025/10/28, 2025-10 or 2025 (Eastern digits too); None if not a date.

    A month or a year stands for its first day as a start and its last day as an end.
    """
    digits = re.findall(r"\d+", to_western_digits(value.strip()))
    if not digits or not re.fullmatch(r"[\d\s/.\-]+", to_western_digits(value.strip())):
        return None
    try:
        numbers = [int(d) for d in digits]
        if len(numbers) == 1 and len(digits[0]) == 4:
            return dt.date(numbers[0], 12, 31) if end else dt.date(numbers[0], 1, 1)
        if len(numbers) == 2 and len(digits[0]) == 4:
            year, month = numbers
            first = dt.date(year, month, 1)
            if not end:
                return first
            following = dt.date(year + (month == 12), month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        if len(numbers) == 3 and len(digits[0]) == 4:
            return dt.date(numbers[0], numbers[1], numbers[2])
        if len(numbers) == 3 and len(digits[2]) == 4:  # 28/10/2025
            return dt.date(numbers[2], numbers[1], numbers[0])
    except (ValueError, OverflowError):
        return None
    return None


@dataclass
class _Reader:
    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    filters: list[tuple[FilterKey, str]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    or_next: bool = False
    negate_next: bool = False
    truncated: bool = False

    def positive(self) -> list[Term]:
        return [term for group in self.groups for term in group]

    def count(self) -> int:
        return sum(len(g) for g in self.groups) + len(self.excluded)

    def add(self, term: Term | None, negated: bool) -> None:
        if term is None:
            return
        key = (term.positions, term.prefix)
        if any(key == (t.positions, t.prefix) for t in (*self.excluded, *self.positive())):
            self.or_next = self.negate_next = False
            return  # a word typed twice narrows nothing
        if self.count() >= MAX_TERMS:
            self.truncated = True
            return
        if negated or self.negate_next:
            self.excluded.append(term)
        elif self.or_next and self.groups:
            self.groups[-1].append(term)
        else:
            self.groups.append([term])
        self.or_next = self.negate_next = False

    def add_filter(self, key: FilterKey, value: str) -> None:
        value = " ".join(value.split())
        if not value:
            return
        if key in (FilterKey.FROM, FilterKey.TO) and (
            parse_date_bound(value, end=key is FilterKey.TO) is None
        ):
            self.ignored.append(f"{key.value}:{value}")
            return
        self.filters.append((key, value))


def parse_query(text: str) -> ParsedQuery:
    """Read a query as typed; never raises."""
    text = neutralize_bidi(text or "")
    reader = _Reader(truncated=len(text) > MAX_QUERY_CHARS)
    if reader.truncated:  # at a space, so that no word is cut in two
        space = max(text.rfind(" ", 0, MAX_QUERY_CHARS), text.rfind("\n", 0, MAX_QUERY_CHARS))
        text = text[: space if space > 0 else MAX_QUERY_CHARS]
    pos, n = 0, len(text)
    while pos < n:
        char = text[pos]
        if char.isspace() or char in "()":
            pos += 1
            continue
        negated = False
        if char in _MINUS:
            pos += 1
            if pos >= n or text[pos].isspace():
                continue
            negated, char = True, text[pos]
        if char in _QUOTES_OPEN:
            inside, pos = _quoted(text, pos)
            prefix = pos < n and text[pos] == "*"
            pos += prefix
            words = WORD_RE.findall(inside)
            reader.add(_term(inside, words, prefix, phrase=True), negated)
            continue
        match = _RUN_RE.match(text, pos)
        if match is None:  # a closing quote or parenthesis on its own
            pos += 1
            continue
        run, pos = match.group(0), match.end()
        key, colon, value = run.partition(":")
        filter_key = FILTER_KEYS.get(normalize(key)) if colon else None
        if filter_key is not None:
            if not value and pos < n and text[pos] in _QUOTES_OPEN:
                value, pos = _quoted(text, pos)
            if not negated:
                reader.add_filter(filter_key, value)
            continue
        if not negated and run in ("OR", "|"):
            reader.or_next = True
            continue
        if not negated and run == "NOT":
            reader.negate_next = True
            continue
        if run in ("AND", "NEAR", "&"):
            continue
        prefix = run.endswith("*")
        words = WORD_RE.findall(run)
        reader.add(_term(run.rstrip("*"), words, prefix, phrase=False), negated)
    return ParsedQuery(
        groups=tuple(tuple(g) for g in reader.groups),
        excluded=tuple(reader.excluded),
        filters=tuple(reader.filters),
        truncated=reader.truncated,
        ignored=tuple(reader.ignored),
    )
