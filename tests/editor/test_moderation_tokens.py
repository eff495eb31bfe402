"""The rules' word cache finds exactly the words normalising the whole text finds."""

from __future__ import annotations

import random

import pytest

from editor.arabic import WORD_RE, normalize
from editor.moderation.duplicates import fingerprint
from editor.moderation.rules import CompiledRules, ModerationRules
from editor.moderation.tokens import WordCache

HOSTILE = [
    "İstanbul'da ΟΔΟΣ.Α σοφός ΣΟΦΟΣ",  # İ grows under lower(); Σ depends on what follows
    "3.ـ5 و 3ـ.5 و ٣٫ً٥ و 1,000 و ۱۲۳",  # a deletion next to a separator joins numbers
    "كلمة ً وحدها، ـ وحدها",  # a word of harakat (or tatweel) alone
    "ab\u202ecd \u2066والكلمة\u2069 a\u200fb",  # bidi controls inside words; RLM stays
    "رااااائع جداااا واااو 1000 a___b __ ___",  # stretched letters, digits, underscores
    "جمـيل الْكِتَابُ أإآٱ ىةؤئ CIALIS Specialist",
    "https://example.com/a?b=1 WWW.EXAMPLE.ORG وwww.x.y",
    "",
    "؟!، 😀 ☺ …",
]
ALPHABET = (
    "abcXYZİıΣσςΟΔ_ .,:/-'\n"
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإٱىةؤئ"
    "\u064b\u064c\u064e\u0650\u0651\u0652\u0670\u0640"  # harakat, tatweel
    "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳٫٬"
    "\u202a\u202b\u202e\u2066\u2069\u200e\u200f\u200c"  # bidi controls and marks
)


def fuzz(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(ALPHABET, k=rng.randint(0, 40))) for _ in range(count)]


@pytest.mark.parametrize("texts", [HOSTILE, fuzz(20_000, 6)], ids=["hostile", "fuzz"])
def test_the_same_words_as_normalising_the_whole_text(texts: list[str]) -> None:
    cache = WordCache()
    for _round in range(2):  # the second time every word comes from the cache
        for text in texts:
            assert cache.words(text) == WORD_RE.findall(normalize(text)), repr(text)


@pytest.mark.parametrize("texts", [HOSTILE, fuzz(20_000, 7)], ids=["hostile", "fuzz"])
def test_the_same_duplicate_keys(texts: list[str]) -> None:
    compiled = CompiledRules(ModerationRules())
    for text in [*texts, *texts]:
        assert compiled.fingerprint(text) == fingerprint(text), repr(text)
        verdict = compiled.evaluate(text, with_fingerprint=True)
        assert verdict.fingerprint == fingerprint(text)


def test_the_cache_forgets_past_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from editor.moderation import tokens

    monkeypatch.setattr(tokens, "LIMIT", 10)
    cache = WordCache()
    texts = fuzz(500, 8)
    for text in texts:
        assert cache.words(text) == WORD_RE.findall(normalize(text))
    assert len(cache._words) <= 10 + 40


def test_links_are_counted_whenever_a_text_may_hold_one() -> None:
    from editor.moderation.rules import count_links

    compiled = CompiledRules(ModerationRules(max_links=1))
    links = ["http://a.b", "WwW.x.y", "FILE:///etc", "wWw.", "h\u064bttp://x", "ww.w"]
    rng = random.Random(9)
    for text in [*HOSTILE, *fuzz(3_000, 10)]:
        mixed = text + " " + rng.choice(links) + rng.choice(["", " ", "،"]) + text
        for sample in (text, mixed):
            assert compiled.evaluate(sample).links == count_links(sample), repr(sample)
