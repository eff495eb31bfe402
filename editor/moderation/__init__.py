"""Comment moderation in the core: word rules, duplicates, and the decisions sent back.

``editor.services.moderation.ModerationService`` (``newsroom.moderation``) is
the entry point the interface and the command line use; ``rules.apply_rules``
is the one call for comments arriving from the site.
"""
