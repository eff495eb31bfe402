"""Triage keys by physical position, so they work under an Arabic keyboard layout too.

With the Arabic layout active, the key marked A types ش and Qt reports an
Arabic key code, so a shortcut on "A" never fires. A key press is therefore
read three ways, first match wins:

1. a Latin letter key (any Latin layout, Dvorak included: the letter printed);
2. the character the standard Arabic layout types on that key (ش for a,
   and with Shift its second level: ِ for A);
3. the physical key: XKB key codes on X11 and Wayland (``nativeScanCode``),
   virtual-key codes on Windows and macOS (``nativeVirtualKey``), which stay
   the same whatever the layout.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent


class TriageKey(enum.Enum):
    NEXT = "j"
    PREVIOUS = "k"
    APPROVE = "a"
    SPAM = "s"
    TRASH = "d"
    PENDING = "u"
    UNDO = "z"
    SELECT = "x"
    APPROVE_SELECTED = "A"
    SPAM_SELECTED = "S"
    TRASH_SELECTED = "D"
    PENDING_SELECTED = "U"
    HELP = "?"


_BY_LETTER = {key.value: key for key in TriageKey}
# Letters whose Shift form means something (the others ignore Shift).
_SHIFTED = {"a", "s", "d", "u"}

# The standard Arabic layout (xkb "ara"), unshifted and shifted, key by key.
ARABIC_LAYOUT = {
    "ش": "a",
    "س": "s",
    "ي": "d",
    "ع": "u",
    "ت": "j",
    "ن": "k",
    "ئ": "z",
    "ء": "x",
}
ARABIC_LAYOUT_SHIFTED = {
    "\u0650": "a",  # kasra
    "\u064d": "s",  # kasratan
    "]": "d",
    "`": "u",
    "؟": "/",
}
# XKB key codes (evdev + 8), the same under X11 and Wayland for every layout.
XKB_KEYCODES = {38: "a", 39: "s", 40: "d", 30: "u", 44: "j", 45: "k", 52: "z", 53: "x", 61: "/"}
# Windows virtual-key codes are the Latin letters' codes whatever the layout.
WINDOWS_VK = {ord(c.upper()): c for c in "asdujkzx"} | {0xBF: "/"}
# macOS kVK_ANSI_* codes.
MAC_VK = {0x00: "a", 0x01: "s", 0x02: "d", 0x20: "u", 0x26: "j", 0x28: "k", 0x06: "z"} | {
    0x07: "x",
    0x2C: "/",
}

_BLOCKING = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def _physical(event: QKeyEvent) -> str | None:
    platform = QGuiApplication.platformName()
    if platform == "windows":
        return WINDOWS_VK.get(event.nativeVirtualKey())
    if platform == "cocoa":
        return MAC_VK.get(event.nativeVirtualKey())
    return XKB_KEYCODES.get(event.nativeScanCode())


def _letter(event: QKeyEvent, shift: bool) -> str | None:
    key = event.key()
    if Qt.Key.Key_A <= key <= Qt.Key.Key_Z:
        return chr(key).lower()
    if key == Qt.Key.Key_Question:
        return "/"
    text = event.text()
    if text in ARABIC_LAYOUT:
        return ARABIC_LAYOUT[text]
    if shift and text in ARABIC_LAYOUT_SHIFTED:
        return ARABIC_LAYOUT_SHIFTED[text]
    if text == "?":
        return "/"
    return _physical(event)


def triage_key(event: QEvent) -> TriageKey | None:
    """The triage action a key press means, or None (typing elsewhere is never caught here)."""
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return None
    modifiers = event.modifiers()
    if modifiers & _BLOCKING:
        return None
    shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
    letter = _letter(event, shift)
    if letter is None:
        return None
    if letter == "/":
        # "?" is Shift+/ on the keyboards we know; a "?" without Shift
        # (another layout) still asks for help.
        return TriageKey.HELP if shift or event.key() == Qt.Key.Key_Question else None
    if shift:
        return _BY_LETTER.get(letter.upper()) if letter in _SHIFTED else None
    return _BY_LETTER.get(letter)
