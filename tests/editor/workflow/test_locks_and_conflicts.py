"""Edit locks and conflicting saves, across real processes on one SQLite file."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, update

from editor.errors import ConflictError, PermissionDenied
from editor.models import EditLock, Role
from editor.storage import Newsroom, open_newsroom
from editor.workflow.merge import merge_with_current
from tests.conftest import REPO

PASSWORD = "كلمة-سر-طويلة"

# A second desk, in its own process: it saves the story with one field changed,
# starting from the version it is given.
OTHER_DESK = """
import dataclasses, json, sys
from editor.storage import open_newsroom
db, login, password, article_id, base, field, value = sys.argv[1:8]
nr = open_newsroom(db)
nr.users.sign_in(login, password)
view = nr.articles.get(int(article_id))
draft = dataclasses.replace(view.draft(), **{field: value})
try:
    nr.articles.save(int(article_id), draft, base_version=int(base))
    print(json.dumps({"saved": True, "version": nr.articles.get(int(article_id)).version}))
except Exception as exc:
    print(json.dumps({"saved": False, "error": type(exc).__name__}))
"""


@pytest.fixture
def desk(newsroom: Newsroom) -> Newsroom:
    newsroom.users.add("admin", Role.ADMIN, "المدير", PASSWORD)
    newsroom.users.sign_in("admin", PASSWORD)
    newsroom.users.add("hala", Role.EDITOR, "هالة", PASSWORD)
    newsroom.users.add("omar", Role.JOURNALIST, "عمر", PASSWORD)
    return newsroom


def _other_desk(db: Path, login: str, article_id: int, base: int, field: str, value: str) -> dict:  # type: ignore[type-arg]
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            OTHER_DESK,
            str(db),
            login,
            PASSWORD,
            str(article_id),
            str(base),
            field,
            value,
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def _second_desk(desk: Newsroom, login: str) -> Newsroom:
    other = open_newsroom(desk.url)
    other.users.sign_in(login, PASSWORD)
    return other


def test_a_lock_shows_who_edits_and_an_editor_may_take_over(desk: Newsroom) -> None:
    story = desk.articles.list_ids()[0]
    desk.users.sign_in("omar", PASSWORD)
    assert desk.locks.acquire(story).mine
    hala = _second_desk(desk, "hala")
    try:
        seen = hala.locks.acquire(story)
        assert not seen.mine and seen.holder == "عمر" and seen.since is not None
        omar_again = _second_desk(desk, "omar")  # the same person on another laptop
        assert not omar_again.locks.acquire(story).mine
        with pytest.raises(PermissionDenied):
            omar_again.locks.take_over(story)
        assert hala.locks.take_over(story).mine
        assert desk.locks.state(story).holder == "هالة"  # omar learns it before saving
        assert hala.workflow.activity(article_id=story, limit=1)[0].action == "take_over"
        hala.locks.release(story)
        assert desk.locks.acquire(story).mine
        omar_again.close()
    finally:
        hala.close()


def test_the_lock_of_a_crashed_session_expires(desk: Newsroom) -> None:
    story = desk.articles.list_ids()[0]
    crashed = _second_desk(desk, "omar")
    assert crashed.locks.acquire(story).mine
    crashed.engine.dispose()  # gone without releasing, as after kill -9
    desk.users.sign_in("hala", PASSWORD)
    assert not desk.locks.acquire(story).mine
    with desk.engine.begin() as conn:  # ten minutes pass without a heartbeat
        for article_id, beat in conn.execute(select(EditLock.article_id, EditLock.heartbeat)):
            conn.execute(
                update(EditLock)
                .where(EditLock.article_id == article_id)
                .values(heartbeat=beat - dt.timedelta(minutes=10))
            )
    assert desk.locks.acquire(story).mine


def test_changes_to_different_fields_merge_across_processes(desk: Newsroom, db_path: Path) -> None:
    desk.users.sign_in("hala", PASSWORD)
    story = desk.articles.list_ids()[0]
    opened = desk.articles.get(story)  # both desks start from this version
    theirs = _other_desk(
        db_path, "omar", story, opened.version, "headline", "عنوان من المكتب الآخر"
    )
    assert theirs["saved"]
    mine = dataclasses.replace(opened.draft(), byline="هالة من القاهرة")
    with pytest.raises(ConflictError):
        desk.articles.save(story, mine, base_version=opened.version)
    result = merge_with_current(desk, story, mine, opened.version)
    assert result.conflicts == () and result.taken_from_theirs == ("headline",)
    desk.articles.save(story, result.merged, base_version=result.current_version)
    saved = desk.articles.get(story)
    assert saved.headline == "عنوان من المكتب الآخر" and saved.byline == "هالة من القاهرة"


def test_the_same_field_changed_on_both_sides_is_a_choice(desk: Newsroom, db_path: Path) -> None:
    desk.users.sign_in("hala", PASSWORD)
    story = desk.articles.list_ids()[0]
    opened = desk.articles.get(story)
    assert _other_desk(db_path, "omar", story, opened.version, "headline", "عنوان عمر")["saved"]
    mine = dataclasses.replace(opened.draft(), headline="عنوان هالة", standfirst="مقدمة جديدة")
    result = merge_with_current(desk, story, mine, opened.version)
    assert [(c.field, c.mine, c.theirs) for c in result.conflicts] == [
        ("headline", "عنوان هالة", "عنوان عمر")
    ]
    assert result.merged.standfirst == "مقدمة جديدة"
    # Nothing was overwritten while the person decides.
    assert desk.articles.get(story).headline == "عنوان عمر"
    # A stale save from the other process is refused too, not silently applied.
    late = _other_desk(db_path, "omar", story, opened.version, "byline", "متأخر")
    assert late == {"saved": False, "error": "ConflictError"}
