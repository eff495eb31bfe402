"""The moderation rules, edited by moderators and admins."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor.moderation.rules import MAX_LINKS_LIMIT, ModerationRules
from editor.moderation.words import clean_entries


class RulesDialog(QDialog):
    def __init__(self, rules: ModerationRules, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulesDialog")
        self.setWindowTitle(self.tr("Moderation rules"))
        self._rules = rules
        self.max_links = QSpinBox(self)
        self.max_links.setObjectName("maxLinks")
        self.max_links.setRange(0, MAX_LINKS_LIMIT)
        self.max_links.setSpecialValueText(self.tr("Off"))
        self.max_links.setValue(rules.max_links)
        self.hold_words = self._words("holdWords", rules.hold_words)
        self.block_words = self._words("blockWords", rules.block_words)
        self.trusted = QCheckBox(self.tr("Approve comments by authors approved before"), self)
        self.trusted.setObjectName("trustedAuthors")
        self.trusted.setChecked(rules.trust_approved_authors)
        self.duplicates = QCheckBox(self.tr("Hold the same text posted again within a week"), self)
        self.duplicates.setObjectName("flagDuplicates")
        self.duplicates.setChecked(rules.flag_duplicates)
        self.apply_now = QCheckBox(self.tr("Apply the rules to the pending queue now"), self)
        self.apply_now.setObjectName("applyNow")

        hint = QLabel(
            self.tr(
                "One word a line. Words match after normalisation (harakat, tatweel and letter"
                " forms do not matter), with the prefixes و ف ب ل ك ال and common endings,"
                " and never inside another word."
            ),
            self,
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Hold a comment with this many links"), self.max_links)
        form.addRow(self.tr("Hold words"), self.hold_words)
        form.addRow(self.tr("Block words (to spam)"), self.block_words)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.trusted)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.apply_now)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _words(self, name: str, words: tuple[str, ...]) -> QTextEdit:
        # QTextEdit, not QPlainTextEdit: each line takes its own direction
        # (Arabic right, Latin left); QPlainTextEdit aligns Arabic left (QTBUG-7516).
        edit = QTextEdit(self)
        edit.setObjectName(name)
        edit.setAcceptRichText(False)
        edit.setPlainText("\n".join(words))
        return edit

    def rules(self) -> ModerationRules:
        return replace(
            self._rules,
            max_links=self.max_links.value(),
            hold_words=tuple(clean_entries(self.hold_words.toPlainText().splitlines())[0]),
            block_words=tuple(clean_entries(self.block_words.toPlainText().splitlines())[0]),
            trust_approved_authors=self.trusted.isChecked(),
            flag_duplicates=self.duplicates.isChecked(),
        )

    @classmethod
    def edit(
        cls, rules: ModerationRules, parent: QWidget | None = None
    ) -> tuple[ModerationRules, bool] | None:
        """The edited rules and whether to apply them now, or None when cancelled.

        The one seam tests replace (like novelWriter's dialogs' class methods).
        """
        dialog = cls(rules, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.rules(), dialog.apply_now.isChecked()
        finally:
            dialog.deleteLater()
