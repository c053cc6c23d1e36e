"""Regisseur: desktop application for the regisseur lokale sociale economie."""

__version__ = "0.1.0"
APP_NAME = "Regisseur"
