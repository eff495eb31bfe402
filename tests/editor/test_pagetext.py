"""A copied article page becomes article fields; the site's chrome is left behind."""

from __future__ import annotations

import datetime
import hashlib
import html
import re
from pathlib import Path

import pytest

from editor.dateline import Dateline
from editor.errors import PageTextError
from editor.pagetext import (
    MAX_PAGE_BYTES,
    ParsedPage,
    decode_page_bytes,
    parse_page_text,
    read_page_text_file,
)

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "pages" / "000_tokyo_rare_earths.txt"
# The page as it was copied from the site (shared/seeds/000_11b148f529dcde72.txt);
# the repository keeps a byte-identical copy so the tests do not depend on the
# shared folder, and this digest proves the copy was not edited.
SEED_SHA256 = "49ccb154f00328c89f1c0718bda82bc5caa04ac8e7fbc691229ce1d717f4eda4"

SECTION = "دولي"
HEADLINE = (
    "واشنطن وطوكيو توقعان اتفاقية لتأمين المعادن النادرة وتتعهدان بإطلاق "
    "“عصر ذهبي جديد” في العلاقات"
)
DATELINE_LINE = "طوكيو – 28 أكتوبر 2025 (فرانس24/أوراس)"
SUBHEADINGS = [
    "اتفاق استراتيجي ضد الهيمنة الصينية",
    "“عصر ذهبي جديد”",
    "لقاء إنساني ورسائل سياسية",
]
FIRST_PARAGRAPH = (
    "في محطة وُصفت بأنها الأكثر رمزية في الجولة الآسيوية للرئيس الأمريكي دونالد ترامب، "
    "وقعت الولايات المتحدة واليابان، الثلاثاء، اتفاقية إطارية جديدة لتأمين إمدادات المعادن "
    "النادرة، في خطوة تهدف إلى تقليص الاعتماد على الصين، وتعزيز الشراكة الاقتصادية والأمنية "
    "بين الحليفين."
)
LAST_PARAGRAPH = (
    "وتُعد طوكيو ثاني محطة في الجولة الآسيوية الحالية لترامب، التي استهلها في ماليزيا، على "
    "أن يختتمها في كوريا الجنوبية حيث يُتوقّع أن يجتمع الخميس مع الرئيس الصيني شي جينبينغ، "
    "في قمة مرتقبة تهدف إلى إنهاء الحرب التجارية بين البلدين."
)
CHROME = [
    "اظهر المزيد",
    "مقالات ذات صلة",
    "اترك تعليقاً",
    "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
    "زر الذهاب إلى الأعلى",
]
TOKYO = Dateline(place="طوكيو", date=datetime.date(2025, 10, 28), sources=("فرانس24", "أوراس"))


def seed_text() -> str:
    return SEED.read_text("utf-8")


def blocks(page: ParsedPage) -> list[tuple[str, str]]:
    """(tag, plain text) of each block of the body."""
    found = re.findall(r"<(p|h2)>(.*?)</\1>", page.body_html, flags=re.S)
    return [(tag, html.unescape(text)) for tag, text in found]


def paragraphs(page: ParsedPage) -> list[str]:
    return [text for tag, text in blocks(page) if tag == "p"]


def headings(page: ParsedPage) -> list[str]:
    return [text for tag, text in blocks(page) if tag == "h2"]


def assert_no_chrome(page: ParsedPage) -> None:
    for _, text in blocks(page):
        for chrome in (*CHROME, "أظهر المزيد", "اترك تعليقا", "شارك", "فيسبوك", "تويتر"):
            assert text.strip() != chrome
        assert "بريدك الإلكتروني" not in text
        assert "الذهاب إلى الأعلى" not in text


def without_line(text: str, line: str) -> str:
    assert line in text
    return text.replace(line + "\n", "", 1)


# --------------------------------------------------------------------------
# The real page
# --------------------------------------------------------------------------


def test_repository_copy_is_the_page_as_copied() -> None:
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SEED_SHA256


def test_seed_page_fields() -> None:
    page = parse_page_text(read_page_text_file(SEED))
    assert page.section == SECTION
    assert page.headline == HEADLINE
    assert page.dateline == TOKYO
    assert page.standfirst == ""
    assert headings(page) == SUBHEADINGS
    assert paragraphs(page)[0] == FIRST_PARAGRAPH
    assert paragraphs(page)[-1] == LAST_PARAGRAPH
    assert_no_chrome(page)


