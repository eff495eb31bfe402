"""The moderation desk's newsroom-wide side: rules, and decisions waiting for the site.

Reached as ``newsroom.moderation``. The queues and the decisions on single
comments are ``newsroom.comments``.

The decisions file
------------------
``export_decisions(path)`` writes every comment with decisions not yet sent
to the site, as one UTF-8 JSON object, then marks those decisions sent (in
the same transaction, after the file is safely in place)::

    {
      "format": "midad-moderation-decisions",
      "version": 1,
      "newsroom": "<this newsroom's id>",
      "exported": "2026-11-30T18:00:00Z",
      "comments": [
        {
          "site_id": 1234,            # the comment's id on the site; null if it never came from it
          "id": 17,                   # Midad's own id
          "status": "approved",       # pending | approved | spam | trash: its status now
          "wp_comment_approved": "1", # the same, as WordPress writes it: 0 | 1 | spam | trash
          "previous_status": "pending",  # before the first decision in this file
          "decisions": 2,             # how many decisions this entry sums up
          "decided": "2026-11-30T17:59:12Z",  # the last one: when, by whom, how
          "decided_by": "mona",
          "source": "manual",         # manual | rule | bulk | undo | import
          "note": ""
        }
      ]
    }

A comment decided several times appears once, with its latest status, so the
file can be applied in any order. The interchange (WXR) issue calls this same
function from the File menu.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, func, select, update

from editor.changes import Changes
from editor.errors import StorageUnavailable
from editor.models import (
    Comment,
    CommentStatus,
    ModerationDecision,
    Setting,
    User,
    comment_states,
    utcnow,
)
from editor.moderation.rules import (
    ModerationRules,
    RulesOutcome,
    apply_rules,
    load_rules,
    save_rules,
)
from editor.permissions import Action, require

if TYPE_CHECKING:
    from editor.storage import Newsroom

EXPORT_FORMAT = "midad-moderation-decisions"
EXPORT_VERSION = 1
WP_STATUS = {
    CommentStatus.PENDING: "0",
    CommentStatus.APPROVED: "1",
    CommentStatus.SPAM: "spam",
    CommentStatus.TRASH: "trash",
}
CHUNK = 5000


@dataclass(frozen=True)
class ExportResult:
    path: Path
    decisions: int
    comments: int


def _utc(value: dt.datetime) -> str:
    return value.replace(microsecond=0).isoformat() + "Z"


class ModerationService:
    def __init__(self, newsroom: Newsroom) -> None:
        self._newsroom = newsroom

    # -- rules -------------------------------------------------------------

    def rules(self) -> ModerationRules:
        with self._newsroom.read() as session:
            return load_rules(session)

    def set_rules(self, rules: ModerationRules) -> Changes:
        """Store the rules (moderators and admins); they act on comments from now on."""
        require(self._newsroom.actor.role, Action.EDIT_RULES)
        with self._newsroom.write() as session:
            save_rules(session, rules)
        return Changes(settings=True)

    def apply_to_pending(self) -> tuple[Changes, RulesOutcome]:
        """Re-apply the current rules to the whole pending queue, in one transaction."""
        actor = self._newsroom.actor
        require(actor.role, Action.MODERATE)
        with self._newsroom.write() as session:
            pending = comment_states.c.status == CommentStatus.PENDING
            ids = list(session.scalars(select(comment_states.c.comment_id).where(pending)))
            outcome = apply_rules(session, ids, user_id=actor.user_id)
        return Changes(comments=outcome.changed), outcome

    # -- decisions waiting for the site --------------------------------------

    def unsent_count(self) -> int:
        """Decisions not yet exported for the site."""
        with self._newsroom.read() as session:
            query = select(func.count(ModerationDecision.id)).where(
                ModerationDecision.sent_at.is_(None)
            )
            return int(session.scalar(query) or 0)

    def export_decisions(self, path: Path | str) -> ExportResult:
        """Write the unsent decisions to ``path`` (format in the module docstring), mark them sent.

        The interchange engineer: call this from the File menu; nothing else is needed.
        """
        require(self._newsroom.actor.role, Action.MODERATE)
        target = Path(path)
        with self._newsroom.write() as session:
            newsroom_id = session.scalar(select(Setting.value).where(Setting.key == "newsroom_id"))
            last = session.scalar(
                select(func.max(ModerationDecision.id)).where(ModerationDecision.sent_at.is_(None))
            )
            entries: dict[int, dict[str, Any]] = {}
            count = 0
            if last is not None:
                query = (
                    select(ModerationDecision, Comment.site_id, Comment.status, User.login)
                    .join(Comment, Comment.id == ModerationDecision.comment_id)
                    .outerjoin(User, User.id == ModerationDecision.user_id)
                    .where(ModerationDecision.sent_at.is_(None), ModerationDecision.id <= last)
                    .order_by(ModerationDecision.id)
                    .execution_options(yield_per=CHUNK)
                )
                for decision, site_id, status, login in session.execute(query):
                    count += 1
                    entry = entries.get(decision.comment_id)
                    if entry is None:
                        current = CommentStatus(status)
                        entry = entries[decision.comment_id] = {
                            "site_id": site_id,
                            "id": decision.comment_id,
                            "status": current.value,
                            "wp_comment_approved": WP_STATUS[current],
                            "previous_status": decision.from_status,
                            "decisions": 0,
                        }
                    entry["decisions"] += 1
                    entry["decided"] = _utc(decision.at)
                    entry["decided_by"] = login or ""
                    entry["source"] = decision.source
                    entry["note"] = decision.note
            document = {
                "format": EXPORT_FORMAT,
                "version": EXPORT_VERSION,
                "newsroom": newsroom_id,
                "exported": _utc(utcnow()),
                "comments": list(entries.values()),
            }
            _write_atomically(target, document)
            if last is not None:
                table = cast(Table, ModerationDecision.__table__)
                session.execute(
                    update(table)
                    .where(table.c.sent_at.is_(None), table.c.id <= last)
                    .values(sent_at=utcnow())
                )
        return ExportResult(target, count, len(entries))


def _write_atomically(path: Path, document: dict[str, Any]) -> None:
    temporary = path.with_name(f".{path.name}.partial")
    try:
        with temporary.open("w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise StorageUnavailable(
            f"Cannot write {path}: {exc.strerror or exc}", path=str(path)
        ) from exc
