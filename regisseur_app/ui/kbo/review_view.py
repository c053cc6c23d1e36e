"""'Nazicht inventaris': after each import, the organisations of the inventory whose KBO enterprise stopped
or whose seat moved; archive them or take over the KBO address (each undoable)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.kbo import inventory_link, queries
from regisseur_app.formatting import counted
from regisseur_app.operations import kbo as ops
from regisseur_app.ui.kbo.review_model import ReviewTableModel
from regisseur_app.ui.table_base import read_only_table, sorting_proxy


class ReviewView(QWidget):
    status_message = Signal(str)
    inventory_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = ReviewTableModel(self)
        self.proxy = sorting_proxy(self.model)
        self.table = read_only_table(self.proxy, "kbo_review_table")
        for column, width in enumerate((220, 110, 110, 260, 240)):
            self.table.setColumnWidth(column, width)
        self.hint = QLabel(objectName="kbo_review_hint", wordWrap=True)
        self.hint.setStyleSheet("color: #555; padding: 6px;")
        self.address_button = QPushButton("KBO-adres overnemen", objectName="kbo_take_over")
        self.address_button.setToolTip("Het adres en de zetel van de organisatie worden die van de KBO")
        self.archive_button = QPushButton("Archiveren…", objectName="kbo_archive")
        self.address_button.clicked.connect(self.take_over)
        self.archive_button.clicked.connect(self.archive)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        buttons = QHBoxLayout()
        buttons.addWidget(self.address_button)
        buttons.addWidget(self.archive_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Organisaties uit de inventaris waarvan de onderneming volgens de laatste KBO-import "
                                "stopgezet is of een andere zetel heeft. Pas ze aan of archiveer ze.", wordWrap=True))
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            rows = inventory_link.review(session)
            imported = queries.last_import(session) is not None
        self.model.set_rows(rows)
        if not imported:
            text = "Nog geen KBO-import: het nazicht volgt na de eerste import van het KBO-extract."
        elif not rows:
            text = "Alles klopt: geen stopgezette ondernemingen of verhuisde zetels in de inventaris."
        else:
            text = counted(len(rows), "organisatie", "organisaties") + " na te kijken."
        self.hint.setText(text)
        self._update_buttons()

    def selected(self) -> list:
        rows = self.table.selectionModel().selectedRows()
        return [self.model.row_at(self.proxy.mapToSource(index).row()) for index in rows]

    def _update_buttons(self) -> None:
        rows = self.selected()
        self.address_button.setEnabled(len(rows) == 1 and rows[0].kind == "moved")
        self.archive_button.setEnabled(bool(rows))

    def take_over(self) -> None:
        rows = self.selected()
        if len(rows) != 1:
            return
        text = ops.take_over_seat(self.ctx, rows[0].id)
        self.status_message.emit(f"{rows[0].name}: adres overgenomen uit de KBO ({text}); ongedaan maken met Ctrl+Z.")
        self.inventory_changed.emit()
        self.refresh()

    def archive(self) -> None:
        rows = self.selected()
        if not rows:
            return
        names = ", ".join(r.name for r in rows[:5]) + (" …" if len(rows) > 5 else "")
        answer = QMessageBox.question(self, "Archiveren", f"{counted(len(rows), 'organisatie', 'organisaties')} "
                                      f"archiveren ({names})? Ze blijven bewaard en zijn terug te halen.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        changed = ops.archive_stopped(self.ctx, [r.id for r in rows])
        self.status_message.emit(f"{counted(changed, 'organisatie', 'organisaties')} gearchiveerd; ongedaan maken met "
                                 "Ctrl+Z.")
        self.inventory_changed.emit()
        self.refresh()
