"""Arabic spell checking: hunspell-ar through pyenchant, plus the newsroom's own words.

The system dictionary knows Arabic morphology (prefixes, harakat, tatweel) but
not the names a newsroom writes every day. Those live in the newsroom
dictionary (``DictionaryService``), shared by every machine; a word there is
accepted with its attached prefixes too (after adding ترامب, وترامب and
بترامب pass), which enchant's personal word lists cannot do.

Without pyenchant, libenchant or the Arabic dictionary the checker says so
once (``problem``) and accepts every word: the editor keeps working.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from concurrent.futures import Future
from typing import Any

from editor.arabic import HARAKAT, TATWEEL, normalize, strip_attached_prefixes

__all__ = ["DEFAULT_LANGUAGE", "SpellChecker", "is_checkable", "preload"]

DEFAULT_LANGUAGE = "ar"
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
# Words with Latin letters or digits (names, codes, "فرانس24") are not Arabic
# words the dictionary could know.
_NOT_ARABIC = re.compile(r"[A-Za-z0-9\u0660-\u0669\u06F0-\u06F9]")
_MARKS_TABLE = {ord(c): None for c in HARAKAT + TATWEEL}


def is_checkable(word: str) -> bool:
    """Arabic words of two letters or more; everything else is left alone."""
    bare = word.translate(_MARKS_TABLE)
    return len(bare) >= 2 and bool(_ARABIC_LETTER.search(bare)) and not _NOT_ARABIC.search(bare)


# Dictionaries being opened in the background, by language (see ``preload``).
_opening: dict[str, Future[tuple[Any, str | None]]] = {}
_opening_lock = threading.Lock()


def preload(language: str = DEFAULT_LANGUAGE) -> None:
    """Start opening ``language``'s dictionary on a thread of its own.

    hunspell-ar takes most of a second to load its affix rules; the application
    starts this before building its window, so the writing desk finds the
    dictionary ready instead of holding start-up for it. The foreign call runs
    without the GIL, so the window is built meanwhile. The next checker for
    the language takes the result; later ones open their own.
    """
    with _opening_lock:
        if language in _opening:
            return
        future: Future[tuple[Any, str | None]] = Future()
        _opening[language] = future

    def work() -> None:
        try:
            future.set_result(_open_now(language))
        except BaseException as error:  # handed to the checker that waits for it
            future.set_exception(error)

    threading.Thread(target=work, name=f"midad-dictionary-{language}", daemon=True).start()


def _open_dictionary(language: str) -> tuple[Any, str | None]:
    with _opening_lock:
        future = _opening.pop(language, None)
    if future is not None:
        return future.result()
    return _open_now(language)


def _open_now(language: str) -> tuple[Any, str | None]:
    try:
        import enchant
    except ImportError:
        return None, "no_enchant"
    try:
        if not enchant.dict_exists(language):
            return None, "no_dictionary"
        return enchant.Dict(language), None
    except enchant.errors.Error:
        return None, "no_dictionary"


class SpellChecker:
    """Checks words against the system dictionary and the newsroom's words, with a cache."""

    def __init__(
        self, language: str = DEFAULT_LANGUAGE, newsroom_words: Iterable[str] = ()
    ) -> None:
        self.language = language
        self._dictionary, self.problem = _open_dictionary(language)
        self._newsroom: frozenset[str] = frozenset()
        self._cache: dict[str, bool] = {}
        self.set_newsroom_words(newsroom_words)

    @property
    def available(self) -> bool:
        return self._dictionary is not None

    def set_newsroom_words(self, words: Iterable[str]) -> None:
        self._newsroom = frozenset(normalize(w) for w in words if w.strip())
        # Only rejections can change when words are added; keep the rest.
        self._cache = {word: ok for word, ok in self._cache.items() if ok}

    def is_cached(self, word: str) -> bool:
        return word in self._cache

    def in_newsroom_dictionary(self, word: str) -> bool:
        return any(form in self._newsroom for form in strip_attached_prefixes(normalize(word)))

    def check(self, word: str) -> bool:
        """True when ``word`` is spelled right, or is not a word the checker judges."""
        known = self._cache.get(word)
        if known is not None:
            return known
        ok = (
            self._dictionary is None
            or not is_checkable(word)
            or self.in_newsroom_dictionary(word)
            or bool(self._dictionary.check(word))
        )
        self._cache[word] = ok
        return ok

    def suggest(self, word: str, limit: int = 8) -> list[str]:
        """Corrections, best first (tens of milliseconds: ask only when a person wants them)."""
        if self._dictionary is None or not is_checkable(word):
            return []
        found: list[str] = []
        for suggestion in self._dictionary.suggest(word):
            if suggestion != word and suggestion not in found:
                found.append(suggestion)
            if len(found) >= limit:
                break
        return found
