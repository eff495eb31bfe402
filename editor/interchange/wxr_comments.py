"""The comments of an import: new ones written, known ones matched, threads linked.

A comment is known by the site's id. One already here takes the site's
status, unless a moderator decided it here: then the decision made here
stands and the report lists the disagreement. Replies find their parent by
the site's id once every comment is in, so a reply may come before the
comment it answers. Comments made in Midad (negative ids in Midad's own
exports) are matched by story, author and time, as WordPress does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import (
    Connection,
    Table,
    and_,
    bindparam,
    exists,
    func,
    insert,
    select,
    tuple_,
    update,
)
from sqlalchemy.orm import Session, aliased

from editor.arabic import neutralize_bidi
from editor.comment_rows import insert_comments
from editor.errors import Cancelled
from editor.interchange.wordpress_html import plain_text
from editor.interchange.wxr_parse import WxrComment, WxrPost, parse_time
from editor.interchange.wxr_report import ImportReport, SiteDisagreement
from editor.interchange.wxr_terms import rows_by
from editor.models import CommentStatus, ModerationDecision, comment_states, comments
from editor.progress import Progress, Ticker

if TYPE_CHECKING:
    from editor.storage import Newsroom

COMMENTS = comments
STATES = comment_states
DECISIONS = cast(Table, ModerationDecision.__table__)
RULES_CHUNK = 10_000
DISAGREEMENT_LIMIT = 500
# Changes names at most this many new comments: enough for every panel to
# know comments arrived, without a million ids in memory.
CHANGED_COMMENTS_LIMIT = 10_000
COMMENT_STATUS = {
    "0": CommentStatus.PENDING,
    "1": CommentStatus.APPROVED,
    "spam": CommentStatus.SPAM,
    "trash": CommentStatus.TRASH,
    # Trashed with its post: in the trash here too.
    "post-trashed": CommentStatus.TRASH,
}
COMMENT_TYPES = frozenset({"", "comment"})
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _has_bidi(text: str) -> bool:
    # Every bidi control is above U+2029; most comments hold nothing that high,
    # and max() finds that out far faster than the regex.
    return bool(text) and max(text) >= "\u202a" and _BIDI.search(text) is not None


class CommentWriter:
    """Writes the comments of each batch of stories; links and judges them at the end."""

    def __init__(
        self,
        session: Session,
        report: ImportReport,
        *,
        user_id: int | None,
        now: dt.datetime,
        first_comment: int,
    ) -> None:
        self.session = session
        self.conn: Connection = session.connection()
        self.report = report
        self.user_id = user_id
        self.now = now
        self.first_comment = first_comment
        # The ids Changes names (status taken from the site, the first new ones).
        self.changed_comments: set[int] = set()

    def write(self, posts: list[tuple[WxrPost, int, str]]) -> None:
        report = self.report
        site_ids = [c.site_id for post, _, _ in posts for c in post.comments if c.site_id > 0]
        existing = {
            site: (cid, CommentStatus(status))
            for site, cid, status in rows_by(
                self.conn,
                COMMENTS.c.site_id,
                site_ids,
                COMMENTS.c.site_id,
                COMMENTS.c.id,
                STATES.c.status,
                joined=COMMENTS.join(STATES, STATES.c.comment_id == COMMENTS.c.id),
            )
        }
        decided = self._decided_here([cid for cid, _ in existing.values()])
        seen: set[int] = set()
        rows: list[dict[str, Any]] = []
        updates: list[tuple[int, CommentStatus, CommentStatus]] = []
        for post, article_id, title in posts:
            parents = _parents_without_loops(post.comments, report.notes)
            local_rows: list[tuple[WxrComment, dict[str, Any]]] = []
            for comment in post.comments:
                if comment.type.strip() not in COMMENT_TYPES:
                    report.skipped[f"comment_type:{comment.type.strip()}"] += 1
                    continue
                status = COMMENT_STATUS.get(comment.approved.strip())
                if status is None:
                    report.notes["unknown_comment_status"] += 1
                    status = CommentStatus.PENDING
                site_id = comment.site_id
                if site_id > 0:
                    here = existing.get(site_id)
                    if site_id in seen or (here is not None and here[0] >= self.first_comment):
                        report.skipped["duplicate_comment"] += 1
                        continue
                    seen.add(site_id)
                    if here is not None:
                        report.matched["comments"] += 1
                        cid, local_status = here
                        if local_status is not status:
                            if cid in decided:
                                self._disagree(cid, site_id, title, local_status, status)
                            else:
                                updates.append((cid, local_status, status))
                        continue
                if _has_bidi(comment.content) or _has_bidi(comment.author):
                    report.notes["bidi_comments"] += 1
                row = {
                    "article_id": article_id,
                    "parent_id": None,
                    "author_name": comment.author.strip()[:300],
                    "author_email": comment.email.strip()[:320],
                    "author_url": comment.url.strip()[:1000],
                    "author_ip": comment.ip.strip()[:64],
                    "text": comment.content,
                    "submitted": parse_time(comment.date_gmt, comment.date) or self.now,
                    "status": status,
                    "site_id": site_id if site_id > 0 else None,
                    "site_parent_id": parents.get(comment.site_id),
                }
                if site_id > 0:
                    rows.append(row)
                else:
                    local_rows.append((comment, row))
            if local_rows:
                self._local_comments(article_id, local_rows)
        if rows:
            insert_comments(self.conn, rows)
            report.added["comments"] += len(rows)
        if updates:
            self._take_site_status(updates)
        if rows and len(self.changed_comments) < CHANGED_COMMENTS_LIMIT:
            newest = self.conn.execute(
                select(COMMENTS.c.id)
                .where(COMMENTS.c.id >= self.first_comment)
                .order_by(COMMENTS.c.id.desc())
                .limit(len(rows))
            ).scalars()
            self.changed_comments.update(newest)

    def _decided_here(self, comment_ids: list[int]) -> set[int]:
        """Comments a moderator decided in Midad (import's own records aside)."""
        found = rows_by(
            self.conn,
            DECISIONS.c.comment_id,
            comment_ids,
            DECISIONS.c.comment_id,
            DECISIONS.c.source,
        )
        return {cid for cid, source in found if source != "import"}

    def _disagree(
        self, cid: int, site_id: int, title: str, here: CommentStatus, site: CommentStatus
    ) -> None:
        self.report.disagreement_count += 1
        if len(self.report.disagreements) < DISAGREEMENT_LIMIT:
            article = neutralize_bidi(plain_text(title)).strip()
            self.report.disagreements.append(SiteDisagreement(cid, site_id, article, here, site))

    def _take_site_status(self, updates: list[tuple[int, CommentStatus, CommentStatus]]) -> None:
        """Status changes made on the site, recorded as decisions already in step with it."""
        self.conn.execute(
            update(STATES)
            .where(STATES.c.comment_id == bindparam("cid"))
            .values(status=bindparam("to")),
            [{"cid": cid, "to": new} for cid, _old, new in updates],
        )
        self.conn.execute(
            insert(DECISIONS),
            [
                {
                    "comment_id": cid,
                    "user_id": self.user_id,
                    "at": self.now,
                    "from_status": old.value,
                    "to_status": new.value,
                    "source": "import",
                    "note": "",
                    # It came from the site: nothing to send back.
                    "sent_at": self.now,
                }
                for cid, old, new in updates
            ],
        )
        self.report.updated["comments"] += len(updates)
        if len(self.changed_comments) < CHANGED_COMMENTS_LIMIT:
            self.changed_comments.update(cid for cid, _, _ in updates)

    def _local_comments(
        self, article_id: int, comments: list[tuple[WxrComment, dict[str, Any]]]
    ) -> None:
        """Comments without the site's id (made in Midad): matched by author and time."""
        mapped: dict[int, int] = {}
        for comment, row in comments:
            found = self.conn.scalar(
                select(COMMENTS.c.id).where(
                    COMMENTS.c.article_id == article_id,
                    COMMENTS.c.site_id.is_(None),
                    COMMENTS.c.author_name == row["author_name"],
                    COMMENTS.c.submitted == row["submitted"],
                )
            )
            if found is not None:
                if found >= self.first_comment:
                    self.report.skipped["duplicate_comment"] += 1
                else:
                    self.report.matched["comments"] += 1
                mapped[comment.site_id] = int(found)
                continue
            if comment.parent < 0:
                row["parent_id"] = mapped.get(comment.parent)
                row["site_parent_id"] = None
            (new_id,) = insert_comments(self.conn, [row])
            mapped[comment.site_id] = new_id
            self.report.added["comments"] += 1

    def link_replies(self) -> None:
        """Replies find their parent by the site's id, on the same story, once all are in."""
        parent = aliased(COMMENTS)
        same = and_(
            parent.c.site_id == COMMENTS.c.site_parent_id,
            parent.c.article_id == COMMENTS.c.article_id,
            parent.c.id != COMMENTS.c.id,
        )
        self.conn.execute(
            update(COMMENTS)
            .where(
                COMMENTS.c.parent_id.is_(None),
                COMMENTS.c.site_parent_id.is_not(None),
                exists().where(same),
            )
            .values(parent_id=select(func.min(parent.c.id)).where(same).scalar_subquery())
        )
        orphans = self.conn.scalar(
            select(func.count(COMMENTS.c.id)).where(
                COMMENTS.c.id >= self.first_comment,
                COMMENTS.c.site_parent_id.is_not(None),
                COMMENTS.c.parent_id.is_(None),
            )
        )
        if orphans:
            self.report.notes["replies_without_parent"] += int(orphans)


def _parents_without_loops(comments: list[WxrComment], notes: Counter[str]) -> dict[int, int]:
    """Each comment's parent (by the site's id), with self-replies and loops cut."""
    parents = {c.site_id: c.parent for c in comments if c.parent and c.parent != c.site_id}
    for start in list(parents):
        seen = {start}
        current = parents.get(start)
        while current is not None and current in parents:
            if current in seen:
                parents.pop(start, None)
                notes["reply_loops"] += 1
                break
            seen.add(current)
            current = parents.get(current)
    return {k: v for k, v in parents.items() if v > 0}


def apply_moderation_rules(newsroom: Newsroom, report: ImportReport, ticker: Ticker) -> None:
    """The newsroom's moderation rules judge the comments the import added as pending.

    After the import has committed, oldest first, ten thousand at a time, a
    transaction each: the duplicate rule compares a comment with those around
    its date, so date order keeps those windows from overlapping, and memory
    stays flat. Stopped, the import stays and the comments not yet judged are
    pending as the site sent them (the moderation desk's "apply the rules"
    judges them); the report says so.
    """
    from editor.moderation.rules import apply_rules, load_rules

    if not report.comment_ids:
        return
    first = report.comment_ids.start
    # The queue rows alone: they hold the id, the time and the status.
    table = STATES
    after: tuple[dt.datetime, int] | None = None
    done = 0
    counts = {"articles": report.added["articles"], "comments": report.added["comments"]}
    try:
        with newsroom.read() as session:
            rules = load_rules(session)
            pending = int(
                session.scalar(
                    select(func.count()).where(
                        table.c.comment_id >= first, table.c.status == CommentStatus.PENDING
                    )
                )
                or 0
            )
        while True:
            ticker.check()
            with newsroom.write() as session:
                query = select(table.c.comment_id.label("id"), table.c.submitted).where(
                    table.c.comment_id >= first, table.c.status == CommentStatus.PENDING
                )
                if after is not None:
                    position = tuple_(table.c.submitted, table.c.comment_id)
                    query = query.where(position > tuple_(*after))
                rows = session.execute(
                    query.order_by(table.c.submitted, table.c.comment_id).limit(RULES_CHUNK)
                ).all()
                if not rows:
                    return
                after = (rows[-1].submitted, rows[-1].id)
                outcome = apply_rules(
                    session,
                    [row.id for row in rows],
                    rules=rules,
                    user_id=newsroom.actor.user_id,
                )
            for key in ("held", "blocked", "approved"):
                if getattr(outcome, key):
                    report.notes[f"rules_{key}"] += getattr(outcome, key)
            done += len(rows)
            ticker.tick(partial(Progress, done, max(done, pending), "rules", counts), force=True)
    except Cancelled:
        report.notes["rules_stopped"] += 1
