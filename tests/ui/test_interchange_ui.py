"""The File menu's WordPress actions, driven on the real window with a real database."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from editor.changes import Changes
from editor.errors import InvalidInput
from editor.interchange.wxr_report import ImportReport
from editor.models import CommentStatus
from editor.progress import Progress
from editor.storage import Newsroom
from tests.editor.interchange.wxr_factory import write_wxr
from ui.interchange.summary import SummaryDialog, import_summary
from ui.mainwindow import MainWindow
from ui.ops import Ops

FIXTURES = Path(__file__).resolve().parents[1] / "editor" / "interchange" / "fixtures"


def _collect(window: MainWindow) -> list[tuple[str, str, list[str]]]:
    shown: list[tuple[str, str, list[str]]] = []
    window.interchange.show_summary = lambda title, headline, lines: shown.append(
        (title, headline, lines)
    )
    return shown


def test_the_file_menu_offers_every_interchange_action(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions() if not action.isSeparator()]
    wanted = [
        window.import_page_action.text(),
        window.interchange.import_wxr_action.text(),
        window.interchange.export_wxr_action.text(),
        window.interchange.export_decisions_action.text(),
    ]
    assert all(text in texts for text in wanted)
    assert texts.index(wanted[0]) < texts.index(wanted[1]) < texts.index(wanted[2])


def test_importing_runs_off_the_gui_thread_and_ends_with_a_summary(
    qtbot: QtBot, window: MainWindow, newsroom: Newsroom
) -> None:
    shown = _collect(window)
    stories_before = window.article_list.model.rowCount()
    job = window.interchange.import_wxr_file(FIXTURES / "newsroom-1.2.xml")
    assert job.dialog is not None and job.dialog.isVisible()
    qtbot.waitUntil(lambda: job.settled, timeout=60_000)
    assert job.worker_thread is not None and job.worker_thread != threading.get_ident()
    assert window.errors == []  # type: ignore[attr-defined]
    ((_title, headline, lines),) = shown
    assert "newsroom-1.2.xml" in headline
    joined = "\n".join(lines)
    for text in ("6", "7", "page", "pingback", "sports_result"):
        assert text in joined
    # The panels refreshed from the change bus: new stories and sections are listed.
    qtbot.waitUntil(lambda: window.article_list.model.rowCount() > stories_before)
    names = [node.name for node in newsroom.sections.tree()]
    assert "الطاقة" in names


def test_cancel_in_the_progress_dialog_leaves_everything_as_it_was(
    qtbot: QtBot, window: MainWindow, newsroom: Newsroom, tmp_path: Path
) -> None:
    big = write_wxr(tmp_path / "big.xml", posts=1500, comments_per_post=10, words_per_post=400)
    before = len(newsroom.articles.list_ids())
    job = window.interchange.import_wxr_file(big)
    assert job.dialog is not None
    with qtbot.waitSignal(job.progressed, timeout=30_000):
        pass
    cancel = job.dialog.findChild(QPushButton)
    assert cancel is not None
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: job.settled, timeout=120_000)
    assert job.is_cancelled()
    assert len(newsroom.articles.list_ids()) == before
    assert "cancelled" in window.statusBar().currentMessage().lower() or (
        "أُلغي" in window.statusBar().currentMessage()
        or "ألغي" in window.statusBar().currentMessage()
    )
    assert window.errors == []  # type: ignore[attr-defined]


def test_a_bad_file_is_a_message_not_a_crash(qtbot: QtBot, window: MainWindow) -> None:
    job = window.interchange.import_wxr_file(FIXTURES / "truncated.xml")
    qtbot.waitUntil(lambda: job.settled, timeout=30_000)
    (message,) = window.errors  # type: ignore[attr-defined]
    assert "line 6" in message


def test_exporting_the_newsroom_and_the_decisions(
    qtbot: QtBot, window: MainWindow, newsroom: Newsroom, tmp_path: Path
) -> None:
    shown = _collect(window)
    target = tmp_path / "site.xml"
    job = window.interchange.export_wxr_file(target)
    qtbot.waitUntil(lambda: job.settled, timeout=60_000)
    assert target.read_text("utf-8").rstrip().endswith("</rss>")
    assert str(target) in shown[-1][1]

    comment_id = newsroom.comments.list_ids(CommentStatus.PENDING)[0]
    newsroom.comments.set_status([comment_id], CommentStatus.SPAM)
    decisions = tmp_path / "decisions.json"
    job = window.interchange.export_decisions_file(decisions)
    qtbot.waitUntil(lambda: job.settled, timeout=30_000)
    assert decisions.exists()
    assert any("1" in line for line in shown[-1][2])
    assert newsroom.moderation.unsent_count() == 0


def test_the_summary_dialog_shows_plain_text_right_to_left(
    qtbot: QtBot, qapp: QApplication
) -> None:
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    report = ImportReport(path="site.xml", version="1.2")
    report.added["articles"] = 3
    report.skipped["post_type:page"] = 2
    headline, lines = import_summary(report)
    dialog = SummaryDialog("WordPress", headline, [*lines, "<b>ليس وسمًا</b>"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.isRightToLeft()
    assert "<b>ليس وسمًا</b>" in dialog.details.toPlainText()  # shown as written, not as HTML
    assert dialog.headline.textFormat() == Qt.TextFormat.PlainText


def test_the_background_helper_reports_progress_result_and_errors(
    qtbot: QtBot, window: MainWindow
) -> None:
    ops: Ops = window.ops
    described: list[Progress | None] = []
    results: list[object] = []
    announced: list[Changes] = []
    window.bus.changed.connect(lambda changes, source: announced.append(changes))

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        for n in range(3):
            progress(Progress(n + 1, 3, "step"))
        return Changes(tags=True)

    job = ops.run_in_background(
        work,
        title="t",
        describe=lambda p: described.append(p) or "",
        changes=lambda result: result,
        on_done=results.append,
    )
    qtbot.waitUntil(lambda: job.settled, timeout=10_000)
    assert results == [Changes(tags=True)] and announced == [Changes(tags=True)]
    # The dialog's label was worded from the work's progress, on the GUI thread.
    assert described[0] is None
    assert [p.done for p in described[1:] if p is not None] == [1, 2, 3]

    def failing(progress, cancelled):  # type: ignore[no-untyped-def]
        raise InvalidInput("nope")

    job = ops.run_in_background(failing, title="t", describe=lambda p: "")
    qtbot.waitUntil(lambda: job.settled, timeout=10_000)
    assert any("nope" in message for message in window.errors)  # type: ignore[attr-defined]


def test_closing_the_window_stops_a_running_import(
    qtbot: QtBot, window: MainWindow, newsroom: Newsroom, tmp_path: Path
) -> None:
    big = write_wxr(tmp_path / "big.xml", posts=1500, comments_per_post=10, words_per_post=400)
    before = len(newsroom.articles.list_ids())
    job = window.interchange.import_wxr_file(big)
    qtbot.waitUntil(lambda: job.worker_thread is not None, timeout=10_000)
    window.close()
    assert job.done and job.is_cancelled()
    assert len(newsroom.articles.list_ids()) == before
