"""Row 1: loading the corpus through the project's bulk path, against raw sqlite3."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bench import diagnose
from bench.corpus import (
    ARTICLE_TAGS,
    ARTICLES,
    CoreLoader,
    Corpus,
    CorpusSpec,
    LoadCounts,
    RawLoader,
    load_content,
    load_reference,
)
from bench.rows import LOAD, Row, progress
from editor.storage import open_newsroom

GOAL_RATIO = 3.0


def run(spec: CorpusSpec, core_db: Path, raw_db: Path) -> tuple[Row, LoadCounts]:
    """Fill ``core_db`` (kept for the other rows) and ``raw_db`` with the same rows."""
    newsroom = open_newsroom(str(core_db), seed=False)
    open_newsroom(str(raw_db), seed=False).close()  # the same schema, by the same migrations
    try:
        corpus = Corpus(spec)
        # Users, sections and tags first, untimed: they are a few thousand rows.
        with CoreLoader(newsroom.engine) as core, RawLoader(raw_db) as raw:
            load_reference(corpus, [core, raw])
        progress(
            f"loading {spec.articles:,} articles and {spec.comments:,} comments"
            " (Core and raw sqlite3, batch by batch)"
        )
        with CoreLoader(newsroom.engine) as core, RawLoader(raw_db) as raw:
            counts = load_content(corpus, [core, raw])
    finally:
        newsroom.close()
    ratio = core.elapsed / raw.elapsed if raw.elapsed else None
    row = Row(
        LOAD,
        size=(
            f"{counts.articles:,} art + {counts.article_tags:,} art_tags + {counts.comments:,} com"
        ),
        seconds=[core.elapsed],
        baseline_s=raw.elapsed,
        baseline=(
            "raw sqlite3.executemany of the same rows (pre-serialised) into the same schema"
            " in another file, one transaction, same pragmas (WAL, foreign keys, synchronous"
            " NORMAL); generation time excluded from both"
        ),
        ratio=ratio,
        goal_ratio=GOAL_RATIO,
        goal_text=f"≤ {GOAL_RATIO:g}× baseline",
        extra={
            "counts": vars(counts),
            "core_by_table_s": dict(core.by_table),
            "raw_by_table_s": dict(raw.by_table),
        },
    )
    split = ", ".join(
        f"{table} {core.by_table[table] / raw.by_table[table]:.1f}×"
        for table in core.by_table
        if raw.by_table.get(table)
    )
    row.note = f"Core/raw by table: {split}"
    if row.missed:
        row.note += "; " + _profile_one_batch(spec, core_db.with_name("profile.sqlite3"))
    return row, counts


def _profile_one_batch(spec: CorpusSpec, scratch: Path) -> str:
    """Profile the Core insert of one article batch into a scratch database."""
    small = replace(spec, articles=min(spec.articles, spec.article_batch), comments=0)
    corpus = Corpus(small)
    newsroom = open_newsroom(str(scratch), seed=False)
    try:
        with CoreLoader(newsroom.engine) as core:
            load_reference(corpus, [core])
        articles, links = next(corpus.article_batches())

        def insert_batch() -> None:
            with CoreLoader(newsroom.engine) as loader:
                loader.insert(ARTICLES, articles)
                loader.insert(ARTICLE_TAGS, links)

        return diagnose.profile_breakdown(insert_batch)
    finally:
        newsroom.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{scratch}{suffix}").unlink(missing_ok=True)
