"""Turning an article page copied from the browser into article fields.

A journalist selects a story on the site, copies it and pastes or saves it as
text. What arrives is the section label, the headline, the dateline, the body
with its emoji-bulleted sub-headings, and then whatever the theme printed below
the story: "show more", related articles, the comment form, share buttons,
"back to top". This module keeps the story and drops the rest.
"""

from __future__ import annotations

import enum
import html
import itertools
import pathlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from editor.arabic import WORD_RE, neutralize_bidi, normalize
from editor.dateline import Dateline, parse_dateline
from editor.errors import PageTextError

__all__ = [
    "MAX_PAGE_BYTES",
    "ParsedPage",
    "decode_page_bytes",
    "parse_page_text",
    "read_page_text_file",
]

# A saved article page is tens of kilobytes; anything this large is not one,
# and reading it whole would stall the interface.
MAX_PAGE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class ParsedPage:
    """The article fields found in a copied page; ``body_html`` is <p>/<h2> only."""

    section: str | None
    headline: str
    dateline: Dateline | None
    body_html: str
    standfirst: str = ""


# --------------------------------------------------------------------------
# Reading the file
# --------------------------------------------------------------------------

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# More stray control characters than this and the file is not text, whatever
# the decoder managed to make of it.
_MAX_CONTROL_SHARE = 0.10
# cp1256 decodes every byte, so its result is only believed when it reads as
# Arabic; a Latin-1 file would otherwise come out as confident nonsense.
_MIN_ARABIC_SHARE = 0.5


_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LETTER = re.compile(r"[^\W\d_]")
# Category Cc is exactly these ranges; tab, line feed, vertical tab, form feed
# and carriage return are left out because text files use them.
_STRAY_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _mostly_arabic(text: str) -> bool:
    letters = _LETTER.findall(text)
    if not letters:
        return False
    arabic = sum(1 for c in letters if _ARABIC_LETTER.match(c))
    return arabic / len(letters) >= _MIN_ARABIC_SHARE


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    controls = sum(1 for _ in _STRAY_CONTROL.finditer(text))
    return controls > _MAX_CONTROL_SHARE * len(text)


def _has_visible_text(text: str) -> bool:
    # A BOM, a bidi mark or a zero-width space alone is still an empty file.
    return any(not c.isspace() and unicodedata.category(c) not in {"Cf", "Cc"} for c in text)


