"""Checks before submitting, headline guidance, and decisions about pasted text."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.arabic import word_count
from editor.body import check_link
from editor.checks import FieldProblem, HeadlineLength, headline_length, submission_problems
from editor.dateline import Dateline
from editor.errors import InvalidInput
from editor.paste import article_page, paragraph_breaks, prepare_pasted_html
from editor.services.articles import ArticleDraft
from tests.conftest import SEED_PAGE


def test_an_empty_story_lacks_every_required_field_in_form_order() -> None:
    assert [(p.field, p.code) for p in submission_problems(ArticleDraft())] == [
        ("headline", "missing"),
        ("section", "missing"),
        ("dateline_place", "missing"),
        ("body", "missing"),
    ]


def test_a_complete_story_has_no_problem_and_an_overlong_headline_has_one() -> None:
    draft = ArticleDraft(
        headline="الصين واليابان تبحثان أمن الطاقة في طوكيو",
        body_html="<p>نص</p>",
        dateline=Dateline("طوكيو", dt.date(2025, 10, 28)),
        section_id=1,
    )
    assert submission_problems(draft) == []
    long_one = ArticleDraft(**{**draft.__dict__, "headline": "ك" * 501})
    assert submission_problems(long_one) == [FieldProblem("headline", "too_long")]
    blank_body = ArticleDraft(**{**draft.__dict__, "body_html": "<p> </p><h2></h2>"})
    assert submission_problems(blank_body) == [FieldProblem("body", "missing")]


def test_headline_guidance() -> None:
    assert headline_length("") is HeadlineLength.EMPTY
    assert headline_length("قصير") is HeadlineLength.SHORT
    assert headline_length("الصين واليابان تبحثان أمن الطاقة") is HeadlineLength.GOOD
    assert headline_length("كلمة " * 30) is HeadlineLength.LONG


def _pieces(text: str) -> list[str]:
    parts, last = [], 0
    for start, end in paragraph_breaks(text):
        assert text[start:end].isspace()
        parts.append(text[last:start])
        last = end
    return [*parts, text[last:]]


def test_a_huge_paragraph_is_broken_at_sentence_ends_keeping_every_word() -> None:
    sentence = "وقعت الولايات المتحدة واليابان اتفاقية لتأمين المعادن النادرة اليوم. "
    text = (sentence * 2500).strip()  # 22,500 words
    pieces = _pieces(text)
    assert sum(word_count(p) for p in pieces) == word_count(text)
    assert all(p.endswith(".") for p in pieces)
    assert max(word_count(p) for p in pieces) <= 400


def test_a_paragraph_without_sentence_ends_is_broken_between_words() -> None:
    text = " ".join(["كلمة"] * 1200)
    pieces = _pieces(text)
    assert len(pieces) > 2 and max(word_count(p) for p in pieces) <= 400
    assert " ".join(pieces) == text


def test_ordinary_paragraphs_are_left_alone() -> None:
    assert paragraph_breaks("فقرة عادية. وجملة ثانية.") == []


def test_a_whole_article_page_is_recognised_and_ordinary_text_is_not() -> None:
    page = article_page(SEED_PAGE.read_text("utf-8"))
    assert page is not None and page.headline.startswith("واشنطن وطوكيو")
    assert page.dateline is not None and page.dateline.place == "طوكيو"
    assert article_page("فقرة أولى.\nفقرة ثانية.\nفقرة ثالثة.\nرابعة.") is None
    assert article_page("سطر واحد") is None


def test_pasted_html_keeps_structure_and_loses_everything_active() -> None:
    cleaned = prepare_pasted_html(
        '<div onclick="x()" style="color:red"><p dir="RTL">نص <b>مهم</b></p>'
        '<img src="https://evil.example/a.png"><iframe src="https://evil.example"></iframe>'
        "<script>alert(1)</script><style>p{}</style>\u202eمعكوس\u202c"
        '<a href="javascript:alert(1)">رابط</a><a href="https://example.com">سليم</a></div>'
    )
    assert cleaned == (
        '<div><p dir="rtl">نص <b>مهم</b></p>معكوس<a>رابط</a>'
        '<a href="https://example.com">سليم</a></div>'
    )


def test_links_are_checked() -> None:
    assert check_link(" www.aljazeera.net/news ") == "https://www.aljazeera.net/news"
    assert check_link("desk@example.com") == "mailto:desk@example.com"
    assert check_link("https://موقع.مصر/خبر") == "https://موقع.مصر/خبر"
    for bad in (
        "javascript:alert(1)",
        "ftp://example.com",
        "http://localhost-only",
        "https://a b.com",
    ):
        with pytest.raises(InvalidInput):
            check_link(bad)
