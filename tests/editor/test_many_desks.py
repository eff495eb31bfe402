"""Many desks at once: real processes on one newsroom, then the log checked against the database.

Six processes (``tests/many_desks.py``) work for a few seconds on the same
few stories and comments: two journalists save the same two stories over
the versions they read (so they conflict, with each other and with the
editors), two editors move those stories between draft, submitted and
approved, two moderators decide single comments and overlapping sets and undo
some of their batches. Then:

- nothing was lost: every save that reported success is the revision of the
  version it reported, the story's text is the latest of them, and a story's
  versions went up by exactly one per successful save or move;
- every error was one a person is meant to see (a conflict, a refused move),
  and ``DatabaseLocked`` only ever as a retry that then succeeded;
- the final state agrees with the logs: each comment's status is its last
  decision's, each decision starts where the one before it left the comment,
  each batch holds exactly the comments its desk was told moved; each story's
  status is its last activity-log event's, the moves chain the same way;
- two desks never held the same story's edit lock at the same time.

On SQLite the six processes share one local file, a legitimate newsroom too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from editor.dateline import Dateline
from editor.models import (
    Article,
    ArticleEvent,
    ArticleStatus,
    Comment,
    ModerationDecision,
    Revision,
    Section,
)
from editor.services.articles import ArticleDraft
from editor.storage import Newsroom
from tests.many_desks import DeskSpec, run_desks

SECONDS = 2.0
JOURNALIST, JOURNALIST2 = "samira.haddad", "karim.mansour"
EDITOR, MODERATOR = "nadia.salem", "omar.khatib"
# What a person may meet at each desk: anything else is a bug.
EXPECTED_ERRORS = {
    "save": {"conflict"},
    "transition": {"permission_denied"},  # the story moved since the editor read it
}


def _stories(newsroom: Newsroom, count: int) -> list[int]:
    with newsroom.read() as session:
        section = session.scalar(select(Section.id).order_by(Section.id).limit(1))
    ids = []
    for n in range(count):
        draft = ArticleDraft(
            headline=f"قصة تحت الضغط {n}",
            body_html="<p>نص أول.</p>",
            dateline=Dateline("القاهرة"),
            section_id=section,
        )
        new_id = newsroom.articles.create(draft).new_id
        assert new_id is not None
        ids.append(new_id)
    return ids


def _state_before(newsroom: Newsroom, stories: list[int]) -> dict[str, Any]:
    with newsroom.read() as session:
        return {
            "decision": session.scalar(select(func.max(ModerationDecision.id))) or 0,
            "event": session.scalar(select(func.max(ArticleEvent.id))) or 0,
            "revision": session.scalar(select(func.max(Revision.id))) or 0,
            "comments": dict(session.execute(select(Comment.id, Comment.status)).all()),
            "stories": {
                a.id: (a.version, ArticleStatus(a.status))
                for a in session.scalars(select(Article).where(Article.id.in_(stories)))
            },
        }


def test_many_desks_at_once_lose_nothing(newsroom: Newsroom, db_path: Any, tmp_path: Path) -> None:
    stories = _stories(newsroom, 3)
    with newsroom.read() as session:
        comments = list(session.scalars(select(Comment.id).order_by(Comment.id)))
    before = _state_before(newsroom, stories)
    desks = [
        DeskSpec("journalist", JOURNALIST, "j1", stories=stories[:2]),
        DeskSpec("journalist", JOURNALIST2, "j2", stories=stories[:2]),
        DeskSpec("editor", EDITOR, "e1", stories=stories),
        DeskSpec("editor", EDITOR, "e2", stories=stories),
        DeskSpec("moderator", MODERATOR, "m1", comments=comments),
        DeskSpec("moderator", MODERATOR, "m2", comments=comments),
    ]
    logs = run_desks(str(db_path), desks, SECONDS, tmp_path / "desks")
    records = [dict(r, desk=log["summary"]["name"]) for log in logs for r in log["log"]]

    _check_errors(records)
    _check_saves(newsroom, records, before)
    _check_transitions(newsroom, records, before)
    _check_decisions(newsroom, records, before)
    _check_locks(records)


def _check_errors(records: list[dict[str, Any]]) -> None:
    unhandled = [r for r in records if r["outcome"] == "unhandled"]
    assert not unhandled, "\n\n".join(f"{r['desk']} {r['op']}: {r['trace']}" for r in unhandled[:3])
    unexpected = [
        r
        for r in records
        if r["outcome"] == "error" and r["code"] not in EXPECTED_ERRORS.get(r["op"], set())
    ]
    assert not unexpected, unexpected[:5]
    for r in records:
        if r["outcome"] == "error":
            assert r["message"], r  # a sentence a person can read, not an empty error
    done = Counter((r["op"], r["outcome"]) for r in records)
    # The run did what it was meant to: work at every desk, and real contention.
    assert done["save", "ok"] > 0 and done["save", "error"] > 0, done
    assert done["transition", "ok"] > 0, done
    assert done["decide", "ok"] > 0, done


def _check_saves(newsroom: Newsroom, records: list[dict[str, Any]], before: dict[str, Any]) -> None:
    saves: dict[int, dict[int, str]] = defaultdict(dict)
    for r in records:
        if r["op"] == "save" and r["outcome"] == "ok":
            assert r["version"] is not None and r["version"] > r["base"], r
            assert r["version"] not in saves[r["story"]], f"two saves reported one version: {r}"
            saves[r["story"]][r["version"]] = r["marker"]
    moves = Counter(r["story"] for r in records if r["op"] == "transition" and r["outcome"] == "ok")
    with newsroom.read() as session:
        for story, (version, _status) in before["stories"].items():
            article = session.get(Article, story)
            assert article is not None
            revisions = session.execute(
                select(Revision.article_version, Revision.snapshot)
                .where(Revision.article_id == story, Revision.id > before["revision"])
                .order_by(Revision.id)
            ).all()
            stored = [v for v, _ in revisions]
            # One revision per successful save, in version order, none other.
            assert stored == sorted(saves[story]), (story, stored, sorted(saves[story]))
            for v, snapshot in revisions:
                assert saves[story][v] in snapshot["body_html"], (story, v)
            # No save and no move went missing or was counted twice.
            assert article.version == version + len(saves[story]) + moves[story], story
            if saves[story]:
                last = saves[story][max(saves[story])]
                assert last in article.body_html, (story, last, article.body_html)


def _check_transitions(
    newsroom: Newsroom, records: list[dict[str, Any]], before: dict[str, Any]
) -> None:
    moved = Counter(
        (r["story"], r["to"]) for r in records if r["op"] == "transition" and r["outcome"] == "ok"
    )
    with newsroom.read() as session:
        events = session.execute(
            select(ArticleEvent.article_id, ArticleEvent.from_status, ArticleEvent.to_status)
            .where(ArticleEvent.id > before["event"])
            .order_by(ArticleEvent.id)
        ).all()
        assert Counter((a, to) for a, _f, to in events) == moved
        for story, (_version, status) in before["stories"].items():
            current = status.value
            for article_id, from_status, to_status in events:
                if article_id == story:
                    assert from_status == current, (story, from_status, current)
                    current = to_status
            assert session.get(Article, story).status == current  # type: ignore[union-attr]


def _check_decisions(
    newsroom: Newsroom, records: list[dict[str, Any]], before: dict[str, Any]
) -> None:
    ok = [r for r in records if r["op"] in ("decide", "undo") and r["outcome"] == "ok"]
    with newsroom.read() as session:
        decisions = session.execute(
            select(
                ModerationDecision.id,
                ModerationDecision.comment_id,
                ModerationDecision.from_status,
                ModerationDecision.to_status,
            )
            .where(ModerationDecision.id > before["decision"])
            .order_by(ModerationDecision.id)
        ).all()
        final = dict(session.execute(select(Comment.id, Comment.status)).all())
    assert len(decisions) == sum(len(r["moved"]) for r in ok)
    by_id = {d.id: d for d in decisions}
    for r in ok:
        if "batch" not in r:
            assert r["moved"] == [], r
            continue
        first, last, count = r["batch"]
        mine = [by_id[i] for i in range(first, last + 1)]
        # A batch is exactly the comments its desk was told moved: no other desk's.
        assert sorted(d.comment_id for d in mine) == r["moved"] and count == len(mine), r
        if r["op"] == "decide":
            assert {d.to_status for d in mine} == {r["to"]}, r
            assert set(r["moved"]) <= set(r["ids"]), r
    current = {cid: status.value for cid, status in before["comments"].items()}
    for d in decisions:
        assert d.from_status == current[d.comment_id], d  # each starts where the last left it
        assert d.from_status != d.to_status, d
        current[d.comment_id] = d.to_status
    assert {cid: s.value for cid, s in final.items()} == current


def _check_locks(records: list[dict[str, Any]]) -> None:
    holds: dict[int, list[tuple[float, float, str]]] = defaultdict(list)
    for r in records:
        if r["op"] == "hold":
            holds[r["story"]].append((r["start"], r["end"], r["desk"]))
    assert holds, "no desk ever held an edit lock"
    for story, spans in holds.items():
        spans.sort()
        held_until, holder = spans[0][1], spans[0][2]
        for start, end, desk in spans[1:]:
            assert start >= held_until, f"story {story}: {holder} and {desk} both held its lock"
            if end > held_until:
                held_until, holder = end, desk
