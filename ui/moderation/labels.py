"""Words for the moderation core's codes: rules, decision sources, the held_by record."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale


def rule_label(rule: str) -> str:
    return {
        "block_words": QCoreApplication.translate("ModerationLabels", "Blocked word"),
        "hold_words": QCoreApplication.translate("ModerationLabels", "Held word"),
        "links": QCoreApplication.translate("ModerationLabels", "Too many links"),
        "duplicate": QCoreApplication.translate("ModerationLabels", "Repeated text"),
        "trusted_author": QCoreApplication.translate("ModerationLabels", "Trusted author"),
    }.get(rule, rule)


def source_label(source: str) -> str:
    return {
        "manual": QCoreApplication.translate("ModerationLabels", "by hand"),
        "rule": QCoreApplication.translate("ModerationLabels", "by a rule"),
        "bulk": QCoreApplication.translate("ModerationLabels", "in bulk"),
        "undo": QCoreApplication.translate("ModerationLabels", "undone"),
        "import": QCoreApplication.translate("ModerationLabels", "imported"),
    }.get(source, source)


def reason_text(held_by: dict[str, Any] | None) -> str:
    """One line saying why a rule acted on a comment, or "" when none did."""
    if not isinstance(held_by, dict) or not held_by.get("rule"):
        return ""
    locale = QLocale()
    parts: list[str] = []
    rules = held_by.get("rules") or [held_by["rule"]]
    for rule in rules:
        label = rule_label(str(rule))
        if rule in ("block_words", "hold_words") and held_by.get("entries"):
            label += ": " + "، ".join(str(e) for e in held_by["entries"])
        elif rule == "links" and isinstance(held_by.get("links"), int):
            label += " (" + locale.toString(held_by["links"]) + ")"
        elif rule == "duplicate" and held_by.get("duplicate_of"):
            label += " " + QCoreApplication.translate("ModerationLabels", "(like #%1)").replace(
                "%1", ", #".join(str(i) for i in held_by["duplicate_of"])
            )
        parts.append(label)
    return " · ".join(parts)
