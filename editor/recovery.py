"""Crash recovery: unsaved edits kept in a local file until they reach the database.

The editor writes the story it is editing here a moment after each change and
removes the file once the story is saved. If Midad is killed in between, the
next start finds the file and offers the text back. Files are local to the
machine (the crash was), named by newsroom and article, and written
atomically (temporary file, fsync, rename) so a crash during the write leaves
the previous copy intact.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.dateline import Dateline
from editor.models import utcnow
from editor.services.articles import ArticleDraft

__all__ = ["RecoveredDraft", "RecoveryStore", "draft_from_json", "draft_to_json"]

FORMAT_VERSION = 1
_SAFE_NAME = re.compile(r"[^A-Za-z0-9_-]")


def draft_to_json(draft: ArticleDraft) -> dict[str, Any]:
    return {
        "headline": draft.headline,
        "standfirst": draft.standfirst,
        "body_html": draft.body_html,
        "dateline": {
            "place": draft.dateline.place,
            "date": draft.dateline.date.isoformat() if draft.dateline.date else None,
            "sources": list(draft.dateline.sources),
        },
        "byline": draft.byline,
        "section_id": draft.section_id,
        "tags": list(draft.tags),
    }


def draft_from_json(data: dict[str, Any]) -> ArticleDraft:
    dateline = data.get("dateline") or {}
    date = dateline.get("date")
    section = data.get("section_id")
    return ArticleDraft(
        headline=str(data.get("headline") or ""),
        standfirst=str(data.get("standfirst") or ""),
        body_html=str(data.get("body_html") or ""),
        dateline=Dateline(
            str(dateline.get("place") or ""),
            dt.date.fromisoformat(date) if date else None,
            tuple(str(s) for s in dateline.get("sources") or ()),
        ),
        byline=str(data.get("byline") or ""),
        section_id=int(section) if section is not None else None,
        tags=tuple(str(t) for t in data.get("tags") or ()),
    )


@dataclass(frozen=True)
class RecoveredDraft:
    """Edits to one story that never reached the database."""

    newsroom_id: str
    article_id: int
    base_version: int  # the version the edits started from
    draft: ArticleDraft
    written: dt.datetime  # naive UTC, like every stored time

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            "newsroom_id": self.newsroom_id,
            "article_id": self.article_id,
            "base_version": self.base_version,
            "written": self.written.isoformat(timespec="seconds"),
            "draft": draft_to_json(self.draft),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RecoveredDraft:
        return cls(
            newsroom_id=str(data["newsroom_id"]),
            article_id=int(data["article_id"]),
            base_version=int(data["base_version"]),
            draft=draft_from_json(dict(data["draft"])),
            written=dt.datetime.fromisoformat(str(data["written"])),
        )


class RecoveryStore:
    """A folder of recovery files, one per newsroom and story."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def default(cls) -> RecoveryStore:
        from editor.storage import default_data_dir

        return cls(default_data_dir() / "recovery")

    def _path(self, newsroom_id: str, article_id: int) -> Path:
        return self.folder / f"{_SAFE_NAME.sub('_', newsroom_id)}-{article_id}.json"

    def put(
        self, newsroom_id: str, article_id: int, base_version: int, draft: ArticleDraft
    ) -> RecoveredDraft:
        record = RecoveredDraft(newsroom_id, article_id, base_version, draft, utcnow())
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self._path(newsroom_id, article_id)
        data = json.dumps(record.to_json(), ensure_ascii=False).encode("utf-8")
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _sync_folder(self.folder)
        return record

    def discard(self, newsroom_id: str, article_id: int) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._path(newsroom_id, article_id).unlink()

    def pending(self, newsroom_id: str) -> list[RecoveredDraft]:
        """What this newsroom left unsaved, newest first; unreadable files are skipped."""
        prefix = f"{_SAFE_NAME.sub('_', newsroom_id)}-"
        found: list[RecoveredDraft] = []
        if not self.folder.is_dir():
            return found
        for path in self.folder.glob(f"{prefix}*.json"):
            try:
                record = RecoveredDraft.from_json(json.loads(path.read_text("utf-8")))
            except (OSError, ValueError, KeyError, TypeError):
                continue
            if record.newsroom_id == newsroom_id:
                found.append(record)
        return sorted(found, key=lambda r: r.written, reverse=True)


def _sync_folder(folder: Path) -> None:
    # The rename is only durable once the folder itself is on disk.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
