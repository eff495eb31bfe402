"""Full-text search rows: the index build, results pages, newest first, and a save.

Runs last on the full database (it builds the article index and saves stories):

- index build: ``newsroom.search.rebuild`` of every article (normalised, stemmed,
  contentless FTS5) against a plain FTS5 build of the same text, unnormalised,
  in a scratch file: same columns, same batches, text read the same way;
- a results page: 20 hits with their snippets, best matches first, for
  ordinary words (in 1–10% of the stories) and for words of every frequency
  up to the commonest (in every story); baseline: the plain FTS5 table's own
  ``ORDER BY rank LIMIT 20`` for the same word, without snippets;
- newest first: the same ordinary words, a page of 20 in date order with the
  trash left out (the ordering the goal is about), against the plain table's
  ``ORDER BY rowid DESC LIMIT 20``; the page as shown, snippets and count
  included, is in the row's note;
- saving a story with its index update, against the same save with the
  index update left out.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench import diagnose
from bench.rows import (
    SEARCH_ANY,
    SEARCH_BUILD,
    SEARCH_NEWEST,
    SEARCH_ORDINARY,
    SEARCH_SAVE,
    Row,
    percentile,
    progress,
    timed,
)
from bench.vocab import FUNCTION_WORDS, NOMINAL_STEMS, PLACES, VERB_STEMS
from editor.search import index_for
from editor.search.base import ResolvedFilter, SearchKind, SearchOrder
from editor.search.documents import ARTICLE_COLUMNS, article_documents, chunked
from editor.search.query import parse_query
from editor.search.service import SearchFilter
from editor.search.text import word_tokens
from editor.services.articles import ArticleDraft
from editor.storage import Newsroom

GOAL_ORDINARY_S = 0.100
GOAL_ANY_S = 0.350
GOAL_NEWEST_S = 0.010
GOAL_SAVE_S = 0.030
BATCH = 1000
ARTICLES = SearchFilter(kinds=frozenset({SearchKind.ARTICLE}))


def run(
    newsroom: Newsroom, db: Path, workdir: Path, words: int, saves: int, seed: int
) -> list[Row]:
    plain = workdir / "plain-fts.sqlite3"
    rows = [_build(newsroom, db, plain)]
    raw = sqlite3.connect(str(plain))
    try:
        frequency = _frequencies(db)
        rng = random.Random(seed + 8)
        ordinary = _ordinary(frequency, words, rng)
        every = _every_frequency(frequency, words, rng)
        rows.append(
            _pages(newsroom, db, raw, SEARCH_ORDINARY, ordinary, GOAL_ORDINARY_S, frequency)
        )
        rows.append(_pages(newsroom, db, raw, SEARCH_ANY, every, GOAL_ANY_S, frequency))
        rows.append(_newest(newsroom, db, raw, ordinary, frequency))
    finally:
        raw.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{plain}{suffix}").unlink(missing_ok=True)
    rows.append(_save(newsroom, db, saves, seed))
    return rows


# -- the index build ------------------------------------------------------------------


def _plain_build(newsroom: Newsroom, plain: Path) -> tuple[float, int]:
    """FTS5 over the same text, unnormalised: the engine's own floor for this work."""
    conn = sqlite3.connect(str(plain), isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = NORMAL"):
        conn.execute(f"PRAGMA {pragma}")
    columns = ", ".join(ARTICLE_COLUMNS)
    conn.execute(f"CREATE VIRTUAL TABLE plain USING fts5({columns}, content='')")
    marks = ", ".join("?" for _ in ARTICLE_COLUMNS)
    with newsroom.read() as session:
        ids = list(
            session.connection().exec_driver_sql("SELECT id FROM articles ORDER BY id").scalars()
        )
    words = 0
    started = time.perf_counter()
    for chunk in chunked(ids, BATCH):
        with newsroom.read() as session:
            documents = article_documents(session, chunk)
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            f"INSERT INTO plain (rowid, {columns}) VALUES (?, {marks})",
            [(d.id, *d.texts) for d in documents.values()],
        )
        conn.execute("COMMIT")
        words += sum(len(d.texts[2].split()) for d in documents.values())
    conn.execute("INSERT INTO plain (plain) VALUES ('optimize')")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed, words


