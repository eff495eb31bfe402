"""Arabic text: the newsroom's one normalisation, word counts, light stemming and digits.

Search, tag comparison, find/replace, spell checking and moderation word rules
all go through ``normalize`` so that two spellings a reader treats as the same
word compare equal everywhere in the application.
"""

from __future__ import annotations

import math
import re
import unicodedata

from editor.errors import InvalidInput

__all__ = [
    "EXPANDING_RE",
    "WORD_RE",
    "char_count",
    "isolate_numbers",
    "light_stem",
    "neutralize_bidi",
    "normalize",
    "reading_time_minutes",
    "strip_attached_prefixes",
    "taxonomy_key",
    "to_eastern_digits",
    "to_western_digits",
    "word_count",
    "words",
]

TATWEEL = "\u0640"
HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"
# Embeddings, overrides and isolates reorder the text around them and can hide
# or disguise words; LRM/RLM/ALM only nudge neutral characters, so they stay.
BIDI_CONTROLS = "".join(chr(c) for c in range(0x202A, 0x202F)) + "".join(
    chr(c) for c in range(0x2066, 0x206A)
)
LRI, PDI = "\u2066", "\u2069"

_EASTERN_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_WESTERN_DIGITS = "0123456789"

_LETTER_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    # Persian yeh and keheh, typed on Persian and some Gulf keyboards.
    "\u06cc": "ي",
    "\u06a9": "ك",
}
# Arabic presentation forms (text copied out of PDFs and old systems: ﻻ, ﺍﻟ...)
# fold to the letters they draw; forms that stand for a phrase (ﷺ) are left.
_PRESENTATION_FORMS = (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00))


def _build_normalize_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(c): None for c in HARAKAT + TATWEEL + BIDI_CONTROLS}
    table.update({ord(k): v for k, v in _LETTER_MAP.items()})
    for code in _PRESENTATION_FORMS:
        letters = unicodedata.normalize("NFKC", chr(code))
        if letters != chr(code) and " " not in letters:
            table[code] = letters.translate(table) or None
    for eastern, persian, western in zip(
        _EASTERN_DIGITS, _PERSIAN_DIGITS, _WESTERN_DIGITS, strict=True
    ):
        table[ord(eastern)] = western
        table[ord(persian)] = western
    return table


_NORMALIZE_TABLE = _build_normalize_table()
# Characters whose normal form is longer than themselves (ﻻ is لا): offsets into
# the normal form then drift from the original's.
EXPANDING_RE = re.compile(
    "[" + "".join(chr(c) for c, v in _NORMALIZE_TABLE.items() if v and len(v) > 1) + "]"
)
_BIDI_TABLE: dict[int, None] = {ord(c): None for c in BIDI_CONTROLS}
_BIDI_RE = re.compile(f"[{BIDI_CONTROLS}]")
_TO_WESTERN = str.maketrans(_EASTERN_DIGITS + _PERSIAN_DIGITS, _WESTERN_DIGITS * 2)
_TO_EASTERN = str.maketrans(_WESTERN_DIGITS + _PERSIAN_DIGITS, _EASTERN_DIGITS * 2)


def normalize(text: str) -> str:
    """Return ``text`` in the newsroom's comparison form (see the module docstring)."""
    return text.translate(_NORMALIZE_TABLE).lower()


def neutralize_bidi(text: str) -> str:
    """Remove bidi embedding, override and isolate controls; keep LRM, RLM and ALM."""
    # Most text has none: a regex search is far cheaper than a translate pass.
    return text.translate(_BIDI_TABLE) if _BIDI_RE.search(text) else text


def to_eastern_digits(text: str) -> str:
    """Write Western (and Persian) digits as Eastern Arabic digits."""
    return text.translate(_TO_EASTERN)


def to_western_digits(text: str) -> str:
    """Write Eastern Arabic and Persian digits as Western digits."""
    return text.translate(_TO_WESTERN)


# ``\w`` skips harakat (category Mn), which would cut الْكِتَابُ into pieces; the
# underscore is left out so a rule of ______ is not a word.
# A separator between two digits stays inside the word so 3.5 and 1,000 are one.
_WORD_CHAR = r"[^\W_]|[\u064B-\u065F\u0670\u0640]"
WORD_RE = re.compile(rf"(?:\d[.,\u066B\u066C](?=\d)|{_WORD_CHAR})+")


def words(text: str) -> list[str]:
    """Word tokens of ``text`` (Arabic with its harakat, Latin words and numbers)."""
    return WORD_RE.findall(neutralize_bidi(text))


def word_count(text: str) -> int:
    """Number of words as a reader counts them."""
    return len(words(text))


# Characters that always count (printable ASCII, Arabic letters and digits,
# common punctuation): removed in one C-speed pass so that only the rest
# (harakat, emoji, rare scripts) is looked at one by one. The editor counts a
# 10,000-word story while it opens.
_ALWAYS_COUNTED_RE = re.compile(
    "[\t\n\x20-\x7e\u00a0-\u00ac\u00ae-\u00ff\u060c\u061b\u061f\u0621-\u063a"
    "\u0641-\u064a\u0660-\u066d\u066e\u066f\u0671-\u06d3\u2013\u2014\u2018\u2019"
    "\u201c\u201d\u2026]+"
)


