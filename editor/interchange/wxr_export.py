"""Writing the newsroom as a WordPress export (WXR 1.2) that WordPress's importer accepts.

The layout follows WordPress's own exporter (wp-admin/includes/export.php):
authors, categories parents first, tags, then one ``<item>`` per story with
its terms, its meta and its comments. Stories are read in batches by id
inside one read transaction, so the file is one consistent moment of the
database however long it takes, and memory does not grow with it. The file
is written beside its destination and moved into place only when complete.

Midad's fields WordPress has no place for travel as post meta the site keeps
but does not show (``_midad_dateline``, ``_midad_byline``, ``_midad_created``);
the dateline is also the first paragraph of the content, as the site shows it.
Ids the site never gave (stories and sections made here) are written as 0, so
WordPress assigns its own; comments made here get negative ids, unique in the
file, so their threads survive.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import json
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.orm import aliased

from editor.dateline import Dateline, DatelineStyle, render_dateline
from editor.errors import InterchangeError
from editor.interchange.wordpress_html import to_blocks
from editor.models import (
    Article,
    ArticleStatus,
    CommentStatus,
    Section,
    Tag,
    User,
    article_tags,
    comment_states,
    comments,
)
from editor.progress import Progress, Ticker
from editor.slugs import wordpress_slug

if TYPE_CHECKING:
    from editor.storage import Newsroom

WXR_VERSION = "1.2"
BATCH = 500
ARTICLES = cast(Table, Article.__table__)
COMMENTS = comments
STATES = comment_states
SECTIONS = cast(Table, Section.__table__)
TAGS = cast(Table, Tag.__table__)
USERS = cast(Table, User.__table__)
WP_STATUS = {
    ArticleStatus.PUBLISHED: "publish",
    ArticleStatus.DRAFT: "draft",
    ArticleStatus.SUBMITTED: "pending",
    ArticleStatus.SCHEDULED: "future",
    ArticleStatus.APPROVED: "private",
    ArticleStatus.TRASH: "trash",
}
WP_COMMENT_STATUS = {
    CommentStatus.PENDING: "0",
    CommentStatus.APPROVED: "1",
    CommentStatus.SPAM: "spam",
    CommentStatus.TRASH: "trash",
}
# XML 1.0 cannot carry these even inside CDATA; WordPress's importer would refuse the file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_HEADER = """<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file written by Midad (مداد), the offline newsroom desk. -->
<!-- Import it into WordPress with Tools: Import: WordPress. -->
<rss version="2.0"
\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
\t<title>{title}</title>
\t<link>{link}</link>
\t<description></description>
\t<pubDate>{now}</pubDate>
\t<language>ar</language>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:base_site_url>{link}</wp:base_site_url>
\t<wp:base_blog_url>{link}</wp:base_blog_url>
"""


@dataclass(frozen=True)
class ExportReport:
    path: str
    articles: int
    comments: int
    sections: int
    tags: int
    authors: int
    # False when the actor may not see readers' emails and addresses: they were left out.
    private_details: bool


def cdata(text: str) -> str:
    """WordPress's wxr_cdata(): text in CDATA, a "]]>" inside split across two sections."""
    text = _NOT_XML.sub("", text)
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _text(value: str) -> str:
    return html.escape(_NOT_XML.sub("", value), quote=False)


def _attribute(value: str) -> str:
    return html.escape(_NOT_XML.sub("", value), quote=True)


