"""Importing a WordPress export: streamed, in one transaction, without duplicates.

The whole import is one write transaction. A malformed file, a cancel, a
crash or a killed process all leave the database exactly as it was (SQLite
rolls the uncommitted transaction back), and the import can simply be run
again. Rows are written with SQLAlchemy Core ``executemany`` in batches of a
few hundred posts; nothing grows with the file but the counters. Once it
has committed, the moderation rules judge the new pending comments and the
search index takes in the new rows, each in transactions of its own.

Re-importing the same export, or a newer one, matches everything by the
site's ids: stories and comments already here are left as they are (a story
edited offline is never overwritten), new ones are added, and a comment's
status follows the site's unless a moderator decided it here: then the local
decision stands and the report lists where the site disagrees.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import (
    Connection,
    Table,
    insert,
    select,
)
from sqlalchemy.orm import Session

from editor.arabic import neutralize_bidi
from editor.changes import Changes
from editor.dateline import Dateline, parse_dateline
from editor.errors import ConflictError
from editor.interchange.wordpress_html import plain_text, to_body
from editor.interchange.wxr_comments import CommentWriter, apply_moderation_rules
from editor.interchange.wxr_parse import (
    WxrAuthor,
    WxrCategory,
    WxrPost,
    WxrReader,
    WxrTag,
    WxrTerm,
    parse_time,
    read_head,
)
from editor.interchange.wxr_report import ImportReport
from editor.interchange.wxr_terms import Directory, max_id, rows_by
from editor.models import (
    Article,
    ArticleStatus,
    ModerationDecision,
    Revision,
    article_tags,
    comments,
    utcnow,
)
from editor.progress import Progress, Ticker
from editor.slugs import from_wordpress_slug

if TYPE_CHECKING:
    from editor.storage import Newsroom

ARTICLES = cast(Table, Article.__table__)
COMMENTS = comments
REVISIONS = cast(Table, Revision.__table__)
DECISIONS = cast(Table, ModerationDecision.__table__)
BATCH_POSTS = 200
BATCH_COMMENTS = 5000
MAX_HEADLINE = 500
SEARCH_NOTE_BATCH = 50_000
POST_STATUS = {
    "publish": ArticleStatus.PUBLISHED,
    "draft": ArticleStatus.DRAFT,
    "pending": ArticleStatus.SUBMITTED,
    "future": ArticleStatus.SCHEDULED,
    # Private posts are finished but not public: approved, waiting to be published.
    "private": ArticleStatus.APPROVED,
    "trash": ArticleStatus.TRASH,
}
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_FIRST_PARAGRAPH = re.compile(r'<p(?: dir="[a-z]+")?>([^<]*)</p>')


def _dateline_from_meta(value: str) -> Dateline:
    try:
        data = json.loads(value) if value.strip() else {}
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    try:
        date = dt.date.fromisoformat(data["date"]) if data.get("date") else None
    except (TypeError, ValueError):
        date = None
    sources = data.get("sources") or []
    return Dateline(
        str(data.get("place") or ""),
        date,
        tuple(str(s) for s in sources) if isinstance(sources, list) else (),
    )


def _split_dateline(body: str, meta: str | None) -> tuple[Dateline, str]:
    """The dateline (from Midad's meta, else a first paragraph that is one) and the rest."""
    first = _FIRST_PARAGRAPH.match(body)
    found = parse_dateline(html.unescape(first.group(1))) if first else None
    if meta is not None:
        dateline = _dateline_from_meta(meta)
        # Midad's own export put the dateline first in the body: take it out again.
        if first and found is not None and not dateline.is_empty:
            body = body[first.end() :]
        return dateline, body
    if first and found is not None and (found.date or (found.place and found.sources)):
        return found, body[first.end() :]
    return Dateline(""), body


class _Import:
    """One run: holds the batch in hand and the counters, nothing that grows with the file."""

    def __init__(self, session: Session, newsroom: Newsroom, reader: WxrReader, ticker: Ticker):
        self.session = session
        self.conn: Connection = session.connection()
        self.reader = reader
        self.ticker = ticker
        self.report = ImportReport(path=str(reader.path), version=reader.version)
        self.user_id = newsroom.actor.user_id
        self.now = utcnow()
        self.first_article = max_id(self.conn, ARTICLES) + 1
        self.first_comment = max_id(self.conn, COMMENTS) + 1
        self.last_article = self.first_article - 1
        self.directory = Directory(self.conn, self.report.skipped, self.report.notes)
        self.categories: list[WxrCategory] = []
        self.tags: list[WxrTag] = []
        self.sections_done = False
        self.batch: list[WxrPost] = []
        self.batch_comments = 0
        self.new_articles: set[int] = set()
        self.comments = CommentWriter(
            session,
            self.report,
            user_id=self.user_id,
            now=self.now,
            first_comment=self.first_comment,
        )
        # hash((headline, created)) -> id of stories without the site's id; loaded when needed.
        self.unnumbered: dict[int, int] | None = None

    # -- the stream ----------------------------------------------------------

    def run(self) -> ImportReport:
        directory = self.directory
        for record in self.reader:
            if isinstance(record, WxrPost):
                if not self.sections_done:
                    self._sections()
                self._take(record)
            elif isinstance(record, WxrAuthor):
                directory.author(record)
            elif isinstance(record, WxrCategory):
                self.categories.append(record)
            elif isinstance(record, WxrTag):
                self.tags.append(record)
            elif isinstance(record, WxrTerm):
                self.report.skipped[f"taxonomy:{record.taxonomy or '?'}"] += 1
            self.ticker.tick(self._progress)
        if not self.sections_done:
            self._sections()
        self._flush()
        self.ticker.tick(lambda: self._progress("linking"), force=True)
        self.comments.link_replies()
        return self._finish()

    def _progress(self, stage: str = "reading") -> Progress:
        added, matched = self.report.added, self.report.matched
        return Progress(
            self.reader.position,
            self.reader.size,
            stage,
            {
                "articles": added["articles"] + matched["articles"],
                "comments": added["comments"] + matched["comments"],
            },
        )

    def _sections(self) -> None:
        """The file's sections and tags, which come before its posts."""
        self.directory.create_sections(self.categories)
        self.directory.create_tags(self.tags)
        self.categories = []
        self.tags = []
        self.sections_done = True

    def _take(self, post: WxrPost) -> None:
        skipped = self.report.skipped
        reason = None
        if post.type != "post":
            reason = f"post_type:{post.type or '?'}"
        elif post.status == "auto-draft":
            reason = "auto_draft"
        if reason is not None:
            skipped[reason] += 1
            if post.comments:
                skipped["comments_of_skipped_posts"] += len(post.comments)
            return
        self.batch.append(post)
        self.batch_comments += len(post.comments)
        if len(self.batch) >= BATCH_POSTS or self.batch_comments >= BATCH_COMMENTS:
            self._flush()

    # -- a batch of posts ----------------------------------------------------

    def _flush(self) -> None:
        posts, self.batch, self.batch_comments = self.batch, [], 0
        if not posts:
            return
        ids = [p.site_id for p in posts if p.site_id > 0]
        existing = dict(
            rows_by(self.conn, ARTICLES.c.site_id, ids, ARTICLES.c.site_id, ARTICLES.c.id)
        )
        seen: set[object] = set()
        targets: list[tuple[WxrPost, int | None]] = []
        new_rows: list[dict[str, Any]] = []
        new_terms: list[tuple[list[int], str]] = []
        for post in posts:
            key: object
            if post.site_id > 0:
                key, local = post.site_id, existing.get(post.site_id)
            else:
                self.report.notes["posts_without_id"] += 1
                key = _identity(post, self.now)
                local = self._match(key)
            if key in seen or (local is not None and local >= self.first_article):
                self.report.skipped["duplicate_post"] += 1
                if post.comments:
                    self.report.skipped["comments_of_skipped_posts"] += len(post.comments)
                continue
            seen.add(key)
            if local is not None:
                self.report.matched["articles"] += 1
                targets.append((post, local))
                continue
            row, tag_ids, section = self._article_row(post)
            new_rows.append(row)
            new_terms.append((tag_ids, section))
            targets.append((post, None))
        fresh = iter(self._insert_articles(new_rows, new_terms))
        self.comments.write(
            [
                (post, local if local is not None else next(fresh), post.title)
                for post, local in targets
            ]
        )

    def _match(self, key: tuple[str, dt.datetime]) -> int | None:
        """A post without the site's id: the story with its headline and date, as WordPress does."""
        if self.unnumbered is None:
            self.unnumbered = {}
            query = select(ARTICLES.c.id, ARTICLES.c.headline, ARTICLES.c.created).where(
                ARTICLES.c.site_id.is_(None)
            )
            for aid, headline, created in self.conn.execute(query):
                self.unnumbered.setdefault(hash((headline, created)), aid)
        return self.unnumbered.get(hash(key))

    def _article_row(self, post: WxrPost) -> tuple[dict[str, Any], list[int], str]:
        notes = self.report.notes
        directory = self.directory
        if _BIDI.search(post.title):
            notes["bidi_headlines"] += 1
        if len(post.title) > MAX_HEADLINE and len(plain_text(post.title).strip()) > MAX_HEADLINE:
            notes["long_headlines"] += 1
        status = POST_STATUS.get(post.status.strip())
        if status is None:
            notes["unknown_post_status"] += 1
            status = ArticleStatus.DRAFT
        before_trash = None
        if status is ArticleStatus.TRASH:
            # Where restoring puts it back: WordPress keeps it in _wp_trash_meta_status.
            earlier = POST_STATUS.get(post.meta.get("_wp_trash_meta_status", ""))
            before_trash = earlier.value if earlier else None
        headline, created = _identity(post, self.now)
        posted = parse_time(post.date_gmt, post.date) or self.now
        updated = parse_time(post.modified_gmt, post.modified) or posted
        section_id = None
        section_name = ""
        tag_ids: list[int] = []
        for domain, nicename, name in post.terms:
            if domain == "category":
                if section_id is None:
                    section_id = directory.section(nicename, name)
                    section_name = directory.section_names.get(section_id, "")
                else:
                    notes["extra_categories"] += 1
            elif domain in ("post_tag", "tag"):
                tid = directory.tag(nicename, name)
                if tid not in tag_ids:
                    tag_ids.append(tid)
            else:
                notes["other_terms"] += 1
        dateline, body = _split_dateline(to_body(post.content), post.meta.get("_midad_dateline"))
        row = {
            "headline": headline,
            "standfirst": neutralize_bidi(plain_text(post.excerpt)).strip(),
            "body_html": body,
            "dateline_place": dateline.place,
            "dateline_date": dateline.date,
            "dateline_sources": list(dateline.sources),
            "byline": neutralize_bidi(post.meta.get("_midad_byline", "")).strip()[:300],
            "section_id": section_id,
            "author_id": directory.user_for_login(post.creator),
            "status": status,
            "status_before_trash": before_trash,
            "slug": from_wordpress_slug(post.name.strip())[:300],
            "created": created,
            "updated": max(updated, created),
            "published": posted if status is ArticleStatus.PUBLISHED else None,
            "scheduled_for": posted if status is ArticleStatus.SCHEDULED else None,
            "site_id": post.site_id if post.site_id > 0 else None,
            "version": 1,
        }
        return row, tag_ids, section_name

    def _insert_articles(
        self, rows: list[dict[str, Any]], terms: list[tuple[list[int], str]]
    ) -> list[int]:
        if not rows:
            return []
        # A plain executemany, then the ids it gave: RETURNING in parameter order
        # makes SQLite insert one row per statement (measured 2.3 s a 5,000 stories).
        # The import holds the write lock, so the new rows are exactly those after
        # the last id it saw; the count check would catch anyone else's.
        self.conn.execute(insert(ARTICLES), rows)
        ids = list(
            self.conn.execute(
                select(ARTICLES.c.id)
                .where(ARTICLES.c.id > self.last_article)
                .order_by(ARTICLES.c.id)
            ).scalars()
        )
        if len(ids) != len(rows):
            raise ConflictError(
                "Stories were added by someone else during the import; nothing was imported",
                expected=len(rows),
                found=len(ids),
            )
        self.last_article = ids[-1]
        links: list[dict[str, int]] = []
        revisions: list[dict[str, Any]] = []
        names = self.directory.tag_names
        for article_id, row, (tag_ids, section) in zip(ids, rows, terms, strict=True):
            if row["site_id"] is None and self.unnumbered is not None:
                self.unnumbered[hash((row["headline"], row["created"]))] = article_id
            links.extend({"article_id": article_id, "tag_id": t} for t in tag_ids)
            revisions.append(
                {
                    "article_id": article_id,
                    "article_version": 1,
                    "created": self.now,
                    "user_id": self.user_id,
                    "reason": "import",
                    "snapshot": _snapshot(row, section, sorted(names[t] for t in tag_ids)),
                }
            )
        if links:
            self.conn.execute(insert(article_tags), links)
        self.conn.execute(insert(REVISIONS), revisions)
        self.report.added["articles"] += len(ids)
        self.new_articles.update(ids)
        return ids

    # -- comments --------------------------------------------------------------

    def _note_for_search(self, articles: range, comments: range) -> None:
        """Tell the search index about the new rows, in this transaction (editor.search).

        Calls of more than ``IMMEDIATE_LIMIT`` ids are only noted, and indexed
        after the commit by ``catch_up``: the import does not wait for them.
        """
        from editor.search import reindex_articles, reindex_comments

        for ids, reindex in ((articles, reindex_articles), (comments, reindex_comments)):
            for start in range(0, len(ids), SEARCH_NOTE_BATCH):
                reindex(self.session, ids[start : start + SEARCH_NOTE_BATCH])

    def _finish(self) -> ImportReport:
        report = self.report
        report.version = self.reader.version
        report.declared_encoding = self.reader.head.declared_encoding
        report.article_ids = range(self.first_article, max_id(self.conn, ARTICLES) + 1)
        report.comment_ids = range(self.first_comment, max_id(self.conn, COMMENTS) + 1)
        self._note_for_search(report.article_ids, report.comment_ids)
        directory = self.directory
        report.added.update(directory.added)
        report.matched.update(directory.matched)
        report.changes = Changes(
            articles=frozenset(self.new_articles),
            comments=frozenset(self.comments.changed_comments),
            sections=bool(directory.added["sections"]),
            tags=bool(directory.added["tags"]),
            users=bool(directory.added["users"]),
            # New rows: the article list reloads rather than refreshing the rows it has.
            new_id=min(self.new_articles) if self.new_articles else None,
        )
        return report


def _identity(post: WxrPost, now: dt.datetime) -> tuple[str, dt.datetime]:
    """A story's headline and creation time as Midad stores them."""
    headline = neutralize_bidi(plain_text(post.title)).strip()[:MAX_HEADLINE].rstrip()
    posted = parse_time(post.date_gmt, post.date) or now
    return headline, parse_time(post.meta.get("_midad_created", "")) or posted


def _snapshot(row: dict[str, Any], section: str, tags: list[str]) -> dict[str, Any]:
    """The revision snapshot of an imported story (the same keys the article service writes)."""
    date = row["dateline_date"]
    return {
        "headline": row["headline"],
        "standfirst": row["standfirst"],
        "body_html": row["body_html"],
        "dateline": {
            "place": row["dateline_place"],
            "date": date.isoformat() if date else None,
            "sources": list(row["dateline_sources"]),
        },
        "byline": row["byline"],
        "section_id": row["section_id"],
        "section": section or None,
        "tags": tags,
        "status": ArticleStatus(row["status"]).value,
        "slug": row["slug"],
        "scheduled_for": row["scheduled_for"].isoformat() if row["scheduled_for"] else None,
        "published": row["published"].isoformat() if row["published"] else None,
    }


def import_wxr(newsroom: Newsroom, path: Path, ticker: Ticker | None = None) -> ImportReport:
    """Import one export file; on any error or cancel nothing is changed.

    Once the import is committed, the moderation rules judge the new pending
    comments (``apply_moderation_rules``) and the search index takes in what it
    added (``update_search_index``), each in transactions of its own.
    """
    ticker = ticker or Ticker()
    head = read_head(path)
    reader = WxrReader(path, head)
    with newsroom.write() as session:
        report = _Import(session, newsroom, reader, ticker).run()
        # The last chance to cancel: after this the import is committed.
        ticker.check()
    # What follows builds on the committed import, a transaction per batch:
    # stopped, the import stays and the report says what is left to do.
    apply_moderation_rules(newsroom, report, ticker)
    update_search_index(newsroom, report, ticker)
    return report


def update_search_index(newsroom: Newsroom, report: ImportReport, ticker: Ticker) -> None:
    """Index what the import added, now that it is committed (``newsroom.search.catch_up``).

    The import noted its new rows for the index inside its own transaction
    (``_Import._note_for_search``), so nothing is lost whatever happens next;
    this indexes them a batch per transaction. Stopped or failed, the import
    stays and the rows stay noted: the interface catches up in the
    background, the command line before it searches, and the report says so.
    """
    from sqlalchemy.exc import DBAPIError

    from editor.errors import Cancelled, MidadError

    counts = {"articles": report.added["articles"], "comments": report.added["comments"]}

    def progress(step: Progress) -> None:
        ticker.tick(partial(Progress, step.done, step.total, "indexing", counts), force=True)

    try:
        newsroom.search.catch_up(progress=progress, cancelled=ticker.is_cancelled)
    except Cancelled:
        report.notes["search_index_stopped"] += 1
    except (MidadError, DBAPIError):
        report.notes["search_index_failed"] += 1
