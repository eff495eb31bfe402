"""The normalised words of many comments, each distinct piece of text normalised once.

The rules need ``WORD_RE.findall(normalize(text))`` for every comment. Both
passes go character by character (a dict look-up per character, an
alternation of the regular expression per character), which cost three times
what the rules themselves do. Comments share most of what they are made of,
so a text is cut at white space instead (``str.split``, in C) and each piece
is normalised and cut into words once, through a cache.

The words are exactly the same. White space is never part of a word, and
``normalize`` neither makes nor removes any: it maps characters one to one or
deletes harakat, tatweel and bidi controls, none of them space. ``str.lower``
looks at a letter's neighbours in one case only (a final Σ), and white space
ends that look as the end of a piece does. So the words of a text are the
words of its pieces, in order. ``tests/editor/test_moderation_tokens.py``
checks it on hostile text and on random text.
"""

from __future__ import annotations

import re

from editor.arabic import WORD_RE, normalize

__all__ = ["STRETCHED_RE", "WordCache", "squeezed"]

# A letter written three times or more (رااائع): the duplicate key squeezes it.
STRETCHED_RE = re.compile(r"(\w)\1\1+")
# Forget the cache past this many distinct pieces (a million comments hold far fewer).
LIMIT = 500_000


class WordCache:
    """Normalised words of texts, each distinct space-separated piece normalised once."""

    def __init__(self) -> None:
        # Piece → its normalised words joined by single spaces (words hold no space).
        self._words: dict[str, str] = {}
        # Pieces whose normalised text has a stretched letter.
        self._stretched: set[str] = set()

    def words(self, text: str) -> list[str]:
        """Exactly ``WORD_RE.findall(normalize(text))``."""
        return self.split(text)[0]

    def split(self, text: str) -> tuple[list[str], bool]:
        """The words, and whether the normalised text has a stretched letter."""
        pieces = text.split()
        known = self._words
        try:
            joined = " ".join(map(known.__getitem__, pieces))
        except KeyError:
            self._learn(pieces)
            joined = " ".join(map(known.__getitem__, pieces))
        # Joining and splitting again, both in C, beats concatenating lists.
        return joined.split(), not self._stretched.isdisjoint(pieces)

    def _learn(self, pieces: list[str]) -> None:
        known = self._words
        if len(known) > LIMIT:
            known.clear()
            self._stretched.clear()
        for piece in pieces:
            if piece in known:
                continue
            flat = normalize(piece)
            known[piece] = " ".join(WORD_RE.findall(flat))
            if STRETCHED_RE.search(flat):
                self._stretched.add(piece)


def squeezed(words: list[str]) -> list[str]:
    """The words with stretched letters squeezed, as the duplicate key wants them.

    The same as squeezing the whole normalised text and cutting it again: a
    run of one letter never crosses the edge of a word (or is underscores,
    which are in no word).
    """
    out: list[str] = []
    for word in words:
        out.extend(WORD_RE.findall(STRETCHED_RE.sub(r"\1", word)))
    return out
