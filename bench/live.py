"""Live refresh between desks on PostgreSQL (issue 9, item 4).

- another desk's save heard: from the moment one desk's save starts to
  commit to the moment the other desk's listener (``editor.live.Listener``)
  has the notice, on the run's PostgreSQL server; baseline: a bare psycopg
  ``pg_notify`` (autocommit) on one connection heard by ``LISTEN`` on another,
  measured in the same run. The interface then waits up to 300 ms more to
  merge a burst into one refresh.
- a save with its notification: ``articles.save`` of a short story, which
  now also collects what it touched and sends ``pg_notify`` in its
  transaction; baseline: the same saves, alternating, on a third desk whose
  notifications are switched off (``Newsroom.stop_notifying``).
"""

from __future__ import annotations

import queue
import time

from bench.desks import fresh_database
from bench.rows import LIVE_HEARD, LIVE_SAVE, Row, progress

GOAL_HEARD_S = 0.5
GOAL_SAVE_RATIO = 1.2


def run(server: str, saves: int = 50) -> list[Row]:
    from sqlalchemy import event
    from sqlalchemy.engine import make_url

    from editor import live
    from editor.services.articles import ArticleDraft
    from editor.storage import open_newsroom

    progress(f"live refresh: {saves} saves heard by another desk (PostgreSQL)")
    url = fresh_database(server, "midad_bench_live")
    writer, reader = open_newsroom(url, seed=False), open_newsroom(url, seed=False)
    quiet = open_newsroom(url, seed=False)
    # When the writer's transaction starts committing: the notice cannot leave earlier.
    committing: list[float] = []
    event.listen(writer.engine, "commit", lambda _conn: committing.append(time.perf_counter()))
    if quiet.stop_notifying is not None:
        quiet.stop_notifying()
    heard: queue.Queue[float] = queue.Queue()
    states: queue.Queue[bool] = queue.Queue()
    listener = live.Listener(
        reader, lambda _notice: heard.put(time.perf_counter()), states.put
    ).start()
    try:
        states.get(timeout=30)
        created = writer.articles.create(
            ArticleDraft(headline="خبر المقياس", body_html="<p>نص قصير.</p>")
        )
        heard.get(timeout=30)
        assert created.new_id is not None
        article_id = created.new_id
        version = writer.articles.version(article_id)
        latencies, save_times, quiet_times = [], [], []
        for n in range(saves):
            draft = ArticleDraft(headline=f"خبر المقياس {n}", body_html=f"<p>نص قصير {n}.</p>")
            started = time.perf_counter()
            changes = writer.articles.save(article_id, draft, base_version=version)
            saved = time.perf_counter()
            save_times.append(saved - started)
            version = changes.version or version + 1
            latencies.append(heard.get(timeout=30) - committing[-1])
            # The same save without a notification, alternating so both see the same load.
            draft = ArticleDraft(headline=f"خبر هادئ {n}", body_html=f"<p>نص هادئ {n}.</p>")
            started = time.perf_counter()
            changes = quiet.articles.save(article_id, draft, base_version=version)
            quiet_times.append(time.perf_counter() - started)
            version = changes.version or version + 1
        dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        bare_heard = _bare(dsn, saves)
    finally:
        listener.stop()
        for desk in (writer, reader, quiet):
            desk.close()
    return [
        Row(
            LIVE_HEARD,
            f"{saves} saves",
            latencies,
            baseline_s=bare_heard,
            baseline="bare psycopg NOTIFY heard by LISTEN, same server (p50)",
            ratio=_ratio(latencies, bare_heard),
            goal_s=GOAL_HEARD_S,
            goal_text="p95 ≤ 500 ms (the issue: a second or two)",
            note="the save's commit begins → the other desk's listener has the notice",
        ),
        Row(
            LIVE_SAVE,
            f"{saves} saves",
            save_times,
            baseline_s=_median(quiet_times),
            baseline="the same saves with notifications off, alternating (p50)",
            ratio=_ratio(save_times, _median(quiet_times)),
            goal_ratio=GOAL_SAVE_RATIO,
            goal_text="≤ 1.2× the save without",
            note="a short story, its revision, index update and notification",
        ),
    ]


def _median(values: list[float]) -> float | None:
    return sorted(values)[len(values) // 2] if values else None


def _ratio(samples: list[float], baseline: float | None) -> float | None:
    median = _median(samples)
    return median / baseline if median is not None and baseline else None


def _bare(dsn: str, count: int) -> float | None:
    """p50 of a bare NOTIFY heard by LISTEN on another connection."""
    import psycopg

    heard = []
    with (
        psycopg.connect(dsn, autocommit=True) as listening,
        psycopg.connect(dsn, autocommit=True) as sending,
    ):
        listening.execute("LISTEN midad_bench")
        for n in range(count):
            started = time.perf_counter()
            sending.execute("SELECT pg_notify('midad_bench', %s)", (str(n),))
            for _notify in listening.notifies(timeout=10, stop_after=1):
                heard.append(time.perf_counter() - started)
    return _median(heard)
