"""PostgreSQL search text: index tokens as tsvector literals, a parsed query as tsqueries.

Split from ``editor.search.pg_fts`` (whose docstring tells why the vector is
built here rather than by a text search configuration).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

from editor.search.query import ParsedQuery, Term
from editor.search.text import index_text

__all__ = ["NOTHING", "author_query", "lexemes", "tsquery_groups", "tsvector_literal"]

MAX_POSITION = 16_383  # PostgreSQL's limit; later words share the last position
MAX_POSITIONS_PER_WORD = 255
MAX_LEXEME = 500  # characters: at most 2,000 bytes of UTF-8
COLUMN_GAP = 64  # more than the longest phrase (MAX_PHRASE_WORDS)
_SPLIT = re.compile(r"[\W_]+")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
# A lexeme no vector holds (lexemes never contain a space): a query that matches nothing.
NOTHING = "' '"


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
            for lexeme in _quoted_lexemes(token):
                where = positions.setdefault(lexeme, [])
                if len(where) < MAX_POSITIONS_PER_WORD:
                    where.append(f"{min(position, MAX_POSITION)}{weight}")
                position += 1
        position += COLUMN_GAP
    return " ".join(f"{lex}:{','.join(where)}" for lex, where in positions.items())


@functools.lru_cache(maxsize=1 << 16)
def _quoted_lexemes(token: str) -> tuple[str, ...]:
    # A story repeats its words, a newsroom its vocabulary: cutting and quoting
    # each token anew took most of the time of an index update.
    return tuple(_quote(lexeme) for lexeme in lexemes(token))


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


def author_query(words: Sequence[str], weight: str) -> str:
    return _sequence_query(index_text(" ".join(words)).split(), False, weight) or NOTHING
