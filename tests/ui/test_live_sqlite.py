"""Live refresh on SQLite: another desk is another process on the same file."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import subprocess
import sys

from pytestqt.qtbot import QtBot

from editor.storage import Newsroom
from tests.conftest import REPO, SEED_PAGE
from ui.live import SqliteWatch
from ui.mainwindow import MainWindow


def test_a_story_added_by_another_process_on_the_same_file_shows_in_the_list(
    qtbot: QtBot, window: MainWindow, newsroom: Newsroom
) -> None:
    listing = window.article_list
    chosen = listing.model.ids()[1]
    listing.select_id(chosen)
    done = subprocess.run(
        [
            sys.executable,
            "main.py",
            "--db",
            str(newsroom.url.database),
            "import-page",
            str(SEED_PAGE),
            "--json",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    new_id = json.loads(done.stdout)["id"]
    qtbot.waitUntil(lambda: new_id in listing.model.ids(), timeout=10_000)
    assert listing.current_id() == chosen
    assert window.editor.article is not None and window.editor.article.id == chosen
    assert window.errors == []  # type: ignore[attr-defined]


def test_the_desks_own_writes_are_not_news_and_another_connections_are(
    qtbot: QtBot, qapp: object, newsroom: Newsroom
) -> None:
    watch = SqliteWatch(newsroom)
    try:
        newsroom.sections.create("قسم من هذا المكتب")
        with qtbot.assertNotEmitted(watch.changed):
            watch.poll()
        with contextlib.closing(sqlite3.connect(str(newsroom.url.database))) as other:
            other.execute("UPDATE articles SET headline = 'من عملية أخرى' WHERE id = 1")
            other.commit()
        with qtbot.waitSignal(watch.changed, timeout=1000):
            watch.poll()
    finally:
        watch.stop()
