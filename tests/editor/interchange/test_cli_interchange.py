"""import-wxr and export-wxr on the command line: a progress bar on stderr, a summary on stdout."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from editor.cli.interchange import ProgressBar
from editor.progress import Progress
from main import main

FIXTURES = Path(__file__).parent / "fixtures"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_wxr_summarises_and_shows_progress(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(
        capsys,
        "--db",
        str(db_path),
        "--no-seed",
        "import-wxr",
        str(FIXTURES / "newsroom-1.2.xml"),
    )
    assert code == 0, err
    assert "WXR 1.2" in out
    assert "added: 6 articles, 7 comments, 4 sections, 3 tags, 2 users" in out
    assert "1 post type:page" in out and "1 comment type:pingback" in out
    assert "1 replies without parent" in out
    assert "import [" in err and "100%" in err and "import: done in" in err


def test_import_wxr_json_report(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run(capsys, "--db", str(db_path), "--no-seed", "import-wxr", str(FIXTURES / "site-1.0.xml"))
    code, out, _ = _run(
        capsys, "--db", str(db_path), "import-wxr", str(FIXTURES / "site-1.2.xml"), "--json"
    )
    assert code == 0
    report = json.loads(out)
    assert report["wxr_version"] == "1.2"
    assert report["added"] == {}
    assert report["already_here"]["articles"] == 1
    assert set(report) >= {"file", "skipped", "notes", "site_disagrees", "updated"}


def test_a_bad_file_is_one_line_on_stderr_and_exit_1(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(
        capsys, "--db", str(db_path), "--no-seed", "import-wxr", str(FIXTURES / "truncated.xml")
    )
    assert code == 1 and out == ""
    (line,) = [entry for entry in err.splitlines() if entry.startswith("midad:")]
    assert "cut short" in line and "line 6" in line


def test_export_wxr_writes_the_file(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "site.xml"
    code, out, err = _run(capsys, "--db", str(db_path), "export-wxr", str(target))
    assert code == 0, err
    assert out.startswith(f"{target}: ")
    assert "stories" in out and "comments" in out
    assert target.read_text("utf-8").startswith('<?xml version="1.0" encoding="UTF-8" ?>')


def test_the_progress_bar_is_one_rewritten_line_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    bar = ProgressBar(stream, "import")
    bar(Progress(10, 100, "reading", {"articles": 3, "comments": 40}))
    bar(Progress(55, 100, "reading", {"articles": 30, "comments": 400}))
    bar.finish()
    shown = stream.getvalue()
    assert shown.count("\r") == 2 and shown.count("\n") == 2
    assert "[################..............]  55%  30 stories  400 comments" in shown
