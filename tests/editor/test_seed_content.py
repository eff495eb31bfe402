"""The sample newsroom in seeds/newsroom.json is consistent and exercises the features."""

from __future__ import annotations

import collections
import datetime as dt
import ipaddress
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from editor.arabic import normalize, taxonomy_key, word_count
from editor.body import sanitize_body

SEED = Path(__file__).resolve().parents[2] / "seeds" / "newsroom.json"

ARTICLE_STATUSES = {"draft", "submitted", "approved", "scheduled", "published", "trash"}
COMMENT_STATUSES = {"pending", "approved", "spam", "trash"}
ALLOWED_TAGS = {"p", "h2", "h3", "strong", "em", "blockquote", "ul", "ol", "li", "a"}
DIRECTIONS = {"rtl", "ltr"}
HARAKAT = re.compile("[\u064b-\u065f\u0670]")
EASTERN_DIGIT = re.compile("[\u0660-\u0669]")
BIDI_OVERRIDES = re.compile("[\u202a-\u202e\u2066-\u2069]")
URL = re.compile(r"https?://\S+")
ARABIC_LETTER = re.compile("[\u0621-\u064a]")


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED.read_text("utf-8"))
    return data


def when(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


class BodyChecker(HTMLParser):
    """Collects every problem with a body: tags, attributes, nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: collections.Counter[str] = collections.Counter()
        self.directions: collections.Counter[str] = collections.Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            if name == "dir":
                if value not in DIRECTIONS:
                    self.problems.append(f"dir={value!r}")
                else:
                    self.directions[value] += 1
            elif name == "href" and tag == "a":
                if not (value or "").startswith("https://"):
                    self.problems.append(f"href={value!r}")
            else:
                self.problems.append(f"attribute {name} on <{tag}>")
        self.stack.append(tag)
        self.text.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.problems.append(f"empty element <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"misnested </{tag}>")
        else:
            self.stack.pop()
        self.text.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.stack and data.strip():
            self.problems.append(f"text outside a block: {data[:20]!r}")
        self.text.append(data)

    def close(self) -> None:
        super().close()
        if self.stack:
            self.problems.append(f"unclosed {self.stack}")


def check_body(body_html: str) -> BodyChecker:
    checker = BodyChecker()
    checker.feed(body_html)
    checker.close()
    return checker


def body_plain(body_html: str) -> str:
    return "".join(check_body(body_html).text)


# --------------------------------------------------------------------------
# Shape and references
# --------------------------------------------------------------------------


def test_top_level_keys(seed: dict[str, Any]) -> None:
    assert set(seed) == {"sections", "tags", "users", "articles", "comments"}


def test_sections(seed: dict[str, Any]) -> None:
    names: list[str] = []
    slugs: set[str] = set()
    for entry in seed["sections"]:
        assert set(entry) == {"name", "slug", "parent"}
        # The loader resolves a parent by name among the sections already made.
        assert entry["parent"] is None or entry["parent"] in names
        assert entry["name"] not in names
        assert entry["slug"] not in slugs
        names.append(entry["name"])
        slugs.add(entry["slug"])
        assert re.fullmatch(r"[^\W_]+(?:-[^\W_]+)*", entry["slug"]), entry["slug"]
        assert not HARAKAT.search(entry["slug"])
        assert entry["slug"] == "-".join(entry["name"].split())
    top = [s for s in seed["sections"] if s["parent"] is None]
    children = [s for s in seed["sections"] if s["parent"] is not None]
    assert 6 <= len(top) <= 8
    assert 4 <= len(children) <= 6
    # Children hang under top-level sections only: a two-level tree.
    assert {c["parent"] for c in children} <= {t["name"] for t in top}


def test_tags_and_their_deliberate_near_duplicates(seed: dict[str, Any]) -> None:
    tags: list[str] = seed["tags"]
    assert 18 <= len(tags) <= 24
    assert len(set(tags)) == len(tags)
    groups: dict[str, list[str]] = collections.defaultdict(list)
    for tag in tags:
        groups[taxonomy_key(tag)].append(tag)
    near = sorted(sorted(g) for g in groups.values() if len(g) > 1)
    assert near == [["الصين", "الصّين"], ["الطاقة المتجددة", "الطاقه المتجدده"]]


def test_users(seed: dict[str, Any]) -> None:
    users = seed["users"]
    assert [u["role"] for u in users] == ["journalist", "journalist", "editor", "moderator"]
    logins = [u["login"] for u in users]
    assert len(set(logins)) == len(logins)
    for user in users:
        assert set(user) == {"login", "display_name", "role"}
        assert re.fullmatch(r"[a-z][a-z0-9._-]*", user["login"])
        assert ARABIC_LETTER.search(user["display_name"])


def test_articles_resolve(seed: dict[str, Any]) -> None:
    sections = {s["name"] for s in seed["sections"]}
    tags = set(seed["tags"])
    logins = {u["login"] for u in seed["users"]}
    keys: set[str] = set()
    fields = {
        "key",
        "headline",
        "standfirst",
        "section",
        "tags",
        "status",
        "byline",
        "author",
        "dateline",
        "body_html",
        "created",
        "published",
        "scheduled_for",
    }
    for article in seed["articles"]:
        assert set(article) == fields, article["key"]
        assert article["key"] not in keys
        keys.add(article["key"])
        assert article["section"] in sections
        assert set(article["tags"]) <= tags
        assert len(set(article["tags"])) == len(article["tags"])
        assert article["author"] in logins
        assert article["status"] in ARTICLE_STATUSES
        assert article["headline"].strip() and article["byline"].strip()
        dateline = article["dateline"]
        assert set(dateline) == {"place", "date", "sources"}
        assert isinstance(dateline["place"], str)
        assert all(isinstance(s, str) and s for s in dateline["sources"])
        if dateline["date"] is not None:
            dt.date.fromisoformat(dateline["date"])


def test_article_dates_follow_the_status(seed: dict[str, Any]) -> None:
    for article in seed["articles"]:
        created = when(article["created"])
        published, scheduled = article["published"], article["scheduled_for"]
        assert (published is not None) == (article["status"] == "published"), article["key"]
        assert (scheduled is not None) == (article["status"] == "scheduled"), article["key"]
        if published:
            assert when(published) >= created
        if scheduled:
            assert when(scheduled) > created


def test_article_statuses(seed: dict[str, Any]) -> None:
    counts = collections.Counter(a["status"] for a in seed["articles"])
    assert len(seed["articles"]) == 12
    assert set(counts) == ARTICLE_STATUSES
    assert counts.most_common(1)[0][0] == "published"


# --------------------------------------------------------------------------
# Bodies
# --------------------------------------------------------------------------


def test_bodies_use_only_the_allowed_subset(seed: dict[str, Any]) -> None:
    for article in seed["articles"]:
        checker = check_body(article["body_html"])
        assert checker.problems == [], (article["key"], checker.problems)


def test_bodies_are_already_in_stored_form(seed: dict[str, Any]) -> None:
    # The body sanitiser is what the editor stores; a seed body it would change
    # is a seed that shows something different from what was written.
    for article in seed["articles"]:
        assert sanitize_body(article["body_html"]) == article["body_html"], article["key"]


def test_body_lengths(seed: dict[str, Any]) -> None:
    for article in seed["articles"]:
        count = word_count(body_plain(article["body_html"]))
        assert 150 <= count <= 400, (article["key"], count)


def test_bodies_cover_the_cases_the_editor_must_handle(seed: dict[str, Any]) -> None:
    bodies = [a["body_html"] for a in seed["articles"]]
    checkers = [check_body(b) for b in bodies]
    # An English quotation paragraph marked left-to-right.
    assert any(re.search(r'<p dir="ltr">[“"]?[A-Z][a-z]+ ', b) for b in bodies)
    assert any(c.directions["ltr"] for c in checkers)
    assert any(c.tags["ul"] or c.tags["ol"] for c in checkers)
    assert any(c.tags["blockquote"] for c in checkers)
    assert any(c.tags["a"] for c in checkers)
    assert any(c.tags["h3"] for c in checkers)
    plain = [body_plain(b) for b in bodies]
    assert any(re.search(r"\d+(\.\d+)?%", p) and re.search(r"\b20\d\d\b", p) for p in plain)
    assert any(len(EASTERN_DIGIT.findall(p)) >= 10 for p in plain)
    assert sum(1 for p in plain if HARAKAT.search(p)) >= 1


def test_china_story_feeds_the_search_tests(seed: dict[str, Any]) -> None:
    published = [a for a in seed["articles"] if a["status"] == "published"]
    text = " ".join(normalize(body_plain(a["body_html"])) for a in published)
    for form in ("الصين", "الصيني", "بالصين", "والصين", "للصين"):
        assert re.search(rf"(?<!\w){form}(?!\w)", text), form
    raw = " ".join(a["body_html"] for a in published)
    assert "الصِّين" in raw


# --------------------------------------------------------------------------
# Comments
# --------------------------------------------------------------------------


def test_comments_resolve(seed: dict[str, Any]) -> None:
    articles = {a["key"]: a for a in seed["articles"]}
    seen: dict[str, dict[str, Any]] = {}
    fields = {
        "key",
        "article",
        "parent",
        "author",
        "email",
        "url",
        "ip",
        "text",
        "submitted",
        "status",
    }
    for comment in seed["comments"]:
        assert set(comment) == fields, comment["key"]
        assert comment["key"] not in seen
        article = articles[comment["article"]]
        # Readers only see published stories.
        assert article["status"] == "published"
        submitted = when(comment["submitted"])
        assert submitted >= when(article["published"])
        if comment["parent"] is not None:
            # The loader makes comments in order, so a parent comes first.
            parent = seen[comment["parent"]]
            assert parent["article"] == comment["article"]
            assert submitted > when(parent["submitted"])
        assert comment["status"] in COMMENT_STATUSES
        assert comment["text"].strip()
        ipaddress.ip_address(comment["ip"])
        assert comment["url"] == "" or comment["url"].startswith("https://")
        seen[comment["key"]] = comment


def test_comment_spread_and_statuses(seed: dict[str, Any]) -> None:
    comments = seed["comments"]
    assert 35 <= len(comments) <= 45
    assert 5 <= len({c["article"] for c in comments}) <= 6
    counts = collections.Counter(c["status"] for c in comments)
    assert set(counts) == COMMENT_STATUSES
    assert counts.most_common(1)[0][0] == "pending"


def test_threads_go_three_deep(seed: dict[str, Any]) -> None:
    parents = {c["key"]: c["parent"] for c in seed["comments"]}

    def depth(key: str) -> int:
        parent = parents[key]
        return 1 if parent is None else 1 + depth(parent)

    depths = collections.Counter(depth(k) for k in parents)
    assert depths[3] >= 2
    assert max(depths) <= 3


def test_comments_cover_the_moderation_cases(seed: dict[str, Any]) -> None:
    comments = seed["comments"]
    texts = [c["text"] for c in comments]
    assert any(2 <= len(URL.findall(t)) <= 3 for t in texts)
    spam = [c["text"].lower() for c in comments if c["status"] == "spam"]
    assert any("casino" in t for t in spam) and any("كازينو" in t for t in spam)
    assert any("viagra" in t for t in spam) and any("الفياجرا" in t for t in spam)
    assert any(not ARABIC_LETTER.search(t) and re.search(r"[A-Za-z]{4}", t) for t in texts)
    # Arabic with Latin names and numbers in one comment.
    assert any(
        ARABIC_LETTER.search(t) and re.search(r"[A-Za-z]{4}", t) and re.search(r"\d", t)
        for t in texts
    )
    assert any(BIDI_OVERRIDES.search(t) for t in texts)
    assert any("<script>alert(1)</script>" in t and "onerror=" in t for t in texts)
    assert any(c["author"] == "" for c in comments)
    assert any(not re.fullmatch(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+", c["email"]) for c in comments)
    assert any(1400 <= len(t) <= 1700 for t in texts)
