"""Save a picture of the main window on a freshly seeded newsroom.

    QT_QPA_PLATFORM=xcb DISPLAY=:99 \
        .venv/bin/python scripts/screenshot_main_window.py docs/main-window.png

Used for the README's screenshot and by the real-X11 test. The seed article
is selected, as a journalist would open it, before the picture is taken.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("output", type=Path)
    parser.add_argument("--lang", choices=["ar", "en"], default="ar")
    parser.add_argument("--size", default="1440x900")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings, QTimer

    from editor.storage import open_newsroom
    from ui.app import choose_font, create_application, install_language
    from ui.mainwindow import MainWindow

    app = create_application()
    install_language(app, args.lang)
    choose_font(app)
    with tempfile.TemporaryDirectory() as folder:
        newsroom = open_newsroom(str(Path(folder) / "newsroom.sqlite3"))
        settings = QSettings(str(Path(folder) / "midad.ini"), QSettings.Format.IniFormat)
        window = MainWindow(newsroom, settings)
        width, height = (int(x) for x in args.size.split("x"))
        window.resize(width, height)
        window.show()
        rows = newsroom.articles.rows(newsroom.articles.list_ids())
        seed = next(r.id for r in rows if r.headline.startswith("واشنطن وطوكيو"))
        window.article_list.select_id(seed)

        def shoot() -> None:
            screen = window.screen()
            picture = screen.grabWindow(0) if screen else window.grab()
            if picture.isNull():
                picture = window.grab()
            args.output.parent.mkdir(parents=True, exist_ok=True)
            ok = picture.save(str(args.output))
            window.close()
            newsroom.close()
            app.exit(0 if ok else 1)

        QTimer.singleShot(1500, shoot)
        return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
