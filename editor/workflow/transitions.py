"""Which role may move a story from which status to which: one table, enforced here."""

from __future__ import annotations

from editor.models import ArticleStatus as S
from editor.models import Role

EDITORS = frozenset({Role.EDITOR, Role.ADMIN})
WRITERS = frozenset({Role.JOURNALIST, Role.EDITOR, Role.ADMIN})

# (from, to) -> roles that may make the move. Journalists act on their own
# stories only (checked in the service). "Unpublish" returns a published story
# to approved: it stays ready to publish again, and leaves the site.
TRANSITIONS: dict[tuple[S, S], frozenset[Role]] = {
    (S.DRAFT, S.SUBMITTED): WRITERS,
    (S.SUBMITTED, S.DRAFT): EDITORS,  # returned, with a note for the journalist
    (S.SUBMITTED, S.APPROVED): EDITORS,
    (S.APPROVED, S.DRAFT): EDITORS,
    (S.APPROVED, S.SCHEDULED): EDITORS,
    (S.APPROVED, S.PUBLISHED): EDITORS,
    (S.SUBMITTED, S.PUBLISHED): EDITORS,
    (S.SCHEDULED, S.PUBLISHED): EDITORS,
    (S.SCHEDULED, S.APPROVED): EDITORS,  # unscheduled
    (S.PUBLISHED, S.APPROVED): EDITORS,  # unpublished
}
# Any status may go to the trash, and come back to where it was.
TRASH_ROLES = EDITORS
OWN_DRAFT_TRASH_ROLES = WRITERS
# A return to draft needs a note the journalist will read.
NOTE_REQUIRED = frozenset({(S.SUBMITTED, S.DRAFT), (S.APPROVED, S.DRAFT)})


def allowed_targets(role: Role, current: S, *, own: bool) -> list[S]:
    """The statuses this role may move a story to from ``current`` (for menus)."""
    targets = [
        to
        for (src, to), roles in TRANSITIONS.items()
        if src == current and role in roles and (own or role is not Role.JOURNALIST)
    ]
    if current is not S.TRASH and (
        role in TRASH_ROLES or (own and current is S.DRAFT and role in OWN_DRAFT_TRASH_ROLES)
    ):
        targets.append(S.TRASH)
    return targets
