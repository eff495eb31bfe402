"""The same or nearly the same text posted repeatedly.

Two comments are near-duplicates when they use the same set of words after
the newsroom's normalisation: differences in harakat, tatweel, letter
variants, case, punctuation, emoji, spacing, word order, repeated words,
stretched letters (رااااائع) and numbers are ignored, which is how copy-paste
spam and a reader posting twice usually differ. Short texts (fewer than
``MIN_WORDS`` different words, like "شكرا جزيلا") are never flagged: many
readers write them independently.

Fingerprints are compared only within one call, so they are plain frozensets
(never stored, never hashed across processes).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Mapping

from editor.arabic import WORD_RE, normalize
from editor.moderation.tokens import squeezed

MIN_WORDS = 4
MAX_REPORTED = 5
_STRETCHED_RE = re.compile(r"(\w)\1\1+")

Fingerprint = frozenset[str]


def fingerprint(text: str) -> Fingerprint | None:
    """The comparison form of a comment, or None when it is too short to judge."""
    flat = normalize(text)
    return fingerprint_normalized(flat, WORD_RE.findall(flat))


def fingerprint_normalized(flat: str, words: list[str]) -> Fingerprint | None:
    """The same, from a text already normalised and cut into words (the rules do both once)."""
    if _STRETCHED_RE.search(flat):
        words = WORD_RE.findall(_STRETCHED_RE.sub(r"\1", flat))
    found = frozenset(w for w in words if not w.isdigit())
    return found if len(found) >= MIN_WORDS else None


def fingerprint_words(words: list[str], stretched: bool) -> Fingerprint | None:
    """The same, from the normalised words and whether a letter in them is stretched."""
    if stretched:
        words = squeezed(words)
    found = frozenset(words)
    found = found.difference([word for word in found if word.isdigit()])
    return found if len(found) >= MIN_WORDS else None


class DuplicateFinder:
    """Collects comments by fingerprint, keeping only those some wanted comment shares."""

    def __init__(self, window: dt.timedelta) -> None:
        self.window = window
        self._wanted: set[Fingerprint] = set()
        self._groups: dict[Fingerprint, list[tuple[dt.datetime, int]]] = {}

    def want(self, fingerprints: set[Fingerprint]) -> None:
        self._wanted |= fingerprints

    def add(self, fp: Fingerprint, comment_id: int, submitted: dt.datetime) -> None:
        if fp in self._wanted:
            self._groups.setdefault(fp, []).append((submitted, comment_id))

    def duplicates(
        self, wanted: Mapping[int, Fingerprint], submitted: Mapping[int, dt.datetime]
    ) -> dict[int, list[int]]:
        """For each wanted comment, the nearest others with its text within the window."""
        for group in self._groups.values():
            group.sort()
        found: dict[int, list[int]] = {}
        for cid, fp in wanted.items():
            group = self._groups.get(fp, [])
            if len(group) < 2:
                continue
            when = submitted[cid]
            # Walk outwards from the comment's place in time: a bot's ten
            # thousand copies cost a few steps each, not a sort.
            right = bisect.bisect_left(group, (when, cid))
            left = right - 1
            nearest: list[int] = []
            while len(nearest) < MAX_REPORTED:
                before = group[left] if left >= 0 else None
                after = group[right] if right < len(group) else None
                if before is None and after is None:
                    break
                if after is not None and (before is None or after[0] - when <= when - before[0]):
                    right += 1
                    candidate = after
                else:
                    assert before is not None
                    left -= 1
                    candidate = before
                if abs(candidate[0] - when) > self.window:
                    break  # the nearer side is already too far: so is the other
                if candidate[1] != cid:
                    nearest.append(candidate[1])
            if nearest:
                found[cid] = nearest
        return found
