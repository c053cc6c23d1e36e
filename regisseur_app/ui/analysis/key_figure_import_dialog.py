"""Import key figures from .xlsx/.csv: choose the file, check the layout (long, wide per indicator, wide
per year), see every value in the preview, choose replace or keep for existing values, import all or nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.analysis import indicators, key_figures
from regisseur_app.exchange.analysis.key_figure_import import (
    FORMS,
    KEEP,
    KEY_FIGURE_FIELDS,
    LONG,
    PREVIEW_FIELDS,
    REPLACE,
    WIDE_INDICATOR,
    WIDE_YEAR,
    KeyFigureLayout,
    KeyFigurePreview,
    detect_layout,
    import_key_figures,
    preview_key_figures,
)
from regisseur_app.exchange.importing import SKIP, MappingError
from regisseur_app.exchange.tabular import RawTable
from regisseur_app.formatting import format_number
from regisseur_app.operations.imports import import_table
from regisseur_app.ui.import_preview_model import ImportPreviewModel
from regisseur_app.ui.table_file import TableFileMixin, describe_table
from regisseur_app.ui.workers import Cancelled, Job, run_in_background

NOT_MAPPED = "— niet importeren —"
NO_COLUMN = "— geen kolom —"


class KeyFigureImportDialog(TableFileMixin, QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, path: Path | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.table: RawTable | None = None
        self.preview: KeyFigurePreview | None = None
        self.import_result = None
        self.result_years: list[int] = []
        self._loading = False
        with ctx.reading() as session:
            self.indicators = [i for i in indicators.list_indicators(session) if not i.is_computed]
        self.setWindowTitle("Kerncijfers importeren")
        self.resize(1250, 740)
        self.path_edit = QLineEdit(objectName="path", readOnly=True, placeholderText="Kies een .xlsx- of .csv-bestand")
        choose = QPushButton("Bestand kiezen…", objectName="choose_file")
        choose.clicked.connect(self.choose_file)
        self.file_info = QLabel(objectName="file_info")
        self.form_combo = QComboBox(objectName="form")
        for key, label in FORMS.items():
            self.form_combo.addItem(label, key)
        self.form_combo.currentIndexChanged.connect(lambda _i: self._form_changed())
        self.column_combos = {key: QComboBox(objectName=f"map_{key}") for key in KEY_FIGURE_FIELDS}
        for combo in self.column_combos.values():
            combo.currentIndexChanged.connect(lambda _i: self._column_changed())
        self.fixed_indicator = QComboBox(objectName="fixed_indicator")
        self.fixed_indicator.addItem("— kies de indicator —", None)
        for item in self.indicators:
            self.fixed_indicator.addItem(item.title, item.id)
        self.fixed_indicator.currentIndexChanged.connect(lambda _i: self.schedule_preview())
        self.fixed_year = QSpinBox(objectName="fixed_year", minimum=key_figures.MIN_YEAR,
                                   maximum=key_figures.max_year())
        self.fixed_year.setValue(key_figures.max_year() - 1)
        self.fixed_year.valueChanged.connect(lambda _v: self.schedule_preview())
        self.participating_check = QCheckBox("Alleen de deelnemende gemeenten inlezen", objectName="participating_only")
        self.participating_check.setChecked(True)
        self.participating_check.toggled.connect(lambda _c: self.schedule_preview())
        layout_box = QGroupBox("Indeling van het bestand")
        self.layout_form = QFormLayout(layout_box)
        self.layout_form.addRow("Vorm", self.form_combo)
        for key, combo in self.column_combos.items():
            self.layout_form.addRow(KEY_FIGURE_FIELDS[key] + (" *" if key == "municipality" else ""), combo)
        self.layout_form.addRow("Indicator van het bestand", self.fixed_indicator)
        self.layout_form.addRow("Jaar van de cijfers", self.fixed_year)
        self.layout_form.addRow(self.participating_check)
        self.value_box = QGroupBox("Kolommen met waarden")
        self.value_form = QFormLayout(self.value_box)
        self.value_combos: dict[int, QComboBox] = {}
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(layout_box)
        left_layout.addWidget(self.value_box)
        left_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(440)
        self.model = ImportPreviewModel(self)
        self.preview_view = QTableView(objectName="preview")
        self.preview_view.setModel(self.model)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.verticalHeader().hide()
        self.summary = QLabel(objectName="summary", wordWrap=True)
        # a national file has hundreds of rows that are skipped: hidden unless asked, so the rows that are
        # read in (or have an error) are the ones on screen
        self.show_skipped = QCheckBox("Overgeslagen rijen tonen", objectName="show_skipped")
        self.show_skipped.toggled.connect(lambda _c: self._show_rows())
        self.unmatched = QLabel(objectName="unmatched", wordWrap=True)
        self.unmatched.setStyleSheet("color: #b00020;")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview_view)
        right_layout.addWidget(self.unmatched)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.show_skipped)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([450, 800])
        self.lay_out_import(choose, splitter)
        self._update_visibility()
        if path is not None:
            self.load_file(path)

    # ---- step 1: the file --------------------------------------------------------------------------
    def _file_loaded(self, table: RawTable) -> None:
        self.table = table
        self.file_info.setText(describe_table(table))
        with self.ctx.reading() as session:
            layout = detect_layout(session, table)
        self._loading = True
        for key, combo in self.column_combos.items():
            combo.clear()
            combo.addItem(NOT_MAPPED if key == "municipality" else NO_COLUMN, None)
            for index, header in enumerate(table.headers):
                combo.addItem(header, index)
            combo.setCurrentIndex(max(0, combo.findData(layout.columns.get(key))))
        self.form_combo.setCurrentIndex(self.form_combo.findData(layout.form))
        self._build_value_columns(layout.value_columns)
        self._update_visibility()
        self._loading = False
        self.schedule_preview()

    # ---- step 2: layout and preview -----------------------------------------------------------------
    def _form_changed(self) -> None:
        if self._loading:
            return
        self._loading = True
        detected = {}
        if self.table is not None and self.form() != LONG:
            with self.ctx.reading() as session:
                guess = detect_layout(session, self.table)
            detected = guess.value_columns if guess.form == self.form() else {}
        self._build_value_columns(detected)
        self._update_visibility()
        self._loading = False
        self.schedule_preview()

    def _column_changed(self) -> None:
        if not self._loading:
            self._update_visibility()
        self.schedule_preview()

    def form(self) -> str:
        return self.form_combo.currentData()

    def _build_value_columns(self, chosen: dict[int, int]) -> None:
        while self.value_form.rowCount():
            self.value_form.removeRow(0)
        self.value_combos = {}
        if self.table is None or self.form() == LONG:
            return
        base = {c.currentData() for c in self.column_combos.values() if c.currentData() is not None}
        for index, header in enumerate(self.table.headers):
            if index in base:
                continue
            combo = QComboBox(objectName=f"value_column_{index}")
            combo.addItem(NOT_MAPPED, None)
            if self.form() == WIDE_INDICATOR:
                for item in self.indicators:
                    combo.addItem(item.title, item.id)
            else:
                for year in range(key_figures.max_year(), key_figures.MIN_YEAR - 1, -1):
                    combo.addItem(str(year), year)
            combo.setCurrentIndex(max(0, combo.findData(chosen.get(index))))
            combo.currentIndexChanged.connect(lambda _i: self.schedule_preview())
            self.value_combos[index] = combo
            self.value_form.addRow(f"'{header}'", combo)

    def _update_visibility(self) -> None:
        form = self.form()
        long = form == LONG
        for key in ("indicator", "year", "value"):
            visible = long or (key == "year" and form == WIDE_INDICATOR) or (key == "indicator" and form == WIDE_YEAR)
            self.layout_form.setRowVisible(self.column_combos[key], visible)
        self.layout_form.setRowVisible(
            self.fixed_indicator, form == WIDE_YEAR and self.column_combos["indicator"].currentData() is None)
        self.layout_form.setRowVisible(
            self.fixed_year, form == WIDE_INDICATOR and self.column_combos["year"].currentData() is None)
        self.value_box.setVisible(not long)
        self.value_box.setTitle("Kolommen per indicator" if form == WIDE_INDICATOR else "Kolommen per jaar")

    def current_layout(self) -> KeyFigureLayout:
        form = self.form()
        columns = {key: combo.currentData() for key, combo in self.column_combos.items()}
        if form == WIDE_INDICATOR:
            columns["indicator"] = columns["value"] = None
        elif form == WIDE_YEAR:
            columns["year"] = columns["value"] = None
        values = {index: combo.currentData() for index, combo in self.value_combos.items()
                  if combo.currentData() is not None}
        return KeyFigureLayout(
            form, columns, values,
            fixed_indicator_id=self.fixed_indicator.currentData() if form == WIDE_YEAR else None,
            fixed_year=self.fixed_year.value() if form == WIDE_INDICATOR and columns["year"] is None else None,
            participating_only=self.participating_check.isChecked())

    def schedule_preview(self) -> None:
        if self._loading or self.table is None:
            return
        table, layout = self.table, self.current_layout()
        self.import_button.setEnabled(False)

        def work(job: Job) -> KeyFigurePreview:
            with self.ctx.reading() as session:
                return preview_key_figures(session, table, layout, KEEP,
                                           progress=lambda done, total: job.progress(done * 100 // max(total, 1)))

        run_in_background(self, "Voorbeeld maken…", work, self._set_preview, self._preview_failed)

    def _show_rows(self) -> None:
        preview = self.preview
        rows = preview.rows if preview else []
        if not self.show_skipped.isChecked():
            rows = [r for r in rows if r.status != SKIP]
        mapped = list(PREVIEW_FIELDS) if self.form() != LONG else [k for k in PREVIEW_FIELDS if k != "column"]
        self.model.set_preview(rows, PREVIEW_FIELDS, mapped)
        self.preview_view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.preview_view.setColumnWidth(column, min(self.preview_view.columnWidth(column), 280))
        skipped = preview.skip_count if preview else 0
        self.show_skipped.setText(f"Overgeslagen rijen tonen ({format_number(skipped)})")
        self.show_skipped.setVisible(bool(skipped))

    def _preview_failed(self, exc: Exception) -> None:
        self._set_preview(None)
        if isinstance(exc, MappingError):
            self.summary.setText(str(exc))
        elif not isinstance(exc, Cancelled):
            self.summary.setText(f"Geen voorbeeld mogelijk: {exc}")

    def _set_preview(self, preview: KeyFigurePreview | None) -> None:
        self.preview = preview
        self._show_rows()
        self.unmatched.setText(preview.unmatched_report() if preview else "")
        self.unmatched.setVisible(bool(preview and preview.unmatched))
        if preview is None:
            self.import_button.setEnabled(False)
            return
        parts = [f"{format_number(preview.new_count)} nieuw", f"{format_number(preview.skip_count)} overslaan",
                 f"{format_number(preview.error_count)} met fouten"]
        text = "Waarden: " + ", ".join(parts) + "."
        if preview.conflicts:
            text += (f" {format_number(preview.conflicts)} waarde(n) bestaan al met een ander getal: bij het "
                     "importeren kies je vervangen of behouden.")
        if not preview.ok:
            text += " Verbeter de rijen met fouten in het bestand (of de indeling): er wordt niets ingelezen " \
                    "zolang er fouten zijn."
        self.summary.setText(text)
        self.import_button.setEnabled(preview.ok and (preview.new_count + preview.conflicts) > 0)

    # ---- step 3: import --------------------------------------------------------------------------------
    def ask_existing(self, conflicts: int) -> str | None:
        box = QMessageBox(QMessageBox.Icon.Question, "Waarden bestaan al",
                          f"{format_number(conflicts)} waarde(n) uit het bestand staan al in Regisseur met een ander "
                          "getal. Wil je ze vervangen door de waarden uit het bestand, of de bestaande behouden?",
                          parent=self)
        replace = box.addButton("Vervangen", QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton("Behouden", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Annuleren", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return REPLACE if box.clickedButton() is replace else KEEP if box.clickedButton() is keep else None

    def run_import(self) -> None:
        if self.table is None or self.preview is None or not self.preview.ok:
            return
        mode = KEEP
        if self.preview.conflicts:
            mode = self.ask_existing(self.preview.conflicts)
            if mode is None:
                return
        table, layout = self.table, self.current_layout()
        self.result_years = sorted({v[2] for v in self.preview.values if v is not None})

        def work(job: Job):  # noqa: ANN202
            job.progress(0, "Back-up maken, dan kerncijfers inlezen…")
            return import_table(self.ctx, import_key_figures, table, layout, mode,
                                progress=lambda done, total: job.progress(done * 100 // max(total, 1)))

        run_in_background(self, "Importeren…", work, self._imported, self._import_failed)

    def _imported(self, result) -> None:  # noqa: ANN001
        self.import_result = result
        QMessageBox.information(
            self, "Import voltooid",
            f"{format_number(result.created)} waarden toegevoegd, {format_number(result.updated)} vervangen, "
            f"{format_number(result.skipped)} overgeslagen.")
        self.accept()
