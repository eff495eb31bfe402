"""What the editor offers in its notice bar: recovered text, and filling from a pasted page.

Unsaved edits are copied to a local recovery file a moment after each change
(``editor.recovery``); after a crash the next start offers them back. A paste
that reads like a whole article page is offered as the story's fields. Either
way the change is one step on the article's undo history.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from editor.pagetext import ParsedPage
from editor.recovery import RecoveredDraft, RecoveryStore
from ui.articles.drafts import replace_all
from ui.articles.fields import BYLINE, DATELINE, HEADLINE, SECTION, STANDFIRST, TAGS
from ui.labels import local_time

if TYPE_CHECKING:
    from ui.articles.editor_pane import ArticleEditorPane


class EditorOffers(QObject):
    # The recovery copy is written off the GUI thread: an fsync can take a
    # third of a second on a busy disk, far too long to hold a key press.
    # One worker keeps the writes and removals in the order they were asked.
    write_failed = Signal(str)

    def __init__(self, pane: ArticleEditorPane, store: RecoveryStore, newsroom_id: str) -> None:
        super().__init__(pane)
        self._pane = pane
        self.store = store
        self.newsroom_id = newsroom_id
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="midad-recovery")
        self.write_failed.connect(self._tell_failure)

    def _in_background(self, work: Callable[[], object]) -> Future[object]:
        def run() -> object:
            try:
                return work()
            except OSError as error:
                self.write_failed.emit(error.strerror or str(error))
                return None

        return self._writer.submit(run)

    def flush(self) -> None:
        """Wait for the recovery writes asked so far (tests, and closing)."""
        self._writer.submit(lambda: None).result()

    def _tell_failure(self, reason: str) -> None:
        self._pane.show_save_state(
            self.tr("Could not keep a recovery copy: %1").replace("%1", reason)
        )

    # -- recovery --------------------------------------------------------------

    def write_recovery(self) -> None:
        pane = self._pane
        if not pane.dirty or pane.article is None:
            return
        # The draft is read here (the document belongs to this thread); only
        # the file work happens in the background.
        article_id, base, draft = pane.article.id, pane.base_version, pane.draft()
        self._in_background(lambda: self.store.put(self.newsroom_id, article_id, base, draft))

    def discard_recovery(self, article_id: int) -> None:
        self._in_background(lambda: self.store.discard(self.newsroom_id, article_id))

    def offer_recovery(self) -> None:
        try:
            pending = self.store.pending(self.newsroom_id)
        except OSError:
            return
        # The story open in the editor keeps its copy up to date itself.
        current = self._pane.article.id if self._pane.article is not None else None
        pending = [r for r in pending if r.article_id != current]
        if not pending:
            return
        record = pending[0]
        headline = record.draft.headline or self.tr("(no headline)")
        self._pane.notice.show_notice(
            self.tr("Midad closed before your changes to “%1” were saved (%2).")
            .replace("%1", headline)
            .replace("%2", local_time(record.written)),
            [
                (self.tr("Restore them"), lambda: self.restore(record)),
                (self.tr("Discard them"), lambda: self._discard(record)),
            ],
        )

    def _discard(self, record: RecoveredDraft) -> None:
        self.discard_recovery(record.article_id)
        self.flush()
        self.offer_recovery()

    def restore(self, record: RecoveredDraft) -> None:
        pane = self._pane
        pane.open_article(record.article_id)
        pane.select_requested.emit(record.article_id)
        if pane.article is None or pane.article.id != record.article_id:
            self.discard_recovery(record.article_id)
            return
        draft = record.draft
        # Saving then fails as a conflict if someone saved the story since.
        pane.base_version = record.base_version
        replace_all(
            pane.fields,
            pane.undo,
            pane.body.document(),
            self.tr("Recovered text"),
            {
                HEADLINE: draft.headline,
                STANDFIRST: draft.standfirst,
                SECTION: draft.section_id,
                TAGS: draft.tags,
                BYLINE: draft.byline,
                DATELINE: draft.dateline,
            },
            draft.body_html,
        )
        pane.body.setFocus()
        self.write_recovery()
        self.flush()
        QTimer.singleShot(0, self.offer_recovery)

    # -- paste -----------------------------------------------------------------

    def offer_page(self, page: ParsedPage) -> None:
        self._pane.notice.show_notice(
            self.tr(
                "This looks like a whole article page. Fill the headline, dateline and"
                " body from it?"
            ),
            [(self.tr("Fill the fields"), lambda: self.fill_from_page(page))],
        )

    def fill_from_page(self, page: ParsedPage) -> None:
        pane = self._pane
        values: dict[int, object] = {HEADLINE: page.headline}
        if page.standfirst:
            values[STANDFIRST] = page.standfirst
        if page.dateline is not None:
            values[DATELINE] = page.dateline
        if page.section:
            found = pane.ops.query(lambda: pane.newsroom.sections.find(page.section or ""))
            if found is not None:
                values[SECTION] = found
        replace_all(
            pane.fields,
            pane.undo,
            pane.body.document(),
            self.tr("Fill from page"),
            values,
            page.body_html,
        )

    def tell_split(self, _count: int) -> None:
        self._pane.show_save_state(
            self.tr("Very long pasted paragraphs were split at sentence ends to keep typing fast.")
        )