def test_seed_body_structure() -> None:
    page = parse_page_text(seed_text())
    tags = [tag for tag, _ in blocks(page)]
    # Every non-empty body line is its own block, in order.
    assert tags == ["p"] * 3 + ["h2"] + ["p"] * 3 + ["h2"] + ["p"] * 4 + ["h2"] + ["p"] * 3
    assert page.body_html.startswith("<p>في محطة")
    assert page.body_html.endswith("بين البلدين.</p>")
    assert "🔹" not in page.body_html
    assert DATELINE_LINE not in page.body_html
    assert HEADLINE not in page.body_html


def test_read_seed_file_returns_its_text() -> None:
    assert read_page_text_file(SEED) == seed_text()


# --------------------------------------------------------------------------
# Variants of the real page
# --------------------------------------------------------------------------


def test_without_dateline() -> None:
    page = parse_page_text(without_line(seed_text(), DATELINE_LINE))
    assert page.dateline is None
    assert page.section == SECTION
    assert page.headline == HEADLINE
    assert paragraphs(page)[0] == FIRST_PARAGRAPH


def test_without_section_label() -> None:
    text = seed_text()
    assert text.startswith(SECTION + "\n")
    page = parse_page_text(text[len(SECTION) + 1 :])
    assert page.section is None
    assert page.headline == HEADLINE
    assert page.dateline == TOKYO


def test_without_section_and_dateline() -> None:
    text = without_line(seed_text(), DATELINE_LINE)[len(SECTION) + 1 :]
    page = parse_page_text(text)
    assert (page.section, page.headline, page.dateline) == (None, HEADLINE, None)
    assert paragraphs(page)[0] == FIRST_PARAGRAPH


def test_several_sources() -> None:
    text = seed_text().replace(DATELINE_LINE, "طوكيو – 28 أكتوبر 2025 (فرانس24/رويترز/أوراس)")
    page = parse_page_text(text)
    assert page.dateline == Dateline(
        "طوكيو", datetime.date(2025, 10, 28), ("فرانس24", "رويترز", "أوراس")
    )


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_ends(newline: str) -> None:
    page = parse_page_text(seed_text().replace("\n", newline))
    assert page == parse_page_text(seed_text())
    assert "\r" not in page.body_html


def test_extra_blank_lines_and_spaces() -> None:
    lines = seed_text().split("\n")
    text = "\n\n  \n" + "\n \t\n\n".join("  " + line + "\u00a0 " for line in lines) + "\n\n\n"
    assert parse_page_text(text) == parse_page_text(seed_text())


def test_no_blank_lines_at_all() -> None:
    text = "\n".join(line for line in seed_text().split("\n") if line.strip())
    assert parse_page_text(text) == parse_page_text(seed_text())


@pytest.mark.parametrize("bullet", ["🔸", "◾", "▪️", "•", "🔷", "✅", "⬅️", "📌", "⚽"])
def test_other_bullets_make_subheadings(bullet: str) -> None:
    page = parse_page_text(seed_text().replace("🔹 ", bullet + " "))
    assert headings(page) == SUBHEADINGS


def test_bullet_without_space_after_a_bullet_mark() -> None:
    page = parse_page_text(seed_text().replace("🔹 ", "🔸"))
    assert headings(page) == SUBHEADINGS


def test_chrome_in_another_order_with_share_buttons_between_paragraphs() -> None:
    text = seed_text()
    body, _, _ = text.partition("اظهر المزيد")
    share = "\nشارك\nفيسبوك\nتويتر\nواتساب\nتيليجرام\nطباعة\n"
    # Share bars turn up between paragraphs (a floating bar) and after the story.
    body = body.replace("مهامها.\n", "مهامها.\n" + share, 1)
    tail = (
        share
        + "الوسوم\nالصين\nاليابان\nترامب\n"
        + "Facebook Twitter WhatsApp\n"
        + "أظهر المزيد\n"
        + "زر الذهاب إلى الأعلى\n"
        + "أضف تعليق\n"
        + "اترك تعليقا\n"
        + "الحقول الإلزامية مشار إليها بـ *\n"
        + "مقالات ذات صلة\n"
        + "الصين تفرض قيودا جديدة على تصدير الغاليوم\n"
        + "ترامب يصل إلى كوريا الجنوبية في ختام جولته الآسيوية\n"
    )
    page = parse_page_text(body + tail)
    assert headings(page) == SUBHEADINGS
    assert paragraphs(page) == paragraphs(parse_page_text(seed_text()))
    assert_no_chrome(page)
    assert "الغاليوم" not in page.body_html
    assert "الوسوم" not in page.body_html


