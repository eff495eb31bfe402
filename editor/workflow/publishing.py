"""Publishing: a clean right-to-left HTML5 page per story, and index pages per section.

Pages are written atomically (a temporary file renamed over the old one), so a
reader never sees half a page and a full disk leaves the old page in place.
Readers' emails never reach a page: only approved comments' names, dates and
text, escaped.
"""

from __future__ import annotations

import html
import os
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editor.arabic import isolate_numbers, neutralize_bidi
from editor.dateline import Dateline, render_dateline
from editor.errors import PublishError
from editor.models import Article, ArticleStatus, Comment, CommentStatus, Section

if TYPE_CHECKING:
    from editor.storage import Newsroom

OUTPUT_DIR_SETTING = "publishing.output_dir"
STYLE = """
body{font-family:"Noto Naskh Arabic","Amiri","Noto Sans Arabic",serif;max-width:46rem;
margin:2rem auto;padding:0 1rem;line-height:1.8;color:#1b1b1b}
.section a{color:#a4262c;font-weight:bold;text-decoration:none}
h1{font-size:1.9rem;line-height:1.4;margin:.3rem 0}
.standfirst{font-size:1.15rem;color:#444}
.dateline,.byline{color:#555}
.body h2::before,.body h3::before{content:"🔹 "}
blockquote{border-inline-start:4px solid #ccc;margin-inline-start:0;padding-inline-start:1rem}
.comments li{margin:.8rem 0}.comments .who{font-weight:bold}.comments time{color:#777}
""".strip()


def _e(text: str) -> str:
    return html.escape(neutralize_bidi(text), quote=True)


def _page(title: str, body: str, depth: int) -> str:
    style_href = "../" * depth + "style.css"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n"
        f'<link rel="stylesheet" href="{style_href}">\n</head>\n<body>\n{body}\n</body>\n</html>\n'
    )