def _wp_date(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S") if value else "0000-00-00 00:00:00"


def _rfc2822(value: dt.datetime) -> str:
    return email.utils.format_datetime(value.replace(tzinfo=dt.UTC, microsecond=0))


def _meta(key: str, value: str) -> str:
    return (
        f"\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>{cdata(key)}</wp:meta_key>\n"
        f"\t\t\t<wp:meta_value>{cdata(value)}</wp:meta_value>\n\t\t</wp:postmeta>\n"
    )


class _Writer:
    def __init__(
        self, conn: Connection, out: IO[str], style: DatelineStyle, private: bool, link: str
    ) -> None:
        self.conn = conn
        self.out = out
        self.style = style
        self.private = private
        self.link = link.rstrip("/")
        self.counts = {"articles": 0, "comments": 0, "sections": 0, "tags": 0, "authors": 0}

    def head(self, title: str) -> None:
        now = _rfc2822(dt.datetime.now(dt.UTC).replace(tzinfo=None))
        self.out.write(_HEADER.format(title=_text(title), link=_text(self.link), now=now))

    def authors(self) -> None:
        query = (
            select(USERS.c.login, USERS.c.email, USERS.c.display_name, USERS.c.site_id)
            .where(USERS.c.id.in_(select(ARTICLES.c.author_id).distinct()))
            .order_by(USERS.c.id)
        )
        for login, mail, display, site_id in self.conn.execute(query):
            self.out.write(
                f"\t<wp:author><wp:author_id>{site_id or 0}</wp:author_id>"
                f"<wp:author_login>{cdata(login)}</wp:author_login>"
                f"<wp:author_email>{cdata(mail if self.private else '')}</wp:author_email>"
                f"<wp:author_display_name>{cdata(display)}</wp:author_display_name>"
                f"<wp:author_first_name>{cdata('')}</wp:author_first_name>"
                f"<wp:author_last_name>{cdata('')}</wp:author_last_name></wp:author>\n"
            )
            self.counts["authors"] += 1

    def sections(self) -> None:
        rows = self.conn.execute(
            select(
                SECTIONS.c.id,
                SECTIONS.c.slug,
                SECTIONS.c.name,
                SECTIONS.c.parent_id,
                SECTIONS.c.description,
                SECTIONS.c.site_id,
            ).order_by(SECTIONS.c.position, SECTIONS.c.id)
        ).all()
        slugs = {row.id: row.slug for row in rows}
        written: set[int] = set()
        pending = list(rows)
        # Parents before children, as WordPress writes them (a loop is written last, flat).
        while pending:
            ready = [r for r in pending if r.parent_id is None or r.parent_id in written]
            if not ready:
                ready = pending
            for row in ready:
                parent = slugs.get(row.parent_id) if row.parent_id in written else None
                self.out.write(
                    f"\t<wp:category>\n\t\t<wp:term_id>{row.site_id or 0}</wp:term_id>\n"
                    f"\t\t<wp:category_nicename>{cdata(wordpress_slug(row.slug))}"
                    "</wp:category_nicename>\n"
                    f"\t\t<wp:category_parent>{cdata(wordpress_slug(parent) if parent else '')}"
                    "</wp:category_parent>\n"
                    f"\t\t<wp:cat_name>{cdata(_text(row.name))}</wp:cat_name>\n"
                )
                if row.description:
                    self.out.write(
                        "\t\t<wp:category_description>"
                        f"{cdata(_text(row.description))}</wp:category_description>\n"
                    )
                self.out.write("\t</wp:category>\n")
                written.add(row.id)
            done = {r.id for r in ready}
            pending = [r for r in pending if r.id not in done]
        self.counts["sections"] = len(rows)

    def tags(self) -> None:
        query = select(TAGS.c.slug, TAGS.c.name, TAGS.c.site_id).order_by(TAGS.c.id)
        for slug, name, site_id in self.conn.execute(query):
            self.out.write(
                f"\t<wp:tag>\n\t\t<wp:term_id>{site_id or 0}</wp:term_id>\n"
                f"\t\t<wp:tag_slug>{cdata(wordpress_slug(slug))}</wp:tag_slug>\n"
                f"\t\t<wp:tag_name>{cdata(_text(name))}</wp:tag_name>\n\t</wp:tag>\n"
            )
            self.counts["tags"] += 1

    def articles(self, ticker: Ticker, total: int) -> None:
        last = 0
        section = aliased(SECTIONS)
        while True:
            ticker.tick(lambda: Progress(self.counts["articles"], total, "writing", self._tally()))
            rows = self.conn.execute(
                select(
                    ARTICLES,
                    section.c.slug.label("section_slug"),
                    section.c.name.label("section_name"),
                    USERS.c.login.label("login"),
                )
                .outerjoin(section, section.c.id == ARTICLES.c.section_id)
                .outerjoin(USERS, USERS.c.id == ARTICLES.c.author_id)
                .where(ARTICLES.c.id > last)
                .order_by(ARTICLES.c.id)
                .limit(BATCH)
            ).all()
            if not rows:
                return
            ids = [row.id for row in rows]
            last = ids[-1]
            tags = self._tags_of(ids)
            comments = self._comments_of(ids)
            parts: list[str] = []
            for row in rows:
                parts.append(self._item(row, tags.get(row.id, []), comments.get(row.id, [])))
            self.out.write("".join(parts))
            self.counts["articles"] += len(rows)

    def _tally(self) -> dict[str, int]:
        return {"articles": self.counts["articles"], "comments": self.counts["comments"]}

    def _tags_of(self, ids: list[int]) -> dict[int, list[tuple[str, str]]]:
        found: dict[int, list[tuple[str, str]]] = {}
        query = (
            select(article_tags.c.article_id, TAGS.c.slug, TAGS.c.name)
            .join(TAGS, TAGS.c.id == article_tags.c.tag_id)
            .where(article_tags.c.article_id.in_(ids))
            .order_by(article_tags.c.article_id, TAGS.c.name)
        )
        for article_id, slug, name in self.conn.execute(query):
            found.setdefault(article_id, []).append((slug, name))
        return found

    def _comments_of(self, ids: list[int]) -> dict[int, list[Any]]:
        parent = aliased(COMMENTS)
        query = (
            select(COMMENTS, STATES.c.status, parent.c.site_id.label("parent_site_id"))
            .join(STATES, STATES.c.comment_id == COMMENTS.c.id)
            .outerjoin(parent, parent.c.id == COMMENTS.c.parent_id)
            .where(COMMENTS.c.article_id.in_(ids))
            .order_by(COMMENTS.c.article_id, COMMENTS.c.id)
        )
        found: dict[int, list[Any]] = {}
        for row in self.conn.execute(query):
            found.setdefault(row.article_id, []).append(row)
        return found

    def _item(self, row: Any, tags: Iterable[tuple[str, str]], comments: list[Any]) -> str:
        status = ArticleStatus(row.status)
        posted = row.published or row.scheduled_for or row.created
        dateline = Dateline(
            row.dateline_place, row.dateline_date, tuple(row.dateline_sources or ())
        )
        lead = "" if dateline.is_empty else render_dateline(dateline, self.style)
        content = to_blocks(row.body_html, lead=lead)
        slug = wordpress_slug(row.slug) if row.slug else ""
        site_id = row.site_id or 0
        link = f"{self.link}/?p={site_id}" if site_id else ""
        guid = link or f"urn:midad:article:{row.id}"
        parts = [
            f"\t<item>\n\t\t<title>{cdata(_text(row.headline))}</title>\n",
            f"\t\t<link>{_text(link)}</link>\n",
            f"\t\t<pubDate>{_rfc2822(posted)}</pubDate>\n",
            f"\t\t<dc:creator>{cdata(row.login or '')}</dc:creator>\n",
            f'\t\t<guid isPermaLink="false">{_text(guid)}</guid>\n',
            "\t\t<description></description>\n",
            f"\t\t<content:encoded>{cdata(content)}</content:encoded>\n",
            f"\t\t<excerpt:encoded>{cdata(_text(row.standfirst))}</excerpt:encoded>\n",
            f"\t\t<wp:post_id>{site_id}</wp:post_id>\n",
            f"\t\t<wp:post_date>{cdata(_wp_date(posted))}</wp:post_date>\n",
            f"\t\t<wp:post_date_gmt>{cdata(_wp_date(posted))}</wp:post_date_gmt>\n",
            f"\t\t<wp:post_modified>{cdata(_wp_date(row.updated))}</wp:post_modified>\n",
            f"\t\t<wp:post_modified_gmt>{cdata(_wp_date(row.updated))}</wp:post_modified_gmt>\n",
            f"\t\t<wp:comment_status>{cdata('open')}</wp:comment_status>\n",
            f"\t\t<wp:ping_status>{cdata('closed')}</wp:ping_status>\n",
            f"\t\t<wp:post_name>{cdata(slug)}</wp:post_name>\n",
            f"\t\t<wp:status>{cdata(WP_STATUS[status])}</wp:status>\n",
            "\t\t<wp:post_parent>0</wp:post_parent>\n\t\t<wp:menu_order>0</wp:menu_order>\n",
            f"\t\t<wp:post_type>{cdata('post')}</wp:post_type>\n",
            f"\t\t<wp:post_password>{cdata('')}</wp:post_password>\n",
            "\t\t<wp:is_sticky>0</wp:is_sticky>\n",
        ]
        if row.section_slug:
            nicename = _attribute(wordpress_slug(row.section_slug))
            parts.append(
                f'\t\t<category domain="category" nicename="{nicename}">'
                f"{cdata(_text(row.section_name))}</category>\n"
            )
        for slug, name in tags:
            parts.append(
                f'\t\t<category domain="post_tag" nicename="{_attribute(wordpress_slug(slug))}">'
                f"{cdata(_text(name))}</category>\n"
            )
        parts.append(_meta("_midad_created", row.created.isoformat()))
        parts.append(
            _meta(
                "_midad_dateline",
                ""
                if dateline.is_empty
                else json.dumps(
                    {
                        "place": dateline.place,
                        "date": dateline.date.isoformat() if dateline.date else None,
                        "sources": list(dateline.sources),
                    },
                    ensure_ascii=False,
                ),
            )
        )
        if row.byline:
            parts.append(_meta("_midad_byline", row.byline))
        if status is ArticleStatus.TRASH and row.status_before_trash:
            before = ArticleStatus(row.status_before_trash)
            parts.append(_meta("_wp_trash_meta_status", WP_STATUS.get(before, "draft")))
            moment = row.updated.replace(tzinfo=dt.UTC)
            parts.append(_meta("_wp_trash_meta_time", str(int(moment.timestamp()))))
        parts.extend(self._comment(c) for c in comments)
        parts.append("\t</item>\n")
        self.counts["comments"] += len(comments)
        return "".join(parts)

    def _comment(self, c: Any) -> str:
        comment_id = c.site_id if c.site_id else -c.id
        if c.parent_id is not None:
            parent = c.parent_site_id if c.parent_site_id else -c.parent_id
        else:
            parent = c.site_parent_id or 0
        submitted = _wp_date(c.submitted)
        return (
            "\t\t<wp:comment>\n"
            f"\t\t\t<wp:comment_id>{comment_id}</wp:comment_id>\n"
            f"\t\t\t<wp:comment_author>{cdata(c.author_name)}</wp:comment_author>\n"
            "\t\t\t<wp:comment_author_email>"
            f"{cdata(c.author_email if self.private else '')}</wp:comment_author_email>\n"
            f"\t\t\t<wp:comment_author_url>{_text(c.author_url)}</wp:comment_author_url>\n"
            "\t\t\t<wp:comment_author_IP>"
            f"{cdata(c.author_ip if self.private else '')}</wp:comment_author_IP>\n"
            f"\t\t\t<wp:comment_date>{cdata(submitted)}</wp:comment_date>\n"
            f"\t\t\t<wp:comment_date_gmt>{cdata(submitted)}</wp:comment_date_gmt>\n"
            f"\t\t\t<wp:comment_content>{cdata(c.text)}</wp:comment_content>\n"
            "\t\t\t<wp:comment_approved>"
            f"{cdata(WP_COMMENT_STATUS[CommentStatus(c.status)])}</wp:comment_approved>\n"
            f"\t\t\t<wp:comment_type>{cdata('comment')}</wp:comment_type>\n"
            f"\t\t\t<wp:comment_parent>{parent}</wp:comment_parent>\n"
            "\t\t\t<wp:comment_user_id>0</wp:comment_user_id>\n"
            "\t\t</wp:comment>\n"
        )

    def tail(self) -> None:
        self.out.write("</channel>\n</rss>\n")


def export_wxr(
    newsroom: Newsroom,
    path: Path,
    ticker: Ticker | None = None,
    *,
    private: bool,
    site_url: str = "",
) -> ExportReport:
    """Write the whole newsroom to ``path``; the file appears only once it is complete."""
    ticker = ticker or Ticker()
    style = newsroom.settings.dateline_style()
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, then moved into place
            "w",
            encoding="utf-8",
            newline="\n",
            dir=directory,
            prefix=f".{path.name}.",
            suffix=".partial",
            delete=False,
        )
    except OSError as exc:
        raise InterchangeError(
            f"Cannot write in {directory}: {exc.strerror or exc}",
            reason="unwritable",
            path=str(path),
        ) from exc
    temporary = Path(handle.name)
    try:
        with handle, newsroom.read() as session:
            conn = session.connection()
            writer = _Writer(conn, handle, style, private, site_url)
            total = int(conn.scalar(select(func.count(ARTICLES.c.id))) or 0)
            writer.head("Midad")
            writer.authors()
            writer.sections()
            writer.tags()
            writer.articles(ticker, total)
            writer.tail()
            handle.flush()
            os.fsync(handle.fileno())
        ticker.check()
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise InterchangeError(
            f"Cannot write {path}: {exc.strerror or exc}", reason="unwritable", path=str(path)
        ) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    counts = writer.counts
    return ExportReport(
        str(path),
        counts["articles"],
        counts["comments"],
        counts["sections"],
        counts["tags"],
        counts["authors"],
        private,
    )
