"""Midad's desktop interface (Qt): widgets, models and dialogs over the ``editor`` core."""
