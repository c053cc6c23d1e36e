"""Overzicht section: referrals that are stuck ('vastgelopen'), with a link to the filtered list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.formatting import format_date, format_number

SHOWN = 8


class StaleReferralsSection(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stale_section")
        heading = QLabel("Vastgelopen doorverwijzingen", objectName="stale_heading")
        heading.setStyleSheet("font-size: 13pt; font-weight: bold; color: #1f4e79;")
        self.ctx = ctx
        self.summary = QLabel(objectName="stale_summary", wordWrap=True)
        self.table = QTableWidget(0, 5, objectName="stale_table")
        self.table.setHorizontalHeaderLabels(["Code", "Gemeente", "Status", "Sinds", "Dagen"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.doubleClicked.connect(lambda _i: self.show_all())
        self.all_button = QPushButton("Alle vastgelopen tonen", objectName="show_all_stale")
        self.all_button.clicked.connect(self.show_all)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.all_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table)
        layout.addLayout(bottom)

    SNAPSHOT_VERSION = 1

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            data = self.load(session, date.today())
        self.show_data(data)

    def load(self, session, today: date) -> dict:  # noqa: ANN001  (a read-only Session)
        """What the section shows on `today`, as JSON-able values (the start screen keeps it per data
        generation and day, also for the next days: ui/home_page.py)."""
        from regisseur_app.domain.referrals import queries as svc  # not needed to show a snapshot

        filt = svc.ReferralFilter(stale_only=True, today=today)
        total = svc.count_referrals(session, filt)
        rows = svc.list_referrals(session, filt, 0, SHOWN, sort="status_date", descending=False)
        return {"total": total, "rows": [[row.code, row.municipality, row.status_label, format_date(row.status_date),
                                          format_number(row.days_in_status)] for row in rows]}

    def show_data(self, data: dict) -> None:
        total, rows = data["total"], data["rows"]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                if c == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.setFixedHeight(self.table.horizontalHeader().height() + 4 +
                                  sum(self.table.rowHeight(r) for r in range(len(rows))))
        self.table.setVisible(bool(rows))
        if total == 0:
            self.summary.setText("Geen vastgelopen doorverwijzingen: elke doorverwijzing kreeg een update binnen de "
                                 "verwachte duur.")
        else:
            extra = f" (de {len(rows)} langst stilstaande hierboven)" if total > len(rows) else ""
            self.summary.setText(f"{format_number(total)} doorverwijzing{'en' if total != 1 else ''} zonder update "
                                 f"binnen de verwachte duur{extra}.")
        self.all_button.setEnabled(total > 0)

    def show_all(self) -> None:
        window = self.window()
        if hasattr(window, "show_page"):
            page = window.show_page("Doorverwijzingen")
            page.show_stale()
