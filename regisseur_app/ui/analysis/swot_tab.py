"""SWOT: the familiar 2x2 grid for the region or one municipality. Add, edit, delete (with undo) and
reorder items; export to PDF or Excel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.analysis import swot
from regisseur_app.domain.analysis.models import OPPORTUNITY, QUADRANTS, STRENGTH, THREAT, WEAKNESS
from regisseur_app.domain.core import municipalities
from regisseur_app.operations import analysis as analysis_ops
from regisseur_app.ui.analysis.swot_item_dialog import SwotItemDialog

COLOURS = {STRENGTH: "#2e7d32", WEAKNESS: "#c62828", OPPORTUNITY: "#1565c0", THREAT: "#ef6c00"}
REGION = "Regio (alle deelnemende gemeenten)"


class QuadrantPanel(QFrame):
    """One quadrant: a coloured title, the items in order, and its buttons."""

    def __init__(self, tab: SwotTab, quadrant: str):
        super().__init__()
        self.tab, self.quadrant = tab, quadrant
        colour = COLOURS[quadrant]
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"QuadrantPanel {{ border: 2px solid {colour}; border-radius: 6px; }}")
        title = QLabel(QUADRANTS[quadrant])
        title.setStyleSheet(f"background: {colour}; color: white; font-weight: bold; font-size: 12pt; padding: 4px;")
        self.list = QListWidget(objectName=f"swot_{quadrant}")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemDoubleClicked.connect(lambda _i: self.tab.edit_item(self.quadrant))
        self.list.setStyleSheet("QListWidget::item { padding: 4px; }")
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Toevoegen…", objectName=f"add_{quadrant}")
        self.add_button.clicked.connect(lambda: self.tab.add_item(self.quadrant))
        self.edit_button = QPushButton("Bewerken…", objectName=f"edit_{quadrant}")
        self.edit_button.clicked.connect(lambda: self.tab.edit_item(self.quadrant))
        self.delete_button = QPushButton("Verwijderen", objectName=f"delete_{quadrant}")
        self.delete_button.clicked.connect(lambda: self.tab.delete_item(self.quadrant))
        self.up_button = QToolButton(text="▲", objectName=f"up_{quadrant}", toolTip="Hoger zetten (Ctrl+Pijl omhoog)")
        self.up_button.clicked.connect(lambda: self.tab.move_item(self.quadrant, -1))
        self.down_button = QToolButton(text="▼", objectName=f"down_{quadrant}",
                                       toolTip="Lager zetten (Ctrl+Pijl omlaag)")
        self.down_button.clicked.connect(lambda: self.tab.move_item(self.quadrant, 1))
        for widget in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(widget)
        buttons.addStretch()
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        for key, action in ((Qt.Key.Key_Delete, lambda: self.tab.delete_item(self.quadrant)),
                            (Qt.Key.Key_Return, lambda: self.tab.edit_item(self.quadrant)),
                            ("Ctrl+Up", lambda: self.tab.move_item(self.quadrant, -1)),
                            ("Ctrl+Down", lambda: self.tab.move_item(self.quadrant, 1))):
            shortcut = QShortcut(QKeySequence(key), self.list, activated=action)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def set_items(self, items: list[swot.SwotRow], select_id: int | None = None) -> None:
        self.list.clear()
        for item in items:
            text = item.text + (f"\n↳ {item.source_label}" if item.source_label else "")
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            if item.source_label:
                entry.setToolTip(f"Bron: {item.source_label}")
            self.list.addItem(entry)
            if item.id == select_id:
                self.list.setCurrentItem(entry)
        if not items:
            placeholder = QListWidgetItem("(nog niets — klik op Toevoegen…)")
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(placeholder)

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


class SwotTab(QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.scope_combo = QComboBox(objectName="swot_scope")
        self.scope_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.export_button = QPushButton("Exporteren…", objectName="export_swot")
        self.export_button.setToolTip("Als PDF (het 2×2-raster) of als Excel-tabel")
        self.export_button.clicked.connect(self.export)
        self.count_label = QLabel(objectName="swot_count")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("SWOT van:"))
        bar.addWidget(self.scope_combo)
        bar.addWidget(self.count_label)
        bar.addStretch()
        bar.addWidget(self.export_button)
        grid = QGridLayout()
        self.panels = {q: QuadrantPanel(self, q) for q in QUADRANTS}
        for (row, column), quadrant in zip(((0, 0), (0, 1), (1, 0), (1, 1)), QUADRANTS, strict=True):
            grid.addWidget(self.panels[quadrant], row, column)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(grid, 1)
        self.reload_choices()

    def scope(self) -> str | None:
        return self.scope_combo.currentData()

    def reload_choices(self) -> None:
        with self.ctx.reading() as session:
            places = municipalities.list_municipalities(session, participating_only=True)
        current = self.scope_combo.currentData()
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        self.scope_combo.addItem(REGION, None)
        for m in places:
            self.scope_combo.addItem(m.name, m.nis_code)
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(current)))
        self.scope_combo.blockSignals(False)
        self.refresh()

    def refresh(self, select: tuple[str, int] | None = None) -> None:
        with self.ctx.reading() as session:
            items = swot.list_swot(session, self.scope())
        for quadrant, panel in self.panels.items():
            panel.set_items(items.get(quadrant, []), select[1] if select and select[0] == quadrant else None)
        total = sum(len(v) for v in items.values())
        self.count_label.setText(f"{total} punt{'en' if total != 1 else ''}")

    def add_item(self, quadrant: str = STRENGTH) -> None:
        dialog = SwotItemDialog(self.ctx, self.scope(), quadrant, parent=self)
        if dialog.exec():
            self.refresh((dialog.collect().quadrant, dialog.saved_id))
            self.status_message.emit("SWOT-punt toegevoegd.")

    def edit_item(self, quadrant: str) -> None:
        item_id = self.panels[quadrant].selected_id()
        if item_id is None:
            self.status_message.emit("Selecteer eerst een punt.")
            return
        dialog = SwotItemDialog(self.ctx, self.scope(), quadrant, item_id, parent=self)
        if dialog.exec():
            self.refresh((dialog.collect().quadrant, item_id))
            self.status_message.emit("SWOT-punt bewaard.")

    def delete_item(self, quadrant: str) -> None:
        item_id = self.panels[quadrant].selected_id()
        if item_id is None:
            self.status_message.emit("Selecteer eerst een punt.")
            return
        analysis_ops.delete_swot_item(self.ctx, item_id)  # undoable: Ctrl+Z
        self.refresh()
        self.status_message.emit("SWOT-punt verwijderd. Ongedaan maken met Ctrl+Z.")

    def move_item(self, quadrant: str, step: int) -> None:
        item_id = self.panels[quadrant].selected_id()
        if item_id is None:
            return
        if analysis_ops.move_swot_item(self.ctx, item_id, step):
            self.refresh((quadrant, item_id))
            self.panels[quadrant].list.setFocus()

    def export(self) -> None:
        from pathlib import Path

        scope_name = self.scope_combo.currentText()
        suggested = Path.home() / f"SWOT {scope_name.split(' (')[0]}.pdf"
        path, chosen = QFileDialog.getSaveFileName(self, "SWOT exporteren", str(suggested),
                                                   "PDF-document (*.pdf);;Excel-werkmap (*.xlsx)")
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".pdf", ".xlsx"):
            target = target.with_suffix(".xlsx" if "xlsx" in chosen else ".pdf")
        self.export_to(target)

    def export_to(self, target) -> bool:  # noqa: ANN001
        from regisseur_app.domain.core.setup import association_name
        from regisseur_app.exchange.analysis.export import export_sheets, swot_frame
        from regisseur_app.exchange.export import ExportError
        from regisseur_app.reports.analysis.analysis_report import write_swot_pdf
        from regisseur_app.reports.pdf_base import ReportError

        with self.ctx.reading() as session:
            items = swot.list_swot(session, self.scope())
            association = association_name(session)
        scope_name = self.scope_combo.currentText()
        try:
            if target.suffix.lower() == ".pdf":
                write_swot_pdf(target, items, scope_name, association)
            else:
                export_sheets(target, [(f"SWOT {scope_name}", swot_frame(items))])
        except (ExportError, ReportError) as exc:
            QMessageBox.warning(self, "Exporteren mislukt", str(exc))
            return False
        self.status_message.emit(f"SWOT geëxporteerd naar {target}.")
        return True
