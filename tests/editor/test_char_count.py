"""The fast character count agrees with its definition on any text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from editor.arabic import TATWEEL, char_count


def _by_definition(text: str) -> int:
    return sum(
        1 for ch in text if ch != TATWEEL and unicodedata.category(ch) not in {"Mn", "Me", "Cf"}
    )


@given(st.text())
def test_any_text(text: str) -> None:
    assert char_count(text) == _by_definition(text)


@given(st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)))
def test_arabic_block_with_harakat_and_tatweel(text: str) -> None:
    assert char_count(text) == _by_definition(text)


def test_examples() -> None:
    assert char_count("الْكِتَابُ") == 6
    assert char_count("الكـــتاب 🔹\u200f") == 8
