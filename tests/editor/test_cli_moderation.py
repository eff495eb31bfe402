"""The moderation command line: names, options and JSON keys are promises to scripts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from main import main

COMMENT_KEYS = {
    "id",
    "article_id",
    "parent_id",
    "author",
    "email",
    "url",
    "text",
    "status",
    "submitted",
    "site_id",
    "held_by",
}


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_comments_json_has_exactly_the_promised_keys(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, db_path, "comments", "--json")
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 42
    assert all(set(line) == COMMENT_KEYS for line in lines)
    pending = [
        json.loads(x)
        for x in run(capsys, db_path, "comments", "--status", "pending", "--json")[1].splitlines()
    ]
    assert pending and {c["status"] for c in pending} == {"pending"}
    assert all(c["held_by"] is None for c in pending)


def test_moderate_then_held_by_after_rules(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = json.loads(
        run(capsys, db_path, "comments", "--status", "pending", "--json")[1].splitlines()[0]
    )
    code, out, _ = run(capsys, db_path, "moderate", str(first["id"]), "approve")
    assert code == 0 and out == f"{first['id']}\tpending -> approved\n"
    words = tmp_path / "hold.txt"
    words.write_text("سخيف\n.*\n(فاشل)\n", encoding="utf-8")
    code, out, _ = run(capsys, db_path, "rules", "--hold-words", str(words), "--max-links", "5")
    assert code == 0
    assert "ignored (no letters or digits): .*" in out
    assert "max links: 5" in out and "سخيف" in out
    code, out, _ = run(capsys, db_path, "rules", "--apply")
    assert code == 0 and out.startswith("checked ")
    pending = [
        json.loads(line)
        for line in run(capsys, db_path, "comments", "--status", "pending", "--json")[
            1
        ].splitlines()
    ]
    held = {c["id"]: c["held_by"] for c in pending if c["held_by"]}
    assert any(h["rule"] == "hold_words" and "سخيف" in h["words"] for h in held.values())
    code, out, _ = run(capsys, db_path, "rules", "--json")
    assert json.loads(out)["hold_words"] == ["سخيف", "(فاشل)"]


def test_export_decisions_command(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = json.loads(
        run(capsys, db_path, "comments", "--status", "pending", "--json")[1].splitlines()[0]
    )
    run(capsys, db_path, "moderate", str(first["id"]), "spam")
    out_file = tmp_path / "out.json"
    code, out, _ = run(capsys, db_path, "export-decisions", str(out_file))
    assert code == 0 and out.startswith("1 decisions on 1 comments")
    assert json.loads(out_file.read_text("utf-8"))["comments"][0]["status"] == "spam"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("comments", "--status", "published"), "Unknown status 'published'"),
        (("moderate", "99999", "approve"), "There is no comment 99999"),
        (("rules", "--max-links", "-2"), "number of links"),
        (("rules", "--hold-words", "/no/such/file.txt"), "Cannot read"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(
    db_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    code, _, err = run(capsys, db_path, *argv)
    assert code == 1
    assert err.startswith("midad: ") and message in err and err.count("\n") == 1


def test_a_word_file_that_is_not_text_is_refused(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "words.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    latin1 = tmp_path / "words.txt"
    latin1.write_bytes("caf\xe9\n".encode("latin-1"))
    for path in (binary, latin1):
        code, _, err = run(capsys, db_path, "rules", "--block-words", str(path))
        assert code == 1 and err.startswith("midad: ")
    assert run(capsys, db_path, "rules", "--json")[1].count('"block_words": []') == 1


def test_a_decision_word_outside_the_list_is_an_argument_error(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db_path), "moderate", "1", "publish"])
    assert exit_info.value.code == 2
