"""The synthetic newsroom: seeded row generation in batches, and the bulk loaders.

Rows are plain dicts keyed by column name with every column present, so the
same batch can go to the SQLAlchemy Core loader (the project's bulk path) and,
serialised, to the raw ``sqlite3`` baseline. Generation streams: only one
batch of articles or comments is in memory at a time.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, cast

from sqlalchemy import Column, Connection, Engine, Table, insert

from bench.vocab import CITIES, NEWS_SOURCES, Vocabulary, person_name
from editor.arabic import normalize
from editor.models import (
    Article,
    ArticleStatus,
    CommentStatus,
    Role,
    Section,
    Tag,
    User,
    article_tags,
    comment_states,
)
from editor.models import comments as comments_table
from editor.slugs import make_slug

ARTICLES = cast(Table, Article.__table__)
COMMENTS = comments_table
COMMENT_STATES = comment_states
SECTIONS = cast(Table, Section.__table__)
TAGS = cast(Table, Tag.__table__)
USERS = cast(Table, User.__table__)
ARTICLE_TAGS = article_tags

# The newest moment in the corpus: fixed, so a seed gives the same database on any day.
CORPUS_END = dt.datetime(2026, 11, 30, 18, 0, 0)
CORPUS_YEARS = 3
FIRST_USER_ID = 2  # open_newsroom creates "admin" as user 1
READERS = 50_000

ARTICLE_STATUSES = (
    (ArticleStatus.PUBLISHED, 75),
    (ArticleStatus.DRAFT, 8),
    (ArticleStatus.SUBMITTED, 5),
    (ArticleStatus.APPROVED, 3),
    (ArticleStatus.SCHEDULED, 2),
    (ArticleStatus.TRASH, 7),
)
COMMENT_STATUSES = (
    (CommentStatus.PENDING, 30),
    (CommentStatus.APPROVED, 55),
    (CommentStatus.SPAM, 10),
    (CommentStatus.TRASH, 5),
)

# ~50 sections: eight desks, their pages, and a few pages below those.
SECTION_TREE: dict[str, dict[str, list[str]]] = {
    "أخبار محلية": {
        "القاهرة الكبرى": ["أحياء القاهرة", "الجيزة"],
        "المحافظات": ["الدلتا", "الصعيد"],
        "حوادث": [],
        "تعليم": [],
    },
    "عربي ودولي": {
        "الخليج": [],
        "المغرب العربي": [],
        "بلاد الشام": ["سوريا", "لبنان", "فلسطين"],
        "أوروبا": [],
        "الأمريكتان": [],
        "آسيا": [],
    },
    "اقتصاد": {"أسواق": ["البورصة", "العملات"], "طاقة": [], "شركات": [], "عقارات": []},
    "رياضة": {"كرة القدم": ["الدوري المحلي", "الدوريات الأوروبية"], "ألعاب أخرى": []},
    "ثقافة وفنون": {"كتب": [], "سينما": [], "موسيقى": [], "تراث": []},
    "علوم وتكنولوجيا": {"تقنية": [], "فضاء": [], "بيئة": []},
    "صحة": {"طب": [], "تغذية": []},
    "رأي": {"مقالات": [], "افتتاحية": [], "تحليلات": []},
}


def _weighted(pairs: Sequence[tuple[Any, int]]) -> tuple[list[Any], list[int]]:
    values = [v for v, _ in pairs]
    cumulative: list[int] = []
    total = 0
    for _, weight in pairs:
        total += weight
        cumulative.append(total)
    return values, cumulative


def sa_datetime(value: dt.datetime) -> str:
    """The text SQLAlchemy's SQLite DateTime stores (microseconds always written)."""
    return value.isoformat(sep=" ", timespec="microseconds")


@dataclass(frozen=True)
class CorpusSpec:
    articles: int
    comments: int
    seed: int = 20261130
    tags: int = 2000
    users: int = 20
    words_per_article: int = 600
    article_batch: int = 2000
    comment_batch: int = 20_000


@dataclass
class _State:
    """What comment generation needs to know about the articles already made."""

    published: bytearray = field(default_factory=bytearray)
    last_comment: dict[int, int] = field(default_factory=dict)


