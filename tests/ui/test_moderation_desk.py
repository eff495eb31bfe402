"""The moderation desk driven by keys (Latin and Arabic layouts) and by mouse."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from editor.models import CommentStatus, Role
from editor.moderation.rules import ModerationRules
from editor.storage import Newsroom
from tests.editor.test_moderation_rules import act_as_role, add_comments
from ui.mainwindow import MainWindow
from ui.moderation.keys import TriageKey, triage_key
from ui.moderation.panel import ModerationPanel
from ui.moderation.rules_dialog import RulesDialog

# The interface on both backends: what a desk on a shared server sees.
pytestmark = pytest.mark.both_backends

PENDING = CommentStatus.PENDING
APPROVED = CommentStatus.APPROVED
NO = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def press(
    widget: QWidget,
    text: str,
    key: int | None = None,
    modifiers: Qt.KeyboardModifier = NO,
    scan_code: int = 0,
) -> None:
    """One key press as a keyboard layout sends it: key code, text, and the physical key."""
    if key is None:
        key = ord(text.upper()) if text.isascii() and text.isalpha() else ord(text)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, modifiers, scan_code, 0, 0, text)
        QApplication.sendEvent(widget, event)
    QApplication.processEvents()


def counted(panel: ModerationPanel, qtbot: QtBot) -> None:
    """Wait for the queues' counts, which arrive from another thread."""
    qtbot.waitUntil(lambda: not panel.queue_counts.counting and bool(panel.counts))


@pytest.fixture
def desk(window: MainWindow, qtbot: QtBot) -> ModerationPanel:
    window.desks.setCurrentIndex(1)
    panel = window.moderation
    panel.table.setFocus()
    assert panel.current is not None
    counted(panel, qtbot)
    return panel


def click(panel: ModerationPanel, name: str, qtbot: QtBot) -> None:
    bar = panel.findChild(QToolBar, "moderationActions")
    assert bar is not None
    action = next(a for a in bar.actions() if a.objectName() == name)
    button = bar.widgetForAction(action)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_arriving_on_the_desk_puts_the_keys_on_the_queue(window: MainWindow, qtbot: QtBot) -> None:
    window.article_list.table.setFocus()
    window.desks.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.moderation.table.hasFocus())


def test_j_k_move_and_a_approves_then_shows_the_next(
    desk: ModerationPanel, newsroom: Newsroom
) -> None:
    ids = desk.model.ids()
    press(desk.table, "j")
    assert desk.current is not None and desk.current.id == ids[1]
    press(desk.table, "k")
    assert desk.current.id == ids[0]
    press(desk.table, "a")
    assert newsroom.comments.get(ids[0]).status is APPROVED
    assert desk.current is not None and desk.current.id == ids[1]
    assert desk.model.ids() == ids[1:]
    assert desk.queue_tabs.tabText(0).endswith(f"({QLocale().toString(len(ids) - 1)})")


@pytest.mark.parametrize(
    ("text", "status"),
    [("ش", APPROVED), ("س", CommentStatus.SPAM), ("ي", CommentStatus.TRASH)],
)
def test_the_arabic_layout_letters_decide(
    desk: ModerationPanel, newsroom: Newsroom, text: str, status: CommentStatus
) -> None:
    first = desk.model.ids()[0]
    press(desk.table, text)  # what the A, S, D keys type under the Arabic layout
    assert newsroom.comments.get(first).status is status
    press(desk.table, "ئ")  # z: undo
    assert newsroom.comments.get(first).status is PENDING
    assert desk.current is not None and desk.current.id == first


def test_arabic_layout_navigation_and_pending(desk: ModerationPanel, newsroom: Newsroom) -> None:
    ids = desk.model.ids()
    press(desk.table, "ت")  # j
    press(desk.table, "ت")
    press(desk.table, "ن")  # k
    assert desk.current is not None and desk.current.id == ids[1]
    desk.queue_tabs.setCurrentIndex(1)  # approved
    approved = desk.model.ids()[0]
    press(desk.table, "ع")  # u: back to pending
    assert newsroom.comments.get(approved).status is PENDING


