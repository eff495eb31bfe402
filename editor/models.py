"""The newsroom's tables as SQLAlchemy 2 typed mappings.

Only services touch these classes; the interface and the command line get
frozen records from the services, never live ORM objects.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    column_property,
    mapped_column,
    relationship,
)

# One naming convention from the first migration on, so later migrations can
# name constraints to drop them (SQLite batch mode needs the names).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """Timestamps are stored as naive UTC so SQLite and PostgreSQL agree."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Role(enum.StrEnum):
    JOURNALIST = "journalist"
    EDITOR = "editor"
    MODERATOR = "moderator"
    ADMIN = "admin"
    # Nobody signed in yet: may read, may change nothing. Never stored on a user.
    GUEST = "guest"


class ArticleStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    TRASH = "trash"


class CommentStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    SPAM = "spam"
    TRASH = "trash"


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    # Stored as plain strings (no native ENUM type) so adding a member later
    # needs no ALTER TYPE on PostgreSQL.
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=False,
        length=20,
        values_callable=lambda members: [m.value for m in members],
    )


article_tags = Table(
    "article_tags",
    Base.metadata,
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    # A tag's stories from the index alone (counts, merges): with the tag id only,
    # each link's article id would be one more lookup in the table.
    Index("ix_article_tags_tag_article", "tag_id", "article_id"),
)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[Role] = mapped_column(_enum(Role, "role"), default=Role.JOURNALIST)
    email: Mapped[str] = mapped_column(String(320), default="")
    # argon2id hash; None means the account cannot sign in yet (e.g. imported).
    password_hash: Mapped[str | None] = mapped_column(String(200), default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    site_id: Mapped[int | None] = mapped_column(Integer, default=None)
    created: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # Consecutive failed sign-ins and when the last one happened: each failure
    # makes the next attempt wait longer (editor.workflow.users).
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_failed_login: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)


