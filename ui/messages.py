"""Core error codes turned into sentences a person can act on, in their language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.errors import MidadError
from ui.taxonomy.messages import CODES as TAXONOMY_CODES
from ui.taxonomy.messages import taxonomy_sentence


def message_for(error: MidadError) -> str:
    """A translated sentence for a core error; the English detail follows for support."""
    where = str(error.details.get("path") or error.details.get("where") or "")
    texts = {
        "not_midad_database": QCoreApplication.translate(
            "Messages",
            "This file is not a Midad newsroom database. It was left untouched.",
        ),
        "database_too_new": QCoreApplication.translate(
            "Messages",
            "This database was written by a newer version of Midad. Update Midad to open it;"
            " the database was left untouched.",
        ),
        "database_locked": QCoreApplication.translate(
            "Messages",
            "The database is busy in another program. Nothing was changed; try again in a moment.",
        ),
        "storage_unavailable": QCoreApplication.translate(
            "Messages",
            "The data folder cannot be written. Choose another location with --db.",
        ),
        "server_unavailable": QCoreApplication.translate(
            "Messages",
            "The newsroom's database server cannot be reached. Nothing was changed;"
            " check the network and try again.",
        ),
        "password_refused": QCoreApplication.translate(
            "Messages",
            "The database server refused the user name or password, or asked for a password"
            " that was not given.",
        ),
        "keyring_unavailable": QCoreApplication.translate(
            "Messages",
            "The password could not be kept in the system keyring; Midad will ask for it"
            " next time.",
        ),
        "disk_full": QCoreApplication.translate(
            "Messages",
            "The disk is full. Nothing was saved; free some space and try again.",
        ),
        "not_found": QCoreApplication.translate(
            "Messages",
            "This item no longer exists; it may have been deleted on another desk.",
        ),
        "permission_denied": QCoreApplication.translate(
            "Messages",
            "Your role does not allow this.",
        ),
        "conflict": QCoreApplication.translate(
            "Messages",
            "Someone else saved this story after you opened it. Your text is kept in the editor.",
        ),
        "page_text": QCoreApplication.translate(
            "Messages",
            "This file is not an article page that Midad can read.",
        ),
        "invalid_input": QCoreApplication.translate(
            "Messages",
            "Please check what you entered.",
        ),
    }
    sentence = texts.get(
        error.code,
        QCoreApplication.translate(
            "Messages",
            "Something went wrong.",
        ),
    )
    if error.code == "interchange":
        sentence = _interchange(str(error.details.get("reason", "")))
    elif error.code == "cancelled":
        sentence = QCoreApplication.translate(
            "Messages", "The work was cancelled; nothing was changed."
        )
    elif error.code in TAXONOMY_CODES:
        sentence = taxonomy_sentence(error)
    detail = error.message + (f"\n{where}" if where and where not in error.message else "")
    return f"{sentence}\n\n{detail}"


def _interchange(reason: str) -> str:
    """Why a WordPress file could not be read or written, in the reader's language."""
    texts = {
        "not_wxr": QCoreApplication.translate(
            "Messages", "This file is not a WordPress export (WXR). Nothing was imported."
        ),
        "malformed": QCoreApplication.translate(
            "Messages",
            "This WordPress export is damaged: it is cut short or not well-formed."
            " Nothing was imported.",
        ),
        "doctype": QCoreApplication.translate(
            "Messages",
            "This file declares a DOCTYPE, which a WordPress export never does; Midad refuses"
            " it for safety. Nothing was imported.",
        ),
        "encoding": QCoreApplication.translate(
            "Messages",
            "The text of this file is not in the encoding it declares. Nothing was imported.",
        ),
        "too_large": QCoreApplication.translate(
            "Messages",
            "This file holds a single text larger than 10 MB, more than Midad reads."
            " Nothing was imported.",
        ),
        "unwritable": QCoreApplication.translate(
            "Messages", "The file cannot be written there. Choose another folder."
        ),
    }
    return texts.get(
        reason,
        QCoreApplication.translate("Messages", "This file cannot be read."),
    )
