"""The PostgreSQL search backend: a tsvector a row, of the tokens of ``editor.search.text``.

Tables (migration 0003, PostgreSQL branch; ``search_*`` so autogenerate leaves
them alone):

- ``search_article_entries`` / ``search_comment_entries``: per row its date,
  the digest of its searchable text (unchanged text is not reindexed) and
  ``words``, a tsvector under a GIN index; a story's also ``strong``, the
  A-weighted part of ``words`` (migration 0010).
- ``search_meta`` and ``search_pending``, as on SQLite.

The text is normalised and stemmed in Python, exactly as for SQLite, and the
vector is built here from those tokens (a tsvector literal), not by a text
search configuration: PostgreSQL's parser would cut a token differently
(``covid-19``) and no dictionary may change a token again. That is the
``simple`` configuration's job done without its parser. A token is split and
lower-cased the way FTS5's ``unicode61`` tokenizer does on SQLite, so both
backends index the same words.

Columns become weights, with a gap of positions between them so that a phrase
never runs from one column into the next: A for the headline and tags (the
"strong" matches ranked first), B the standfirst, C the byline (``author:``
reads it), D the body and dateline. Comments: A the text, B the author.
Queries are tsquery literals of quoted lexemes: ``<->`` for a phrase, ``:*``
for a prefix, ``!`` to leave out. Statuses, sections, tags and authors are
read from the live tables at query time, as on SQLite.

A story's ``words`` take a few kilobytes, kept out of line (TOAST): reading
them costs some 10 µs a row, which the planner does not know. So the matches
come from the GIN index alone (``GIN_ONLY``; it needs no recheck for plain
words), ``ts_rank`` reads only the rows it must rank, and the strong test
(every word in the headline or tags) reads the small ``strong`` vector; when
the strong matches fill the page the others are not ranked at all.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
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
    Document,
    article_documents,
    chunked,
    comment_documents,
)
from editor.search.pg_text import author_query, tsquery_groups, tsvector_literal
from editor.search.query import ParsedQuery

__all__ = ["PostgresSearchIndex", "tsquery_groups", "tsvector_literal"]

# As on SQLite: relevance ranks the newest matches only, counting stops at a cap.
RANK_WINDOW = 5_000
COUNT_CAP = 1_000
# A story's words are a few kilobytes kept out of line (TOAST): a scan that
# tests them row by row, sequential or down a b-tree, reads every one of them,
# which the planner does not count; the GIN index answers without reading any.
GIN_ONLY = {"enable_seqscan": "off", "enable_indexscan": "off"}


@dataclass(frozen=True)
class _Kind:
    entries: str
    entry_id: str
    source: str
    # (column index in the documents' order, weight), in position order
    layout: tuple[tuple[int, str], ...]
    # ts_rank's weights for {D, C, B, A}
    rank_weights: str
    strong: str | None  # the weight of a "strong" match
    author: str  # the weight ``author:`` looks in


# ARTICLE_COLUMNS: headline, standfirst, body, dateline, tags, byline. The body
# comes last: past PostgreSQL's last position only the body's tail crowds.
_ARTICLES = _Kind(
    "search_article_entries",
    "article_id",
    "articles",
    ((0, "A"), (4, "A"), (1, "B"), (5, "C"), (3, "D"), (2, "D")),
    "{0.15, 0.15, 0.5, 1.0}",
    "A",
    "C",
)
_COMMENTS = _Kind(
    "search_comment_entries",
    "comment_id",
    "comments",
    ((0, "A"), (1, "B")),
    "{0.0, 0.0, 0.5, 1.0}",
    None,
    "B",
)


def _upsert(kind: _Kind) -> str:
    columns, values, updates = "words", "v", ""
    if kind.strong is not None:
        # The strong part apart (migration 0010): small enough to stay in the row.
        columns += ", strong"
        values += f", ts_filter(v, '{{{kind.strong.lower()}}}')"
        updates = ", strong = excluded.strong"
    return (
        f"INSERT INTO {kind.entries} ({kind.entry_id}, date, digest, {columns})"
        f" SELECT :id, :date, :digest, {values} FROM (SELECT CAST(:w AS tsvector) AS v) AS s"
        f" ON CONFLICT ({kind.entry_id}) DO UPDATE SET date = excluded.date,"
        f" digest = excluded.digest, words = excluded.words{updates}"
    )


def _kind(kind: SearchKind) -> _Kind:
    return _ARTICLES if kind is SearchKind.ARTICLE else _COMMENTS


class _Sql:
    """A statement's WHERE parts and their named parameters."""

    def __init__(self) -> None:
        self.where: list[str] = []
        self.params: dict[str, Any] = {}

    def param(self, value: Any) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return f":{name}"

    def query(self, tsquery: str) -> str:
        return f"CAST({self.param(tsquery)} AS tsquery)"