class Corpus:
    """A seeded synthetic newsroom, generated on demand in batches."""

    def __init__(self, spec: CorpusSpec) -> None:
        self.spec = spec
        self.vocab = Vocabulary(spec.seed)
        self.start = CORPUS_END - dt.timedelta(days=365 * CORPUS_YEARS)
        self.span = (CORPUS_END - self.start).total_seconds()
        self._state = _State()
        rng = random.Random(spec.seed)
        self.users = self._users(rng)
        self.sections = self._sections()
        self.tags = self._tags(rng)
        self.section_weights = [rng.lognormvariate(0, 0.9) for _ in self.sections]
        self.tag_cumulative = _cumulative([1.0 / (rank + 3) for rank in range(len(self.tags))])

    # -- reference data (small; inserted before anything is timed) -----------

    def _users(self, rng: random.Random) -> list[dict[str, Any]]:
        roles = [Role.JOURNALIST] * 14 + [Role.EDITOR] * 4 + [Role.MODERATOR] * 2
        rows = []
        for n in range(self.spec.users):
            rows.append(
                {
                    "id": FIRST_USER_ID + n,
                    "login": f"user{n + 1:02d}",
                    "display_name": person_name(n * 7 + 3),
                    "role": roles[n % len(roles)],
                    "email": f"user{n + 1:02d}@newsroom.example",
                    "password_hash": None,
                    "active": True,
                    "site_id": None,
                    "created": self.start - dt.timedelta(days=rng.randint(1, 400)),
                }
            )
        return rows

    def _sections(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        slugs: set[str] = set()

        def add(name: str, parent: int | None, position: int) -> int:
            slug = make_slug(name)
            while slug in slugs:
                slug += "-2"
            slugs.add(slug)
            sid = len(rows) + 1
            rows.append(
                {
                    "id": sid,
                    "name": name,
                    "slug": slug,
                    "slug_manual": False,
                    "parent_id": parent,
                    "position": position,
                    "description": "",
                    "site_id": None,
                }
            )
            return sid

        for p, (desk, pages) in enumerate(SECTION_TREE.items()):
            desk_id = add(desk, None, p)
            for q, (page, subpages) in enumerate(pages.items()):
                page_id = add(page, desk_id, q)
                for r, sub in enumerate(subpages):
                    add(sub, page_id, r)
        return rows

    def _tags(self, rng: random.Random) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        seen: set[str] = set()
        content = self.vocab.content
        while len(rows) < self.spec.tags:
            words = [rng.choice(content)]
            if rng.random() < 0.6:
                words.append(rng.choice(content))
            name = " ".join(words)
            norm = normalize(name)
            if norm in seen:
                continue
            seen.add(norm)
            rows.append(
                {
                    "id": len(rows) + 1,
                    "name": name,
                    "slug": f"{make_slug(name)}-{len(rows) + 1}",
                    "norm_name": norm,
                    "site_id": None,
                }
            )
        return rows

    def reference_batches(self) -> Iterator[tuple[Table, list[dict[str, Any]]]]:
        yield USERS, self.users
        yield SECTIONS, self.sections
        yield TAGS, self.tags

    # -- content (streamed; this is what the load benchmark times) -----------

    def _moment(self, rng: random.Random, index: int, count: int) -> dt.datetime:
        """Evenly spread over the years, jittered, in index order."""
        offset = (index + rng.random()) * self.span / max(count, 1)
        return self.start + dt.timedelta(seconds=offset)

    def article_batches(
        self,
    ) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
        """(articles, article_tags) rows, ``article_batch`` articles at a time."""
        spec = self.spec
        rng = random.Random(spec.seed + 1)
        writer = self.vocab.writer(rng)
        statuses, status_cum = _weighted(ARTICLE_STATUSES)
        section_ids = [s["id"] for s in self.sections]
        tag_ids = [t["id"] for t in self.tags]
        user_ids = [u["id"] for u in self.users]
        bylines = {u["id"]: u["display_name"] for u in self.users}
        slugs: set[str] = set()
        published_flags = self._state.published
        for first in range(0, spec.articles, spec.article_batch):
            articles: list[dict[str, Any]] = []
            links: list[dict[str, Any]] = []
            for index in range(first, min(spec.articles, first + spec.article_batch)):
                aid = index + 1
                created = self._moment(rng, index, spec.articles)
                updated = min(CORPUS_END, created + dt.timedelta(hours=rng.expovariate(1 / 6)))
                status = rng.choices(statuses, cum_weights=status_cum)[0]
                published_flags.append(status is ArticleStatus.PUBLISHED)
                headline = writer.headline()
                slug = make_slug(headline)
                if slug in slugs:
                    slug = f"{slug}-{aid}"
                slugs.add(slug)
                words = max(50, int(rng.gauss(spec.words_per_article, spec.words_per_article / 4)))
                author = rng.choice(user_ids)
                sources = rng.sample(NEWS_SOURCES, rng.choice((0, 0, 1, 1, 2)))
                articles.append(
                    {
                        "id": aid,
                        "headline": headline,
                        "standfirst": writer.text(writer.between(18, 40)),
                        "body_html": writer.body_html(words),
                        "dateline_place": rng.choice(CITIES),
                        "dateline_date": created.date(),
                        "dateline_sources": sources,
                        "byline": bylines[author] if rng.random() < 0.8 else "",
                        "section_id": rng.choices(section_ids, weights=self.section_weights)[0],
                        "author_id": author,
                        "status": status,
                        "status_before_trash": "draft" if status is ArticleStatus.TRASH else None,
                        "slug": slug,
                        "created": created,
                        "updated": updated,
                        "published": updated if status is ArticleStatus.PUBLISHED else None,
                        "scheduled_for": (
                            CORPUS_END + dt.timedelta(days=rng.randint(1, 30))
                            if status is ArticleStatus.SCHEDULED
                            else None
                        ),
                        "site_id": None,
                        "version": 1,
                    }
                )
                chosen = {
                    tag_ids[i]
                    for i in _bisect_many(rng, self.tag_cumulative, rng.choice((0, 1, 2, 3, 4, 6)))
                }
                links.extend({"article_id": aid, "tag_id": tid} for tid in sorted(chosen))
            yield articles, links

    def comment_batches(self) -> Iterator[list[dict[str, Any]]]:
        """Comment rows in submission order; run after ``article_batches`` is exhausted."""
        spec = self.spec
        rng = random.Random(spec.seed + 2)
        writer = self.vocab.writer(rng)
        statuses, status_cum = _weighted(COMMENT_STATUSES)
        published = self._state.published
        last_comment = self._state.last_comment
        articles = max(1, len(published))
        for first in range(0, spec.comments, spec.comment_batch):
            rows: list[dict[str, Any]] = []
            for index in range(first, min(spec.comments, first + spec.comment_batch)):
                cid = index + 1
                submitted = self._moment(rng, index, spec.comments)
                # Readers comment on recent stories: a few days behind "now".
                newest = min(articles, int(index * articles / max(spec.comments, 1)) + 1)
                aid = newest
                for _ in range(3):
                    aid = max(1, newest - int(rng.expovariate(1 / 200)))
                    if published[aid - 1]:
                        break
                parent = last_comment.get(aid) if rng.random() < 0.15 else None
                last_comment[aid] = cid
                status = rng.choices(statuses, cum_weights=status_cum)[0]
                reader = int(rng.paretovariate(1.1) * 7) % READERS
                held = None
                if status is CommentStatus.PENDING and rng.random() < 0.2:
                    held = {"rule": "words", "words": writer.words(2)}
                ip = f"10.{reader % 250}.{writer.between(0, 255)}.{writer.between(1, 254)}"
                rows.append(
                    {
                        "id": cid,
                        "article_id": aid,
                        "parent_id": parent,
                        "author_name": person_name(reader),
                        "author_email": f"reader{reader}@mail.example",
                        "author_url": "" if rng.random() < 0.9 else f"https://r{reader}.example",
                        "author_ip": ip,
                        "text": writer.text(writer.between(10, 80)),
                        "submitted": submitted,
                        "status": status,
                        "held_by": held,
                        "note": "",
                        "site_id": None,
                        "site_parent_id": None,
                    }
                )
            yield rows


def _cumulative(weights: Sequence[float]) -> list[float]:
    out: list[float] = []
    total = 0.0
    for weight in weights:
        total += weight
        out.append(total)
    return out


def _bisect_many(rng: random.Random, cumulative: list[float], count: int) -> list[int]:
    from bisect import bisect

    top = cumulative[-1]
    return [min(len(cumulative) - 1, bisect(cumulative, rng.random() * top)) for _ in range(count)]


# -- loaders -----------------------------------------------------------------


class Loader(Protocol):
    elapsed: float
    by_table: dict[str, float]

    def insert(self, table: Table, rows: list[dict[str, Any]]) -> None: ...


class CoreLoader:
    """The project's bulk path: Core ``insert()`` executemany, one write transaction.

    Only time spent inside ``insert`` and ``commit`` counts towards ``elapsed``,
    never the generation of the rows.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine.execution_options(midad_write=True)
        self._conn: Connection | None = None
        self.elapsed = 0.0
        self.by_table: dict[str, float] = {}

    def __enter__(self) -> CoreLoader:
        started = time.perf_counter()
        self._conn = self._engine.connect()
        self._conn.begin()  # BEGIN IMMEDIATE, as every Midad write
        self.elapsed += time.perf_counter() - started
        return self

    def insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        assert self._conn is not None
        started = time.perf_counter()
        self._conn.execute(insert(table), rows)
        spent = time.perf_counter() - started
        self.elapsed += spent
        self.by_table[table.name] = self.by_table.get(table.name, 0.0) + spent

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        assert self._conn is not None
        started = time.perf_counter()
        try:
            if exc_type is None:
                self._conn.commit()
            else:
                self._conn.rollback()
            self.elapsed += time.perf_counter() - started
        finally:
            self._conn.close()
            self._conn = None


class RawLoader:
    """The baseline: ``sqlite3.executemany`` of pre-serialised tuples, one transaction.

    Same pragmas as Midad's engine (WAL, foreign keys, synchronous=NORMAL).
    Serialising the dicts to tuples is not timed: this is the driver's floor.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._conn: sqlite3.Connection | None = None
        self._sql: dict[str, tuple[str, list[tuple[str, str, Any]]]] = {}
        self.elapsed = 0.0
        self.by_table: dict[str, float] = {}

    def __enter__(self) -> RawLoader:
        self._conn = sqlite3.connect(str(self._path), isolation_level=None)
        for pragma in ("foreign_keys = ON", "journal_mode = WAL", "synchronous = NORMAL"):
            self._conn.execute(f"PRAGMA {pragma}")
        started = time.perf_counter()
        self._conn.execute("BEGIN IMMEDIATE")
        self.elapsed += time.perf_counter() - started
        return self

    def _statement(self, table: Table) -> tuple[str, list[tuple[str, str, Any]]]:
        if table.name not in self._sql:
            columns = [(c.name, type(c.type).__name__, _column_default(c)) for c in table.columns]
            names = ", ".join(name for name, _, _ in columns)
            marks = ", ".join("?" for _ in columns)
            sql = f"INSERT INTO {table.name} ({names}) VALUES ({marks})"
            self._sql[table.name] = (sql, columns)
        return self._sql[table.name]

    def insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        assert self._conn is not None
        sql, columns = self._statement(table)
        tuples = [
            tuple(_raw(row.get(name, default), kind) for name, kind, default in columns)
            for row in rows
        ]
        started = time.perf_counter()
        self._conn.executemany(sql, tuples)
        spent = time.perf_counter() - started
        self.elapsed += spent
        self.by_table[table.name] = self.by_table.get(table.name, 0.0) + spent

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        assert self._conn is not None
        started = time.perf_counter()
        try:
            self._conn.execute("COMMIT" if exc_type is None else "ROLLBACK")
            self.elapsed += time.perf_counter() - started
        finally:
            self._conn.close()
            self._conn = None


def _column_default(column: Column[Any]) -> Any:
    """What Core would insert for a column the rows leave out (a column added later)."""
    default = column.default
    if default is None:
        return None
    if getattr(default, "is_scalar", False):
        return default.arg  # type: ignore[attr-defined]
    if getattr(default, "is_callable", False):
        return default.arg(None)  # type: ignore[attr-defined]
    return None


def _raw(value: Any, kind: str) -> Any:
    """A Python value as SQLAlchemy would have bound it for SQLite."""
    if kind == "JSON":
        return json.dumps(value)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return sa_datetime(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return str(value)  # StrEnum members become their plain value
    return value


@dataclass
class LoadCounts:
    articles: int = 0
    article_tags: int = 0
    comments: int = 0


def load_reference(corpus: Corpus, loaders: Sequence[Loader]) -> None:
    for table, rows in corpus.reference_batches():
        for loader in loaders:
            loader.insert(table, rows)


def load_content(corpus: Corpus, loaders: Sequence[Loader], label: str = "") -> LoadCounts:
    """Generate the articles and comments once and insert each batch into every loader."""
    counts = LoadCounts()
    spec = corpus.spec
    started = time.perf_counter()
    next_report = started + 5
    for articles, links in corpus.article_batches():
        for loader in loaders:
            loader.insert(ARTICLES, articles)
            loader.insert(ARTICLE_TAGS, links)
        counts.articles += len(articles)
        counts.article_tags += len(links)
        if time.perf_counter() >= next_report:
            next_report = time.perf_counter() + 5
            _progress(f"{label}articles {counts.articles:,}/{spec.articles:,}", started)
    for batch in corpus.comment_batches():
        # A comment is two rows: the comment and its queue (editor/comment_rows.py).
        comments = [{k: v for k, v in row.items() if k != "status"} for row in batch]
        states = [
            {"comment_id": row["id"], "status": row["status"], "submitted": row["submitted"]}
            for row in batch
        ]
        for loader in loaders:
            loader.insert(COMMENTS, comments)
            loader.insert(COMMENT_STATES, states)
        counts.comments += len(comments)
        if time.perf_counter() >= next_report:
            next_report = time.perf_counter() + 5
            _progress(f"{label}comments {counts.comments:,}/{spec.comments:,}", started)
    return counts


def _progress(text: str, started: float) -> None:
    print(f"bench:   {text} ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)


def build_newsroom(path: Path, spec: CorpusSpec) -> LoadCounts:
    """A fresh Midad database at ``path`` filled with the corpus (untimed helper)."""
    from editor.storage import open_newsroom

    newsroom = open_newsroom(str(path), seed=False)
    try:
        corpus = Corpus(spec)
        with CoreLoader(newsroom.engine) as loader:
            load_reference(corpus, [loader])
            counts = load_content(corpus, [loader], label=f"{path.name}: ")
    finally:
        newsroom.close()
    return counts