def _decode(data: bytes, label: str, details: dict[str, str]) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise PageTextError(
                    f"{label}the file says it is {codec.upper()} but is not valid {codec.upper()}.",
                    reason="encoding",
                    encoding=codec,
                    **details,
                ) from exc
    # Without a byte-order mark, NUL never occurs in UTF-8 or cp1256 text.
    if b"\x00" in data:
        raise PageTextError(
            f"{label}this is a binary file, not text copied from a page.",
            reason="binary",
            **details,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    fallback = data.decode("cp1256")
    if _mostly_arabic(fallback) and not _looks_binary(fallback):
        return fallback
    raise PageTextError(
        f"{label}the text is neither UTF-8 nor Windows Arabic (cp1256); save it again as UTF-8.",
        reason="encoding",
        **details,
    )


def decode_page_bytes(data: bytes, *, name: str = "") -> str:
    """Decode a saved page: UTF-8 (BOM optional), UTF-16/32 with BOM, else Windows Arabic.

    Raises PageTextError with ``reason`` "empty", "binary" or "encoding".
    """
    return _decode_page(data, f"{name}: " if name else "", {"path": name} if name else {})


def _decode_page(data: bytes, label: str, details: dict[str, str]) -> str:
    if not data.strip():
        raise PageTextError(f"{label}the file is empty.", reason="empty", **details)

    text = _decode(data, label, details)
    if _looks_binary(text):
        raise PageTextError(
            f"{label}this is a binary file, not text copied from a page.",
            reason="binary",
            **details,
        )
    if not _has_visible_text(text):
        raise PageTextError(f"{label}the file is empty.", reason="empty", **details)
    return text


def read_page_text_file(path: pathlib.Path) -> str:
    """The text of a page a journalist saved from the browser.

    Raises PageTextError with ``reason`` "empty", "binary", "encoding",
    "too_large" (over MAX_PAGE_BYTES) or "unreadable".
    """
    limit_mb = MAX_PAGE_BYTES // (1024 * 1024)
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise PageTextError(
                f"{path.name}: the file is {size:,} bytes, more than the {limit_mb} MB "
                "a copied article page can be.",
                reason="too_large",
                path=str(path),
                size=size,
                limit=MAX_PAGE_BYTES,
            )
        with path.open("rb") as handle:
            # Read one byte past the limit: stat lies for pipes and special files.
            data = handle.read(MAX_PAGE_BYTES + 1)
    except OSError as exc:
        raise PageTextError(
            f"{path.name}: the file cannot be read ({exc.strerror or exc}).",
            reason="unreadable",
            path=str(path),
        ) from exc
    if len(data) > MAX_PAGE_BYTES:
        raise PageTextError(
            f"{path.name}: the file is larger than {limit_mb} MB; "
            "a copied article page is much smaller.",
            reason="too_large",
            path=str(path),
            limit=MAX_PAGE_BYTES,
        )
    return _decode_page(data, f"{path.name}: ", {"path": str(path)})


# --------------------------------------------------------------------------
# Cleaning lines
# --------------------------------------------------------------------------

_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Zero-width space, soft hyphen, word joiner and stray BOMs come along with
# copied web text and only get in the way of matching; ZWJ/ZWNJ stay because
# emoji sequences and Persian/Urdu spellings need them.
_INVISIBLE = re.compile("[\u200b\u00ad\u2060\ufeff\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")


def _clean_lines(text: str) -> list[str]:
    text = _LINE_BREAKS.sub("\n", text)
    text = neutralize_bidi(text)
    lines: list[str] = []
    for raw in text.split("\n"):
        line = _SPACES.sub(" ", _INVISIBLE.sub("", raw)).strip()
        if line:
            lines.append(line)
    return lines


# --------------------------------------------------------------------------
# Bullets
# --------------------------------------------------------------------------

# Marks that open a sub-heading even without a space after them.
_BULLETS = frozenset(
    "🔹🔸🔷🔶◾◽▪▫◼◻■□●○◉◆◇♦♢•‣⁃∙⦿⬅⬆⬇⬛⬜⭐⭕✅✔✓☑✳✴❇❖➖➕➡➤➜➔►▶◀◄▸▹◂◃★☆✦✧"
    "🔴🟠🟡🟢🔵🟣🟤⚫⚪🟥🟧🟨🟩🟦🟪🟫🔺🔻📌📍"
)
# Unicode's symbol blocks: a single emoji from these followed by a space is a
# bullet too, whatever the site chose.
_SYMBOL_BLOCKS: tuple[tuple[int, int], ...] = (
    (0x2190, 0x21FF),  # Arrows
    (0x2300, 0x23FF),  # Miscellaneous Technical (⌛ ⏰)
    (0x25A0, 0x25FF),  # Geometric Shapes
    (0x2600, 0x26FF),  # Miscellaneous Symbols
    (0x2700, 0x27BF),  # Dingbats
    (0x2B00, 0x2BFF),  # Miscellaneous Symbols and Arrows
    (0x1F300, 0x1F5FF),  # Miscellaneous Symbols and Pictographs
    (0x1F600, 0x1F64F),  # Emoticons
    (0x1F680, 0x1F6FF),  # Transport and Map Symbols
    (0x1F780, 0x1F7FF),  # Geometric Shapes Extended
    (0x1F900, 0x1F9FF),  # Supplemental Symbols and Pictographs
    (0x1FA70, 0x1FAFF),  # Symbols and Pictographs Extended-A
)
_EMOJI_TAIL = frozenset("\ufe0e\ufe0f\u20e3")
_SKIN_TONES = range(0x1F3FB, 0x1F400)
_ZWJ = "\u200d"


def _in_symbol_block(char: str) -> bool:
    code = ord(char)
    # Nearly every line starts with a letter, far below the first block.
    if code < _SYMBOL_BLOCKS[0][0]:
        return False
    return any(start <= code <= end for start, end in _SYMBOL_BLOCKS)


def _emoji_end(line: str, start: int) -> int:
    """Index just past the emoji sequence (variation selectors, skin tone, ZWJ) at ``start``."""
    i = start + 1
    while i < len(line):
        char = line[i]
        if char in _EMOJI_TAIL or ord(char) in _SKIN_TONES:
            i += 1
        elif char == _ZWJ and i + 1 < len(line) and _in_symbol_block(line[i + 1]):
            i += 2
        else:
            break
    return i


def _strip_bullet(line: str) -> str | None:
    """The text after a leading bullet, or None when the line has none."""
    i = 0
    explicit = False
    # "🔹🔹 عنوان" and "• • عنوان" happen; every mark is taken away.
    while i < len(line):
        char = line[i]
        if char in _BULLETS:
            explicit = True
        elif not _in_symbol_block(char):
            break
        i = _emoji_end(line, i)
        while i < len(line) and line[i] == " ":
            i += 1
    if i == 0:
        return None
    if not explicit and line[i - 1] != " ":
        # A pictograph stuck to a word is decoration, not a bullet.
        return None
    return line[i:].strip()


# --------------------------------------------------------------------------
# Site chrome
# --------------------------------------------------------------------------


class _Chrome(enum.Enum):
    NONE = "none"
    # Share buttons and the like: dropped line by line.
    LIGHT = "light"
    # Related articles, the comment form, back to top: the story is over.
    HARD = "hard"
    # "اقرأ أيضا": the linked headlines under it go too.
    READ_ALSO = "read_also"
    # "الوسوم": the tag names under it go too.
    TAGS = "tags"


class _KeyTable(dict[int, str | None]):
    """str.translate table that fills itself in: punctuation and symbols become
    spaces, invisible controls vanish, everything else stays."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        category = unicodedata.category(char)[0]
        value: str | None = char
        if category in "PSZ" or char.isspace():
            value = " "
        elif category == "C":
            # Marks such as LRM would make two equal-looking lines differ.
            value = None
        self[code] = value
        return value


_KEY_TABLE = _KeyTable()
# No chrome line is longer than this; a longer line is only checked for the
# comment-form sentences that may open it, and only its start is compared
# because normalising every long paragraph in full would be wasted work.
_MAX_CHROME_CHARS = 120
_PREFIX_CHARS = 80


def _chrome_key(line: str) -> str:
    """Comparison form: normalised, lower case, punctuation and symbols gone."""
    return " ".join(normalize(line).translate(_KEY_TABLE).split())


def _keys(*phrases: str) -> frozenset[str]:
    return frozenset(_chrome_key(p) for p in phrases)


_HARD_LINES = _keys(
    "مقالات ذات صلة",
    "أخبار ذات صلة",
    "مواضيع ذات صلة",
    "مقالات مشابهة",
    "أخبار مشابهة",
    "ذات صلة",
    "قد يعجبك أيضا",
    "قد يهمك أيضا",
    "اترك تعليقاً",
    "اترك رداً",
    "أضف تعليق",
    "أضف تعليقاً",
    "أضف تعليقك",
    "التعليقات",
    "زر الذهاب إلى الأعلى",
    "الذهاب إلى الأعلى",
    "العودة إلى الأعلى",
    "العودة للأعلى",
    "إلى الأعلى",
    "Related Articles",
    "Related Posts",
    "Related",
    "You may also like",
    "Leave a Reply",
    "Leave a comment",
    "Back to top button",
    "Back to top",
)
# Long sentences of the comment form; the site may word the end differently.
_HARD_PREFIXES = _keys(
    "لن يتم نشر عنوان بريدك الإلكتروني",
    "الحقول الإلزامية مشار إليها",
    "الحقول المطلوبة مشار إليها",
    "يجب أن تكون مسجل الدخول لتضيف تعليقاً",
    "Your email address will not be published",
    "Required fields are marked",
    "You must be logged in to post a comment",
    "احفظ اسمي، بريدي الإلكتروني",
    "Save my name, email",
)
_LIGHT_LINES = _keys(
    "اظهر المزيد",
    "عرض المزيد",
    "تحميل المزيد",
    "المزيد",
    "اقرأ المزيد",
    "شارك",
    "مشاركة",
    "شارك المقال",
    "شارك الخبر",
    "شارك هذا المقال",
    "شارك عبر",
    "فيسبوك",
    "فيس بوك",
    "تويتر",
    "إكس",
    "واتساب",
    "واتس اب",
    "تيليجرام",
    "تيليغرام",
    "تلغرام",
    "تلجرام",
    "لينكدإن",
    "لينكد إن",
    "بينتيريست",
    "ريديت",
    "ماسنجر",
    "فيسبوك ماسنجر",
    "البريد الإلكتروني",
    "نسخ الرابط",
    "طباعة",
    "إرسال التعليق",
    "أرسل التعليق",
    "نشر التعليق",
    "الاسم *",
    "البريد الإلكتروني *",
    "التعليق *",
    "التعليق",
    "الموقع",
    "الموقع الإلكتروني",
    "Share",
    "Share this",
    "Facebook",
    "Twitter",
    "X",
    "WhatsApp",
    "Telegram",
    "LinkedIn",
    "Pinterest",
    "Reddit",
    "Messenger",
    "Tumblr",
    "Email",
    "Print",
    "Copy link",
    "Show more",
    "Load more",
    "Post Comment",
    "Name *",
    "Email *",
    "Website",
)
_READ_ALSO = _keys("اقرأ أيضا", "إقرأ أيضاً", "اقرأ كذلك", "شاهد أيضا", "Read also", "See also")
_TAG_LABELS = _keys("الوسوم", "وسوم", "كلمات مفتاحية", "الكلمات المفتاحية", "Tags")
# A row of share buttons copied onto one line: every word is a network name.
_SHARE_WORDS = _keys(
    "شارك",
    "مشاركة",
    "فيسبوك",
    "تويتر",
    "واتساب",
    "تيليجرام",
    "تيليغرام",
    "تلغرام",
    "لينكدإن",
    "بينتيريست",
    "ريديت",
    "ماسنجر",
    "طباعة",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "pinterest",
    "reddit",
    "messenger",
    "tumblr",
    "email",
    "print",
    "share",
)


def _prefix_pattern(phrases: frozenset[str]) -> re.Pattern[str]:
    """Matches a key that is one of ``phrases`` or starts with one and a space."""
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(f"(?:{alternatives})(?: |$)")


_HARD_PREFIX_RE = _prefix_pattern(_HARD_PREFIXES)
_READ_ALSO_PREFIX_RE = _prefix_pattern(_READ_ALSO)
_TAG_LABEL_PREFIX_RE = _prefix_pattern(_TAG_LABELS)


def _classify(line: str) -> _Chrome:
    if len(line) > _MAX_CHROME_CHARS:
        start = _chrome_key(line[:_PREFIX_CHARS])
        return _Chrome.HARD if _HARD_PREFIX_RE.match(start) else _Chrome.NONE
    key = _chrome_key(line)
    if not key:
        # Only punctuation or symbols: a separator or an icon row.
        return _Chrome.LIGHT if _strip_bullet(line) is None else _Chrome.NONE
    if key in _HARD_LINES or _HARD_PREFIX_RE.match(key):
        return _Chrome.HARD
    if key in _LIGHT_LINES:
        return _Chrome.LIGHT
    if key in _READ_ALSO:
        return _Chrome.READ_ALSO
    if key in _TAG_LABELS:
        return _Chrome.TAGS
    # "اقرأ أيضا: <headline>" and "الوسوم: الصين، اليابان" on one line; no story
    # sentence opens with these words.
    if _READ_ALSO_PREFIX_RE.match(key):
        return _Chrome.LIGHT
    if _TAG_LABEL_PREFIX_RE.match(key) and ":" in line:
        # "الكلمات المفتاحية التي…" can open a sentence; with a colon it is the label.
        return _Chrome.LIGHT
    tokens = key.split()
    if len(tokens) >= 2 and all(t in _SHARE_WORDS for t in tokens):
        return _Chrome.LIGHT
    return _Chrome.NONE


# --------------------------------------------------------------------------
# Line shapes
# --------------------------------------------------------------------------

_MAX_LABEL_WORDS = 4
_MAX_HEADLINE_WORDS = 40
# Punctuation that makes a line a sentence rather than a section label.
_SENTENCE_PUNCTUATION = re.compile(r"[.!?؟،,:;؛…\"“”«»()\[\]]")
# A headline rarely ends with a full stop, a body paragraph nearly always does.
_SENTENCE_END = re.compile(r"[.:،,;؛][\s\"'”»)\]]*$")
_ELLIPSIS_END = re.compile(r"(\.\.\.|…)[\s\"'”»)\]]*$")


def _word_count(line: str, stop: int) -> int:
    """Words in ``line``, counting no further than ``stop`` (lines can be huge)."""
    return sum(1 for _ in itertools.islice(WORD_RE.finditer(line), stop))


def _is_label(line: str) -> bool:
    return (
        1 <= _word_count(line, _MAX_LABEL_WORDS + 1) <= _MAX_LABEL_WORDS
        and not _SENTENCE_PUNCTUATION.search(line)
        and _strip_bullet(line) is None
        and parse_dateline(line) is None
    )


def _is_substantial(line: str) -> bool:
    return _word_count(line, 2) >= 2


def _ends_like_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line)) and not _ELLIPSIS_END.search(line)


def _is_headline_like(line: str) -> bool:
    return (
        _is_substantial(line)
        and _word_count(line, _MAX_HEADLINE_WORDS + 1) <= _MAX_HEADLINE_WORDS
        and not _ends_like_sentence(line)
        and parse_dateline(line) is None
    )


# Where a dateline written at the start of the first paragraph can end: after
# its closing parenthesis or after the year.
_INLINE_DATELINE_END = re.compile(r"\)|(?<![0-9٠-٩])[0-9٠-٩]{4}(?![0-9٠-٩])")
_LEADING_SEPARATORS = " -\u2013\u2014:،,."


def _dateline_at(line: str) -> tuple[Dateline, str] | None:
    """The dateline opening ``line`` and the text after it ("" when that is all)."""
    whole = parse_dateline(line)
    if whole is not None:
        return whole, ""
    ends = [m.end() for m in _INLINE_DATELINE_END.finditer(line, 0, 160)]
    # Longest prefix first so the sources in parentheses stay with the dateline.
    for end in reversed(ends):
        rest = line[end:].lstrip(_LEADING_SEPARATORS).strip()
        if not rest:
            continue
        found = parse_dateline(line[:end])
        # A bare "القاهرة –" opens many sentences and "(فيديو)" many headlines;
        # a date, or a place with its sources, makes it a dateline.
        if found is not None and (found.date is not None or (found.place and found.sources)):
            return found, rest
    return None


# --------------------------------------------------------------------------
# Layout
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    headline: str
    standfirst: str
    dateline: Dateline | None
    blocks: tuple[tuple[str, str], ...]

    @property
    def has_paragraph(self) -> bool:
        return any(tag == "p" for tag, _ in self.blocks)


def _body_blocks(lines: Sequence[str], first_text: str) -> tuple[tuple[str, str], ...]:
    blocks: list[tuple[str, str]] = []
    if first_text:
        blocks.append(("p", first_text))
    i = 0
    while i < len(lines):
        line = lines[i]
        kind = _classify(line)
        i += 1
        if kind is _Chrome.HARD:
            # Related headlines and the comment form follow; none of it is story.
            break
        if kind is _Chrome.READ_ALSO:
            while i < len(lines) and _classify(lines[i]) is _Chrome.NONE:
                if not _is_headline_like(lines[i]) or _strip_bullet(lines[i]) is not None:
                    break
                i += 1
            continue
        if kind is _Chrome.TAGS:
            while i < len(lines) and _classify(lines[i]) is _Chrome.NONE and _is_label(lines[i]):
                i += 1
            continue
        if kind is not _Chrome.NONE:
            continue
        heading = _strip_bullet(line)
        if heading is None:
            blocks.append(("p", line))
        elif heading:
            blocks.append(("h2", heading))
    return tuple(blocks)


def _layout(lines: Sequence[str], start: int) -> _Layout | None:
    """Headline, standfirst, dateline and body when the story starts at ``start``."""
    h = start
    while h < len(lines) and not _is_substantial(lines[h]):
        h += 1
    if h >= len(lines) or _dateline_at(lines[h]) is not None:
        return None
    headline = _strip_bullet(lines[h]) or lines[h]

    i = h + 1
    standfirst = ""
    dateline: Dateline | None = None
    first_text = ""
    found = _dateline_at(lines[i]) if i < len(lines) else None
    if found is None and i + 1 < len(lines) and _is_standfirst(lines[i]):
        # A subtitle between headline and dateline is the standfirst.
        found = _dateline_at(lines[i + 1])
        if found is not None:
            standfirst = lines[i]
            i += 1
    if found is not None:
        dateline, first_text = found
        i += 1
    return _Layout(
        headline=headline,
        standfirst=standfirst,
        dateline=dateline,
        blocks=_body_blocks(lines[i:], first_text),
    )


def _is_standfirst(line: str) -> bool:
    return _classify(line) is _Chrome.NONE and _strip_bullet(line) is None


# "الرئيسية » دولي": the last step of a breadcrumb is the section.
_BREADCRUMB_SEPARATOR = re.compile(r"\s+[/»›>|«‹<\\]\s+")


def _section_label(line: str) -> str | None:
    """The section a first line names, or None when it is not a label."""
    steps = _BREADCRUMB_SEPARATOR.split(line)
    if len(steps) > 1 and all(_is_label(step) for step in steps):
        return steps[-1]
    return line if _is_label(line) else None


def _choose_layout(lines: Sequence[str]) -> tuple[str | None, _Layout | None]:
    first = lines[0]
    label = _section_label(first)
    if label is not None and len(lines) > 1 and _dateline_at(lines[1]) is None:
        # One word or a breadcrumb cannot be a headline, so it can only be the
        # label; a few words could be either, and the next line decides.
        certain = label != first or not _is_substantial(first)
        if certain or _is_headline_like(lines[1]):
            with_section = _layout(lines, 1)
            if with_section is not None and with_section.has_paragraph:
                return label, with_section
    return None, _layout(lines, 0)


def _render(blocks: Sequence[tuple[str, str]]) -> str:
    return "".join(f"<{tag}>{html.escape(text, quote=False)}</{tag}>" for tag, text in blocks)


def parse_page_text(text: str) -> ParsedPage:
    """Section, headline, dateline and body of a copied article page.

    Raises PageTextError with ``reason`` "empty" for blank text and
    "not_article" when no headline with at least one body paragraph remains.
    """
    lines = _clean_lines(text)
    if not lines:
        raise PageTextError("The page text is empty.", reason="empty")
    # Chrome above the story (a share bar, "show more") is never its headline.
    start = 0
    while start < len(lines) and _classify(lines[start]) is not _Chrome.NONE:
        start += 1
    lines = lines[start:]
    if not lines:
        raise PageTextError(
            "The page text holds only site navigation, no article.", reason="not_article"
        )
    section, layout = _choose_layout(lines)
    if layout is None:
        raise PageTextError("No headline was found in the page text.", reason="not_article")
    if not layout.has_paragraph:
        raise PageTextError(
            "The page text has a headline but no body paragraph.",
            reason="not_article",
            headline=layout.headline,
        )
    return ParsedPage(
        section=section,
        headline=layout.headline,
        dateline=layout.dateline,
        body_html=_render(layout.blocks),
        standfirst=layout.standfirst,
    )
