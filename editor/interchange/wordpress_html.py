"""WordPress post content to the body subset, and back.

On the way in (``to_body``) the steps follow what WordPress itself does when
it shows a post (``the_content``): block content (``<!-- wp:… -->``) is taken
as written, classic content goes through ``wpautop`` (bare line breaks become
paragraphs), then shortcodes are expanded or dropped, and what is left is
reduced to the body subset by ``editor.body.sanitize_body``. Media have no
place in the body: images, galleries, audio and video go, with their captions;
an embed becomes a link to what it embedded.

On the way out (``to_blocks``) a body becomes block markup the way the block
editor saves it, so the site shows it as it looks in Midad and a re-import
reads it back unchanged.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping

from editor.body import sanitize_body

# -- wpautop (wp-includes/formatting.php), ported pass for pass -------------

_ALLBLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre"
    r"|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section"
    r"|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"
)
_BR_PAIR = re.compile(r"<br\s*/?>\s*<br\s*/?>")
_BEFORE_BLOCK = re.compile(r"(<" + _ALLBLOCKS + r"[\s/>])")
_AFTER_BLOCK = re.compile(r"(</" + _ALLBLOCKS + r">)")
_AFTER_HR = re.compile(r"(<hr\s*?/?>)")
# wp_html_split(): comments and CDATA first, else any tag (possibly unclosed).
_HTML_SPLIT = re.compile(
    r"(<(?:(?=!--)!(?:-(?!->)[^-]*+)*+(?:-->)?"
    r"|(?=!\[CDATA\[)!\[CDATA\[[^\]]*+(?:](?!]>)[^\]]*+)*+(?:]]>)?"
    r"|[^>]*>?))"
)
_MANY_NEWLINES = re.compile(r"\n\n+")
_EMPTY_P = re.compile(r"<p>\s*</p>")
_UNCLOSED_IN_DIV = re.compile(r"<p>([^<]+)</(div|address|form)>")
_WRAPPED_BLOCK = re.compile(r"<p>\s*(</?" + _ALLBLOCKS + r"[^>]*>)\s*</p>")
_WRAPPED_LI = re.compile(r"<p>(<li.+?)</p>")
_P_BLOCKQUOTE = re.compile(r"<p><blockquote([^>]*)>", re.IGNORECASE)
_P_BEFORE_BLOCK = re.compile(r"<p>\s*(</?" + _ALLBLOCKS + r"[^>]*>)")
_P_AFTER_BLOCK = re.compile(r"(</?" + _ALLBLOCKS + r"[^>]*>)\s*</p>")
_KEEP_NEWLINES = re.compile(r"<(script|style|svg).*?</\1>", re.DOTALL)
_BR_AFTER_BLOCK = re.compile(r"(</?" + _ALLBLOCKS + r"[^>]*>)\s*<br />")
_BR_BEFORE_BLOCK = re.compile(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)")
_LAST_NEWLINE = re.compile(r"\n</p>$")
_NEWLINE_MARK = " <!-- wpnl --> "


def _newlines_in_tags(text: str) -> str:
    """wp_replace_in_html_tags(text, {"\\n": " <!-- wpnl --> "})."""
    if "<" not in text:
        return text
    parts = _HTML_SPLIT.split(text)
    changed = False
    for i in range(1, len(parts), 2):
        if "\n" in parts[i]:
            parts[i] = parts[i].replace("\n", _NEWLINE_MARK)
            changed = True
    return "".join(parts) if changed else text


def _newlines_to_br(text: str) -> str:
    """``preg_replace('|(?<!<br />)\\s*\\n|', "<br />\\n", text)``, without the regex.

    The regex tries every position of the text (every space of an Arabic
    paragraph); this walks from newline to newline and gives the same result.
    """
    out: list[str] = []
    done = 0
    newline = text.find("\n")
    while newline != -1:
        start = newline
        while start > done and text[start - 1].isspace():
            start -= 1
        end = newline
        after = newline + 1
        while after < len(text) and text[after].isspace():
            if text[after] == "\n":
                end = after
            after += 1
        if start >= 6 and text[start - 6 : start] == "<br />":
            start += 1  # the look-behind fails here; the match starts one later, if at all
        if start <= end:
            out.append(text[done:start])
            out.append("<br />\n")
        else:
            out.append(text[done : end + 1])
        done = end + 1
        newline = text.find("\n", done)
    out.append(text[done:])
    return "".join(out)


def _paragraphs(text: str) -> list[str]:
    """``preg_split('/\\n\\s*\\n/', text)``: lines of white space between two line
    breaks separate paragraphs (walked line by line; the regex tries every space)."""
    lines = text.split("\n")
    last = len(lines) - 1
    pieces: list[str] = []
    current: list[str] = [lines[0]]
    separating = False
    for i in range(1, last + 1):
        line = lines[i]
        if i < last and not line.strip():
            separating = True
            continue
        if separating:
            pieces.append("\n".join(current))
            current = [line]
            separating = False
        else:
            current.append(line)
    pieces.append("\n".join(current))
    return pieces


def wpautop(text: str, br: bool = True) -> str:
    """WordPress's wpautop(): double line breaks become paragraphs, single ones <br />."""
    if not text.strip():
        return ""
    text += "\n"
    pre_tags: dict[str, str] = {}
    if "<pre" in text:
        pieces = text.split("</pre>")
        last = pieces.pop()
        rebuilt: list[str] = []
        for piece in pieces:
            start = piece.find("<pre")
            if start == -1:  # Malformed HTML: an end tag without its start.
                rebuilt.append(piece)
                continue
            name = f"<pre wp-pre-tag-{len(pre_tags)}></pre>"
            pre_tags[name] = piece[start:] + "</pre>"
            rebuilt.append(piece[:start] + name)
        text = "".join(rebuilt) + last
    tags = "<" in text
    if tags:
        text = _BR_PAIR.sub("\n\n", text)
        text = _BEFORE_BLOCK.sub("\n\n\\1", text)
        text = _AFTER_BLOCK.sub("\\1\n\n", text)
        text = _AFTER_HR.sub("\\1\n\n", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if tags:
        text = _newlines_in_tags(text)
    if "<option" in text:
        text = re.sub(r"\s*<option", "<option", text)
        text = re.sub(r"</option>\s*", "</option>", text)
    if "</object>" in text:
        text = re.sub(r"(<object[^>]*>)\s*", "\\1", text)
        text = re.sub(r"\s*</object>", "</object>", text)
        text = re.sub(r"\s*(</?(?:param|embed)[^>]*>)\s*", "\\1", text)
    if "<source" in text or "<track" in text:
        text = re.sub(r"([<\[](?:audio|video)[^>\]]*[>\]])\s*", "\\1", text)
        text = re.sub(r"\s*([<\[]/(?:audio|video)[>\]])", "\\1", text)
        text = re.sub(r"\s*(<(?:source|track)[^>]*>)\s*", "\\1", text)
    if "<figcaption" in text:
        text = re.sub(r"\s*(<figcaption[^>]*>)", "\\1", text)
        text = re.sub(r"</figcaption>\s*", "</figcaption>", text)
    text = _MANY_NEWLINES.sub("\n\n", text)
    text = "".join("<p>" + piece.strip("\n") + "</p>\n" for piece in _paragraphs(text) if piece)
    text = _EMPTY_P.sub("", text)
    if "</div" in text or "</address" in text or "</form" in text:
        text = _UNCLOSED_IN_DIV.sub("<p>\\1</p></\\2>", text)
    if tags:
        text = _WRAPPED_BLOCK.sub("\\1", text)
        if "<li" in text:
            text = _WRAPPED_LI.sub("\\1", text)
        text = _P_BLOCKQUOTE.sub("<blockquote\\1><p>", text)
        text = text.replace("</blockquote></p>", "</p></blockquote>")
        text = _P_BEFORE_BLOCK.sub("\\1", text)
        text = _P_AFTER_BLOCK.sub("\\1", text)
    if br:
        if "<script" in text or "<style" in text or "<svg" in text:
            text = _KEEP_NEWLINES.sub(
                lambda m: m.group(0).replace("\n", "<WPPreserveNewline />"), text
            )
        text = text.replace("<br>", "<br />").replace("<br/>", "<br />")
        text = _newlines_to_br(text)
        text = text.replace("<WPPreserveNewline />", "\n")
    if "<br />" in text:
        text = _BR_AFTER_BLOCK.sub("\\1", text)
        text = _BR_BEFORE_BLOCK.sub("\\1", text)
    text = _LAST_NEWLINE.sub("</p>", text)
    for name, original in pre_tags.items():
        text = text.replace(name, original)
    if "<!-- wpnl -->" in text:
        text = text.replace(_NEWLINE_MARK, "\n").replace("<!-- wpnl -->", "\n")
    return text


# -- shortcodes (get_shortcode_regex(), for any tag name) --------------------

_SHORTCODE = re.compile(
    r"\[(\[?)([A-Za-z][A-Za-z0-9_-]*)(?![\w-])"
    r"([^\]/]*(?:/(?!\])[^\]/]*)*?)"
    r"(?:(/)\]|\](?:([^\[]*+(?:\[(?!/\2\])[^\[]*+)*+)\[/\2\])?)"
    r"(\]?)"
)
# Media and their captions: the body holds no media.
_MEDIA_SHORTCODES = frozenset(
    {"caption", "wp_caption", "gallery", "playlist", "audio", "video", "img", "image"}
)
_URL = re.compile(r"https?://[^\s<>\"'\[\]]+")


def _link(url: str) -> str:
    escaped = html.escape(url, quote=True)
    return f'<a href="{escaped}">{html.escape(url, quote=False)}</a>'


def _shortcode(match: re.Match[str]) -> str:
    opened, name, attributes, closed_self, content, closed = match.groups()
    if opened == "[" and closed == "]":
        return match.group(0)[1:-1]  # [[tag]] is the text [tag]
    tail = closed or ""
    lowered = name.lower()
    if lowered in _MEDIA_SHORTCODES:
        return tail
    if lowered == "embed":
        url = (content or "").strip()
        return (_link(url) if _URL.fullmatch(url) else "") + tail
    if content is not None:
        return expand_shortcodes(content) + tail
    if attributes.strip() or closed_self:
        return tail  # a plugin's widget ([contact-form-7 id="3"]): nothing to read
    return match.group(0)  # "[Reuters]": brackets in the text, not a shortcode


def expand_shortcodes(text: str) -> str:
    """Unwrap enclosing shortcodes, drop media and widgets, keep bracketed words."""
    if "[" not in text:
        return text
    return _SHORTCODE.sub(_shortcode, text)


def _escape_shortcode(match: re.Match[str]) -> str:
    whole = match.group(0)
    return whole if _shortcode(match) == whole else f"[{whole}]"


def escape_shortcodes(text: str) -> str:
    """Text that reads like a shortcode, escaped as WordPress escapes it ([[gallery]]).

    What ``expand_shortcodes`` would change is escaped, so the site shows the
    brackets as text and a re-import gives back the same body.
    """
    if "[" not in text:
        return text
    return _SHORTCODE.sub(_escape_shortcode, text)


# -- blocks ----------------------------------------------------------------

_EMBED_BLOCK = re.compile(
    r"<!--\s+wp:(?:core-)?embed(?:/[a-z0-9-]+)?\s+(\{.*?\})\s+/?-->"
    r"(?:.*?<!--\s+/wp:(?:core-)?embed(?:/[a-z0-9-]+)?\s+-->)?",
    re.DOTALL,
)
_MEDIA_BLOCK = re.compile(
    r"<!--\s+wp:(image|gallery|video|audio|file|cover|media-text)\b.*?(?:/-->"
    r"|-->.*?<!--\s+/wp:\1\s+-->)",
    re.DOTALL,
)
_MEDIA_HINT = re.compile(r"wp:(?:image|gallery|video|audio|file|cover|media-text)\b")
_BLOCK_DELIMITER = re.compile(r"<!--\s+/?wp:[a-z][a-z0-9_-]*(?:/[a-z0-9_-]+)?\b.*?-->", re.DOTALL)


def has_blocks(content: str) -> bool:
    return "<!-- wp:" in content


def _embed(match: re.Match[str]) -> str:
    try:
        url = json.loads(match.group(1)).get("url", "")
    except (ValueError, AttributeError):
        url = ""
    return f"<p>{_link(url)}</p>" if isinstance(url, str) and _URL.fullmatch(url) else ""


def _strip_blocks(content: str) -> str:
    if "embed" in content:
        content = _EMBED_BLOCK.sub(_embed, content)
    if _MEDIA_HINT.search(content):
        content = _MEDIA_BLOCK.sub("", content)
    return _BLOCK_DELIMITER.sub("", content)


# -- reducing to the body subset --------------------------------------------

_FIGURE = re.compile(r"<figure\b.*?</figure>", re.DOTALL | re.IGNORECASE)
_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)
_CELL_END = re.compile(r"</t[dh]>", re.IGNORECASE)
_ROW_END = re.compile(r"</tr>", re.IGNORECASE)
_BODY_BLOCK = re.compile(r"<(/?)(p|h2|h3|blockquote|ul|ol|li)\b[^>]*>")
_BETWEEN_BLOCKS = re.compile(
    r"(</?(?:p|h2|h3|blockquote|ul|ol|li)\b[^>]*>)\s+(?=</?(?:p|h2|h3|blockquote|ul|ol|li)\b)"
)
_SPACE_AFTER_BR = re.compile(r"<br>\s+")
_EMPTY_INNER = re.compile(r"<(p|li)\b[^>]*>(?:\s|&nbsp;|<br>)*</\1>")

