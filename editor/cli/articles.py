"""Article subcommands: import-page, articles, show."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from editor.errors import MidadError
from editor.storage import Newsroom


def register(sub: Any) -> None:
    p = sub.add_parser("import-page", help="turn a copied article page (text file) into a draft")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print the new article as JSON")
    p.set_defaults(handler=cmd_import_page)

    p = sub.add_parser("articles", help="list articles")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--status", help="only this status (draft, submitted, published, ...)")
    p.add_argument("--section", help="only this section (by name) and its children")
    p.set_defaults(handler=cmd_articles)

    p = sub.add_parser("show", help="show one article")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)


def cmd_import_page(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    from editor.pagetext import read_page_text_file

    changes = newsroom.articles.import_page_text(read_page_text_file(args.file))
    assert changes.new_id is not None
    article = newsroom.articles.get(changes.new_id)
    if args.json:
        out.write(json.dumps(article.to_json(), ensure_ascii=False) + "\n")
    else:
        out.write(f"{article.id}\t{article.headline}\n")
    return 0


def cmd_articles(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    from editor.models import ArticleStatus
    from editor.services.articles import ArticleFilter

    statuses: tuple[ArticleStatus, ...] = ()
    if args.status:
        try:
            statuses = (ArticleStatus(args.status),)
        except ValueError:
            raise MidadError(
                f"Unknown status {args.status!r}; one of "
                + ", ".join(s.value for s in ArticleStatus)
            ) from None
    section_id = None
    if args.section:
        section_id = newsroom.sections.find(args.section)
        if section_id is None:
            raise MidadError(f"There is no section {args.section!r}")
    ids = newsroom.articles.list_ids(
        ArticleFilter(section_id=section_id, statuses=statuses, include_trash=bool(statuses))
    )
    if not args.json:
        for row in newsroom.articles.rows(ids):
            out.write(f"{row.id}\t{row.status.value}\t{row.section}\t{row.headline}\n")
        return 0
    for start in range(0, len(ids), 200):
        for article_id in ids[start : start + 200]:
            view = newsroom.articles.get(article_id)
            out.write(json.dumps(view.to_json(), ensure_ascii=False) + "\n")
    return 0


def cmd_show(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    from editor.body import body_text
    from editor.dateline import render_dateline

    article = newsroom.articles.get(args.id)
    if args.json:
        out.write(json.dumps(article.to_json(), ensure_ascii=False, indent=2) + "\n")
        return 0
    style = newsroom.settings.dateline_style()
    lines = [
        article.section,
        article.headline,
        render_dateline(article.dateline, style) if not article.dateline.is_empty else "",
        article.standfirst,
        "",
        body_text(article.body_html),
    ]
    out.write("\n".join(line for line in lines if line is not None) + "\n")
    return 0