def test_everything_after_related_articles_is_chrome() -> None:
    text = seed_text().replace(
        "مقالات ذات صلة\n",
        "مقالات ذات صلة\nاليابان تخصص 10 مليارات دولار لتطوير مناجم جديدة.\n"
        "الصين ترد على القيود الأمريكية.\n",
    )
    page = parse_page_text(text)
    assert paragraphs(page)[-1] == LAST_PARAGRAPH


def test_chrome_words_inside_a_sentence_are_kept() -> None:
    sentence = "شارك في الاجتماع وزراء الخارجية والدفاع، وتناولوا الأمن البحري في المنطقة."
    text = seed_text().replace("مهامها.\n", "مهامها.\n" + sentence + "\nشارك\n", 1)
    page = parse_page_text(text)
    assert sentence in paragraphs(page)
    assert "شارك" not in paragraphs(page)


def test_read_also_link_inside_the_story_is_dropped() -> None:
    text = seed_text().replace(
        "مهامها.\n",
        "مهامها.\nاقرأ أيضاً\nالصين تفرض قيوداً جديدة على تصدير المعادن النادرة\n"
        "اقرأ أيضا: من هي ساناي تاكايشي؟\n",
        1,
    )
    page = parse_page_text(text)
    assert paragraphs(page) == paragraphs(parse_page_text(seed_text()))


def test_only_trailing_chrome_no_section() -> None:
    text = seed_text()[len(SECTION) + 1 :]
    text = text.replace("اترك تعليقاً", "اترك تعليقا")
    page = parse_page_text(text)
    assert_no_chrome(page)
    assert paragraphs(page)[-1] == LAST_PARAGRAPH


def test_dateline_at_the_start_of_the_first_paragraph() -> None:
    text = seed_text().replace(DATELINE_LINE + "\n", DATELINE_LINE + " – ", 1)
    page = parse_page_text(text)
    assert page.dateline == TOKYO
    assert paragraphs(page)[0] == FIRST_PARAGRAPH


def test_dateline_as_first_body_line_after_a_blank_line() -> None:
    text = seed_text().replace(DATELINE_LINE + "\n", "\n" + DATELINE_LINE + "\n\n", 1)
    page = parse_page_text(text)
    assert page.dateline == TOKYO
    assert paragraphs(page)[0] == FIRST_PARAGRAPH


def test_subtitle_between_headline_and_dateline_is_the_standfirst() -> None:
    standfirst = "الاتفاق يستهدف تقليص الاعتماد على الصين في المعادن الحيوية"
    text = seed_text().replace(DATELINE_LINE, standfirst + "\n" + DATELINE_LINE, 1)
    page = parse_page_text(text)
    assert page.standfirst == standfirst
    assert page.dateline == TOKYO
    assert page.headline == HEADLINE
    assert standfirst not in page.body_html


def test_bidi_overrides_in_headline_are_removed() -> None:
    text = seed_text().replace(HEADLINE, "\u202e" + HEADLINE + "\u202c\u2067", 1)
    text = text.replace("الثلاثاء،", "\u202dالثلاثاء\u202c،", 1)
    page = parse_page_text(text)
    assert page.headline == HEADLINE
    assert paragraphs(page)[0] == FIRST_PARAGRAPH
    for control in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        assert control not in page.body_html


def test_body_text_is_escaped() -> None:
    text = seed_text().replace(
        "مهامها.\n", "مهامها.\nكتب أحدهم <script>alert(1)</script> & غادر.\n", 1
    )
    page = parse_page_text(text)
    assert "<script>" not in page.body_html
    assert "<p>كتب أحدهم &lt;script&gt;alert(1)&lt;/script&gt; &amp; غادر.</p>" in page.body_html


# --------------------------------------------------------------------------
# Short articles of our own
# --------------------------------------------------------------------------

SPORTS = """رياضة
الوداد يتأهل إلى نصف نهائي الكأس بعد فوز صعب

الرباط – ١٢ مارس ٢٠٢٥ (أوراس)
تأهل الفريق إلى الدور نصف النهائي بعد فوزه بهدف نظيف في مباراة شهدت حضورا جماهيريا كبيرا.
🔸 أداء دفاعي لافت
وحافظ الحارس على نظافة شباكه للمباراة الخامسة على التوالي.
شارك
واتساب
اترك تعليقاً
"""


def test_short_sports_story_with_eastern_digits() -> None:
    page = parse_page_text(SPORTS)
    assert page.section == "رياضة"
    assert page.headline == "الوداد يتأهل إلى نصف نهائي الكأس بعد فوز صعب"
    assert page.dateline == Dateline("الرباط", datetime.date(2025, 3, 12), ("أوراس",))
    assert blocks(page) == [
        (
            "p",
            "تأهل الفريق إلى الدور نصف النهائي بعد فوزه بهدف نظيف في مباراة شهدت "
            "حضورا جماهيريا كبيرا.",
        ),
        ("h2", "أداء دفاعي لافت"),
        ("p", "وحافظ الحارس على نظافة شباكه للمباراة الخامسة على التوالي."),
    ]