class PostgresSearchIndex:
    name = "postgresql-tsvector"

    # -- keeping in step ---------------------------------------------------

    def reindex_articles(self, session: Session, ids: Sequence[int]) -> int:
        return self._reindex(session, _ARTICLES, ids, article_documents)

    def reindex_comments(self, session: Session, ids: Sequence[int]) -> int:
        return self._reindex(session, _COMMENTS, ids, comment_documents)

    def _reindex(self, session: Session, kind: _Kind, ids: Sequence[int], read: Any) -> int:
        session.flush()
        conn = session.connection()
        written = 0
        for chunk in chunked(sorted({int(i) for i in ids})):
            documents: dict[int, Document] = read(session, chunk)
            old = {
                row[0]: bytes(row[1])
                for row in conn.execute(
                    text(
                        f"SELECT {kind.entry_id}, digest FROM {kind.entries}"
                        f" WHERE {kind.entry_id} = ANY(:ids)"
                    ),
                    {"ids": list(chunk)},
                )
            }
            upserts: list[dict[str, Any]] = []
            gone: list[int] = []
            for row_id in chunk:
                document = documents.get(row_id)
                before = old.get(row_id)
                if document is None:
                    if before is not None:
                        gone.append(row_id)
                    continue
                if before == document.digest:
                    continue
                words = tsvector_literal(document.columns(), kind.layout)
                upserts.append(
                    {"id": row_id, "date": document.date, "digest": document.digest, "w": words}
                )
            if upserts:
                conn.execute(text(_upsert(kind)), upserts)
            if gone:
                conn.execute(
                    text(f"DELETE FROM {kind.entries} WHERE {kind.entry_id} = ANY(:ids)"),
                    {"ids": gone},
                )
            written += len(upserts) + len(gone)
        return written

    def clear(self, session: Session, kinds: Collection[SearchKind]) -> None:
        conn = session.connection()
        for kind in kinds:
            conn.execute(text(f"DELETE FROM {_kind(kind).entries}"))
            conn.execute(text("DELETE FROM search_pending WHERE kind = :k"), {"k": kind.value})

    def defer(self, session: Session, kind: SearchKind, ids: Sequence[int]) -> None:
        session.flush()
        session.connection().execute(
            text(
                "INSERT INTO search_pending (kind, id) SELECT :k, unnest(CAST(:ids AS integer[]))"
                " ON CONFLICT DO NOTHING"
            ),
            {"k": kind.value, "ids": sorted({int(i) for i in ids})},
        )

    def pending(self, session: Session, kind: SearchKind, limit: int) -> list[int]:
        rows = session.connection().execute(
            text("SELECT id FROM search_pending WHERE kind = :k ORDER BY id LIMIT :n"),
            {"k": kind.value, "n": limit},
        )
        return [int(row[0]) for row in rows]

    def forget_pending(self, session: Session, kind: SearchKind, ids: Sequence[int]) -> None:
        session.connection().execute(
            text("DELETE FROM search_pending WHERE kind = :k AND id = ANY(:ids)"),
            {"k": kind.value, "ids": [int(i) for i in ids]},
        )

    def pending_count(self, session: Session) -> int:
        found = session.connection().execute(text("SELECT count(*) FROM search_pending"))
        return int(found.scalar() or 0)

    def optimize(self, session: Session, kinds: Collection[SearchKind]) -> None:
        """Fresh statistics for the planner after a bulk build, the GIN pending list merged."""
        conn = session.connection()
        for kind in kinds:
            entries = _kind(kind).entries
            # Every search reads the pending list (up to 4 MB) until it is merged.
            conn.execute(text(f"SELECT gin_clean_pending_list('{entries}_words')"))
            conn.execute(text(f"ANALYZE {entries}"))

    def ids_to_check(
        self, session: Session, kind: SearchKind, after_id: int, limit: int
    ) -> list[int]:
        spec = _kind(kind)
        rows = session.connection().execute(
            text(
                f"SELECT id FROM (SELECT id FROM {spec.source} WHERE id > :after"
                f" UNION SELECT {spec.entry_id} FROM {spec.entries} WHERE {spec.entry_id} > :after)"
                " AS ids ORDER BY id LIMIT :n"
            ),
            {"after": after_id, "n": limit},
        )
        return [int(row[0]) for row in rows]

    def total(self, session: Session, kind: SearchKind) -> int:
        found = session.connection().execute(text(f"SELECT count(*) FROM {_kind(kind).source}"))
        return int(found.scalar() or 0)

    def policy(self, session: Session) -> str | None:
        value = (
            session.connection()
            .execute(text("SELECT value FROM search_meta WHERE key = 'policy'"))
            .scalar()
        )
        return str(value) if value else None

    def set_policy(self, session: Session, policy: str | None) -> None:
        conn = session.connection()
        conn.execute(text("DELETE FROM search_meta WHERE key = 'policy'"))
        if policy:
            conn.execute(
                text("INSERT INTO search_meta (key, value) VALUES ('policy', :v)"), {"v": policy}
            )

    def counts(self, session: Session) -> IndexCounts:
        conn = session.connection()
        articles = conn.execute(text("SELECT count(*) FROM search_article_entries")).scalar()
        comments = conn.execute(text("SELECT count(*) FROM search_comment_entries")).scalar()
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
        groups, negative = tsquery_groups(query)
        positive = " & ".join(groups) or None
        if kind is SearchKind.COMMENT and flt.author_words:
            author = author_query(flt.author_words, spec.author)
            positive = f"({positive}) & {author}" if positive else author
        full = positive
        if positive is not None and negative is not None:
            full = f"({positive}) & !({negative})"
        conn = session.connection()
        base = _Sql()
        e = "e"
        if full is not None:
            base.where.append(f"{e}.words @@ {base.query(full)}")
        elif negative is not None:
            base.where.append(f"NOT ({e}.words @@ {base.query(negative)})")
        if flt.since is not None:
            base.where.append(f"{e}.date >= {base.param(flt.since)}")
        if flt.until is not None:
            base.where.append(f"{e}.date < {base.param(flt.until)}")
        _filter_sets(base, kind, flt, f"{e}.{spec.entry_id}")
        if full is None:
            return _browse(conn, spec, base, limit, offset, count)
        source = f"FROM {spec.entries} AS e WHERE {_where(base)}"
        if order is SearchOrder.NEWEST:
            # The planner's own choice: down the date index, a page of a
            # common word is found in a few dozen stories.
            select = f"SELECT e.{spec.entry_id}, e.date, NULL {source} ORDER BY {_newest(spec)}"
            rows = _rows(conn, select, base.params, limit, offset)
            if not count:
                return _page(conn, source, base.params, rows, limit, offset, count)
        before = _plan(conn, GIN_ONLY)
        try:
            if order is SearchOrder.NEWEST:
                return _page(conn, source, base.params, rows, limit, offset, count)
            return _ranked(conn, spec, query, base, full, limit, offset, count)
        finally:
            _plan(conn, before)


