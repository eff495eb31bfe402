"""copy-to: a SQLite newsroom moved into an empty PostgreSQL database, verified and resumable."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from editor.copying import CopyRefused, copy_newsroom
from editor.errors import Cancelled, NotAMidadDatabase, StorageUnavailable
from editor.models import Base, Comment
from editor.storage import Newsroom, open_newsroom
from main import main
from tests.conftest import PostgresDatabases
from tests.pg_server import PASSWORD

pytestmark = pytest.mark.postgresql


@pytest.fixture
def source(tmp_path: Path) -> Iterator[Newsroom]:
    nr = open_newsroom(str(tmp_path / "laptop.sqlite3"))
    yield nr
    nr.close()


@pytest.fixture
def target(postgres: PostgresDatabases) -> Iterator[str]:
    name, url = postgres.create()
    yield url
    postgres.server.drop_database(name)


def _counts(newsroom: Newsroom) -> dict[str, int]:
    with newsroom.read() as session:
        return {
            table.name: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for table in Base.metadata.sorted_tables
        }


def _story_ids_found(newsroom: Newsroom, words: str) -> set[int]:
    return {hit.id for hit in newsroom.search.search(words).hits}


def test_everything_arrives_verified_and_the_copy_is_the_same_newsroom(
    source: Newsroom, target: str
) -> None:
    with source.read() as session:
        replies = list(session.scalars(select(Comment.id).where(Comment.parent_id.is_not(None))))
    assert replies  # the seed has threads and sub-sections: both are references to self
    report = copy_newsroom(source, target)
    assert not report.resumed
    assert {t.table for t in report.tables} == {t.name for t in Base.metadata.sorted_tables}
    copy = open_newsroom(target)
    try:
        assert _counts(copy) == _counts(source)
        assert {t.table: t.rows for t in report.tables if t.table != "settings"} == {
            k: v for k, v in _counts(source).items() if k != "settings"
        }
        for article_id in source.articles.list_ids():
            assert copy.articles.get(article_id) == source.articles.get(article_id)
        assert copy.sections.tree() == source.sections.tree()
        reply = replies[0]
        assert copy.comments.get(reply) == source.comments.get(reply)
        assert _story_ids_found(copy, "الصين") == _story_ids_found(source, "الصين") != set()
        assert not copy.search.needs_rebuild()
        # New rows on the copy get new ids, after the copied ones.
        made = copy.sections.find_or_create("قسم جديد بعد النقل").new_id
        assert made is not None and made > max(s.id for s in source.sections.tree())
    finally:
        copy.close()


def test_a_stopped_copy_is_refused_as_a_newsroom_and_goes_on_when_run_again(
    source: Newsroom, target: str
) -> None:
    checks = 0

    def stop_soon() -> bool:
        nonlocal checks
        checks += 1
        return checks > 4

    with pytest.raises(Cancelled) as caught:
        copy_newsroom(source, target, cancelled=stop_soon)
    assert "run copy-to again" in str(caught.value)
    with pytest.raises(NotAMidadDatabase):
        open_newsroom(target)
    report = copy_newsroom(source, target)
    assert report.resumed
    assert sum(t.copied for t in report.tables) < sum(t.rows for t in report.tables)
    copy = open_newsroom(target)
    try:
        assert _counts(copy) == _counts(source)
    finally:
        copy.close()


def test_a_database_that_is_not_empty_is_refused_and_left_untouched(
    source: Newsroom, postgres: PostgresDatabases
) -> None:
    _name, other = postgres.create("seeded")
    with pytest.raises(CopyRefused) as caught:
        copy_newsroom(source, other)
    assert "already holds a newsroom" in str(caught.value)
    name, foreign = postgres.create()
    postgres.server.execute("CREATE TABLE recipes (id serial PRIMARY KEY)", name)
    with pytest.raises(CopyRefused) as caught:
        copy_newsroom(source, foreign)
    assert "not empty" in str(caught.value) and PASSWORD not in str(caught.value)


def test_the_command_line_reports_each_table_as_json(
    source: Newsroom, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    location = source.location
    source.close()
    assert main(["--db", location, "copy-to", target, "--json"]) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert set(report) == {"target", "resumed", "verified", "tables"}
    assert report["verified"] and PASSWORD not in captured.out + captured.err
    articles = next(t for t in report["tables"] if t["table"] == "articles")
    assert set(articles) == {"table", "rows", "copied", "checksum"}
    assert articles["rows"] == articles["copied"] > 0
    # Run again on the finished copy: refused, it is a newsroom now.
    assert main(["--db", location, "copy-to", target]) == 1
    assert "already holds a newsroom" in capsys.readouterr().err


def test_a_server_that_is_down_is_named_without_the_password(source: Newsroom) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(StorageUnavailable) as caught:
        copy_newsroom(source, f"postgresql+psycopg://midad:{PASSWORD}@127.0.0.1:{port}/x")
    assert "cannot reach" in str(caught.value).lower() and PASSWORD not in str(caught.value)
