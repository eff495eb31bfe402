"""Midad's newsroom core: domain, storage, Arabic text and interchange.

Nothing in this package imports Qt; the desktop interface lives in ``ui/``.
"""
