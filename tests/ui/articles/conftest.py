"""The editor pane on its own, on a real seeded database, driven by keys and clicks."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from editor.dateline import Dateline
from editor.recovery import RecoveryStore
from editor.services.articles import ArticleDraft
from editor.storage import Newsroom
from ui.articles.editor_pane import ArticleEditorPane
from ui.bus import ChangeBus
from ui.ops import Ops

STORY = ArticleDraft(
    headline="الصين واليابان تبحثان أمن الطاقة في طوكيو",
    body_html="<p>قال وزير الخارجية إن المحادثات كانت مثمرة.</p>",
    dateline=Dateline("طوكيو", None, ("رويترز",)),
)


@pytest.fixture(autouse=True)
def clean_clipboard(qapp: QApplication) -> Iterator[None]:
    """Paste tests fill the clipboard; Qt crashes at exit if it still holds our data."""
    yield
    QApplication.clipboard().clear()


@pytest.fixture
def pane(
    qapp: QApplication, qtbot: QtBot, newsroom: Newsroom, settings: QSettings, tmp_path: Path
) -> Iterator[ArticleEditorPane]:
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    ops = Ops(ChangeBus())
    errors: list[str] = []
    ops.show_error = errors.append
    widget = ArticleEditorPane(
        newsroom, ops, settings=settings, recovery=RecoveryStore(tmp_path / "recovery")
    )
    widget.errors = errors  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.autosave.stop()


def open_story(pane: ArticleEditorPane, newsroom: Newsroom, **fields: object) -> int:
    """A new story in the database, opened in the pane."""
    draft = dataclasses.replace(STORY, **fields)  # type: ignore[arg-type]
    changes = newsroom.articles.create(draft)
    assert changes.new_id is not None
    pane.open_article(changes.new_id)
    assert pane.article is not None and pane.article.id == changes.new_id
    return changes.new_id
