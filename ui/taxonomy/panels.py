"""The section tree and the tag list (see ``section_panel`` and ``tag_panel``)."""

from __future__ import annotations

from ui.taxonomy.section_panel import SectionPanel
from ui.taxonomy.tag_panel import TagPanel

__all__ = ["SectionPanel", "TagPanel"]
