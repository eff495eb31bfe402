"""Every semantic icon name resolves to a real icon."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui.icons import ICONS, icon

UI = Path(__file__).resolve().parents[2] / "ui"


def test_every_name_resolves(qapp: QApplication) -> None:
    for name in ICONS:
        assert not icon(name).isNull(), name
        assert not icon(name).pixmap(16, 16).isNull(), name


def test_every_name_used_in_the_interface_exists() -> None:
    used = set()
    for path in UI.rglob("*.py"):
        used |= set(re.findall(r"\bicon\(\"([a-z_]+)\"\)", path.read_text("utf-8")))
    assert used, "no icon(...) calls found"
    assert used <= set(ICONS), used - set(ICONS)