def _plan(conn: Any, settings: dict[str, str]) -> dict[str, str]:
    """Planner settings for the rest of the transaction (one round trip); those before."""
    names = list(settings)
    values = ", ".join(
        f"current_setting('{name}'), set_config('{name}', :v{i}, true)"
        for i, name in enumerate(names)
    )
    params = {f"v{i}": settings[name] for i, name in enumerate(names)}
    row = conn.execute(text(f"SELECT {values}"), params).one()
    return {name: str(row[2 * i]) for i, name in enumerate(names)}


def _where(sql: _Sql) -> str:
    return " AND ".join(sql.where) or "TRUE"


def _browse(conn: Any, spec: _Kind, base: _Sql, limit: int, offset: int, count: bool) -> RawPage:
    """No words to look for, only filters (and words to leave out): newest first."""
    source = f"FROM {spec.entries} AS e WHERE {_where(base)}"
    select = f"SELECT e.{spec.entry_id}, e.date, NULL {source} ORDER BY {_newest(spec)}"
    rows = _rows(conn, select, base.params, limit, offset)
    return _page(conn, source, base.params, rows, limit, offset, count)


def _rows(conn: Any, select: str, params: dict[str, Any], limit: int, offset: int) -> list[Any]:
    if limit <= 0:
        return []
    found = conn.execute(
        text(select + " LIMIT :n OFFSET :skip"), dict(params, n=limit, skip=offset)
    )
    return list(found)


def _newest(spec: _Kind) -> str:
    return f"e.date DESC, e.{spec.entry_id} DESC"


