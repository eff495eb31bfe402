"""The newsroom dictionary: words the spell checker should accept, shared by every desk.

Kept as one list in the ``settings`` table so every machine of the newsroom
reads the same words; names are stored as typed (without harakat or tatweel)
and compared after normalisation, so أوباما and اوباما are one entry.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from editor.arabic import HARAKAT, TATWEEL, neutralize_bidi, normalize
from editor.changes import Changes
from editor.errors import InvalidInput
from editor.models import Setting
from editor.permissions import Action, require

if TYPE_CHECKING:
    from editor.storage import Newsroom

NEWSROOM_WORDS_KEY = "spelling.newsroom_words"
MAX_WORD = 60
_MARKS_TABLE = {ord(c): None for c in HARAKAT + TATWEEL}
_ONE_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def clean_word(word: str) -> str:
    """The form a word is stored in; refuses anything that is not one word."""
    cleaned = neutralize_bidi(word).translate(_MARKS_TABLE).strip()
    if not cleaned or len(cleaned) > MAX_WORD or not _ONE_WORD.fullmatch(cleaned):
        raise InvalidInput(f"{word!r} is not a single word", field="word")
    return cleaned


class DictionaryService:
    def __init__(self, newsroom: Newsroom) -> None:
        self._newsroom = newsroom

    def words(self) -> tuple[str, ...]:
        with self._newsroom.read() as session:
            setting = session.get(Setting, NEWSROOM_WORDS_KEY)
            value = setting.value if setting is not None else []
        return tuple(str(w) for w in value) if isinstance(value, list) else ()

    def add(self, word: str) -> Changes:
        """Add a word for everyone; adding a word already there (in any letter form) is a no-op."""
        require(self._newsroom.actor.role, Action.EDIT_DICTIONARY)
        cleaned = clean_word(word)
        with self._newsroom.write() as session:
            setting = session.get(Setting, NEWSROOM_WORDS_KEY)
            current = list(setting.value) if setting is not None and setting.value else []
            if normalize(cleaned) in {normalize(str(w)) for w in current}:
                return Changes()
            updated = sorted([*current, cleaned])
            if setting is None:
                session.add(Setting(key=NEWSROOM_WORDS_KEY, value=updated))
            else:
                setting.value = updated
        return Changes(settings=True)

    def remove(self, word: str) -> Changes:
        require(self._newsroom.actor.role, Action.EDIT_DICTIONARY)
        key = normalize(clean_word(word))
        with self._newsroom.write() as session:
            setting = session.get(Setting, NEWSROOM_WORDS_KEY)
            current = list(setting.value) if setting is not None and setting.value else []
            kept = [w for w in current if normalize(str(w)) != key]
            if setting is None or len(kept) == len(current):
                return Changes()
            setting.value = kept
        return Changes(settings=True)
