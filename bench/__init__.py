"""Midad's performance benchmark: run it with ``python -m bench`` (see bench/__main__.py)."""
