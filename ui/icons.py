"""Every icon the interface shows, by what it means in the newsroom.

Widgets ask for ``icon("approve")``, never for a font glyph, so the look can
change in one place; a test checks that every name resolves.
"""

from __future__ import annotations

from typing import cast

import qtawesome as qta
from PySide6.QtGui import QIcon

ICONS: dict[str, str] = {
    "approve": "fa6s.check",
    "spam": "fa6s.ban",
    "trash": "fa6s.trash",
    "pending": "fa6s.hourglass-half",
    "undo": "fa6s.rotate-left",
    "save": "fa6s.floppy-disk",
    "import": "fa6s.file-import",
    "articles": "fa6s.newspaper",
    "comments": "fa6s.comments",
    "sections": "fa6s.folder-tree",
    "tags": "fa6s.tags",
    "search": "fa6s.magnifying-glass",
    "edit": "fa6s.pen-to-square",
    "new": "fa6s.plus",
    "refresh": "fa6s.arrows-rotate",
    "publish": "fa6s.paper-plane",
    "schedule": "fa6s.clock",
    "help": "fa6s.circle-question",
    "clear_filter": "fa6s.filter-circle-xmark",
    "quit": "fa6s.right-from-bracket",
    "inbox": "fa6s.inbox",
}


def icon(name: str) -> QIcon:
    """The icon for a semantic name; an unknown name is a programming error."""
    return cast(QIcon, qta.icon(ICONS[name]))
