"""Spell checking with hunspell-ar and the newsroom dictionary shared through the database."""

from __future__ import annotations

import sys

import pytest

from editor import spelling
from editor.errors import InvalidInput, PermissionDenied
from editor.models import Role
from editor.spelling import SpellChecker, is_checkable, preload
from editor.storage import Actor, Newsroom, open_newsroom


def test_the_arabic_dictionary_is_installed_here() -> None:
    # scripts/setup.sh installs libenchant-2-2 and hunspell-ar; the rest of
    # this file would prove nothing without them.
    assert SpellChecker().available


def test_a_dictionary_opened_in_the_background_is_the_next_checkers() -> None:
    """Start-up preloads the dictionary; the desk's checker takes it, working."""
    preload("ar")
    preload("ar")  # asked twice (two windows): still one thread, one dictionary
    checker = SpellChecker("ar")
    assert "ar" not in spelling._opening
    assert checker.available and checker.check("الكتاب") and not checker.check("ترامب")
    # A language with no dictionary says so through the same path, no crash.
    preload("xx-nowhere")
    missing = SpellChecker("xx-nowhere")
    assert not missing.available and missing.problem == "no_dictionary"
    assert missing.check("ترامب")  # without a dictionary every word is accepted


def test_known_words_pass_with_harakat_tatweel_and_prefixes() -> None:
    checker = SpellChecker()
    for word in ("الكتاب", "الْكِتَابُ", "الكـتاب", "والكتاب", "بالصين"):
        assert checker.check(word), word
    assert not checker.check("ترامب")


def test_names_numbers_and_latin_words_are_not_judged() -> None:
    checker = SpellChecker()
    for word in ("فرانس24", "Tokyo", "2025", "٢٠٢٥", "و"):
        assert not is_checkable(word) and checker.check(word)


def test_newsroom_words_pass_with_their_prefixes() -> None:
    checker = SpellChecker(newsroom_words=["ترامب", "الكونغرس"])
    for word in ("ترامب", "وترامب", "بترامب", "لترامب", "فترامب", "الكونغرس", "وللكونغرس"):
        assert checker.check(word), word
    assert not checker.check("ترامبي")


def test_adding_words_later_clears_only_the_rejections() -> None:
    checker = SpellChecker()
    assert not checker.check("وترامب")
    checker.set_newsroom_words(["ترامب"])
    assert checker.check("وترامب")


def test_suggestions_are_offered_for_a_misspelling() -> None:
    suggestions = SpellChecker().suggest("الكتتاب")
    assert "الكتاب" in suggestions and len(suggestions) <= 8


def test_without_the_dictionary_every_word_passes_and_the_reason_is_given() -> None:
    checker = SpellChecker(language="zz_NOPE")
    assert not checker.available and checker.problem == "no_dictionary"
    assert checker.check("ترامبب") and checker.suggest("ترامبب") == []


def test_without_pyenchant_every_word_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "enchant", None)  # import enchant raises ImportError
    checker = SpellChecker()
    assert checker.problem == "no_enchant" and checker.check("ترامبب")


def test_the_newsroom_dictionary_is_shared_through_the_database(
    newsroom: Newsroom, db_path: object
) -> None:
    assert newsroom.dictionary.add("ترامب").settings
    assert newsroom.dictionary.add("ترامْب").empty  # the same word, with a sukun
    other = open_newsroom(str(db_path))
    try:
        assert other.dictionary.words() == ("ترامب",)
        checker = SpellChecker(newsroom_words=other.dictionary.words())
        assert checker.check("بترامب")
        other.dictionary.remove("ترامب")
    finally:
        other.close()
    assert newsroom.dictionary.words() == ()


def test_only_single_words_go_in_and_a_moderator_cannot_add(newsroom: Newsroom) -> None:
    with pytest.raises(InvalidInput):
        newsroom.dictionary.add("كلمتان هنا")
    with pytest.raises(InvalidInput):
        newsroom.dictionary.add("<b>")
    newsroom.actor = Actor(None, "mod", Role.MODERATOR)
    with pytest.raises(PermissionDenied):
        newsroom.dictionary.add("ترامب")
