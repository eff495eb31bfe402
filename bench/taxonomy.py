"""The section and tag rows (issue 4).

- both taxonomy panels opened (models filled, first screen painted) with
  5,000 tags and 500 sections over the whole corpus;
- merging two tags used by 50,000 stories each (half of them shared), then
  its undo, which must give every story back exactly its own tags;
- the near-duplicate finder over the 5,000 tags.

The corpus has ~50 sections and 2,000 tags: the rest are added first (not
timed), a few of them spelling variants of existing names so the finder
has something to find. Needs a QApplication (the caller creates it).
"""

from __future__ import annotations

import gc
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from sqlalchemy import func, insert, select

from bench import diagnose
from bench.rows import (
    TAXONOMY_DUPLICATES,
    TAXONOMY_MERGE,
    TAXONOMY_PANELS,
    Row,
    progress,
    repeat,
    timed,
)
from bench.vocab import Vocabulary
from editor.arabic import normalize, taxonomy_key
from editor.models import Article, Section, Tag, article_tags
from editor.services.taxonomy import TaxonomyChanges
from editor.slugs import make_slug
from editor.storage import Newsroom
from ui.bus import ChangeBus
from ui.ops import Ops
from ui.taxonomy.panels import SectionPanel, TagPanel

TAGS = 5_000
SECTIONS = 500
MERGE_STORIES = 50_000
SEARCH_SAMPLE = 1_000
SCREEN_ROWS = 40
GOAL_PANELS_S = 0.100
GOAL_MERGE_S = 1.0
GOAL_DUPLICATES_S = 0.5
# Spelling variants the finder should group: what journalists type differently.
VARIANTS = (
    lambda n: n.replace("ة", "ه"),
    lambda n: "ال" + n if not n.startswith("ال") else n[2:],
    lambda n: n[:2] + "ـ" + n[2:],
    lambda n: n.replace("ا", "أ", 1),
    lambda n: n.replace(" ", "  ") if " " in n else n + "ً",
)


