"""The SQLite search backend: FTS5 over the index tokens of ``editor.search.text``.

Tables (created by migration 0003; ``search_*`` so Alembic's autogenerate
leaves them alone):

- ``search_articles`` / ``search_comments``: contentless FTS5 tables. Their
  rowid is a *date key*, the story's creation (a comment's submission) in
  minutes, shifted left, with the row id in the low 31 bits. Newest first is
  then FTS5's own rowid order (no sort, whatever the number of matches) and a
  date range is a rowid range.
- ``search_article_entries`` / ``search_comment_entries``: per row, its date
  key, the digest of its searchable text (unchanged text is not reindexed) and
  the indexed tokens compressed, which a contentless table needs to delete
  them again (SQLite 3.40 has no ``contentless_delete``). Together about half
  the size of an FTS5 table that keeps its own copy of the text.
- ``search_meta``: the text policy the index was built under.

Statuses, sections, tags and authors are read from the live tables at query
time, so moving a story to the trash or a comment to spam needs no reindexing.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from editor.search.base import (
    IndexCounts,
    RawHit,
    RawPage,
    ResolvedFilter,
    SearchKind,
    SearchOrder,
)
from editor.search.documents import (
    ARTICLE_COLUMNS,
    COMMENT_COLUMNS,
    Document,
    article_documents,
    chunked,
    comment_documents,
)
from editor.search.query import ParsedQuery, Term
from editor.search.text import index_text

__all__ = ["ID_BITS", "SqliteSearchIndex", "date_key"]

ID_BITS = 31
ID_MASK = (1 << ID_BITS) - 1
_MAX_MINUTES = (1 << 32) - 1
_EPOCH = dt.datetime(1970, 1, 1)
# Relevance ranks at most this many of the newest matches: bm25 costs a few
# microseconds a match, so over a word found in nearly every one of 100,000
# stories it takes most of a second; the newest 5,000 stories that use it
# hold the best of them for a newsroom anyway (newest first reaches the rest).
RANK_WINDOW = 5_000
# Counting stops here ("more than 1,000"): the count is a guide, not a census.
COUNT_CAP = 1_000
_SEPARATOR = "\x1f"
_TOKENIZE = "unicode61 remove_diacritics 2"


def date_key(moment: dt.datetime, row_id: int) -> int:
    minutes = int((moment - _EPOCH).total_seconds() // 60)
    return (max(0, min(minutes, _MAX_MINUTES)) << ID_BITS) | (row_id & ID_MASK)


def _key_date(key: int) -> dt.datetime:
    return _EPOCH + dt.timedelta(minutes=key >> ID_BITS)


def _bound(moment: dt.datetime | None, *, upper: bool) -> int:
    if moment is None:
        return (_MAX_MINUTES << ID_BITS) | ID_MASK if upper else 0
    # The key holds minutes: a bound inside a minute takes the whole minute.
    key = date_key(moment, 0)
    return key - 1 if upper else key


@dataclass(frozen=True)
class _Kind:
    fts: str
    entries: str
    entry_id: str
    columns: tuple[str, ...]
    weights: tuple[float, ...]
    source: str  # the live table joined for filters


_ARTICLES = _Kind(
    "search_articles",
    "search_article_entries",
    "article_id",
    ARTICLE_COLUMNS,
    # A word in the headline or a tag says more than one in the body.
    (8.0, 4.0, 1.0, 2.0, 6.0, 1.0),
    "articles",
)
_COMMENTS = _Kind(
    "search_comments",
    "search_comment_entries",
    "comment_id",
    COMMENT_COLUMNS,
    (1.0, 0.5),
    "comments",
)


def _pack(columns: Sequence[str]) -> bytes:
    return zlib.compress(_SEPARATOR.join(columns).encode("utf-8"), 1)


def _unpack(blob: bytes, width: int) -> list[str]:
    columns = zlib.decompress(blob).decode("utf-8").split(_SEPARATOR)
    return (columns + [""] * width)[:width]


def _quote(tokens: str) -> str:
    return '"' + tokens.replace('"', '""') + '"'


def _term_match(term: Term) -> str:
    star = "*" if term.prefix else ""
    if term.is_phrase:
        parts = [_quote(" ".join(seq)) + star for seq in term.phrases()]
    else:
        parts = [_quote(token) + star for token in term.positions[0]]
    return "(" + " OR ".join(parts) + ")"


def match_groups(query: ParsedQuery) -> tuple[list[str], str | None]:
    """(each group that must match, what must not), as FTS5 expressions of quoted tokens only."""
    groups = ["(" + " OR ".join(_term_match(t) for t in group) + ")" for group in query.groups]
    negative = " OR ".join(_term_match(t) for t in query.excluded)
    return groups, negative or None


class _Sql:
    """A statement's WHERE parts and their parameters, in the order they are written."""

    def __init__(self) -> None:
        self.where: list[str] = []
        self.params: list[Any] = []

    def param(self, value: Any) -> str:
        self.params.append(value)
        return "?"

    def values(self, values: Sequence[Any]) -> str:
        return ", ".join(self.param(v) for v in values)


