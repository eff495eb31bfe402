"""One desk of a newsroom under load: a process that works for a bounded time and logs it all.

``python -m tests.many_desks --db TARGET --role ROLE --login LOGIN --name NAME
--out LOG.json --go GO_FILE --seconds S [--stories 1,2] [--comments 3,4,5]``

The process opens the newsroom, writes ``LOG.json.ready``, waits for the
``GO_FILE`` to exist (so that every desk starts together, after the slow
imports), then works for ``S`` seconds and writes its log: every call it
made, what it asked for and what it saw (success, conflict, refusal, how many
``DatabaseLocked`` retries). ``tests/editor/test_many_desks.py`` checks the
logs against the database; ``bench/desks.py`` counts them per second.

Roles (what a person at that desk does, as fast as a machine can):

- ``journalist``: takes the story's edit lock, reads it, "types" a moment,
  saves its body over the version it read (so two desks on one story
  conflict), releases the lock;
- ``editor``: moves stories between draft, submitted and approved;
- ``moderator``: decides single comments and overlapping sets, undoes some;
- ``saver`` / ``decider``: the benchmark's plain loops (saves of its own
  story; single decisions), with no pauses.

A ``DatabaseLocked`` is retried by re-running the whole service call: safe
here, as each call is one transaction with no effect outside it.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.errors import DatabaseLocked, MidadError
from editor.models import ArticleStatus, CommentStatus
from editor.storage import Newsroom, open_newsroom

RETRIES = 5
REPO = Path(__file__).resolve().parent.parent
S = ArticleStatus
# The editor's moves: from the status it read, to one of these.
EDITOR_MOVES: dict[ArticleStatus, tuple[ArticleStatus, ...]] = {
    S.DRAFT: (S.SUBMITTED,),
    S.SUBMITTED: (S.APPROVED, S.DRAFT),
    S.APPROVED: (S.DRAFT,),
}


class Desk:
    def __init__(self, newsroom: Newsroom, name: str, seed: int) -> None:
        self.newsroom = newsroom
        self.name = name
        self.random = random.Random(seed)
        self.log: list[dict[str, Any]] = []
        self.retries = 0
        self.count = 0

    def call(self, record: dict[str, Any], work: Callable[[], Any]) -> Any:
        """Run one service call, retrying it while the database is busy; log the outcome."""
        record["t0"] = time.monotonic()
        record["retries"] = 0
        result = None
        while True:
            try:
                result = work()
                record["outcome"] = "ok"
            except DatabaseLocked as exc:
                if record["retries"] < RETRIES:
                    record["retries"] += 1
                    self.retries += 1
                    time.sleep(self.random.uniform(0.005, 0.05))
                    continue
                record.update(outcome="error", code=exc.code, message=str(exc))
            except MidadError as exc:
                record.update(outcome="error", code=exc.code, message=str(exc))
            except Exception as exc:
                record.update(
                    outcome="unhandled",
                    code=type(exc).__name__,
                    message=str(exc)[:2000],
                    trace=traceback.format_exc()[-4000:],
                )
            break
        record["t1"] = time.monotonic()
        self.log.append(record)
        return result

    # -- journalists ----------------------------------------------------------

    def journalist(self, stories: list[int], *, pause: bool = True, lock: bool = True) -> None:
        story = self.random.choice(stories)
        self.count += 1
        marker = f"{self.name}-{self.count}"
        held = None
        if lock:
            state = self.call(
                {"op": "acquire", "story": story}, lambda: self.newsroom.locks.acquire(story)
            )
            if state is not None and state.mine:
                held = time.monotonic()
        view = self.call({"op": "read", "story": story}, lambda: self.newsroom.articles.get(story))
        if view is None:
            return
        if pause:
            time.sleep(self.random.uniform(0, 0.02))  # the person types
        draft = dataclasses.replace(
            view.draft(), body_html=f"<p>نص المراسل {marker} من الميدان.</p>"
        )
        record = {"op": "save", "story": story, "base": view.version, "marker": marker}
        changes = self.call(
            record,
            lambda: self.newsroom.articles.save(story, draft, base_version=view.version),
        )
        if changes is not None:
            record["version"] = changes.version
        if held is not None:
            self.log.append(
                {
                    "op": "hold",
                    "story": story,
                    "start": held,
                    "end": time.monotonic(),
                    "outcome": "ok",
                }
            )
            self.call({"op": "release", "story": story}, lambda: self.newsroom.locks.release(story))

    # -- editors ---------------------------------------------------------------

    def editor(self, stories: list[int]) -> None:
        story = self.random.choice(stories)
        view = self.call({"op": "read", "story": story}, lambda: self.newsroom.articles.get(story))
        if view is None or view.status not in EDITOR_MOVES:
            return
        target = self.random.choice(EDITOR_MOVES[view.status])
        note = "راجع المصادر" if target is S.DRAFT else ""
        self.call(
            {"op": "transition", "story": story, "seen": view.status.value, "to": target.value},
            lambda: self.newsroom.workflow.transition(story, target, note=note),
        )

    # -- moderators -------------------------------------------------------------

    def moderator(self, comments: list[int], batches: list[Any]) -> None:
        roll = self.random.random()
        if roll < 0.15 and batches:
            batch = batches.pop()
            record: dict[str, Any] = {"op": "undo", "undoes": [batch.first_id, batch.last_id]}
            decided = self.call(record, lambda: self.newsroom.comments.undo(batch))
        else:
            if roll < 0.6:
                ids = [self.random.choice(comments)]
            else:
                start = self.random.randrange(len(comments))
                width = self.random.randint(5, 15)
                ids = [comments[(start + i) % len(comments)] for i in range(width)]
            status = self.random.choice(list(CommentStatus))
            record = {"op": "decide", "ids": ids, "to": status.value}
            decided = self.call(record, lambda: self.newsroom.comments.decide(ids, status))
        if decided is not None:
            record["moved"] = sorted(decided.changes.comments)
            if decided.batch is not None:
                batch = decided.batch
                record["batch"] = [batch.first_id, batch.last_id, batch.count]
                batches.append(batch)

    def decider(self, comments: list[int]) -> None:
        comment = self.random.choice(comments)
        status = self.random.choice(list(CommentStatus))
        record: dict[str, Any] = {"op": "decide", "ids": [comment], "to": status.value}
        decided = self.call(record, lambda: self.newsroom.comments.decide([comment], status))
        if decided is not None:
            record["moved"] = sorted(decided.changes.comments)


@dataclass(frozen=True)
class DeskSpec:
    role: str
    login: str
    name: str
    stories: Sequence[int] = ()
    comments: Sequence[int] = field(default_factory=tuple)


def run_desks(
    db: str, desks: Sequence[DeskSpec], seconds: float, folder: Path, *, timeout: float = 120
) -> list[dict[str, Any]]:
    """Start one process per desk, let them all work ``seconds`` together, return their logs."""
    folder.mkdir(parents=True, exist_ok=True)
    go = folder / "go"
    processes = []
    for n, desk in enumerate(desks):
        out = folder / f"{desk.name}.json"
        args = [sys.executable, "-m", "tests.many_desks", "--db", db, "--role", desk.role]
        args += ["--login", desk.login, "--name", desk.name, "--out", str(out), "--go", str(go)]
        args += ["--seconds", str(seconds), "--seed", str(n)]
        args += ["--stories", ",".join(map(str, desk.stories))]
        args += ["--comments", ",".join(map(str, desk.comments))]
        err = (folder / f"{desk.name}.stderr").open("wb")
        processes.append((desk, out, subprocess.Popen(args, cwd=REPO, stderr=err)))
        err.close()
    try:
        deadline = time.monotonic() + timeout
        for desk, out, process in processes:
            while not out.with_name(out.name + ".ready").exists():
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"desk {desk.name} did not start:\n{_stderr(folder, desk)}")
                time.sleep(0.01)
        go.touch()
        for desk, _out, process in processes:
            code = process.wait(timeout=max(1.0, deadline - time.monotonic()) + seconds)
            if code != 0:
                raise RuntimeError(f"desk {desk.name} failed ({code}):\n{_stderr(folder, desk)}")
    finally:
        for _desk, _out, process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
    return [json.loads(out.read_text("utf-8")) for _desk, out, _process in processes]


def _stderr(folder: Path, desk: DeskSpec) -> str:
    return (folder / f"{desk.name}.stderr").read_text(errors="replace")[-4000:]


def _ids(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.many_desks")
    parser.add_argument("--db", required=True)
    parser.add_argument("--role", required=True)
    parser.add_argument("--login", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--go", type=Path, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--stories", type=_ids, default=[])
    parser.add_argument("--comments", type=_ids, default=[])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    newsroom = open_newsroom(args.db, seed=False)
    try:
        newsroom.act_as(args.login)
        desk = Desk(newsroom, args.name, args.seed)
        args.out.with_name(args.out.name + ".ready").touch()
        while not args.go.exists():
            time.sleep(0.005)
        started = time.monotonic()
        deadline = started + args.seconds
        batches: list[Any] = []
        while time.monotonic() < deadline:
            if args.role == "journalist":
                desk.journalist(args.stories)
            elif args.role == "saver":
                desk.journalist(args.stories, pause=False, lock=False)
            elif args.role == "editor":
                desk.editor(args.stories)
            elif args.role == "moderator":
                desk.moderator(args.comments, batches)
            elif args.role == "decider":
                desk.decider(args.comments)
            else:
                raise SystemExit(f"unknown role {args.role!r}")
        elapsed = time.monotonic() - started
    finally:
        newsroom.close()
    summary = {"name": args.name, "role": args.role, "pid": os.getpid(), "seconds": elapsed}
    summary["retries"] = desk.retries
    temporary = args.out.with_name(args.out.name + ".partial")
    temporary.write_text(json.dumps({"summary": summary, "log": desk.log}, ensure_ascii=False))
    os.replace(temporary, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