def test_the_physical_key_is_the_fallback(desk: ModerationPanel, newsroom: Newsroom) -> None:
    first = desk.model.ids()[0]
    # A layout whose A key types neither a nor ش: XKB key code 38 is still A.
    press(desk.table, "ڤ", scan_code=38)
    assert newsroom.comments.get(first).status is APPROVED


def test_x_selects_and_shift_decides_the_selection_in_one_undoable_step(
    desk: ModerationPanel, newsroom: Newsroom
) -> None:
    ids = desk.model.ids()
    press(desk.table, "x")
    press(desk.table, "j")
    press(desk.table, "ء")  # x under the Arabic layout
    assert desk.model.marked == {ids[0], ids[1]}
    # Shift+A under the Arabic layout types a kasra.
    press(desk.table, "\u0650", key=0x650, modifiers=SHIFT, scan_code=38)
    assert {newsroom.comments.get(i).status for i in ids[:2]} == {APPROVED}
    assert newsroom.comments.get(ids[2]).status is PENDING
    assert desk.model.marked == set()
    press(desk.table, "z")
    assert {newsroom.comments.get(i).status for i in ids[:2]} == {PENDING}


def test_latin_shift_s_spams_the_whole_filtered_queue(
    desk: ModerationPanel, newsroom: Newsroom, qtbot: QtBot
) -> None:
    story = desk.current.article_id if desk.current else None
    desk.filters.set_story(story)
    in_story = desk.model.ids()
    others = newsroom.comments.counts()[PENDING] - len(in_story)
    click(desk, "markAll", qtbot)
    press(desk.table, "S", modifiers=SHIFT)
    assert newsroom.comments.counts()[PENDING] == others
    assert desk.model.rowCount() == 0
    press(desk.table, "z")
    assert newsroom.comments.counts()[PENDING] == others + len(in_story)


def test_question_mark_shows_the_keys(desk: ModerationPanel, qtbot: QtBot) -> None:
    press(desk.table, "؟", key=0x61F, modifiers=SHIFT, scan_code=61)
    assert desk.keys_dialog is not None
    qtbot.waitUntil(desk.keys_dialog.isVisible)
    desk.keys_dialog.close()
    press(desk.table, "?", key=Qt.Key.Key_Question, modifiers=SHIFT)
    assert desk.keys_dialog.isVisible()


def test_typing_in_the_note_never_triggers_triage(
    desk: ModerationPanel, newsroom: Newsroom
) -> None:
    from tests.ui.keys import type_text

    first = desk.model.ids()[0]
    desk.detail.note.setFocus()
    type_text(desk.detail.note, "شساي asd")
    assert newsroom.comments.get(first).status is PENDING
    desk.detail.note.editingFinished.emit()
    assert newsroom.comments.get(first).note == "شساي asd"


def test_every_action_by_mouse(desk: ModerationPanel, newsroom: Newsroom, qtbot: QtBot) -> None:
    ids = desk.model.ids()
    click(desk, "nextComment", qtbot)
    assert desk.current is not None and desk.current.id == ids[1]
    click(desk, "previousComment", qtbot)
    click(desk, "decide_spam", qtbot)
    assert newsroom.comments.get(ids[0]).status is CommentStatus.SPAM
    click(desk, "undoDecision", qtbot)
    assert newsroom.comments.get(ids[0]).status is PENDING
    click(desk, "markComment", qtbot)
    click(desk, "decideSelected_trash", qtbot)
    assert newsroom.comments.get(ids[0]).status is CommentStatus.TRASH
    qtbot.mouseClick(desk.help_button, Qt.MouseButton.LeftButton)
    assert desk.keys_dialog is not None and desk.keys_dialog.isVisible()


