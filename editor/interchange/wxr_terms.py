"""Authors, sections and tags of an import: matched to what the newsroom has, else created.

These are small (hundreds to a few thousand rows), so the whole of each is
held in dictionaries for the length of the import. A match goes by the site's
id first, then by slug (login for people), then, for tags, by the normalised
name, so a re-import never makes a second copy and a tag that differs only in
hamza or a leading ال joins the one already here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Connection, Table, func, insert, select, update

from editor.arabic import neutralize_bidi, normalize
from editor.interchange.wordpress_html import plain_text
from editor.interchange.wxr_parse import WxrAuthor, WxrCategory, WxrTag
from editor.models import Role, Section, Tag, User, utcnow
from editor.slugs import from_wordpress_slug, taxonomy_slug, unique_slug

USERS = cast(Table, User.__table__)
SECTIONS = cast(Table, Section.__table__)
TAGS = cast(Table, Tag.__table__)
MAX_NAME = 200
MAX_LOGIN = 100
_NOT_LOGIN = re.compile(r"[^A-Za-z0-9_.@-]+")


def term_name(raw: str, fallback: str) -> str:
    """A WordPress term name (HTML, maybe with bidi controls) as a clean section or tag name."""
    name = " ".join(neutralize_bidi(plain_text(raw)).split())[:MAX_NAME].strip()
    return name or fallback[:MAX_NAME] or "?"


def local_slug(wordpress: str, name: str) -> str:
    """The readable slug for a WordPress slug (percent-encoded), or one made from the name."""
    slug = " ".join(from_wordpress_slug(wordpress).split()).replace(" ", "-")
    return slug if slug else taxonomy_slug(name)


class Directory:
    """The import's view of users, sections and tags, and the rows it adds to them."""

    def __init__(self, conn: Connection, skipped: Counter[str], notes: Counter[str]) -> None:
        self._conn = conn
        self._skipped = skipped
        self._notes = notes
        self.added: Counter[str] = Counter()
        # Rows that were here before the import and that the file names: counted once each.
        self._matched: dict[str, set[int]] = {"users": set(), "sections": set(), "tags": set()}
        self._before: dict[str, set[int]] = {"users": set(), "sections": set(), "tags": set()}
        self.logins: dict[str, int] = {}  # local login -> id
        self.user_sites: dict[int, int] = {}
        self.author_logins: dict[str, int] = {}  # the site's login -> local id
        self.section_slugs: dict[str, int] = {}
        self.section_sites: dict[int, int] = {}
        self.section_names: dict[int, str] = {}
        self.positions: Counter[int | None] = Counter()
        self.tag_slugs: dict[str, int] = {}
        self.tag_sites: dict[int, int] = {}
        self.tag_norms: dict[str, int] = {}
        self.tag_names: dict[int, str] = {}
        # (the file's slug, the file's name) -> tag id: posts name the same tags over and over.
        self._tag_memo: dict[tuple[str, str], int] = {}
        # Accounts an author of the site may be: no site id yet, no password, not an admin.
        self._claimable: set[int] = set()
        query = select(
            USERS.c.id, USERS.c.login, USERS.c.site_id, USERS.c.role, USERS.c.password_hash
        )
        for uid, login, site, role, password in conn.execute(query):
            self._before["users"].add(uid)
            self.logins[login] = uid
            if site is None and password is None and role != Role.ADMIN:
                self._claimable.add(uid)
            if site is not None:
                self.user_sites[site] = uid
        for sid, slug, site, name, parent in conn.execute(
            select(
                SECTIONS.c.id,
                SECTIONS.c.slug,
                SECTIONS.c.site_id,
                SECTIONS.c.name,
                SECTIONS.c.parent_id,
            )
        ):
            self._before["sections"].add(sid)
            self.section_slugs[slug] = sid
            self.section_names[sid] = name
            self.positions[parent] += 1
            if site is not None:
                self.section_sites[site] = sid
        for tid, slug, site, norm, name in conn.execute(
            select(TAGS.c.id, TAGS.c.slug, TAGS.c.site_id, TAGS.c.norm_name, TAGS.c.name)
        ):
            self._before["tags"].add(tid)
            self.tag_slugs[slug] = tid
            self.tag_norms.setdefault(norm, tid)
            self.tag_names[tid] = name
            if site is not None:
                self.tag_sites[site] = tid

    @property
    def matched(self) -> Counter[str]:
        return Counter({kind: len(ids) for kind, ids in self._matched.items() if ids})

    def _match(self, kind: str, row_id: int) -> None:
        if row_id in self._before[kind]:
            self._matched[kind].add(row_id)

    # -- people --------------------------------------------------------------

    def author(self, author: WxrAuthor) -> int:
        """The local user for one of the site's authors (journalist, no password).

        Matched by the site's id; an author without one (WXR 1.0) by login.
        A login already taken by an admin or by someone who signs in gets a
        suffix: such an account is never merged with a site author by name alone.
        """
        login = author.login.strip()
        if author.site_id is not None:
            uid = self.user_sites.get(author.site_id)
            unclaimed = self.logins.get(login)
            if uid is None and unclaimed in self._claimable:
                # The same login, never given a site id (a WXR 1.0 import, a seeded
                # journalist) and no password: the same person. Note the id.
                uid = unclaimed
                self._claimable.discard(uid)
                self._conn.execute(
                    update(USERS).where(USERS.c.id == uid).values(site_id=author.site_id)
                )
                self.user_sites[author.site_id] = uid
        else:
            uid = self.logins.get(login)
        if uid is not None:
            self._match("users", uid)
        else:
            display = author.display_name or f"{author.first_name} {author.last_name}"
            display = " ".join(neutralize_bidi(display).split())[:200]
            uid = self._new_user(login, display, author.email[:320], author.site_id)
        self.author_logins[login] = uid
        return uid

    def user_for_login(self, login: str) -> int | None:
        """The local user for a post's dc:creator; WXR 1.0 lists no authors, so make one."""
        login = login.strip()
        if not login:
            return None
        uid = self.author_logins.get(login)
        if uid is None:
            uid = self.author(WxrAuthor(site_id=None, login=login))
        return uid

    def _new_user(self, login: str, display: str, email: str, site_id: int | None) -> int:
        base = _NOT_LOGIN.sub("-", login).strip("-")[: MAX_LOGIN - 8] or "author"
        candidate, n = base, 2
        while candidate in self.logins:
            candidate, n = f"{base}-{n}", n + 1
        uid = self._conn.execute(
            insert(USERS).returning(USERS.c.id),
            {
                "login": candidate,
                "display_name": display,
                "role": Role.JOURNALIST,
                "email": email,
                # No password: the account cannot sign in until an admin sets one.
                "password_hash": None,
                "active": True,
                "site_id": site_id,
                "created": utcnow(),
            },
        ).scalar_one()
        self.logins[candidate] = uid
        if site_id is not None:
            self.user_sites[site_id] = uid
        self.added["users"] += 1
        return int(uid)

    # -- sections ------------------------------------------------------------

    def create_sections(self, categories: Sequence[WxrCategory]) -> None:
        """The site's categories as sections, parents before children."""
        by_slug = {c.slug: c for c in categories}
        done: set[str] = set()
        for category in categories:
            chain: list[WxrCategory] = []
            current: WxrCategory | None = category
            while current is not None and current.slug not in done and current not in chain:
                chain.append(current)
                parent = by_slug.get(current.parent_slug) if current.parent_slug else None
                if current.parent_slug and parent is None:
                    self._notes["sections_without_parent"] += 1
                current = parent
            if current is not None and current in chain:  # a loop of parents: cut it here
                self._notes["section_parent_loops"] += 1
            for item in reversed(chain):
                done.add(item.slug)
                parent_slug = item.parent_slug if item.parent_slug in by_slug else ""
                if parent_slug and parent_slug not in done:
                    parent_slug = ""
                self.section(item.slug, item.name, item.site_id, parent_slug, item.description)

    def section(
        self,
        wordpress_slug: str,
        raw_name: str,
        site_id: int | None = None,
        parent_slug: str = "",
        description: str = "",
    ) -> int:
        slug = local_slug(wordpress_slug, raw_name)
        sid = self.section_sites.get(site_id) if site_id else None
        if sid is None:
            sid = self.section_slugs.get(slug)
            if sid is not None and site_id:
                self._claim(SECTIONS, sid, site_id)
                self.section_sites[site_id] = sid
        if sid is not None:
            self._match("sections", sid)
            self.section_slugs.setdefault(slug, sid)
            return sid
        name = term_name(raw_name, slug)
        parent_id = self.section_slugs.get(local_slug(parent_slug, "")) if parent_slug else None
        slug = unique_slug(slug, self.section_slugs.__contains__, wordpress=True)
        sid = self._conn.execute(
            insert(SECTIONS).returning(SECTIONS.c.id),
            {
                "name": name,
                "slug": slug,
                "slug_manual": False,
                "parent_id": parent_id,
                "position": self.positions[parent_id],
                "description": plain_text(description).strip(),
                "site_id": site_id,
            },
        ).scalar_one()
        self.positions[parent_id] += 1
        self.section_slugs[slug] = sid
        self.section_names[sid] = name
        if site_id:
            self.section_sites[site_id] = sid
        self.added["sections"] += 1
        return int(sid)

    # -- tags ----------------------------------------------------------------

    def tag(self, wordpress_slug: str, raw_name: str, site_id: int | None = None) -> int:
        """The local tag for one of a post's tags (created when new)."""
        found = self._tag_memo.get((wordpress_slug, raw_name))
        if found is None:
            self.create_tags([WxrTag(site_id, wordpress_slug, raw_name)])
            found = self._tag_memo[(wordpress_slug, raw_name)]
        return found

    def _find_tag(self, slug: str, norm: str, site_id: int | None) -> int | None:
        tid = self.tag_sites.get(site_id) if site_id else None
        if tid is None:
            tid = self.tag_slugs.get(slug) or self.tag_norms.get(norm)
            if tid is not None and site_id:
                self._claim(TAGS, tid, site_id)
                self.tag_sites[site_id] = tid
        return tid

    def create_tags(self, tags: Sequence[WxrTag]) -> None:
        """The site's tags, matched one by one and the new ones written in one statement."""
        rows: list[dict[str, Any]] = []
        later: list[tuple[tuple[str, str], int]] = []
        by_slug: dict[str, int] = {}
        by_norm: dict[str, int] = {}
        by_site: dict[int, int] = {}
        for tag in tags:
            key = (tag.slug, tag.name)
            slug = local_slug(tag.slug, tag.name)
            name = term_name(tag.name, slug)
            norm = normalize(name)
            tid = self._find_tag(slug, norm, tag.site_id)
            if tid is not None:
                self._match("tags", tid)
                self._tag_memo[key] = tid
                continue
            index = by_site.get(tag.site_id) if tag.site_id else None
            if index is None:
                index = by_slug.get(slug, by_norm.get(norm))
            if index is None:
                slug = unique_slug(
                    slug, lambda s: s in self.tag_slugs or s in by_slug, wordpress=True
                )
                index = len(rows)
                rows.append({"name": name, "slug": slug, "norm_name": norm, "site_id": tag.site_id})
                by_slug[slug] = index
                by_norm.setdefault(norm, index)
                if tag.site_id:
                    by_site[tag.site_id] = index
            later.append((key, index))
        if not rows:
            return
        statement = insert(TAGS).returning(TAGS.c.id, sort_by_parameter_order=True)
        ids = [int(i) for i in self._conn.execute(statement, rows).scalars()]
        for tid, row in zip(ids, rows, strict=True):
            self.tag_slugs[row["slug"]] = tid
            self.tag_norms.setdefault(row["norm_name"], tid)
            self.tag_names[tid] = row["name"]
            if row["site_id"]:
                self.tag_sites[row["site_id"]] = tid
        self.added["tags"] += len(rows)
        for key, index in later:
            self._tag_memo[key] = ids[index]

    def _claim(self, table: Table, row_id: int, site_id: int) -> None:
        """Note the site's id on a row matched by slug, unless it already has one."""
        self._conn.execute(
            update(table)
            .where(table.c.id == row_id, table.c.site_id.is_(None))
            .values(site_id=site_id)
        )


def max_id(conn: Connection, table: Table) -> int:
    return int(conn.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0)


def rows_by(
    conn: Connection, column: Any, values: Sequence[Any], *columns: Any, joined: Any = None
) -> list[Any]:
    """Rows whose ``column`` is one of ``values``, in chunks under SQLite's parameter limit.

    ``joined`` is the FROM clause when the columns come from more than one table.
    """
    found: list[Any] = []
    for start in range(0, len(values), 900):
        chunk = values[start : start + 900]
        query = select(*columns).where(column.in_(chunk))
        if joined is not None:
            query = query.select_from(joined)
        found.extend(conn.execute(query).all())
    return found
