"""The writing desk and the other desks: their changes to the open story, a lost server.

Owned by ``ArticleEditorPane`` (kept apart so the pane stays readable).

Another desk's change to the story open here never replaces text being
written: while there are unsaved changes a banner says who changed it, and
the next save combines the versions (``ui.workflow.conflicts``). With nothing
unsaved the story is shown as stored now, the caret and scroll kept.

A save that cannot reach the server keeps the text (in the desk, never shown
as saved, and in the local recovery copy) and is made again as soon as the
connection is back (``retry``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from editor.changes import Changes
from editor.errors import MidadError, StorageUnavailable
from ui.articles.notice import NoticeBar
from ui.live import RemoteDesk, touches_every

if TYPE_CHECKING:
    from ui.articles.editor_pane import ArticleEditorPane


class RemoteStory:
    def __init__(self, pane: ArticleEditorPane) -> None:
        self.pane = pane
        self.banner = NoticeBar(pane)
        self.banner.setObjectName("remoteChangeNotice")
        # A save failed for want of the server; made again once it is back.
        self.waiting_for_server = False

    # -- other desks' changes -------------------------------------------------

    def on_remote_changes(self, changes: Changes, source: RemoteDesk) -> None:
        pane = self.pane
        article = pane.article
        if article is None:
            return
        if article.id not in changes.articles and not touches_every(changes.articles):
            return
        if pane.dirty:
            by = source.changed_by.get(article.id, "")
            if article.id not in changes.articles and not by:
                return  # a broad refresh, not news of this story
            text = (
                QCoreApplication.translate(
                    "ArticleEditorPane",
                    "%1 changed this story on another desk. Your text is kept; saving"
                    " combines the two versions.",
                ).replace("%1", by)
                if by
                else QCoreApplication.translate(
                    "ArticleEditorPane",
                    "This story was changed on another desk. Your text is kept; saving"
                    " combines the two versions.",
                )
            )
            self.banner.show_notice(text)
            return
        self.reload_in_place()

    def reload_in_place(self) -> None:
        """Show the story as stored now, keeping the caret and the scroll where they were."""
        pane = self.pane
        body = pane.body
        position = body.textCursor().position()
        scroll = body.verticalScrollBar().value()
        article_id = pane.article.id if pane.article else None
        if article_id is None:
            return
        view = pane.ops.query(lambda: pane.newsroom.articles.get(article_id))
        if view is None or view == pane.article:
            return
        pane.show_article(view)
        cursor = body.textCursor()
        cursor.setPosition(min(position, body.document().characterCount() - 1))
        cursor.clearSelection()
        body.setTextCursor(cursor)
        body.verticalScrollBar().setValue(scroll)
        self.banner.hide()

    # -- a lost server ----------------------------------------------------------

    def save_failed(self, error: MidadError, quiet: bool) -> bool:
        """Keep the text of a save the server never got; True if that is what happened."""
        if not isinstance(error, StorageUnavailable) or self.pane.newsroom.backend == "sqlite":
            return False
        pane = self.pane
        self.waiting_for_server = True
        pane.write_recovery()
        if quiet:
            if pane.ops.connection_lost is not None:
                pane.ops.connection_lost()
        else:
            pane.ops.report(error)
        pane.show_save_state()
        return True

    def hold_while_offline(self) -> bool:
        """While the desk knows the server is away, a save waits for it without trying.

        Trying would only fail (or, on a silent network, hang for the connect
        timeout); the text is kept as for a failed save. True if held.
        """
        pane = self.pane
        remote = pane.remote
        if remote is None or remote.online or not pane.dirty:
            return False
        self.waiting_for_server = True
        pane.write_recovery()
        pane.show_save_state()
        return True

    def waiting_text(self) -> str:
        return QCoreApplication.translate(
            "ArticleEditorPane",
            "Not saved yet: the server cannot be reached. Your text is kept on this"
            " computer and will be saved when the connection is back.",
        )

    def retry(self) -> None:
        """The connection is back: save what waited for it."""
        if not self.waiting_for_server:
            return
        pane = self.pane
        if not pane.dirty:
            self.waiting_for_server = False
            pane.show_save_state()
            return
        if pane.save(reason="autosave", quiet=True):
            self.waiting_for_server = False
