"""Who may do what: the single place the core checks roles.

The workflow issue refines the table (status transitions per role); every
service calls ``require`` so the interface can never be the only guard.
"""

from __future__ import annotations

import enum

from editor.errors import PermissionDenied
from editor.models import Role


class Action(enum.StrEnum):
    WRITE_ARTICLE = "write_article"
    EDIT_TAXONOMY = "edit_taxonomy"
    MODERATE = "moderate"
    SEE_PRIVATE = "see_private"  # reader emails and IPs
    MANAGE_USERS = "manage_users"
    EDIT_SETTINGS = "edit_settings"
    IMPORT = "import"
    EXPORT = "export"  # a WordPress export file of the whole newsroom
    EDIT_DICTIONARY = "edit_dictionary"  # the newsroom spelling dictionary
    EDIT_RULES = "edit_rules"  # moderation word lists and thresholds


PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.WRITE_ARTICLE: frozenset({Role.JOURNALIST, Role.EDITOR, Role.ADMIN}),
    Action.EDIT_TAXONOMY: frozenset({Role.EDITOR, Role.ADMIN}),
    Action.MODERATE: frozenset({Role.MODERATOR, Role.EDITOR, Role.ADMIN}),
    Action.SEE_PRIVATE: frozenset({Role.MODERATOR, Role.ADMIN}),
    Action.MANAGE_USERS: frozenset({Role.ADMIN}),
    Action.EDIT_SETTINGS: frozenset({Role.ADMIN}),
    Action.IMPORT: frozenset({Role.EDITOR, Role.ADMIN}),
    Action.EXPORT: frozenset({Role.EDITOR, Role.ADMIN}),
    Action.EDIT_DICTIONARY: frozenset({Role.JOURNALIST, Role.EDITOR, Role.ADMIN}),
    Action.EDIT_RULES: frozenset({Role.MODERATOR, Role.ADMIN}),
}


def allowed(role: Role, action: Action) -> bool:
    return role in PERMISSIONS[action]


def require(role: Role, action: Action) -> None:
    if not allowed(role, action):
        raise PermissionDenied(
            f"A {role.value} may not {action.value.replace('_', ' ')}",
            role=role.value,
            action=action.value,
        )
