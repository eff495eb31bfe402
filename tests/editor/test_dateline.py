"""Datelines: rendering in the house styles and reading back what journalists type."""

from __future__ import annotations

import datetime
import itertools
import random

import pytest

from editor.dateline import (
    GREGORIAN_MONTHS,
    Dateline,
    DatelineStyle,
    DigitStyle,
    MonthStyle,
    format_date,
    format_hijri_date,
    parse_dateline,
    render_dateline,
)

SEED_LINE = "طوكيو – 28 أكتوبر 2025 (فرانس24/أوراس)"
SEED = Dateline("طوكيو", datetime.date(2025, 10, 28), ("فرانس24", "أوراس"))
OCT_28 = datetime.date(2025, 10, 28)

ALL_STYLES = [
    DatelineStyle(months, digits, hijri)
    for months, digits, hijri in itertools.product(MonthStyle, DigitStyle, (False, True))
]


def test_seed_dateline_parses() -> None:
    assert parse_dateline(SEED_LINE) == SEED


def test_seed_dateline_renders_exactly() -> None:
    assert render_dateline(SEED) == SEED_LINE


@pytest.mark.parametrize(
    ("months", "expected"),
    [
        (MonthStyle.EGYPTIAN, ["يناير", "فبراير", "يوليو", "أغسطس", "أكتوبر"]),
        (MonthStyle.LEVANTINE, ["كانون الثاني", "شباط", "تموز", "آب", "تشرين الأول"]),
        (MonthStyle.MAGHREBI, ["جانفي", "فيفري", "جويلية", "أوت", "أكتوبر"]),
    ],
)
def test_format_date_in_each_month_style(months: MonthStyle, expected: list[str]) -> None:
    style = DatelineStyle(months=months)
    dates = [datetime.date(2025, m, 5) for m in (1, 2, 7, 8, 10)]
    assert [format_date(d, style) for d in dates] == [f"5 {name} 2025" for name in expected]


def test_month_tables_have_twelve_distinct_names() -> None:
    for names in GREGORIAN_MONTHS.values():
        assert len(set(names)) == 12


def test_format_date_with_eastern_digits() -> None:
    style = DatelineStyle(months=MonthStyle.LEVANTINE, digits=DigitStyle.EASTERN)
    assert format_date(OCT_28, style) == "٢٨ تشرين الأول ٢٠٢٥"


def test_hijri_date_is_umm_al_qura() -> None:
    assert format_hijri_date(OCT_28) == "6 جمادى الأولى 1447 هـ"
    assert format_hijri_date(datetime.date(2025, 3, 1)) == "1 رمضان 1446 هـ"


@pytest.mark.parametrize("outside", [datetime.date(1900, 1, 1), datetime.date(2077, 11, 17)])
def test_hijri_date_outside_the_tables_is_left_out(outside: datetime.date) -> None:
    assert format_hijri_date(outside) is None
    dateline = Dateline("القاهرة", outside, ("أ ش أ",))
    rendered = render_dateline(dateline, DatelineStyle(hijri=True))
    assert rendered == render_dateline(dateline)
    assert parse_dateline(rendered) == dateline


@pytest.mark.parametrize(
    ("dateline", "style", "expected"),
    [
        (
            SEED,
            DatelineStyle(hijri=True),
            "طوكيو – 28 أكتوبر 2025 / 6 جمادى الأولى 1447 هـ (فرانس24/أوراس)",
        ),
        (
            SEED,
            DatelineStyle(MonthStyle.LEVANTINE, DigitStyle.EASTERN, hijri=True),
            "طوكيو – ٢٨ تشرين الأول ٢٠٢٥ / ٦ جمادى الأولى ١٤٤٧ هـ (فرانس24/أوراس)",
        ),
        (SEED, DatelineStyle(MonthStyle.MAGHREBI), "طوكيو – 28 أكتوبر 2025 (فرانس24/أوراس)"),
        (
            Dateline("الجزائر", datetime.date(2024, 7, 5), ("واج",)),
            DatelineStyle(MonthStyle.MAGHREBI),
            "الجزائر – 5 جويلية 2024 (واج)",
        ),
        (Dateline("طوكيو", OCT_28), DatelineStyle(), "طوكيو – 28 أكتوبر 2025"),
        (Dateline("طوكيو", None, ("رويترز",)), DatelineStyle(), "طوكيو (رويترز)"),
        (Dateline("", OCT_28, ("واس",)), DatelineStyle(), "28 أكتوبر 2025 (واس)"),
        (Dateline("", None, ("واس",)), DatelineStyle(), "(واس)"),
        (Dateline("بيروت"), DatelineStyle(), "بيروت"),
        (Dateline(""), DatelineStyle(), ""),
    ],
)  # fmt: skip
def test_render_dateline(dateline: Dateline, style: DatelineStyle, expected: str) -> None:
    assert render_dateline(dateline, style) == expected