_TAG = re.compile(r"<[^>]+>")
# A character of text outside any tag that is neither space nor an entity.
_VISIBLE = re.compile(r"(?:^|>)\s*[^<\s&]")
_BARE_URL_PARAGRAPH = re.compile(r"<p( dir=\"[a-z]+\")?>(https?://[^\s<>\"']+)</p>")


def _heading(match: re.Match[str]) -> str:
    level = int(match.group(2))
    return f"<{match.group(1)}h{2 if level <= 2 else 3}"


def _is_empty(fragment: str) -> bool:
    """True when a fragment shows nothing but white space (tags, &nbsp; and <br> aside)."""
    if not fragment.strip():
        return True
    if _VISIBLE.search(fragment):
        return False
    return not html.unescape(_TAG.sub("", fragment)).replace("\xa0", " ").strip()


def _trim_inline(fragment: str) -> str:
    fragment = fragment.strip()
    while fragment.startswith("<br>"):
        fragment = fragment[4:].lstrip()
    while fragment.endswith("<br>"):
        fragment = fragment[:-4].rstrip()
    return fragment


def top_level_blocks(body: str) -> Iterator[str]:
    """The top-level blocks of a sanitised body; loose inline content comes as a <p>."""
    depth = 0
    start = 0
    position = 0
    for match in _BODY_BLOCK.finditer(body):
        if match.group(1) != "/":
            if depth == 0:
                loose = body[position : match.start()]
                if not _is_empty(loose):
                    yield f"<p>{_trim_inline(loose)}</p>"
                start = match.start()
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                yield body[start : match.end()]
                position = match.end()
    if depth == 0:
        loose = body[position:]
        if not _is_empty(loose):
            yield f"<p>{_trim_inline(loose)}</p>"
    else:  # unbalanced (never from the sanitiser): keep the rest as it is
        yield body[start:]