def run(newsroom: Newsroom, db: Path, runs: int, seed: int) -> list[Row]:
    rng = random.Random(seed + 4)
    _top_up(newsroom, rng)
    raw = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [
            _panels(newsroom, db, raw, runs),
            _merge(newsroom, db, max(2, runs // 2 + 1), rng),
            _duplicates(newsroom, db, raw, runs),
        ]
    finally:
        raw.close()


# -- the corpus grown to newsroom scale (untimed) -------------------------------


def _top_up(newsroom: Newsroom, rng: random.Random) -> None:
    with newsroom.write() as session:
        tags = session.execute(select(Tag.name, Tag.norm_name, Tag.slug)).all()
        names = [t.name for t in tags]
        norms = {t.norm_name for t in tags}
        slugs = {t.slug for t in tags}
        sections = session.execute(select(Section.id, Section.slug)).all()
        next_tag = int(session.scalar(select(func.max(Tag.id))) or 0) + 1
        next_section = int(session.scalar(select(func.max(Section.id))) or 0) + 1
        vocab = Vocabulary(rng.randrange(1 << 30))
        new_tags: list[dict[str, Any]] = []
        keys = {taxonomy_key(n) for n in names}
        while len(names) + len(new_tags) < TAGS:
            if rng.random() < 0.04:  # a spelling variant of a tag that exists
                name = rng.choice(VARIANTS)(rng.choice(names))
            else:
                name = " ".join(rng.sample(vocab.content, rng.choice((1, 2, 2, 3))))
                if taxonomy_key(name) in keys:
                    continue
            norm, slug = normalize(name), f"{make_slug(name)}-{next_tag}"
            if norm in norms or slug in slugs:
                continue
            norms.add(norm)
            slugs.add(slug)
            keys.add(taxonomy_key(name))
            new_tags.append({"id": next_tag, "name": name, "norm_name": norm, "slug": slug})
            next_tag += 1
        if new_tags:
            session.execute(insert(Tag), new_tags)
        parents = [s.id for s in sections]
        new_sections = []
        for n in range(max(0, SECTIONS - len(sections))):
            name = f"{rng.choice(vocab.content)} {n + 1}"
            new_sections.append(
                {
                    "id": next_section,
                    "name": name,
                    "slug": f"{make_slug(name)}-{next_section}",
                    "slug_manual": False,
                    "parent_id": rng.choice(parents),
                    "position": 1000 + n,
                    "description": "",
                }
            )
            next_section += 1
        if new_sections:
            session.execute(insert(Section), new_sections)
    progress(f"taxonomy: grown to {TAGS:,} tags and {SECTIONS:,} sections")


# -- row: both panels open ---------------------------------------------------------


def _first_screen(sections: SectionPanel, tags: TagPanel) -> None:
    """What the views ask for on their first paint."""
    model = sections.model
    for row in range(min(SCREEN_ROWS, model.rowCount())):
        index = model.index(row, 0)
        model.data(index, Qt.ItemDataRole.DisplayRole)
        for child in range(min(3, model.rowCount(index))):
            model.data(model.index(child, 0, index), Qt.ItemDataRole.DisplayRole)
    proxy = tags.proxy
    for row in range(min(SCREEN_ROWS, proxy.rowCount())):
        for column in (0, 1):
            proxy.data(proxy.index(row, column, QModelIndex()), Qt.ItemDataRole.DisplayRole)


def _panels(newsroom: Newsroom, db: Path, raw: sqlite3.Connection, runs: int) -> Row:
    progress(f"taxonomy: open both panels x{runs}")
    ops = Ops(ChangeBus())
    stack = QUndoStack()
    kept: list[object] = []

    def open_panels() -> None:
        sections = SectionPanel(newsroom, ops, stack)
        tags = TagPanel(newsroom, ops, stack)
        _first_screen(sections, tags)
        kept[:] = [sections, tags]

    open_panels()  # warm-up
    samples = []
    for _ in range(runs):
        # The panels the previous run made are garbage now; collecting them is
        # that run's cost, not this one's (a window opens its panels once).
        gc.collect()
        samples.append(timed(open_panels))

    def raw_open() -> None:
        raw.execute("SELECT id, name, slug, parent_id, position FROM sections").fetchall()
        raw.execute(
            "SELECT section_id, status, count(*) FROM articles"
            " WHERE section_id IS NOT NULL GROUP BY section_id, status"
        ).fetchall()
        tag_ids = [r[0] for r in raw.execute("SELECT id, name FROM tags ORDER BY name")]
        head = tag_ids[:SCREEN_ROWS]
        marks = ", ".join("?" for _ in head)
        raw.execute(
            f"SELECT tag_id, count(*) FROM article_tags WHERE tag_id IN ({marks}) GROUP BY tag_id",
            head,
        ).fetchall()

    raw_open()
    baseline = repeat(raw_open, runs)
    counts = _counts(newsroom)
    row = Row(
        TAXONOMY_PANELS,
        size=f"{counts['tags']:,} tags, {counts['sections']:,} sections,"
        f" {counts['articles']:,} articles",
        seconds=samples,
        baseline_s=sorted(baseline)[len(baseline) // 2],
        baseline=(
            "raw sqlite3: every section, section counts per status, every tag name, and the"
            f" first {SCREEN_ROWS} tags' counts (p50)"
        ),
        goal_s=GOAL_PANELS_S,
        goal_text=f"≤ {GOAL_PANELS_S * 1000:g} ms",
        note="models filled and first screen asked for; the previous run's panels are"
        " garbage-collected before each run, outside the time",
    )
    _finish(row, open_panels, newsroom, db)
    return row


# -- row: merging two big tags ------------------------------------------------------


def _merge(newsroom: Newsroom, db: Path, runs: int, rng: random.Random) -> Row:
    with newsroom.read() as session:
        ids = list(session.scalars(select(Article.id).order_by(Article.id)))
    per_tag = min(MERGE_STORIES, len(ids))
    shift = per_tag // 2  # half of the stories carry both
    first = ids[:per_tag]
    second = ids[shift : shift + per_tag] if len(ids) >= shift + per_tag else ids[-per_tag:]
    target = newsroom.tags.create("الطاقة المتجددة (مقياس)").new_id
    source = newsroom.tags.create("طاقة متجددة (مقياس)").new_id
    assert target is not None and source is not None
    with newsroom.write() as session:
        for tag, stories in ((target, first), (source, second)):
            session.execute(
                insert(article_tags), [{"article_id": a, "tag_id": tag} for a in stories]
            )
    progress(f"taxonomy: merge two tags of {per_tag:,} stories x{runs} (and undo)")
    merges: list[float] = []
    undos: list[float] = []
    exact: list[bool] = []
    last: list[TaxonomyChanges] = []
    before = _links(newsroom, (target, source))
    for _ in range(runs):
        merges.append(timed(lambda: last.append(newsroom.tags.merge(target, [source]))))
        delta = last[-1].delta
        assert delta is not None
        undos.append(timed(lambda d=delta: newsroom.taxonomy.undo(d)))
        exact.append(_links(newsroom, (target, source)) == before)
    baseline = [_raw_merge(db, target, source) for _ in range(runs)]
    row = Row(
        TAXONOMY_MERGE,
        size=f"2 tags × {per_tag:,} stories ({len(set(first) & set(second)):,} carry both)",
        seconds=merges,
        baseline_s=sorted(baseline)[len(baseline) // 2],
        baseline=(
            "raw sqlite3 set-based merge in one transaction, rolled back: INSERT OR IGNORE …"
            " SELECT, DELETE the source's links and row (p50; no undo record, no checks)"
        ),
        goal_s=GOAL_MERGE_S,
        goal_text=f"≤ {GOAL_MERGE_S:g} s",
        extra={"undo_s": undos, "undo_exact": exact},
    )
    pending = last[-1].search_pending
    sample = list(pending[:SEARCH_SAMPLE])
    catch_up = timed(lambda: newsroom.taxonomy.catch_up_search(sample)) if sample else 0.0
    per_story = catch_up / max(1, len(sample))
    row.extra["search_catch_up_per_story_s"] = per_story
    row.note = (
        f"undo p50 {sorted(undos)[len(undos) // 2] * 1000:.0f} ms;"
        f" every undo restored each story's exact tags: {'yes' if all(exact) else 'NO'};"
        f" the search index then catches up in the background, a batch per transaction:"
        f" {per_story * 1000:.1f} ms a story (measured on {len(sample):,}), so about"
        f" {per_story * len(pending):.0f} s for the {len(pending):,} retagged stories"
    )
    if row.p50 is not None and row.baseline_s:
        row.ratio = row.p50 / row.baseline_s
    if row.missed:
        progress(f"{row.name}: goal missed, profiling one run")

        def again() -> None:
            changes = newsroom.tags.merge(target, [source])
            assert changes.delta is not None
            newsroom.taxonomy.undo(changes.delta)

        row.note += "; " + diagnose.explain_work(again, newsroom.engine, db)
    return row


def _links(newsroom: Newsroom, tags: tuple[int, int]) -> list[tuple[int, int]]:
    with newsroom.read() as session:
        rows = session.execute(
            select(article_tags.c.article_id, article_tags.c.tag_id).where(
                article_tags.c.tag_id.in_(tags)
            )
        )
        return sorted((int(a), int(t)) for a, t in rows)


def _raw_merge(db: Path, target: int, source: int) -> float:
    conn = sqlite3.connect(str(db), isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")

        def merge() -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT OR IGNORE INTO article_tags (article_id, tag_id)"
                " SELECT article_id, ? FROM article_tags WHERE tag_id = ?",
                (target, source),
            )
            conn.execute("DELETE FROM article_tags WHERE tag_id = ?", (source,))
            conn.execute("DELETE FROM tags WHERE id = ?", (source,))

        spent = timed(merge)
        conn.execute("ROLLBACK")
        return spent
    finally:
        conn.close()


# -- row: the near-duplicate finder ---------------------------------------------------


def _duplicates(newsroom: Newsroom, db: Path, raw: sqlite3.Connection, runs: int) -> Row:
    progress(f"taxonomy: near-duplicate finder x{runs}")
    found: list[int] = []

    def find() -> None:
        found[:] = [len(newsroom.taxonomy.tag_duplicates())]

    find()  # warm-up
    samples = repeat(find, runs)

    def raw_find() -> None:
        groups: dict[str, list[str]] = {}
        for (name,) in raw.execute("SELECT name FROM tags"):
            groups.setdefault(normalize(name), []).append(name)

    raw_find()
    baseline = repeat(raw_find, runs)
    row = Row(
        TAXONOMY_DUPLICATES,
        size=f"{_counts(newsroom)['tags']:,} tags, {found[0]:,} groups found",
        seconds=samples,
        baseline_s=sorted(baseline)[len(baseline) // 2],
        baseline=(
            "raw sqlite3 tag names grouped by editor.arabic.normalize in a dict, without"
            " counts (p50)"
        ),
        goal_s=GOAL_DUPLICATES_S,
        goal_text=f"≤ {GOAL_DUPLICATES_S:g} s",
    )
    _finish(row, find, newsroom, db)
    return row


def _counts(newsroom: Newsroom) -> dict[str, int]:
    with newsroom.read() as session:
        return {
            "tags": int(session.scalar(select(func.count(Tag.id))) or 0),
            "sections": int(session.scalar(select(func.count(Section.id))) or 0),
            "articles": int(session.scalar(select(func.count(Article.id))) or 0),
        }


def _finish(row: Row, work: Callable[[], object], newsroom: Newsroom, db: Path) -> None:
    if row.p50 is not None and row.baseline_s:
        row.ratio = row.p50 / row.baseline_s
    if row.missed:
        progress(f"{row.name}: goal missed, profiling one run")
        row.note = diagnose.explain_work(work, newsroom.engine, db)
