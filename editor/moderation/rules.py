"""The moderation rules: what they are, where they are kept, and what they decide.

Rules live in the ``settings`` table under one key (``moderation.rules``) as a
JSON object, so every desk shares them and no table is needed. They act on
pending comments only:

- block words: the comment goes to spam;
- hold words, N or more links, the same or nearly the same text posted
  repeatedly: the comment stays pending, marked with why;
- trusted authors (optional): a comment by someone already approved once,
  that nothing above held, is approved.

``Comment.held_by`` records what acted, as a JSON object (a promise to
scripts through ``comments --json``)::

    {"rule": "block_words" | "hold_words" | "links" | "duplicate" | "trusted_author",
     "words": [the comment's own words that matched, as written, normalised],
     "entries": [the list entries they matched],
     "rules": [every rule that fired, strongest first],
     "links": 3,                  # present when the links rule fired
     "duplicate_of": [12, 40]}    # present when the duplicate rule fired

``apply_rules(session, comment_ids)`` is the one call for comments arriving
(the WXR import calls it inside its own transaction) and for re-applying the
rules to the pending queue.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from editor.errors import InvalidInput
from editor.models import (
    Comment,
    CommentStatus,
    ModerationDecision,
    Setting,
    comment_states,
    comments,
    utcnow,
)
from editor.moderation.duplicates import DuplicateFinder, Fingerprint, fingerprint_words
from editor.moderation.tokens import WordCache
from editor.moderation.words import MAX_ENTRIES, WordList, WordMatch, clean_entries
from editor.write_hints import mark_large_write

__all__ = [
    "RULES_KEY",
    "ModerationRules",
    "RulesOutcome",
    "Verdict",
    "apply_rules",
    "count_links",
    "evaluate",
    "load_rules",
    "save_rules",
]

RULES_KEY = "moderation.rules"
DEFAULT_MAX_LINKS = 2
DEFAULT_DUPLICATE_DAYS = 7
MAX_LINKS_LIMIT = 1000
CHUNK = 2000
# More changed comments than this make a large write (see editor.write_hints).
LARGE = 500

# Any scheme (http, https, ftp, file, javascript…) or a bare www. address.
LINK_RE = re.compile(r"\b[a-z][a-z0-9+.\-]{1,20}://[^\s<>\"']*|\bwww\.[^\s<>\"']+", re.IGNORECASE)
_WWW_RE = re.compile(r"www\.", re.IGNORECASE)


def _may_link(text: str) -> bool:
    """False only when LINK_RE cannot match: no :// and no www. in any case."""
    return "://" in text or (("w" in text or "W" in text) and _WWW_RE.search(text) is not None)


class Rule:
    """The names stored in ``held_by["rule"]`` and in decisions' notes."""

    BLOCK_WORDS = "block_words"
    HOLD_WORDS = "hold_words"
    LINKS = "links"
    DUPLICATE = "duplicate"
    TRUSTED_AUTHOR = "trusted_author"


