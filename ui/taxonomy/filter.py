"""What the article list is filtered by from the taxonomy panels, and how it reads.

A section and tags combine (stories in the section that carry the tags); the
description names both so the filter is always visible, and clearing it in
the article list clears both.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from editor.changes import Changes
from editor.errors import MidadError
from editor.services.articles import ArticleFilter
from editor.storage import Newsroom


class TaxonomyFilter(QObject):
    changed = Signal(object, str)  # ArticleFilter, its description

    def __init__(self, newsroom: Newsroom, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self.section: tuple[int, str] | None = None
        self.tags: list[tuple[int, str]] = []
        self.match_all = True

    def set_section(self, section_id: int, name: str) -> None:
        self.section = (section_id, name)
        self._announce()

    def set_tags(self, tag_ids: list[int], names: list[str], match_all: bool) -> None:
        self.tags = list(zip(tag_ids, names, strict=True))
        self.match_all = match_all
        self._announce()

    def clear(self) -> None:
        """Forget the filter without announcing it: the article list cleared itself."""
        self.section = None
        self.tags = []

    @property
    def active(self) -> bool:
        return self.section is not None or bool(self.tags)

    def article_filter(self) -> ArticleFilter:
        return ArticleFilter(
            section_id=self.section[0] if self.section else None,
            tag_ids=tuple(t for t, _ in self.tags),
            tags_match_all=self.match_all,
        )

    def description(self) -> str:
        parts = []
        if self.section is not None:
            parts.append(
                QCoreApplication.translate("TaxonomyFilter", "section %1").replace(
                    "%1", self.section[1]
                )
            )
        if len(self.tags) == 1:
            parts.append(
                QCoreApplication.translate("TaxonomyFilter", "tag %1").replace(
                    "%1", self.tags[0][1]
                )
            )
        elif self.tags:
            names = " + ".join(name for _, name in self.tags)
            text = (
                QCoreApplication.translate("TaxonomyFilter", "all of the tags %1")
                if self.match_all
                else QCoreApplication.translate("TaxonomyFilter", "any of the tags %1")
            )
            parts.append(text.replace("%1", names))
        return QCoreApplication.translate("TaxonomyFilter", " and ").join(parts)

    def _announce(self) -> None:
        self.changed.emit(self.article_filter(), self.description())

    def on_changes(self, changes: Changes, source: object) -> None:
        """Drop a section or tag that was deleted or merged away; rename what was renamed."""
        if not self.active or not (changes.sections or changes.tags):
            return
        try:
            sections = (
                {n.id: n.name for n in self._newsroom.sections.tree()} if self.section else {}
            )
            tags = {t.id: t.name for t in self._newsroom.tags.names()} if self.tags else {}
        except MidadError:
            return  # the panels show why; the filter is checked again on the next change
        section = self.section
        if section is not None:
            section = (section[0], sections[section[0]]) if section[0] in sections else None
        kept = [(t, tags[t]) for t, _ in self.tags if t in tags]
        if (section, kept) != (self.section, self.tags):
            self.section, self.tags = section, kept
            self._announce()
