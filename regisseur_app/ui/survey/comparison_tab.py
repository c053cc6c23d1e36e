"""Vergelijking: this year's answers against the previous year's survey, for the questions that match."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core import municipalities
from regisseur_app.domain.survey import comparison
from regisseur_app.domain.survey.stats import SMALL_LABEL
from regisseur_app.formatting import format_number
from regisseur_app.ui.page import data_key
from regisseur_app.ui.table_base import Column, RowTableModel, read_only_table, sorting_proxy


def _value(value: float | None, unit: str) -> str:
    return "—" if value is None else format_number(value, 1) + (" %" if unit else "")


def _difference(row: comparison.ComparisonRow) -> str:
    if row.difference is None:
        return "—"
    sign = "+" if row.difference > 0 else ""
    return f"{sign}{format_number(row.difference, 1)}" + (" procentpunt" if row.unit else "")


_GREY = QColor("#888888")
_FOREGROUND, _TOOLTIP = Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole


class ComparisonModel(RowTableModel):
    COLUMNS = (
        Column("Vraag", lambda r: r.question),
        Column("Antwoord", lambda r: r.answer),
        Column("Dit jaar", lambda r: _value(r.now, r.unit), lambda r: r.now if r.now is not None else -1, True),
        Column("n", lambda r: str(r.n_now), lambda r: r.n_now, True),
        Column("Vorig jaar", lambda r: _value(r.before, r.unit), lambda r: r.before if r.before is not None else -1,
               True),
        Column("n vorig jaar", lambda r: str(r.n_before), lambda r: r.n_before, True),
        Column("Verschil", _difference, lambda r: r.difference if r.difference is not None else -999, True),
    )

    def extra_data(self, row, role: int):  # noqa: ANN001, ANN201
        # asked for every role of every cell painted or measured: no import or colour made per call
        if role == _FOREGROUND and row.small:
            return _GREY
        if role == _TOOLTIP and row.small:
            return f"Minder dan 5 antwoorden: {SMALL_LABEL}"
        return None


class ComparisonTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.survey_id: int | None = None
        # the comparisons read at one data_key, by survey and municipality: choosing one again (the region after a
        # municipality, the survey before) shows it without reading again while the data did not change
        self._kept: tuple[object, dict[tuple, comparison.Comparison]] = (None, {})
        self.municipality_combo = QComboBox(objectName="comparison_municipality")
        self.municipality_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.model = ComparisonModel(self)
        proxy = sorting_proxy(self.model)
        self.table = read_only_table(proxy, "comparison")
        self.table.setSortingEnabled(False)
        proxy.sort(-1)  # the questionnaire's order
        for column, width in enumerate((380, 200, 90, 60, 90, 90)):
            self.table.setColumnWidth(column, width)
        self.note = QLabel(objectName="comparison_note", wordWrap=True)
        self.note.setStyleSheet("color: #555;")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Gemeente:"))
        bar.addWidget(self.municipality_combo)
        bar.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self.reload_choices()

    def reload_choices(self) -> None:
        with self.ctx.reading() as session:
            places = municipalities.list_municipalities(session, participating_only=True)
        self.municipality_combo.blockSignals(True)
        self.municipality_combo.clear()
        self.municipality_combo.addItem("Hele regio", None)
        for m in places:
            self.municipality_combo.addItem(m.name, m.nis_code)
        self.municipality_combo.blockSignals(False)

    def set_survey(self, survey_id: int | None) -> None:
        self.survey_id = survey_id
        self.refresh()

    def refresh(self) -> None:
        if self.survey_id is None:
            self.model.set_rows([])
            self.note.setText("")
            return
        key, wanted = data_key(self.ctx), (self.survey_id, self.municipality_combo.currentData())
        if self._kept[0] != key:
            self._kept = (key, {})
        result = self._kept[1].get(wanted)
        if result is None:
            with self.ctx.reading() as session:
                result = comparison.compare(session, *wanted)
            self._kept[1][wanted] = result
        self.model.set_rows(result.rows)
        if result.year_before is None:
            self.note.setText("Er is geen peiling van een vorig jaar voor dezelfde doelgroep om mee te vergelijken. "
                              "Kopieer volgend jaar deze peiling, dan worden de vragen vergeleken.")
        else:
            text = (f"Vergeleken met '{result.title_before}' ({result.year_before}): vragen met dezelfde code of "
                    "tekst en dezelfde soort. Grijs: minder dan 5 antwoorden, te klein om te interpreteren.")
            if result.unmatched:
                text += f" Zonder overeenkomende vraag: {len(result.unmatched)}."
            self.note.setText(text)
