"""'Overzicht': what the regisseur should see first. Features add sections (a QWidget with refresh())
through `HomeSectionSpec` in their `Feature`, in their order: the action plan (first steps on a fresh
database, the WSE-LR subsidy condition, KPI progress, actions due), the events (yearly obligations, upcoming
events, overdue follow-up actions), referrals that are stuck, and whatever later features register (e.g.
surveys with a low response). The main window re-reads it when shown and after every operation.

What it shows is kept as a snapshot in the database (domain/core/home_snapshot.py) with the data generation
and the day it belongs to: while neither changed, the page (and so the next start of the application) shows
the snapshot instead of recomputing every section; any change of the data, an undo or a restore makes the
next refresh recompute. A section takes part by offering `load(session, today) -> dict` (JSON-able values)
and `show_data(dict)`; a section without them is simply refreshed every time."""

from __future__ import annotations

import logging
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from regisseur_app import features
from regisseur_app.context import AppContext
from regisseur_app.domain.core import home_snapshot
from regisseur_app.domain.core.setup import association_name
from regisseur_app.features.spec import resolve
from regisseur_app.formatting import format_number
from regisseur_app.ui.page import Page

log = logging.getLogger(__name__)


class _Tile(QFrame):
    def __init__(self, caption: str):
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("_Tile, QFrame { background: #f4f7fb; border-radius: 6px; }")
        self.value = QLabel("–", alignment=Qt.AlignmentFlag.AlignCenter)
        self.value.setStyleSheet("font-size: 22pt; font-weight: bold; color: #1f4e79; background: transparent;")
        label = QLabel(caption, alignment=Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("color: #444; background: transparent;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(label)


class HomePage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.title = QLabel(objectName="home_title")
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold; color: #1f4e79;")
        self.municipalities = QLabel(objectName="home_municipalities", wordWrap=True)
        self.tiles = {key: _Tile(caption) for key, caption in (
            ("organisations", "actieve organisaties"), ("contacts", "contactpersonen"),
            ("target_group", "doelgroepwerknemers (gekend)"))}
        tiles = QGridLayout()
        for column, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, 0, column)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.title)
        layout.addWidget(self.municipalities)
        layout.addLayout(tiles)
        self.sections = [resolve(spec.factory)(ctx) for spec in features.home_sections()]
        for section in self.sections:
            layout.addWidget(section)
        layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)  # the window refreshes a page each time it is shown
        self._shown_key: list | None = None

    def refresh(self) -> None:
        today = date.today()
        with self.ctx.reading() as session:
            generation, stored = home_snapshot.read(session)
            key = self._key(generation, today)
            if self._current(stored, key) and (self._shown_key == key or self._show(stored)):
                snapshot = None  # nothing changed since it was computed: shown as it is
            else:
                snapshot = self._compute(session, key, today)
        for section in self.sections:
            if not self._takes_part(section):
                section.refresh()
        if snapshot is not None:
            self._show(snapshot)
            self._keep(snapshot)
        self._shown_key = key

    def keep_current(self) -> bool:
        """When the window closes: compute and keep the snapshot if the data changed since it was kept (e.g. on
        another page), so the next start on the same day shows it at once instead of computing every
        section first. Shows nothing; True when it computed."""
        today = date.today()
        with self.ctx.reading() as session:
            generation, stored = home_snapshot.read(session)
            key = self._key(generation, today)
            if self._current(stored, key):
                return False
            snapshot = self._compute(session, key, today)
        self._keep(snapshot)
        return True

    def _current(self, stored: dict | None, key: list) -> bool:
        return stored is not None and stored.get("key") == key and not self._expired(stored)

    def _compute(self, session, key: list, today: date) -> dict:  # noqa: ANN001  (a read-only Session)
        return {"key": key, "header": self._load_header(session),
                "sections": {name: section.load(session, today) for name, section in self._snapshot_sections().items()}}

    def _snapshot_sections(self) -> dict[str, QWidget]:
        return {section.objectName(): section for section in self.sections if self._takes_part(section)}

    @staticmethod
    def _takes_part(section: QWidget) -> bool:
        return hasattr(section, "load") and hasattr(section, "show_data") and bool(section.objectName())

    def _key(self, generation: int, today: date) -> list:
        versions = {name: getattr(section, "SNAPSHOT_VERSION", 1) for name, section in self._snapshot_sections().items()}
        return home_snapshot.key(generation, today, versions)

    @staticmethod
    def _expired(snapshot: dict) -> bool:
        """A section's values that change by themselves at a time (e.g. an upcoming event that ends)."""
        moments = [data.get("expires") for data in snapshot.get("sections", {}).values() if isinstance(data, dict)]
        try:
            return any(m and datetime.now() >= datetime.fromisoformat(m) for m in moments)
        except (TypeError, ValueError):
            return True

    def _load_header(self, session) -> dict:  # noqa: ANN001  (a read-only Session)
        from regisseur_app.domain.core.overview import header_figures

        return {"name": association_name(session), **header_figures(session)}

    def _show(self, snapshot: dict) -> bool:
        """Fill the page from a snapshot; False when it does not fit this version (then it is recomputed)."""
        try:
            header, sections = snapshot["header"], snapshot["sections"]
            self.title.setText(header["name"] or "Regisseur")
            self.municipalities.setText("Deelnemende gemeenten: " + ", ".join(header["municipalities"]))
            for key in ("organisations", "contacts", "target_group"):
                self.tiles[key].value.setText(format_number(header[key]))
            for name, section in self._snapshot_sections().items():
                section.show_data(sections[name])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            log.info("start screen snapshot not usable (%r): recomputed", exc)
            return False
        return True

    def _keep(self, snapshot: dict) -> None:
        """Store the snapshot for the next refresh or start. A snapshot that cannot be stored (a locked or
        read-only file) costs only a recomputation next time; the user is not bothered with it."""
        from regisseur_app.operations.home import keep_home_snapshot

        try:
            keep_home_snapshot(self.ctx, snapshot)
        except Exception as exc:  # noqa: BLE001 - a cache, never an error for the user
            log.warning("start screen snapshot not kept: %s", exc)

    def reload_choices(self) -> None:
        self.refresh()
