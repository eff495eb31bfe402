"""The writing desk: an article's fields, its body, and everything around them.

This module only wires the parts together; each lives in its own module:
fields (``fields``), body editor (``body_edit``), toolbar (``toolbar``), one
undo history (``undo``), counts (``counts``), spelling (``spelling``), find
and replace (``find_bar``), revisions (``history``), autosave timing
(``autosave``) and crash recovery (``editor.recovery``). Saving always goes
through ``ArticleService.save`` against the version the editor started from.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QLocale, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.changes import Changes
from editor.checks import submission_problems
from editor.dateline import DatelineStyle
from editor.errors import ConflictError, MidadError
from editor.models import ArticleStatus
from editor.recovery import RecoveryStore
from editor.services.articles import ArticleDraft, ArticleView
from editor.storage import NEWSROOM_ID_KEY, Newsroom
from ui.articles.autosave import DEFAULT_AUTOSAVE_S, AutosaveClock
from ui.articles.body_codec import dump_body, load_body
from ui.articles.body_edit import BodyEdit
from ui.articles.counts import BodyCounter
from ui.articles.fields import ArticleFields, FieldsArea, problem_text
from ui.articles.find_bar import FindBar
from ui.articles.history import RevisionHistory
from ui.articles.notice import NoticeBar
from ui.articles.offers import EditorOffers
from ui.articles.remote_story import RemoteStory
from ui.articles.spelling import SpellingSupport
from ui.articles.toolbar import EditorActions, build_toolbar
from ui.articles.undo import ArticleUndo
from ui.icons import icon
from ui.labels import article_status
from ui.live import RemoteDesk, is_remote
from ui.messages import message_for
from ui.ops import Ops
from ui.workflow.conflicts import ConflictResolver
from ui.workflow.shared_story import SharedStory
from ui.workflow.story_guard import StoryGuard

VISUAL_CURSOR_KEY = "editor/visualCursor"
AUTOSAVE_KEY = "editor/autosaveSeconds"


class ArticleEditorPane(QWidget):
    saved = Signal(int)
    # The pane opened a story by itself (recovered text): the list should follow.
    select_requested = Signal(int)

    def __init__(
        self,
        newsroom: Newsroom,
        ops: Ops,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        recovery: RecoveryStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.newsroom = newsroom
        self.ops = ops
        self._settings = settings or QSettings()
        self.newsroom_id = str(ops.query(lambda: newsroom.settings.get(NEWSROOM_ID_KEY)) or "")
        self.article: ArticleView | None = None
        self.base_version = 0
        # The fields as last saved from here, the base of a merge; None: as loaded.
        self.base_draft: ArticleDraft | None = None
        self._loading = False
        self._history: RevisionHistory | None = None
        self._known_stale = True
        self._style: DatelineStyle | None = None

        self.status_label = QLabel(self)
        self.status_label.setObjectName("articleStatus")
        self.notice = NoticeBar(self)
        self.notice.setObjectName("editorNotice")
        self.fields = ArticleFields(self)
        self.body = BodyEdit(self)
        self.body.setObjectName("body")
        self.body_problem = QLabel(self)
        self.body_problem.setObjectName("bodyProblem")
        self.body_problem.setStyleSheet("color: #c62828;")
        self.body_problem.hide()
        self.find_bar = FindBar(self.body, self)
        self.actions_ = EditorActions(self)
        self.toolbar = build_toolbar(self.actions_, self)
        self.undo = ArticleUndo(self.body.document(), self)
        self.offers = EditorOffers(self, recovery or RecoveryStore.default(), self.newsroom_id)
        self.counts = QLabel(self)
        self.counts.setObjectName("counts")
        self.counter = BodyCounter(self.body.document(), self)
        self.save_state = QLabel(self)
        self.save_state.setWordWrap(True)
        self.save_state.setObjectName("saveState")
        self.spelling_notice = QLabel(self)
        self.spelling_notice.setWordWrap(True)
        self.spelling_notice.setObjectName("spellingNotice")
        self.spelling_notice.hide()
        self.save_button = QPushButton(icon("save"), self.tr("Save"), self)
        self.save_button.setObjectName("saveButton")
        self.submit_button = QPushButton(icon("submit"), self.tr("Submit for review"), self)
        self.submit_button.setObjectName("submitButton")

        # Compatibility names for the parts other panels and tests look at.
        self.headline = self.fields.headline
        self.standfirst = self.fields.standfirst
        self.section = self.fields.section
        self.tags = self.fields.tags
        self.byline = self.fields.byline
        self.dateline_editor = self.fields.dateline
        self.dateline_preview = self.fields.dateline.preview

        footer = QHBoxLayout()
        footer.addWidget(self.save_state)
        footer.addWidget(self.spelling_notice, 1)
        footer.addWidget(self.save_button)
        footer.addWidget(self.submit_button)
        # Everything but the notice is disabled until a story is open: the
        # notice may offer recovered text before that.
        self.content = QWidget(self)
        inner = QVBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        # The fields scroll rather than hold the window at their full height.
        self.fields_area = FieldsArea(self.content)
        self.fields_area.setWidget(self.fields)
        self.fields_area.setWidgetResizable(True)
        self.fields_area.setFrameShape(QFrame.Shape.NoFrame)
        inner.addWidget(self.fields_area)
        inner.addWidget(self.toolbar)
        inner.addWidget(self.find_bar)
        inner.addWidget(self.body_problem)
        inner.addWidget(self.body, 1)
        inner.addLayout(footer)
        # The edit lock and an editor's return note (ui.workflow.story_guard).
        self.guard = StoryGuard(newsroom, ops, self)
        self.conflicts = ConflictResolver(newsroom, ops, self)
        self.shared = SharedStory(self)
        # Other desks' changes and a lost server; the main window sets ``remote``.
        self.elsewhere = RemoteStory(self)
        self.remote: RemoteDesk | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.elsewhere.banner)
        layout.addWidget(self.guard.lock_banner)
        layout.addWidget(self.guard.note_banner)
        layout.addWidget(self.notice)
        layout.addWidget(self.content, 1)

        self._setup_spelling()
        self._setup_autosave()
        self._connect()
        self.reload_sections()
        self._show_counts(0, 0, 0)
        self.content.setEnabled(False)
        # After the main window has wired its panels, so the list follows.
        QTimer.singleShot(0, self.offers.offer_recovery)

    # -- setup -----------------------------------------------------------------

    def _setup_spelling(self) -> None:
        self.spelling = SpellingSupport(self.body, self.newsroom, self.ops, self._settings, self)
        self.checker = self.spelling.checker
        self.highlighter = self.spelling.highlighter
        self.body.spelling_menu = self.spelling.menu
        self.actions_.spell_check.setChecked(self.highlighter.enabled)
        self.actions_.spell_check.setEnabled(self.checker.available)
        if self.spelling.notice:
            self.spelling_notice.setText(self.spelling.notice)
            self.spelling_notice.show()

    def _setup_autosave(self) -> None:
        seconds = float(str(self._settings.value(AUTOSAVE_KEY, DEFAULT_AUTOSAVE_S)))
        self.autosave = AutosaveClock(seconds, self)
        self.autosave.recovery_due.connect(self.write_recovery)
        self.autosave.autosave_due.connect(lambda: self.save(reason="autosave", quiet=True))

    def _connect(self) -> None:
        a = self.actions_
        body = self.body
        a.bind(a.undo, self.undo.undo)
        a.bind(a.redo, self.undo.redo)
        a.wire_formatting(body)
        a.bind(a.find, lambda: self.find_bar.open_find(replace=False))
        a.bind(a.replace, lambda: self.find_bar.open_find(replace=True))
        a.bind(a.history, self.show_history)
        a.visual_cursor.toggled.connect(self.set_visual_cursor)
        a.visual_cursor.setChecked(_bool(self._settings.value(VISUAL_CURSOR_KEY, False)))
        a.spell_check.toggled.connect(self.set_spell_check)
        self.body.reserved_keys = a.keys()
        self.body.join_undo = self.undo.joined
        body.undo_requested.connect(self.undo.undo)
        body.redo_requested.connect(self.undo.redo)
        body.cursorPositionChanged.connect(lambda: a.follow(body))
        body.currentCharFormatChanged.connect(lambda _f: a.follow(body))
        # Formats change without the caret moving (a direction key, undo).
        body.document().contentsChanged.connect(lambda: a.follow(body))
        body.page_pasted.connect(self.offers.offer_page)
        body.paragraphs_split.connect(self.offers.tell_split)
        # The pane itself catches Ctrl+Z from its buttons, date and check boxes.
        self.fields.install_undo_keys(self.undo.undo, self.undo.redo, self)
        self.fields.edited.connect(self._on_field_edited)
        self.undo.stack.indexChanged.connect(self._on_history_moved)
        self.undo.stack.cleanChanged.connect(lambda _clean: self.show_save_state())
        self.undo.stack.canUndoChanged.connect(a.undo.setEnabled)
        self.undo.stack.canRedoChanged.connect(a.redo.setEnabled)
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        self.counter.counted.connect(self._show_counts)
        self.save_button.clicked.connect(lambda: self.save())
        self.guard.read_only_changed.connect(self.shared.set_read_only)
        self.guard.lock_gained.connect(lambda _id: self.reload_article())
        self.guard.discard_requested.connect(self.reload_article)
        self.guard.keep_as_new_requested.connect(self.shared.keep_as_new)
        self.submit_button.clicked.connect(self.submit)
        QShortcut(QKeySequence.StandardKey.Save, self, lambda: self.save())
        for widget in (
            self.fields.tags,
            self.fields.dateline.place,
            self.fields.dateline.sources.entry,
        ):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Completion lists are read when first needed, not on every open.
        if event.type() == QEvent.Type.FocusIn and self._known_stale:
            self._load_known()
        return False

    def view_actions(self) -> list[QAction]:
        """Preferences the main window puts in its View menu."""
        return [self.actions_.visual_cursor, self.actions_.spell_check]

    # -- preferences -----------------------------------------------------------

    def set_visual_cursor(self, visual: bool) -> None:
        self.body.set_visual_cursor(visual)
        self._settings.setValue(VISUAL_CURSOR_KEY, visual)

    def set_spell_check(self, enabled: bool) -> None:
        self.spelling.set_enabled(enabled)

    # -- loading ---------------------------------------------------------------

    def reload_sections(self) -> None:
        nodes = self.ops.query(self.newsroom.sections.tree) or []
        self.fields.set_sections(nodes)

    def _load_known(self) -> None:
        tags = self.ops.query(self.newsroom.tags.list) or []
        places = self.ops.query(self.newsroom.articles.dateline_places) or []
        sources = self.ops.query(self.newsroom.articles.dateline_sources) or []
        self.fields.set_known([(t.name, t.count) for t in tags], [p.place for p in places], sources)
        self._known_stale = False

    def open_article(self, article_id: int) -> None:
        if self.article is not None and self.article.id == article_id:
            return
        self.save_if_dirty()
        view = self.ops.query(lambda: self.newsroom.articles.get(article_id))
        if view is not None:
            self.show_article(view)

    def show_article(self, view: ArticleView) -> None:
        self._loading = True
        try:
            self.autosave.stop()
            self.article = view
            self.base_version = view.version
            self._show_status()
            self.fields.load(
                view.headline,
                view.standfirst,
                view.section_id,
                view.tags,
                view.byline,
                view.dateline,
            )
            self.fields.set_dateline_style(self._dateline_style())
            load_body(self.body.document(), view.body_html)
            self.body.settle_all()
            self.undo.clear()
            self.body_problem.hide()
            self.find_bar.hide()
        finally:
            self._loading = False
        self.content.setEnabled(True)
        self.base_draft = None
        self.elsewhere.banner.hide()
        self.guard.open(view)
        self.counter.count_now()
        self.show_save_state()
        self.submit_button.setEnabled(view.status is ArticleStatus.DRAFT and not self.read_only)
        if self._history is not None:
            self._history.close()

    def _dateline_style(self) -> DatelineStyle:
        # Read once (three settings) and again only when settings change.
        if self._style is None:
            self._style = self.ops.query(self.newsroom.settings.dateline_style)
        return self._style or DatelineStyle()

    def _show_status(self) -> None:
        if self.article is not None:
            self.status_label.setText(
                self.tr("%1 · version %2")
                .replace("%1", article_status(self.article.status))
                .replace("%2", QLocale().toString(self.article.version))
            )

    # -- editing ---------------------------------------------------------------

    def _on_field_edited(self, field_id: int, old: object, new: object) -> None:
        if self._loading or self.undo.applying:
            return
        self.undo.field_edited(
            field_id,
            lambda value: self.fields.apply(field_id, value),
            old,
            new,
            merge=self.fields.merges(field_id),
        )

    def _on_history_moved(self, _index: int) -> None:
        if self._loading or self.article is None:
            return
        self.autosave.changed()
        self.show_save_state()

    @property
    def dirty(self) -> bool:
        # isValid: the stack announces its clean state while being destroyed.
        return (
            self.article is not None
            and shiboken6.isValid(self.undo.stack)
            and not self.undo.stack.isClean()
        )

    def draft(self) -> ArticleDraft:
        f = self.fields
        return ArticleDraft(
            headline=f.headline.text(),
            standfirst=f.standfirst.text(),
            body_html=dump_body(self.body.document()),
            dateline=f.dateline.dateline(),
            byline=f.byline.text(),
            section_id=f.section.section_id(),
            tags=f.tags.tags(),
        )

    def dateline(self) -> Any:
        return self.fields.dateline.dateline()

    def _show_counts(self, words: int, characters: int, minutes: int) -> None:
        locale = QLocale()
        self.counts.setText(
            self.tr("%1 words · %2 characters · %3 min read")
            .replace("%1", locale.toString(words))
            .replace("%2", locale.toString(characters))
            .replace("%3", locale.toString(minutes))
        )

    def show_save_state(self, message: str = "") -> None:
        if message:
            self.save_state.setText(message)
        elif self.dirty and self.elsewhere.waiting_for_server:
            self.save_state.setText(self.elsewhere.waiting_text())
        elif self.dirty:
            self.save_state.setText(self.tr("Unsaved changes"))
        elif self.article is not None:
            self.save_state.setText(self.tr("All changes saved"))

    # -- recovery and offers ---------------------------------------------------

    def write_recovery(self) -> None:
        self.offers.write_recovery()

    def retry_save(self) -> None:
        """The server is reachable again: save what could not be saved meanwhile."""
        self.elsewhere.retry()

    # -- saving ------------------------------------------------------------------

    def save_if_dirty(self) -> None:
        """On switching story or closing: saved, and if that fails, kept for recovery.

        The person has stopped typing here, so a conflict may ask its question.
        """
        if self.dirty:
            self.write_recovery()
            self.save(reason="autosave", quiet=True, ask=True)

    def _run(self, work: Callable[[], Changes], quiet: bool) -> Changes | None:
        """Run a save; a ConflictError is left to the caller, which merges."""
        try:
            changes = work()
        except ConflictError:
            raise
        except MidadError as error:
            if self.elsewhere.save_failed(error, quiet):
                return None
            if not quiet:
                self.ops.show_error(message_for(error))
                return None
            # Autosave failing every few seconds must not open a dialog each
            # time; the recovery copy keeps the text meanwhile.
            self.show_save_state(self.tr("Not saved: %1").replace("%1", error.message))
            return None
        self.ops.bus.announce(changes, self)
        return changes

    def save(self, reason: str = "save", quiet: bool = False, *, ask: bool | None = None) -> bool:
        """Save over the version this desk started from.

        Someone else's save in between is merged (ui.workflow.conflicts); ``ask``
        says whether a real conflict may open the choice dialog. The autosave
        timer never asks (a dialog must not take the keyboard mid-sentence): it
        leaves the text unsaved, in the desk and the recovery copy, and says a
        deliberate save will combine the versions.
        """
        if self.article is None or self.elsewhere.hold_while_offline():
            return False
        if not self.guard.may_save():
            return False
        article_id, base = self.article.id, self.base_version
        draft = self.draft()
        try:
            changes = self._run(
                lambda: self.newsroom.articles.save(
                    article_id, draft, base_version=base, reason=reason
                ),
                quiet,
            )
        except ConflictError:
            return self.shared.save_merged(
                article_id, draft, reason, not quiet if ask is None else ask
            )
        if changes is None:
            return False
        self.undo.mark_clean()
        self.autosave.stop()
        self.base_draft = draft
        self.elsewhere.banner.hide()
        self.offers.discard_recovery(article_id)
        self._known_stale = True
        # Only the version moved, and the save says to what (a save that
        # changed nothing does not: ask). Re-reading the whole story would
        # cost more than the save on a long one.
        version = changes.version
        if version is None:
            version = self.ops.query(lambda: self.newsroom.articles.version(article_id))
        if version is not None and self.article is not None:
            self.article = dataclasses.replace(self.article, version=version)
            self.base_version = version
            self._show_status()
        if reason == "autosave":
            self.show_save_state(self.tr("Autosaved"))
        else:
            self.show_save_state()
        self.saved.emit(article_id)
        return True

    def reload_article(self) -> None:
        """Show the story as stored now (after a merge, a take-over, a discard)."""
        if self.article is None:
            return
        article_id = self.article.id
        view = self.ops.query(lambda: self.newsroom.articles.get(article_id))
        if view is not None:
            self.show_article(view)

    @property
    def read_only(self) -> bool:
        return self.guard.read_only

    def check_before_submit(self) -> bool:
        """Show what is missing at each field; True when the story may be submitted."""
        problems = submission_problems(self.draft())
        self.fields.show_problems([p for p in problems if p.field != "body"])
        body = next((p for p in problems if p.field == "body"), None)
        self.body_problem.setVisible(body is not None)
        if body is not None:
            self.body_problem.setText(problem_text(body))
            if len(problems) == 1:
                self.body.setFocus()
        return not problems

    def submit(self) -> None:
        if self.article is None or not self.check_before_submit():
            return
        if not self.save(reason="submit"):
            return
        article_id = self.article.id
        changes = self.ops.change(
            lambda: self.newsroom.workflow.transition(article_id, ArticleStatus.SUBMITTED),
            source=self,
        )
        if changes is not None:
            view = self.ops.query(lambda: self.newsroom.articles.get(article_id))
            if view is not None:
                self.article = view
                self._show_status()
                self.submit_button.setEnabled(view.status is ArticleStatus.DRAFT)

    # -- revisions ---------------------------------------------------------------

    def show_history(self) -> RevisionHistory | None:
        if self.article is None:
            return None
        self.save_if_dirty()
        if self._history is None or self._history.article_id != self.article.id:
            if self._history is not None:
                self._history.deleteLater()
            self._history = RevisionHistory(self.newsroom, self.ops, self.article.id, self)
            self._history.restore_requested.connect(self.restore_revision)
        else:
            self._history.reload()
        self._history.show()
        self._history.raise_()
        return self._history

    def restore_revision(self, revision_id: int) -> None:
        if self.article is None:
            return
        self.save_if_dirty()
        article_id, base = self.article.id, self.base_version
        changes = self.ops.change(
            lambda: self.newsroom.articles.restore_revision(
                article_id, revision_id, base_version=base
            ),
            source=self,
        )
        if changes is None:
            return
        history = self._history
        view = self.ops.query(lambda: self.newsroom.articles.get(article_id))
        if view is not None:
            self._history = None  # keep it open across the reload
            self.show_article(view)
            self._history = history
        if history is not None:
            history.reload()

    # -- the rest of the newsroom ----------------------------------------------

    def on_changes(self, changes: Changes, source: object) -> None:
        if changes.sections:
            self.reload_sections()
        if changes.tags or changes.articles:
            self._known_stale = True
        if changes.users:
            self.guard.refresh_holder()
        if changes.settings:
            self._style = None
            self.fields.set_dateline_style(self._dateline_style())
            if source is not self.spelling:
                self.spelling.reload_dictionary()
        if source is self or self.article is None:
            return
        if is_remote(source):
            assert isinstance(source, RemoteDesk)
            self.elsewhere.on_remote_changes(changes, source)
            return
        if self.article.id in changes.articles and not self.dirty:
            article_id = self.article.id
            view = self.ops.query(lambda: self.newsroom.articles.get(article_id))
            if view is not None:
                self.show_article(view)


def _bool(value: object) -> bool:
    # QSettings returns "true"/"false" strings from INI files.
    return value in (True, "true", "1", 1)
