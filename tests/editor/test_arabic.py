"""The newsroom's Arabic text rules: normalisation, counting, stemming, digits, bidi."""

from __future__ import annotations

import pytest

from editor.arabic import (
    WORD_RE,
    char_count,
    isolate_numbers,
    light_stem,
    neutralize_bidi,
    normalize,
    reading_time_minutes,
    strip_attached_prefixes,
    taxonomy_key,
    to_eastern_digits,
    to_western_digits,
    word_count,
    words,
)
from editor.errors import InvalidInput

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        # harakat: fatha, damma, kasra, shadda, sukun, tanween, superscript alef
        ("الْكِتَابُ", "الكتاب"),
        ("الصِّينِ", "الصين"),
        ("شُكْرًا", "شكرا"),
        ("رَحْمٰن", "رحمن"),
        ("كتابٌ وقلمٍ", "كتاب وقلم"),
        # tatweel
        ("الاقتصـــاد", "الاقتصاد"),
        # alef forms
        ("أحمد", "احمد"),
        ("إسلام", "اسلام"),
        ("آخر", "اخر"),
        ("ٱلرحمن", "الرحمن"),
        # alef maqsura, ta marbuta, hamza seats
        ("مستشفى", "مستشفي"),
        ("مدرسة", "مدرسه"),
        ("مؤتمر", "موتمر"),
        ("رئيس", "رييس"),
        # digits
        ("٢٨ أكتوبر ٢٠٢٥", "28 اكتوبر 2025"),
        ("۱۲۳۴۵۶۷۸۹۰", "1234567890"),
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
        # Latin
        ("COVID-19 في Tokyo", "covid-19 في tokyo"),
        # bidi controls
        ("\u202bطوكيو\u202c \u2067واشنطن\u2069", "طوكيو واشنطن"),
        # presentation forms, as text copied out of a PDF arrives (ﻻ is one character)
        ("ﺍﻟﺼﻴﻦ", "الصين"),
        ("ﻻ ﻷ ﻹ ﻵ", "لا لا لا لا"),
        ("ﷲ", "الله"),
        # Persian yeh and keheh
        ("کابل یک", "كابل يك"),
    ],
)
def test_normalize_applies_every_rule(typed: str, normalised: str) -> None:
    assert normalize(typed) == normalised


def test_normalize_keeps_what_is_not_a_variant() -> None:
    assert normalize("الصين، واليابان: 3 دول!") == "الصين، واليابان: 3 دول!"


def test_normalize_leaves_a_form_that_stands_for_a_phrase() -> None:
    # ﷺ spells out to four words; a word must stay one word.
    assert normalize("محمد ﷺ") == "محمد ﷺ"


def test_normalize_is_idempotent() -> None:
    text = "وَقَّعَ الرئيسُ اتفاقيةً في طوكيـو يوم ٢٨ أكتوبر ﻻ ﺍﻟﺼﻴﻦ"
    assert normalize(normalize(text)) == normalize(text)


@pytest.mark.parametrize(
    "control", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", LRI, RLI, FSI, PDI]
)
def test_neutralize_bidi_removes_reordering_controls(control: str) -> None:
    assert neutralize_bidi(f"تعليق{control} spam{control}") == "تعليق spam"


@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u061c"])
def test_neutralize_bidi_keeps_directional_marks(mark: str) -> None:
    assert neutralize_bidi(f"2024{mark} عام") == f"2024{mark} عام"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الْكِتَابُ", ["الْكِتَابُ"]),
        ("وَقَّعَ الرئيسُ الاتفاقيةَ", ["وَقَّعَ", "الرئيسُ", "الاتفاقيةَ"]),
        ("عصـــر ذهبـي", ["عصـــر", "ذهبـي"]),
        ("Donald Trump", ["Donald", "Trump"]),
        ("نسبة 3.5% من 1,000 و٢٫٥", ["نسبة", "3.5", "من", "1,000", "و٢٫٥"]),
        ("قال: «نعم»، ثم غادر.", ["قال", "نعم", "ثم", "غادر"]),
        ("______", []),
    ],
)
def test_words_keep_harakat_and_tatweel_inside(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("   \n ", 0),
        ("الْكِتَابُ", 1),
        ("الكتاب", 1),
        ("وَقَّعَتِ الوِلَايَاتُ المُتَّحِدَةُ وَاليَابَانُ", 4),
        ("عصـــر ذهبـــي جديـــد", 3),
        ("The rare earths deal", 4),
        ("وقّع Trump اتفاقية COVID-19 في 2025", 7),
        ("طوكيو – 28 أكتوبر 2025 (فرانس24/أوراس)", 6),
        ("\u202bكلمة\u202c", 1),
    ],
)
def test_word_count(text: str, count: int) -> None:
    assert word_count(text) == count


def test_word_re_matches_harakat_words_whole() -> None:
    assert WORD_RE.fullmatch("الْكِتَابُ")


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("الْكِتَابُ", 6),
        ("الكتاب", 6),
        ("عصـــر", 3),
        ("عصر ذهبي", 8),
        ("a b", 3),
        ("\u202bطوكيو\u202c\u200f", 5),
    ],
)
def test_char_count_counts_what_a_reader_sees(text: str, count: int) -> None:
    assert char_count(text) == count


@pytest.mark.parametrize(
    ("word_total", "wpm", "minutes"),
    [(0, 200, 0), (1, 200, 1), (200, 200, 1), (201, 200, 2), (1000, 250, 4), (-5, 200, 0)],
)
def test_reading_time_minutes(word_total: int, wpm: int, minutes: int) -> None:
    assert reading_time_minutes(word_total, wpm) == minutes


def test_reading_time_rejects_a_zero_speed() -> None:
    with pytest.raises(InvalidInput):
        reading_time_minutes(100, 0)


