"""'Overzicht': what the regisseur should see first. Features add sections (a QWidget with refresh())
through `HomeSectionSpec` in their `Feature`, in their order: the action plan (first steps on a fresh
database, the WSE-LR subsidy condition, KPI progress, actions due), the events (yearly obligations, upcoming
events, overdue follow-up actions), referrals that are stuck, and whatever later features register (e.g.
surveys with a low response). The main window re-reads it when shown and after every operation.

What it shows is kept as a snapshot in the database (domain/core/home_snapshot.py) with the data generation
and the day it belongs to: while neither changed, the page (and so the next start of the application) shows
the snapshot instead of recomputing every section; any change of the data, an undo or a restore makes the
next refresh recompute. When the window closes, the snapshot is brought up to date and those of the next
days are prepared from the same data (`keep_current`), so the first start of the next day shows it at once
as long as the data did not change in between. A section takes part by offering `load(session, today) -> dict` (JSON-able values)
and `show_data(dict)`; a section without them is simply refreshed every time."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

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

AHEAD_DAYS = 3  # prepared when the window closes: the next three days (a weekend), within the same year


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
        self._shown_expires: datetime | None = None  # when what is shown changes by itself (Page.changes_at)

    def refresh(self) -> None:
        today = date.today()
        with self.ctx.reading() as session:
            generation, stored = home_snapshot.read(session)
            key = self._key(generation, today)
            found = self._usable(stored, key)
            if found is not None and (self._shown_key == key or self._show(found)):
                # nothing changed since it was computed (today, or for today at a close on an earlier day)
                to_show = to_keep = None
            else:
                to_show = self._compute(session, key, today)
                to_keep = self._with_ahead(to_show, stored, key)
        for section in self.sections:
            if not self._takes_part(section):
                section.refresh()
        if to_show is not None:
            self._show(to_show)
        if to_keep is not None:
            self._keep(to_keep)
        self._shown_key = key

    def keep_current(self) -> bool:
        """When the window closes: bring the kept snapshot up to date if the data changed since (e.g. on
        another page), and prepare those of the next AHEAD_DAYS days of this year from the same data, so the
        next start (later today, or the first one of the next days) shows it at once instead of computing
        every section first. A section computes for the day it is given (`load(session, day)`: stale
        referrals, due actions and KPI progress as of that day; upcoming events from its start, with
        `expires` when the first of them ends). Shows nothing; True when it computed something."""
        today = date.today()
        days = [d for d in (today + timedelta(days=n) for n in range(AHEAD_DAYS + 1)) if d.year == today.year]
        computed = False
        with self.ctx.reading() as session:
            generation, stored = home_snapshot.read(session)
            prepared = []
            for day in days:
                key = self._key(generation, day)
                found = self._usable(stored, key)
                if found is None:
                    found, computed = self._compute(session, key, day), True
                prepared.append({k: v for k, v in found.items() if k != "ahead"})
        if computed:
            self._keep({**prepared[0], "ahead": prepared[1:]})
        return computed

    def _usable(self, stored: dict | None, key: list) -> dict | None:
        """The kept snapshot for this key (today's, or one prepared for this day), unless it expired."""
        if stored is None:
            return None
        ahead = stored.get("ahead")
        for candidate in [stored, *(ahead if isinstance(ahead, list) else [])]:
            if isinstance(candidate, dict) and candidate.get("key") == key and not self._expired(candidate):
                return candidate
        return None

    @staticmethod
    def _with_ahead(snapshot: dict, stored: dict | None, key: list) -> dict:
        """`snapshot` to keep as today's, with the prepared snapshots of later days of the same data."""
        ahead = stored.get("ahead") if stored is not None else None
        later = [a for a in (ahead if isinstance(ahead, list) else []) if isinstance(a, dict)
                 and isinstance(a.get("key"), list) and len(a["key"]) == len(key) and a["key"][0] == key[0]
                 and a["key"][2:] == key[2:] and str(a["key"][1]) > key[1]]
        return {**{k: v for k, v in snapshot.items() if k != "ahead"}, "ahead": later}

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
    def _expires(snapshot: dict) -> datetime | None:
        """The first moment at which a section's values change by themselves (e.g. an upcoming event that ends);
        ValueError or TypeError for a moment that is not one."""
        moments = [data.get("expires") for data in snapshot.get("sections", {}).values() if isinstance(data, dict)]
        return min((datetime.fromisoformat(m) for m in moments if m), default=None)

    @classmethod
    def _expired(cls, snapshot: dict) -> bool:
        try:
            expires = cls._expires(snapshot)
        except (TypeError, ValueError):
            return True
        return expires is not None and datetime.now() >= expires

    def changes_at(self) -> datetime | None:
        return self._shown_expires

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
            self._shown_expires = self._expires(snapshot)
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