class Publisher:
    def __init__(self, newsroom: Newsroom, output_dir: Path | None = None) -> None:
        self._newsroom = newsroom
        self.output_dir = output_dir or default_output_dir(newsroom)

    # -- paths ---------------------------------------------------------------

    def story_path(self, article_id: int) -> Path:
        return self.output_dir / "stories" / f"{article_id}.html"

    def section_path(self, section: Section) -> Path:
        return self.output_dir / "sections" / f"{section.id}.html"

    # -- writing -------------------------------------------------------------

    def write(self, session: Session, article: Article) -> list[Path]:
        """Write the story's page and the index pages it appears on; returns the paths."""
        style = self._newsroom.settings.dateline_style()
        story = self.render_story(session, article, style)
        target = self.story_path(article.id)
        existed = target.exists()
        written = [self._write_atomically(target, story)]
        try:
            # A first publication adds one link, to its own section's page; a
            # story published again may have changed section, so every page
            # is rewritten then. Rewriting them all each time made publishing
            # slower with every section and story the site has.
            only = None if existed else {article.section_id}
            written += self._write_indexes(session, sections=only)
        except PublishError:
            if not existed:
                target.unlink(missing_ok=True)
            raise
        return written

    def remove(self, session: Session, article: Article) -> None:
        try:
            self.story_path(article.id).unlink(missing_ok=True)
        except OSError as exc:
            raise PublishError(
                f"Cannot remove the page {self.story_path(article.id)}: {exc.strerror}",
                path=str(self.story_path(article.id)),
            ) from exc
        session.flush()
        self._write_indexes(session, excluding=article.id)

    def render_story(self, session: Session, article: Article, style: object) -> str:
        from editor.dateline import DatelineStyle

        assert isinstance(style, DatelineStyle)
        section = session.get(Section, article.section_id) if article.section_id else None
        dateline = Dateline(
            article.dateline_place, article.dateline_date, tuple(article.dateline_sources or ())
        )
        parts = ['<article class="story">']
        if section is not None:
            parts.append(
                f'<p class="section"><a href="../sections/{section.id}.html">'
                f"{_e(section.name)}</a></p>"
            )
        parts.append(f"<h1>{_e(article.headline)}</h1>")
        if article.standfirst:
            parts.append(f'<p class="standfirst">{_e(article.standfirst)}</p>')
        if not dateline.is_empty:
            rendered = isolate_numbers(render_dateline(dateline, style))
            parts.append(f'<p class="dateline">{html.escape(rendered)}</p>')
        if article.byline:
            parts.append(f'<p class="byline">{_e(article.byline)}</p>')
        # The stored body is already our sanitised subset (editor.body).
        parts.append(f'<div class="body">{article.body_html}</div>')
        parts.append("</article>")
        parts.append(self._render_comments(session, article.id))
        return _page(article.headline, "\n".join(parts), depth=1)

    def _render_comments(self, session: Session, article_id: int) -> str:
        rows = session.execute(
            select(
                Comment.id, Comment.parent_id, Comment.author_name, Comment.submitted, Comment.text
            )
            .where(Comment.article_id == article_id, Comment.status == CommentStatus.APPROVED)
            .order_by(Comment.submitted, Comment.id)
        ).all()
        if not rows:
            return ""
        shown = {row.id for row in rows}
        children: dict[int | None, list[tuple[int, str, str, str]]] = defaultdict(list)
        for cid, parent, author, submitted, text in rows:
            # A reply whose parent is not approved is shown at the top level.
            key = parent if parent in shown else None
            children[key].append((cid, author, submitted.strftime("%Y-%m-%d"), text))

        def thread(parent: int | None) -> str:
            items = []
            for cid, author, when, text in children.get(parent, []):
                body = "<br>".join(_e(line) for line in text.splitlines())
                replies = thread(cid)
                items.append(
                    f'<li id="comment-{cid}"><p><span class="who">{_e(author or "زائر")}</span>'
                    f' <time datetime="{when}">{when}</time></p><p>{body}</p>{replies}</li>'
                )
            return f"<ol>{''.join(items)}</ol>" if items else ""

        return f'<section class="comments"><h2>التعليقات ({len(rows)})</h2>{thread(None)}</section>'

    def _write_indexes(
        self,
        session: Session,
        excluding: int | None = None,
        sections: set[int | None] | None = None,
    ) -> list[Path]:
        """The front page, and the pages of ``sections`` (None: every section)."""
        query = (
            select(Article.id, Article.headline, Article.section_id)
            .where(Article.status == ArticleStatus.PUBLISHED)
            .order_by(Article.published.desc(), Article.id.desc())
        )
        if sections is not None:
            query = query.where(Article.section_id.in_([s for s in sections if s is not None]))
        by_section: dict[int | None, list[tuple[int, str]]] = defaultdict(list)
        for aid, headline, section_id in session.execute(query):
            if aid != excluding:
                by_section[section_id].append((aid, headline))
        counting = select(Article.section_id, func.count()).where(
            Article.status == ArticleStatus.PUBLISHED
        )
        if excluding is not None:
            counting = counting.where(Article.id != excluding)
        counts: dict[int | None, int] = {
            s: int(n) for s, n in session.execute(counting.group_by(Article.section_id))
        }
        every = list(session.scalars(select(Section).order_by(Section.position, Section.name)))
        written = []
        style = self.output_dir / "style.css"
        if not style.exists() or style.read_text(encoding="utf-8") != STYLE + "\n":
            written.append(self._write_atomically(style, STYLE + "\n"))
        front = ["<h1>الأقسام</h1>", "<ul>"]
        for section in every:
            path = self.section_path(section)
            # The front page links every section: a page never written yet is written too.
            if sections is None or section.id in sections or not path.exists():
                stories = by_section.get(section.id, [])
                links = "".join(
                    f'<li><a href="../stories/{aid}.html">{_e(headline)}</a></li>'
                    for aid, headline in stories
                )
                body = f"<h1>{_e(section.name)}</h1>\n<ul>{links}</ul>"
                page = _page(section.name, body, 1)
                written.append(self._write_atomically(path, page))
            front.append(
                f'<li><a href="sections/{section.id}.html">{_e(section.name)}</a>'
                f" ({counts.get(section.id, 0)})</li>"
            )
        front.append("</ul>")
        written.append(
            self._write_atomically(
                self.output_dir / "index.html", _page("الأقسام", "\n".join(front), 0)
            )
        )
        return written

    def _write_atomically(self, path: Path, content: str) -> Path:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=".midad-", suffix=".tmp", dir=path.parent)
        except OSError as exc:
            raise PublishError(
                f"The output folder {path.parent} cannot be written: {exc.strerror or exc}",
                path=str(path.parent),
            ) from exc
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(content)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, 0o644)
            os.replace(temp, path)
        except OSError as exc:
            Path(temp).unlink(missing_ok=True)
            raise PublishError(
                f"Cannot write {path}: {exc.strerror or exc}. Nothing was published",
                path=str(path),
            ) from exc
        return path


def default_output_dir(newsroom: Newsroom) -> Path:
    from editor.storage import default_data_dir

    configured = newsroom.settings.get(OUTPUT_DIR_SETTING)
    return Path(configured) if configured else default_data_dir() / "site"
