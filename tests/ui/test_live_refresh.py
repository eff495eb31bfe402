"""The real main window on PostgreSQL: other desks' changes show without reloading,
and a lost server is said, waited out, and the typed text saved when it is back.

Another desk is another ``Newsroom`` (its own engine) or another process
(``python main.py ... import-page``). Waits are ``qtbot.waitUntil`` with a
timeout. The lost network is a relay (``tests/tcp_proxy.py``) between this
desk and the test run's server, cut and restored.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from editor.models import CommentStatus
from editor.recovery import RecoveryStore
from editor.services.articles import ArticleDraft
from editor.storage import Newsroom, open_newsroom
from tests.conftest import REPO, SEED_PAGE
from tests.tcp_proxy import TcpProxy
from tests.ui.conftest import open_window
from tests.ui.keys import type_text
from ui.mainwindow import MainWindow

pytestmark = pytest.mark.postgresql
WAIT_MS = 15_000


@pytest.fixture
def other_desk(pg_url: str) -> Iterator[Newsroom]:
    """Another desk on the same database: its own engine and session."""
    nr = open_newsroom(pg_url)
    yield nr
    nr.close()


def _type_at_end(window: MainWindow, text: str) -> None:
    body = window.editor.body
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    type_text(body, text)


def test_a_story_added_by_another_process_shows_in_the_list_without_reload(
    qtbot: QtBot, pg_window: MainWindow, pg_url: str
) -> None:
    listing = pg_window.article_list
    qtbot.waitUntil(lambda: pg_window.remote.listening, timeout=WAIT_MS)
    chosen = listing.model.ids()[2]
    listing.select_id(chosen)
    before = listing.model.rowCount()
    done = subprocess.run(
        [sys.executable, "main.py", "--db", pg_url, "import-page", str(SEED_PAGE), "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    new_id = json.loads(done.stdout)["id"]
    qtbot.waitUntil(lambda: new_id in listing.model.ids(), timeout=WAIT_MS)
    assert listing.model.rowCount() == before + 1
    assert listing.current_id() == chosen
    selected = {listing.model.id_at(i.row()) for i in listing.table.selectionModel().selectedRows()}
    assert selected == {chosen}
    # The story open in the writing desk stayed the one chosen.
    assert pg_window.editor.article is not None and pg_window.editor.article.id == chosen
    assert pg_window.errors == []  # type: ignore[attr-defined]


def test_a_refresh_keeps_the_rows_in_view_and_the_selection(
    qtbot: QtBot, pg_window: MainWindow, other_desk: Newsroom
) -> None:
    listing = pg_window.article_list
    qtbot.waitUntil(lambda: pg_window.remote.listening, timeout=WAIT_MS)
    seeded = listing.model.rowCount()
    for i in range(60):
        other_desk.articles.create(
            ArticleDraft(headline=f"خبر رقم {i}", standfirst="", body_html="<p>نص</p>")
        )
    qtbot.waitUntil(lambda: listing.model.rowCount() == seeded + 60, timeout=WAIT_MS)
    table = listing.table
    chosen = listing.model.ids()[30]
    listing.select_id(chosen, open_it=False)
    bar = table.verticalScrollBar()
    # A view scrolls once laid out, which follows on the event loop.
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=WAIT_MS)
    top = listing.model.id_at(table.rowAt(0))
    count = listing.model.rowCount()

    created = other_desk.articles.create(
        ArticleDraft(headline="خبر عاجل", standfirst="", body_html="<p>نص</p>")
    )
    qtbot.waitUntil(lambda: created.new_id in listing.model.ids(), timeout=WAIT_MS)
    assert listing.model.rowCount() == count + 1
    assert listing.current_id() == chosen
    qtbot.waitUntil(lambda: listing.model.id_at(table.rowAt(0)) == top, timeout=WAIT_MS)
    assert bar.value() > 0


def test_the_open_story_is_not_reloaded_under_the_journalists_fingers(
    qtbot: QtBot, pg_window: MainWindow, other_desk: Newsroom
) -> None:
    editor = pg_window.editor
    qtbot.waitUntil(lambda: pg_window.remote.listening, timeout=WAIT_MS)
    article_id = pg_window.article_list.model.ids()[0]
    pg_window.article_list.select_id(article_id)
    editor.autosave.set_autosave_seconds(600)
    _type_at_end(pg_window, " جملة تكتب الآن")
    assert editor.dirty

    view = other_desk.articles.get(article_id)
    changed = view.draft()
    other_desk.articles.save(
        article_id,
        ArticleDraft(
            headline="عنوان من مكتب آخر",
            standfirst=changed.standfirst,
            body_html=changed.body_html,
            dateline=changed.dateline,
            byline=changed.byline,
            section_id=changed.section_id,
            tags=changed.tags,
        ),
        base_version=view.version,
    )
    banner = editor.elsewhere.banner
    qtbot.waitUntil(banner.isVisible, timeout=WAIT_MS)
    assert other_desk.actor.name in banner.label.text()
    assert editor.dirty
    assert "جملة تكتب الآن" in editor.draft().body_html
    assert editor.headline.text() == view.headline  # not replaced by the other desk's


def test_an_open_story_with_nothing_unsaved_shows_the_other_desks_change(
    qtbot: QtBot, pg_window: MainWindow, other_desk: Newsroom
) -> None:
    editor = pg_window.editor
    qtbot.waitUntil(lambda: pg_window.remote.listening, timeout=WAIT_MS)
    article_id = pg_window.article_list.model.ids()[0]
    pg_window.article_list.select_id(article_id)
    editor.guard.release()  # the other desk is an editor who took the story over
    view = other_desk.articles.get(article_id)
    draft = view.draft()
    other_desk.articles.save(
        article_id,
        ArticleDraft(
            headline="عنوان محدث",
            standfirst=draft.standfirst,
            body_html=draft.body_html,
            dateline=draft.dateline,
            byline=draft.byline,
            section_id=draft.section_id,
            tags=draft.tags,
        ),
        base_version=view.version,
    )
    qtbot.waitUntil(lambda: editor.headline.text() == "عنوان محدث", timeout=WAIT_MS)
    assert editor.base_version == view.version + 1
    assert not editor.dirty


# -- connection trouble ------------------------------------------------------------


@pytest.fixture
def relay(pg_url: str) -> Iterator[TcpProxy]:
    proxy = TcpProxy(int(make_url(pg_url).port or 5432)).start()
    yield proxy
    proxy.stop()


@pytest.fixture
def window_through_relay(
    qapp: QApplication, qtbot: QtBot, pg_url: str, relay: TcpProxy, settings: QSettings
) -> Iterator[MainWindow]:
    url = make_url(pg_url).set(port=relay.port).render_as_string(hide_password=False)
    newsroom = open_newsroom(url)
    win = open_window(qapp, qtbot, newsroom, settings)
    yield win
    win.close()
    newsroom.close()


def test_text_typed_while_the_server_is_unreachable_is_saved_when_it_is_back(
    qtbot: QtBot,
    window_through_relay: MainWindow,
    relay: TcpProxy,
    other_desk: Newsroom,
) -> None:
    window = window_through_relay
    editor = window.editor
    status = window.connection_status
    qtbot.waitUntil(lambda: window.remote.listening, timeout=WAIT_MS)
    article_id = window.article_list.model.ids()[0]
    window.article_list.select_id(article_id)
    editor.autosave.set_autosave_seconds(0.3)
    _type_at_end(window, " قبل الانقطاع")
    qtbot.waitUntil(lambda: not editor.dirty, timeout=WAIT_MS)

    relay.drop()
    _type_at_end(window, " وكتب هذا والخادم بعيد")
    qtbot.waitUntil(lambda: status.isVisible() and "—" in status.text(), timeout=WAIT_MS)
    assert status.text() == "Server unreachable — reconnecting…"
    # The autosave tried and failed: the text is kept, never shown as saved.
    qtbot.waitUntil(lambda: editor.elsewhere.waiting_for_server, timeout=WAIT_MS)
    assert editor.dirty
    assert editor.save_state.text() == editor.elsewhere.waiting_text()
    editor.offers.flush()
    (kept,) = RecoveryStore.default().pending(editor.newsroom_id)
    assert "والخادم بعيد" in kept.draft.body_html
    assert "والخادم بعيد" not in other_desk.articles.get(article_id).body_html
    _type_at_end(window, " ثم هذا")

    relay.restore()
    qtbot.waitUntil(lambda: not editor.dirty, timeout=WAIT_MS)
    assert status.text() == "Reconnected"
    stored = other_desk.articles.get(article_id).body_html
    assert "قبل الانقطاع وكتب هذا والخادم بعيد ثم هذا" in stored
    assert not editor.elsewhere.waiting_for_server
    editor.offers.flush()
    assert RecoveryStore.default().pending(editor.newsroom_id) == []
    # The status bar said it all: no message box while typing.
    assert window.errors == []  # type: ignore[attr-defined]


def test_another_moderators_decision_leaves_this_desks_queue_and_counts(
    qtbot: QtBot, pg_window: MainWindow, other_desk: Newsroom
) -> None:
    panel = pg_window.moderation
    qtbot.waitUntil(lambda: pg_window.remote.listening, timeout=WAIT_MS)
    pending = other_desk.comments.list_ids(CommentStatus.PENDING)
    assert panel.status is CommentStatus.PENDING and len(pending) > 2
    qtbot.waitUntil(
        lambda: panel.counts.get(CommentStatus.PENDING) == len(pending), timeout=WAIT_MS
    )
    shown = panel.current.id if panel.current else None
    taken = next(i for i in pending if i != shown)
    other_desk.comments.set_status([taken], CommentStatus.APPROVED)
    qtbot.waitUntil(lambda: taken not in panel.model.ids(), timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: panel.counts.get(CommentStatus.PENDING) == len(pending) - 1, timeout=WAIT_MS
    )
    assert (panel.current.id if panel.current else None) == shown
