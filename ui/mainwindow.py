"""The main window: the one place where panels are wired together.

Panels never reach into each other: they emit ``*_requested`` signals, the
window connects them, and every panel refreshes itself from the change bus.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.errors import MidadError
from editor.services.articles import ArticleFilter
from editor.storage import Newsroom
from ui.articles.editor_pane import ArticleEditorPane
from ui.articles.list_panel import ArticleListPanel
from ui.bus import ChangeBus
from ui.icons import icon
from ui.labels import role as role_label
from ui.messages import message_for
from ui.moderation.panel import ModerationPanel
from ui.ops import Ops
from ui.taxonomy.panels import SectionPanel, TagPanel


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

        self.sections = SectionPanel(newsroom, self.ops, self)
        self.tags = TagPanel(newsroom, self.ops, self)
        self.article_list = ArticleListPanel(newsroom, self)
        self.editor = ArticleEditorPane(newsroom, self.ops, self)
        self.moderation = ModerationPanel(newsroom, self.ops, self)

        taxonomy = QSplitter(Qt.Orientation.Vertical, self)
        taxonomy.setObjectName("taxonomySplitter")
        taxonomy.addWidget(_titled(self.tr("Sections"), self.sections))
        taxonomy.addWidget(_titled(self.tr("Tags"), self.tags))
        self.article_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.article_splitter.setObjectName("articleSplitter")
        self.article_splitter.addWidget(taxonomy)
        self.article_splitter.addWidget(self.article_list)
        self.article_splitter.addWidget(self.editor)
        self.article_splitter.setStretchFactor(0, 1)
        self.article_splitter.setStretchFactor(1, 3)
        self.article_splitter.setStretchFactor(2, 4)
        self.article_splitter.setSizes([200, 640, 600])
        self.taxonomy_splitter = taxonomy

        self.desks = QTabWidget(self)
        self.desks.setObjectName("desks")
        self.desks.setDocumentMode(True)
        self.desks.addTab(self.article_splitter, icon("articles"), self.tr("Articles"))
        self.desks.addTab(self.moderation, icon("comments"), self.tr("Comments"))
        self.setCentralWidget(self.desks)

        self._wire()
        self._build_menus()
        self._build_status_bar()
        self._restore_state()
        self.article_list.table.setFocus()

    # -- wiring ------------------------------------------------------------

    def _wire(self) -> None:
        for panel in (self.article_list, self.editor, self.sections, self.tags, self.moderation):
            self.bus.changed.connect(panel.on_changes)
        self.article_list.open_requested.connect(self.editor.open_article)
        self.sections.filter_requested.connect(
            lambda sid, name: self.article_list.set_filter(
                ArticleFilter(section_id=sid), self.tr("section %1").replace("%1", name)
            )
        )
        self.tags.filter_requested.connect(
            lambda tid, name: self.article_list.set_filter(
                ArticleFilter(tag_ids=(tid,)), self.tr("tag %1").replace("%1", name)
            )
        )

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_page_action = QAction(icon("import"), self.tr("Import article page…"), self)
        self.import_page_action.triggered.connect(self.import_page)
        file_menu.addAction(self.import_page_action)
        file_menu.addSeparator()
        quit_action = QAction(icon("quit"), self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for position, (name, key) in enumerate(
            ((self.tr("Articles"), "Ctrl+1"), (self.tr("Comments"), "Ctrl+2"))
        ):
            action = QAction(name, self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _=False, p=position: self.desks.setCurrentIndex(p))
            view_menu.addAction(action)
        focus_list = QAction(self.tr("Go to the article list"), self)
        focus_list.setShortcut(QKeySequence("Ctrl+L"))
        focus_list.triggered.connect(self.focus_article_list)
        view_menu.addAction(focus_list)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(icon("help"), self.tr("About Midad"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        actor = self.newsroom.actor
        self.user_label = QLabel(
            self.tr("%1 (%2)").replace("%1", actor.login).replace("%2", role_label(actor.role)),
            self,
        )
        self.user_label.setObjectName("userLabel")
        self.database_label = QLabel(self.newsroom.location, self)
        self.database_label.setObjectName("databaseLabel")
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.database_label)
        if self.newsroom.backup_path is not None:
            self.statusBar().showMessage(
                self.tr("The database was upgraded; a copy of the old one is at %1").replace(
                    "%1", str(self.newsroom.backup_path)
                )
            )

    # -- actions -----------------------------------------------------------

    def focus_article_list(self) -> None:
        self.desks.setCurrentIndex(0)
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
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.save_if_dirty()
        self.save_state()
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