def test_is_empty() -> None:
    assert Dateline("").is_empty
    assert Dateline("  ").is_empty
    assert not Dateline("طوكيو").is_empty
    assert not Dateline("", OCT_28).is_empty
    assert not Dateline("", None, ("واس",)).is_empty


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (SEED_LINE, SEED),
        ("طوكيو - 28 أكتوبر 2025 (فرانس24/أوراس)", SEED),
        ("طوكيو-28 أكتوبر 2025 (فرانس24/أوراس)", SEED),
        ("طوكيو — 28 أكتوبر 2025 (فرانس24/أوراس)", SEED),
        ("طوكيو ـ 28 أكتوبر 2025 (فرانس24/أوراس)", SEED),
        ("  طوكيو   –   28   أكتوبر   2025  ( فرانس24 / أوراس )  ", SEED),
        ("طوكيو – ٢٨ أكتوبر ٢٠٢٥ (فرانس24/أوراس)", SEED),
        ("طوكيو – 28 اكتوبر 2025 (فرانس24/أوراس)", SEED),
        ("طوكيو – 28 أكتوبـــر 2025 (فرانس24/أوراس)", SEED),
        ("طوكيو – 28 تشرين الأول 2025 (فرانس24/أوراس)", SEED),
        ("طوكيو – 28 تشرين الاول 2025 (فرانس24، أوراس)", SEED),
        ("طوكيو – 28 أكتوبر 2025م (فرانس24, أوراس)", SEED),
        ("طوكيو – الثلاثاء 28 أكتوبر 2025 (فرانس24 وأوراس)", SEED),
        ("طوكيو – 28 أكتوبر 2025 (فرانس24 و أوراس)", SEED),
        ("رام الله – 28 أكتوبر 2025 (رويترز وفا)", Dateline("رام الله", OCT_28, ("رويترز", "وفا"))),
        ("الرياض – 28 أكتوبر 2025 (واس)", Dateline("الرياض", OCT_28, ("واس",))),
        ("طوكيو – 28 أكتوبر 2025 (فرانس24 + أوراس):", SEED),
        ("\u202bطوكيو – 28 أكتوبر 2025 (فرانس24/أوراس)\u202c\u200f", SEED),
        ("طوكيو – 28 أكتوبر 2025 / 6 جمادى الأولى 1447 هـ (فرانس24/أوراس)", SEED),
        ("طوكيو – 28 أكتوبر 2025", Dateline("طوكيو", OCT_28)),
        ("طوكيو – 28 أكتوبر 2025 ()", Dateline("طوكيو", OCT_28)),
        ("28 أكتوبر 2025 (واس)", Dateline("", OCT_28, ("واس",))),
        ("طوكيو (رويترز)", Dateline("طوكيو", None, ("رويترز",))),
        ("طوكيو – (رويترز)", Dateline("طوكيو", None, ("رويترز",))),
        ("طوكيو ـ (رويترز)", Dateline("طوكيو", None, ("رويترز",))),
        (
            "القدس المحتلة – 3 كانون ثاني 2024 (وفا/الجزيرة/أ ف ب)",
            Dateline("القدس المحتلة", datetime.date(2024, 1, 3), ("وفا", "الجزيرة", "أ ف ب")),
        ),
    ],
)
def test_parse_dateline_tolerates_what_people_type(line: str, expected: Dateline) -> None:
    assert parse_dateline(line) == expected


