"""``search QUERY --json`` and ``reindex``: their names, options and JSON keys are promises."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from main import main
from tests.conftest import REPO

HIT_KEYS = {
    "kind",
    "id",
    "snippet",
    "highlights",
    "title",
    "article_id",
    "status",
    "author",
    "date",
    "score",
}


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def hits(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture
def db(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["--db", str(db_path), "articles"]) == 0  # create and seed it
    capsys.readouterr()
    return db_path


def test_search_json_prints_one_object_per_hit(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, db, "search", "الصين", "--json")
    assert code == 0, err
    found = hits(out)
    assert found and all(set(hit) == HIT_KEYS for hit in found)
    assert {hit["kind"] for hit in found} == {"article", "comment"}
    for hit in found:
        snippet = str(hit["snippet"])
        spans = hit["highlights"]
        assert isinstance(spans, list) and spans
        assert all("صين" in snippet[s:e] or "الصِّين" in snippet[s:e] for s, e in spans)


def test_search_options_filter(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, db, "search", "الصين", "--json", "--kind", "comments")
    assert code == 0 and {h["kind"] for h in hits(out)} == {"comment"}
    code, out, _ = run(
        capsys, db, "search", "الصين", "--json", "--kind", "comments", "--status", "pending"
    )
    assert code == 0 and {h["status"] for h in hits(out)} == {"pending"}
    code, out, _ = run(
        capsys, db, "search", "", "--json", "--section", "دولي", "--kind", "articles"
    )
    assert code == 0 and hits(out)
    code, out, _ = run(
        capsys, db, "search", "الصين", "--json", "--kind", "articles", "--to", "2000"
    )
    assert code == 0 and hits(out) == []
    code, out, _ = run(capsys, db, "search", "الصين", "--json", "--order", "newest")
    dates = [str(h["date"]) for h in hits(out)]
    assert code == 0 and dates == sorted(dates, reverse=True)
    code, out, _ = run(capsys, db, "search", "الصين", "--json", "--limit", "2")
    assert code == 0 and len(hits(out)) == 2


def test_search_prints_lines_with_the_matches_marked(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, db, "search", "طوكيو", "--kind", "articles")
    assert code == 0
    lines = out.splitlines()
    assert lines and all(line.startswith("article\t") for line in lines)
    assert all("«طوكيو»" in line or "«" in line for line in lines)


def test_an_unknown_section_is_one_line_on_stderr(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, db, "search", "الصين", "--section", "لا يوجد قسم كهذا")
    assert code == 1 and out == ""
    assert err.startswith("midad: ") and err.count("\n") == 1


def test_a_bad_date_is_refused_by_the_option(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(db), "search", "الصين", "--from", "أمس"])
    assert stopped.value.code == 2
    assert "not a date" in capsys.readouterr().err


def test_syntax_in_the_query_is_never_an_error(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for query in ('"', "*", "-", "NEAR(", "a AND OR", ":", "((()))", "x" * 3000):
        code, _, err = run(capsys, db, "search", query, "--json")
        assert code == 0, (query, err)


def test_reindex_rebuilds_and_reports(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, db, "reindex")
    assert code == 0 and out.startswith("indexed ") and " articles and " in out
    code, out, _ = run(capsys, db, "reindex", "--changed")
    assert code == 0 and "(0 entries written)" in out


def test_search_and_reindex_do_not_load_qt(db: Path) -> None:
    script = (
        "import sys\n"
        "from main import main\n"
        f"main(['--db', {str(db)!r}, 'search', 'الصين', '--json'])\n"
        f"main(['--db', {str(db)!r}, 'reindex', '--changed'])\n"
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "NOQT"


def test_help_lists_the_search_commands() -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "--help"], cwd=REPO, capture_output=True, text=True
    )
    assert "search" in result.stdout and "reindex" in result.stdout