@dataclass(frozen=True)
class ModerationRules:
    """The newsroom's rules. ``max_links`` 0 turns the links rule off."""

    max_links: int = DEFAULT_MAX_LINKS
    hold_words: tuple[str, ...] = ()
    block_words: tuple[str, ...] = ()
    trust_approved_authors: bool = False
    flag_duplicates: bool = True
    duplicate_days: int = DEFAULT_DUPLICATE_DAYS

    def to_json(self) -> dict[str, Any]:
        return {
            "max_links": self.max_links,
            "hold_words": list(self.hold_words),
            "block_words": list(self.block_words),
            "trust_approved_authors": self.trust_approved_authors,
            "flag_duplicates": self.flag_duplicates,
            "duplicate_days": self.duplicate_days,
        }

    @classmethod
    def from_json(cls, value: Any) -> ModerationRules:
        """Rules from the stored JSON; unknown or damaged values fall back to defaults."""
        if not isinstance(value, dict):
            return cls()
        base = cls()

        def number(key: str, default: int) -> int:
            raw = value.get(key, default)
            return raw if isinstance(raw, int) and not isinstance(raw, bool) else default

        def words(key: str) -> tuple[str, ...]:
            raw = value.get(key, [])
            if not isinstance(raw, list):
                return ()
            return tuple(clean_entries(str(w) for w in raw)[0])

        return cls(
            max_links=max(0, number("max_links", base.max_links)),
            hold_words=words("hold_words"),
            block_words=words("block_words"),
            trust_approved_authors=bool(value.get("trust_approved_authors", False)),
            flag_duplicates=bool(value.get("flag_duplicates", True)),
            duplicate_days=max(1, number("duplicate_days", base.duplicate_days)),
        )

    def validated(self) -> ModerationRules:
        """The same rules with cleaned word lists; InvalidInput for impossible values."""
        if not 0 <= self.max_links <= MAX_LINKS_LIMIT:
            raise InvalidInput(
                f"The number of links must be between 0 (off) and {MAX_LINKS_LIMIT}",
                field="max_links",
                value=self.max_links,
            )
        if not 1 <= self.duplicate_days <= 365:
            raise InvalidInput("The duplicate window is 1 to 365 days", field="duplicate_days")
        hold = clean_entries(self.hold_words)[0]
        block = clean_entries(self.block_words)[0]
        if len(hold) > MAX_ENTRIES or len(block) > MAX_ENTRIES:
            raise InvalidInput(f"A word list holds at most {MAX_ENTRIES} words", field="words")
        return replace(self, hold_words=tuple(hold), block_words=tuple(block))


def load_rules(session: Session) -> ModerationRules:
    setting = session.get(Setting, RULES_KEY)
    return ModerationRules.from_json(setting.value if setting is not None else None)


def save_rules(session: Session, rules: ModerationRules) -> ModerationRules:
    rules = rules.validated()
    setting = session.get(Setting, RULES_KEY)
    if setting is None:
        session.add(Setting(key=RULES_KEY, value=rules.to_json()))
    else:
        setting.value = rules.to_json()
    return rules


def count_links(text: str) -> int:
    return len(LINK_RE.findall(text))


@dataclass(frozen=True)
class Verdict:
    """What the content rules say about one comment (duplicates and trust come later)."""

    block: list[WordMatch] = field(default_factory=list)
    hold: list[WordMatch] = field(default_factory=list)
    links: int = 0
    links_fired: bool = False
    # The text's near-duplicate key, when asked for (see editor.moderation.duplicates).
    fingerprint: Fingerprint | None = None


class CompiledRules:
    """Rules with their word lists compiled once for a whole batch.

    The texts' words come from one ``WordCache`` for the batch: each distinct
    word is normalised once, not each comment character by character.
    """

    def __init__(self, rules: ModerationRules) -> None:
        self.rules = rules
        self.block = WordList(rules.block_words)
        self.hold = WordList(rules.hold_words)
        self._words = WordCache()

    def evaluate(self, text: str, *, with_fingerprint: bool = False) -> Verdict:
        # Cut into normalised words once: both the word lists and the
        # duplicate key work on the same words.
        words: list[str] = []
        stretched = False
        if self.block or self.hold or with_fingerprint:
            words, stretched = self._words.split(text)
        links = 0
        # Only a literal :// or www. (any case) can make a link: a cheap look first.
        if self.rules.max_links and _may_link(text):
            links = count_links(text)
        return Verdict(
            block=self.block.find(words) if self.block else [],
            hold=self.hold.find(words) if self.hold else [],
            links=links,
            links_fired=bool(self.rules.max_links) and links >= self.rules.max_links,
            fingerprint=fingerprint_words(words, stretched) if with_fingerprint else None,
        )

    def fingerprint(self, text: str) -> Fingerprint | None:
        """``duplicates.fingerprint``, through this batch's word cache."""
        return fingerprint_words(*self._words.split(text))


def evaluate(rules: ModerationRules, text: str) -> Verdict:
    """The content rules on one text (for tests and the rules dialog's preview)."""
    return CompiledRules(rules).evaluate(text)


