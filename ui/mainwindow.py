"""The main window: the one place where panels are wired together.

Panels never reach into each other: they emit ``*_requested`` signals, the
window connects them, and every panel refreshes itself from the change bus.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.changes import Changes
from editor.errors import MidadError
from editor.models import Role
from editor.search.highlight import Matcher
from editor.storage import Newsroom
from ui.articles.editor_pane import ArticleEditorPane
from ui.articles.list_panel import ArticleListPanel
from ui.articles.search_box import ArticleSearch
from ui.articles.search_highlight import SearchMarks
from ui.bus import ChangeBus
from ui.icons import icon
from ui.interchange.actions import InterchangeActions
from ui.labels import role as role_label
from ui.live import ConnectionStatus, RemoteDesk
from ui.messages import message_for
from ui.moderation.panel import ModerationPanel
from ui.moderation.search_box import CommentSearch
from ui.ops import Ops
from ui.search.actions import SearchActions
from ui.taxonomy.filter import TaxonomyFilter
from ui.taxonomy.panels import SectionPanel, TagPanel
from ui.workflow.actions import WorkflowActions
from ui.workflow.review_desk import ReviewDesk


class MainWindow(QMainWindow):
    def __init__(self, newsroom: Newsroom, settings: QSettings) -> None:
        super().__init__()
        self.newsroom = newsroom
        self.settings = settings
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Midad — newsroom desk"))
        self.setWindowIcon(icon("articles"))
        self.bus = ChangeBus(self)
        self.ops = Ops(self.bus, self)

        # Section and tag steps are undone here (Edit menu, Ctrl+Z).
        self.undo_stack = QUndoStack(self)
        self.sections = SectionPanel(newsroom, self.ops, self.undo_stack, self)
        self.tags = TagPanel(newsroom, self.ops, self.undo_stack, self)
        self.taxonomy_filter = TaxonomyFilter(newsroom, self)
        self.article_list = ArticleListPanel(newsroom, self)
        self.editor = ArticleEditorPane(newsroom, self.ops, self, settings=settings)
        self.moderation = ModerationPanel(newsroom, self.ops, self)
        # Search boxes stand over the two lists; their hits open as the lists' rows do.
        self.article_search = ArticleSearch(newsroom, self.article_list, self)
        self.comment_search = CommentSearch(newsroom, self.moderation, self)
        self.search_marks = SearchMarks(self.editor.body)
        self.search_actions = SearchActions(newsroom, self.ops, self)

        taxonomy = QSplitter(Qt.Orientation.Vertical, self)
        taxonomy.setObjectName("taxonomySplitter")
        taxonomy.addWidget(_titled(self.tr("Sections"), self.sections))
        taxonomy.addWidget(_titled(self.tr("Tags"), self.tags))
        self.article_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.article_splitter.setObjectName("articleSplitter")
        self.article_splitter.addWidget(taxonomy)
        self.article_splitter.addWidget(self.article_search)
        self.article_splitter.addWidget(self.editor)
        self.article_splitter.setStretchFactor(0, 1)
        self.article_splitter.setStretchFactor(1, 3)
        self.article_splitter.setStretchFactor(2, 4)
        self.article_splitter.setSizes([200, 520, 720])
        self.taxonomy_splitter = taxonomy

        self.desks = QTabWidget(self)
        self.desks.setObjectName("desks")
        self.desks.setDocumentMode(True)
        self.desks.addTab(self.article_splitter, icon("articles"), self.tr("Articles"))
        self.desks.addTab(self.comment_search, icon("comments"), self.tr("Comments"))
        # The comment search box sits beside the desks' tabs, over the whole
        # moderation view, which then keeps its height; shown with its tab only.
        search_bars = QStackedWidget(self.desks)
        search_bars.addWidget(QWidget(search_bars))
        search_bars.addWidget(self.comment_search.detach_bar())
        self.desks.setCornerWidget(search_bars, Qt.Corner.TopRightCorner)
        self.desks.currentChanged.connect(search_bars.setCurrentIndex)
        self.setCentralWidget(self.desks)

        # The review desk: a dock under the writing desk (the story stays in full
        # view above its changes). Open for editors; an admin opens it from View.
        self.review = ReviewDesk(newsroom, self.ops, self, before=self.editor.save_if_dirty)
        self.review_dock = QDockWidget(self.tr("Review desk"), self)
        self.review_dock.setObjectName("reviewDock")
        self.review_dock.setWidget(self.review)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.review_dock)
        self._show_review_desk()

        self._wire()
        self._build_menus()
        self._build_status_bar()
        self._wire_remote()
        self._restore_state()
        self.article_list.table.setFocus()
        # A newsroom opened without a complete search index builds one, in the background.
        QTimer.singleShot(0, self.search_actions.rebuild_if_needed)

    # -- wiring ------------------------------------------------------------

    def _wire(self) -> None:
        for panel in (self.article_list, self.editor, self.sections, self.tags, self.moderation):
            self.bus.changed.connect(panel.on_changes)
        self.article_list.open_requested.connect(self.editor.open_article)
        self.bus.changed.connect(self.review.on_changes)
        self.review.open_requested.connect(self.open_for_review)
        for pane in (self.article_search, self.comment_search):
            self.bus.changed.connect(pane.on_changes)
        self.article_search.opened.connect(self.open_search_hit)
        self.article_search.active_changed.connect(
            lambda active: None if active else self.search_marks.clear()
        )
        self.comment_search.opened.connect(lambda cid, _matcher: self.moderation.open_comment(cid))
        self.search_actions.message.connect(self.statusBar().showMessage)
        self.bus.changed.connect(self.search_actions.on_changes)
        for pane in (self.article_search, self.comment_search):
            self.search_actions.caught_up.connect(pane.refresh)
        # A story the editor opened itself (recovered text) is selected in the list.
        self.editor.select_requested.connect(
            lambda article_id: self.article_list.select_id(article_id, open_it=False)
        )
        self.bus.changed.connect(self.taxonomy_filter.on_changes)
        self.sections.filter_requested.connect(self.taxonomy_filter.set_section)
        self.tags.filter_requested.connect(self.taxonomy_filter.set_tags)
        self.taxonomy_filter.changed.connect(self.article_list.set_filter)
        for cleared in (
            self.taxonomy_filter.clear,
            self.sections.clear_selection,
            self.tags.clear_selection,
        ):
            self.article_list.filter_cleared.connect(cleared)

    def _wire_remote(self) -> None:
        """Other desks' changes reach the bus; a lost server shows, and unsaved text waits."""
        self.remote = RemoteDesk(self.newsroom, self.bus, self)
        self.ops.connection_lost = self.remote.report_unavailable
        self.remote.connection_changed.connect(self.connection_status.show_state)
        self.remote.reconnected.connect(self.editor.retry_save)
        self.editor.remote = self.remote

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_page_action = QAction(icon("import"), self.tr("Import article page…"), self)
        self.import_page_action.triggered.connect(self.import_page)
        file_menu.addAction(self.import_page_action)
        self.interchange = InterchangeActions(
            self.newsroom, self.ops, self, before_import=self.editor.save_if_dirty
        )
        self.interchange.cancelled.connect(self.statusBar().showMessage)
        file_menu.aboutToShow.connect(self.interchange.update_actions)
        file_menu.addAction(self.interchange.import_wxr_action)
        file_menu.addSeparator()
        file_menu.addAction(self.interchange.export_wxr_action)
        file_menu.addAction(self.interchange.export_decisions_action)
        file_menu.addSeparator()
        switch_user = QAction(self.tr("Switch user…"), self)
        switch_user.triggered.connect(self.switch_user)
        file_menu.addAction(switch_user)
        file_menu.addSeparator()
        quit_action = QAction(icon("quit"), self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = QAction(icon("undo"), self.tr("Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action = QAction(icon("redo"), self.tr("Redo"), self)
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(self.undo_stack.redo)
        self.undo_stack.indexChanged.connect(self._name_undo_steps)
        self._name_undo_steps()
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

        self.workflow = WorkflowActions(
            self.newsroom, self.ops, self._story_id, self, before=self.editor.save_if_dirty
        )
        self.menuBar().addMenu(self.workflow.menu)
        self.editor.conflicts.message.connect(self.statusBar().showMessage)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for position, (name, key) in enumerate(
            ((self.tr("Articles"), "Ctrl+1"), (self.tr("Comments"), "Ctrl+2"))
        ):
            action = QAction(name, self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _=False, p=position: self.desks.setCurrentIndex(p))
            view_menu.addAction(action)
        review = self.review_dock.toggleViewAction()
        review.setText(self.tr("Review desk"))
        review.setShortcut(QKeySequence("Ctrl+3"))
        view_menu.addAction(review)
        newsroom_log = QAction(self.tr("Newsroom activity log"), self)
        newsroom_log.triggered.connect(lambda: self.workflow.show_log(None))
        view_menu.addAction(newsroom_log)
        focus_list = QAction(self.tr("Go to the article list"), self)
        focus_list.setShortcut(QKeySequence("Ctrl+L"))
        focus_list.triggered.connect(self.focus_article_list)
        view_menu.addAction(focus_list)
        view_menu.addSeparator()
        for action in self.editor.view_actions():
            view_menu.addAction(action)

        find = QAction(icon("search"), self.tr("Search"), self)
        find.setShortcut(QKeySequence("Ctrl+Shift+F"))
        find.triggered.connect(self.focus_search)
        view_menu.addAction(find)

        tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        tools_menu.addAction(self.search_actions.rebuild_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(icon("help"), self.tr("About Midad"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        self.user_label = QLabel(self)
        self.user_label.setObjectName("userLabel")
        self._show_user()
        self.database_label = QLabel(self.newsroom.location, self)
        self.database_label.setObjectName("databaseLabel")
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.editor.counts)
        self.statusBar().addPermanentWidget(self.database_label)
        self.connection_status = ConnectionStatus(self)
        self.statusBar().addPermanentWidget(self.connection_status)
        if self.newsroom.backup_location is not None:
            self.statusBar().showMessage(
                self.tr("The database was upgraded; a copy of the old one is at %1").replace(
                    "%1", self.newsroom.backup_location
                )
            )

    # -- actions -----------------------------------------------------------

    def _show_user(self) -> None:
        actor = self.newsroom.actor
        self.user_label.setText(
            self.tr("%1 (%2)").replace("%1", actor.name).replace("%2", role_label(actor.role))
        )

    def switch_user(self) -> None:
        """Sign in as someone else without restarting; every panel re-reads what it shows."""
        from ui.workflow.sign_in import SignInDialog

        self.editor.save_if_dirty()
        self._remember_review_desk()
        if SignInDialog.get_actor(self.newsroom, self) is not None:
            self._show_user()
            self._show_review_desk()
            self.bus.announce(Changes(users=True), None)

    def _show_review_desk(self) -> None:
        """Open for editors the first time; after that, as this role last left it."""
        role = self.newsroom.actor.role
        allowed = ReviewDesk.allowed(role)
        remembered = self.settings.value(f"window/reviewDesk/{role.value}")
        wanted = role is Role.EDITOR if remembered is None else str(remembered) == "true"
        self.review_dock.setVisible(allowed and wanted)
        self.review_dock.toggleViewAction().setEnabled(allowed)

    def _story_id(self) -> int | None:
        """The story the Story menu acts on: the one open in the writing desk."""
        article = self.editor.article
        return article.id if article is not None else self.article_list.current_id()

    def open_for_review(self, article_id: int) -> None:
        """The review desk opened a story: show it in the writing desk too."""
        self.desks.setCurrentIndex(0)
        article = self.editor.article
        if article is not None and article.id == article_id and not self.editor.dirty:
            self.editor.reload_article()  # it may have changed since it was opened
        elif not self.article_list.select_id(article_id):
            self.editor.open_article(article_id)

    def _name_undo_steps(self) -> None:
        # Whole sentences rather than Qt's prefix + text, so each language words them itself.
        stack = self.undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.undo_action.setText(
            self.tr("Undo %1").replace("%1", stack.undoText())
            if stack.canUndo()
            else self.tr("Undo")
        )
        self.redo_action.setEnabled(stack.canRedo())
        self.redo_action.setText(
            self.tr("Redo %1").replace("%1", stack.redoText())
            if stack.canRedo()
            else self.tr("Redo")
        )

    def focus_search(self) -> None:
        pane = self.article_search if self.desks.currentIndex() == 0 else self.comment_search
        pane.focus_field()

    def open_search_hit(self, article_id: int, matcher: Matcher) -> None:
        self.editor.open_article(article_id)
        article = self.editor.article
        if article is not None and article.id == article_id:
            self.search_marks.show(matcher)

    def focus_article_list(self) -> None:
        self.desks.setCurrentIndex(0)
        self.article_search.clear()
        self.article_list.focus_list()

    def import_page(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import article page"), "", self.tr("Text files (*.txt);;All files (*)")
        )
        if path:
            self.import_page_file(Path(path))

    def import_page_file(self, path: Path) -> int | None:
        from editor.pagetext import read_page_text_file

        try:
            text = read_page_text_file(path)
        except MidadError as error:
            self.ops.show_error(message_for(error))
            return None
        changes = self.ops.change(lambda: self.newsroom.articles.import_page_text(text))
        if changes is None or changes.new_id is None:
            return None
        self.article_list.clear_filter()
        self.article_list.select_id(changes.new_id)
        return changes.new_id

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Midad"),
            self.tr("Midad, the offline Arabic newsroom desk.\nDatabase: %1").replace(
                "%1", self.newsroom.location
            ),
        )

    # -- state -------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)
        for key, splitter in (
            ("window/articleSplitter", self.article_splitter),
            ("window/taxonomySplitter", self.taxonomy_splitter),
            ("window/moderationSplitter", self.moderation.splitter),
        ):
            state = self.settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/articleSplitter", self.article_splitter.saveState())
        self.settings.setValue("window/taxonomySplitter", self.taxonomy_splitter.saveState())
        self.settings.setValue("window/moderationSplitter", self.moderation.splitter.saveState())
        self._remember_review_desk()
        self.settings.sync()

    def _remember_review_desk(self) -> None:
        role = self.newsroom.actor.role
        if ReviewDesk.allowed(role):
            shown = "true" if self.review_dock.isVisible() else "false"
            self.settings.setValue(f"window/reviewDesk/{role.value}", shown)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.save_if_dirty()
        self.editor.guard.release()
        self.save_state()
        # Long work still running (an import) stops and rolls back rather than
        # keep the application alive after its window has gone.
        self.ops.cancel_all()
        self.remote.stop()
        super().closeEvent(event)


def _titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 4)
    label = QLabel(title, box)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box
