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
    "newest_first": "fa6s.arrow-down-9-1",
    "rebuild_index": "fa6s.database",
    "edit": "fa6s.pen-to-square",
    "new": "fa6s.plus",
    "refresh": "fa6s.arrows-rotate",
    "publish": "fa6s.paper-plane",
    "schedule": "fa6s.clock",
    "help": "fa6s.circle-question",
    "clear_filter": "fa6s.filter-circle-xmark",
    "quit": "fa6s.right-from-bracket",
    "inbox": "fa6s.inbox",
    # the writing desk (article editor)
    "bold": "fa6s.bold",
    "italic": "fa6s.italic",
    "paragraph": "mdi6.format-paragraph",
    "heading": "mdi6.format-header-2",
    "subheading": "mdi6.format-header-3",
    "quote": "fa6s.quote-right",
    "bullets": "fa6s.list-ul",
    "numbers": "fa6s.list-ol",
    "link": "fa6s.link",
    "rtl": "mdi6.format-pilcrow-arrow-left",
    "ltr": "mdi6.format-pilcrow-arrow-right",
    "auto_direction": "mdi6.format-pilcrow",
    "replace": "fa6s.right-left",
    "history": "fa6s.clock-rotate-left",
    "spelling": "fa6s.spell-check",
    "remove": "fa6s.xmark",
    "restore": "fa6s.reply",
    "find_previous": "fa6s.chevron-up",
    "find_next": "fa6s.chevron-down",
    "submit": "fa6s.share-from-square",
    "recover": "fa6s.life-ring",
    # WordPress interchange (File menu)
    "import_wxr": "fa6s.file-arrow-down",
    "export_wxr": "fa6s.file-arrow-up",
    "export_decisions": "fa6s.gavel",
    # sections and tags
    "redo": "fa6s.rotate-right",
    "merge": "fa6s.code-merge",
    "duplicates": "fa6s.clone",
    "indent": "fa6s.indent",
    "outdent": "fa6s.outdent",
    # moderation desk
    "note": "fa6s.note-sticky",
    "previous": "fa6s.arrow-up",
    "next": "fa6s.arrow-down",
    "select": "fa6s.square-check",
    "select_all": "fa6s.check-double",
    "clear_selection": "fa6s.xmark",
    "export": "fa6s.file-export",
    "rules": "fa6s.sliders",
    "keyboard": "fa6s.keyboard",
}


def icon(name: str) -> QIcon:
    """The icon for a semantic name; an unknown name is a programming error."""
    return cast(QIcon, qta.icon(ICONS[name]))