class Section(Base):
    __tablename__ = "sections"
    __table_args__ = (UniqueConstraint("slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(200))
    # True once an editor typed the slug: renaming then leaves it alone.
    slug_manual: Mapped[bool] = mapped_column(Boolean, default=False)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("sections.id", ondelete="RESTRICT"), default=None, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text, default="")
    site_id: Mapped[int | None] = mapped_column(Integer, default=None)

    parent: Mapped[Section | None] = relationship(remote_side=[id])


class Tag(Base):
    __tablename__ = "tags"
    __table_args__ = (UniqueConstraint("slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(200))
    # editor.arabic.normalize(name): filtering and completion use it.
    norm_name: Mapped[str] = mapped_column(String(200), index=True)
    site_id: Mapped[int | None] = mapped_column(Integer, default=None)


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_status_updated", "status", "updated"),
        # Covering, in the list's whole order (updated, then id): "not in the
        # trash, newest first" reads no story rows and sorts nothing.
        Index("ix_articles_section_updated_id_status", "section_id", "updated", "id", "status"),
        Index("ix_articles_updated_id_status", "updated", "id", "status"),
        Index("ix_articles_dateline_place", "dateline_place"),
        # Section counts per status read this index alone: status is stored
        # after the body, so reading it from the row walks the body's pages.
        Index("ix_articles_section_status", "section_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    headline: Mapped[str] = mapped_column(Text, default="")
    standfirst: Mapped[str] = mapped_column(Text, default="")
    # A sanitised HTML subset that keeps dir (editor.body), never raw Qt HTML.
    body_html: Mapped[str] = mapped_column(Text, default="")
    dateline_place: Mapped[str] = mapped_column(String(200), default="")
    dateline_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    dateline_sources: Mapped[list[str]] = mapped_column(JSON, default=list)
    byline: Mapped[str] = mapped_column(String(300), default="")
    section_id: Mapped[int | None] = mapped_column(
        ForeignKey("sections.id", ondelete="SET NULL"), default=None
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None, index=True
    )
    status: Mapped[ArticleStatus] = mapped_column(
        _enum(ArticleStatus, "article_status"), default=ArticleStatus.DRAFT
    )
    # Where a story was before it went to the trash, so restore puts it back.
    status_before_trash: Mapped[str | None] = mapped_column(String(20), default=None)
    slug: Mapped[str] = mapped_column(String(300), default="", index=True)
    created: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    published: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    scheduled_for: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    site_id: Mapped[int | None] = mapped_column(Integer, default=None, index=True)
    # Incremented on every save: a save from a stale version is a conflict.
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    section: Mapped[Section | None] = relationship()
    author: Mapped[User | None] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary=article_tags, order_by=Tag.name)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Revision(Base):
    __tablename__ = "revisions"
    __table_args__ = (Index("ix_revisions_article_created", "article_id", "created"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    article_version: Mapped[int] = mapped_column(Integer)
    created: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    # "create", "save", "autosave", "submit", "restore", "import", ...
    reason: Mapped[str] = mapped_column(String(40), default="save")
    # Every field of the article, metadata included (see ArticleSnapshot).
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)


comments = Table(
    "comments",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("parent_id", ForeignKey("comments.id", ondelete="SET NULL"), default=None, index=True),
    Column("author_name", String(300), nullable=False, default=""),
    Column("author_email", String(320), nullable=False, default=""),
    Column("author_url", String(1000), nullable=False, default=""),
    Column("author_ip", String(64), nullable=False, default=""),
    Column("text", Text, nullable=False, default=""),
    Column("submitted", DateTime, nullable=False, default=utcnow),
    # The rule that held or blocked it and the words it matched, else None.
    Column("held_by", JSON, default=None),
    Column("note", Text, nullable=False, default=""),
    Column("site_id", Integer, default=None, index=True),
    Column("site_parent_id", Integer, default=None),
    Index("ix_comments_article_submitted", "article_id", "submitted"),
    Index("ix_comments_author_email", "author_email"),
    Index("ix_comments_author_name", "author_name"),
)

# Which queue each comment is in, apart from the comment itself: a decision
# rewrites this narrow row (and its index entry), never the wide comment
# with its text, so moving 100,000 comments writes a few megabytes, not
# hundreds. It holds what the queues select and order by, and its index
# (status, submitted, then the comment id as the rowid) answers a queue's
# pages and counts without reading a comment. ``submitted`` is a copy of the
# comment's own, written with it and never changed.
comment_states = Table(
    "comment_states",
    Base.metadata,
    Column(
        "comment_id",
        ForeignKey("comments.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    Column(
        "status",
        _enum(CommentStatus, "comment_status"),
        nullable=False,
        default=CommentStatus.PENDING,
    ),
    Column("submitted", DateTime, nullable=False, default=utcnow),
    Index("ix_comment_states_status_submitted", "status", "submitted"),
)


class Comment(Base):
    """A reader comment: the comment row joined to its queue row, written together.

    Core statements (bulk inserts, the moderation moves) name the two tables
    ``comments`` and ``comment_states`` directly.
    """

    __tablename__ = "comments"
    __table__ = comments.join(comment_states, comments.c.id == comment_states.c.comment_id)

    id: Mapped[int] = column_property(comments.c.id, comment_states.c.comment_id)
    article_id: Mapped[int] = column_property(comments.c.article_id)
    parent_id: Mapped[int | None] = column_property(comments.c.parent_id)
    author_name: Mapped[str] = column_property(comments.c.author_name)
    author_email: Mapped[str] = column_property(comments.c.author_email)
    author_url: Mapped[str] = column_property(comments.c.author_url)
    author_ip: Mapped[str] = column_property(comments.c.author_ip)
    text: Mapped[str] = column_property(comments.c.text)
    # The queue row's copy first: ordering and ranges by it use the queue index.
    submitted: Mapped[dt.datetime] = column_property(
        comment_states.c.submitted, comments.c.submitted
    )
    status: Mapped[CommentStatus] = column_property(comment_states.c.status)
    held_by: Mapped[dict[str, Any] | None] = column_property(comments.c.held_by)
    note: Mapped[str] = column_property(comments.c.note)
    site_id: Mapped[int | None] = column_property(comments.c.site_id)
    site_parent_id: Mapped[int | None] = column_property(comments.c.site_parent_id)


class ModerationDecision(Base):
    __tablename__ = "moderation_decisions"
    __table_args__ = (Index("ix_moderation_decisions_comment", "comment_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    # "manual", "rule", "bulk", "undo", "import"
    source: Mapped[str] = mapped_column(String(20), default="manual")
    note: Mapped[str] = mapped_column(Text, default="")
    # When it was exported for the site; None while it waits to be sent.
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None, index=True)


class Setting(Base):
    """Newsroom-wide settings (dateline style, digits, word lists), one JSON value a key."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class ArticleEvent(Base):
    """The activity log: every status move, publication and lock take-over."""

    __tablename__ = "article_events"
    __table_args__ = (
        Index("ix_article_events_article_at", "article_id", "at"),
        Index("ix_article_events_at", "at"),
        # The activity log filtered by person or by action, newest first,
        # read from these indexes alone (migration 0007).
        Index("ix_article_events_user_at", "user_id", "at"),
        Index("ix_article_events_action_at", "action", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # "transition", "publish", "unpublish", "schedule", "return", "take_over", ...
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str | None] = mapped_column(String(20), default=None)
    to_status: Mapped[str | None] = mapped_column(String(20), default=None)
    note: Mapped[str] = mapped_column(Text, default="")


class EditLock(Base):
    """Who is editing a story; stale once its heartbeat is older than the expiry."""

    __tablename__ = "edit_locks"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # One running application: the same person on two laptops holds two sessions.
    session: Mapped[str] = mapped_column(String(64))
    since: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    heartbeat: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ArticleSeen(Base):
    """The version of a story an editor last reviewed, for "what changed since"."""

    __tablename__ = "article_seen"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
