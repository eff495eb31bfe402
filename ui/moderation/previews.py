"""Full comments read ahead of the selection, so moving to the next one needs no query.

j through a queue shows comment after comment; reading each one as it is
shown puts a query in every key press. The comments just ahead (and a few
behind) are read together instead, a batch at a time, once the key press
that needed them has been painted. Anything this panel changes is
forgotten here, and a reload forgets everything, so what is shown is never
older than the queue's own rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from editor.services.comments import CommentView
from editor.storage import Newsroom
from ui.ops import Ops

AHEAD = 40
BEHIND = 5
# Read ahead again once fewer than this many of the next comments are known.
LOW = 10


class CommentPreviews:
    def __init__(self, newsroom: Newsroom, ops: Ops) -> None:
        self._newsroom = newsroom
        self._ops = ops
        self._views: dict[int, CommentView] = {}

    def take(self, comment_id: int) -> CommentView | None:
        """The comment in full: read ahead already, or read now."""
        view = self._views.get(comment_id)
        if view is None:
            view = self._ops.query(lambda: self._newsroom.comments.get(comment_id))
            if view is not None:
                self._views[comment_id] = view
        return view

    def read_around(self, current: int, ahead: Sequence[int], behind: Sequence[int] = ()) -> None:
        """Read the comments around the selection unless enough of them are known."""
        if all(i in self._views for i in (*ahead[:LOW], *behind[:1])):
            return
        # A queue far longer than what is around the selection: keep only that.
        keep = {current, *ahead[:AHEAD], *behind[:BEHIND]}
        self._views = {i: v for i, v in self._views.items() if i in keep}
        wanted = [i for i in (*ahead[:AHEAD], *behind[:BEHIND]) if i not in self._views]
        found = self._ops.query(lambda: self._newsroom.comments.views(wanted)) or []
        self._views.update((view.id, view) for view in found)

    def forget(self, ids: Iterable[int] | None = None) -> None:
        """Drop what changed (or everything): it is read again when shown."""
        if ids is None:
            self._views.clear()
            return
        for comment_id in ids:
            self._views.pop(comment_id, None)

    def __contains__(self, comment_id: int) -> bool:
        return comment_id in self._views
