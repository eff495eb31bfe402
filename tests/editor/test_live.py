"""Live refresh on PostgreSQL: every committed write is heard by the other desks.

Two newsrooms (two engines, or another process through the command line) on
one real database; one listens (``editor.live.Listener``), the other writes.
Waits are bounded queue reads, never sleeps.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import select

from editor import live
from editor.errors import MidadError
from editor.models import Article, CommentStatus
from editor.services.articles import ArticleDraft
from editor.storage import Newsroom, open_newsroom
from tests.conftest import REPO, SEED_PAGE, PostgresDatabases

pytestmark = pytest.mark.postgresql
WAIT_S = 10.0


class Heard:
    """A listener on one desk, with what it heard in order."""

    def __init__(self, newsroom: Newsroom) -> None:
        self.notices: queue.Queue[live.Notice] = queue.Queue()
        self.states: queue.Queue[bool] = queue.Queue()
        self.listener = live.Listener(newsroom, self.notices.put, self.states.put).start()
        assert self.states.get(timeout=WAIT_S) is True

    def next(self) -> live.Notice:
        return self.notices.get(timeout=WAIT_S)


@pytest.fixture
def desks(postgres: PostgresDatabases) -> Iterator[tuple[Newsroom, Newsroom, str, str]]:
    name, url = postgres.create("seeded")
    one, other = open_newsroom(url), open_newsroom(url)
    yield one, other, url, name
    one.close()
    other.close()
    postgres.drop(name)


@pytest.fixture
def heard(desks: tuple[Newsroom, Newsroom, str, str]) -> Iterator[Heard]:
    listening = Heard(desks[1])
    yield listening
    listening.listener.stop()


def _draft(headline: str) -> ArticleDraft:
    return ArticleDraft(headline=headline, standfirst="", body_html="<p>نص الخبر</p>")


def test_a_story_created_and_saved_on_one_desk_is_heard_on_the_other(
    desks: tuple[Newsroom, Newsroom, str, str], heard: Heard
) -> None:
    one, _other, _url, _name = desks
    created = one.articles.create(_draft("خبر من المكتب الأول"))
    notice = heard.next()
    assert notice.changes.articles == {created.new_id}
    assert notice.new_article
    assert notice.by == one.actor.name
    assert notice.sender == one.session_token

    assert created.new_id is not None
    version = one.articles.version(created.new_id)
    one.articles.save(created.new_id, _draft("عنوان معدل"), base_version=version)
    notice = heard.next()
    assert notice.changes.articles == {created.new_id}
    assert not notice.new_article


def test_a_desk_does_not_hear_its_own_writes(
    desks: tuple[Newsroom, Newsroom, str, str], heard: Heard
) -> None:
    one, other, _url, _name = desks
    other.sections.create("قسم من المكتب المستمع")
    one.articles.create(_draft("خبر من المكتب الأول"))
    # The first thing heard is the other desk's story: its own section was skipped.
    notice = heard.next()
    assert notice.sender == one.session_token
    assert notice.changes.articles and not notice.changes.sections


def test_a_rolled_back_write_sends_nothing(
    desks: tuple[Newsroom, Newsroom, str, str], heard: Heard
) -> None:
    one, _other, _url, _name = desks

    class Abandoned(Exception):
        pass

    with pytest.raises(Abandoned), one.write() as session:
        session.add(Article(headline="لن يحفظ", dateline_sources=[]))
        session.flush()
        raise Abandoned
    one.sections.create("قسم جديد")
    notice = heard.next()
    assert notice.changes.sections
    assert not notice.changes.articles


def test_taxonomy_and_comment_changes_are_heard(
    desks: tuple[Newsroom, Newsroom, str, str], heard: Heard
) -> None:
    one, _other, _url, _name = desks
    one.tags.create("وسم جديد")
    assert heard.next().changes.tags
    pending = one.comments.list_ids(CommentStatus.PENDING)[:2]
    one.comments.set_status(pending, CommentStatus.APPROVED)
    comments = heard.next().changes.comments
    # The move runs as bulk statements: the rows are named, or "every comment".
    assert set(pending) <= comments or live.EVERY_ID in comments


def test_a_write_too_large_to_list_collapses_to_every_row_of_its_kind(
    desks: tuple[Newsroom, Newsroom, str, str], heard: Heard
) -> None:
    one, _other, _url, _name = desks
    # 2000 story ids would not fit in a notification (PostgreSQL stops at 8000
    # bytes, and would then refuse the whole commit).
    with one.write() as session:
        session.add_all(Article(headline=f"خبر {i}", dateline_sources=[]) for i in range(2000))
    notice = heard.next()
    assert notice.changes.articles == live.EVERY
    with one.read() as session:
        assert session.scalar(select(Article.id).where(Article.headline == "خبر 1999"))


def test_payload_collapse_and_round_trip() -> None:
    touched = live.Touched()
    for article_id in range(1, 4000):
        touched.table("articles", article_id)
    touched.table("comments", 7)
    touched.table("sections")
    payload = live.encode(touched, "token", "سميرة")
    assert len(payload.encode("utf-8")) < 8000
    notice = live.decode(payload)
    assert notice is not None
    assert notice.changes.articles == live.EVERY
    assert notice.changes.comments == {7}
    assert notice.changes.sections and not notice.changes.tags
    assert (notice.sender, notice.by) == ("token", "سميرة")
    assert live.decode("not json") is None
    assert live.decode('{"v": 99}') is None


def test_a_story_made_by_another_process_is_heard(
    desks: tuple[Newsroom, Newsroom, str, str], heard: Heard
) -> None:
    _one, _other, url, _name = desks
    done = subprocess.run(
        [sys.executable, "main.py", "--db", url, "import-page", str(SEED_PAGE), "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    new_id = json.loads(done.stdout)["id"]
    notice = heard.next()
    while new_id not in notice.changes.articles:  # the process's own set-up writes first
        notice = heard.next()
    assert notice.new_article


def test_the_listener_reconnects_and_listens_again_after_losing_its_connection(
    desks: tuple[Newsroom, Newsroom, str, str], heard: Heard, postgres: PostgresDatabases
) -> None:
    one, _other, _url, name = desks
    with psycopg.connect(postgres.server.dsn("postgres"), autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )
    assert heard.states.get(timeout=WAIT_S) is False
    assert heard.states.get(timeout=WAIT_S) is True
    # The writing desk's pooled connections were cut too: pre-ping replaces them.
    one.sections.create("قسم بعد الانقطاع")
    assert heard.next().changes.sections


def test_an_operation_on_a_cut_connection_is_a_clear_error(
    desks: tuple[Newsroom, Newsroom, str, str], postgres: PostgresDatabases
) -> None:
    one, _other, _url, _name = desks
    with pytest.raises(MidadError) as caught, one.write() as session:
        pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
        with psycopg.connect(postgres.server.dsn("postgres"), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        session.connection().exec_driver_sql("SELECT 1")
    assert caught.value.code in ("server_unavailable", "storage_unavailable")
    # And the next operation simply works on a new connection.
    assert one.sections.create("قسم بعد الخطأ").new_id is not None
