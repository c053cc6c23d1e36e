"""Noodscores: per municipality and service category the measured need, with the formula, as the gap
analysis (Omgevingsanalyse › Hiaten) uses it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.analysis.gaps import HIGH_NEED
from regisseur_app.domain.survey import needs
from regisseur_app.formatting import format_number
from regisseur_app.ui.table_base import Column, RowTableModel, read_only_table, sorting_proxy


class NeedModel(RowTableModel):
    COLUMNS = (
        Column("Gemeente", lambda r: r.municipality),
        Column("Dienstencategorie", lambda r: r.category),
        Column("Nood aangegeven", lambda r: format_number(r.signals), lambda r: r.signals, True),
        Column("Antwoorden", lambda r: format_number(r.answers), lambda r: r.answers, True),
        Column("Noodscore", lambda r: f"{format_number(r.score * 100, 1)} %", lambda r: r.score, True),
        Column("Respondenten", lambda r: format_number(r.respondents), lambda r: r.respondents, True),
    )

    def extra_data(self, row, role: int):  # noqa: ANN001, ANN201
        if role == Qt.ItemDataRole.BackgroundRole and row.score >= HIGH_NEED:
            return QColor("#f3a6ab")
        if role == Qt.ItemDataRole.ToolTipRole and row.respondents < 5:
            return "Minder dan 5 respondenten: te klein om te interpreteren"
        return None


class NeedsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.formula = QLabel(needs.FORMULA, objectName="need_formula", wordWrap=True)
        self.formula.setStyleSheet("background: #f2f5f9; padding: 6px;")
        self.year_label = QLabel(objectName="need_year")
        self.model = NeedModel(self)
        self.table = read_only_table(sorting_proxy(self.model), "need_scores")
        for column, width in enumerate((150, 230, 140, 110, 110)):
            self.table.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.addWidget(self.formula)
        layout.addWidget(self.year_label)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            year = needs.latest_year(session)
            rows = needs.need_rows(session, year)
        self.model.set_rows(rows)
        if year is None:
            self.year_label.setText("Nog geen antwoorden: er zijn geen noodscores.")
        elif not rows:
            self.year_label.setText(f"Peilingsjaar {year}: geen enkele vraag of antwoordmogelijkheid is aan een "
                                    "dienstencategorie gekoppeld.")
        else:
            self.year_label.setText(f"Peilingsjaar {year}. Rood: hoge nood (vanaf {round(HIGH_NEED * 100)} %). "
                                    "De hiatenanalyse (Omgevingsanalyse › Hiaten) toont deze scores.")
