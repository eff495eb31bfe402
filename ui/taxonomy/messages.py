"""What a refused section or tag change says, in the reader's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from editor.errors import MidadError

CODES = frozenset(
    {
        "empty_name",
        "name_too_long",
        "duplicate_name",
        "invalid_slug",
        "slug_taken",
        "section_cycle",
        "section_not_empty",
        "taxonomy_changed",
    }
)


def taxonomy_sentence(error: MidadError) -> str:
    details = error.details
    locale = QLocale()
    code = error.code
    if code == "empty_name":
        return QCoreApplication.translate(
            "TaxonomyMessages", "A name cannot be empty. Nothing was changed."
        )
    if code == "name_too_long":
        return (
            QCoreApplication.translate(
                "TaxonomyMessages",
                "The name is %1 characters long; at most %2 fit. Nothing was changed.",
            )
            .replace("%1", locale.toString(int(details.get("length", 0))))
            .replace("%2", locale.toString(int(details.get("limit", 0))))
        )
    if code == "duplicate_name":
        return QCoreApplication.translate(
            "TaxonomyMessages",
            "“%1” already exists; the two differ only in spelling (white space, harakat or"
            " letter forms). Nothing was changed.",
        ).replace("%1", str(details.get("existing", "")))
    if code == "invalid_slug":
        return QCoreApplication.translate(
            "TaxonomyMessages",
            "A slug needs at least one letter or digit, and its WordPress form can hold at most"
            " 200 characters. Nothing was changed.",
        )
    if code == "slug_taken":
        return QCoreApplication.translate(
            "TaxonomyMessages", "The slug “%1” is already taken. Nothing was changed."
        ).replace("%1", str(details.get("slug", "")))
    if code == "section_cycle":
        return QCoreApplication.translate(
            "TaxonomyMessages",
            "A section cannot go inside itself or one of its own subsections. Nothing was changed.",
        )
    if code == "section_not_empty":
        return (
            QCoreApplication.translate(
                "TaxonomyMessages",
                "“%1” still files %2 stories: choose the section they move to."
                " Nothing was changed.",
            )
            .replace("%1", str(details.get("name", "")))
            .replace("%2", locale.toString(int(details.get("count", 0))))
        )
    return QCoreApplication.translate(
        "TaxonomyMessages",
        "Sections or tags changed since this step, so it cannot be undone or redone exactly."
        " Nothing was changed.",
    )
