"""Guard against PySide6 builds that leak references to None (6.12.0 on Python 3.11).

Such a build ends a long editing session in "Fatal Python error: none_dealloc";
the dependency pin keeps it out, and this test catches a build that slips in.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QTableView, QTextEdit

from editor.storage import Newsroom
from ui.articles.model import ArticleListModel

REPEATS = 1000
REPAINTS = 300


def test_none_refcount_does_not_fall(qapp: QApplication, newsroom: Newsroom) -> None:
    editor = QTextEdit()
    table = QTableView()
    model = ArticleListModel(newsroom)
    model.reload()
    table.setModel(model)
    table.show()
    editor.show()
    cursor = QTextCursor(editor.document())
    for _ in range(50):  # warm caches so one-time allocations don't count
        cursor.insertText("ت")
        editor.setFocus()
        qapp.processEvents()
    before = sys.getrefcount(None)
    for turn in range(REPEATS):
        cursor.insertText("ن")
        editor.setFocus()
        qapp.processEvents()
        if turn < REPAINTS:
            table.viewport().repaint()
    after = sys.getrefcount(None)
    # A leaking build loses one reference per call (thousands); allow noise.
    assert after >= before - 100, f"None refcount fell by {before - after}"
    editor.close()
    table.close()


def test_pyside_version_is_not_the_crashing_one() -> None:
    import PySide6

    if sys.version_info[:2] == (3, 11):
        assert not PySide6.__version__.startswith("6.12."), PySide6.__version__
