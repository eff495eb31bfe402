"""The PostgreSQL search backend: a tsvector a row, of the tokens of ``editor.search.text``.

Tables (migration 0003, PostgreSQL branch; ``search_*`` so autogenerate leaves
them alone):

- ``search_article_entries`` / ``search_comment_entries``: per row its date,
  the digest of its searchable text (unchanged text is not reindexed) and
  ``words``, a tsvector under a GIN index.
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
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
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
from editor.search.query import ParsedQuery, Term
from editor.search.text import index_text

__all__ = ["PostgresSearchIndex", "tsquery_groups", "tsvector_literal"]

# As on SQLite: relevance ranks the newest matches only, counting stops at a cap.
RANK_WINDOW = 5_000
COUNT_CAP = 1_000
MAX_POSITION = 16_383  # PostgreSQL's limit; later words share the last position
MAX_POSITIONS_PER_WORD = 255
MAX_LEXEME = 500  # characters: at most 2,000 bytes of UTF-8
COLUMN_GAP = 64  # more than the longest phrase (MAX_PHRASE_WORDS)
_SPLIT = re.compile(r"[\W_]+")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
# A lexeme no vector holds (lexemes never contain a space): a query that matches nothing.
NOTHING = "' '"


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


def _kind(kind: SearchKind) -> _Kind:
    return _ARTICLES if kind is SearchKind.ARTICLE else _COMMENTS


def lexemes(token: str) -> list[str]:
    """An index token as FTS5's unicode61 (remove_diacritics 2) would cut it."""
    token = token.lower()
    if not _ARABIC.search(token) and not token.isascii():
        # Latin diacritics go, as on SQLite; Arabic text is already normalised
        # (and decomposing it would take the hamza off أ).
        decomposed = unicodedata.normalize("NFD", token)
        token = "".join(c for c in decomposed if not unicodedata.combining(c))
    # PostgreSQL keeps words under 2,046 bytes; a longer "word" (a row of one
    # letter) is cut here, on the query side too, and still matches itself.
    return [part[:MAX_LEXEME] for part in _SPLIT.split(token) if part]


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(columns: Sequence[str], layout: Iterable[tuple[int, str]]) -> str:
    """The tsvector of index columns (token strings), weighted and positioned per column."""
    positions: dict[str, list[str]] = {}
    position = 1
    for index, weight in layout:
        for token in columns[index].split():
            for lexeme in lexemes(token):
                where = positions.setdefault(lexeme, [])
                if len(where) < MAX_POSITIONS_PER_WORD:
                    where.append(f"{min(position, MAX_POSITION)}{weight}")
                position += 1
        position += COLUMN_GAP
    return " ".join(f"{_quote(lex)}:{','.join(where)}" for lex, where in positions.items())


def _token_query(token: str, prefix: bool, weight: str) -> str:
    parts = lexemes(token)
    if not parts:
        return ""
    quoted = [f"{_quote(p)}:{weight}" if weight else _quote(p) for p in parts]
    if prefix:
        quoted[-1] = f"{_quote(parts[-1])}:*{weight}"
    return quoted[0] if len(quoted) == 1 else "(" + " <-> ".join(quoted) + ")"


def _sequence_query(tokens: Sequence[str], prefix: bool, weight: str) -> str:
    parts = [
        _token_query(token, prefix and i == len(tokens) - 1, weight)
        for i, token in enumerate(tokens)
    ]
    parts = [p for p in parts if p]
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


def _term_query(term: Term, weight: str = "") -> str:
    if term.is_phrase:
        options = [_sequence_query(seq, term.prefix, weight) for seq in term.phrases()]
    else:
        options = [_token_query(token, term.prefix, weight) for token in term.positions[0]]
    options = [o for o in options if o]
    return "(" + " | ".join(options) + ")" if options else ""


def tsquery_groups(query: ParsedQuery, weight: str = "") -> tuple[list[str], str | None]:
    """(each group that must match, what must not), as tsquery texts of quoted lexemes."""
    groups = []
    for group in query.groups:
        options = [q for q in (_term_query(t, weight) for t in group) if q]
        # A group with no lexeme at all (only punctuation) can match nothing.
        groups.append("(" + " | ".join(options) + ")" if options else NOTHING)
    negative = " | ".join(q for q in (_term_query(t) for t in query.excluded) if q)
    return groups, negative or None