def _ranked(
    conn: Any,
    spec: _Kind,
    query: ParsedQuery,
    base: _Sql,
    full: str,
    limit: int,
    offset: int,
    count: bool,
) -> RawPage:
    """Best first: the newest RANK_WINDOW matches ranked (ts_rank), strong ones first."""
    newest = _newest(spec)
    source = f"FROM {spec.entries} AS e WHERE {_where(base)}"
    window = None
    # Materialised, the matches come from the GIN index (ids and dates only)
    # rather than from a walk down the date index reading every story's words.
    bound = conn.execute(
        text(
            f"WITH m AS MATERIALIZED (SELECT e.date AS d, e.{spec.entry_id} AS i {source})"
            f" SELECT d, i FROM m ORDER BY d DESC, i DESC LIMIT 1 OFFSET {RANK_WINDOW}"
        ),
        base.params,
    ).first()
    if bound is not None:
        window = RANK_WINDOW
        # IS TRUE (the columns are never null) keeps the date index out of it:
        # a bitmap of the window's dates would have every story's words read.
        base.where.append(
            f"((e.date, e.{spec.entry_id}) >= ({base.param(bound[0])}, {base.param(bound[1])}))"
            " IS TRUE"
        )
        source = f"FROM {spec.entries} AS e WHERE {_where(base)}"
    params = dict(base.params, q=full, w=spec.rank_weights)
    rank = "ts_rank(CAST(:w AS real[]), e.words, CAST(:q AS tsquery), 1)"

    def ranked(condition: str, n: int, skip: int) -> list[Any]:
        select = f"SELECT e.{spec.entry_id}, e.date, -{rank} AS score {source}{condition}"
        return _rows(conn, f"{select} ORDER BY score, {newest}", params, n, skip)

    if spec.strong is None:
        rows = ranked("", limit, offset)
    else:
        # Stories whose headline or tags hold every word come first, as on
        # SQLite. Ranking reads a story's whole vector (out of line), the
        # strong test only the small ``strong`` one: when the strong stories
        # fill the page, the others are never ranked.
        params["strong"] = " & ".join(tsquery_groups(query, spec.strong)[0])
        strong = "e.strong @@ CAST(:strong AS tsquery)"
        first = ranked(f" AND {strong}", offset + limit, 0)
        rows = first[offset:]
        if len(first) < offset + limit:
            rows += ranked(f" AND NOT ({strong})", limit - len(rows), max(0, offset - len(first)))
    return _page(conn, source, base.params, rows, limit, offset, count, window)


def _page(
    conn: Any,
    source: str,
    params: dict[str, Any],
    rows: Sequence[Any],
    limit: int,
    offset: int,
    count: bool,
    window: int | None = None,
) -> RawPage:
    """The rows found as hits, and how many match (counting stops after the cap)."""
    hits = tuple(
        RawHit(int(row[0]), row[1], None if row[2] is None else float(row[2])) for row in rows
    )
    if not count:
        return RawPage(hits, offset + len(hits), len(hits) < limit, window)
    # Materialised, so that the LIMIT does not make a walk down an index,
    # testing each story's words, look cheaper than the GIN index.
    counted = conn.execute(
        text(
            f"WITH m AS MATERIALIZED (SELECT 1 {source})"
            f" SELECT count(*) FROM (SELECT 1 FROM m LIMIT {COUNT_CAP + 1}) AS capped"
        ),
        params,
    ).scalar()
    total = int(counted or 0)
    return RawPage(hits, min(total, COUNT_CAP), total <= COUNT_CAP, window)


def _filter_sets(sql: _Sql, kind: SearchKind, flt: ResolvedFilter, row_id: str) -> None:
    """Filters on the live tables, as sets of ids (as ``sqlite_fts`` does)."""
    if kind is SearchKind.ARTICLE:
        ids = row_id
        if flt.article_statuses is None:
            # An anti-join: NOT IN hashed every story in the trash for each query.
            sql.where.append(
                f"NOT EXISTS (SELECT 1 FROM articles AS t"
                f" WHERE t.id = {ids} AND t.status = 'trash')"
            )
        else:
            statuses = sql.param(list(flt.article_statuses))
            sql.where.append(f"{ids} IN (SELECT id FROM articles WHERE status = ANY({statuses}))")
        if flt.author_ids or flt.author_words:
            options = []
            if flt.author_ids:
                users = sql.param(list(flt.author_ids))
                options.append(f"{ids} IN (SELECT id FROM articles WHERE author_id = ANY({users}))")
            if flt.author_words:
                byline = sql.query(author_query(flt.author_words, _ARTICLES.author))
                options.append(f"e.words @@ {byline}")
            sql.where.append("(" + " OR ".join(options) + ")")
    else:
        ids = f"(SELECT article_id FROM comments WHERE id = {row_id})"
        if flt.comment_statuses is not None:
            statuses = sql.param(list(flt.comment_statuses))
            sql.where.append(
                f"{row_id} IN (SELECT comment_id FROM comment_states"
                f" WHERE status = ANY({statuses}))"
            )
    if flt.section_ids is not None:
        sections = sql.param(list(flt.section_ids))
        sql.where.append(f"{ids} IN (SELECT id FROM articles WHERE section_id = ANY({sections}))")
    for spellings in flt.tag_ids:
        tags = sql.param(list(spellings))
        sql.where.append(
            f"{ids} IN (SELECT article_id FROM article_tags WHERE tag_id = ANY({tags}))"
        )
