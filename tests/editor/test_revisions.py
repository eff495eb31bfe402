"""Revisions through the core: restore, autosave slots, and the dateline look-ups."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from editor.dateline import Dateline
from editor.errors import NotFound
from editor.services.articles import ArticleDraft
from editor.services.revisions import autosave_slot
from editor.storage import Newsroom
from main import main

BODY = '<p>نص الخبر</p><p dir="ltr">An English quote, 2025.</p><h2 dir="rtl">عنوان فرعي</h2>'


def _create(newsroom: Newsroom, **fields: object) -> int:
    draft = ArticleDraft(
        headline="الصين تفتتح معرضا",
        body_html=BODY,
        dateline=Dateline("بكين", dt.date(2025, 10, 28), ("رويترز",)),
    )
    changes = newsroom.articles.create(dataclasses.replace(draft, **fields))  # type: ignore[arg-type]
    assert changes.new_id is not None
    return changes.new_id


def test_restoring_a_revision_makes_a_new_one_with_its_fields(empty_newsroom: Newsroom) -> None:
    nr = empty_newsroom
    article_id = _create(nr)
    first = nr.articles.revisions(article_id)[0]
    view = nr.articles.get(article_id)
    nr.articles.save(
        article_id,
        dataclasses.replace(view.draft(), headline="عنوان آخر", body_html="<p>نص جديد</p>"),
        base_version=view.version,
    )
    version = nr.articles.get(article_id).version
    nr.articles.restore_revision(article_id, first.id, base_version=version)
    restored = nr.articles.get(article_id)
    assert restored.headline == "الصين تفتتح معرضا" and restored.body_html == BODY
    reasons = [r.reason for r in nr.articles.revisions(article_id)]
    assert reasons == ["restore", "save", "create"]


def test_a_revision_of_another_story_cannot_be_restored(empty_newsroom: Newsroom) -> None:
    one, two = _create(empty_newsroom), _create(empty_newsroom, headline="خبر ثان")
    other_revision = empty_newsroom.articles.revisions(two)[0].id
    with pytest.raises(NotFound):
        empty_newsroom.articles.restore_revision(one, other_revision, base_version=1)


def test_autosaves_in_one_slot_share_a_revision(empty_newsroom: Newsroom) -> None:
    nr = empty_newsroom
    article_id = _create(nr)
    for n in range(3):
        view = nr.articles.get(article_id)
        draft = dataclasses.replace(view.draft(), body_html=f"<p>نص {n}</p>")
        nr.articles.save(article_id, draft, base_version=view.version, reason="autosave")
    revisions = nr.articles.revisions(article_id)
    autosaves = [r for r in revisions if r.reason == "autosave"]
    slots = {autosave_slot(r.created) for r in autosaves}
    # Three autosaves a few milliseconds apart: one revision, unless a slot ended between them.
    assert len(autosaves) == len(slots) <= 2
    latest = nr.articles.revision_snapshot(autosaves[0].id)
    assert latest["body_html"] == "<p>نص 2</p>"
    assert autosaves[0].article_version == nr.articles.get(article_id).version
    # A deliberate save is always its own revision.
    view = nr.articles.get(article_id)
    nr.articles.save(
        article_id, dataclasses.replace(view.draft(), byline="سمير"), base_version=view.version
    )
    assert nr.articles.revisions(article_id)[0].reason == "save"


def test_autosave_slots_are_ten_minutes() -> None:
    start = dt.datetime(2025, 10, 28, 9, 20, 0)
    assert autosave_slot(start + dt.timedelta(minutes=9, seconds=59)) == start
    assert autosave_slot(start + dt.timedelta(minutes=10)) != start


def test_dateline_places_most_used_first_and_recent_sources(empty_newsroom: Newsroom) -> None:
    nr = empty_newsroom
    for place, sources in (
        ("طوكيو", ("رويترز",)),
        ("طوكيو", ("فرانس24", "رويترز")),
        ("القاهرة", ("أ ف ب",)),
        ("", ()),
    ):
        _create(nr, dateline=Dateline(place, None, sources))
    places = nr.articles.dateline_places()
    assert [(p.place, p.count) for p in places] == [("طوكيو", 2), ("القاهرة", 1)]
    assert nr.articles.dateline_sources()[0] == "رويترز"
    assert set(nr.articles.dateline_sources()) == {"رويترز", "فرانس24", "أ ف ب"}


def test_paragraph_direction_survives_the_json_export(
    empty_newsroom: Newsroom, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = _create(empty_newsroom)
    empty_newsroom.close()
    assert main(["--db", str(db_path), "show", str(article_id), "--json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["body_html"] == BODY
    assert main(["--db", str(db_path), "articles", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["body_html"] == BODY
