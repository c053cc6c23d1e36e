"""Tab 'Invullen': the organisations (search, completeness for the year) and the entry form of the one
selected, with its MVO events and follow-up actions; save through the operation (undo with Ctrl+Z)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.mvo import links
from regisseur_app.domain.mvo.orgs import reporting_organisations
from regisseur_app.domain.mvo.values import FIRST_YEAR, year_sheet
from regisseur_app.formatting import format_date
from regisseur_app.operations import mvo as mvo_ops
from regisseur_app.storage.engine import fold
from regisseur_app.ui.mvo.org_table_model import OrganisationTableModel
from regisseur_app.ui.mvo.shared_reads import SharedReads
from regisseur_app.ui.mvo.value_form import ValueForm
from regisseur_app.ui.page import data_key
from regisseur_app.ui.table_base import ID_ROLE, read_only_table, sorting_proxy


def year_combo(object_name: str) -> QComboBox:
    combo = QComboBox(objectName=object_name)
    this_year = date.today().year
    for year in range(this_year, FIRST_YEAR - 1, -1):
        combo.addItem(str(year), year)
    combo.setCurrentIndex(combo.findData(this_year - 1))
    return combo


class EntryTab(QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, reads: SharedReads | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.reads = reads or SharedReads(ctx)  # the reporting organisations, shared with the Regio tab
        self.organisation_id: int | None = None
        self.year_combo = year_combo("entry_year")
        self.search_edit = QLineEdit(objectName="search", placeholderText="Zoeken op naam…")
        self.search_edit.setClearButtonEnabled(True)
        self._year_rows: tuple | None = None  # (data_key and year, the year's organisations unfiltered)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh_list)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.model = OrganisationTableModel(self)
        self.proxy = sorting_proxy(self.model)
        # a narrow pane beside the form: the name and type keep a readable width (210 and 110 px) and the other
        # columns scroll, instead of every column narrowed to fit (keep_columns_fitted), which left 90 px for a
        # name on the first show and the clamped widths after a change of year; measured on the rows on screen
        # and 60 more, as a list (200 more of ~2.000 organisations cost ≈ 10 ms of the page's first show)
        self.table = read_only_table(self.proxy, "organisations", keep_fitted=False)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._selection_changed())
        self.count_label = QLabel(objectName="count")
        self.empty_label = QLabel("Geen organisaties gevonden. Voeg sociale-economieorganisaties toe bij "
                                  "'Organisaties' of wis de zoekterm.", objectName="empty_hint")
        self.empty_label.setWordWrap(True)
        self.title_label = QLabel(objectName="title")
        self.title_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.completeness_label = QLabel(objectName="completeness")
        self.form = ValueForm()
        self.form.changed.connect(self._update_completeness)
        self.links_label = QLabel(objectName="links")
        self.links_label.setWordWrap(True)
        self.links_label.setTextFormat(Qt.TextFormat.RichText)
        self.save_button = QPushButton("Bewaren", objectName="save")
        self.save_button.setToolTip("Bewaren (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.reload_button = QPushButton("Wijzigingen wissen", objectName="reload")
        self.reload_button.clicked.connect(self.load_form)
        self.template_button = QPushButton("Excel-sjabloon…", objectName="template")
        self.template_button.setToolTip("Een Excel-sjabloon voor deze organisatie en dit jaar, met de waarden van "
                                        "vorig jaar, om te laten invullen")
        self.template_button.clicked.connect(self.make_template)
        self.import_button = QPushButton("Sjabloon inlezen…", objectName="import_template")
        self.import_button.clicked.connect(self.import_template)
        self.report_button = QPushButton("Rapport (PDF)…", objectName="report")
        self.report_button.setToolTip("Het MVO-rapport van deze organisatie en dit jaar als PDF")
        self.report_button.clicked.connect(lambda: self.save_report())
        self.year_combo.currentIndexChanged.connect(lambda _i: self._year_changed())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel("Jaar:"))
        top.addWidget(self.year_combo)
        top.addWidget(self.search_edit, 1)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.empty_label)
        left_layout.addWidget(self.count_label)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.completeness_label)
        right_layout.addLayout(header)
        right_layout.addWidget(self.form, 1)
        right_layout.addWidget(self.links_label)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.save_button)
        self.buttons.addWidget(self.reload_button)
        self.buttons.addStretch()
        self.buttons.addWidget(self.template_button)
        self.buttons.addWidget(self.import_button)
        self.buttons.addWidget(self.report_button)
        right_layout.addLayout(self.buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([360, 1060])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self._set_enabled(False)

    @property
    def year(self) -> int:
        return int(self.year_combo.currentData())

    def refresh(self) -> None:
        self.refresh_list()
        if not self.form.dirty:
            self.load_form()

    def refresh_list(self) -> None:
        key = (data_key(self.ctx), self.year)
        if self._year_rows is None or self._year_rows[0] != key:  # ~2.000 organisations: 0,2 s on the large region
            with self.reads.reading() as session:
                self._year_rows = (key, reporting_organisations(session, self.year))
        # the search as reporting_organisations does it (folded_contains on the name), on the year's rows read once
        text = fold(self.search_edit.text().strip())
        rows = [r for r in self._year_rows[1] if text in fold(r.name)] if text else self._year_rows[1]
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 210))
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 110))
        self.count_label.setText(f"{len(rows)} organisatie{'' if len(rows) == 1 else 's'}")
        self.empty_label.setVisible(not rows)
        self.select_organisation(self.organisation_id, load=False)

    def select_organisation(self, organisation_id: int | None, load: bool = True) -> None:
        # the row looked up among the model's rows (~2.000), not through the view's data() per row
        source = next((i for i in range(self.model.rowCount()) if self.model.row_at(i).id == organisation_id),
                      None) if organisation_id is not None else None
        row = self.proxy.mapFromSource(self.model.index(source, 0)).row() if source is not None else -1
        if row >= 0:
            self.table.blockSignals(True)
            self.table.selectRow(row)
            self.table.blockSignals(False)
        if load and organisation_id != self.organisation_id:
            self.organisation_id = organisation_id
            self.load_form()

    def _selection_changed(self) -> None:
        index = self.table.currentIndex()
        new_id = index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None
        if new_id == self.organisation_id:
            return
        if not self._may_leave():
            self.select_organisation(self.organisation_id, load=False)
            return
        self.organisation_id = new_id
        self.load_form()

    def _year_changed(self) -> None:
        self.refresh_list()
        self.load_form()

    def _may_leave(self) -> bool:
        """Unsaved changes: ask to save them first. False when the user cancels."""
        if not self.form.dirty or self.organisation_id is None:
            return True
        answer = QMessageBox.question(
            self, "Wijzigingen bewaren?", "De ingevulde MVO-waarden zijn nog niet bewaard. Nu bewaren?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def load_form(self) -> None:
        if self.organisation_id is None:
            self.form.set_rows([])
            self.title_label.setText("Kies links een organisatie.")
            self.completeness_label.clear()
            self.links_label.clear()
            self._set_enabled(False)
            return
        with self.ctx.reading() as session:
            sheet = year_sheet(session, self.organisation_id, self.year)
            events = links.attended_mvo_events(session, self.organisation_id)
            actions = links.mvo_actions(session, self.organisation_id)
        self.form.set_rows(sheet)
        self.title_label.setText(f"{self._organisation_name()} — {self.year}")
        self._update_completeness()
        self.links_label.setText(_links_text(events, actions))
        self._set_enabled(True)

    def _update_completeness(self) -> None:
        filled, total = self.form.filled_count()
        suffix = " (niet bewaard)" if self.form.dirty else ""
        self.completeness_label.setText(f"{filled} van {total} ingevuld{suffix}")

    def _set_enabled(self, enabled: bool) -> None:
        for button in (self.save_button, self.reload_button, self.template_button, self.import_button,
                       self.report_button):
            button.setEnabled(enabled)

    def save(self) -> bool:
        if self.organisation_id is None:
            return False
        try:
            changes = mvo_ops.save_organisation_values(self.ctx, self.organisation_id, self.year, self.form.entries())
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            self.status_message.emit(f"Niet bewaard: {len(exc.errors)} waarde(n) kloppen niet. "
                                     + next(iter(exc.errors.values())))
            return False
        self.form.show_errors({})
        self.status_message.emit(f"{len(changes)} wijziging(en) bewaard." if changes else "Niets gewijzigd.")
        self.form.dirty = False
        self.refresh_list()
        self.load_form()
        return True


    def _organisation_name(self) -> str:
        rows = [self.model.row_at(r) for r in range(self.model.rowCount())]
        return next((r.name for r in rows if r.id == self.organisation_id), "")

    def make_template(self) -> None:
        from regisseur_app.ui.mvo.template_actions import make_template

        if self.organisation_id is None:
            return
        message = make_template(self, self.ctx, self.organisation_id, self._organisation_name(), self.year)
        if message:
            self.status_message.emit(message)

    def save_report(self, target=None) -> None:  # noqa: ANN001
        from regisseur_app.ui.mvo.report_action import save_organisation_report

        if self.organisation_id is None or not self._may_leave():
            return
        save_organisation_report(self, self.ctx, self.organisation_id, self._organisation_name(), self.year,
                                 self.status_message.emit, target)

    def import_template(self) -> None:
        from regisseur_app.ui.mvo.template_actions import import_template

        if self.organisation_id is None or not self._may_leave():
            return
        message = import_template(self, self.ctx, self.organisation_id, self.year)
        if message:
            self.status_message.emit(message)
        self.form.dirty = False
        self.refresh_list()
        self.load_form()


def _links_text(events: list[links.AttendedEvent], actions: list[links.LinkedAction]) -> str:
    if not events and not actions:
        return "<i>Geen MVO-evenementen bijgewoond en geen opvolgacties gekoppeld.</i>"
    parts = []
    if events:
        parts.append("<b>MVO-evenementen bijgewoond:</b> " + "; ".join(
            f"{format_date(e.starts_at)} {e.title} ({e.people} aanwezig)" for e in events))
    if actions:
        parts.append("<b>Opvolgacties:</b> " + "; ".join(
            f"{a.description} ({a.status_label}{', tegen ' + format_date(a.due_date) if a.due_date else ''})"
            for a in actions))
    return "<br/>".join(parts)