def test_short_headline_without_section_is_not_mistaken_for_a_label() -> None:
    text = (
        "زلزال يضرب جنوب البلاد\n"
        "ضرب زلزال بقوة 5.8 درجات مناطق في الجنوب فجر اليوم دون تسجيل إصابات.\n"
        "وقالت هيئة الرصد إن الهزة شعر بها سكان عدة مدن.\n"
    )
    page = parse_page_text(text)
    assert page.section is None
    assert page.headline == "زلزال يضرب جنوب البلاد"
    assert len(paragraphs(page)) == 2


def test_short_headline_followed_by_dateline_is_the_headline() -> None:
    text = "افتتاح معرض الكتاب\nبيروت – 3 ديسمبر 2025 (أوراس)\nافتتح معرض الكتاب أبوابه اليوم.\n"
    page = parse_page_text(text)
    assert page.section is None
    assert page.headline == "افتتاح معرض الكتاب"
    assert page.dateline == Dateline("بيروت", datetime.date(2025, 12, 3), ("أوراس",))


def test_levantine_months_and_two_sources() -> None:
    text = (
        "اقتصاد\n"
        "المصرف المركزي يبقي أسعار الفائدة دون تغيير\n"
        "عمّان – 5 تشرين الأول 2025 (بترا/أوراس)\n"
        "أبقى المصرف المركزي أسعار الفائدة دون تغيير للمرة الثالثة.\n"
    )
    page = parse_page_text(text)
    assert page.section == "اقتصاد"
    assert page.dateline == Dateline("عمّان", datetime.date(2025, 10, 5), ("بترا", "أوراس"))


def test_headline_with_a_label_in_parentheses_is_not_a_dateline() -> None:
    text = "(فيديو) لحظة انهيار جسر قديم في المدينة\nانهار جسر قديم صباح اليوم دون إصابات.\n"
    page = parse_page_text(text)
    assert page.headline == "(فيديو) لحظة انهيار جسر قديم في المدينة"
    assert page.dateline is None


def test_chrome_is_never_the_headline() -> None:
    text = "شارك\nفيسبوك\nاترك تعليقاً\nتحذيرات من موجة حر جديدة\nتتوقع الأرصاد ارتفاع الحرارة.\n"
    page = parse_page_text(text)
    assert page.headline == "تحذيرات من موجة حر جديدة"
    assert paragraphs(page) == ["تتوقع الأرصاد ارتفاع الحرارة."]


def test_breadcrumb_names_the_section() -> None:
    text = "الرئيسية » دولي » آسيا\n" + seed_text()[len(SECTION) + 1 :]
    page = parse_page_text(text)
    assert page.section == "آسيا"
    assert page.headline == HEADLINE


def test_one_line_tags_share_rows_and_marks_around_chrome() -> None:
    tail = (
        "الوسوم: الصين، اليابان، ترامب\n"
        "فيسبوك تويتر واتساب تيليجرام\n"
        "Facebook | X | WhatsApp\n"
        "\u200fشارك\u200f\n"
        "•••\n"
        "اظهر المزيد\n"
    )
    text = seed_text().replace("اظهر المزيد\n", tail, 1)
    page = parse_page_text(text)
    assert paragraphs(page) == paragraphs(parse_page_text(seed_text()))


def test_comment_form_sentence_with_a_different_ending() -> None:
    text = seed_text().replace(
        "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
        "لن يتم نشر عنوان بريدك الإلكتروني. " + "نص إضافي من القالب " * 20,
    )
    text = text.replace("مقالات ذات صلة\n", "").replace("اترك تعليقاً\n", "")
    page = parse_page_text(text)
    assert_no_chrome(page)
    assert paragraphs(page)[-1] == LAST_PARAGRAPH


def test_english_page_chrome() -> None:
    text = (
        "Share\nFacebook\nTwitter\n"
        "Tokyo and Washington sign a rare earths deal\n"
        "The two allies agreed on Tuesday to secure supplies of critical minerals.\n"
        "Related Posts\nAnother story\nLeave a Reply\n"
        "Your email address will not be published. Required fields are marked *\n"
    )
    page = parse_page_text(text)
    assert page.headline == "Tokyo and Washington sign a rare earths deal"
    assert paragraphs(page) == [
        "The two allies agreed on Tuesday to secure supplies of critical minerals."
    ]


# --------------------------------------------------------------------------
# Not an article
# --------------------------------------------------------------------------


