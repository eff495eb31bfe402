"""Save a picture of the section and tag panels on a freshly seeded newsroom.

    QT_QPA_PLATFORM=xcb DISPLAY=:99 \
        .venv/bin/python scripts/screenshot_taxonomy.py docs/taxonomy-panels.png

The picture shows what docs/taxonomy.md describes: the section tree with its
counts, the tag list with counts, two tags selected and the article list
filtered by them (any of the two), the filter named above the list.
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
    args = parser.parse_args()

    from PySide6.QtCore import QRect, QSettings, Qt, QTimer

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
        window.resize(1440, 900)
        window.article_splitter.setSizes([330, 700, 410])
        window.taxonomy_splitter.setSizes([360, 440])
        window.show()
        window.sections.view.expandAll()
        window.sections.select(newsroom.sections.find("اقتصاد") or 0)
        tags = window.tags
        tags.select([newsroom.tags.resolve("الصين"), newsroom.tags.resolve("الطاقة المتجددة")])
        tags.match.setCurrentIndex(1)  # any of them
        tags._request()
        tags.view.setFocus(Qt.FocusReason.OtherFocusReason)

        def shoot() -> None:
            picture = window.grab()
            left = window.article_list.mapTo(window, window.article_list.rect().topLeft())
            area = QRect(left.x() - 8, 0, window.width() - left.x() + 8, window.height())
            args.output.parent.mkdir(parents=True, exist_ok=True)
            ok = picture.copy(area).save(str(args.output))
            window.close()
            newsroom.close()
            app.exit(0 if ok else 1)

        QTimer.singleShot(1500, shoot)
        return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
