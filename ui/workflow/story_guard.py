"""The writing desk's guard: the edit lock and the editor's note on a returned story.

Opening a story takes its lock. If someone else holds it, the desk turns
read-only and says who and since when; an editor may take it over. While a
story is open the lock is kept alive every minute (a crashed session's lock
then expires on its own) and a read-only desk tries again, so it becomes
editable when the other person closes the story. Before every save the guard
checks the lock is still ours: if an editor took it over, the save does not
happen, the person is told, and their text stays in the desk (and in the
recovery copy) to keep as a new story or to discard.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from editor.models import ArticleStatus
from editor.services.articles import ArticleView
from editor.storage import Newsroom
from editor.workflow.locks import TAKE_OVER_ROLES, LockState
from ui.articles.notice import NoticeBar
from ui.labels import local_time
from ui.ops import Ops

HEARTBEAT_MS = 60_000
_LOCK_STYLE = "NoticeBar { background: #fff4d6; border: 1px solid #e0b84f; }"
_NOTE_STYLE = "NoticeBar { background: #fde7e4; border: 1px solid #d9776b; }"


class StoryGuard(QObject):
    # The desk must turn read-only (True) or editable again (False).
    read_only_changed = Signal(bool)
    # The lock became ours after someone else's: the desk re-reads the story.
    lock_gained = Signal(int)
    # The person chose what to do with text an editor's take-over left unsaved.
    keep_as_new_requested = Signal()
    discard_requested = Signal()

    def __init__(self, newsroom: Newsroom, ops: Ops, parent: QWidget) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self._ops = ops
        self.article_id: int | None = None
        self.state: LockState | None = None
        self.read_only = False
        self.lock_banner = NoticeBar(parent)
        self.lock_banner.setObjectName("lockBanner")
        self.lock_banner.setStyleSheet(_LOCK_STYLE)
        self.lock_banner.close_button.hide()
        self.note_banner = NoticeBar(parent)
        self.note_banner.setObjectName("returnNoteBanner")
        self.note_banner.setStyleSheet(_NOTE_STYLE)
        font = self.note_banner.label.font()
        font.setBold(True)
        self.note_banner.label.setFont(font)
        self.heartbeat_timer = QTimer(self, interval=HEARTBEAT_MS)
        self.heartbeat_timer.timeout.connect(self.beat)

    # -- opening and closing ---------------------------------------------------

    def open(self, view: ArticleView) -> None:
        """The desk shows this story: take its lock, show who else holds it, show notes."""
        if self.article_id is not None and self.article_id != view.id:
            self.release()
        self.article_id = view.id
        state = self._ops.query(lambda: self._newsroom.locks.acquire(view.id))
        if state is not None:
            self._show_lock(state)
        self._show_return_note(view)

    def release(self) -> None:
        """Switching story or closing: give the lock back."""
        article_id, self.article_id = self.article_id, None
        self.heartbeat_timer.stop()
        self.lock_banner.hide()
        self.note_banner.hide()
        if article_id is not None and self.state is not None and self.state.mine:
            self._ops.query(lambda: self._newsroom.locks.release(article_id))
        self.state = None
        self._set_read_only(False)

    def refresh_holder(self) -> None:
        """Someone else signed in here: the lock now names them."""
        if self.article_id is not None and (self.state is None or self.state.mine):
            article_id = self.article_id
            state = self._ops.query(lambda: self._newsroom.locks.acquire(article_id))
            if state is not None:
                self._show_lock(state)

    # -- while open ------------------------------------------------------------

    def beat(self) -> None:
        """Keep our lock alive; on a read-only desk, see whether the story came free."""
        if self.article_id is None:
            return
        article_id = self.article_id
        if self.state is not None and self.state.mine:
            self._ops.query(lambda: self._newsroom.locks.heartbeat([article_id]))
            return
        state = self._ops.query(lambda: self._newsroom.locks.acquire(article_id))
        if state is not None and state.mine:
            self._show_lock(state)
            self.lock_gained.emit(article_id)
        elif state is not None:
            self._show_lock(state)

    def take_over(self) -> None:
        if self.article_id is None:
            return
        article_id = self.article_id
        state = self._ops.query(lambda: self._newsroom.locks.take_over(article_id))
        if state is not None and state.mine:
            self._show_lock(state)
            self.lock_gained.emit(article_id)

    def may_save(self) -> bool:
        """Still ours? If an editor took the story over, say so and refuse the save."""
        if self.article_id is None or self.read_only:
            return not self.read_only
        article_id = self.article_id
        state = self._ops.query(lambda: self._newsroom.locks.state(article_id))
        if state is None:
            return True  # the failure was shown; the save itself will say more
        if state.mine:
            return True
        if state.free:
            # Our lock expired (a long sleep) and nobody took it: take it again.
            state = self._ops.query(lambda: self._newsroom.locks.acquire(article_id))
            if state is not None and state.mine:
                self._show_lock(state)
                return True
        if state is None:
            return False
        self.state = state
        self.heartbeat_timer.stop()
        self._set_read_only(True)
        self.lock_banner.show_notice(
            self.tr(
                "%1 took over this story at %2. Your changes were not saved into it: they"
                " are still here. Keep them as a new draft, or discard them to see the story"
                " as it is now."
            )
            .replace("%1", state.holder)
            .replace("%2", local_time(state.since) if state.since else "?"),
            [
                (self.tr("Keep my text as a new draft"), self.keep_as_new_requested.emit),
                (self.tr("Discard my changes"), self.discard_requested.emit),
            ],
        )
        return False

    # -- showing ---------------------------------------------------------------

    def _show_lock(self, state: LockState) -> None:
        self.state = state
        if state.mine:
            self.lock_banner.hide()
            self.heartbeat_timer.start()
            self._set_read_only(False)
            return
        # Read-only: keep polling (the same timer) so the desk frees itself.
        self.heartbeat_timer.start()
        self._set_read_only(True)
        actions = []
        if self._newsroom.actor.role in TAKE_OVER_ROLES:
            actions.append((self.tr("Take over"), self.take_over))
        self.lock_banner.show_notice(
            self.tr(
                "Being edited by %1 since %2. You can read it; it opens for you when they close it."
            )
            .replace("%1", state.holder)
            .replace("%2", local_time(state.since) if state.since else "?"),
            actions,
        )
        # NoticeBar hides itself after an action; a take-over that fails keeps it.
        for button in self.lock_banner.buttons():
            button.setObjectName("takeOverButton")

    def _show_return_note(self, view: ArticleView) -> None:
        note = None
        if view.status is ArticleStatus.DRAFT:
            article_id = view.id
            note = self._ops.query(lambda: self._newsroom.workflow.return_note(article_id))
        if note is None:
            self.note_banner.hide()
            return
        self.note_banner.show_notice(
            self.tr("Returned by %1 (%2): %3")
            .replace("%1", note.user or "?")
            .replace("%2", local_time(note.at))
            .replace("%3", note.note)
        )

    def _set_read_only(self, read_only: bool) -> None:
        if read_only != self.read_only:
            self.read_only = read_only
            self.read_only_changed.emit(read_only)
