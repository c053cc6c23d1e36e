"""Rapporten voor het college: the report page, its preview, settings and batch dialogs."""