def _collapse_newlines(body: str) -> str:
    """Every run of white space holding a line break, as one space (``\\s*\\n\\s*`` → " ")."""
    pieces = body.split("\n")
    last = len(pieces) - 1
    if last == 0:
        return body
    out: list[str] = []
    space = False
    for i, piece in enumerate(pieces):
        text = piece.rstrip() if i == 0 else piece.lstrip() if i == last else piece.strip()
        space = space or i > 0
        if text:
            if space:
                out.append(" ")
            out.append(text)
            space = False
    if space:
        out.append(" ")
    return "".join(out)


def _drop_empty_inner(block: str) -> str:
    """Empty paragraphs and items inside a container, until none is left: an item
    that only held an empty paragraph (wpautop makes them) is empty in its turn."""
    while True:
        emptied = _EMPTY_INNER.sub("", block)
        if emptied == block:
            return block
        block = emptied


def canonical_body(body: str) -> str:
    """A sanitised body in the one form Midad stores: blocks only, no loose text,
    no empty paragraphs, no whitespace between blocks."""
    if "\n" in body:
        # Inside a paragraph a line break is a space; wpautop leaves some.
        body = _collapse_newlines(body)
    body = _SPACE_AFTER_BR.sub("<br>", body)
    out: list[str] = []
    for block in top_level_blocks(body):
        if _is_empty(block):
            continue
        if block.startswith("<li"):
            block = f"<ul>{block}</ul>"
        elif block.startswith(("<blockquote", "<ul", "<ol")):
            # Between the blocks inside a container; top_level_blocks drops the rest.
            block = _drop_empty_inner(_BETWEEN_BLOCKS.sub("\\1", block))
            if _is_empty(block):
                continue
        out.append(block)
    joined = "".join(out)
    return _BARE_URL_PARAGRAPH.sub(
        lambda m: f"<p{m.group(1) or ''}>{_link(m.group(2))}</p>", joined
    )


