"""What an import or export did, in the reader's language, and the dialog that shows it.

The core reports counts under stable codes (``ImportReport``); this module is
the one place they become sentences. Numbers are shown as "label: number" so
every sentence translates without plural forms.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor.interchange.wxr_export import ExportReport
from editor.interchange.wxr_report import ImportReport
from editor.progress import Progress
from editor.services.moderation import ExportResult
from ui.labels import comment_status


def _n(value: int) -> str:
    return QLocale().toString(value)


def _isolated(text: str) -> str:
    """A name, path or code set apart (FSI…PDI), so its direction never reorders the sentence."""
    return f"\u2068{text}\u2069"


def _added(kind: str) -> str:
    return {
        "articles": QCoreApplication.translate("Interchange", "Stories added: %1"),
        "comments": QCoreApplication.translate("Interchange", "Comments added: %1"),
        "sections": QCoreApplication.translate("Interchange", "Sections added: %1"),
        "tags": QCoreApplication.translate("Interchange", "Tags added: %1"),
        "users": QCoreApplication.translate(
            "Interchange", "Authors added (journalists, no password yet): %1"
        ),
    }.get(kind, kind + ": %1")


def _matched(kind: str) -> str:
    return {
        "articles": QCoreApplication.translate(
            "Interchange", "Stories already here, left as they are: %1"
        ),
        "comments": QCoreApplication.translate("Interchange", "Comments already here: %1"),
        "sections": QCoreApplication.translate("Interchange", "Sections already here: %1"),
        "tags": QCoreApplication.translate("Interchange", "Tags already here: %1"),
        "users": QCoreApplication.translate("Interchange", "Authors already here: %1"),
    }.get(kind, kind + ": %1")


def _skipped(code: str) -> str:
    kind, _, detail = code.partition(":")
    if kind == "post_type":
        text = QCoreApplication.translate("Interchange", "Skipped, not a story (type “%2”): %1")
        return text.replace("%2", _isolated(detail))
    if kind == "comment_type":
        text = QCoreApplication.translate("Interchange", "Skipped, not a reader comment (“%2”): %1")
        return text.replace("%2", _isolated(detail))
    if kind == "taxonomy":
        text = QCoreApplication.translate(
            "Interchange", "Skipped, terms of another kind (“%2”): %1"
        )
        return text.replace("%2", _isolated(detail))
    return {
        "auto_draft": QCoreApplication.translate(
            "Interchange", "Skipped, WordPress's automatic drafts: %1"
        ),
        "duplicate_post": QCoreApplication.translate(
            "Interchange", "Skipped, a second copy of the same post: %1"
        ),
        "duplicate_comment": QCoreApplication.translate(
            "Interchange", "Skipped, a second copy of the same comment: %1"
        ),
        "comments_of_skipped_posts": QCoreApplication.translate(
            "Interchange", "Skipped, comments on skipped items: %1"
        ),
    }.get(code, code + ": %1")


def _note(code: str) -> str:
    return {
        "replies_without_parent": QCoreApplication.translate(
            "Interchange",
            "Replies whose comment is not in the file (kept as top-level comments): %1",
        ),
        "reply_loops": QCoreApplication.translate(
            "Interchange", "Replies in a loop (cut, kept as top-level comments): %1"
        ),
        "bidi_headlines": QCoreApplication.translate(
            "Interchange", "Headlines with hidden direction controls (removed): %1"
        ),
        "bidi_comments": QCoreApplication.translate(
            "Interchange", "Comments with hidden direction controls (neutralised on screen): %1"
        ),
        "extra_categories": QCoreApplication.translate(
            "Interchange", "Extra categories of stories (the first one is the section): %1"
        ),
        "other_terms": QCoreApplication.translate(
            "Interchange", "Other terms on stories (post formats and the like, ignored): %1"
        ),
        "sections_without_parent": QCoreApplication.translate(
            "Interchange", "Sections whose parent is not in the file (placed at the top): %1"
        ),
        "section_parent_loops": QCoreApplication.translate(
            "Interchange", "Sections in a loop of parents (cut): %1"
        ),
        "unknown_post_status": QCoreApplication.translate(
            "Interchange", "Stories with an unknown status (imported as drafts): %1"
        ),
        "unknown_comment_status": QCoreApplication.translate(
            "Interchange", "Comments with an unknown status (imported as pending): %1"
        ),
        "long_headlines": QCoreApplication.translate(
            "Interchange", "Headlines longer than 500 characters (cut): %1"
        ),
        "posts_without_id": QCoreApplication.translate(
            "Interchange", "Posts without a site id (matched by headline and date): %1"
        ),
        "search_index_stopped": QCoreApplication.translate(
            "Interchange",
            "The search index update was stopped; the import is complete."
            " Rebuild the search index to find everything: %1",
        ),
        "search_index_failed": QCoreApplication.translate(
            "Interchange",
            "The search index could not be updated; the import is complete."
            " Rebuild the search index to find everything: %1",
        ),
        "rules_stopped": QCoreApplication.translate(
            "Interchange",
            "The moderation rules were stopped; the import is complete. Apply the rules"
            " from the moderation desk to judge the rest: %1",
        ),
        "rules_held": QCoreApplication.translate(
            "Interchange", "New comments held by the moderation rules: %1"
        ),
        "rules_blocked": QCoreApplication.translate(
            "Interchange", "New comments sent to spam by the moderation rules: %1"
        ),
        "rules_approved": QCoreApplication.translate(
            "Interchange", "New comments approved as from trusted authors: %1"
        ),
    }.get(code, code + ": %1")


def import_summary(report: ImportReport) -> tuple[str, list[str]]:
    """A headline and one line per fact, for the dialog at the end of an import."""
    headline = (
        QCoreApplication.translate("Interchange", "Imported the WordPress export %1 (%2).")
        .replace("%1", _isolated(Path(report.path).name))
        .replace("%2", _isolated(f"WXR {report.version}"))
    )
    lines: list[str] = []
    if report.declared_encoding:
        lines.append(
            QCoreApplication.translate(
                "Interchange",
                "The file declared the encoding %1 but its text is UTF-8; it was read as UTF-8.",
            ).replace("%1", _isolated(report.declared_encoding))
        )
    if not report.added:
        lines.append(
            QCoreApplication.translate(
                "Interchange", "Nothing new: everything in the file is already here."
            )
        )
    for kind in ("articles", "comments", "sections", "tags", "users"):
        if report.added[kind]:
            lines.append(_added(kind).replace("%1", _n(report.added[kind])))
    for kind in ("articles", "comments", "sections", "tags", "users"):
        if report.matched[kind]:
            lines.append(_matched(kind).replace("%1", _n(report.matched[kind])))
    if report.updated["comments"]:
        lines.append(
            QCoreApplication.translate(
                "Interchange", "Comments whose status was taken from the site: %1"
            ).replace("%1", _n(report.updated["comments"]))
        )
    for code, count in sorted(report.skipped.items()):
        lines.append(_skipped(code).replace("%1", _n(count)))
    for code, count in sorted(report.notes.items()):
        lines.append(_note(code).replace("%1", _n(count)))
    if report.disagreement_count:
        lines.append(
            QCoreApplication.translate(
                "Interchange",
                "Comments decided here that the site decided differently"
                " (the decision made here was kept): %1",
            ).replace("%1", _n(report.disagreement_count))
        )
        for item in report.disagreements:
            lines.append(
                QCoreApplication.translate(
                    "Interchange", "  comment %1 on “%2”: here %3, on the site %4"
                )
                .replace("%1", _n(item.site_id))
                .replace("%2", _isolated(item.article))
                .replace("%3", comment_status(item.local_status))
                .replace("%4", comment_status(item.site_status))
            )
    return headline, lines


def export_summary(report: ExportReport) -> tuple[str, list[str]]:
    headline = QCoreApplication.translate("Interchange", "Wrote the WordPress export %1.").replace(
        "%1", _isolated(report.path)
    )
    lines = [
        QCoreApplication.translate("Interchange", "Stories: %1").replace("%1", _n(report.articles)),
        QCoreApplication.translate("Interchange", "Comments: %1").replace(
            "%1", _n(report.comments)
        ),
        QCoreApplication.translate("Interchange", "Sections: %1").replace(
            "%1", _n(report.sections)
        ),
        QCoreApplication.translate("Interchange", "Tags: %1").replace("%1", _n(report.tags)),
        QCoreApplication.translate("Interchange", "Authors: %1").replace("%1", _n(report.authors)),
    ]
    if not report.private_details:
        lines.append(
            QCoreApplication.translate(
                "Interchange",
                "Readers' emails and addresses were left out: your role may not see them.",
            )
        )
    return headline, lines


def decisions_summary(result: ExportResult) -> tuple[str, list[str]]:
    headline = QCoreApplication.translate(
        "Interchange", "Wrote the moderation decisions for the site to %1."
    ).replace("%1", _isolated(str(result.path)))
    if not result.decisions:
        return headline, [
            QCoreApplication.translate(
                "Interchange", "No decisions were waiting to be sent; the file lists none."
            )
        ]
    return headline, [
        QCoreApplication.translate("Interchange", "Comments in the file: %1").replace(
            "%1", _n(result.comments)
        ),
        QCoreApplication.translate("Interchange", "Decisions marked as sent: %1").replace(
            "%1", _n(result.decisions)
        ),
    ]


def import_progress(progress: Progress | None) -> str:
    if progress is None:
        return QCoreApplication.translate("Interchange", "Opening the WordPress export…")
    if progress.stage == "rules":
        return QCoreApplication.translate(
            "Interchange", "Applying the moderation rules to the new comments…"
        )
    if progress.stage == "indexing":
        return (
            QCoreApplication.translate("Interchange", "Updating the search index: %1 of %2")
            .replace("%1", _n(progress.done))
            .replace("%2", _n(progress.total))
        )
    if progress.stage == "linking":
        return QCoreApplication.translate("Interchange", "Linking replies to their comments…")
    percent = int((progress.fraction or 0) * 100)
    return (
        QCoreApplication.translate(
            "Interchange", "Reading the export: %1% — %2 stories, %3 comments"
        )
        .replace("%1", _n(percent))
        .replace("%2", _n(progress.counts.get("articles", 0)))
        .replace("%3", _n(progress.counts.get("comments", 0)))
    )


def export_progress(progress: Progress | None) -> str:
    if progress is None:
        return QCoreApplication.translate("Interchange", "Preparing the WordPress export…")
    return (
        QCoreApplication.translate("Interchange", "Writing stories: %1 of %2")
        .replace("%1", _n(progress.done))
        .replace("%2", _n(progress.total))
    )


def decisions_progress(progress: Progress | None) -> str:
    return QCoreApplication.translate("Interchange", "Writing the moderation decisions…")


class SummaryDialog(QDialog):
    """The facts of an import or export: a headline and a read-only list of lines."""

    def __init__(
        self, title: str, headline: str, lines: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("interchangeSummary")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.headline = QLabel(headline, self)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setWeight(QFont.Weight.Bold)
        self.headline.setFont(font)
        layout.addWidget(self.headline)
        # QTextEdit, not QPlainTextEdit: the latter leaves Arabic lines left-aligned
        # (QTBUG-7516). setPlainText: what a file said is never read as HTML.
        self.details = QTextEdit(self)
        self.details.setObjectName("summaryLines")
        self.details.setReadOnly(True)
        self.details.setAcceptRichText(False)
        self.details.setPlainText("\n".join(lines))
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(640, 420)

    @classmethod
    def show_summary(
        cls, parent: QWidget | None, title: str, headline: str, lines: list[str]
    ) -> None:
        dialog = cls(title, headline, lines, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