def char_count(text: str) -> int:
    """Characters a reader sees: spaces count; harakat, tatweel and invisible controls don't."""
    rest = _ALWAYS_COUNTED_RE.sub("", text)
    uncounted = sum(
        1 for ch in rest if ch == TATWEEL or unicodedata.category(ch) in {"Mn", "Me", "Cf"}
    )
    return len(text) - uncounted


def reading_time_minutes(words: int, wpm: int = 200) -> int:
    """Whole minutes to read ``words`` words, at least 1 for any text."""
    if wpm <= 0:
        raise InvalidInput("words per minute must be positive", wpm=wpm)
    if words <= 0:
        return 0
    return max(1, math.ceil(words / wpm))


_MIN_STEM = 2
# The article and the particles that fuse with it, longest first so وال wins over ال.
_ARTICLE_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
# Plural, dual, feminine (ة is ه after normalize), nisba and the commonest
# possessive pronouns; one is removed, longest first so يه wins over ه.
STEM_SUFFIXES = ("ات", "ون", "ين", "ان", "يه", "ها", "هم", "هن", "ه", "ي")
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")


def light_stem(word: str) -> str:
    """Light stem of a normalised word for search; Latin words come back unchanged."""
    if not _ARABIC_LETTER_RE.search(word):
        return word
    stem = word
    if stem.startswith("و") and len(stem) - 1 >= _MIN_STEM:
        stem = stem[1:]
    for prefix in _ARTICLE_PREFIXES:
        if stem.startswith(prefix):
            if len(stem) - len(prefix) >= _MIN_STEM:
                stem = stem[len(prefix) :]
            break
    for suffix in STEM_SUFFIXES:
        if stem.endswith(suffix):
            if len(stem) - len(suffix) >= _MIN_STEM:
                stem = stem[: -len(suffix)]
            break
    return stem


def _attached_prefixes() -> tuple[str, ...]:
    # Conjunction, then preposition, then article: و/ف + ب/ل/ك + ال, where
    # ل + ال is written لل.
    found: set[str] = set()
    for conjunction in ("", "و", "ف"):
        for rest in ("", "ب", "ل", "ك", "ال", "بال", "كال", "لل"):
            if conjunction + rest:
                found.add(conjunction + rest)
    return tuple(sorted(found, key=lambda p: (len(p), p)))


ATTACHED_PREFIXES = _attached_prefixes()


def strip_attached_prefixes(word: str) -> list[str]:
    """Candidate bare forms of a normalised word, the word itself first, then shorter ones."""
    candidates = [word]
    for prefix in ATTACHED_PREFIXES:
        if not word.startswith(prefix) or len(word) - len(prefix) < _MIN_STEM:
            continue
        bare = word[len(prefix) :]
        forms = [bare]
        if prefix.endswith("لل"):
            # لل swallowed the alef of ال: للكتاب is ل + الكتاب.
            forms.append("ا" + prefix[-1] + bare)
        for form in forms:
            if form not in candidates:
                candidates.append(form)
    return candidates


_WHITESPACE_RE = re.compile(r"\s+")


def taxonomy_key(name: str) -> str:
    """Key under which two tag or section names count as near-duplicates."""
    parts = _WHITESPACE_RE.split(normalize(name).strip())
    bare = [p[2:] if p.startswith("ال") and len(p) - 2 >= _MIN_STEM else p for p in parts]
    return "".join(bare)


_ALNUM = r"A-Za-z0-9\u0660-\u0669\u06F0-\u06F9"
_DIGIT_RE = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]")
_ISOLATED_RE = re.compile(r"[\u2066\u2067\u2068][^\u2066-\u2069]*\u2069")
_URL_RE = r"(?:https?://|www\.)[^\s<>\"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# An international number's groups belong together; elsewhere a space ends a run
# so that "2024 و2025" stays two numbers in reading order.
_PHONE_RE = r"\+[0-9\u0660-\u0669]{1,4}(?:[ .\-]?\(?[0-9\u0660-\u0669]+\)?)+"
_RUN_RE = (
    rf"(?:(?<![{_ALNUM}])[+\-\u2212](?=[0-9\u0660-\u0669\u06F0-\u06F9]))?"
    rf"[{_ALNUM}]+(?:[\-/:.,_+%\u066B\u066C][{_ALNUM}]+)*%?"
)
_ISOLATE_CANDIDATE_RE = re.compile(rf"(?P<url>{_URL_RE})|{_PHONE_RE}|{_RUN_RE}")


def _isolate_segment(segment: str) -> str:
    def wrap(match: re.Match[str]) -> str:
        run = match.group(0)
        if match.group("url") or not _DIGIT_RE.search(run):
            return run
        return LRI + run + PDI

    return _ISOLATE_CANDIDATE_RE.sub(wrap, segment)


def isolate_numbers(text: str) -> str:
    """Wrap numbers, dates, times, phone numbers and Latin runs with digits in LRI…PDI."""
    # Numbers always read left to right, so LRI rather than FSI; runs already
    # isolated are left alone so that exporting twice changes nothing.
    pieces: list[str] = []
    last = 0
    for match in _ISOLATED_RE.finditer(text):
        pieces.append(_isolate_segment(text[last : match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(_isolate_segment(text[last:]))
    return "".join(pieces)
