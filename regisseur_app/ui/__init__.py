"""The Qt face of Regisseur. Only this package imports PySide6 (DESIGN.md rule 1)."""
