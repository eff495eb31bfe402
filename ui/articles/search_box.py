"""The search box over the article list: stories, opened in the editor with their matches marked."""

from __future__ import annotations

from editor.search.base import SearchKind
from ui.search.pane import SearchPane


class ArticleSearch(SearchPane):
    kinds = frozenset({SearchKind.ARTICLE})
    # The editor opens beside the results: keep them, to open the next one.
    keep_results_on_open = True

    def placeholder(self) -> str:
        return self.tr("Search articles (Ctrl+Shift+F)")
