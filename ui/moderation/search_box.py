"""The search box over the moderation view: comments, opened in their queue."""

from __future__ import annotations

from editor.search.base import SearchKind
from ui.search.pane import SearchPane


class CommentSearch(SearchPane):
    kinds = frozenset({SearchKind.COMMENT})
    # A comment opens in its queue, which the results stand over: give it back.
    keep_results_on_open = False

    def placeholder(self) -> str:
        return self.tr("Search comments (Ctrl+Shift+F)")
