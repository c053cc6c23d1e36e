"""Overzicht section of the MVO module: how many MVO reports of last year are complete, which ones are not
yet, and the avoided CO₂ of the region that year."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.formatting import format_number

MAX_NAMES = 6


class MvoHomeSection(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mvo_home_section")
        heading = QLabel("MVO-rapportering")
        heading.setStyleSheet("font-size: 13pt; font-weight: bold; color: #1f4e79;")
        self.summary = QLabel(objectName="mvo_summary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)

    SNAPSHOT_VERSION = 1

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            data = self.load(session, date.today())
        self.show_data(data)

    def load(self, session, today: date) -> dict:  # noqa: ANN001  (a read-only Session)
        """What the section shows, as JSON-able values (the start screen keeps it per data generation)."""
        from regisseur_app.domain.mvo.overview import year_summary  # not needed to show a snapshot

        year = today.year - 1
        summary = year_summary(session, year, ("vermeden_co2",))
        return {"year": year, "count": summary.reporting, "incomplete": summary.incomplete,
                "co2": summary.totals["vermeden_co2"]}

    def show_data(self, data: dict) -> None:
        year, incomplete, co2 = data["year"], data["incomplete"], data["co2"]
        if not data["count"]:
            self.summary.setText(f"Nog geen MVO-cijfers voor {year}. Vul ze in of stuur Excel-sjablonen uit op de "
                                 "pagina MVO.")
            return
        lines = [f"MVO-rapporten {year}: {data['count'] - len(incomplete)} van {data['count']} volledig."]
        if incomplete:
            names = ", ".join(incomplete[:MAX_NAMES]) + (" …" if len(incomplete) > MAX_NAMES else "")
            lines.append(f"Nog aan te vullen: {names}.")
        if co2:
            lines.append(f"Samen {format_number(co2, 0)} ton CO₂ vermeden door hergebruik.")
        self.summary.setText("\n".join(lines))


def make_section(ctx: AppContext) -> MvoHomeSection:
    return MvoHomeSection(ctx)
