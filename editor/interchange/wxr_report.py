"""What an import did: counts under stable codes, for the interface and the command line."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from editor.changes import Changes
from editor.models import CommentStatus


@dataclass(frozen=True)
class SiteDisagreement:
    """A comment decided here whose status on the site is different."""

    comment_id: int
    site_id: int
    article: str
    local_status: CommentStatus
    site_status: CommentStatus


@dataclass
class ImportReport:
    """What an import did. Counter keys are stable codes the interface puts into words."""

    path: str
    version: str = ""
    added: Counter[str] = field(default_factory=Counter)
    matched: Counter[str] = field(default_factory=Counter)
    # Comments already here whose status was taken from the site.
    updated: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    notes: Counter[str] = field(default_factory=Counter)
    disagreements: list[SiteDisagreement] = field(default_factory=list)
    disagreement_count: int = 0
    # The encoding the file declared when its text was really UTF-8.
    declared_encoding: str | None = None
    changes: Changes = field(default_factory=Changes)
    # The ids the import gave its new rows (the search index is brought up to date for them).
    article_ids: range = range(0)
    comment_ids: range = range(0)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.path,
            "wxr_version": self.version,
            "added": dict(self.added),
            "already_here": dict(self.matched),
            "updated": dict(self.updated),
            "skipped": dict(self.skipped),
            "notes": dict(self.notes),
            "declared_encoding": self.declared_encoding,
            "site_disagrees": {
                "count": self.disagreement_count,
                "comments": [
                    {
                        "comment_id": d.comment_id,
                        "site_comment_id": d.site_id,
                        "article": d.article,
                        "here": d.local_status.value,
                        "site": d.site_status.value,
                    }
                    for d in self.disagreements
                ],
            },
        }
