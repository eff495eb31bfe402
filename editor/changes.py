"""The small record every mutating core call returns.

The interface broadcasts it on one change bus; each panel decides from it
whether to refresh (Anki's OpChanges, in our newsroom's words).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    articles: frozenset[int] = field(default_factory=frozenset)
    comments: frozenset[int] = field(default_factory=frozenset)
    sections: bool = False
    tags: bool = False
    users: bool = False
    settings: bool = False
    # The id of the row a create call made, so the caller can open it.
    new_id: int | None = None
    # The version a save of one story left it at, so the desk need not ask.
    version: int | None = None

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            articles=self.articles | other.articles,
            comments=self.comments | other.comments,
            sections=self.sections or other.sections,
            tags=self.tags or other.tags,
            users=self.users or other.users,
            settings=self.settings or other.settings,
            new_id=other.new_id if other.new_id is not None else self.new_id,
            version=other.version if other.version is not None else self.version,
        )

    @property
    def empty(self) -> bool:
        return not (
            self.articles
            or self.comments
            or self.sections
            or self.tags
            or self.users
            or self.settings
        )