class SqliteSearchIndex:
    name = "sqlite-fts5"

    # -- keeping in step ---------------------------------------------------

    def reindex_articles(self, session: Session, ids: Sequence[int]) -> int:
        return self._reindex(session, _ARTICLES, ids, article_documents)

    def reindex_comments(self, session: Session, ids: Sequence[int]) -> int:
        return self._reindex(session, _COMMENTS, ids, comment_documents)

    def _reindex(self, session: Session, kind: _Kind, ids: Sequence[int], read: Any) -> int:
        session.flush()
        conn = session.connection()
        columns = ", ".join(kind.columns)
        marks = ", ".join("?" for _ in kind.columns)
        written = 0
        for chunk in chunked(sorted({int(i) for i in ids})):
            documents: dict[int, Document] = read(session, chunk)
            holes = ", ".join("?" for _ in chunk)
            old = {
                row[0]: (row[1], row[2], row[3])
                for row in conn.exec_driver_sql(
                    f"SELECT {kind.entry_id}, doc, digest, indexed FROM {kind.entries}"
                    f" WHERE {kind.entry_id} IN ({holes})",
                    tuple(chunk),
                )
            }
            deletes: list[tuple[Any, ...]] = []
            inserts: list[tuple[Any, ...]] = []
            entries: list[tuple[Any, ...]] = []
            gone: list[tuple[int]] = []
            for row_id in chunk:
                document = documents.get(row_id)
                before = old.get(row_id)
                if document is not None and before is not None and before[1] == document.digest:
                    continue
                if before is not None:
                    deletes.append((before[0], *_unpack(before[2], len(kind.columns))))
                if document is None:
                    if before is not None:
                        gone.append((row_id,))
                    continue
                doc = date_key(document.date, row_id)
                indexed = document.columns()
                inserts.append((doc, *indexed))
                entries.append((row_id, doc, document.digest, _pack(indexed)))
            if deletes:
                conn.exec_driver_sql(
                    f"INSERT INTO {kind.fts} ({kind.fts}, rowid, {columns})"
                    f" VALUES ('delete', ?, {marks})",
                    deletes,
                )
            if inserts:
                conn.exec_driver_sql(
                    f"INSERT INTO {kind.fts} (rowid, {columns}) VALUES (?, {marks})", inserts
                )
                conn.exec_driver_sql(
                    f"INSERT OR REPLACE INTO {kind.entries} VALUES (?, ?, ?, ?)", entries
                )
            if gone:
                conn.exec_driver_sql(f"DELETE FROM {kind.entries} WHERE {kind.entry_id} = ?", gone)
            written += len(inserts) + len(gone)
        return written

    def clear(self, session: Session, kinds: Collection[SearchKind]) -> None:
        conn = session.connection()
        for kind in kinds:
            spec = _kind(kind)
            conn.exec_driver_sql(f"INSERT INTO {spec.fts} ({spec.fts}) VALUES ('delete-all')")
            conn.exec_driver_sql(f"DELETE FROM {spec.entries}")
            conn.exec_driver_sql("DELETE FROM search_pending WHERE kind = ?", (kind.value,))

    def defer(self, session: Session, kind: SearchKind, ids: Sequence[int]) -> None:
        session.flush()
        session.connection().exec_driver_sql(
            "INSERT OR IGNORE INTO search_pending (kind, id) VALUES (?, ?)",
            [(kind.value, int(i)) for i in ids],
        )

    def pending(self, session: Session, kind: SearchKind, limit: int) -> list[int]:
        rows = session.connection().exec_driver_sql(
            "SELECT id FROM search_pending WHERE kind = ? ORDER BY id LIMIT ?", (kind.value, limit)
        )
        return [int(row[0]) for row in rows]

    def forget_pending(self, session: Session, kind: SearchKind, ids: Sequence[int]) -> None:
        session.connection().exec_driver_sql(
            "DELETE FROM search_pending WHERE kind = ? AND id = ?",
            [(kind.value, int(i)) for i in ids],
        )

    def pending_count(self, session: Session) -> int:
        conn = session.connection()
        return int(conn.exec_driver_sql("SELECT count(*) FROM search_pending").scalar() or 0)

    def optimize(self, session: Session, kinds: Collection[SearchKind]) -> None:
        """Merge the index into one b-tree per table: what a bulk build leaves is in pieces."""
        conn = session.connection()
        for kind in kinds:
            fts = _kind(kind).fts
            conn.exec_driver_sql(f"INSERT INTO {fts} ({fts}) VALUES ('optimize')")

    def ids_to_check(
        self, session: Session, kind: SearchKind, after_id: int, limit: int
    ) -> list[int]:
        """Ids above ``after_id`` that exist in the table or in the index, ascending."""
        spec = _kind(kind)
        rows = session.connection().exec_driver_sql(
            f"SELECT id FROM (SELECT id FROM {spec.source} WHERE id > ?"
            f" UNION SELECT {spec.entry_id} FROM {spec.entries} WHERE {spec.entry_id} > ?)"
            " ORDER BY id LIMIT ?",
            (after_id, after_id, limit),
        )
        return [int(row[0]) for row in rows]

    def total(self, session: Session, kind: SearchKind) -> int:
        spec = _kind(kind)
        return int(
            session.connection().exec_driver_sql(f"SELECT count(*) FROM {spec.source}").scalar()
            or 0
        )

    def policy(self, session: Session) -> str | None:
        value = (
            session.connection()
            .exec_driver_sql("SELECT value FROM search_meta WHERE key = 'policy'")
            .scalar()
        )
        return str(value) if value else None

    def set_policy(self, session: Session, policy: str | None) -> None:
        conn = session.connection()
        conn.exec_driver_sql("DELETE FROM search_meta WHERE key = 'policy'")
        if policy:
            conn.exec_driver_sql(
                "INSERT INTO search_meta (key, value) VALUES ('policy', ?)", (policy,)
            )

    def counts(self, session: Session) -> IndexCounts:
        conn = session.connection()
        articles = conn.exec_driver_sql("SELECT count(*) FROM search_article_entries").scalar()
        comments = conn.exec_driver_sql("SELECT count(*) FROM search_comment_entries").scalar()
        return IndexCounts(int(articles or 0), int(comments or 0), self.policy(session))

    # -- searching ---------------------------------------------------------

    def search(
        self,
        session: Session,
        kind: SearchKind,
        query: ParsedQuery,
        flt: ResolvedFilter,
        order: SearchOrder,
        limit: int,
        offset: int,
        count: bool = True,
    ) -> RawPage:
        if flt.nothing:
            return RawPage((), 0, True)
        spec = _kind(kind)
        groups, negative = match_groups(query)
        positive = " AND ".join(groups) or None
        if kind is SearchKind.COMMENT and flt.author_words:
            author = "{author} : " + _quote(index_text(" ".join(flt.author_words)))
            positive = f"({positive}) AND ({author})" if positive else author
        low = _bound(flt.since, upper=False)
        high = _bound(flt.until, upper=True)
        conn = session.connection()
        if positive is None:
            return self._browse(conn, spec, kind, flt, negative, low, high, limit, offset)
        window = None
        if order is SearchOrder.RELEVANCE:
            bound = conn.exec_driver_sql(
                f"SELECT rowid FROM {spec.fts} WHERE {spec.fts} MATCH ?"
                " AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                (positive, low, high, RANK_WINDOW),
            ).scalar()
            if bound is not None:
                low, window = int(bound), RANK_WINDOW
        full = positive if negative is None else f"({positive}) NOT ({negative})"
        row_id = f"({spec.fts}.rowid & {ID_MASK})"

        def where(sql: _Sql, match: str, *, by_lookup: bool = False) -> str:
            sql.where.append(f"{spec.fts} MATCH {sql.param(match)}")
            sql.where.append(f"{spec.fts}.rowid BETWEEN {sql.param(low)} AND {sql.param(high)}")
            if by_lookup:
                sql.where.append(f"(SELECT status FROM articles WHERE id = {row_id}) != 'trash'")
            else:
                _filter_sets(sql, kind, flt, row_id)
            return f"FROM {spec.fts} WHERE " + " AND ".join(sql.where)

        def fetch(match: str, count: int, skip: int, *, by_lookup: bool = False) -> list[Any]:
            if count <= 0:
                return []
            sql = _Sql()
            condition = where(sql, match, by_lookup=by_lookup)
            if order is SearchOrder.RELEVANCE:
                weights = ", ".join(str(w) for w in spec.weights)
                select = f"SELECT {spec.fts}.rowid, bm25({spec.fts}, {weights}) AS score"
                select += f" {condition} ORDER BY score, {spec.fts}.rowid DESC"
            else:
                select = f"SELECT {spec.fts}.rowid, NULL {condition}"
                select += f" ORDER BY {spec.fts}.rowid DESC"
            return list(
                conn.exec_driver_sql(select + " LIMIT ? OFFSET ?", (*sql.params, count, skip))
            )

        def counted(match: str, cap: int, *, by_lookup: bool = False) -> int:
            sql = _Sql()
            condition = where(sql, match, by_lookup=by_lookup)
            return int(
                conn.exec_driver_sql(
                    f"SELECT count(*) FROM (SELECT 1 {condition} LIMIT {cap})", tuple(sql.params)
                ).scalar()
                or 0
            )

        # Newest first stops after a page, and counting after COUNT_CAP rows:
        # looking those rows up beats collecting every story in the trash
        # first, as ranking thousands of matches must.
        lookup = order is SearchOrder.NEWEST and kind is SearchKind.ARTICLE and _default_only(flt)
        if order is SearchOrder.NEWEST:
            rows = fetch(full, limit, offset, by_lookup=lookup)
        elif kind is SearchKind.ARTICLE:
            # Stories whose headline or tags hold every word come first, then
            # the rest, each by bm25: a word matched in several forms counts
            # once per form in bm25, which must not outrank a headline.
            strong = " AND ".join(f"{{headline tags}} : {group}" for group in groups)
            first = f"({full}) AND ({strong})"
            in_first = counted(first, offset + limit + 1)
            rows = fetch(first, limit, offset)
            rows += fetch(f"({full}) NOT ({strong})", limit - len(rows), max(0, offset - in_first))
        else:
            rows = fetch(full, limit, offset)
        if not count:
            return _page(rows, offset + len(rows), window, exact=len(rows) < limit)
        total = counted(full, COUNT_CAP + 1, by_lookup=lookup)
        return _page(rows, total, window)

    def _browse(
        self,
        conn: Any,
        spec: _Kind,
        kind: SearchKind,
        flt: ResolvedFilter,
        negative: str | None,
        low: int,
        high: int,
        limit: int,
        offset: int,
    ) -> RawPage:
        """No words to look for, only filters (and words to leave out): newest first."""
        sql = _Sql()
        sql.where.append(f"e.doc BETWEEN {sql.param(low)} AND {sql.param(high)}")
        if negative is not None:
            sql.where.append(
                f"e.doc NOT IN (SELECT rowid FROM {spec.fts} WHERE {spec.fts}"
                f" MATCH {sql.param(negative)})"
            )
        _filter_sets(sql, kind, flt, f"e.{spec.entry_id}")
        joined = f"FROM {spec.entries} AS e WHERE " + " AND ".join(sql.where)
        rows = conn.exec_driver_sql(
            f"SELECT e.doc, NULL {joined} ORDER BY e.doc DESC LIMIT ? OFFSET ?",
            (*sql.params, limit, offset),
        ).all()
        counted = conn.exec_driver_sql(
            f"SELECT count(*) FROM (SELECT 1 {joined} LIMIT {COUNT_CAP + 1})", tuple(sql.params)
        ).scalar()
        return _page(rows, int(counted or 0), None)


