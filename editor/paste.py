"""Decisions about pasted text that do not depend on the toolkit.

A paragraph of 20,000 words is never a paragraph: it is text whose line breaks
were lost on the way (a PDF, a chat export). Qt lays out a whole paragraph again
on every key press, so such a paste would make typing crawl; it is broken into
paragraphs at sentence ends instead, keeping every character but the spaces at
the breaks. A pasted page that reads like a whole article (headline, dateline,
body) is recognised so the editor can offer to fill the fields from it.
"""

from __future__ import annotations

import re

import nh3

from editor.arabic import WORD_RE, neutralize_bidi
from editor.body import DIRECTIONS, URL_SCHEMES
from editor.errors import PageTextError
from editor.pagetext import ParsedPage, parse_page_text

__all__ = [
    "LONG_PARAGRAPH_WORDS",
    "PAGE_TEXT_LIMIT",
    "TARGET_PARAGRAPH_WORDS",
    "article_page",
    "paragraph_breaks",
    "prepare_pasted_html",
]

# Beyond this a paragraph is split; typing in a 400-word paragraph takes
# well under a frame (measured: bench/editor.py).
LONG_PARAGRAPH_WORDS = 400
TARGET_PARAGRAPH_WORDS = 150
# Larger pastes are not one article page; parsing them would only stall.
PAGE_TEXT_LIMIT = 200_000

# A sentence ends with . ! ? ؟ … (maybe a closing quote or bracket) before a space.
_SENTENCE_END = re.compile(r"[.!?؟…][\"'”»)\]]*(\s+)")
_SPACE = re.compile(r"\s+")


def paragraph_breaks(
    text: str,
    long_words: int = LONG_PARAGRAPH_WORDS,
    target_words: int = TARGET_PARAGRAPH_WORDS,
) -> list[tuple[int, int]]:
    """Spans of white space in one long paragraph to replace by paragraph breaks.

    Empty for a paragraph of at most ``long_words`` words. Otherwise breaks
    fall after the sentence that brings a piece to ``target_words``; a
    sentence longer than ``long_words`` is broken between words.
    """
    # Words need a separator each: a short text cannot be long (and most are).
    if len(text) <= 2 * long_words:
        return []
    ends = [m.end() for m in WORD_RE.finditer(text)]
    if len(ends) <= long_words:
        return []
    candidates = [m.span(1) for m in _SENTENCE_END.finditer(text)]
    breaks: list[tuple[int, int]] = []
    word = 0  # words before the current piece's start
    index = 0
    while len(ends) - word > long_words:
        # The first sentence end after target_words more words.
        goal = ends[min(word + target_words, len(ends)) - 1]
        limit = ends[min(word + long_words, len(ends)) - 1]
        while index < len(candidates) and candidates[index][0] < goal:
            index += 1
        if index < len(candidates) and candidates[index][0] <= limit:
            span = candidates[index]
        else:
            # No sentence end close enough: break at the space after the goal word.
            space = _SPACE.search(text, goal)
            if space is None:
                break
            span = space.span()
        breaks.append(span)
        word = _words_before(ends, span[1])
    return breaks


def _words_before(ends: list[int], offset: int) -> int:
    """How many words end at or before ``offset`` (``ends`` is sorted)."""
    low, high = 0, len(ends)
    while low < high:
        middle = (low + high) // 2
        if ends[middle] <= offset:
            low = middle + 1
        else:
            high = middle
    return low


def article_page(text: str) -> ParsedPage | None:
    """The fields of a pasted article page, or None when the text is not one.

    A headline followed by a dateline and at least two body blocks is what a
    story copied from the site looks like; ordinary paragraphs are not offered.
    """
    if len(text) > PAGE_TEXT_LIMIT or text.count("\n") < 3:
        return None
    try:
        page = parse_page_text(text)
    except PageTextError:
        return None
    if page.dateline is None or not page.headline or page.body_html.count("</") < 2:
        return None
    return page


# What a web page or a word processor's HTML may keep before the editor reads
# it: structure (so paragraphs stay paragraphs), emphasis, links and
# direction. Styles, scripts, frames, images, forms and event handlers go.
_PASTE_TAGS = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "thead", "tbody", "tr", "td", "th", "caption", "figure", "figcaption",
        "strong", "em", "b", "i", "a", "br", "span", "sub", "sup",
    }
)  # fmt: skip
_DROP_WITH_CONTENT = {
    "script", "style", "iframe", "object", "embed", "template", "noscript",
    "head", "title", "svg", "math", "form", "button", "select", "textarea",
}  # fmt: skip


def _keep_pasted_attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute == "dir":
        value = value.strip().lower()
        return value if value in DIRECTIONS else None
    return value


def prepare_pasted_html(raw_html: str) -> str:
    """Pasted HTML reduced to structure, emphasis, links and direction (no styles or loads)."""
    return nh3.clean(
        neutralize_bidi(raw_html),
        tags=set(_PASTE_TAGS),
        clean_content_tags=set(_DROP_WITH_CONTENT),
        attributes={"*": {"dir"}, "a": {"href"}},
        url_schemes=set(URL_SCHEMES),
        attribute_filter=_keep_pasted_attribute,
        link_rel=None,
        strip_comments=True,
    )
