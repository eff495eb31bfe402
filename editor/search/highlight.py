"""Which words of a text a query matched: for snippets and for the opened article.

The same rules as the index (``editor.search.text``), applied to text as
written, so the words a reader sees marked are the words that made the match:
all of الصِّين, والصين, بالصين for الصين, a phrase only where its words
follow each other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from editor.arabic import BIDI_CONTROLS
from editor.search.query import ParsedQuery, Term, parse_query
from editor.search.text import TextSpan, chunk_words, word_spans

__all__ = ["Matcher", "Snippet"]

Span = tuple[int, int]
SNIPPET_CHARS = 180
_BIDI_CONTROLS = frozenset(BIDI_CONTROLS)
# What a snippet must tidy: line breaks, runs of spaces, bidi controls.
_UNTIDY = re.compile(r"[^\S ]|  |[\u202a-\u202e\u2066-\u2069]")
# How much of the snippet comes before the first marked word.
_LEAD = 50


@dataclass(frozen=True)
class Snippet:
    text: str
    highlights: tuple[Span, ...]


def _fits(token: str, tokens: frozenset[str] | tuple[str, ...], prefix: bool) -> bool:
    if prefix:
        return token.startswith(tuple(tokens))
    return token in tokens


class Matcher:
    """Finds the words of a text that a query's terms match."""

    def __init__(self, terms: Sequence[Term]) -> None:
        words: set[str] = set()
        prefixes: list[str] = []
        self._phrases: list[tuple[tuple[frozenset[str], ...], bool]] = []
        for term in terms:
            if term.is_phrase:
                self._phrases.append((tuple(frozenset(p) for p in term.positions), term.prefix))
            elif term.prefix:
                prefixes.extend(term.positions[0])
            else:
                words.update(term.positions[0])
        self._words = frozenset(words)
        self._prefixes = tuple(prefixes)
        self._seen: dict[str, tuple[Span, ...]] = {}
        self._finder = _finder((*words, *prefixes))

    @classmethod
    def for_query(cls, query: str | ParsedQuery) -> Matcher:
        parsed = parse_query(query) if isinstance(query, str) else query
        return cls(parsed.terms)

    def __bool__(self) -> bool:
        return bool(self._words or self._prefixes or self._phrases)

    def _word_matches(self, span: TextSpan) -> bool:
        for token in span.tokens:
            if token in self._words or (self._prefixes and token.startswith(self._prefixes)):
                return True
        return False

    def spans(self, text: str) -> list[Span]:
        """Offsets of the matched words (a phrase as one span), in order, never overlapping."""
        if not self or not text:
            return []
        if self._phrases:
            words = list(word_spans(text))
            found = [(w.start, w.end) for w in words if self._word_matches(w)]
            found.extend(self._phrase_spans(words))
            return _merged(found)
        # A C-speed scan finds where a matching word may be; only those
        # pieces of text are cut into words and judged (once per query each).
        found = []
        done = -1
        for candidate in self._finder.finditer(text):
            if candidate.start() < done:
                continue
            start, end = _piece_around(text, candidate.start(), candidate.end())
            done = end
            piece = text[start:end]
            marks = self._seen.get(piece)
            if marks is None:
                marks = self._seen[piece] = tuple(
                    (s, e)
                    for s, e, tokens in chunk_words(piece)
                    if self._word_matches(TextSpan(s, e, tokens))
                )
            found.extend((start + s, start + e) for s, e in marks)
        return _merged(found)

    def _phrase_spans(self, words: list[TextSpan]) -> list[Span]:
        flat = [(token, index) for index, word in enumerate(words) for token in word.tokens]
        found: list[Span] = []
        for positions, prefix in self._phrases:
            size = len(positions)
            for start in range(len(flat) - size + 1):
                if all(
                    _fits(flat[start + k][0], positions[k], prefix and k == size - 1)
                    for k in range(size)
                ):
                    first, last = words[flat[start][1]], words[flat[start + size - 1][1]]
                    found.append((first.start, last.end))
        return found

    def snippet(self, text: str, width: int = SNIPPET_CHARS) -> Snippet | None:
        """The part of ``text`` around its best run of matches, on one line; None if none."""
        spans = self.spans(text)
        if not spans:
            return None
        # The match with the most other matches just after it.
        best = max(
            range(len(spans)),
            key=lambda i: sum(1 for s in spans[i:] if s[0] < spans[i][0] + width - _LEAD),
        )
        start = max(0, spans[best][0] - _LEAD)
        return cut(text, start, width, spans)


def cut(text: str, start: int, width: int, spans: Sequence[Span] = ()) -> Snippet:
    """``text[start:start+width]`` widened to whole words, on one line, with … where cut."""
    if start > 0:
        space = text.rfind(" ", max(0, start - 20), start)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.find(" ", end, end + 20)
        end = space if space >= 0 else end
    lead = "… " if start > 0 else ""
    tail = " …" if end < len(text) else ""
    if not _UNTIDY.search(text, start, end):
        shift = len(lead) - start
        marks = tuple(
            (max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start
        )
        return Snippet(lead + text[start:end].rstrip() + tail, marks)
    # Runs of white space (paragraph breaks) become one space; ``at`` follows
    # each offset of ``text`` into the snippet so the marks stay on their words.
    out: list[str] = [lead]
    at: list[int] = []
    length = len(lead)
    spacing = True
    for char in text[start:end]:
        at.append(length)
        if char in _BIDI_CONTROLS:
            continue  # what a reader wrote must not reorder the snippet
        if char.isspace():
            if spacing:
                continue
            char, spacing = " ", True
        else:
            spacing = False
        out.append(char)
        length += 1
    at.append(length)
    marks = tuple(
        (at[max(s, start) - start], at[min(e, end) - start])
        for s, e in spans
        if s < end and e > start
    )
    return Snippet("".join(out).rstrip() + tail, marks)


# Letters as a text may write them (editor.arabic.normalize in reverse), and
# what may sit between them inside a word: harakat, tatweel, bidi controls.
_SPELLINGS = {
    "ا": "اأإآٱ",
    "ي": "يىئ",
    "ه": "هة",
    "و": "وؤ",
    ".": ".,\u066b\u066c",
    ",": ".,\u066b\u066c",
    **{str(d): f"{d}{chr(0x660 + d)}{chr(0x6F0 + d)}" for d in range(10)},
}
_INSIDE = "[\u064b-\u065f\u0670\u0640\u202a-\u202e\u2066-\u2069]*"
_NOTHING = re.compile(r"(?!)")
_SPACE = re.compile(r"\s")


def _letters(token: str) -> str:
    return _INSIDE.join(
        f"[{re.escape(_SPELLINGS[c])}]" if c in _SPELLINGS else re.escape(c) for c in token
    )


def _finder(tokens: Sequence[str]) -> re.Pattern[str]:
    """A pattern that finds, in text as written, every place one of ``tokens`` may be.

    Every matching word holds one of its index tokens, so only the tokens no
    other token contains are looked for.
    """
    unique = set(tokens)
    cores = sorted(
        (t for t in unique if not any(o != t and o in t for o in unique)), key=len, reverse=True
    )
    if not cores:
        return _NOTHING
    return re.compile("|".join(_letters(core) for core in cores), re.IGNORECASE)


def _piece_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The run of text without spaces around ``text[start:end]``."""
    left = start
    while left > 0 and not _SPACE.match(text, left - 1):
        left -= 1
    right = end
    size = len(text)
    while right < size and not _SPACE.match(text, right):
        right += 1
    return left, right


def _merged(spans: list[Span]) -> list[Span]:
    spans.sort()
    merged: list[Span] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
