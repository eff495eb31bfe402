"""Workflow on the command line, as cron jobs and scripts use it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from main import main
from tests.conftest import REPO

PASSWORD = "كلمة-سر-طويلة"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """A seeded newsroom whose first admin and an editor and a journalist have passwords."""
    monkeypatch.setenv("MIDAD_NEW_PASSWORD", PASSWORD)
    code, _, err = _run(capsys, "--db", str(db_path), "users", "add", "chief", "--role", "admin")
    assert code == 0, err
    monkeypatch.setenv("MIDAD_PASSWORD", PASSWORD)
    for login, role in (("hala", "editor"), ("omar", "journalist")):
        code, _, err = _run(
            capsys, "--db", str(db_path), "--user", "chief", "users", "add", login, "--role", role
        )
        assert code == 0, err
    return str(db_path)


def test_the_first_user_must_be_an_admin(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MIDAD_NEW_PASSWORD", PASSWORD)
    code, _, err = _run(capsys, "--db", str(db_path), "users", "add", "omar", "--role", "editor")
    assert code == 1 and "first user must be an admin" in err


def test_after_that_only_an_admin_adds_users(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--db", db, "users", "add", "x1", "--role", "editor")
    assert code == 1 and "may not" in err  # nobody signed in
    code, _, err = _run(
        capsys, "--db", db, "--user", "hala", "users", "add", "x2", "--role", "editor"
    )
    assert code == 1 and "may not" in err
    code, out, _ = _run(capsys, "--db", db, "users", "list", "--json")
    assert code == 0 and '"login": "hala"' in out and "x2" not in out


def test_transition_publish_unpublish_with_out(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = _run(capsys, "--db", db, "articles", "--status", "submitted")
    story = out.split("\t")[0]
    code, _, err = _run(
        capsys, "--db", db, "--user", "omar", "publish", story, "--out", str(tmp_path)
    )
    assert code == 1 and "journalist may not" in err
    code, _, err = _run(capsys, "--db", db, "--user", "hala", "transition", story, "draft")
    assert code == 1 and "note" in err
    code, out, _ = _run(capsys, "--db", db, "--user", "hala", "transition", story, "approved")
    assert code == 0 and out.strip() == f"{story}\tapproved"
    code, out, err = _run(
        capsys, "--db", db, "--user", "hala", "publish", story, "--out", str(tmp_path)
    )
    assert code == 0, err
    page = tmp_path / "stories" / f"{story}.html"
    assert page.exists() and str(page) in out
    code, out, _ = _run(
        capsys, "--db", db, "--user", "hala", "unpublish", story, "--out", str(tmp_path)
    )
    assert code == 0 and not page.exists()


def test_wrong_password_and_run_schedule(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MIDAD_PASSWORD", "wrong-password")
    code, _, err = _run(capsys, "--db", db, "--user", "hala", "run-schedule")
    assert code == 1 and "Wrong login or password" in err
    monkeypatch.setenv("MIDAD_PASSWORD", PASSWORD)
    # The seeded newsroom holds one story scheduled in the past: cron publishes it.
    code, out, err = _run(
        capsys, "--db", db, "--user", "hala", "run-schedule", "--out", str(tmp_path)
    )
    assert code == 0, err
    published = [line.split("\t")[0] for line in out.strip().splitlines()]
    assert len(published) == 1
    assert (tmp_path / "stories" / f"{published[0]}.html").exists()


def test_a_password_prompt_needs_a_terminal(db: str) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "--db", db, "--user", "hala", "run-schedule"],
        cwd=REPO,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={k: v for k, v in __import__("os").environ.items() if k != "MIDAD_PASSWORD"},
    )
    assert result.returncode == 1 and "MIDAD_PASSWORD" in result.stderr
