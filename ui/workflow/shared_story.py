"""The writing desk's side of sharing a story: merging a conflicting save, locks.

Owned by ``ArticleEditorPane`` (kept apart so the pane stays readable): what
the desk does when someone else saved the story meanwhile
(``ui.workflow.conflicts``) or holds or took its lock (``ui.workflow.story_guard``).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument

from editor.models import ArticleStatus
from editor.services.articles import ArticleDraft
from ui.articles.body_codec import dump_body, load_body

if TYPE_CHECKING:
    from ui.articles.editor_pane import ArticleEditorPane


class SharedStory:
    """Owned by the pane; works on its widgets and state."""

    def __init__(self, pane: ArticleEditorPane) -> None:
        self.pane = pane

    def save_merged(self, article_id: int, draft: ArticleDraft, reason: str, ask: bool) -> bool:
        if not ask:
            self.pane.write_recovery()
            self.pane.show_save_state(
                QCoreApplication.translate(
                    "ArticleEditorPane",
                    "Not saved: someone else saved this story meanwhile."
                    " Save (Ctrl+S) to combine the two versions.",
                )
            )
            return False
        saved = self.pane.conflicts.resolve(
            article_id,
            draft,
            self.pane.base_draft
            or self.canonical(self.pane.article.draft() if self.pane.article else draft),
            self.pane.base_version,
            reason=reason,
            canonical=self.canonical,
            source=self.pane,
        )
        if not saved:
            self.pane.show_save_state(
                QCoreApplication.translate(
                    "ArticleEditorPane", "Not saved: your text is still here."
                )
            )
            return False
        self.pane.offers.discard_recovery(article_id)
        self.pane.reload_article()
        self.pane.saved.emit(article_id)
        return True

    def canonical(self, draft: ArticleDraft) -> ArticleDraft:
        # A stored body in the form this desk writes it, so an untouched body compares equal.
        document = QTextDocument()
        load_body(document, draft.body_html)
        return dataclasses.replace(draft, body_html=dump_body(document))

    def keep_as_new(self) -> None:
        """Text an editor's take-over left unsaved becomes a draft of its own."""
        draft = self.pane.draft()
        changes = self.pane.ops.change(
            lambda: self.pane.newsroom.articles.create(draft), source=self.pane
        )
        if changes is not None and changes.new_id is not None:
            self.pane.offers.discard_recovery(self.pane.article.id if self.pane.article else 0)
            self.pane.undo.mark_clean()
            view = self.pane.ops.query(lambda: self.pane.newsroom.articles.get(changes.new_id or 0))
            if view is not None:
                self.pane.show_article(view)
                self.pane.select_requested.emit(view.id)

    def set_read_only(self, read_only: bool) -> None:
        """Someone else holds the lock: the story can be read and copied, not changed."""
        self.pane.body.setReadOnly(read_only)
        self.pane.fields.setEnabled(not read_only)
        self.pane.toolbar.setEnabled(not read_only)
        self.pane.save_button.setEnabled(not read_only)
        self.pane.submit_button.setEnabled(
            not read_only
            and self.pane.article is not None
            and self.pane.article.status is ArticleStatus.DRAFT
        )