def held_by(
    verdict: Verdict, duplicate_of: Sequence[int] = (), trusted: bool = False
) -> dict[str, Any] | None:
    """The ``held_by`` record for a verdict, or None when no rule acted."""
    fired: list[str] = []
    if verdict.block:
        fired.append(Rule.BLOCK_WORDS)
    if verdict.hold:
        fired.append(Rule.HOLD_WORDS)
    if verdict.links_fired:
        fired.append(Rule.LINKS)
    if duplicate_of:
        fired.append(Rule.DUPLICATE)
    if not fired:
        if trusted:
            return {"rule": Rule.TRUSTED_AUTHOR, "words": [], "entries": [], "rules": []}
        return None
    matches = verdict.block + verdict.hold
    record: dict[str, Any] = {
        "rule": fired[0],
        "words": _unique(w for m in matches for w in m.words),
        "entries": _unique(m.entry for m in matches),
        "rules": fired,
    }
    if verdict.links_fired:
        record["links"] = verdict.links
    if duplicate_of:
        record["duplicate_of"] = list(duplicate_of)
    return record


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


@dataclass(frozen=True)
class RulesOutcome:
    checked: int = 0
    held: int = 0
    blocked: int = 0
    approved: int = 0
    # Comments whose status or held_by changed.
    changed: frozenset[int] = frozenset()


def apply_rules(
    session: Session,
    comment_ids: Sequence[int],
    *,
    rules: ModerationRules | None = None,
    user_id: int | None = None,
) -> RulesOutcome:
    """Apply the rules to these comments inside the caller's transaction.

    Only pending comments are judged; the others are left as they are. A
    blocked comment moves to spam and a trusted author's to approved, each
    with a decision recorded as ``source="rule"`` (so it is sent back to the
    site); a held one stays pending with ``held_by`` saying why. A pending
    comment no rule holds any more loses its old ``held_by``.
    """
    rules = rules if rules is not None else load_rules(session)
    compiled = CompiledRules(rules)
    pending = _pending_rows(session, comment_ids)
    if not pending:
        return RulesOutcome()
    verdicts = {
        cid: compiled.evaluate(row.text, with_fingerprint=rules.flag_duplicates)
        for cid, row in pending.items()
    }
    duplicates: dict[int, list[int]] = {}
    if rules.flag_duplicates:
        wanted = {
            cid: fp for cid, verdict in verdicts.items() if (fp := verdict.fingerprint) is not None
        }
        duplicates = _find_duplicates(session, pending, wanted, rules.duplicate_days, compiled)
    trusted: set[int] = set()
    if rules.trust_approved_authors:
        candidates = {
            cid: row
            for cid, row in pending.items()
            if not _holds(verdicts[cid]) and cid not in duplicates
        }
        trusted = _trusted(session, candidates)

    now = utcnow()
    updates: list[dict[str, Any]] = []
    decisions: list[dict[str, Any]] = []
    held = blocked = approved = 0
    for cid, row in pending.items():
        verdict = verdicts[cid]
        record = held_by(verdict, duplicates.get(cid, ()), trusted=cid in trusted)
        status = CommentStatus.PENDING
        if verdict.block:
            status, blocked = CommentStatus.SPAM, blocked + 1
        elif record is not None and record["rule"] != Rule.TRUSTED_AUTHOR:
            held += 1
        elif cid in trusted:
            status, approved = CommentStatus.APPROVED, approved + 1
        if record == row.held_by and status is CommentStatus.PENDING:
            continue
        updates.append({"b_id": cid, "b_held_by": record, "b_status": status})
        if status is not CommentStatus.PENDING:
            decisions.append(
                {
                    "comment_id": cid,
                    "user_id": user_id,
                    "at": now,
                    "from_status": CommentStatus.PENDING.value,
                    "to_status": status.value,
                    "source": "rule",
                    "note": record["rule"] if record else "",
                }
            )
    if len(updates) > LARGE:
        mark_large_write(session)
    if updates:
        statement = (
            update(comments)
            .where(comments.c.id == bindparam("b_id"))
            .values(held_by=bindparam("b_held_by"))
        )
        session.execute(statement, updates)
    moved = [u for u in updates if u["b_status"] is not CommentStatus.PENDING]
    if moved:
        statement = (
            update(comment_states)
            .where(comment_states.c.comment_id == bindparam("b_id"))
            .values(status=bindparam("b_status"))
        )
        session.execute(statement, [{"b_id": u["b_id"], "b_status": u["b_status"]} for u in moved])
    if decisions:
        session.execute(insert(ModerationDecision), decisions)
    return RulesOutcome(
        checked=len(pending),
        held=held,
        blocked=blocked,
        approved=approved,
        changed=frozenset(u["b_id"] for u in updates),
    )


