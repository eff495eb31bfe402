"""The command line: subcommands, JSON keys and messages are promises to newsrooms' scripts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from main import main
from tests.conftest import REPO, SEED_PAGE

ARTICLE_KEYS = {
    "id",
    "headline",
    "standfirst",
    "section",
    "tags",
    "status",
    "byline",
    "dateline",
    "body_html",
    "created",
    "updated",
}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_the_subcommands() -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "--help"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0
    for name in ("import-page", "articles", "show", "--db", "--lang", "--no-seed"):
        assert name in result.stdout


def test_import_page_then_show_as_json(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--db", str(db_path), "--no-seed", "import-page", str(SEED_PAGE))
    assert code == 0, err
    article_id = int(out.split("\t")[0])
    code, out, _ = _run(capsys, "--db", str(db_path), "show", str(article_id), "--json")
    assert code == 0
    article = json.loads(out)
    assert set(article) == ARTICLE_KEYS
    assert article["section"] == "دولي"
    assert article["headline"].startswith("واشنطن وطوكيو توقعان اتفاقية")
    assert article["dateline"] == {
        "place": "طوكيو",
        "date": "2025-10-28",
        "sources": ["فرانس24", "أوراس"],
    }
    assert article["body_html"].count("<h2>") == 3
    assert "اترك تعليق" not in article["body_html"]
    assert article["status"] == "draft"


def test_articles_json_is_one_object_per_line(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "--db", str(db_path), "articles", "--json")
    assert code == 0
    lines = out.strip().splitlines()
    objects = [json.loads(line) for line in lines]
    assert len(objects) >= 12
    assert all(set(o) == ARTICLE_KEYS for o in objects)
    assert all(isinstance(o["tags"], list) for o in objects)
    statuses = {o["status"] for o in objects}
    assert {"draft", "submitted", "approved", "scheduled", "published"} <= statuses
    assert "trash" not in statuses
    code, out, _ = _run(capsys, "--db", str(db_path), "articles", "--json", "--status", "trash")
    assert code == 0 and {json.loads(x)["status"] for x in out.strip().splitlines()} == {"trash"}


def test_section_filter_on_the_command_line(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "--db", str(db_path), "articles", "--json", "--section", "رياضه")
    assert code == 0
    sections = {json.loads(line)["section"] for line in out.strip().splitlines()}
    assert sections and sections <= {"رياضة", "كرة القدم"}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n  \r\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "binary"),
        ("اترك تعليقاً\nزر الذهاب إلى الأعلى\n".encode(), "article"),
    ],
)
@pytest.mark.sqlite_only("compares the SQLite file's bytes")
def test_bad_page_files_get_a_message_and_change_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, reason: str
) -> None:
    _run(capsys, "--db", str(db_path), "articles")
    before = db_path.read_bytes()
    page = tmp_path / "page.txt"
    page.write_bytes(content)
    code, out, err = _run(capsys, "--db", str(db_path), "import-page", str(page))
    assert code == 1
    assert out == ""
    assert err.startswith("midad: ") and reason in err.lower()
    code, out, _ = _run(capsys, "--db", str(db_path), "articles")
    assert code == 0
    assert db_path.read_bytes() == before or len(out.strip().splitlines()) >= 12


def test_unknown_article_and_foreign_database(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "--db", str(db_path), "show", "99999")
    assert code == 1 and "99999" in err
    foreign = tmp_path / "foreign.sqlite3"
    foreign.write_text("not a database")
    code, _, err = _run(capsys, "--db", str(foreign), "articles")
    assert code == 1 and "not a Midad database" in err
    assert foreign.read_text() == "not a database"
