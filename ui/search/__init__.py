"""Search in the interface: a box over a list (``pane``), its hits (``results``), the
thread-pool runner (``runner``) and the Tools menu's rebuild (``actions``)."""