def _author_query(words: Sequence[str], weight: str) -> str:
    return _sequence_query(index_text(" ".join(words)).split(), False, weight) or NOTHING


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
                conn.execute(
                    text(
                        f"INSERT INTO {kind.entries} ({kind.entry_id}, date, digest, words)"
                        " VALUES (:id, :date, :digest, CAST(:w AS tsvector))"
                        f" ON CONFLICT ({kind.entry_id}) DO UPDATE SET date = excluded.date,"
                        " digest = excluded.digest, words = excluded.words"
                    ),
                    upserts,
                )
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
        """Fresh statistics for the planner after a bulk build (GIN needs no merging)."""
        conn = session.connection()
        for kind in kinds:
            conn.execute(text(f"ANALYZE {_kind(kind).entries}"))

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
            author = _author_query(flt.author_words, spec.author)
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
        source = f"FROM {spec.entries} AS {e} WHERE " + (" AND ".join(base.where) or "TRUE")
        newest = f"{e}.date DESC, {e}.{spec.entry_id} DESC"
        window = None
        if full is not None and order is SearchOrder.RELEVANCE:
            bound = conn.execute(
                text(
                    f"SELECT {e}.date, {e}.{spec.entry_id} {source} ORDER BY {newest}"
                    f" LIMIT 1 OFFSET {RANK_WINDOW}"
                ),
                base.params,
            ).first()
            if bound is not None:
                window = RANK_WINDOW
                base.where.append(
                    f"({e}.date, {e}.{spec.entry_id}) >= ({base.param(bound[0])},"
                    f" {base.param(bound[1])})"
                )
                source = f"FROM {spec.entries} AS {e} WHERE " + " AND ".join(base.where)
        params = dict(base.params)
        if full is None or order is SearchOrder.NEWEST:
            select = f"SELECT {e}.{spec.entry_id}, {e}.date, NULL {source} ORDER BY {newest}"
        else:
            params["q"] = full
            rank = f"ts_rank(CAST(:w AS real[]), {e}.words, CAST(:q AS tsquery), 1)"
            params["w"] = spec.rank_weights
            first = ""
            if spec.strong is not None:
                # Stories whose headline or tags hold every word come first, as on SQLite.
                params["strong"] = " & ".join(tsquery_groups(query, spec.strong)[0])
                first = f"({e}.words @@ CAST(:strong AS tsquery)) DESC, "
            select = (
                f"SELECT {e}.{spec.entry_id}, {e}.date, -{rank} AS score {source}"
                f" ORDER BY {first}score, {newest}"
            )
        params.update(n=limit, skip=offset)
        rows = conn.execute(text(select + " LIMIT :n OFFSET :skip"), params).all() if limit else []
        hits = tuple(
            RawHit(int(row[0]), row[1], None if row[2] is None else float(row[2])) for row in rows
        )
        if not count:
            return RawPage(hits, offset + len(hits), len(hits) < limit, window)
        counted = conn.execute(
            text(f"SELECT count(*) FROM (SELECT 1 {source} LIMIT {COUNT_CAP + 1}) AS capped"),
            base.params,
        ).scalar()
        total = int(counted or 0)
        return RawPage(hits, min(total, COUNT_CAP), total <= COUNT_CAP, window)


def _filter_sets(sql: _Sql, kind: SearchKind, flt: ResolvedFilter, row_id: str) -> None:
    """Filters on the live tables, as sets of ids (as ``sqlite_fts`` does)."""
    if kind is SearchKind.ARTICLE:
        ids = row_id
        if flt.article_statuses is None:
            sql.where.append(f"{ids} NOT IN (SELECT id FROM articles WHERE status = 'trash')")
        else:
            statuses = sql.param(list(flt.article_statuses))
            sql.where.append(f"{ids} IN (SELECT id FROM articles WHERE status = ANY({statuses}))")
        if flt.author_ids or flt.author_words:
            options = []
            if flt.author_ids:
                users = sql.param(list(flt.author_ids))
                options.append(f"{ids} IN (SELECT id FROM articles WHERE author_id = ANY({users}))")
            if flt.author_words:
                byline = sql.query(_author_query(flt.author_words, _ARTICLES.author))
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