def to_body(content: str) -> str:
    """WordPress post content (block or classic) as a stored body."""
    if not content.strip():
        return ""
    # WordPress runs no wpautop on block content (do_blocks removes it).
    content = _strip_blocks(content) if has_blocks(content) else wpautop(content)
    content = expand_shortcodes(content)
    if "<figure" in content or "<FIGURE" in content:
        content = _FIGURE.sub("", content)
    if "<h" in content or "<H" in content or "</h" in content:
        content = _HEADING_TAG.sub(_heading, content)
    if "</t" in content or "</T" in content:
        content = _ROW_END.sub("<br></tr>", _CELL_END.sub(" \\g<0>", content))
    return canonical_body(sanitize_body(content))


def plain_text(value: str) -> str:
    """A WordPress title, excerpt or term name (HTML) as the plain text Midad keeps."""
    if "<" in value:
        value = _TAG.sub("", value)
    return html.unescape(value) if "&" in value else value


# -- back to WordPress -------------------------------------------------------

_OPEN_TAG = re.compile(r"<(p|h2|h3|blockquote|ul|ol|li)\b([^>]*)>")
_DIR = re.compile(r'\sdir="(rtl|ltr|auto)"')


def _comment(name: str, attributes: Mapping[str, object] | None = None) -> str:
    if attributes:
        return f"<!-- wp:{name} {json.dumps(attributes, separators=(',', ':'))} -->"
    return f"<!-- wp:{name} -->"


