"""Pictures of the writing desk for docs/: an Arabic story, a mixed paragraph, a comparison.

    QT_QPA_PLATFORM=xcb DISPLAY=:99 .venv/bin/python scripts/screenshot_editor.py docs/

Writes editor-arabic-story.png, editor-mixed-paragraph.png and
editor-revision-comparison.png on a freshly seeded newsroom (Arabic interface).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MIXED_BODY = (
    "<p>زار الرئيس Joe Biden العاصمة طوكيو في 2024/06/10 (بتوقيت غرينتش +9)، والتقى"
    " رئيس الوزراء Fumio Kishida لمدة 90 دقيقة، ثم قال في مؤتمر صحفي:</p>"
    '<blockquote><p dir="ltr">"We are building a golden age together," he said.</p></blockquote>'
    "<p>وأضاف أن الاتفاق يشمل 7 معادن نادرة بقيمة 1.5 مليار دولار، وأن التوقيع جرى"
    " في قاعة Akasaka Palace.</p>"
    "<h2>ردود الفعل</h2>"
    "<p>وقالت وزارة الخارجية الصينية إن بكين «تتابع عن كثب» ما وصفته بمحاولات الاحتواء.</p>"
)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--size", default="1500x950")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication, QWidget

    from editor.storage import open_newsroom
    from ui.app import choose_font, create_application, install_language
    from ui.mainwindow import MainWindow

    app = create_application()
    install_language(app, "ar")
    choose_font(app)
    args.folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        newsroom = open_newsroom(str(Path(folder) / "newsroom.sqlite3"))
        settings = QSettings(str(Path(folder) / "midad.ini"), QSettings.Format.IniFormat)
        window = MainWindow(newsroom, settings)
        width, height = (int(x) for x in args.size.split("x"))
        window.resize(width, height)
        # The picture is of the editor: give it most of the width.
        window.article_splitter.setSizes([150, 330, width - 480])
        window.show()
        rows = newsroom.articles.rows(newsroom.articles.list_ids())
        seed = next(r.id for r in rows if r.headline.startswith("واشنطن وطوكيو"))
        editor = window.editor

        def save(widget: QWidget, name: str) -> None:
            QApplication.processEvents()
            widget.grab().save(str(args.folder / name))

        def arabic_story() -> None:
            window.article_list.select_id(seed)
            # A name the dictionary does not know yet, underlined as you type.
            editor.body.setFocus()
            editor.body.moveCursor(QTextCursor.MoveOperation.End)
            editor.body.insertPlainText(" وقال ترامب إن الاتفاق تاريخي.")
            QTimer.singleShot(600, lambda: (save(window, "editor-arabic-story.png"), mixed()))

        def mixed() -> None:
            view = newsroom.articles.get(seed)
            draft = dataclasses.replace(view.draft(), body_html=MIXED_BODY)
            created = newsroom.articles.create(draft).new_id
            assert created is not None
            window.article_list.clear_filter()
            window.article_list.select_id(created)
            cursor = editor.body.textCursor()
            cursor.setPosition(editor.body.toPlainText().index("Joe"))
            cursor.setPosition(
                editor.body.toPlainText().index("Biden") + len("Biden"),
                QTextCursor.MoveMode.KeepAnchor,
            )
            editor.body.setTextCursor(cursor)
            editor.body.setFocus()
            QTimer.singleShot(600, lambda: (save(window, "editor-mixed-paragraph.png"), history()))

        def history() -> None:
            window.article_list.select_id(seed)
            view = newsroom.articles.get(seed)
            edited = (
                view.body_html.replace("وقعت", "وقّعت", 1)
                .replace("الولايات", "الولايـات", 1)
                .replace("اتفاقية", "إتفاقية", 1)
                .replace("في محطة", "في خطوة", 1)
            )
            newsroom.articles.save(
                seed, dataclasses.replace(view.draft(), body_html=edited), base_version=view.version
            )
            editor.article = None
            editor.open_article(seed)
            dialog = editor.show_history()
            assert dialog is not None
            dialog.resize(width - 100, height - 150)
            QTimer.singleShot(600, lambda: finish(dialog))

        def finish(dialog: QWidget) -> None:
            save(dialog, "editor-revision-comparison.png")
            dialog.close()
            window.close()
            newsroom.close()
            app.exit(0)

        QTimer.singleShot(1200, arabic_story)
        return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