def test_a_held_comment_shows_why_and_highlights_the_words(
    desk: ModerationPanel, newsroom: Newsroom
) -> None:
    newsroom.moderation.set_rules(ModerationRules(hold_words=("سخيف", "فاشل")))
    newsroom.moderation.apply_to_pending()
    desk.reload()
    held = next(
        v
        for v in newsroom.comments.views(desk.model.ids())
        if v.held_by and v.held_by["rule"] == "hold_words"
    )
    desk.select_row(desk.model.row_of(held.id) or 0)
    assert desk.detail.reason.isVisible()
    assert "سخيف" in desk.detail.reason.text() or "فاشل" in desk.detail.reason.text()
    shown = desk.detail.text.toPlainText()
    marked = {shown[s : s + n] for s, n in desk.detail.highlights}
    assert marked and marked <= {"سخيف", "فاشل"}
    selections = desk.detail.text.extraSelections()
    assert [s.cursor.selectedText() for s in selections] == [
        shown[s : s + n] for s, n in desk.detail.highlights
    ]


def test_hostile_and_huge_comments_are_plain_text_and_scroll(
    desk: ModerationPanel, newsroom: Newsroom, qtbot: QtBot
) -> None:
    hostile = '<img src="file:///etc/passwd"><script>x()</script>\u202egpj.exe'
    huge = "ا" * 100_000
    a, b = add_comments(newsroom, {"text": hostile}, {"text": huge, "author_name": ""})
    desk.reload(keep_id=a)
    assert desk.detail.text.toPlainText() == hostile.replace("\u202e", "")
    desk.reload(keep_id=b)
    assert len(desk.detail.text.toPlainText()) == 100_000
    desk.detail.text.resize(400, 200)
    qtbot.waitUntil(lambda: desk.detail.text.verticalScrollBar().maximum() > 0)
    assert "(" in desk.detail.meta.text()  # "(anonymous)" in either language


def test_thread_and_author_history_follow_the_selection(
    desk: ModerationPanel, newsroom: Newsroom, qtbot: QtBot
) -> None:
    from sqlalchemy import select

    from editor.models import Comment

    with newsroom.read() as session:
        reply = session.scalar(
            select(Comment.id).where(
                Comment.parent_id.is_not(None), Comment.status == CommentStatus.PENDING
            )
        )
    assert reply is not None
    desk.select_row(desk.model.row_of(reply) or 0)
    qtbot.waitUntil(lambda: desk.detail.thread_list.count() >= 2)
    assert desk.detail.history_summary.text()
    parent_item = desk.detail.thread_list.item(0)
    parent_id = parent_item.data(Qt.ItemDataRole.UserRole)
    desk.detail.thread_list.itemActivated.emit(parent_item)
    assert desk.current is not None and desk.current.id == parent_id


def test_editors_do_not_see_emails_or_the_rules_button(
    qapp: QApplication, qtbot: QtBot, newsroom: Newsroom
) -> None:
    from ui.bus import ChangeBus
    from ui.ops import Ops

    act_as_role(newsroom, Role.EDITOR)
    panel = ModerationPanel(newsroom, Ops(ChangeBus()))
    qtbot.addWidget(panel)
    assert panel.current is not None
    assert "@" not in panel.detail.meta.text()
    assert not panel.rules_button.isVisibleTo(panel)
    assert panel.decision_actions[APPROVED].isVisible()


