"""Recovery files: written atomically, read back whole, and skipped when damaged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from editor.dateline import Dateline
from editor.recovery import RecoveryStore
from editor.services.articles import ArticleDraft

DRAFT = ArticleDraft(
    headline="عنوان لم يحفظ",
    body_html='<p dir="ltr">Text</p><p>نص في منتصف الجملة</p>',
    dateline=Dateline("طوكيو", dt.date(2025, 10, 28), ("رويترز",)),
    section_id=3,
    tags=("الصين",),
)


def test_a_draft_comes_back_exactly(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    store.put("abc", 7, 4, DRAFT)
    (found,) = store.pending("abc")
    assert found.article_id == 7 and found.base_version == 4 and found.draft == DRAFT
    assert store.pending("other") == []
    store.discard("abc", 7)
    assert store.pending("abc") == []
    store.discard("abc", 7)  # twice is harmless


def test_rewriting_replaces_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    store.put("abc", 7, 4, DRAFT)
    store.put("abc", 7, 4, ArticleDraft(headline="ثانية"))
    (found,) = store.pending("abc")
    assert found.draft.headline == "ثانية"
    assert sorted(p.name for p in store.folder.iterdir()) == ["abc-7.json"]


def test_a_damaged_file_is_skipped_not_fatal(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.put("abc", 1, 1, DRAFT)
    (tmp_path / "abc-2.json").write_text("{ half a fil", "utf-8")
    (tmp_path / "abc-3.json").write_bytes(b"\xff\xfe\x00")
    assert [r.article_id for r in store.pending("abc")] == [1]


def test_the_default_folder_is_in_the_user_data_dir(isolated_home: Path) -> None:
    assert RecoveryStore.default().folder.is_relative_to(isolated_home)