def _build(newsroom: Newsroom, db: Path, plain: Path) -> Row:
    progress("search: plain FTS5 build of the article text (baseline)")
    baseline, words = _plain_build(newsroom, plain)
    progress(f"search: building the article index ({baseline:.0f} s for the baseline)")
    started = time.perf_counter()
    summary = newsroom.search.rebuild(kinds=(SearchKind.ARTICLE,))
    elapsed = time.perf_counter() - started
    sizes = _sizes(db)
    rate = summary.articles / elapsed if elapsed else 0.0
    row = Row(
        SEARCH_BUILD,
        size=f"{summary.articles:,} articles, {words / 1e6:.1f}M body words",
        seconds=[elapsed],
        baseline_s=baseline,
        baseline=(
            "plain FTS5 (unicode61, contentless, the same six columns) over the same text,"
            " unnormalised, read the same way, same batches, in a scratch file"
        ),
        ratio=elapsed / baseline if baseline else None,
        goal_text="rate (no goal)",
        note=(
            f"{rate:,.0f} articles/s, {words / elapsed / 1e6:.2f}M words/s;"
            f" index {sizes.get('search_articles_data', 0) / 1e6:.0f} MB"
            f" + entries {sizes.get('search_article_entries', 0) / 1e6:.0f} MB"
        ),
        extra={"articles_per_s": rate, "sizes_bytes": sizes},
    )
    return row


