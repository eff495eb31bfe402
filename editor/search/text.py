"""What the search index stores for a text, and every index token a searched word may be.

Both sides go through ``editor.arabic``: a word is normalised (harakat,
tatweel, letter forms, Eastern digits) and lightly stemmed (و, the article and
its particles, one suffix), so الصِّين, والصين, بالصين, للصين and الصيني all
become صين. The index stores one token per word; the query side widens each
searched word to the few tokens its other written forms stem to:

- a bare noun after ب or ل (بمصر, لترامب): ``light_stem`` keeps those
  letters, because stripping them from the stored word would turn كتاب into
  تاب. They are added to the searched word instead, for stems of three
  letters or more. ك and ف are left out on purpose: كمال is not مال, كريم
  is not ريم, فراس is not راس;
- a word that begins with و: light_stem cannot tell وزير (one word) from
  و + زير, so الوزير is stored as وزير and وزير as زير; both are searched;
- ة before a suffix is written ت (حكومة, حكومتها, حكومتان);
- the nisba and its plurals (الصين → الصيني, الصينيون, الصينيين), and a
  name in ا before it (أمريكا → الأمريكية, روسيا → الروسي);
- the alef an indefinite noun takes (اتفاقًا, معلمًا).

A word mixing Arabic letters with Latin letters or digits (بـ2025, لـApple)
is split where the script changes, and a bare proclitic in front is dropped.

``POLICY`` names these rules; an index built under other rules is rebuilt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from editor.arabic import WORD_RE, light_stem, neutralize_bidi, normalize

__all__ = [
    "POLICY",
    "TextSpan",
    "chunk_words",
    "chunks",
    "index_text",
    "phrase_forms",
    "prefix_forms",
    "word_forms",
    "word_spans",
    "word_tokens",
]

# Bump when anything below changes what a word becomes: indexes built under
# another policy are rebuilt when the newsroom opens.
POLICY = "light-stem-2"

_ARABIC_RUN = re.compile(r"[\u0621-\u064A\u0660-\u0669\u066E-\u06D3\u06FA-\u06FF]+")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]")
# The proclitics that may stand alone in front of a Latin word or a number.
_BARE_PROCLITICS = frozenset(
    {"و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "كال", "فال", "لل", "وب", "ول", "فب", "فل"}
)
_SEARCH_PROCLITICS = ("ب", "ل")
_MIN_WIDENED = 3
# Bidi controls are part of a word for highlighting, as they are for the index
# (editor.arabic.words removes them before splitting).
_HIGHLIGHT_RE = re.compile(r"(?:" + WORD_RE.pattern + r"|[\u202A-\u202E\u2066-\u2069])+")
# Entries per cache before it starts afresh: a few megabytes each, whatever is imported.
_CACHE_LIMIT = 50_000


def _is_arabic(token: str) -> bool:
    return _ARABIC_LETTER.search(token) is not None


def _split_scripts(word: str) -> list[str]:
    """A normalised word cut where Arabic letters meet Latin letters or digits."""
    if not _is_arabic(word) or _ARABIC_RUN.fullmatch(word):
        return [word]
    pieces: list[str] = []
    last = 0
    for match in _ARABIC_RUN.finditer(word):
        if match.start() > last:
            pieces.append(word[last : match.start()])
        pieces.append(match.group(0))
        last = match.end()
    if last < len(word):
        pieces.append(word[last:])
    if len(pieces) > 1 and pieces[0] in _BARE_PROCLITICS:
        pieces = pieces[1:]
    return pieces


# Words light_stem would cut into another word: a name or place whose end looks
# like a suffix (لبنان is not لبن, yogurt; بكين is not بك; أمين is not أم) or a
# common news word cut too short (بيان is not بي). Kept whole, after any
# attached prefix; normalised spelling. Their nisba forms (اللبنانية) already
# stem to them. Longer lists belong in a dictionary, not here.
KEEP_WHOLE = frozenset(
    (
        "لبنان",
        "عمان",
        "ايران",
        "طهران",
        "سودان",
        "بكين",
        "برلين",
        "جنين",
        "دبي",
        "فرات",
        "عرفات",
        "قطره",
        "المانيا",
        "سوري",
        "سوريه",
        "تركي",
        "تركيه",
        "امين",
        "حسين",
        "ياسين",
        "سليمان",
        "رمضان",
        "عدنان",
        "عمران",
        "شعبان",
        "سلطان",
        "كانون",
        "بيان",
        "امان",
        "ضمان",
        "مكان",
        "زمان",
        "كيان",
        "انسان",
        "طيران",
        "يمين",
        "معين",
        "زيتون",
    )
)
# The attached prefixes a kept word may carry (ف and ك would turn وجده into جده).
_KEEP_PREFIXES = ("", "ال", "وال", "بال", "لل", "و", "ب", "ل", "وب", "ول")


def _stem(piece: str) -> str:
    for prefix in _KEEP_PREFIXES:
        if piece.startswith(prefix) and piece[len(prefix) :] in KEEP_WHOLE:
            return piece[len(prefix) :]
    return light_stem(piece)


def _stem_normalised(word: str) -> tuple[str, ...]:
    return tuple(_stem(piece) for piece in _split_scripts(word) if piece)


_word_cache: dict[str, tuple[str, ...]] = {}


def word_tokens(word: str) -> tuple[str, ...]:
    """The index tokens of one word as written (usually one; none for no letters)."""
    found = _word_cache.get(word)
    if found is None:
        if len(_word_cache) > _CACHE_LIMIT:
            _word_cache.clear()
        found = _word_cache[word] = _stem_normalised(normalize(word))
    return found


class _ChunkStems(dict[str, str]):
    """Whitespace-separated pieces of text mapped to their index tokens.

    Indexing 100,000 stories splits some sixty million words; most pieces
    repeat, so each distinct piece is cut into words and stemmed once.
    """

    def __missing__(self, chunk: str) -> str:
        if len(self) > _CACHE_LIMIT:
            self.clear()
        tokens = [t for w in WORD_RE.findall(neutralize_bidi(chunk)) for t in word_tokens(w)]
        value = self[chunk] = " ".join(tokens)
        return value


_chunks = _ChunkStems()


def index_text(text: str) -> str:
    """``text`` as the index stores it: its tokens, separated by spaces."""
    if not text:
        return ""
    return " ".join(filter(None, map(_chunks.__getitem__, text.split())))


def _with_proclitics(stems: Iterable[str]) -> set[str]:
    found = set(stems)
    for stem in list(found):
        if _is_arabic(stem) and len(stem) >= _MIN_WIDENED:
            found.update(p + stem for p in _SEARCH_PROCLITICS)
    return found


def _waw_variants(normalised: str, stem: str) -> set[str]:
    """light_stem cannot tell وزير (one word) from و + زير: keep both readings."""
    forms = {stem}
    if normalised.startswith("و") and not stem.startswith("و"):
        forms.add("و" + stem)
    if stem.startswith("و") and len(stem) > 2:
        forms.add(stem[1:])  # الوزير is stored as وزير, وزير as زير
    return forms


def _country_forms(stem: str) -> set[str]:
    """A name in ا drops it before the nisba: أمريكا → الأمريكي, روسيا → الروسي."""
    if not stem.endswith("ا") or len(stem) < 4:
        return set()
    base = stem[:-1]
    forms = {base}
    if stem.endswith("يا"):
        forms.add(base + "ه")  # سورية, kept whole
        if base not in KEEP_WHOLE and len(stem) - 2 >= _MIN_WIDENED:
            forms.add(stem[:-2])  # الروسية is stored as روس (سوري keeps سور, a wall, out)
    return forms


def _widen(normalised: str, stem: str) -> set[str]:
    """The index tokens the other written forms of a one-token word stem to."""
    if not _is_arabic(stem):
        return {stem}
    if stem in KEEP_WHOLE:
        forms = {stem} | _country_forms(stem)
        if stem.endswith("يه"):
            forms |= {stem[:-1], stem[:-1] + "ا"}  # السورية → سوريا, السوري
        elif stem.endswith("ي"):
            forms |= {stem + "ه", stem + "ا"}
    else:
        forms = _waw_variants(normalised, stem)
        feminine = normalised.endswith(("ه", "ات"))
        suffix_cut = not normalised.endswith(stem)
        for form in list(forms):
            if feminine and len(form) >= 2:
                forms.add(form + "ت")  # حكومة → حكومتها, حكومتان
            if suffix_cut and form.endswith("ت") and len(form) - 1 >= _MIN_WIDENED:
                forms.add(form[:-1])  # حكومتها → حكومة
        forms |= _country_forms(stem)
        if suffix_cut and normalised.endswith(("ي", "يه")) and len(stem) >= _MIN_WIDENED:
            forms.add(stem + "ا")  # الأمريكي → أمريكا
    for form in list(forms):
        nisba = form + "ي"
        # سور + ي is سوري, which is kept whole: Syrian, not "of a wall".
        if len(form) >= _MIN_WIDENED and not form.endswith("ي") and nisba not in KEEP_WHOLE:
            forms.add(nisba)  # الصين → الصيني, الصينيون
    for form in list(forms):
        if len(form) >= _MIN_WIDENED and not form.endswith(("ا", "ه")):
            forms.add(form + "ا")  # the alef of tanween: اتفاق → اتفاقًا, معلم → معلمًا
    return _with_proclitics(forms)


Forms = tuple[str, frozenset[str]]


def word_forms(word: str) -> tuple[Forms, ...]:
    """Per index token of a searched word: its main form and every token that matches it."""
    tokens = word_tokens(word)
    if len(tokens) != 1:
        return tuple((t, frozenset({t})) for t in tokens)
    return ((tokens[0], frozenset(_widen(normalize(word), tokens[0]))),)


def phrase_forms(word: str) -> tuple[tuple[str, ...], ...]:
    """Per index token of a word inside a phrase: its main form, then its و reading."""
    tokens = word_tokens(word)
    if len(tokens) != 1:
        return tuple((t,) for t in tokens)
    main = tokens[0]
    others = _waw_variants(normalize(word), main) - {main} if _is_arabic(main) else set()
    return ((main, *sorted(others)),)


# A half-typed suffix: what a word may end with while the suffix is being typed.
_SUFFIX_STARTS = frozenset({"و", "ي", "ا", "ه", "ت"})


def prefix_forms(word: str) -> tuple[Forms, ...]:
    """Like ``word_forms`` for ``word*``: the last position holds prefixes of index tokens."""
    normalised = normalize(word)
    pieces = [p for p in _split_scripts(normalised) if p]
    if not pieces:
        return ()
    head = tuple((_stem(p), frozenset({_stem(p)})) for p in pieces[:-1])
    last = pieces[-1]
    stem = _stem(last)
    if not _is_arabic(last):
        return (*head, (stem, frozenset({stem})))
    found = _waw_variants(last, stem)
    for cut in (1, 2):
        # صينيو* is on its way to الصينيون, stored as صيني.
        if len(last) - cut >= _MIN_WIDENED and last[-cut:][0] in _SUFFIX_STARTS:
            found |= _waw_variants(last, light_stem(last[:-cut]))
    return (*head, (stem, frozenset(_with_proclitics(found))))


class TextSpan:
    """One word of a text: where it is and the index tokens it stands for."""

    __slots__ = ("end", "start", "tokens")

    def __init__(self, start: int, end: int, tokens: tuple[str, ...]) -> None:
        self.start = start
        self.end = end
        self.tokens = tokens


_CHUNK_RE = re.compile(r"\S+")
Word = tuple[int, int, tuple[str, ...]]
_chunk_words: dict[str, tuple[Word, ...]] = {}


def chunk_words(chunk: str) -> tuple[Word, ...]:
    """The words of a piece of text without spaces: offsets in it, and their tokens."""
    found = _chunk_words.get(chunk)
    if found is None:
        if len(_chunk_words) > _CACHE_LIMIT:
            _chunk_words.clear()
        found = _chunk_words[chunk] = tuple(
            (m.start(), m.end(), tokens)
            for m in _HIGHLIGHT_RE.finditer(chunk)
            if (tokens := word_tokens(m.group(0)))
        )
    return found


def chunks(text: str) -> Iterator[re.Match[str]]:
    """The pieces of ``text`` between spaces (no word spans a space)."""
    return _CHUNK_RE.finditer(text)


def word_spans(text: str) -> Iterator[TextSpan]:
    """Every word of ``text`` with its offsets in ``text`` as given."""
    for chunk in _CHUNK_RE.finditer(text):
        base = chunk.start()
        for start, end, tokens in chunk_words(chunk.group(0)):
            yield TextSpan(base + start, base + end, tokens)
