"""Interchange with the WordPress site: WXR import and export, streamed.

Reached as ``newsroom.interchange``. The pieces:

- ``wxr_parse``: the hardened streaming reader (records, never a whole tree);
- ``wxr_import``: records into the database, in one transaction;
- ``wxr_export``: the database into a WXR 1.2 file, written atomically;
- ``wordpress_html``: post content (blocks, shortcodes, wpautop) to the body subset and back.

Moderation decisions go back to the site through
``newsroom.moderation.export_decisions`` (the moderation desk owns that file).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from editor.permissions import Action, allowed, require
from editor.progress import CancelCheck, ProgressCallback, Ticker

if TYPE_CHECKING:
    from editor.interchange.wxr_export import ExportReport
    from editor.interchange.wxr_report import ImportReport
    from editor.storage import Newsroom


class InterchangeService:
    def __init__(self, newsroom: Newsroom) -> None:
        self._newsroom = newsroom

    def import_wxr(
        self,
        path: Path | str,
        *,
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
    ) -> ImportReport:
        """Import a WordPress export; all of it, or (on error or cancel) nothing."""
        from editor.interchange.wxr_import import import_wxr

        require(self._newsroom.actor.role, Action.IMPORT)
        return import_wxr(self._newsroom, Path(path), Ticker(progress, cancelled))

    def export_wxr(
        self,
        path: Path | str,
        *,
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
    ) -> ExportReport:
        """Write the newsroom as WXR 1.2.

        Readers' emails and addresses go in only for those who may see them.
        """
        from editor.interchange.wxr_export import export_wxr

        role = self._newsroom.actor.role
        require(role, Action.EXPORT)
        return export_wxr(
            self._newsroom,
            Path(path),
            Ticker(progress, cancelled),
            private=allowed(role, Action.SEE_PRIVATE),
        )


__all__ = ["InterchangeService"]
