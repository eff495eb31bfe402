"""A WordPress export of the synthetic newsroom, written as a stream, and the raw baseline.

``write_wxr`` writes the corpus's sections, tags and authors, then one item
per story with its comments, a batch at a time: the file can be gigabytes,
memory stays at one item. Half the posts are block-editor content, half
classic (bare line breaks, as WordPress's classic editor stores them).

``baseline_load`` is the floor the import is measured against: the same
streaming parser (editor.interchange.wxr_parse) into ``sqlite3.executemany``
of the same rows (stories, their revision, tags, comments), nothing converted.
Both run in a fresh process (``python -m bench.wxr_corpus``) so each reports
its own peak memory.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import resource
import sqlite3
import sys
import time
import urllib.parse
from pathlib import Path
from typing import Any

from bench.corpus import (
    ARTICLE_STATUSES,
    COMMENT_STATUSES,
    CORPUS_END,
    CORPUS_YEARS,
    READERS,
    Corpus,
    CorpusSpec,
    _weighted,
)
from bench.vocab import CITIES, NEWS_SOURCES, person_name
from editor.models import ArticleStatus, CommentStatus
from editor.slugs import wordpress_slug

WP_STATUS = {
    ArticleStatus.PUBLISHED: "publish",
    ArticleStatus.DRAFT: "draft",
    ArticleStatus.SUBMITTED: "pending",
    ArticleStatus.APPROVED: "private",
    ArticleStatus.SCHEDULED: "future",
    ArticleStatus.TRASH: "trash",
}
WP_COMMENT = {
    CommentStatus.PENDING: "0",
    CommentStatus.APPROVED: "1",
    CommentStatus.SPAM: "spam",
    CommentStatus.TRASH: "trash",
}
HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
\t<title>موقع الأخبار التجريبي</title>
\t<link>https://news.example</link>
\t<language>ar</language>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:base_site_url>https://news.example</wp:base_site_url>
"""


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _date(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _content(writer: Any, rng: random.Random, words: int, blocks: bool) -> str:
    parts: list[str] = []
    left = words
    while left > 0:
        size = min(left, writer.between(40, 90))
        if parts and rng.random() < 0.12:
            heading = " ".join(writer.words(writer.between(3, 6)))
            parts.append(
                f'<!-- wp:heading -->\n<h2 class="wp-block-heading">{heading}</h2>\n'
                "<!-- /wp:heading -->"
                if blocks
                else f"<h2>{heading}</h2>"
            )
        sentences = writer.sentences(size)
        if blocks:
            parts.append(
                f"<!-- wp:paragraph -->\n<p>{' '.join(sentences)}</p>\n<!-- /wp:paragraph -->"
            )
        else:
            # The classic editor keeps the odd single line break inside a paragraph.
            cut = len(sentences) // 2
            text = " ".join(sentences[:cut])
            parts.append(text + "\n" + " ".join(sentences[cut:]) if text else sentences[0])
        left -= size
    return "\n\n".join(parts)


def write_wxr(path: Path, spec: CorpusSpec) -> dict[str, int]:
    """The corpus as one WXR 1.2 file; returns what it holds."""
    corpus = Corpus(spec)
    rng = random.Random(spec.seed + 11)
    writer = corpus.vocab.writer(rng)
    statuses, status_cum = _weighted(ARTICLE_STATUSES)
    comment_statuses, comment_cum = _weighted(COMMENT_STATUSES)
    start = CORPUS_END - dt.timedelta(days=365 * CORPUS_YEARS)
    span = (CORPUS_END - start).total_seconds()
    sections = {s["id"]: s for s in corpus.sections}
    counts = {"posts": 0, "comments": 0, "bytes": 0}
    per_post, extra = divmod(spec.comments, max(1, spec.articles))
    comment_id = 1
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(HEAD)
        for user in corpus.users:
            out.write(
                f"\t<wp:author><wp:author_id>{user['id']}</wp:author_id>"
                f"<wp:author_login>{_cdata(user['login'])}</wp:author_login>"
                f"<wp:author_email>{_cdata(user['email'])}</wp:author_email>"
                f"<wp:author_display_name>{_cdata(user['display_name'])}"
                "</wp:author_display_name></wp:author>\n"
            )
        for section in corpus.sections:
            parent = sections.get(section["parent_id"])
            out.write(
                f"\t<wp:category><wp:term_id>{100 + section['id']}</wp:term_id>"
                f"<wp:category_nicename>{_cdata(wordpress_slug(section['slug']))}"
                "</wp:category_nicename>"
                f"<wp:category_parent>{_cdata(wordpress_slug(parent['slug']) if parent else '')}"
                "</wp:category_parent>"
                f"<wp:cat_name>{_cdata(section['name'])}</wp:cat_name></wp:category>\n"
            )
        for tag in corpus.tags:
            out.write(
                f"\t<wp:tag><wp:term_id>{10_000 + tag['id']}</wp:term_id>"
                f"<wp:tag_slug>{_cdata(wordpress_slug(tag['slug']))}</wp:tag_slug>"
                f"<wp:tag_name>{_cdata(tag['name'])}</wp:tag_name></wp:tag>\n"
            )
        users = [u["login"] for u in corpus.users]
        section_list = corpus.sections
        for index in range(spec.articles):
            post_id = index + 1
            posted = start + dt.timedelta(seconds=(index + rng.random()) * span / spec.articles)
            status = rng.choices(statuses, cum_weights=status_cum)[0]
            section = section_list[int(rng.random() * len(section_list))]
            words = max(50, int(rng.gauss(spec.words_per_article, spec.words_per_article / 4)))
            terms = [
                f'<category domain="category" nicename="{wordpress_slug(section["slug"])}">'
                f"{_cdata(section['name'])}</category>"
            ]
            picked = {
                min(len(corpus.tags) - 1, int(rng.paretovariate(1.2)) - 1)
                for _ in range(rng.choice((0, 1, 2, 3, 4, 6)))
            }
            for number in sorted(picked):
                tag = corpus.tags[number]
                terms.append(
                    f'<category domain="post_tag" nicename="{wordpress_slug(tag["slug"])}">'
                    f"{_cdata(tag['name'])}</category>"
                )
            lead = ""
            if rng.random() < 0.7:
                sources = "/".join(rng.sample(NEWS_SOURCES, rng.choice((1, 2))))
                lead = f"{rng.choice(CITIES)} – {posted.day} أكتوبر {posted.year} ({sources})\n\n"
            blocks = index % 2 == 0
            body = _content(writer, rng, words, blocks)
            if lead:
                opening = f"<!-- wp:paragraph -->\n<p>{lead.strip()}</p>\n<!-- /wp:paragraph -->"
                body = f"{opening}\n\n{body}" if blocks else lead + body
            parts = [
                f"\t<item>\n\t\t<title>{_cdata(writer.headline())}</title>\n",
                f"\t\t<dc:creator>{_cdata(users[index % len(users)])}</dc:creator>\n",
                f"\t\t<content:encoded>{_cdata(body)}</content:encoded>\n",
                f"\t\t<excerpt:encoded>{_cdata(writer.text(writer.between(18, 40)))}"
                "</excerpt:encoded>\n",
                f"\t\t<wp:post_id>{post_id}</wp:post_id>\n",
                f"\t\t<wp:post_date_gmt>{_cdata(_date(posted))}</wp:post_date_gmt>\n",
                f"\t\t<wp:post_modified_gmt>{_cdata(_date(posted))}</wp:post_modified_gmt>\n",
                f"\t\t<wp:post_name>{_cdata(f'story-{post_id}')}</wp:post_name>\n",
                f"\t\t<wp:status>{_cdata(WP_STATUS[status])}</wp:status>\n",
                f"\t\t<wp:post_type>{_cdata('post')}</wp:post_type>\n\t\t",
                "\n\t\t".join(terms),
                "\n",
            ]
            first_here = comment_id
            for k in range(per_post + (1 if index < extra else 0)):
                reader = int(rng.paretovariate(1.1) * 7) % READERS
                submitted = posted + dt.timedelta(hours=rng.expovariate(1 / 20))
                reply_to = first_here + int(rng.random() * k) if k and rng.random() < 0.15 else 0
                state = rng.choices(comment_statuses, cum_weights=comment_cum)[0]
                parts.append(
                    "\t\t<wp:comment>"
                    f"<wp:comment_id>{comment_id}</wp:comment_id>"
                    f"<wp:comment_author>{_cdata(person_name(reader))}</wp:comment_author>"
                    "<wp:comment_author_email>"
                    f"{_cdata(f'reader{reader}@mail.example')}</wp:comment_author_email>"
                    f"<wp:comment_author_IP>{_cdata(f'10.{reader % 250}.0.1')}"
                    "</wp:comment_author_IP>"
                    f"<wp:comment_date_gmt>{_cdata(_date(submitted))}</wp:comment_date_gmt>"
                    f"<wp:comment_content>{_cdata(writer.text(writer.between(10, 80)))}"
                    "</wp:comment_content>"
                    f"<wp:comment_approved>{_cdata(WP_COMMENT[state])}</wp:comment_approved>"
                    f"<wp:comment_type>{_cdata('comment')}</wp:comment_type>"
                    f"<wp:comment_parent>{reply_to}</wp:comment_parent></wp:comment>\n"
                )
                comment_id += 1
                counts["comments"] += 1
            parts.append("\t</item>\n")
            out.write("".join(parts))
            counts["posts"] += 1
        out.write("</channel>\n</rss>\n")
    counts["bytes"] = path.stat().st_size
    return counts


# -- the baseline: the same parse into raw sqlite3 ----------------------------

ARTICLE_COLUMNS = (
    "headline, standfirst, body_html, dateline_place, dateline_date, dateline_sources, byline,"
    " section_id, author_id, status, status_before_trash, slug, created, updated, published,"
    " scheduled_for, site_id, version"
)
COMMENT_COLUMNS = (
    "id, article_id, parent_id, author_name, author_email, author_url, author_ip, text,"
    " submitted, site_id, site_parent_id, note"
)
POST_STATUS = {v: k.value for k, v in WP_STATUS.items()}
COMMENT_STATUS = {"0": "pending", "1": "approved", "spam": "spam", "trash": "trash"}


def baseline_load(path: Path, db: Path) -> dict[str, Any]:
    """Parse ``path`` with Midad's reader and insert the same rows with raw sqlite3."""
    from editor.interchange.wxr_parse import WxrAuthor, WxrCategory, WxrPost, WxrReader, WxrTag
    from editor.interchange.wxr_parse import read_head as head_of

    started = time.perf_counter()
    cpu = _cpu()
    conn = sqlite3.connect(str(db), isolation_level=None)
    for pragma in ("foreign_keys = ON", "journal_mode = WAL", "synchronous = NORMAL"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("BEGIN IMMEDIATE")
    article_id = conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
    comment_id = conn.execute("SELECT coalesce(max(id), 0) FROM comments").fetchone()[0]
    users: dict[str, int] = {}
    sections: dict[str, int] = {}
    tags: dict[str, int] = {}
    batch: list[WxrPost] = []
    counts = {"articles": 0, "comments": 0}

    def flush() -> None:
        nonlocal article_id, comment_id
        articles: list[tuple[Any, ...]] = []
        revisions: list[tuple[Any, ...]] = []
        links: list[tuple[int, int]] = []
        comments: list[tuple[Any, ...]] = []
        # A comment's queue is a row of its own (migration 0009).
        states: list[tuple[Any, ...]] = []
        for post in batch:
            article_id += 1
            created = post.date_gmt.replace("T", " ") + ".000000"
            status = POST_STATUS.get(post.status, "draft")
            section = next((sections.get(s) for d, s, _ in post.terms if d == "category"), None)
            row = (
                post.title,
                post.excerpt,
                post.content,
                "",
                None,
                "[]",
                "",
                section,
                users.get(post.creator),
                status,
                None,
                urllib.parse.unquote(post.name),
                created,
                created,
                created if status == "published" else None,
                None,
                post.site_id,
                1,
            )
            articles.append(row)
            snapshot = json.dumps({"headline": post.title, "body_html": post.content})
            revisions.append((article_id, 1, created, None, "import", snapshot))
            links.extend(
                dict.fromkeys(
                    (article_id, tags[s]) for d, s, _ in post.terms if d == "post_tag" and s in tags
                )
            )
            for c in post.comments:
                comment_id += 1
                submitted = c.date_gmt + ".000000"
                comments.append(
                    (
                        comment_id,
                        article_id,
                        None,
                        c.author,
                        c.email,
                        c.url,
                        c.ip,
                        c.content,
                        submitted,
                        c.site_id,
                        c.parent or None,
                        "",
                    )
                )
                states.append((comment_id, COMMENT_STATUS.get(c.approved, "pending"), submitted))
        conn.executemany(
            f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({', '.join('?' * 18)})", articles
        )
        conn.executemany(
            "INSERT INTO revisions (article_id, article_version, created, user_id, reason,"
            " snapshot) VALUES (?, ?, ?, ?, ?, ?)",
            revisions,
        )
        conn.executemany("INSERT INTO article_tags (article_id, tag_id) VALUES (?, ?)", links)
        conn.executemany(
            f"INSERT INTO comments ({COMMENT_COLUMNS}) VALUES ({', '.join('?' * 12)})", comments
        )
        conn.executemany(
            "INSERT INTO comment_states (comment_id, status, submitted) VALUES (?, ?, ?)", states
        )
        counts["articles"] += len(articles)
        counts["comments"] += len(comments)
        batch.clear()

    for record in WxrReader(path, head_of(path)):
        if isinstance(record, WxrPost):
            if record.type == "post":
                batch.append(record)
                if len(batch) >= 200:
                    flush()
        elif isinstance(record, WxrAuthor):
            cursor = conn.execute(
                "INSERT INTO users (login, display_name, role, email, active, site_id, created)"
                " VALUES (?, ?, 'journalist', ?, 1, ?, ?)",
                (record.login, record.display_name, record.email, record.site_id, "2026-01-01"),
            )
            users[record.login] = int(cursor.lastrowid or 0)
        elif isinstance(record, WxrCategory):
            cursor = conn.execute(
                "INSERT INTO sections (name, slug, slug_manual, parent_id, position, description,"
                " site_id) VALUES (?, ?, 0, ?, 0, '', ?)",
                (
                    record.name,
                    urllib.parse.unquote(record.slug),
                    sections.get(record.parent_slug),
                    record.site_id,
                ),
            )
            sections[record.slug] = int(cursor.lastrowid or 0)
        elif isinstance(record, WxrTag):
            cursor = conn.execute(
                "INSERT INTO tags (name, slug, norm_name, site_id) VALUES (?, ?, ?, ?)",
                (record.name, urllib.parse.unquote(record.slug), record.name, record.site_id),
            )
            tags[record.slug] = int(cursor.lastrowid or 0)
    flush()
    conn.execute("COMMIT")
    conn.close()
    return {
        "seconds": time.perf_counter() - started,
        "peak_mb": _peak_mb(),
        "cpu_s": _cpu() - cpu,
        **counts,
    }


def midad_import(path: Path, db: Path) -> dict[str, Any]:
    from editor.storage import open_newsroom

    newsroom = open_newsroom(str(db), seed=False)
    try:
        started = time.perf_counter()
        cpu = _cpu()
        # The import itself (up to its commit), then the search index apart:
        # the baseline writes no index, so the ratio compares like with like.
        reader_report = _import_only(newsroom, path)
        seconds = time.perf_counter() - started
        import_cpu = _cpu() - cpu
        from editor.interchange.wxr_comments import apply_moderation_rules
        from editor.interchange.wxr_import import update_search_index
        from editor.progress import Ticker

        judging = time.perf_counter()
        apply_moderation_rules(newsroom, reader_report, Ticker())
        rules_s = time.perf_counter() - judging
        indexing = time.perf_counter()
        update_search_index(newsroom, reader_report, Ticker())
        index_s = time.perf_counter() - indexing
        report = reader_report
    finally:
        newsroom.close()
    return {
        "seconds": seconds,
        "peak_mb": _peak_mb(),
        "cpu_s": _cpu() - cpu,
        "articles": report.added["articles"],
        "comments": report.added["comments"],
        "notes": dict(report.notes),
        "index_s": index_s,
        "rules_s": rules_s,
        "import_cpu_s": import_cpu,
    }


def midad_export(db: Path, path: Path) -> dict[str, Any]:
    from editor.storage import open_newsroom

    newsroom = open_newsroom(str(db), seed=False)
    try:
        started = time.perf_counter()
        cpu = _cpu()
        report = newsroom.interchange.export_wxr(path)
        seconds = time.perf_counter() - started
    finally:
        newsroom.close()
    return {
        "seconds": seconds,
        "peak_mb": _peak_mb(),
        "cpu_s": _cpu() - cpu,
        "articles": report.articles,
        "comments": report.comments,
        "bytes": path.stat().st_size,
    }


def _peak_mb() -> float:
    """This program's own peak resident set (VmHWM).

    Not ru_maxrss: on Linux it survives exec, so a child of a large process
    reports the parent's peak whatever it used itself.
    """
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _import_only(newsroom: Any, path: Path) -> Any:
    """``import_wxr`` up to its commit, without the search index update that follows."""
    from editor.interchange.wxr_import import _Import
    from editor.interchange.wxr_parse import WxrReader, read_head
    from editor.progress import Ticker

    reader = WxrReader(path, read_head(path))
    with newsroom.write() as session:
        return _Import(session, newsroom, reader, Ticker()).run()


def main(argv: list[str]) -> int:
    """``python -m bench.wxr_corpus baseline|import|export SOURCE TARGET``: one JSON line."""
    action, source, target = argv
    if action == "baseline":
        result = baseline_load(Path(source), Path(target))
    elif action == "import":
        result = midad_import(Path(source), Path(target))
    else:
        result = midad_export(Path(source), Path(target))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
