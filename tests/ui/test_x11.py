"""The main window in a real X11 window (Xvfb), as a person's screen shows it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parents[2]


def _free_display() -> int:
    for number in range(120, 200):
        if (
            not Path(f"/tmp/.X{number}-lock").exists()
            and not Path(f"/tmp/.X11-unix/X{number}").exists()
        ):
            return number
    raise RuntimeError("no free X display number")


@pytest.fixture
def xvfb() -> Iterator[str]:
    binary = shutil.which("Xvfb")
    assert binary, "Xvfb is missing: ./test.sh installs the xvfb package"
    number = _free_display()
    server = subprocess.Popen(
        [binary, f":{number}", "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        assert server.poll() is None, "Xvfb exited at start"
        assert time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.05)
    yield f":{number}"
    server.terminate()
    server.wait(10)


def test_main_window_in_a_real_x_window(xvfb: str, tmp_path: Path) -> None:
    picture = tmp_path / "main-window.png"
    env = dict(os.environ, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb")
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "screenshot_main_window.py"), str(picture)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1440, 900)
    # A real window has many colours (text, icons, selection), a blank screen one.
    colours = {image.pixel(x, y) for x in range(0, 1440, 7) for y in range(0, 900, 7)}
    assert len(colours) > 50
    # Right to left: the menu bar's first menu (File) sits at the right edge.
    right, left = image.copy(1240, 0, 200, 30), image.copy(0, 0, 200, 30)
    assert _ink(right) > _ink(left)


def _ink(image: QImage) -> int:
    """How many dark pixels (text) a strip holds."""
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if QImage.pixelColor(image, x, y).lightness() < 100
    )