def reason_of(excinfo: pytest.ExceptionInfo[PageTextError]) -> object:
    assert excinfo.value.code == "page_text"
    return excinfo.value.details.get("reason")


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(CHROME),
        "شارك\nفيسبوك\nتويتر\nزر الذهاب إلى الأعلى\n",
        "مرحبا",
        "مرحبا\n",
        "واشنطن وطوكيو توقعان اتفاقية\n",
        "دولي\nواشنطن وطوكيو توقعان اتفاقية\nمقالات ذات صلة\nخبر آخر عن اليابان\n",
        "🔹\n🔸\n",
        DATELINE_LINE + "\nفي محطة وصفت بأنها الأكثر رمزية.\n",
    ],
)
def test_not_an_article(text: str) -> None:
    with pytest.raises(PageTextError) as excinfo:
        parse_page_text(text)
    assert reason_of(excinfo) == "not_article"


@pytest.mark.parametrize("text", ["", "   \n\r\n\t", "\u202e\u202c\n"])
def test_empty_text(text: str) -> None:
    with pytest.raises(PageTextError) as excinfo:
        parse_page_text(text)
    assert reason_of(excinfo) == "empty"


# --------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-32-le", b"\xff\xfe\x00\x00"),
        ("cp1256", b""),
    ],
)
def test_file_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    text = seed_text()
    if encoding == "cp1256":
        # Windows Arabic has no emoji or curly quotes of that kind; keep what it can hold.
        text = text.encode("cp1256", errors="ignore").decode("cp1256")
    path = tmp_path / "page.txt"
    path.write_bytes(prefix + text.replace("\n", "\r\n").encode(encoding))
    read = read_page_text_file(path)
    assert read.replace("\r\n", "\n") == text
    page = parse_page_text(read)
    assert page.section == SECTION
    assert page.dateline == TOKYO
    assert paragraphs(page)[-1] == LAST_PARAGRAPH


def test_python_utf16_writer(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(seed_text(), encoding="utf-16")
    assert parse_page_text(read_page_text_file(path)) == parse_page_text(seed_text())


@pytest.mark.parametrize("content", [b"", b"   \r\n\t\n", b"\xef\xbb\xbf", b"\xff\xfe \x00\n\x00"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(PageTextError) as excinfo:
        read_page_text_file(path)
    assert reason_of(excinfo) == "empty"
    assert excinfo.value.details["path"] == str(path)


PNG_HEADER = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"
    b"\x00\x00\x00\x1f\xf3\xffa\x00\x00\x00\x04gAMA\x00\x00\xb1\x8f\x0b\xfca\x05"
)


@pytest.mark.parametrize(
    "content",
    [PNG_HEADER, bytes(range(1, 9)) * 50 + "نص".encode(), b"\x01\x02\x03\x04" * 100],
)
def test_binary_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(content)
    with pytest.raises(PageTextError) as excinfo:
        read_page_text_file(path)
    assert reason_of(excinfo) == "binary"


def test_latin1_file_is_an_encoding_error(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes("Le président a déclaré à la presse qu'il était prêt.".encode("latin-1"))
    with pytest.raises(PageTextError) as excinfo:
        read_page_text_file(path)
    assert reason_of(excinfo) == "encoding"


def test_broken_utf16_is_an_encoding_error() -> None:
    with pytest.raises(PageTextError) as excinfo:
        decode_page_bytes(b"\xff\xfe" + "نص".encode("utf-16-le") + b"\x00\xd8")
    assert reason_of(excinfo) == "encoding"


def test_file_over_ten_megabytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_PAGE_BYTES + 1)
    with pytest.raises(PageTextError) as excinfo:
        read_page_text_file(path)
    assert reason_of(excinfo) == "too_large"
    assert "10 MB" in str(excinfo.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PageTextError) as excinfo:
        read_page_text_file(tmp_path / "absent.txt")
    assert reason_of(excinfo) == "unreadable"


def test_only_chrome_file_is_not_an_article(tmp_path: Path) -> None:
    path = tmp_path / "chrome.txt"
    path.write_text("\n\n".join(CHROME) + "\n", encoding="utf-8")
    with pytest.raises(PageTextError) as excinfo:
        parse_page_text(read_page_text_file(path))
    assert reason_of(excinfo) == "not_article"


def test_one_word_file_is_not_an_article(tmp_path: Path) -> None:
    path = tmp_path / "word.txt"
    path.write_text("دولي\n", encoding="utf-8")
    with pytest.raises(PageTextError) as excinfo:
        parse_page_text(read_page_text_file(path))
    assert reason_of(excinfo) == "not_article"