def _sizes(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {
            name: int(size)
            for name, size in conn.execute(
                "SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'search_article%'"
                " GROUP BY name"
            )
        }
    except sqlite3.OperationalError:  # dbstat is compiled out
        return {}
    finally:
        conn.close()


# -- which words ----------------------------------------------------------------------------


def _frequencies(db: Path) -> dict[str, int]:
    """Stories holding each index token (FTS5's own vocabulary table)."""
    conn = sqlite3.connect(str(db))
    try:
        conn.execute(
            "CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab(main, 'search_articles', 'row')"
        )
        return dict(conn.execute("SELECT term, doc FROM temp.search_vocab"))
    finally:
        conn.close()


def _candidates(frequency: dict[str, int]) -> list[tuple[str, int]]:
    words = {*FUNCTION_WORDS, *NOMINAL_STEMS, *PLACES, *VERB_STEMS}
    found = []
    for word in sorted(words):
        tokens = word_tokens(word)
        if len(tokens) == 1 and tokens[0] in frequency:
            found.append((word, frequency[tokens[0]]))
    return found


def _ordinary(frequency: dict[str, int], count: int, rng: random.Random) -> list[str]:
    total = max(frequency.values(), default=1)
    band = [w for w, n in _candidates(frequency) if 0.01 * total <= n <= 0.10 * total]
    return rng.sample(band, min(count, len(band))) if band else []


def _every_frequency(frequency: dict[str, int], count: int, rng: random.Random) -> list[str]:
    """Words across the whole range, the three commonest always among them."""
    ranked = sorted(_candidates(frequency), key=lambda wn: -wn[1])
    if not ranked:
        return []
    chosen = [w for w, _ in ranked[:3]]
    step = max(1, len(ranked) // max(1, count - 3))
    chosen += [w for w, _ in ranked[3::step]][: max(0, count - 3)]
    rng.shuffle(chosen)
    return chosen


# -- pages ------------------------------------------------------------------------------------


def _median(values: Sequence[float]) -> float | None:
    return sorted(values)[len(values) // 2] if values else None


def _plain_page(raw: sqlite3.Connection, word: str, order: str) -> None:
    raw.execute(
        f"SELECT rowid FROM plain WHERE plain MATCH ? ORDER BY {order} LIMIT 20",
        ('"' + word.replace('"', "") + '"',),
    ).fetchall()


def _sampled(work: Callable[[str], object], words: Sequence[str]) -> list[float]:
    if words:
        work(words[0])  # warm-up: the first use of a pooled connection
    return [timed(lambda w=w: work(w)) for w in words]


def _pages(
    newsroom: Newsroom,
    db: Path,
    raw: sqlite3.Connection,
    name: str,
    words: list[str],
    goal: float,
    frequency: dict[str, int],
) -> Row:
    progress(f"search: {name} x{len(words)}")
    search = newsroom.search

    def page(word: str) -> None:
        results = search.search(word, ARTICLES, SearchOrder.RELEVANCE, limit=20)
        assert len(results.hits) <= 20

    samples = _sampled(page, words)
    baseline = _sampled(lambda w: _plain_page(raw, w, "rank"), words)
    total = max(frequency.values(), default=1)
    shares = [frequency.get(word_tokens(w)[0], 0) / total for w in words]
    row = Row(
        name,
        size=f"{len(words)} words in {min(shares, default=0):.0%}–{max(shares, default=0):.0%}"
        " of stories",
        seconds=samples,
        baseline_s=_median(baseline),
        baseline="plain FTS5 `MATCH word ORDER BY rank LIMIT 20` on the unnormalised table,"
        " ids only (p50)",
        goal_s=goal,
        goal_text=f"≤ {goal * 1000:g} ms",
        extra={"words": words, "shares": shares},
    )
    _finish(row, lambda: page(words[_slowest(samples)]), newsroom, db)
    return row


def _newest(
    newsroom: Newsroom,
    db: Path,
    raw: sqlite3.Connection,
    words: list[str],
    frequency: dict[str, int],
) -> Row:
    """Newest first: the ordering of a page (the goal), and the page as shown (the note)."""
    progress(f"search: newest first x{len(words)}")
    search = newsroom.search

    def ordering(word: str) -> None:
        # A page of 20 hits in date order, the trash left out: no snippets, no count.
        with newsroom.read() as session:
            index_for(newsroom.backend).search(
                session,
                SearchKind.ARTICLE,
                parse_query(word),
                ResolvedFilter(),
                SearchOrder.NEWEST,
                20,
                0,
                count=False,
            )

    def page(word: str) -> None:
        search.search(word, ARTICLES, SearchOrder.NEWEST, limit=20)

    samples = _sampled(ordering, words)
    shown = _sampled(page, words)
    baseline = _sampled(lambda w: _plain_page(raw, w, "rowid DESC"), words)
    row = Row(
        SEARCH_NEWEST,
        size=f"{len(words)} ordinary words, a page of 20 in date order",
        seconds=samples,
        baseline_s=_median(baseline),
        baseline="plain FTS5 `MATCH word ORDER BY rowid DESC LIMIT 20`, ids only (p50)",
        goal_s=GOAL_NEWEST_S,
        goal_text=f"≤ {GOAL_NEWEST_S * 1000:g} ms",
        note=(
            f"the page as shown (20 snippets, matched words marked, count to 1,000):"
            f" p50 {(_median(shown) or 0) * 1000:.0f} ms,"
            f" p95 {percentile(shown, 95) * 1000:.0f} ms"
        ),
        extra={"words": words, "page_with_snippets_s": shown},
    )
    _finish(row, lambda: ordering(words[_slowest(samples)]), newsroom, db)
    return row


def _slowest(samples: Sequence[float]) -> int:
    return max(range(len(samples)), key=samples.__getitem__) if samples else 0


def _finish(row: Row, work: Callable[[], object], newsroom: Newsroom, db: Path) -> None:
    if row.p50 is not None and row.baseline_s:
        row.ratio = row.p50 / row.baseline_s
    if row.missed and row.seconds:
        progress(f"{row.name}: goal missed, profiling one run")
        row.note = (row.note + "; " if row.note else "") + diagnose.explain_work(
            work, newsroom.engine, db
        )


# -- saving -----------------------------------------------------------------------------------


def _save(newsroom: Newsroom, db: Path, saves: int, seed: int) -> Row:
    import editor.services.articles as articles_module

    rng = random.Random(seed + 9)
    with newsroom.read() as session:
        ids = list(
            session.connection()
            .exec_driver_sql("SELECT id FROM articles WHERE status != 'trash' ORDER BY id")
            .scalars()
        )
    chosen = rng.sample(ids, min(len(ids), saves * 2))
    progress(f"search: save a story with its index update x{saves}")

    def save(article_id: int, word: str) -> None:
        view = newsroom.articles.get(article_id)
        draft = ArticleDraft(
            headline=view.headline,
            standfirst=view.standfirst,
            body_html=view.body_html + f"<p>{word} {article_id}</p>",
            dateline=view.dateline,
            byline=view.byline,
            section_id=view.section_id,
            tags=view.tags,
        )
        timings.append(
            timed(lambda: newsroom.articles.save(article_id, draft, base_version=view.version))
        )

    timings: list[float] = []
    for article_id in chosen[:saves]:
        save(article_id, "تحديث")
    with_index = timings
    timings = []
    hook = articles_module.reindex_articles
    articles_module.reindex_articles = lambda session, ids: 0  # the same save, unindexed
    try:
        for article_id in chosen[saves:]:
            save(article_id, "تعديل")
    finally:
        articles_module.reindex_articles = hook
    row = Row(
        SEARCH_SAVE,
        size=f"{len(with_index)} stories of ~600 words",
        seconds=with_index[1:] or with_index,  # the first warms the statement cache
        baseline_s=_median(timings),
        baseline="the same save (revision included) with the index update left out (p50)",
        goal_s=GOAL_SAVE_S,
        goal_text=f"≤ {GOAL_SAVE_S * 1000:g} ms",
    )
    _finish(row, lambda: save(chosen[0], "مراجعة"), newsroom, db)
    return row
