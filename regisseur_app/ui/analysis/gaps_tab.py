"""Hiaten: per municipality the service categories with no or thin offer, ranked, crossed with the
measured needs when a survey provides them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.analysis import gaps
from regisseur_app.domain.analysis.offer_map import offer_matrix
from regisseur_app.domain.core import municipalities
from regisseur_app.features import need_score_providers
from regisseur_app.ui.analysis.gap_model import GapModel
from regisseur_app.ui.export_action import ask_export_path
from regisseur_app.ui.fit_contents import fit_to_contents
from regisseur_app.ui.page import data_key
from regisseur_app.ui.table_base import sorting_proxy

NO_SURVEY = ("Er zijn nog geen resultaten van een behoeftepeiling: de rangschikking steunt alleen op het aanbod "
             "(eerst wat in de hele regio ontbreekt, dan wat buurgemeenten wel hebben, dan dun aanbod).")
WITH_SURVEY = ("De gemeten nood uit de behoeftepeiling weegt mee: 'hoge nood' is vanaf "
               "{high} % van de antwoorden. Hoge nood zonder aanbod staat bovenaan.")


class GapsTab(QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.municipality_combo = QComboBox(objectName="gap_municipality")
        self.se_check = QCheckBox("Alleen sociale-economie-organisaties tellen als aanbod", objectName="gap_se_only")
        self.export_button = QPushButton("Exporteren…", objectName="export_gaps")
        self.export_button.setToolTip("De hiatenlijst van elke deelnemende gemeente, één werkblad per gemeente")
        self.municipality_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.se_check.toggled.connect(lambda _c: self.refresh())
        self.export_button.clicked.connect(self.export)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Gemeente:"))
        bar.addWidget(self.municipality_combo)
        bar.addWidget(self.se_check)
        bar.addStretch()
        bar.addWidget(self.export_button)
        self.note = QLabel(objectName="gap_note", wordWrap=True)
        self.note.setStyleSheet("color: #555;")
        self.model = GapModel(self)
        self.table = QTableView(objectName="gaps")
        self.table.setModel(sorting_proxy(self.model))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)  # the neighbours' list takes what is left
        fit_to_contents(self.table)
        self.table.horizontalHeader().setToolTip("In gemeente: organisaties met dit aanbod in de gekozen gemeente; "
                                                 "in regio: in alle deelnemende gemeenten samen.")
        self.count_label = QLabel(objectName="gap_count")
        # what every municipality's gaps are computed from (the offer matrix, and the need scores of each municipality
        # chosen so far), with the data_key and the 'SE only' choice it was read at: choosing another municipality
        # uses the matrix again and reads that municipality's need scores only (~20 ms on the large region; the
        # region's take ~80 ms)
        self._basis: tuple | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.reload_choices()

    def reload_choices(self) -> None:
        with self.ctx.reading() as session:
            places = municipalities.list_municipalities(session, participating_only=True)
        current = self.municipality_combo.currentData()
        self.municipality_combo.blockSignals(True)
        self.municipality_combo.clear()
        for m in places:
            self.municipality_combo.addItem(m.name, m.nis_code)
        self.municipality_combo.setCurrentIndex(max(0, self.municipality_combo.findData(current)))
        self.municipality_combo.blockSignals(False)
        if self.isVisible():  # hidden (the page being built, another tab on screen): read when the tab is shown
            self.refresh()

    def refresh(self) -> None:
        nis = self.municipality_combo.currentData()
        if nis is None:
            return
        se_only = self.se_check.isChecked()
        key = (data_key(self.ctx), se_only)
        with self.ctx.reading() as session:
            if self._basis is None or self._basis[0] != key:
                self._basis = (key, offer_matrix(session, se_only), {})
            _key, matrix, measured = self._basis
            if nis not in measured:
                measured[nis] = tuple(gaps.need_scores(session, need_score_providers(), nis).values())
            needs = measured[nis]
            rows = gaps.gap_list(session, nis, se_only, providers=[lambda _session: needs], matrix=matrix)
            if not needs and None not in measured:  # whether the region has need scores at all (the note)
                measured[None] = tuple(gaps.need_scores(session, need_score_providers()).values())
            surveyed = bool(needs or measured.get(None))
        self.model.set_rows(rows)
        self.note.setText(WITH_SURVEY.format(high=round(gaps.HIGH_NEED * 100)) if surveyed else NO_SURVEY)
        empty = sum(1 for g in rows if g.offer == 0)
        self.count_label.setText(f"{self.municipality_combo.currentText()}: {empty} categorie(ën) zonder aanbod, "
                                 f"{len(rows) - empty} met dun aanbod.")

    def export(self) -> None:
        from regisseur_app.exchange.analysis.export import export_sheets, gaps_frame
        from regisseur_app.exchange.export import ExportError

        target = ask_export_path(self, "hiaten per gemeente")
        if target is None:
            return
        se_only = self.se_check.isChecked()
        with self.ctx.reading() as session:
            matrix = offer_matrix(session, se_only)
            current = self.municipality_combo.currentData()
            order = sorted(matrix.columns, key=lambda c: c[0] != current)  # the shown one first (CSV: only it)
            sheets = [(name, gaps_frame(gaps.gap_list(session, nis, se_only, matrix=matrix,
                                                         providers=need_score_providers()))) for nis, name in order]
        try:
            export_sheets(target, sheets)
        except ExportError as exc:
            QMessageBox.warning(self, "Exporteren mislukt", str(exc))
            return
        self.status_message.emit(f"Hiaten geëxporteerd naar {target}.")
