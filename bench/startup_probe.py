"""Run by ``bench.startup`` in a fresh interpreter: start Midad up to the window shown.

    python -m bench.startup_probe DB [--diagnose]    the real start-up, as ui.app.run_app
    python -m bench.startup_probe --bare              QApplication + empty QMainWindow

Prints one JSON line of wall-clock marks (``time.time()``); the parent
subtracts the moment it spawned this process. ``--diagnose`` also records
every SQL statement and times each panel the main window builds.
"""

from __future__ import annotations

import time

T_MAIN = time.time()

import json  # noqa: E402  (the first mark is taken before anything else loads)
import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

PANELS = ("SectionPanel", "TagPanel", "ArticleListPanel", "ArticleEditorPane", "ModerationPanel")


def _bare(marks: dict[str, float]) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    marks["imported"] = time.time()
    app = QApplication(["midad-bench"])
    window = QMainWindow()
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    marks["shown"] = time.time()


def _time_panels(panels: dict[str, float]) -> None:
    """Wrap each panel's __init__ (in this process only) to time its construction."""
    import ui.mainwindow as mainwindow

    for name in PANELS:
        cls = getattr(mainwindow, name, None)
        if cls is None:  # renamed or gone: time the others
            continue
        original: Callable[..., None] = cls.__init__

        def timed_init(
            self: Any,
            *args: Any,
            _orig: Callable[..., None] = original,
            _name: str = name,
            **kwargs: Any,
        ) -> None:
            started = time.perf_counter()
            _orig(self, *args, **kwargs)
            panels[_name] = panels.get(_name, 0.0) + time.perf_counter() - started

        cls.__init__ = timed_init


def _midad(db: str, marks: dict[str, float], report: dict[str, Any], diagnose: bool) -> None:
    # The same steps, in the same order, as ui.app.run_app (minus app.exec()).
    from ui.app import (
        app_settings,
        choose_font,
        choose_language,
        create_application,
        install_language,
    )

    marks["imported"] = time.time()
    statements: list[list[Any]] = []
    if diagnose:
        from sqlalchemy import Engine, event

        def before(_c: Any, _cur: Any, sql: str, params: Any, _ctx: Any, many: bool) -> None:
            if not many:
                statements.append([sql, list(params or ())])

        event.listen(Engine, "before_cursor_execute", before)
    from ui.articles.spelling import SpellingSupport

    app = create_application(["midad"])
    settings = app_settings()
    SpellingSupport.preload(settings)
    install_language(app, choose_language(None, settings))
    choose_font(app)
    marks["app"] = time.time()
    from editor.storage import open_newsroom

    newsroom = open_newsroom(db, seed=False)
    marks["opened"] = time.time()
    from ui.mainwindow import MainWindow

    panels: dict[str, float] = {}
    if diagnose:
        _time_panels(panels)
    marks["ui_imported"] = time.time()
    window = MainWindow(newsroom, settings)
    marks["window"] = time.time()
    window.show()
    app.processEvents()
    marks["shown"] = time.time()
    article_list = getattr(window, "article_list", None)
    report["articles"] = article_list.model.rowCount() if article_list is not None else None
    report["panels"] = panels
    report["statements"] = statements
    newsroom.close()


def main(argv: list[str]) -> int:
    marks: dict[str, float] = {"main": T_MAIN}
    report: dict[str, Any] = {"marks": marks}
    if argv and argv[0] == "--bare":
        _bare(marks)
    elif argv:
        _midad(argv[0], marks, report, diagnose="--diagnose" in argv[1:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    sys.stdout.write(json.dumps(report, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()
    # Skip interpreter and Qt teardown: it is not part of start-up.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
