"""Save pictures of the editorial workflow on a freshly seeded newsroom.

    xvfb-run -s "-screen 0 1440x900x24" .venv/bin/python scripts/screenshot_workflow.py \
        review docs/review-desk.png
    xvfb-run -s "-screen 0 1440x900x24" .venv/bin/python scripts/screenshot_workflow.py \
        conflict docs/conflict-resolution.png

``review``: an editor has seen the submitted story once; the journalist then
changed its headline, a sentence and its tags; the editor opens it from the
review desk. ``conflict``: the editor is changing a story's headline and
standfirst when the journalist, on another desk, saves other ones; the editor
saves and the choice dialog opens.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PASSWORD = "كلمة-سر-للصورة"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("scene", choices=["review", "conflict"])
    parser.add_argument("output", type=Path)
    parser.add_argument("--lang", choices=["ar", "en"], default="ar")
    parser.add_argument("--size", default="1440x900")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QApplication, QWidget

    from editor.models import Role
    from editor.storage import Newsroom, open_newsroom
    from tests.ui.keys import type_text
    from ui.app import choose_font, create_application, install_language
    from ui.mainwindow import MainWindow

    app = create_application()
    install_language(app, args.lang)
    choose_font(app)
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "newsroom.sqlite3")
        newsroom = open_newsroom(db)
        newsroom.users.add("admin", Role.ADMIN, "المدير", PASSWORD)
        newsroom.users.sign_in("admin", PASSWORD)
        newsroom.users.add("hala", Role.EDITOR, "هالة يوسف", PASSWORD)
        newsroom.users.add("omar", Role.JOURNALIST, "عمر الخطيب", PASSWORD)
        journalist = open_newsroom(db)
        journalist.users.sign_in("omar", PASSWORD)
        newsroom.users.sign_in("hala", PASSWORD)

        def edit(desk: Newsroom, article_id: int, **fields: object) -> None:
            view = desk.articles.get(article_id)
            draft = dataclasses.replace(view.draft(), **fields)
            desk.articles.save(article_id, draft, base_version=view.version)

        story = newsroom.workflow.review_queue()[0]
        if args.scene == "review":
            newsroom.workflow.mark_seen(story)
            view = journalist.articles.get(story)
            first, _, rest = view.body_html.partition("</p>")
            edit(
                journalist,
                story,
                headline=view.headline.replace("يبلغ", "تتأهل إلى"),
                body_html=first.replace("،", " بعد فوز مستحق،", 1) + "</p>" + rest,
                tags=(*view.tags, "كرة السلة النسائية"),
            )
        settings = QSettings(str(Path(folder) / "midad.ini"), QSettings.Format.IniFormat)
        window = MainWindow(newsroom, settings)
        width, height = (int(x) for x in args.size.split("x"))
        window.resize(width, height)
        window.show()
        window.review_dock.show()
        target: list[QWidget] = [window]

        def grab(widget: QWidget) -> QPixmap:
            screen = widget.screen()
            picture = screen.grabWindow(0) if screen else QPixmap()
            return picture if not picture.isNull() else widget.grab()

        def shoot() -> None:
            widget = target[-1]
            # The dialog alone (no window manager draws its frame under Xvfb).
            picture = grab(widget) if widget is window else widget.grab()
            args.output.parent.mkdir(parents=True, exist_ok=True)
            ok = picture.save(str(args.output))
            modal = QApplication.activeModalWidget()
            if modal is not None:
                modal.close()
            QTimer.singleShot(0, lambda: finish(ok))

        def finish(ok: bool) -> None:
            window.editor.undo.mark_clean()  # the picture is taken; nothing to keep
            window.close()
            journalist.close()
            newsroom.close()
            app.exit(0 if ok else 1)

        if args.scene == "review":
            QApplication.processEvents()  # laid out first, or the dock keeps its hint
            window.resizeDocks([window.review_dock], [420], Qt.Orientation.Vertical)
            window.review.select_id(story)
            window.review.open_story(story)
            QTimer.singleShot(1500, shoot)
        else:
            rows = newsroom.articles.rows(newsroom.articles.list_ids())
            seed = next(r.id for r in rows if r.headline.startswith("واشنطن وطوكيو"))
            window.review_dock.hide()
            window.article_list.select_id(seed)
            editor = window.editor
            # Typed as a person types (key events), so the story is really unsaved.
            for field, text in (
                (editor.headline, "طوكيو وواشنطن تبرمان اتفاق المعادن النادرة"),
                (editor.standfirst, "اتفاق يضع المعادن النادرة في قلب التحالف بين البلدين"),
            ):
                field.setFocus()
                field.selectAll()
                type_text(field, text)
            seen = journalist.articles.get(seed)
            edit(
                journalist,
                seed,
                headline="واشنطن وطوكيو توقعان اتفاقًا تاريخيًا للمعادن النادرة",
                standfirst="الاتفاق يهدف إلى تقليص الاعتماد على الصين في سلاسل التوريد",
                byline=seen.byline or "عمر الخطيب – طوكيو",
            )

            def save() -> None:
                def wait_for_dialog() -> None:
                    modal = QApplication.activeModalWidget()
                    if modal is None:
                        QTimer.singleShot(100, wait_for_dialog)
                        return
                    target.append(modal)
                    QTimer.singleShot(1200, shoot)

                QTimer.singleShot(100, wait_for_dialog)
                editor.save()

            QTimer.singleShot(800, save)
        return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
