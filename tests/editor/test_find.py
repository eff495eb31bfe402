"""Find and replace by letter forms, attached prefixes and whole words."""

from __future__ import annotations

from editor.find import FindOptions, find_all, replacement_for

TEXT = "قالت الصِّين إن والصين بالصين للصين ولِلصّين والصينية والصـين تتفق"


def _found(text: str, query: str, options: FindOptions | None = None) -> list[str]:
    return [text[m.start : m.end] for m in find_all(text, query, options or FindOptions())]


def test_letter_forms_find_harakat_tatweel_and_attached_prefixes() -> None:
    found = _found(TEXT, "الصين")
    assert found == ["الصِّين", "الصين", "الصين", "لصين", "لصّين", "الصين", "الصـين"]


def test_whole_words_skip_longer_words_but_keep_prefixes() -> None:
    found = _found(TEXT, "الصين", FindOptions(whole_words=True))
    assert "الصينية" not in TEXT.replace("والصينية", "")  # sanity: only one such word
    assert len(found) == 6 and all("ية" not in f for f in found)


def test_a_query_with_harakat_or_hamza_variants_matches_the_plain_text() -> None:
    assert _found("أعلنت الصين", "الصِّين") == ["الصين"]
    assert _found("اعلنت وزارة الطاقة", "أعلنت") == ["اعلنت"]
    assert _found("مكتبة الطاقه", "الطاقة") == ["الطاقه"]


def test_without_letter_forms_the_text_must_match_exactly() -> None:
    exact = FindOptions(letter_forms=False)
    assert _found(TEXT, "الصين", exact) == ["الصين", "الصين", "الصين"]
    assert _found("Tokyo tokyo", "tokyo", exact) == ["Tokyo", "tokyo"]
    assert _found("Tokyo tokyo", "tokyo", FindOptions(letter_forms=False, match_case=True)) == [
        "tokyo"
    ]
    assert _found(
        "الكتاب الكتابة", "الكتاب", FindOptions(letter_forms=False, whole_words=True)
    ) == ["الكتاب"]


def test_replacement_keeps_the_prefix_and_the_lam_rule() -> None:
    text = "والصين للصين الصِّين"
    out = text
    for match in reversed(find_all(text, "الصين")):
        out = out[: match.start] + replacement_for(match, "اليابان") + out[match.end :]
    assert out == "واليابان لليابان اليابان"


def test_phrases_match_across_any_white_space() -> None:
    assert _found("الولايات\u00a0  المتحدة", "الولايات المتحدة") == ["الولايات\u00a0  المتحدة"]


def test_an_empty_query_finds_nothing() -> None:
    assert find_all(TEXT, "   ") == []


def test_presentation_forms_from_a_pdf_are_found_at_their_own_offsets() -> None:
    # ﻻ is one character drawing لا: the found span must cover it, not drift.
    text = "قال ﻻعبون في ﺍﻟﺼﻴﻦ إن اللاعبين"
    assert _found(text, "لاعبون") == ["ﻻعبون"]
    assert _found(text, "الصين") == ["ﺍﻟﺼﻴﻦ"]
    # A haraka dropped after the ligature keeps the lengths equal but not the offsets.
    assert _found("ﻻَعب ماهر", "ماهر") == ["ماهر"]


def test_persian_yeh_and_keheh_match_the_arabic_letters() -> None:
    assert _found("سافر إلی کابل", "كابل") == ["کابل"]
    assert _found("سافر إلی کابل", "الي") == ["إلی"]
