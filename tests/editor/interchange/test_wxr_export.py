"""Exporting WXR 1.2: a file WordPress's importer takes, written atomically, that round-trips."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from sqlalchemy import select

from editor.comment_rows import insert_comments
from editor.errors import Cancelled
from editor.models import Article, Comment, CommentStatus, Role, Section, Tag, User, article_tags
from editor.slugs import wordpress_slug
from editor.storage import Actor, Newsroom, open_newsroom

FIXTURES = Path(__file__).parent / "fixtures"
WP = "{http://wordpress.org/export/1.2/}"


def _seconds(value: Any) -> Any:
    return value.replace(microsecond=0) if value is not None else None


def snapshot(newsroom: Newsroom) -> dict[str, Any]:
    """Every story, term and comment, keyed by what identifies it on both sides."""
    with newsroom.read() as session:
        sections = {s.id: s for s in session.scalars(select(Section))}
        users = {u.id: u.login for u in session.scalars(select(User))}
        tags = {t.id: t for t in session.scalars(select(Tag))}
        tagged: dict[int, list[str]] = {}
        for article_id, tag_id in session.execute(select(article_tags)):
            tagged.setdefault(article_id, []).append(tags[tag_id].name)
        articles = {a.id: a for a in session.scalars(select(Article))}

        def story_key(article_id: int) -> Any:
            a = articles[article_id]
            return a.site_id or a.headline

        stories = {
            story_key(a.id): (
                a.headline,
                a.standfirst,
                a.body_html,
                a.dateline_place,
                a.dateline_date,
                list(a.dateline_sources),
                a.byline,
                sections[a.section_id].slug if a.section_id else None,
                sorted(tagged.get(a.id, [])),
                a.status,
                a.status_before_trash,
                wordpress_slug(a.slug),
                users.get(a.author_id),
                a.created,
                _seconds(a.updated),
                _seconds(a.published),
                _seconds(a.scheduled_for),
            )
            for a in articles.values()
        }
        comments_by_id = {c.id: c for c in session.scalars(select(Comment))}

        def comment_key(comment_id: int) -> Any:
            c = comments_by_id[comment_id]
            return c.site_id or (story_key(c.article_id), c.author_name, c.submitted)

        comments = {
            comment_key(c.id): (
                story_key(c.article_id),
                c.author_name,
                c.author_email,
                c.author_url,
                c.author_ip,
                c.text,
                _seconds(c.submitted),
                c.status,
                comment_key(c.parent_id) if c.parent_id else None,
                c.site_parent_id,
            )
            for c in comments_by_id.values()
        }
        return {
            "stories": stories,
            "sections": {
                s.slug: (
                    s.name,
                    sections[s.parent_id].slug if s.parent_id else None,
                    s.site_id,
                    s.description,
                )
                for s in sections.values()
            },
            "tags": {t.slug: (t.name, t.site_id) for t in tags.values()},
            "comments": comments,
        }


def _round_trip(source: Newsroom, tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    exported = tmp_path / "export.xml"
    source.interchange.export_wxr(exported)
    target = open_newsroom(str(tmp_path / "target.sqlite3"), seed=False)
    try:
        target.interchange.import_wxr(exported)
        return snapshot(source), snapshot(target)
    finally:
        target.close()


def test_a_site_export_comes_back_the_same_after_export_and_import(
    empty_newsroom: Newsroom, tmp_path: Path
) -> None:
    empty_newsroom.interchange.import_wxr(FIXTURES / "newsroom-1.2.xml")
    before, after = _round_trip(empty_newsroom, tmp_path)
    assert after["stories"] == before["stories"]
    assert after["sections"] == before["sections"]
    assert after["tags"] == before["tags"]
    assert after["comments"] == before["comments"]
    assert len(after["comments"]) == 7 and len(after["stories"]) == 6


def test_the_sample_newsroom_made_here_comes_back_the_same(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    """Stories and comments without any site id: local stories, local threads."""
    before, after = _round_trip(newsroom, tmp_path)
    assert after["stories"] == before["stories"]
    assert after["sections"].keys() == before["sections"].keys()
    assert {k: v[:2] for k, v in after["sections"].items()} == {
        k: v[:2] for k, v in before["sections"].items()
    }
    assert after["comments"] == before["comments"]
    assert any(c[8] is not None for c in after["comments"].values())  # threads survived


def test_exporting_and_reimporting_into_the_same_newsroom_adds_nothing(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    newsroom.interchange.import_wxr(FIXTURES / "newsroom-1.2.xml")
    before = snapshot(newsroom)
    exported = tmp_path / "again.xml"
    newsroom.interchange.export_wxr(exported)
    report = newsroom.interchange.import_wxr(exported)
    assert not report.added
    assert snapshot(newsroom) == before


def test_the_file_is_what_wordpress_reads(newsroom: Newsroom, tmp_path: Path) -> None:
    newsroom.interchange.import_wxr(FIXTURES / "newsroom-1.2.xml")
    with newsroom.write() as session:
        article_id = session.scalar(select(Article.id).where(Article.site_id == 101))
        insert_comments(
            session.connection(),
            [{"article_id": article_id, "text": "نص فيه ]]> وينتهي\x07 هنا", "site_id": 9001}],
        )
    path = tmp_path / "site.xml"
    report = newsroom.interchange.export_wxr(path)
    raw = path.read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8" ?>')
    # Strict parse (what WordPress's SimpleXML parser does), no DOCTYPE.
    root = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))
    assert root.getroottree().docinfo.doctype == ""
    channel = root.find("channel")
    assert channel is not None
    assert channel.findtext(f"{WP}wxr_version") == "1.2"
    # Categories before their children, parents named by WordPress's slug.
    seen: set[str] = set()
    for category in channel.iter(f"{WP}category"):
        slug = category.findtext(f"{WP}category_nicename") or ""
        parent = category.findtext(f"{WP}category_parent") or ""
        assert re.fullmatch(r"[a-z0-9%_.~-]{1,200}", slug), slug
        assert not parent or parent in seen
        seen.add(slug)
    assert "%d8%a7%d9%84%d8%b7%d8%a7%d9%82%d8%a9" in seen  # الطاقة, lower-case hex
    items = channel.findall("item")
    assert len(items) == report.articles
    assert {item.findtext(f"{WP}post_type") for item in items} == {"post"}
    assert {item.findtext(f"{WP}status") for item in items} <= {
        "publish",
        "draft",
        "pending",
        "future",
        "private",
        "trash",
    }
    approved = {c.findtext(f"{WP}comment_approved") for c in channel.iter(f"{WP}comment")}
    assert approved == {"0", "1", "spam", "trash"}
    # A "]]>" inside a comment is split across two CDATA sections; a control character,
    # which XML cannot carry, is dropped.
    texts = [c.findtext(f"{WP}comment_content") for c in channel.iter(f"{WP}comment")]
    assert "نص فيه ]]> وينتهي هنا" in texts
    # The reply keeps its parent's site id.
    parents = {
        c.findtext(f"{WP}comment_id"): c.findtext(f"{WP}comment_parent")
        for c in channel.iter(f"{WP}comment")
    }
    assert parents["502"] == "501" and parents["503"] == "502"


def test_readers_emails_stay_out_for_those_who_may_not_see_them(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    newsroom.interchange.import_wxr(FIXTURES / "newsroom-1.2.xml")
    newsroom.actor = Actor(None, "editor", Role.EDITOR)
    path = tmp_path / "editor.xml"
    report = newsroom.interchange.export_wxr(path)
    assert not report.private_details
    text = path.read_text("utf-8")
    assert "abu.yousef@example.com" not in text and "198.51.100.23" not in text
    assert "خطوة متأخرة لكنها مهمة." in text


def test_a_stopped_export_leaves_the_old_file_and_no_leftovers(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    path = tmp_path / "site.xml"
    path.write_text("the previous export", encoding="utf-8")
    with pytest.raises(Cancelled):
        newsroom.interchange.export_wxr(path, cancelled=lambda: True)
    assert path.read_text("utf-8") == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    # And when it completes, the new file replaces the old one whole.
    newsroom.interchange.export_wxr(path)
    assert path.read_text("utf-8").rstrip().endswith("</rss>")


def test_comment_statuses_map_to_wordpress(empty_newsroom: Newsroom, tmp_path: Path) -> None:
    empty_newsroom.interchange.import_wxr(FIXTURES / "newsroom-1.2.xml")
    path = tmp_path / "statuses.xml"
    empty_newsroom.interchange.export_wxr(path)
    root = etree.parse(str(path)).getroot()
    by_id = {
        c.findtext(f"{WP}comment_id"): c.findtext(f"{WP}comment_approved")
        for c in root.iter(f"{WP}comment")
    }
    assert by_id["501"] == "1" and by_id["503"] == "0"
    assert by_id["504"] == "spam" and by_id["505"] == "trash" and by_id["510"] == "trash"
    with empty_newsroom.read() as session:
        statuses = set(session.scalars(select(Comment.status)))
    assert statuses == set(CommentStatus)