def _kind(kind: SearchKind) -> _Kind:
    return _ARTICLES if kind is SearchKind.ARTICLE else _COMMENTS


def _page(
    rows: Sequence[Any], counted: int, window: int | None, *, exact: bool | None = None
) -> RawPage:
    hits = tuple(
        RawHit(int(key) & ID_MASK, _key_date(int(key)), None if score is None else float(score))
        for key, score in rows
    )
    if exact is not None:
        return RawPage(hits, counted, exact, window)
    return RawPage(hits, min(counted, COUNT_CAP), counted <= COUNT_CAP, window)


def _default_only(flt: ResolvedFilter) -> bool:
    return (
        flt.article_statuses is None
        and flt.section_ids is None
        and not flt.tag_ids
        and not flt.author_ids
        and not flt.author_words
    )


def _filter_sets(sql: _Sql, kind: SearchKind, flt: ResolvedFilter, row_id: str) -> None:
    """Filters on the live tables as sets of ids, each read once from an index.

    Looking every match up in ``articles`` would read the row, body and all
    (the status is stored after it): ten times slower than one set per query.
    """
    if kind is SearchKind.ARTICLE:
        ids = row_id
        if flt.article_statuses is None:
            sql.where.append(f"{ids} NOT IN (SELECT id FROM articles WHERE status = 'trash')")
        else:
            statuses = sql.values(flt.article_statuses) or "NULL"
            sql.where.append(f"{ids} IN (SELECT id FROM articles WHERE status IN ({statuses}))")
        if flt.author_ids or flt.author_words:
            options = []
            if flt.author_ids:
                users = sql.values(flt.author_ids)
                options.append(f"{ids} IN (SELECT id FROM articles WHERE author_id IN ({users}))")
            if flt.author_words:
                byline = "{byline} : " + _quote(index_text(" ".join(flt.author_words)))
                options.append(
                    f"{ids} IN (SELECT rowid & {ID_MASK} FROM search_articles"
                    f" WHERE search_articles MATCH {sql.param(byline)})"
                )
            sql.where.append("(" + " OR ".join(options) + ")")
    else:
        ids = f"(SELECT article_id FROM comments WHERE id = {row_id})"
        if flt.comment_statuses is not None:
            statuses = sql.values(flt.comment_statuses) or "NULL"
            sql.where.append(
                f"{row_id} IN (SELECT comment_id FROM comment_states WHERE status IN ({statuses}))"
            )
    if flt.section_ids is not None:
        sections = sql.values(flt.section_ids) or "NULL"
        sql.where.append(f"{ids} IN (SELECT id FROM articles WHERE section_id IN ({sections}))")
    for spellings in flt.tag_ids:
        sql.where.append(
            f"{ids} IN (SELECT article_id FROM article_tags"
            f" WHERE tag_id IN ({sql.values(spellings) or 'NULL'}))"
        )
