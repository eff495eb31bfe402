"""Word lists: whole words after normalisation, with attached prefixes and common endings,
never inside an unrelated word, never a regular expression."""

from __future__ import annotations

import pytest

from editor.moderation.words import WordList, clean_entries, matched_spans, tokens


def found(entries: list[str], text: str) -> list[str]:
    return [m.entry for m in WordList(entries).find(tokens(text))]


@pytest.mark.parametrize(
    "text",
    [
        "كلمة",
        "كَلِمَة",  # harakat
        "كـــلمة",  # tatweel
        "الكلمة",
        "والكلمة",
        "بالكلمة",
        "فالكلمة",
        "للكلمة",  # ل + ال written لل
        "وللكلمة",
        "كلمات",  # plural: ة becomes ات
        "الكلمات",
        "كلمتي",  # ة keeps its ت before a pronoun
        "بكلمتين",
        "كلمته",
        "هذه كلمة، قالها!",
    ],
)
def test_an_arabic_entry_matches_its_written_forms(text: str) -> None:
    assert found(["كلمة"], text) == ["كلمة"]


@pytest.mark.parametrize(
    ("entry", "text"),
    [
        ("cialis", "I saw a specialist today"),
        ("cialis", "socialist specialists"),
        ("sex", "Essex and Sussex"),
        # Arabic words hidden inside unrelated words:
        ("نصب", "حصل على منصب رفيع"),  # swindle / a post
        ("نصب", "المنصب والمناصب"),
        ("فار", "زرت السفارة أمس"),  # mouse / embassy
        ("فار", "الفارق كبير والفارس شجاع"),  # not فار with a prefix or an ending
        ("كلمة", "تكلم المتحدث"),
    ],
)
def test_never_inside_unrelated_words(entry: str, text: str) -> None:
    assert found([entry], text) == []


def test_prefixes_and_endings_on_other_entries() -> None:
    assert found(["نصب"], "هذا نصب واحتيال") == ["نصب"]
    assert found(["نصب"], "والنصب") == ["نصب"]
    assert found(["نصب"], "بالنصب") == ["نصب"]
    assert found(["فار"], "والفار في البيت") == ["فار"]
    assert found(["cialis"], "Buy CIALIS now") == ["cialis"]
    assert found(["casino"], "best casinos") == ["casino"]


def test_letter_variants_on_both_sides() -> None:
    # hamza forms, alef maqsura and ta marbuta are one after normalisation
    assert found(["أغبياء"], "يا لكم من اغبياء") == ["أغبياء"]
    assert found(["مستشفى"], "في المستشفي") == ["مستشفى"]


def test_an_entry_written_with_the_article_means_the_bare_word() -> None:
    assert found(["الكازينو"], "كازينو مرخص") == ["الكازينو"]
    assert found(["الكازينو"], "والكازينو") == ["الكازينو"]


def test_regular_expression_characters_are_plain_text() -> None:
    kept, ignored = clean_entries([".*", "***", "cialis|viagra", "(بنك)", "  ", "# comment"])
    assert ignored == [".*", "***"]
    assert kept == ["cialis|viagra", "(بنك)"]
    everything = "any text at all, cialis alone, viagra alone"
    assert found(kept, everything) == []  # no alternation, no wildcard
    assert found(kept, "البنك المركزي") == ["(بنك)"]
    assert found(["[a-z]+"], "hello world") == []


def test_a_phrase_matches_consecutive_words() -> None:
    assert found(["اربح الآن"], "واربح الان فورا") == ["اربح الآن"]
    assert found(["اربح الآن"], "اربح جائزة الآن") == []


def test_duplicates_in_a_list_are_dropped_after_normalising() -> None:
    kept, _ = clean_entries(["كلمة", "كَلِمة", "كلمه", "الكلمة"])
    assert kept == ["كلمة"]


def test_matched_spans_point_into_the_text_as_shown() -> None:
    text = "قال: والكَلِمـة هنا، ثم الكلمات"
    spans = matched_spans(text, ["والكلمه", "الكلمات"])
    assert [text[s : s + n] for s, n in spans] == ["والكَلِمـة", "الكلمات"]
    assert matched_spans(text, []) == []
