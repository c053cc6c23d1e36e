"""Tab 'Regio': totals and averages per indicator across the organisations (of the region or one
municipality of activity), the figures per municipality and the trends of the key indicators."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core import municipalities
from regisseur_app.domain.mvo import overview
from regisseur_app.ui.mvo.entry_tab import year_combo
from regisseur_app.ui.mvo.municipality_model import MunicipalityTableModel
from regisseur_app.ui.mvo.overview_model import OverviewTableModel
from regisseur_app.ui.mvo.shared_reads import SharedReads
from regisseur_app.ui.mvo.trend_model import TrendTableModel
from regisseur_app.ui.table_base import fit_columns, read_only_table, sorting_proxy


class RegionTab(QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, reads: SharedReads | None = None):
        super().__init__(parent)
        self.ctx = ctx
        # the figures computed at one data_key (the MVO page shares them with Invullen): another municipality or a
        # year read before is shown without computing them again until the data changes
        self.reads = reads or SharedReads(ctx)
        self.year_combo = year_combo("region_year")
        self.place_combo = QComboBox(objectName="region_place")
        self.summary = QLabel(objectName="region_summary")
        self.summary.setWordWrap(True)
        self.overview_model = OverviewTableModel(self)
        self.overview_table = read_only_table(sorting_proxy(self.overview_model), "overview")
        self.municipality_model = MunicipalityTableModel(self)
        self.municipality_table = read_only_table(sorting_proxy(self.municipality_model), "per_municipality")
        self.trend_model = TrendTableModel(self)
        self.trend_table = read_only_table(sorting_proxy(self.trend_model), "trend")
        for combo in (self.year_combo, self.place_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        top = QHBoxLayout()
        top.addWidget(QLabel("Jaar:"))
        top.addWidget(self.year_combo)
        top.addWidget(QLabel("Gemeente van activiteit:"))
        top.addWidget(self.place_combo)
        top.addStretch()
        for label, name, kind in (("Overzicht exporteren…", "export_overview", "overview"),
                                  ("Per gemeente exporteren…", "export_places", "places"),
                                  ("Alle waarden exporteren…", "export_values", "values")):
            button = QPushButton(label, objectName=name)
            button.setProperty("export_kind", kind)
            button.clicked.connect(self._export_clicked)
            top.addWidget(button)
        lower = QSplitter()
        for title, table in (("Per gemeente van activiteit", self.municipality_table),
                             ("Evolutie (regio of gekozen gemeente)", self.trend_table)):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(QLabel(f"<b>{title}</b>"))
            box_layout.addWidget(table)
            lower.addWidget(box)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.overview_table)
        split.addWidget(lower)
        split.setSizes([420, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        note = QLabel("Totalen voor aantallen en tonnages; percentages en cijfers 'per werknemer' als niet-gewogen "
                      "gemiddelde van de organisaties. * = berekend.")
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        self.reload_choices()

    @property
    def year(self) -> int:
        return int(self.year_combo.currentData())

    @property
    def nis_code(self) -> str | None:
        return self.place_combo.currentData()

    def reload_choices(self) -> None:
        with self.ctx.reading() as session:
            places = municipalities.list_municipalities(session, participating_only=True)
        current = self.place_combo.currentData()
        self.place_combo.blockSignals(True)
        self.place_combo.clear()
        self.place_combo.addItem("De hele regio", None)
        for place in places:
            self.place_combo.addItem(place.name, place.nis_code)
        self.place_combo.setCurrentIndex(max(0, self.place_combo.findData(current)))
        self.place_combo.blockSignals(False)

    def refresh(self) -> None:
        with self.reads.reading() as session:
            figures = overview.organisation_figures(session, self.year, self.nis_code)
            rows = overview.overview(session, self.year, self.nis_code)
            per_place = overview.per_municipality(session, self.year)
            years = [y for y in overview.reported_years(session) if y <= self.year][-5:]
            trend = overview.trend(session, years, self.nis_code)
            labels = {r.indicator.code: r.indicator.label for r in rows}
        complete = sum(1 for f in figures if f.completeness.complete)
        where = self.place_combo.currentText()
        self.summary.setText(f"{where}, {self.year}: {len(figures)} organisatie(s) met MVO-cijfers, waarvan "
                             f"{complete} met een volledig rapport." if figures else
                             f"{where}, {self.year}: nog geen MVO-cijfers. Vul ze in bij 'Invullen' of lees "
                             "sjablonen in.")
        self.overview_model.set_rows(rows)
        self.municipality_model.set_rows(per_place)
        self.trend_model.set_years(years, [(labels.get(code, code), values) for code, values in trend.items()])
        for table in (self.overview_table, self.municipality_table, self.trend_table):
            # measured once here and kept (the refit after the tab's first show reuses the widths measured;
            # a plain resizeColumnsToContents was measured again by that refit, and gave other widths than it)
            fit_columns(table)

    def _export_clicked(self) -> None:
        self.export(str(self.sender().property("export_kind")))

    def export(self, kind: str = "overview", year: int | None = None, whole_region: bool = False) -> None:
        """Write the overview, the figures per municipality or all values (of `year`, default the chosen one)."""
        from regisseur_app.exchange.mvo import export as mvo_export
        from regisseur_app.ui.export_action import ask_export_path, export_to_file

        year = year or self.year
        nis_code = None if whole_region else self.nis_code
        where = "de hele regio" if whole_region else self.place_combo.currentText().lower()
        names = {"overview": f"MVO-overzicht {year} {where}", "places": f"MVO per gemeente {year}",
                 "values": f"MVO-waarden {year} {where}"}
        target = ask_export_path(self, names[kind])
        if target is None:
            return
        with self.ctx.reading() as session:
            if kind == "overview":
                frame = mvo_export.overview_frame(overview.overview(session, year, nis_code))
            elif kind == "places":
                frame = mvo_export.municipality_frame(session, overview.per_municipality(session, year))
            else:
                frame = mvo_export.values_frame(session, [year], nis_code)
        if export_to_file(self, frame, target, names[kind][:31]):
            self.status_message.emit(f"Geëxporteerd naar {target}.")
