"""Many desks at once (issue 9): saves and moderation decisions per second, 1 to 10 clients.

Each client is its own process (``tests/many_desks.py``, the stress test's
driver), started before the clock and released together; each works for a
fixed time with no pauses: a ``saver`` saves its own story over the version
it just read (no conflicts: this is throughput, the stress test does the
contention), a ``decider`` moves one comment at a time to a random queue.
The same run measures one PostgreSQL server (a throwaway one from
``tests/pg_server.py`` unless ``--pg-url`` names one) and one SQLite file.

A row's time is the newsroom's time per operation (the run's seconds over
every desk's completed operations: one over the rate); its baseline is the
same with one client, so the ratio is how much faster (below 1) or slower
the newsroom as a whole gets with more desks. Each desk's own latency (p50,
p95) is in the note. The throwaway server runs without fsync, as the test
suite's does; SQLite runs in WAL with synchronous=NORMAL (no fsync per
commit either): both measure the database work, not the disk.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from bench.rows import (
    DESKS_DECISIONS_PG,
    DESKS_DECISIONS_SQLITE,
    DESKS_SAVES_PG,
    DESKS_SAVES_SQLITE,
    Row,
    percentile,
    progress,
)

CLIENTS = (1, 4, 10)
# A twenty-person newsroom saving and deciding far faster than people can.
GOAL_PER_SECOND = 20.0
ROW_NAMES = {
    ("sqlite", "saver"): DESKS_SAVES_SQLITE,
    ("sqlite", "decider"): DESKS_DECISIONS_SQLITE,
    ("postgresql", "saver"): DESKS_SAVES_PG,
    ("postgresql", "decider"): DESKS_DECISIONS_PG,
}
WHAT = {"saver": "saves", "decider": "decisions"}


@contextlib.contextmanager
def postgres_url(pg_url: str | None) -> Iterator[str]:
    """A server URL for the run: the one given, or a throwaway server's (stopped afterwards)."""
    if pg_url:
        yield pg_url
        return
    from tests.pg_server import PostgresServer

    progress("starting a throwaway PostgreSQL server")
    server = PostgresServer().start()
    try:
        yield server.url("postgres")
    finally:
        server.stop()


def fresh_database(server_url: str, name: str) -> str:
    """An empty database ``name`` on the server (dropped first if there): its URL."""
    import psycopg
    from psycopg import sql
    from sqlalchemy.engine import make_url

    url = make_url(server_url)
    dsn = url.set(drivername="postgresql", database="postgres").render_as_string(
        hide_password=False
    )
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return url.set(database=name).render_as_string(hide_password=False)


def run(
    workdir: Path, server: str, *, clients: Sequence[int] = CLIENTS, seconds: float = 5.0
) -> list[Row]:
    """The rows, on a new database of ``server`` (a URL) and on a new SQLite file."""
    rows: list[Row] = []
    targets = {
        "postgresql": fresh_database(server, "midad_bench_desks"),
        "sqlite": str(workdir / "desks.sqlite3"),
    }
    for backend in ("postgresql", "sqlite"):
        rows.extend(_backend_rows(backend, targets[backend], workdir, clients, seconds))
    return rows


def _backend_rows(
    backend: str, target: str, workdir: Path, clients: Sequence[int], seconds: float
) -> list[Row]:
    from sqlalchemy import select

    from editor.dateline import Dateline
    from editor.models import Comment, Section
    from editor.services.articles import ArticleDraft
    from editor.storage import open_newsroom
    from tests.many_desks import DeskSpec, run_desks

    newsroom = open_newsroom(target)
    try:
        with newsroom.read() as session:
            section = session.scalar(select(Section.id).order_by(Section.id).limit(1))
            comments = list(session.scalars(select(Comment.id).order_by(Comment.id)))
        stories = [
            newsroom.articles.create(
                ArticleDraft(
                    headline=f"قصة المكتب {n}",
                    body_html="<p>نص.</p>",
                    dateline=Dateline("بيروت"),
                    section_id=section,
                )
            ).new_id
            for n in range(max(clients))
        ]
    finally:
        newsroom.close()
    rows = []
    for role in ("saver", "decider"):
        base_rate: float | None = None
        for count in clients:
            progress(f"desks: {count} {role}s on {backend}, {seconds:g} s")
            desks = [
                DeskSpec(
                    role,
                    "samira.haddad" if role == "saver" else "omar.khatib",
                    f"{backend}-{role}-{count}-{n}",
                    stories=[stories[n] or 0],
                    comments=comments,
                )
                for n in range(count)
            ]
            with tempfile.TemporaryDirectory(dir=workdir) as folder:
                logs = run_desks(target, desks, seconds, Path(folder))
            rate, row = _row(backend, role, count, logs, base_rate)
            base_rate = base_rate or rate
            rows.append(row)
    return rows


def _row(
    backend: str, role: str, count: int, logs: list[dict[str, Any]], base_rate: float | None
) -> tuple[float, Row]:
    op = "save" if role == "saver" else "decide"
    done = [r for log in logs for r in log["log"] if r["op"] == op and r["outcome"] == "ok"]
    failed = [r for log in logs for r in log["log"] if r["op"] == op and r["outcome"] != "ok"]
    elapsed = max(log["summary"]["seconds"] for log in logs)
    retries = sum(log["summary"]["retries"] for log in logs)
    rate = len(done) / elapsed if elapsed else 0.0
    latencies = [r["t1"] - r["t0"] for r in done]
    per_op = 1 / rate if rate else float("inf")
    base = base_rate or rate
    what = WHAT[role]
    note = (
        f"{rate:,.0f} {what}/s ({len(done):,} in {elapsed:.1f} s; 1 client: {base:,.0f}/s);"
        f" each desk's call p50 {percentile(latencies, 50) * 1000:.0f} ms,"
        f" p95 {percentile(latencies, 95) * 1000:.0f} ms"
        if latencies
        else f"no {what} completed"
    )
    if retries or failed:
        note += f"; {retries} busy retries, {len(failed)} failed"
    return rate, Row(
        ROW_NAMES[backend, role],
        f"{count} client{'s' if count > 1 else ''}",
        [per_op],
        baseline_s=1 / base if base else None,
        baseline="the same work with one client, same run" if count > 1 else "",
        ratio=(base / rate) if rate and count > 1 else None,
        goal_s=1 / GOAL_PER_SECOND,
        goal_text=f"≥ {GOAL_PER_SECOND:.0f}/s",
        note=note,
        extra={
            "per_second": rate,
            "clients": count,
            "operations": len(done),
            "failed": len(failed),
            "retries": retries,
            "seconds": elapsed,
            "latency_p50_s": percentile(latencies, 50) if latencies else None,
            "latency_p95_s": percentile(latencies, 95) if latencies else None,
        },
    )