def test_light_stem_conflates_china_with_its_prefixes() -> None:
    forms = ["الصين", "والصين", "بالصين", "للصين", "الصِّين", "وبالصين", "فالصين", "كالصين"]
    assert {light_stem(normalize(form)) for form in forms} == {"صين"}


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("الحكومة", "حكوم"),
        ("حكومات", "حكوم"),
        ("والمعلمون", "معلم"),
        ("المعلمين", "معلم"),
        ("مصري", "مصر"),
        ("مصرية", "مصر"),
        ("كتابها", "كتاب"),
        ("كتابهم", "كتاب"),
        ("الاقتصاد", "اقتصاد"),
        # never fewer than two letters
        ("ال", "ال"),
        ("الم", "الم"),
        ("وه", "وه"),
        ("به", "به"),
        ("بالغ", "بالغ"),
        ("صين", "صين"),
        # Latin words are left alone
        ("tokyo", "tokyo"),
        ("covid19", "covid19"),
    ],
)
def test_light_stem(word: str, stem: str) -> None:
    assert light_stem(normalize(word)) == stem


@pytest.mark.parametrize(
    ("word", "candidates"),
    [
        ("كتاب", ["كتاب", "تاب"]),
        ("والكتاب", ["والكتاب", "الكتاب", "كتاب"]),
        ("بالكتاب", ["بالكتاب", "الكتاب", "كتاب"]),
        ("للكتاب", ["للكتاب", "لكتاب", "كتاب", "الكتاب"]),
        ("فكتب", ["فكتب", "كتب", "تب"]),
        ("وبقلم", ["وبقلم", "بقلم", "قلم"]),
        ("ول", ["ول"]),
        ("spam", ["spam"]),
    ],
)
def test_strip_attached_prefixes(word: str, candidates: list[str]) -> None:
    assert strip_attached_prefixes(word) == candidates


@pytest.mark.parametrize("prefixed", ["وكلب", "فكلب", "بكلب", "لكلب", "كالكلب", "والكلب", "للكلب"])
def test_strip_attached_prefixes_finds_the_bare_word(prefixed: str) -> None:
    assert "كلب" in strip_attached_prefixes(prefixed)


@pytest.mark.parametrize(
    "name", ["الاقتصاد", "اقتصاد", "الإقتصاد", "الاقتصـاد", "الاِقتصاد", " الاقتصاد  ", "إقتصاد"]
)
def test_taxonomy_key_merges_spellings_of_one_section(name: str) -> None:
    assert taxonomy_key(name) == taxonomy_key("الاقتصاد") == "اقتصاد"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("الشرق الأوسط", "شرق اوسط"),
        ("الشرق  الأوسط", " الشرق الأوسط "),
        ("كرة القدم", "كره قدم"),
        ("Sports", "sports"),
        ("المغرب العربي", "مغرب عربي"),
    ],
)
def test_taxonomy_key_equal(first: str, second: str) -> None:
    assert taxonomy_key(first) == taxonomy_key(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [("مصر", "مصرف"), ("اقتصاد", "الاقتصادي"), ("الصين", "اليابان"), ("الأمن", "أمين")],
)
def test_taxonomy_key_different(first: str, second: str) -> None:
    assert taxonomy_key(first) != taxonomy_key(second)


def test_digit_conversion_both_ways() -> None:
    assert to_eastern_digits("28 أكتوبر 2025") == "٢٨ أكتوبر ٢٠٢٥"
    assert to_eastern_digits("۱۴۴۷") == "١٤٤٧"
    assert to_western_digits("٢٨ أكتوبر ٢٠٢٥") == "28 أكتوبر 2025"
    assert to_western_digits("۱۴۴۷") == "1447"
    assert to_western_digits(to_eastern_digits("0123456789")) == "0123456789"


def _shown(text: str) -> str:
    return text.replace(LRI, "[").replace(PDI, "]")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في 9 أكتوبر", "في [9] أكتوبر"),
        ("بتاريخ 2024-06-10 صباحا", "بتاريخ [2024-06-10] صباحا"),
        ("بتاريخ ٢٠٢٤-٠٦-١٠", "بتاريخ [٢٠٢٤-٠٦-١٠]"),
        ("في 10/06/2024", "في [10/06/2024]"),
        ("الساعة 10:30 مساء", "الساعة [10:30] مساء"),
        ("اتصل على +966 12 345 6789 الآن", "اتصل على [+966 12 345 6789] الآن"),
        ("الرقم 0555-123-456", "الرقم [0555-123-456]"),
        ("طائرات F-16 وCOVID-19", "طائرات [F-16] و[COVID-19]"),
        ("نسبة 3.5% و1,000 دولار", "نسبة [3.5%] و[1,000] دولار"),
        ("حرارة -5 درجات", "حرارة [-5] درجات"),
        ("عاما 2024 2025", "عاما [2024] [2025]"),
        ("Donald Trump", "Donald Trump"),
        ("بلا أرقام", "بلا أرقام"),
        ("الرابط https://example.com/2024/06", "الرابط https://example.com/2024/06"),
    ],
)
def test_isolate_numbers(text: str, expected: str) -> None:
    assert _shown(isolate_numbers(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "في 2024-06-10 الساعة 10:30",
        f"في {LRI}2024-06-10{PDI} و 10:30",
        f"رقم {FSI}+966 12 345{PDI}",
        f"بتاريخ {RLI}٢٠٢٤{PDI}",
    ],
)
def test_isolate_numbers_never_double_wraps(text: str) -> None:
    once = isolate_numbers(text)
    assert isolate_numbers(once) == once
    assert LRI + LRI not in once
    assert normalize(once) == normalize(text)
