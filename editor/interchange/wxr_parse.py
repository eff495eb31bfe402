"""Reading a WordPress export (WXR 1.0, 1.1, 1.2) as a stream of plain records.

The parser is hardened the way WordPress's own importer is, and more: no DTD
(a file with a DOCTYPE is refused, so no entity can be declared, let alone
expanded), no network, no huge text nodes. ``iterparse`` hands over one
channel-level element at a time (an author, a category, a post with its
comments); each is copied into a record and cleared at once, with whatever
came before it, so memory stays flat however large the file is.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from lxml import etree

from editor.errors import InterchangeError

WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/(\d+\.\d+)/$")
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
CHUNK = 1 << 16
# Keys of wp:postmeta worth keeping; everything else (often large serialised
# PHP arrays) is dropped as it is read.
KEPT_META = frozenset(
    {"_wp_trash_meta_status", "_midad_dateline", "_midad_byline", "_midad_created"}
)
# Every parse goes through these options: nothing is fetched, declared
# entities are never expanded, a text node over 10 MB stops the parse.
HARDENED: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "dtd_validation": False,
    "recover": False,
    "remove_comments": True,
    "remove_pis": True,
}


@dataclass(slots=True)
class WxrAuthor:
    site_id: int | None
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass(slots=True)
class WxrCategory:
    site_id: int | None
    slug: str  # as in the file: percent-encoded
    parent_slug: str
    name: str
    description: str = ""


@dataclass(slots=True)
class WxrTag:
    site_id: int | None
    slug: str
    name: str
    description: str = ""


@dataclass(slots=True)
class WxrTerm:
    """A term of another taxonomy (menus, formats, plugins' own): skipped."""

    taxonomy: str


@dataclass(slots=True)
class WxrComment:
    site_id: int = 0
    author: str = ""
    email: str = ""
    url: str = ""
    ip: str = ""
    date: str = ""
    date_gmt: str = ""
    content: str = ""
    approved: str = ""
    type: str = ""
    parent: int = 0


@dataclass(slots=True)
class WxrPost:
    site_id: int = 0
    title: str = ""
    creator: str = ""
    guid: str = ""
    content: str = ""
    excerpt: str = ""
    date: str = ""
    date_gmt: str = ""
    modified: str = ""
    modified_gmt: str = ""
    name: str = ""
    status: str = ""
    type: str = ""
    # (domain, nicename, name): "category", "post_tag" (WXR 1.0: "tag"), others.
    terms: list[tuple[str, str, str]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[WxrComment] = field(default_factory=list)


@dataclass(frozen=True)
class WxrHead:
    """What the start of the file says about it."""

    version: str
    wp_namespace: str
    excerpt_namespace: str
    # Set when the file declared an encoding its bytes contradict (then read as UTF-8).
    declared_encoding: str | None


Record = WxrAuthor | WxrCategory | WxrTag | WxrTerm | WxrPost


def _error(reason: str, message: str, path: Path, **details: Any) -> InterchangeError:
    return InterchangeError(message, reason=reason, path=str(path), **details)


_CUT_SHORT = frozenset(
    {
        "ERR_CDATA_NOT_FINISHED",
        "ERR_TAG_NOT_FINISHED",
        "ERR_DOCUMENT_END",
        "ERR_COMMENT_NOT_FINISHED",
    }
)


def syntax_error(error: etree.XMLSyntaxError, path: Path) -> InterchangeError:
    """An lxml error as a message with the line and column it happened at."""
    text = str(error.msg or error)
    line, column = error.lineno or 0, error.offset or 0
    last = error.error_log.last_error if error.error_log else None
    kind = last.type_name if last is not None else ""
    if "Unregistered error message" in text and kind:
        # libxml2 has codes it has no words for: name the code instead.
        text = kind.removeprefix("ERR_").replace("_", " ").lower()
    if kind in _CUT_SHORT or "premature end" in text.lower() or "not finished" in text.lower():
        message = (
            f"{path.name} is cut short: the file ends inside the export ({text.strip()})"
            f" at line {line}, column {column}. Nothing was imported"
        )
        return _error("malformed", message, path, line=line, column=column, detail=text)
    lowered = text.lower()
    if "too long" in lowered or "too big" in lowered or "huge" in lowered:
        reason = "too_large"
        message = (
            f"{path.name}: a text at line {line}, column {column} is larger than 10 MB,"
            " more than Midad reads from one post or comment. Nothing was imported"
        )
    elif "utf-8" in lowered or "encoding" in lowered or "char 0x" in lowered:
        reason = "encoding"
        message = (
            f"{path.name}: the text at line {line}, column {column} is not in the encoding"
            f" the file declares ({text.strip()}). Nothing was imported"
        )
    else:
        reason = "malformed"
        text = re.sub(r",? line \d+, column \d+$", "", text.strip())
        message = (
            f"{path.name} is not well-formed XML: {text} at line {line},"
            f" column {column}. Nothing was imported"
        )
    return _error(reason, message, path, line=line, column=column, detail=text)


def _is_utf8_with_multibyte(path: Path) -> bool:
    """True when the whole file decodes as UTF-8 and holds characters beyond ASCII."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    multibyte = False
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return False
            multibyte = multibyte or not chunk.isascii()
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return multibyte


_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _declared_encoding(start: bytes) -> str:
    """The encoding the XML declaration names (UTF-8 when it names none)."""
    found = _DECLARATION.match(start.removeprefix(b"\xef\xbb\xbf"))
    return found.group(1).decode("ascii") if found else "UTF-8"


def read_head(path: Path) -> WxrHead:
    """Check the file is a WXR export before anything is read from it for real."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise _error("unreadable", f"Cannot read {path}: {exc.strerror or exc}", path) from exc
    with handle:
        root = None
        try:
            for _event, element in etree.iterparse(handle, events=("start",), **HARDENED):
                root = element
                break
        except etree.XMLSyntaxError as exc:
            lowered = str(exc).lower()
            if root is None and any(
                words in lowered for words in ("start tag expected", "empty", "no element found")
            ):
                raise _error(
                    "not_wxr",
                    f"{path.name} is not a WordPress export (WXR): it is not XML at all",
                    path,
                    line=exc.lineno or 0,
                    column=exc.offset or 0,
                ) from exc
            raise syntax_error(exc, path) from exc
        if root is None:
            raise _error("not_wxr", f"{path.name} is empty: it holds no XML", path)
        info = root.getroottree().docinfo
        if info.doctype or info.internalDTD is not None:
            raise _error(
                "doctype",
                f"{path.name} declares a DOCTYPE; a WordPress export never does, and Midad"
                " refuses one (it can hide entity tricks). Nothing was imported",
                path,
            )
        namespaces = {uri for uri in root.nsmap.values() if uri}
        handle.seek(0)
        encoding = _declared_encoding(handle.read(512))
    wp = next((uri for uri in namespaces if WP_NAMESPACE.match(uri)), None)
    if etree.QName(root).localname != "rss" or wp is None:
        raise _error(
            "not_wxr",
            f"{path.name} is not a WordPress export (WXR): its root element is"
            f" <{etree.QName(root).localname}> without WordPress's export namespace",
            path,
        )
    version = WP_NAMESPACE.match(wp).group(1)  # type: ignore[union-attr]
    excerpt = next(
        (uri for uri in namespaces if uri.startswith("http") and uri.endswith("/excerpt/")),
        f"http://wordpress.org/export/{version}/excerpt/",
    )
    declared = None
    if encoding.lower().replace("_", "-") not in ("utf-8", "utf8") and _is_utf8_with_multibyte(
        path
    ):
        declared = encoding
    return WxrHead(version, wp, excerpt, declared)


class _CountingReader:
    """A binary file that counts the bytes lxml has read, for progress."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self.position = 0

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        self.position += len(data)
        return data


def parse_time(*values: str) -> dt.datetime | None:
    """The first usable WordPress date ("YYYY-MM-DD HH:MM:SS"; zeros mean none), naive UTC."""
    for value in values:
        value = value.strip()
        if not value or value.startswith("0000"):
            continue
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            continue
        if moment.tzinfo is not None:
            moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
        return moment
    return None


def _int(text: str | None) -> int:
    try:
        return int((text or "").strip() or 0)
    except ValueError:
        return 0


def _optional_id(text: str | None) -> int | None:
    value = _int(text)
    return value if value > 0 else None


class WxrReader:
    """Iterate the records of one export; ``position`` is the bytes read so far."""

    def __init__(self, path: Path, head: WxrHead) -> None:
        self.path = path
        self.head = head
        self.position = 0
        self.size = path.stat().st_size
        self.version = head.version
        wp = "{" + head.wp_namespace + "}"
        self._wp = wp
        self._item = "item"
        self._author = wp + "author"
        self._category = wp + "category"
        self._tag = wp + "tag"
        self._term = wp + "term"
        self._version_tag = wp + "wxr_version"
        self._comment = wp + "comment"
        self._postmeta = wp + "postmeta"
        self._meta_key = wp + "meta_key"
        self._meta_value = wp + "meta_value"
        self._post_fields = {
            "title": "title",
            "guid": "guid",
            "{" + DC_NS + "}creator": "creator",
            "{" + CONTENT_NS + "}encoded": "content",
            "{" + head.excerpt_namespace + "}encoded": "excerpt",
            wp + "post_date": "date",
            wp + "post_date_gmt": "date_gmt",
            wp + "post_modified": "modified",
            wp + "post_modified_gmt": "modified_gmt",
            wp + "post_name": "name",
            wp + "status": "status",
            wp + "post_type": "type",
        }
        self._comment_fields = {
            wp + "comment_author": "author",
            wp + "comment_author_email": "email",
            wp + "comment_author_url": "url",
            wp + "comment_author_IP": "ip",
            wp + "comment_date": "date",
            wp + "comment_date_gmt": "date_gmt",
            wp + "comment_content": "content",
            wp + "comment_approved": "approved",
            wp + "comment_type": "type",
        }

    def __iter__(self) -> Iterator[Record]:
        tags = [
            self._item,
            self._author,
            self._category,
            self._tag,
            self._term,
            self._version_tag,
        ]
        options = dict(HARDENED)
        if self.head.declared_encoding is not None:
            options["encoding"] = "utf-8"
        with self.path.open("rb") as handle:
            reader = _CountingReader(handle)
            events = etree.iterparse(reader, events=("end",), tag=tags, **options)
            try:
                for _event, element in events:
                    self.position = reader.position
                    record = self._record(element)
                    # Constant memory: drop the element and everything before it.
                    element.clear()
                    parent = element.getparent()
                    if parent is not None:
                        while element.getprevious() is not None:
                            del parent[0]
                    if record is not None:
                        yield record
            except etree.XMLSyntaxError as exc:
                raise syntax_error(exc, self.path) from exc
            self.position = reader.position

    def _record(self, element: Any) -> Record | None:
        tag = element.tag
        if tag == self._item:
            return self._post(element)
        if tag == self._version_tag:
            text = (element.text or "").strip()
            if re.fullmatch(r"\d+\.\d+", text):
                self.version = text
            return None
        fields = {etree.QName(child).localname: child.text or "" for child in element}
        if tag == self._author:
            return WxrAuthor(
                site_id=_optional_id(fields.get("author_id")),
                login=fields.get("author_login", "").strip(),
                email=fields.get("author_email", "").strip(),
                display_name=fields.get("author_display_name", "").strip(),
                first_name=fields.get("author_first_name", "").strip(),
                last_name=fields.get("author_last_name", "").strip(),
            )
        if tag == self._category:
            return WxrCategory(
                site_id=_optional_id(fields.get("term_id")),
                slug=fields.get("category_nicename", "").strip(),
                parent_slug=fields.get("category_parent", "").strip(),
                name=fields.get("cat_name", ""),
                description=fields.get("category_description", ""),
            )
        if tag == self._tag:
            return WxrTag(
                site_id=_optional_id(fields.get("term_id")),
                slug=fields.get("tag_slug", "").strip(),
                name=fields.get("tag_name", ""),
                description=fields.get("tag_description", ""),
            )
        return WxrTerm(taxonomy=fields.get("term_taxonomy", "").strip())

    def _post(self, item: Any) -> WxrPost:
        post = WxrPost()
        names = self._post_fields
        wp = self._wp
        for child in item:
            tag = child.tag
            name = names.get(tag)
            if name is not None:
                setattr(post, name, child.text or "")
            elif tag == self._comment:
                post.comments.append(self._read_comment(child))
            elif tag == "category":
                domain = child.get("domain")
                nicename = child.get("nicename")
                # WXR 1.0 repeats each category without attributes: the copy
                # with them carries the same, plus the slug.
                if domain and nicename is not None:
                    post.terms.append((domain, nicename.strip(), child.text or ""))
            elif tag == self._postmeta:
                key = child.findtext(self._meta_key) or ""
                if key in KEPT_META:
                    post.meta[key] = child.findtext(self._meta_value) or ""
            elif tag == wp + "post_id":
                post.site_id = _int(child.text)
        return post

    def _read_comment(self, element: Any) -> WxrComment:
        comment = WxrComment()
        names = self._comment_fields
        wp = self._wp
        for child in element:
            tag = child.tag
            name = names.get(tag)
            if name is not None:
                setattr(comment, name, child.text or "")
            elif tag == wp + "comment_id":
                comment.site_id = _int(child.text)
            elif tag == wp + "comment_parent":
                comment.parent = _int(child.text)
        return comment
