"""Newsroom-wide settings kept in the database, so every desk shares them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from editor.changes import Changes
from editor.dateline import DatelineStyle, DigitStyle, MonthStyle
from editor.errors import InvalidInput
from editor.models import Setting
from editor.permissions import Action, require

if TYPE_CHECKING:
    from editor.storage import Newsroom

DATELINE_MONTHS = "dateline.months"
DATELINE_DIGITS = "dateline.digits"
DATELINE_HIJRI = "dateline.hijri"


class SettingsService:
    def __init__(self, newsroom: Newsroom) -> None:
        self._newsroom = newsroom

    def get(self, key: str, default: Any = None) -> Any:
        with self._newsroom.read() as session:
            setting = session.get(Setting, key)
            return default if setting is None else setting.value

    def set(self, key: str, value: Any) -> Changes:
        require(self._newsroom.actor.role, Action.EDIT_SETTINGS)
        with self._newsroom.write() as session:
            setting = session.get(Setting, key)
            if setting is None:
                session.add(Setting(key=key, value=value))
            else:
                setting.value = value
        return Changes(settings=True)

    def dateline_style(self) -> DatelineStyle:
        try:
            return DatelineStyle(
                months=MonthStyle(self.get(DATELINE_MONTHS, MonthStyle.EGYPTIAN.value)),
                digits=DigitStyle(self.get(DATELINE_DIGITS, DigitStyle.WESTERN.value)),
                hijri=bool(self.get(DATELINE_HIJRI, False)),
            )
        except ValueError:
            # A value written by a newer Midad: fall back rather than refuse to start.
            return DatelineStyle()

    def set_dateline_style(self, style: DatelineStyle) -> Changes:
        if not isinstance(style.months, MonthStyle) or not isinstance(style.digits, DigitStyle):
            raise InvalidInput("Unknown dateline style", field="dateline")
        changes = self.set(DATELINE_MONTHS, style.months.value)
        changes |= self.set(DATELINE_DIGITS, style.digits.value)
        return changes | self.set(DATELINE_HIJRI, style.hijri)
