"""Word lists matched the way Arabic is written, never inside unrelated words.

A substring rule finds ``cialis`` in ``specialist``; a plain whole-word rule
misses ``والكلمة`` and ``الكلمات``. Here both the list and the comment go
through ``editor.arabic.normalize``, the comment is cut into whole words, and
a word matches an entry when, after taking off the attached prefixes that
``strip_attached_prefixes`` knows (و ف ب ل ك ال and their combinations), it is
the entry itself or the entry with one common suffix (plural, dual,
feminine, possessive pronoun). Nothing else matches: a list entry is never a
regular expression and never a substring.

The set of every surface form a list can match (entries × suffixes ×
prefixes) is built once, so checking a comment is one set intersection in C
before any per-word work; ``strip_attached_prefixes`` then names the entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from editor.arabic import (
    ATTACHED_PREFIXES,
    WORD_RE,
    neutralize_bidi,
    normalize,
    strip_attached_prefixes,
)

__all__ = ["WordList", "WordMatch", "clean_entries", "entry_tokens", "matched_spans", "tokens"]

# Suffixes an Arabic entry may carry: plural and dual endings, the possessive
# and object pronouns (ة is ه after normalize). Longer lists invite false
# matches (a list word plus a suffix can be an unrelated word), so it stays short.
ARABIC_SUFFIXES = ("ات", "ون", "ين", "ان", "ه", "ها", "هم", "هن", "هما", "ي", "ك", "كم", "نا")
# A feminine noun in ة keeps its ت before a suffix: كلمة → كلمتي, كلمتان, كلمات.
TEH_MARBUTA_FORMS = ("ات", "ت", "تان", "تين", "ته", "تها", "تهم", "تي", "تك", "تكم", "تنا")
LATIN_SUFFIXES = ("s", "es")
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
# Stored entries are at most this long; a list is a few hundred to thousands.
MAX_ENTRY = 100
MAX_ENTRIES = 5000


def tokens(text: str) -> list[str]:
    """The normalised whole words of ``text``."""
    return WORD_RE.findall(normalize(text))


def entry_tokens(entry: str) -> list[str]:
    """The normalised words an entry stands for; a leading ال on a single word is dropped.

    ``الكلمة`` in a list means the word كلمة, which the prefix rule already
    finds after ال; keeping ال would stop it matching the bare word.
    """
    found = tokens(entry)
    if len(found) == 1:
        word = found[0]
        if word.startswith("ال") and len(word) - 2 >= 3:
            found = [word[2:]]
    return found


def clean_entries(lines: Iterable[str]) -> tuple[list[str], list[str]]:
    """Entries as a person typed them (one per line), and the lines that can never match.

    Blank lines and ``#`` comments are skipped; duplicates (after normalising)
    are dropped; a line with no letter or digit, such as ``.*`` or ``***``,
    is returned as ignored. Regular-expression characters are plain text.
    """
    kept: list[str] = []
    ignored: list[str] = []
    seen: set[tuple[str, ...]] = set()
    for raw in lines:
        line = " ".join(neutralize_bidi(raw).split())
        if not line or line.startswith("#"):
            continue
        words = entry_tokens(line)
        if not words or len(line) > MAX_ENTRY:
            ignored.append(line)
            continue
        key = tuple(words)
        if key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return kept, ignored


def word_forms(word: str) -> set[str]:
    """Every form of a normalised entry word a comment may write (before prefixes)."""
    forms = {word}
    if _ARABIC_LETTER_RE.search(word):
        forms.update(word + suffix for suffix in ARABIC_SUFFIXES)
        if word.endswith("ه") and len(word) >= 3:
            stem = word[:-1]
            forms.update(stem + ending for ending in TEH_MARBUTA_FORMS)
    elif word.isalpha():
        forms.update(word + suffix for suffix in LATIN_SUFFIXES)
    return forms


def _with_prefixes(forms: Iterable[str]) -> set[str]:
    # Exactly the tokens strip_attached_prefixes could reduce to one of these
    # forms (a superset: its minimum-length check is left to the exact pass).
    found: set[str] = set()
    for form in forms:
        found.add(form)
        found.update(prefix + form for prefix in ATTACHED_PREFIXES)
        if form.startswith("ال"):
            found.update(lead + "لل" + form[2:] for lead in ("", "و", "ف"))
    return found


@dataclass(frozen=True)
class WordMatch:
    """An entry found in a comment: the entry as listed and the comment's own word(s)."""

    entry: str
    words: tuple[str, ...]
    start: int  # index of the first matched word among the comment's words
    length: int


class WordList:
    """A compiled hold or block list."""

    def __init__(self, entries: Sequence[str]) -> None:
        self.entries = tuple(entries)
        # normalised form → entry, for the first word of each entry
        self._first: dict[str, list[int]] = {}
        self._parts: list[list[str]] = []
        self._surface: set[str] = set()
        for index, entry in enumerate(self.entries):
            parts = entry_tokens(entry)
            self._parts.append(parts)
            if not parts:
                continue
            first_forms = word_forms(parts[0]) if len(parts) == 1 else {parts[0]}
            for form in first_forms:
                self._first.setdefault(form, []).append(index)
            self._surface |= _with_prefixes(first_forms)

    def __bool__(self) -> bool:
        return bool(self._surface)

    def could_match(self, words: Iterable[str]) -> bool:
        """Cheap test: does any word look like a listed word with prefixes?"""
        return not self._surface.isdisjoint(words)

    def find(self, words: Sequence[str]) -> list[WordMatch]:
        """Entries found in a comment given as its normalised words (see ``tokens``)."""
        if not self.could_match(words):
            return []
        found: list[WordMatch] = []
        for position, word in enumerate(words):
            if word not in self._surface:
                continue
            for bare in strip_attached_prefixes(word):
                indexes = self._first.get(bare)
                if not indexes:
                    continue
                for index in indexes:
                    parts = self._parts[index]
                    if len(parts) > 1 and not _phrase_follows(words, position, parts):
                        continue
                    span = tuple(words[position : position + len(parts)])
                    found.append(WordMatch(self.entries[index], span, position, len(parts)))
                break
        return found


def _phrase_follows(words: Sequence[str], position: int, parts: Sequence[str]) -> bool:
    # The rest of a phrase is matched word for word; only its last word may
    # carry a suffix.
    rest = parts[1:]
    if position + len(parts) > len(words):
        return False
    for offset, part in enumerate(rest, start=1):
        word = words[position + offset]
        last = offset == len(parts) - 1
        if word != part and not (last and word in word_forms(part)):
            return False
    return True


def matched_spans(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """(start, length) in ``text`` of each whole word whose normalised form is in ``words``.

    The interface highlights what a rule matched with this: the recorded words
    are found again in the text as shown, harakat and tatweel included.
    """
    wanted = {normalize(w) for w in words}
    if not wanted:
        return []
    return [
        (match.start(), match.end() - match.start())
        for match in WORD_RE.finditer(text)
        if normalize(match.group(0)) in wanted
    ]