def _holds(verdict: Verdict) -> bool:
    return bool(verdict.block or verdict.hold or verdict.links_fired)


@dataclass(frozen=True)
class _Pending:
    text: str
    name: str
    email: str
    submitted: dt.datetime
    held_by: dict[str, Any] | None


def _pending_rows(session: Session, comment_ids: Sequence[int]) -> dict[int, _Pending]:
    found: dict[int, _Pending] = {}
    ids = list(dict.fromkeys(comment_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        query = select(
            Comment.id,
            Comment.text,
            Comment.author_name,
            Comment.author_email,
            Comment.submitted,
            Comment.held_by,
        ).where(Comment.id.in_(chunk), Comment.status == CommentStatus.PENDING)
        for cid, text, name, email, submitted, record in session.execute(query):
            found[cid] = _Pending(text or "", name or "", email or "", submitted, record)
    return found


def _find_duplicates(
    session: Session,
    pending: dict[int, _Pending],
    wanted: dict[int, Fingerprint],
    days: int,
    compiled: CompiledRules,
) -> dict[int, list[int]]:
    """Pending comments whose text was posted (nearly) the same within ``days`` of them."""
    if not wanted:
        return {}
    window = dt.timedelta(days=days)
    times = [pending[cid].submitted for cid in wanted]
    finder = DuplicateFinder(window)
    finder.want(set(wanted.values()))
    # Every comment around the batch's dates, whatever its status: a copy of
    # an approved or spammed comment counts too. The IN on status lets SQLite
    # use the (status, submitted) index instead of reading the whole table.
    query = (
        select(Comment.id, Comment.submitted, Comment.text)
        .where(
            Comment.status.in_(list(CommentStatus)),
            Comment.submitted >= min(times) - window,
            Comment.submitted <= max(times) + window,
        )
        .execution_options(yield_per=5000)
    )
    for cid, submitted, text in session.execute(query):
        fp = wanted.get(cid)
        if fp is None:
            fp = compiled.fingerprint(text or "")
        if fp is not None:
            finder.add(fp, cid, submitted)
    return finder.duplicates(wanted, {cid: pending[cid].submitted for cid in wanted})


def _trusted(session: Session, candidates: dict[int, _Pending]) -> set[int]:
    """Comments whose author (same email, else same name) already has an approved comment."""
    by_email = {cid: row.email for cid, row in candidates.items() if row.email.strip()}
    by_name = {
        cid: row.name for cid, row in candidates.items() if cid not in by_email and row.name.strip()
    }
    approved_emails = _approved(session, Comment.author_email, set(by_email.values()))
    approved_names = _approved(session, Comment.author_name, set(by_name.values()))
    return {cid for cid, email in by_email.items() if email in approved_emails} | {
        cid for cid, name in by_name.items() if name in approved_names
    }


def _approved(session: Session, column: Any, values: set[str]) -> set[str]:
    found: set[str] = set()
    ordered = sorted(values)
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        query = (
            select(column)
            .where(column.in_(chunk), Comment.status == CommentStatus.APPROVED)
            .distinct()
        )
        found.update(session.scalars(query))
    return found
