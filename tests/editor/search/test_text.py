"""What a word becomes in the index, and which written forms a searched word reaches."""

from __future__ import annotations

import pytest

from editor.search.highlight import Matcher
from editor.search.text import index_text, prefix_forms, word_forms, word_tokens


@pytest.mark.parametrize(
    ("written", "token"),
    [
        ("الصِّين", "صين"),
        ("والصين", "صين"),
        ("الاقتصـــاد", "اقتصاد"),
        ("٢٠٢٥", "2025"),
        ("Apple", "apple"),
        ("لبنان", "لبنان"),  # kept whole: not لبن
        ("اللبنانية", "لبنان"),
        ("بكين", "بكين"),  # kept whole: not بك
        ("الأمين", "امين"),
    ],
)
def test_one_token_per_word(written: str, token: str) -> None:
    assert word_tokens(written) == (token,)


def test_a_word_of_two_scripts_is_cut_and_its_proclitic_dropped() -> None:
    assert word_tokens("لـApple") == ("apple",)
    assert word_tokens("بـ2025") == ("2025",)
    assert word_tokens("كوفيد19") == ("كوفيد", "19")


def test_index_text_keeps_word_order_and_drops_punctuation() -> None:
    assert index_text("وقالت الحكومةُ: «الصين شريك»!") == "قالت حكوم صين شريك"
    assert index_text("") == ""


def forms(word: str) -> frozenset[str]:
    ((_, found),) = word_forms(word)
    return found


@pytest.mark.parametrize(
    ("searched", "stored_as"),
    [
        ("مصر", "بمصر"),  # ب before a name
        ("مصر", "لمصري"),
        ("وزير", "وزير"),  # الوزير is stored as وزير, وزير as زير
        ("الوزير", "زير"),
        ("حكومة", "حكومت"),  # حكومتها
        ("الصين", "صيني"),  # الصينيون
        ("أمريكا", "امريك"),  # الأمريكية
        ("روسيا", "روس"),  # الروسي
        ("معلم", "معلما"),  # معلمًا
    ],
)
def test_searched_words_reach_their_other_forms(searched: str, stored_as: str) -> None:
    assert stored_as in forms(searched)


@pytest.mark.parametrize(
    ("searched", "not_stored_as"),
    [
        ("مال", "كمال"),  # ك and ف are not taken off a bare noun
        ("ريم", "كريم"),
        ("سور", "سوري"),  # a wall is not Syrian
        ("سوريا", "سور"),
        ("تركيا", "ترك"),
        ("لبنان", "لبن"),
        ("الأمن", "امين"),
    ],
)
def test_searched_words_do_not_reach_other_words(searched: str, not_stored_as: str) -> None:
    assert not_stored_as not in forms(searched)


def test_prefixes_allow_a_half_typed_suffix() -> None:
    ((_, found),) = prefix_forms("صينيو")
    assert "صيني" in found or "صين" in found
    ((_, latin),) = prefix_forms("Toky")
    assert latin == frozenset({"toky"})


def test_matches_are_marked_as_written_with_harakat_bidi_and_digits() -> None:
    text = "قالت الصِّينُ إن والص\u202bين وبالصين شركاء منذ ٢٠٢٥."
    matcher = Matcher.for_query("الصين 2025")
    marked = [text[s:e] for s, e in matcher.spans(text)]
    assert marked == ["الصِّينُ", "والص\u202bين", "وبالصين", "٢٠٢٥"]


def test_a_phrase_is_marked_only_where_its_words_follow_each_other() -> None:
    text = "وزير الخارجية التقى وزير التعليم ثم عاد إلى الخارجية"
    marked = [text[s:e] for s, e in Matcher.for_query('"وزير الخارجية"').spans(text)]
    assert marked == ["وزير الخارجية"]


def test_a_snippet_is_one_line_around_the_first_match() -> None:
    text = "مقدمة طويلة " * 30 + "\n\nثم ذكرت الصين\tمرتين: الصين."
    snippet = Matcher.for_query("الصين").snippet(text)
    assert snippet is not None
    assert "\n" not in snippet.text and "\t" not in snippet.text and snippet.text.startswith("… ")
    assert [snippet.text[s:e] for s, e in snippet.highlights] == ["الصين", "الصين"]
