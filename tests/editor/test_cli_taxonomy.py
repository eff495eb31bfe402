"""Section and tag subcommands: names, JSON keys and messages are promises to scripts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.storage import open_newsroom
from main import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _lines(out: str) -> list[object]:
    return [json.loads(line) for line in out.splitlines()]


def test_sections_json(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--db", str(db_path), "sections", "--json")
    assert code == 0, err
    sections = _lines(out)
    assert all(set(s) == {"id", "name", "slug", "parent", "count"} for s in sections)  # type: ignore[arg-type]
    by_name = {s["name"]: s for s in sections}  # type: ignore[index]
    assert by_name["دولي"]["parent"] is None
    assert by_name["آسيا"]["parent"] == "دولي"
    assert by_name["الشرق الأوسط"]["slug"] == "الشرق-الأوسط"
    assert all(isinstance(s["count"], int) for s in sections)  # type: ignore[index]
    names = [s["name"] for s in sections]  # type: ignore[index]
    assert names.index("دولي") < names.index("آسيا")  # parents first


def test_tags_json_and_duplicates(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--db", str(db_path), "tags", "--json")
    assert code == 0
    tags = _lines(out)
    assert all(set(t) == {"id", "name", "slug", "count"} for t in tags)  # type: ignore[arg-type]
    code, out, _ = _run(capsys, "--db", str(db_path), "tags", "--duplicates", "--json")
    assert code == 0
    groups = _lines(out)
    assert ["الصين", "الصّين"] in groups
    assert sorted(map(sorted, groups)) == sorted(  # type: ignore[arg-type]
        [sorted(["الصين", "الصّين"]), sorted(["الطاقة المتجددة", "الطاقه المتجدده"])]
    )


def test_merge_tags_by_name(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run(capsys, "--db", str(db_path), "tags", "--json")  # creates and seeds the newsroom
    before = open_newsroom(str(db_path))
    try:
        counts = {t.name: t.count for t in before.tags.list()}
    finally:
        before.close()
    code, out, err = _run(
        capsys, "--db", str(db_path), "merge-tags", "الطاقة المتجددة", "الطاقه المتجدده"
    )
    assert code == 0, err
    assert "الطاقة المتجددة" in out
    code, out, _ = _run(capsys, "--db", str(db_path), "tags", "--json")
    after = {t["name"]: t["count"] for t in _lines(out)}  # type: ignore[index]
    assert "الطاقه المتجدده" not in after
    assert after["الطاقة المتجددة"] <= counts["الطاقة المتجددة"] + counts["الطاقه المتجدده"]
    assert after["الطاقة المتجددة"] >= counts["الطاقة المتجددة"]
    code, out, _ = _run(capsys, "--db", str(db_path), "tags", "--duplicates", "--json")
    assert _lines(out) == [["الصين", "الصّين"]]


@pytest.mark.parametrize(
    "argv",
    [
        ("merge-tags", "الصين", "المريخ"),
        ("merge-tags", "المريخ", "الصين"),
        ("merge-tags", "الصين", "الصين"),
    ],
)
def test_merge_tags_refuses_with_one_line(
    db_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    _run(capsys, "--db", str(db_path), "tags")
    code, out, err = _run(capsys, "--db", str(db_path), *argv)
    assert code == 1 and out == ""
    assert err.startswith("midad: ") and err.count("\n") == 1
