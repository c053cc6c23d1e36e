"""The three tables of the answer import: column → question, unknown value → option, unreadable cell →
drop the cell or the row. Each choice is a combo in the table; the dialog reads them back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem

from regisseur_app.domain.survey.views import SurveyView
from regisseur_app.exchange.survey import importer
from regisseur_app.exchange.survey.formats import OPTION, QUESTION, TARGET_LABELS, Target
from regisseur_app.exchange.survey.importer import CellIssue, ValueIssue

CHOOSE = "(kies…)"


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def target_choices(view: SurveyView) -> list[tuple[str, Target]]:
    choices = [(label, Target(kind)) for kind, label in TARGET_LABELS.items()]
    for q in view.questions:
        choices.append((f"{q.code}: {q.text}", Target(QUESTION, q.id)))
        if q.kind == "multi":
            choices += [(f"{q.code} › {o.label} (aangevinkt)", Target(OPTION, q.id, o.id)) for o in q.options]
    return choices


def mapping_table(headers: list[str], samples: list[str], targets: list[Target], view: SurveyView) -> QTableWidget:
    table = _table(["Kolom in het bestand", "Voorbeeld", "Importeren als"], "column_mapping")
    choices = target_choices(view)
    for row, (header, sample, target) in enumerate(zip(headers, samples, targets, strict=True)):
        table.insertRow(row)
        table.setItem(row, 0, _item(header))
        table.setItem(row, 1, _item(sample[:60]))
        combo = QComboBox()
        for label, value in choices:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, next((i for i, (_l, v) in enumerate(choices) if v == target), 0)))
        table.setCellWidget(row, 2, combo)
    return table


def read_mapping(table: QTableWidget) -> list[Target]:
    return [table.cellWidget(row, 2).currentData() for row in range(table.rowCount())]


def value_table(issues: list[ValueIssue], view: SurveyView, places: list[tuple[str, str]]) -> QTableWidget:
    table = _table(["Vraag", "Waarde in het bestand", "Kolom", "Rijen", "Koppelen aan"], "value_issues")
    for row, issue in enumerate(issues):
        table.insertRow(row)
        lines = ", ".join(str(n) for n in issue.lines[:8]) + ("…" if len(issue.lines) > 8 else "")
        for column, text in enumerate((issue.question, issue.raw, issue.column, lines)):
            table.setItem(row, column, _item(text))
        combo = QComboBox()
        combo.addItem(CHOOSE, None)
        if issue.is_municipality:
            for nis, name in places:
                combo.addItem(name, nis)
            combo.addItem("rijen weglaten", importer.DROP)
        else:
            question = view.question(issue.key[1])
            for option in question.options:
                combo.addItem(option.label, option.id)
            combo.addItem("waarde weglaten", importer.DROP)
        table.setCellWidget(row, 4, combo)
    return table


def cell_table(issues: list[CellIssue]) -> QTableWidget:
    table = _table(["Rij", "Kolom", "Waarde", "Probleem", "Oplossing"], "cell_issues")
    for row, issue in enumerate(issues):
        table.insertRow(row)
        for column, text in enumerate((str(issue.line), issue.column, issue.value, issue.message)):
            table.setItem(row, column, _item(text))
        combo = QComboBox()
        combo.addItem(CHOOSE, None)
        if not issue.row_only:
            combo.addItem("cel weglaten", importer.DROP_CELL)
        combo.addItem("rij weglaten", importer.DROP_ROW)
        table.setCellWidget(row, 4, combo)
    return table


def apply_choices(table: QTableWidget, issues: list, column: int) -> None:
    for row, issue in enumerate(issues):
        issue.choice = table.cellWidget(row, column).currentData()
