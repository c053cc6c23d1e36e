"""The 'Subsidievoorwaarde' tab: per year and municipality, which WSE-LR priorities have at least one action
(gehaald / risico / niet gehaald), and for the chosen cell the actions that count and those still planned."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.plan import subsidy
from regisseur_app.domain.plan.settings import plan_period
from regisseur_app.ui.plan.common import CHECK_STYLE, colour

DEFINITION = ("Een actie telt voor een prioriteit wanneer ze die prioriteit draagt, de gemeente eraan deelneemt, haar "
              "periode het jaar raakt en begonnen is, en haar status 'lopend' of 'gerealiseerd' is. <b>Risico</b>: "
              "nog geen actie die telt, maar het jaar loopt nog en er is een actie gepland (niet gestart, uitgesteld "
              "of met een begindatum die nog moet komen). <b>N.v.t.</b>: een jaar buiten de planperiode.")


class SubsidyTab(QWidget):
    action_requested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.checks: list[subsidy.MunicipalityCheck] = []
        self.year_combo = QComboBox(objectName="subsidy_year")
        self.year_combo.currentIndexChanged.connect(lambda _i: self._load())
        top = QHBoxLayout()
        top.addWidget(QLabel("Jaar:"))
        top.addWidget(self.year_combo)
        top.addStretch()
        self.table = QTableWidget(objectName="subsidy_grid")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.currentCellChanged.connect(lambda r, c, _r, _c: self._show_detail(r, c))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.detail = QLabel(objectName="subsidy_detail", wordWrap=True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail.linkActivated.connect(lambda href: self.action_requested.emit(int(href)))
        definition = QLabel(DEFINITION, wordWrap=True)
        definition.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.detail, 1)
        layout.addWidget(definition)

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            period = plan_period(session)
        years = period.years if period else [date.today().year]
        current = self.year_combo.currentData() or (date.today().year if date.today().year in years else years[-1])
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(current)))
        self.year_combo.blockSignals(False)
        self._load()

    def set_year(self, year: int) -> None:
        index = self.year_combo.findData(year)
        if index >= 0:
            self.year_combo.setCurrentIndex(index)

    def _load(self) -> None:
        year = self.year_combo.currentData()
        if year is None:
            return
        with self.ctx.reading() as session:
            self.checks = subsidy.check(session, year)
        priorities = [p.priority for p in self.checks[0].priorities] if self.checks else []
        self.table.clear()
        self.table.setRowCount(len(self.checks))
        self.table.setColumnCount(len(priorities) + 1)
        self.table.setHorizontalHeaderLabels([*priorities, "Samen"])
        self.table.setVerticalHeaderLabels([c.municipality for c in self.checks])
        for r, check in enumerate(self.checks):
            for c, p in enumerate(check.priorities):
                self.table.setItem(r, c, self._cell(p.state, p.priority_label))
            self.table.setItem(r, len(priorities), self._cell(check.state, "alle prioriteiten samen"))
        self.detail.setText("Kies een vakje om de acties te zien die meetellen.")
        if self.checks:
            self.table.setCurrentCell(0, 0)

    def _cell(self, state: str, tooltip: str) -> QTableWidgetItem:
        mark, fg, bg = CHECK_STYLE[state]
        item = QTableWidgetItem(f"{mark} {subsidy.STATE_LABELS[state]}")
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        item.setForeground(QBrush(colour(fg)))
        item.setBackground(QBrush(colour(bg)))
        item.setData(Qt.ItemDataRole.UserRole, state)
        item.setToolTip(tooltip)
        return item

    def _show_detail(self, row: int, column: int) -> None:
        if not 0 <= row < len(self.checks):
            return
        check = self.checks[row]
        shown = check.priorities if column >= len(check.priorities) else (check.priorities[column],)
        parts = []
        for p in shown:
            counting = "".join(f"<li><a href='{a.action_id}'>{a.text()}</a></li>" for a in p.counting) or "<li>geen</li>"
            part = f"<b>{p.priority_label}</b> – {p.state_label}<br>Telt mee:<ul>{counting}</ul>"
            if p.pending and p.state != subsidy.MET:
                pending = "".join(f"<li><a href='{a.action_id}'>{a.text()}</a></li>" for a in p.pending)
                part += f"Gepland, telt nog niet:<ul>{pending}</ul>"
            parts.append(part)
        self.detail.setText(f"<b>{check.municipality} {check.year}</b><br>" + "".join(parts))
