"""Section and tag subcommands: sections, tags, merge-tags.

With ``--json`` every command prints one JSON value per line, as ``articles``
does, so scripts can stream them; the keys are a promise.
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from editor.storage import Newsroom


def register(sub: Any) -> None:
    p = sub.add_parser(
        "sections",
        help="list the sections, parents before their subsections",
        description="count: stories filed in the section itself (not its subsections),"
        " trash excluded.",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="one object per line: id, name, slug, parent (the parent's name or null), count",
    )
    p.set_defaults(handler=cmd_sections)

    p = sub.add_parser(
        "tags",
        help="list the tags, or groups of near-duplicate tags",
        description="count: stories carrying the tag, trash excluded.",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="one object per line: id, name, slug, count (with --duplicates: one array a group)",
    )
    p.add_argument(
        "--duplicates",
        action="store_true",
        help="only groups of tags whose names differ in hamza, ta marbuta, alef maqsura,"
        " harakat, tatweel, a leading ال or spacing; the most used first in each group",
    )
    p.set_defaults(handler=cmd_tags)

    p = sub.add_parser(
        "merge-tags",
        help="fold tags into one: their stories carry TARGET instead (never twice)",
    )
    p.add_argument("target", metavar="TARGET", help="the tag that stays, by name")
    p.add_argument("sources", metavar="SOURCE", nargs="+", help="tags merged into it, by name")
    p.set_defaults(handler=cmd_merge_tags)


def _line(value: object) -> str:
    return json.dumps(value, ensure_ascii=False) + "\n"


def cmd_sections(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    nodes = newsroom.sections.tree()
    names = {node.id: node.name for node in nodes}
    depth: dict[int, int] = {}
    for node in nodes:
        parent = names.get(node.parent_id) if node.parent_id is not None else None
        if args.json:
            out.write(
                _line(
                    {
                        "id": node.id,
                        "name": node.name,
                        "slug": node.slug,
                        "parent": parent,
                        "count": node.count,
                    }
                )
            )
            continue
        depth[node.id] = depth[node.parent_id] + 1 if node.parent_id in depth else 0
        out.write(f"{node.id}\t{'  ' * depth[node.id]}{node.name}\t{node.slug}\t{node.count}\n")
    return 0


def cmd_tags(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    if args.duplicates:
        for group in newsroom.taxonomy.tag_duplicates():
            names = [member.name for member in group.members]
            out.write(_line(names) if args.json else "\t".join(names) + "\n")
        return 0
    for tag in newsroom.tags.list():
        if args.json:
            out.write(_line({"id": tag.id, "name": tag.name, "slug": tag.slug, "count": tag.count}))
        else:
            out.write(f"{tag.id}\t{tag.name}\t{tag.slug}\t{tag.count}\n")
    return 0


def cmd_merge_tags(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    target = newsroom.tags.resolve(args.target)
    sources = [newsroom.tags.resolve(name) for name in args.sources]
    changes = newsroom.tags.merge(target, sources)
    merged = len(changes.delta.tags_removed) if changes.delta else 0
    out.write(
        f"merged {merged} tag(s) into {args.target}; {len(changes.articles)} stories changed\n"
    )
    if changes.search_pending:
        newsroom.taxonomy.catch_up_search(changes.search_pending)
    return 0