@pytest.mark.parametrize(
    ("month_name", "month"),
    [
        # Egyptian / Gulf, with the spellings people type
        ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("ابريل", 4), ("إبريل", 4),
        ("مايو", 5), ("يونيو", 6), ("يونيه", 6), ("يوليو", 7), ("يوليه", 7), ("أغسطس", 8),
        ("اغسطس", 8), ("سبتمبر", 9), ("أكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12),
        # Levantine
        ("كانون الثاني", 1), ("شباط", 2), ("آذار", 3), ("اذار", 3), ("نيسان", 4), ("أيار", 5),
        ("حزيران", 6), ("تموز", 7), ("آب", 8), ("أيلول", 9), ("تشرين الأول", 10),
        ("تشرين الثاني", 11), ("كانون الأول", 12), ("كانون  الأول", 12),
        # Maghrebi, Algerian/Tunisian and Moroccan
        ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("ماي", 5), ("جوان", 6), ("جويلية", 7),
        ("جويليه", 7), ("أوت", 8), ("يوليوز", 7), ("غشت", 8), ("شتنبر", 9), ("نونبر", 11),
        ("دجنبر", 12),
    ],
)  # fmt: skip
def test_parse_every_month_name(month_name: str, month: int) -> None:
    parsed = parse_dateline(f"الرباط – 9 {month_name} 2024 (و م ع)")
    assert parsed == Dateline("الرباط", datetime.date(2024, month, 9), ("و م ع",))


@pytest.mark.parametrize(
    "line",
    [
        "",
        "   ",
        "طوكيو",
        "قال الوزير – في مؤتمر صحفي – إن الاتفاق مهم",
        "وأوضح أن الاتفاق - بحسب البيان - يشمل المعادن النادرة",
        "شدّدت الصين قيودها في 9 أكتوبر الجاري على تصدير المعادن",
        "قال الوزير في 28 أكتوبر 2025 إن الاتفاق مهم (واس)",
        "طوكيو 28 أكتوبر 2025 (واس)",
        "طوكيو – 28 فلان 2025 (واس)",
        "طوكيو – 30 فبراير 2025 (واس)",
        "طوكيو – 28 أكتوبر 25 (واس)",
        "طوكيو – 28/10/2025",
        "()",
        "( )",
        "طوكيو – 28 أكتوبر 2025 (واس) – وقعت الولايات المتحدة واليابان اتفاقية",
        "قالت الوزيرة إن الحكومة ستعلن قرارها قريبا وإن المفاوضات مستمرة (رويترز)",
        "طوكيو – 28 أكتوبر 2025 (" + "/".join(["فرانس24"] * 20) + ")",
    ],
)
def test_parse_rejects_what_is_not_a_dateline(line: str) -> None:
    assert parse_dateline(line) is None


PLACES = [
    "طوكيو",
    "القدس المحتلة",
    "مدينة الكويت",
    "ريو دي جانيرو",
    "آيت-ملول",
    "الدَّار البيضاء",
    "السبت",
    "New York",
]
SOURCES: list[tuple[str, ...]] = [
    (),
    ("واس",),
    ("فرانس24", "أوراس"),
    ("رويترز", "أ ف ب", "الجزيرة"),
    ("وكالة الأنباء الجزائرية",),
    ("BBC",),
]


def _dates() -> list[datetime.date]:
    rng = random.Random(20251028)
    edges = [
        datetime.date(2024, 2, 29),
        datetime.date(2025, 1, 1),
        datetime.date(2025, 12, 31),
        datetime.date(1924, 8, 1),
        datetime.date(2077, 11, 16),
        datetime.date(1923, 5, 9),
        datetime.date(2100, 6, 1),
        datetime.date(1, 1, 1),
        datetime.date(9999, 12, 31),
    ]
    start = datetime.date(1900, 1, 1).toordinal()
    end = datetime.date(2100, 12, 31).toordinal()
    spread = [datetime.date.fromordinal(rng.randint(start, end)) for _ in range(40)]
    return [*edges, *spread, *(datetime.date(2025, m, 15) for m in range(1, 13))]


@pytest.mark.parametrize("style", ALL_STYLES, ids=str)
def test_round_trip_for_every_style(style: DatelineStyle) -> None:
    dates: list[datetime.date | None] = [None, *_dates()]
    for place, date, sources in itertools.product(PLACES, dates, SOURCES):
        if date is None and not sources:
            # A bare place renders as a bare word, which no parser can tell
            # from any other short line; see test_a_place_alone_is_not_a_dateline.
            continue
        dateline = Dateline(place, date, sources)
        rendered = render_dateline(dateline, style)
        assert parse_dateline(rendered) == dateline, rendered


def test_a_place_alone_is_not_a_dateline() -> None:
    assert render_dateline(Dateline("طوكيو")) == "طوكيو"
    assert parse_dateline("طوكيو") is None


@pytest.mark.parametrize(
    ("inner", "sources"),
    [
        (" وكالة الأنباء الجزائرية ", ("وكالة الأنباء الجزائرية",)),
        ("الجزيرة/وكالات", ("الجزيرة", "وكالات")),
        ("الجزيرة ووكالات", ("الجزيرة", "وكالات")),
        ("واس، رويترز، أ ف ب", ("واس", "رويترز", "أ ف ب")),
        ("رويترز//", ("رويترز",)),
    ],
)
def test_parse_sources(inner: str, sources: tuple[str, ...]) -> None:
    assert parse_dateline(f"الرياض – 1 مايو 2025 ({inner})") == Dateline(
        "الرياض", datetime.date(2025, 5, 1), sources
    )