def _with_class(block: str, tag: str, css: str) -> str:
    return block.replace(f"<{tag}", f'<{tag} class="{css}"', 1)


def _inner_blocks(inner: str, item: str, tag: str) -> str:
    parts = []
    for child in top_level_blocks(inner):
        if not child.startswith(f"<{tag}"):
            child = f"<{tag}>{child}</{tag}>"
        parts.append(_block(child) if item == "paragraph" else _wrap(item, child))
    return "\n\n".join(parts)


def _wrap(name: str, markup: str, attributes: Mapping[str, object] | None = None) -> str:
    return f"{_comment(name, attributes)}\n{markup}\n<!-- /wp:{name} -->"


def _block(block: str) -> str:
    opened = _OPEN_TAG.match(block)
    if opened is None:
        return _wrap("paragraph", f"<p>{block}</p>")
    tag = opened.group(1)
    direction = _DIR.search(opened.group(2))
    if tag == "p":
        return _wrap("paragraph", block, {"direction": direction.group(1)} if direction else None)
    if tag in ("h2", "h3"):
        attributes = {"level": 3} if tag == "h3" else None
        return _wrap("heading", _with_class(block, tag, "wp-block-heading"), attributes)
    if tag == "blockquote":
        inner = block[opened.end() : -len("</blockquote>")]
        return _wrap(
            "quote",
            f'{opened.group(0)[:-1]} class="wp-block-quote">'
            f"{_inner_blocks(inner, 'paragraph', 'p')}</blockquote>",
        )
    if tag in ("ul", "ol"):
        inner = block[opened.end() : -len(f"</{tag}>")]
        return _wrap(
            "list",
            f'{opened.group(0)[:-1]} class="wp-block-list">'
            f"{_inner_blocks(inner, 'list-item', 'li')}</{tag}>",
            {"ordered": True} if tag == "ol" else None,
        )
    return _wrap("list", f'<ul class="wp-block-list">{_wrap("list-item", block)}</ul>')


def to_blocks(body: str, *, lead: str = "") -> str:
    """A stored body as block-editor markup; ``lead`` is a first paragraph (the dateline)."""
    blocks = [_wrap("paragraph", f"<p>{html.escape(lead, quote=False)}</p>")] if lead else []
    blocks.extend(_block(block) for block in top_level_blocks(escape_shortcodes(body)))
    return "\n\n".join(blocks)
