"""The newsroom's services, one module a noun; reach them through ``Newsroom``."""
