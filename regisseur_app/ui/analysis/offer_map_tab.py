"""Aanbodkaart: service categories x municipalities (click a cell to see the organisations), organisations
by type per municipality, target-group jobs per 1.000 inhabitants; export to Excel."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.analysis import offer_map
from regisseur_app.formatting import format_number
from regisseur_app.ui.analysis.jobs_model import JobsModel
from regisseur_app.ui.analysis.matrix_model import MatrixModel
from regisseur_app.ui.export_action import ask_export_path
from regisseur_app.ui.fit_contents import fit_to_contents
from regisseur_app.ui.organisations.table_model import OrganisationTableModel
from regisseur_app.ui.table_base import ID_ROLE, sorting_proxy

CATEGORIES, TYPES, JOBS = range(3)
LEGEND = ("<span style='background:#f6c6c9'>&nbsp;rood&nbsp;</span> geen aanbod · "
          "<span style='background:#fff0b3'>&nbsp;geel&nbsp;</span> één organisatie (dun aanbod) · "
          "een organisatie telt in haar zetelgemeente en in de gemeenten waar ze actief is")


class OfferMapTab(QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.view_combo = QComboBox(objectName="offer_view")
        self.view_combo.addItems(["Dienstencategorieën × gemeenten", "Organisatietypes × gemeenten",
                                  "Doelgroepwerk per 1.000 inwoners"])
        self.se_check = QCheckBox("Alleen sociale-economie-organisaties", objectName="se_only")
        self.allocation_combo = QComboBox(objectName="allocation")
        for key, label in offer_map.ALLOCATIONS.items():
            self.allocation_combo.addItem(f"Toerekening {label}", key)
        self.export_button = QPushButton("Exporteren naar Excel…", objectName="export_offer_map")
        self.export_button.clicked.connect(self.export)
        self.view_combo.currentIndexChanged.connect(self._view_changed)
        self.se_check.toggled.connect(lambda _c: self._read(self._fill_categories))
        self.allocation_combo.currentIndexChanged.connect(lambda _i: self._read(self._fill_jobs))
        self._fills = (self._fill_categories, self._fill_types, self._fill_jobs)  # by view (CATEGORIES, ...)
        self._read_views: set[int] = set()  # the views read since the last refresh
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Weergave:"))
        bar.addWidget(self.view_combo)
        bar.addWidget(self.se_check)
        bar.addWidget(self.allocation_combo)
        bar.addStretch()
        bar.addWidget(self.export_button)
        self.legend = QLabel(LEGEND, objectName="legend", wordWrap=True)
        self.category_model = MatrixModel(self)
        self.type_model = MatrixModel(self, highlight=False)
        self.category_view = self._matrix_view(self.category_model, "offer_matrix")
        self.type_view = self._matrix_view(self.type_model, "type_matrix")
        self.jobs_model = JobsModel(self)
        self.jobs_view = QTableView(objectName="jobs")
        self.jobs_view.setModel(sorting_proxy(self.jobs_model))
        self.jobs_view.verticalHeader().hide()
        fit_to_contents(self.jobs_view)
        self.jobs_note = QLabel(objectName="jobs_note", wordWrap=True)
        jobs_page = QWidget()
        jobs_layout = QVBoxLayout(jobs_page)
        jobs_layout.setContentsMargins(0, 0, 0, 0)
        jobs_layout.addWidget(self.jobs_view, 1)
        jobs_layout.addWidget(self.jobs_note)
        self.stack = QStackedWidget()
        for widget in (self.category_view, self.type_view, jobs_page):
            self.stack.addWidget(widget)
        self.cell_title = QLabel("Klik op een cel om de organisaties te zien.", objectName="cell_title", wordWrap=True)
        self.cell_title.setStyleSheet("font-weight: bold;")
        self.org_model = OrganisationTableModel(self)
        self.org_proxy = sorting_proxy(self.org_model)
        self.org_view = QTableView(objectName="cell_organisations")
        self.org_view.setModel(self.org_proxy)
        self.org_view.setSortingEnabled(True)
        self.org_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.org_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.org_view.verticalHeader().hide()
        self.org_view.doubleClicked.connect(self._open_organisation)
        self.org_view.setToolTip("Dubbelklik om de organisatie te openen")
        self.panel = QWidget()
        panel_layout = QVBoxLayout(self.panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.addWidget(self.cell_title)
        panel_layout.addWidget(self.org_view, 1)
        splitter = QSplitter()
        splitter.addWidget(self.stack)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.legend)
        layout.addWidget(splitter, 1)
        self._view_changed(CATEGORIES)

    def _matrix_view(self, model: MatrixModel, name: str) -> QTableView:
        view = QTableView(objectName=name)
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.clicked.connect(lambda index, m=model: self.show_cell(m, index))
        view.activated.connect(lambda index, m=model: self.show_cell(m, index))
        return view

    def _view_changed(self, view: int) -> None:
        self.stack.setCurrentIndex(view)
        self.se_check.setVisible(view == CATEGORIES)
        self.allocation_combo.setVisible(view == JOBS)
        self.legend.setVisible(view == CATEGORIES)
        self.panel.setVisible(view != JOBS)
        self.org_model.set_rows([])
        self.cell_title.setText("Klik op een cel om de organisaties te zien.")
        # each view is read when it is first shown after a refresh, and then shows what it read until the next
        # refresh (a change of the data, Vernieuwen); hidden (the page being built) the view is read when the tab
        # is shown (the page refreshes it)
        if self.isVisible() and view not in self._read_views:
            self._read(self._fills[view])

    def refresh(self) -> None:
        """Read the view on screen again; the others are read when they are shown (on the large region each view
        takes 20–30 ms to read: the three together made the tab's first show ≈ 100 ms)."""
        self._read_views.clear()
        with self.ctx.reading() as session:
            self._fills[self.stack.currentIndex()](session)

    def _read(self, fill) -> None:  # noqa: ANN001  (one of the _fill_ methods)
        """One view read again (its first show since the refresh, or its own choice: SE only, the allocation)."""
        if not self._read_views:  # nothing read yet: the view on screen now if shown, else when the tab is shown
            if self.isVisible():
                self.refresh()
            return
        with self.ctx.reading() as session:
            fill(session)

    def _fill_categories(self, session) -> None:  # noqa: ANN001
        self.category_model.set_matrix(offer_map.offer_matrix(session, self.se_check.isChecked()))
        self._read_views.add(CATEGORIES)

    def _fill_types(self, session) -> None:  # noqa: ANN001
        self.type_model.set_matrix(offer_map.type_matrix(session))
        self._read_views.add(TYPES)

    def _fill_jobs(self, session) -> None:  # noqa: ANN001
        jobs = offer_map.target_group_jobs(session, self.allocation_combo.currentData())
        self.jobs_model.set_rows([*jobs.rows, jobs.total])
        note = f"Doelgroepwerknemers van actieve organisaties, {offer_map.ALLOCATIONS[jobs.allocation]}. "
        fallback = [r.name for r in jobs.rows if r.inhabitants.fallback]
        if fallback:
            note += (f"Inwoners: geen kerncijfer {jobs.year} voor {', '.join(fallback)}, dus uit de gemeentetabel "
                     "(1/1/2020).")
        else:
            note += f"Inwoners: kerncijfer {jobs.year}."
        if jobs.outside:
            note += (f" {format_number(jobs.outside)} doelgroepwerknemers horen bij organisaties met hun zetel buiten "
                     "de deelnemende gemeenten en tellen hier niet mee.")
        self.jobs_note.setText(note)
        self._read_views.add(JOBS)

    def show_cell(self, model: MatrixModel, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row_id, nis = model.cell(index)
        label = model.matrix.rows[index.row()][1]
        by_type = model is self.type_model
        se_only = self.se_check.isChecked() and not by_type
        with self.ctx.reading() as session:
            codes = [nis] if nis else [c for c, _n in model.matrix.columns]
            rows, seen = [], set()
            for code in codes:
                found = (offer_map.type_cell_organisations(session, row_id, code) if by_type
                         else offer_map.cell_organisations(session, row_id, code, se_only))
                for row in found:
                    if row.id not in seen:
                        seen.add(row.id)
                        rows.append(row)
        rows.sort(key=lambda r: r.name.casefold())
        self.org_model.set_rows(rows)
        self.org_view.resizeColumnsToContents()
        where = dict(model.matrix.columns).get(nis, "de regio") if nis else "de regio"
        if rows:
            self.cell_title.setText(f"{label} in {where}: {len(rows)} organisatie{'s' if len(rows) != 1 else ''}")
        else:
            self.cell_title.setText(f"{label} in {where}: geen aanbod. Zie de Hiaten voor een overzicht.")

    def _open_organisation(self, index: QModelIndex) -> None:
        from regisseur_app.ui.organisations.organisation_dialog import OrganisationDialog

        org_id = index.data(ID_ROLE)
        if org_id is not None and OrganisationDialog(self.ctx, org_id, parent=self).exec():
            self.refresh()

    def export(self) -> None:
        from regisseur_app.exchange.analysis.export import cell_list_frame, export_sheets, jobs_frame, matrix_frame
        from regisseur_app.exchange.export import ExportError

        target = ask_export_path(self, "aanbodkaart")
        if target is None:
            return
        se_only = self.se_check.isChecked()
        with self.ctx.reading() as session:
            categories = offer_map.offer_matrix(session, se_only)
            sheets = [("Aanbodkaart", matrix_frame(categories, "Dienstencategorie")),
                      ("Organisaties per type", matrix_frame(offer_map.type_matrix(session), "Organisatietype")),
                      ("Doelgroepwerk per 1.000", jobs_frame(
                          offer_map.target_group_jobs(session, self.allocation_combo.currentData())))]
            sheets.append(("Organisaties per cel", cell_list_frame(session, categories, se_only)))
        try:
            export_sheets(target, sheets)
        except ExportError as exc:
            QMessageBox.warning(self, "Exporteren mislukt", str(exc))
            return
        self.status_message.emit(f"Aanbodkaart geëxporteerd naar {target}.")

