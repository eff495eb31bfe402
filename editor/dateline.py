"""Datelines in the newsroom convention: ``PLACE – D MONTH YYYY (SRC1/SRC2)``.

Rendering follows the newsroom's month-name and digit settings; parsing accepts
whatever a journalist is likely to have typed, in any of the three month-name
families, so stored articles can be re-rendered in the house style.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from enum import StrEnum

from hijridate import Gregorian

from editor.arabic import normalize, to_eastern_digits

__all__ = [
    "DEFAULT_STYLE",
    "GREGORIAN_MONTHS",
    "HIJRI_MONTHS",
    "MAX_DATELINE_LENGTH",
    "Dateline",
    "DatelineStyle",
    "DigitStyle",
    "MonthStyle",
    "format_date",
    "format_hijri_date",
    "parse_dateline",
    "render_dateline",
]

EN_DASH = "\u2013"
HIJRI_SUFFIX = "هـ"
# Longer than any real dateline; a longer line is a paragraph that merely
# starts like one.
MAX_DATELINE_LENGTH = 120
# A place is a name, not a clause: "مدينة الكويت", "ريو دي جانيرو".
MAX_PLACE_WORDS = 5


class MonthStyle(StrEnum):
    """Which family of Gregorian month names the newsroom writes."""

    EGYPTIAN = "egyptian"
    LEVANTINE = "levantine"
    MAGHREBI = "maghrebi"


class DigitStyle(StrEnum):
    """Which digits the date part is written with."""

    WESTERN = "western"
    EASTERN = "eastern"


GREGORIAN_MONTHS: dict[MonthStyle, tuple[str, ...]] = {
    MonthStyle.EGYPTIAN: (
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ),
    MonthStyle.LEVANTINE: (
        "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
        "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
    ),
    MonthStyle.MAGHREBI: (
        "جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان",
        "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ),
}  # fmt: skip

# Umm al-Qura names as the Saudi calendar prints them (hijridate says ربيع الثاني).
HIJRI_MONTHS = (
    "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
    "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
)  # fmt: skip

# Spellings people type besides the three house tables: Moroccan names, older
# Egyptian forms and Levantine names without the article. Hamza and ta marbuta
# variants need no entry because lookup happens after ``normalize``.
_MONTH_VARIANTS: dict[str, int] = {
    "يوليوز": 7, "يونيه": 6, "يوليه": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11,
    "دجنبر": 12, "كانون ثاني": 1, "تشرين اول": 10, "تشرين ثاني": 11,
    "كانون اول": 12,
}  # fmt: skip

_WEEKDAYS = {
    normalize(day)
    for day in ("الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")
}


def _month_key(name: str) -> str:
    return " ".join(normalize(name).split())


def _build_month_lookup() -> dict[str, int]:
    lookup = {_month_key(k): v for k, v in _MONTH_VARIANTS.items()}
    for names in GREGORIAN_MONTHS.values():
        for number, name in enumerate(names, start=1):
            lookup[_month_key(name)] = number
    return lookup


_MONTH_LOOKUP = _build_month_lookup()


@dataclass(frozen=True)
class DatelineStyle:
    """The newsroom's dateline settings."""

    months: MonthStyle = MonthStyle.EGYPTIAN
    digits: DigitStyle = DigitStyle.WESTERN
    hijri: bool = False


DEFAULT_STYLE = DatelineStyle()


