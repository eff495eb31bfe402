"""Bad WordPress files: each gets a clear report, nothing crashes, nothing stored is touched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select, text

from editor.errors import InterchangeError
from editor.models import Article, Comment
from editor.storage import Newsroom
from tests.editor.interchange.wxr_factory import comment_xml, post_xml, wrap

FIXTURES = Path(__file__).parent / "fixtures"


def _fingerprint(newsroom: Newsroom) -> str:
    """Every row of every table the import writes, hashed: "nothing changed" made testable."""
    digest = hashlib.sha256()
    with newsroom.read() as session:
        for table in (
            "users",
            "sections",
            "tags",
            "articles",
            "article_tags",
            "revisions",
            "comments",
            "moderation_decisions",
        ):
            for row in session.execute(text(f"SELECT * FROM {table} ORDER BY 1")):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def _refused(newsroom: Newsroom, path: Path, reason: str) -> InterchangeError:
    before = _fingerprint(newsroom)
    with pytest.raises(InterchangeError) as caught:
        newsroom.interchange.import_wxr(path)
    assert caught.value.details["reason"] == reason, caught.value
    assert _fingerprint(newsroom) == before
    return caught.value


def test_a_truncated_file_is_refused_with_its_line_and_column(newsroom: Newsroom) -> None:
    error = _refused(newsroom, FIXTURES / "truncated.xml", "malformed")
    assert error.details["line"] == 6 and error.details["column"] > 0
    assert "cut short" in str(error) and "line 6" in str(error)
    assert "Nothing was imported" in str(error)


def test_a_file_cut_after_many_stories_leaves_none_of_them(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    items = "".join(post_xml(9000 + n, f"<p>خبر {n}</p>") for n in range(600))
    whole = wrap(items)
    path = tmp_path / "cut.xml"
    path.write_text(whole[: len(whole) - 200], encoding="utf-8")
    error = _refused(newsroom, path, "malformed")
    assert error.details["line"] > 500  # well past the first batches, which were written
    with newsroom.read() as session:
        assert session.scalar(select(Article.id).where(Article.site_id >= 9000)) is None


def test_a_wrong_encoding_declaration_over_utf8_text_is_read_as_utf8(
    newsroom: Newsroom,
) -> None:
    report = newsroom.interchange.import_wxr(FIXTURES / "wrong-encoding-declared-latin1.xml")
    assert report.declared_encoding == "ISO-8859-1"
    with newsroom.read() as session:
        headline = session.scalar(select(Article.headline).where(Article.site_id == 401))
        comment = session.scalar(select(Comment.text).where(Comment.site_id == 801))
    assert headline == "ترميز خاطئ في التصريح"
    assert comment == "تعليق عربي"


def test_bytes_that_are_not_the_declared_utf8_are_refused(newsroom: Newsroom) -> None:
    error = _refused(newsroom, FIXTURES / "wrong-encoding-really-cp1256.xml", "encoding")
    assert error.details["line"] == 5
    assert "encoding the file declares" in str(error)


def test_duplicate_ids_keep_the_first_copy_and_say_so(empty_newsroom: Newsroom) -> None:
    report = empty_newsroom.interchange.import_wxr(FIXTURES / "duplicate-ids.xml")
    assert report.added == {"articles": 1, "comments": 4}
    assert report.skipped["duplicate_post"] == 1
    assert report.skipped["duplicate_comment"] == 1
    assert report.skipped["comments_of_skipped_posts"] == 1
    with empty_newsroom.read() as session:
        assert session.scalars(select(Article.headline)).all() == ["خبر مكرر"]
        comments = {
            row.site_id: row
            for row in session.execute(select(Comment.site_id, Comment.text, Comment.parent_id))
        }
    assert comments[601].text == "الأول"
    # Replies answering each other are cut into a thread, not a loop; a self-reply stands alone.
    assert report.notes["reply_loops"] == 1
    assert comments[602].parent_id is None or comments[603].parent_id is None
    assert comments[604].parent_id is None


def test_a_ten_megabyte_comment_is_refused_with_its_place(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    huge = "تعليق طويل جدًا " * (10 * 1024 * 1024 // len("تعليق طويل جدًا ".encode()) + 1)
    assert len(huge.encode()) > 10 * 1024 * 1024
    path = tmp_path / "huge.xml"
    path.write_text(
        wrap(post_xml(77, "<p>عادي</p>", comment_xml(91, 0, "قصير") + comment_xml(92, 0, huge))),
        encoding="utf-8",
    )
    error = _refused(newsroom, path, "too_large")
    assert error.details["line"] > 0
    assert "larger than 10 MB" in str(error)


def test_a_long_comment_under_the_limit_is_kept_whole(
    empty_newsroom: Newsroom, tmp_path: Path
) -> None:
    long = "ا" * 2_000_000  # 4 MB of UTF-8
    path = tmp_path / "long.xml"
    path.write_text(wrap(post_xml(78, "<p>عادي</p>", comment_xml(93, 0, long))), encoding="utf-8")
    empty_newsroom.interchange.import_wxr(path)
    with empty_newsroom.read() as session:
        assert session.scalar(select(Comment.text).where(Comment.site_id == 93)) == long


@pytest.mark.parametrize("name", ["not-wxr-atom.xml", "not-wxr-plain-rss.xml", "not-xml.txt"])
def test_a_file_that_is_not_a_wordpress_export_is_refused(newsroom: Newsroom, name: str) -> None:
    error = _refused(newsroom, FIXTURES / name, "not_wxr")
    assert "not a WordPress export" in str(error)


def test_an_empty_file_is_refused(newsroom: Newsroom, tmp_path: Path) -> None:
    path = tmp_path / "empty.xml"
    path.write_bytes(b"")
    _refused(newsroom, path, "not_wxr")


@pytest.mark.parametrize("name", ["entity-bomb.xml", "external-entity.xml"])
def test_a_doctype_is_refused_before_any_entity_is_touched(newsroom: Newsroom, name: str) -> None:
    error = _refused(newsroom, FIXTURES / name, "doctype")
    assert "DOCTYPE" in str(error)
    assert "root:" not in str(error)  # nothing of /etc/passwd was read


def test_a_file_that_cannot_be_read_says_so(newsroom: Newsroom, tmp_path: Path) -> None:
    _refused(newsroom, tmp_path / "missing.xml", "unreadable")