def test_rules_dialog_saves_and_applies(
    desk: ModerationPanel, newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    wanted = ModerationRules(block_words=("كازينو", "فاشل"))
    monkeypatch.setattr(RulesDialog, "edit", classmethod(lambda cls, rules, parent: (wanted, True)))
    before = newsroom.comments.counts()[CommentStatus.SPAM]
    qtbot.mouseClick(desk.rules_button, Qt.MouseButton.LeftButton)
    assert newsroom.moderation.rules().block_words == ("كازينو", "فاشل")
    assert newsroom.comments.counts()[CommentStatus.SPAM] > before
    counted(desk, qtbot)
    assert desk.counts[CommentStatus.SPAM] == newsroom.comments.counts()[CommentStatus.SPAM]


def test_rules_dialog_reads_its_fields(qtbot: QtBot) -> None:
    dialog = RulesDialog(ModerationRules(hold_words=("سخيف",)))
    qtbot.addWidget(dialog)
    dialog.block_words.setPlainText("كازينو\n.*\n\ncialis|viagra")
    dialog.max_links.setValue(0)
    dialog.trusted.setChecked(True)
    rules = dialog.rules()
    assert rules.block_words == ("كازينو", "cialis|viagra")
    assert rules.hold_words == ("سخيف",) and rules.max_links == 0
    assert rules.trust_approved_authors


def test_unsent_count_and_export(desk: ModerationPanel, newsroom: Newsroom, tmp_path: Path) -> None:
    press(desk.table, "a")
    press(desk.table, "s")
    assert desk.unsent == 2
    assert QLocale().toString(2) in desk.unsent_label.text()
    assert desk.export_button.isEnabled()
    desk.export_decisions_to(tmp_path / "d.json")
    assert (tmp_path / "d.json").exists()
    assert desk.unsent == 0 and not desk.export_button.isEnabled()


def test_filters_narrow_every_queue(
    desk: ModerationPanel, newsroom: Newsroom, qtbot: QtBot
) -> None:
    total = desk.model.rowCount()
    desk.filters.author.setText("خالد")
    desk.filters.author.editingFinished.emit()
    assert 0 < desk.model.rowCount() < total
    counted(desk, qtbot)
    assert sum(desk.counts.values()) < 42
    desk.filters.clear()
    assert desk.model.rowCount() == total
    desk.filters.load_stories()
    assert desk.filters.story.count() > 1
    desk.filters.story.setCurrentIndex(1)
    story = desk.filters.story.currentData()
    assert {r.article_id for r in newsroom.comments.rows(desk.model.ids())} == {story}
    desk.filters.dates.setChecked(True)  # the last week: the seed is older
    assert desk.model.rowCount() == 0 and desk.current is None


@pytest.mark.parametrize(
    ("text", "key", "modifiers", "expected"),
    [
        ("j", None, NO, TriageKey.NEXT),
        ("A", None, SHIFT, TriageKey.APPROVE_SELECTED),
        ("ش", None, NO, TriageKey.APPROVE),
        ("\u064d", 0x64D, SHIFT, TriageKey.SPAM_SELECTED),
        ("]", Qt.Key.Key_BracketRight, SHIFT, TriageKey.TRASH_SELECTED),
        ("`", Qt.Key.Key_QuoteLeft, SHIFT, TriageKey.PENDING_SELECTED),
        ("a", None, Qt.KeyboardModifier.ControlModifier, None),
        ("J", None, SHIFT, None),
        ("q", None, NO, None),
    ],
)
def test_triage_key_table(
    qapp: QApplication, text: str, key: int | None, modifiers: Qt.KeyboardModifier, expected: object
) -> None:
    code = key if key is not None else (ord(text.upper()) if text.isascii() else ord(text))
    event = QKeyEvent(QEvent.Type.KeyPress, code, modifiers, text)
    assert triage_key(event) == expected


def test_queue_model_with_marks_and_removals(qtmodeltester: object, newsroom: Newsroom) -> None:
    from ui.moderation.model import COMMENT, REASON, CommentQueueModel

    newsroom.moderation.set_rules(ModerationRules(max_links=2))
    newsroom.moderation.apply_to_pending()
    model = CommentQueueModel(newsroom)
    model.set_queue(PENDING)
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    ids = model.ids()
    assert any(model.data(model.index(r, REASON)) for r in range(model.rowCount()))
    index = model.index(0, COMMENT)
    assert model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    model.toggle_mark(1)
    assert model.marked_ids() == ids[:2]
    model.remove_ids([ids[0]])
    model.remove_ids(ids[2:4])
    assert model.ids() == [ids[1], *ids[4:]] and model.marked_ids() == [ids[1]]
    model.mark_all()
    assert model.marked_ids() == model.ids()
    model.set_queue(APPROVED)  # another queue: marks never travel
    assert model.marked == set()
