"""Word-level comparison that understands harakat, tatweel and letter forms."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from editor.diff import Change, Piece, compare_snapshots, diff_text, diff_words, tokens


def _old(pieces: list[Piece]) -> str:
    return "".join(p.old for p in pieces)


def _new(pieces: list[Piece]) -> str:
    return "".join(p.new for p in pieces)


def _changes(pieces: list[Piece]) -> list[tuple[Change, str, str]]:
    return [(p.change, p.old, p.new) for p in pieces if p.change is not Change.EQUAL]


def test_tokens_keep_harakat_inside_words_and_rebuild_the_text() -> None:
    text = "الْكِتَابُ، جديد (2025)"
    assert tokens(text)[0] == "الْكِتَابُ"
    assert "".join(tokens(text)) == text


def test_a_shadda_alone_is_a_marks_change_not_a_new_word() -> None:
    pieces = diff_words("وقعت الولايات المتحدة", "وقّعت الولايات المتحدة")
    assert _changes(pieces) == [(Change.MARKS, "وقعت", "وقّعت")]


def test_a_tatweel_alone_is_a_marks_change() -> None:
    pieces = diff_words("الصين واليابان", "الصيـــن واليابان")
    assert _changes(pieces) == [(Change.MARKS, "الصين", "الصيـــن")]


def test_a_hamza_or_ta_marbuta_is_a_letter_form_change() -> None:
    pieces = diff_words("اتفاقية جديدة", "إتفاقيه جديدة")
    assert _changes(pieces) == [(Change.FORMS, "اتفاقية", "إتفاقيه")]


def test_real_word_changes_are_insertions_deletions_and_replacements() -> None:
    pieces = diff_words("وقعت طوكيو اتفاقية أمس", "وقعت واشنطن اتفاقية مهمة أمس")
    changes = [(c, old.strip(), new.strip()) for c, old, new in _changes(pieces)]
    assert changes == [(Change.REPLACE, "طوكيو", "واشنطن"), (Change.INSERT, "", "مهمة")]
    removed = diff_words("قال الوزير إن", "قال إن")
    assert [(c, o.strip()) for c, o, _ in _changes(removed)] == [(Change.DELETE, "الوزير")]


def test_both_sides_rebuild_their_texts_exactly() -> None:
    old = "في محطة وُصفت بأنها تحول\nفقرة ثانية (Reuters) 2025/10/28"
    new = "في محطة وصفت بانها تحوّل كبير\nفقرة ثالثة (Reuters) 2025/10/29\nجديدة"
    pieces = diff_text(old, new)
    assert _old(pieces) == old and _new(pieces) == new


@given(st.lists(st.sampled_from(["الصين", "الصِّين", "والصين", "جديد", "،", " ", "\n", "A"])))
def test_any_pair_of_texts_is_rebuilt_from_the_pieces(words: list[str]) -> None:
    old = "".join(words)
    shuffled = words[:]
    random.Random(len(words)).shuffle(shuffled)
    new = "".join(shuffled)
    pieces = diff_text(old, new)
    assert _old(pieces) == old and _new(pieces) == new


def test_unchanged_paragraphs_stay_one_equal_piece_in_a_long_body() -> None:
    paragraphs = [f"فقرة رقم {n} من الخبر الطويل" for n in range(2000)]
    changed = paragraphs[:]
    changed[1000] = changed[1000].replace("الخبر", "الخَبَر")
    pieces = diff_text("\n".join(paragraphs), "\n".join(changed))
    assert _changes(pieces) == [(Change.MARKS, "الخبر", "الخَبَر")]
    assert len(pieces) == 3


def test_compare_snapshots_reports_every_field() -> None:
    old = {
        "headline": "الصين تفتتح",
        "standfirst": "",
        "section": "دولي",
        "tags": ["الصين"],
        "byline": "سمير",
        "dateline": {"place": "بكين", "date": "2025-10-28", "sources": ["رويترز"]},
        "body_html": "<p>نص الخبر</p>",
    }
    new = dict(old, headline="الصّين تفتتح", body_html='<p dir="rtl">نص الخبر</p>')
    diffs = {d.field: d for d in compare_snapshots(old, new)}
    assert diffs["headline"].changed
    assert _changes(list(diffs["headline"].pieces)) == [(Change.MARKS, "الصين", "الصّين")]
    assert diffs["body"].changed and diffs["body"].formatting
    assert not diffs["dateline"].changed and not diffs["tags"].changed
    assert _new(list(diffs["dateline"].pieces)) == "بكين – 2025-10-28 (رويترز)"