@dataclass(frozen=True)
class Dateline:
    """Where a story was filed, when, and which agencies it comes from."""

    place: str
    date: datetime.date | None = None
    sources: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to print."""
        return not self.place.strip() and self.date is None and not self.sources


def _digits(text: str, style: DatelineStyle) -> str:
    return to_eastern_digits(text) if style.digits is DigitStyle.EASTERN else text


def format_date(date: datetime.date, style: DatelineStyle = DEFAULT_STYLE) -> str:
    """The Gregorian date part, e.g. ``28 أكتوبر 2025``."""
    # Four-digit years so that parsing can insist on four digits and never read
    # a typed "25" as the year 25.
    month = GREGORIAN_MONTHS[style.months][date.month - 1]
    return _digits(f"{date.day} {month} {date.year:04d}", style)


def format_hijri_date(date: datetime.date, style: DatelineStyle = DEFAULT_STYLE) -> str | None:
    """The Umm al-Qura date, e.g. ``6 جمادى الأولى 1447 هـ``; None outside 1924–2077."""
    try:
        hijri = Gregorian(date.year, date.month, date.day).to_hijri()
    except OverflowError:
        # The Umm al-Qura tables stop there; a wrong Hijri date is worse than none.
        return None
    month = HIJRI_MONTHS[hijri.month - 1]
    return _digits(f"{hijri.day} {month} {hijri.year} {HIJRI_SUFFIX}", style)


def render_dateline(d: Dateline, style: DatelineStyle = DEFAULT_STYLE) -> str:
    """The dateline as printed; missing parts are left out with their punctuation."""
    when = ""
    if d.date is not None:
        when = format_date(d.date, style)
        hijri = format_hijri_date(d.date, style) if style.hijri else None
        if hijri:
            when = f"{when} / {hijri}"
    head = f" {EN_DASH} ".join(part for part in (d.place.strip(), when) if part)
    if not d.sources:
        return head
    sources = f"({'/'.join(d.sources)})"
    return f"{head} {sources}" if head else sources


# Hyphen, en dash, em dash and the tatweel some people type as a dash.
_DASHES = re.escape("-\u2013\u2014\u0640")
# Bidi controls, marks and the BOM that pasted text carries around a dateline.
_INVISIBLE_RE = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]")
_SOURCES_RE = re.compile(rf"\(([^()]*)\)\s*[:{_DASHES}.،]?\s*$")
_DATE_RE = re.compile(
    r"(?:(?P<weekday>[^\s\d()\-\u2013\u2014]+)\s+)?"
    r"(?<!\d)(?P<day>\d{1,2})\s+(?P<month>[^\d()/]+?)\s+(?P<year>\d{4})(?:\s*م\b)?"
    # The Hijri part render adds; its value follows from the Gregorian date.
    r"(?:\s*/\s*\d{1,2}\s+[^\d()/]+?\s+\d{1,4}(?:\s*[هھ]\u0640*)?)?"
    r"\s*$"
)
_TRAILING_DASH_RE = re.compile(r"\s*(?:[-\u2013\u2014]|(?<=\s)\u0640)$")
_PLACE_DASH_RE = re.compile(rf"(?P<place>.+?)\s*[{_DASHES}]\s*")
_NOT_IN_PLACE_RE = re.compile(r"[\d().!?؟:؛«»\"“”]|\s[\-\u2013\u2014]\s")
_SPLIT_SOURCES_RE = re.compile(r"[/،,+]")
# "رويترز وأ ف ب", "رويترز و أ ف ب": a و opening a later word is the conjunction.
# Only used when no other separator is present, so "(الجزيرة/وكالات)" stays as typed.
_SPLIT_WAW_RE = re.compile(r"\s+و\s*(?=\S)")
# Agencies whose own name starts with و: "(رويترز وفا)" is Reuters and WAFA,
# not "رويترز" and "فا"; "(الجزيرة ووكالات)" is still split.
_WAW_AGENCIES = frozenset({"وفا", "واس", "وام", "ونا"})
_WAW_AGENCY_RE = re.compile(r"\s+(?=(?:" + "|".join(sorted(_WAW_AGENCIES)) + r")(?:\s|$))")


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _parse_sources(inner: str) -> tuple[str, ...]:
    inner = inner.strip()
    parts = _SPLIT_SOURCES_RE.split(inner)
    if len(parts) == 1:
        parts = [
            piece
            for chunk in _WAW_AGENCY_RE.split(inner)
            for piece in (
                [chunk]
                if chunk.split()[:1] == [chunk.strip()] and chunk.strip() in _WAW_AGENCIES
                else _SPLIT_WAW_RE.split(chunk)
            )
        ]
    return tuple(source for source in (_collapse(p) for p in parts) if source)


def _is_place(text: str) -> bool:
    return len(text.split()) <= MAX_PLACE_WORDS and not _NOT_IN_PLACE_RE.search(text)


def _parse_date(match: re.Match[str]) -> datetime.date | None:
    month = _MONTH_LOOKUP.get(_month_key(match.group("month")))
    if month is None:
        return None
    try:
        return datetime.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def parse_dateline(line: str) -> Dateline | None:
    """Read a typed dateline back; None when ``line`` is not one."""
    text = _INVISIBLE_RE.sub("", line).strip()
    if not text or len(text) > MAX_DATELINE_LENGTH:
        return None
    sources: tuple[str, ...] = ()
    has_parentheses = False
    found = _SOURCES_RE.search(text)
    if found:
        has_parentheses = True
        sources = _parse_sources(found.group(1))
        text = text[: found.start()].strip()
    if "(" in text or ")" in text:
        return None

    place = text
    date: datetime.date | None = None
    date_match = _DATE_RE.search(text)
    if date_match:
        date = _parse_date(date_match)
        if date is None:
            return None
        weekday = date_match.group("weekday")
        # A word before the day that is not a weekday belongs to the place, which
        # then still needs its dash: "طوكيو 28 أكتوبر 2025" is a sentence fragment.
        starts_at = "weekday" if weekday and normalize(weekday) in _WEEKDAYS else "day"
        before = text[: date_match.start(starts_at)]
        if before.strip():
            dashed = _PLACE_DASH_RE.fullmatch(before)
            if dashed is None:
                return None
            place = dashed.group("place")
        else:
            place = ""
    elif not has_parentheses:
        return None
    else:
        # "طوكيو – (واس)": the date was left out but the dash was not. A tatweel
        # only counts as that dash after a space, since it can end a word.
        place = _TRAILING_DASH_RE.sub("", place)

    place = _collapse(place)
    if place and not _is_place(place):
        return None
    dateline = Dateline(place=place, date=date, sources=sources)
    return None if dateline.is_empty else dateline
