"""Import organisations or contacts from .xlsx/.csv: choose file, map columns, preview, import all-or-nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from regisseur_app import features
from regisseur_app.context import AppContext
from regisseur_app.exchange.importing import ImportPreview, MappingError, explain_guesses, guess_mapping
from regisseur_app.exchange.tabular import RawTable
from regisseur_app.features.spec import resolve
from regisseur_app.formatting import counted, format_number
from regisseur_app.operations.imports import import_table
from regisseur_app.ui.import_preview_model import ImportPreviewModel
from regisseur_app.ui.table_file import TableFileMixin, describe_table
from regisseur_app.ui.workers import Cancelled, Job, run_in_background

NOT_MAPPED = "— niet importeren —"


class ImportDialog(TableFileMixin, QDialog):
    def __init__(self, ctx: AppContext, kind: str, parent: QWidget | None = None, path: Path | None = None):
        super().__init__(parent)
        self.ctx = ctx
        spec = features.import_kind(kind)
        self.singular, self.noun = spec.singular, spec.plural
        self.fields = resolve(spec.fields)
        self._preview_fn, self._import_fn = resolve(spec.preview), resolve(spec.run)
        self.table: RawTable | None = None
        self.preview: ImportPreview | None = None
        self.import_result = None
        self.setWindowTitle(f"{self.noun.capitalize()} importeren")
        self.resize(1100, 700)
        self.path_edit = QLineEdit(objectName="path", readOnly=True, placeholderText="Kies een .xlsx- of .csv-bestand")
        choose = QPushButton("Bestand kiezen…", objectName="choose_file")
        choose.clicked.connect(self.choose_file)
        self.file_info = QLabel(objectName="file_info")
        self.mapping_combos: dict[str, QComboBox] = {}
        mapping_box = QGroupBox("Kolommen koppelen")
        mapping_form = QFormLayout(mapping_box)
        for key, label in self.fields.items():
            combo = QComboBox(objectName=f"map_{key}")
            combo.currentIndexChanged.connect(lambda _i: self.schedule_preview())
            self.mapping_combos[key] = combo
            mapping_form.addRow(label + (" *" if key in self.fields.required else ""), combo)
        self.duplicate_combo = QComboBox(objectName="on_duplicate")
        self.duplicate_combo.addItem("Bestaande overslaan", "skip")
        self.duplicate_combo.addItem("Bestaande bijwerken", "update")
        self.duplicate_combo.currentIndexChanged.connect(lambda _i: self.schedule_preview())
        mapping_form.addRow("Bestaat al:", self.duplicate_combo)
        scroll = QScrollArea()
        scroll.setWidget(mapping_box)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(340)
        self.model = ImportPreviewModel(self)
        self.preview_view = QTableView(objectName="preview")
        self.preview_view.setModel(self.model)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.verticalHeader().hide()
        self.summary = QLabel(objectName="summary", wordWrap=True)
        self.guesses = QLabel(objectName="guesses", wordWrap=True)  # what was guessed from other column names
        self.guesses.setStyleSheet("color: #7a4a00; background: #fff6e0; padding: 6px;")
        self.guesses.hide()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.guesses)
        right_layout.addWidget(self.preview_view)
        right_layout.addWidget(self.summary)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        self.lay_out_import(choose, splitter)
        self._loading = False
        if path is not None:
            self.load_file(path)

    # ---- step 1: the file ----------------------------------------------------------------------
    def _file_loaded(self, table: RawTable) -> None:
        self.table = table
        self.file_info.setText(describe_table(table))
        guessed = guess_mapping(table.headers, self.fields)
        self._loading = True
        for key, combo in self.mapping_combos.items():
            combo.clear()
            combo.addItem(NOT_MAPPED, None)
            for index, header in enumerate(table.headers):
                combo.addItem(header or f"kolom {index + 1}", index)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(key))))
        self._loading = False
        self.schedule_preview()

    # ---- step 2: mapping and preview ------------------------------------------------------------
    def mapping(self) -> dict[str, int | None]:
        return {key: combo.currentData() for key, combo in self.mapping_combos.items()}

    def _show_guesses(self) -> None:
        lines = explain_guesses(self.table.headers, self.fields, self.mapping()) if self.table else []
        self.guesses.setText("Gekoppeld op basis van de kolomnaam — controleer: " + "; ".join(lines) + "."
                             if lines else "")
        self.guesses.setVisible(bool(lines))

    def schedule_preview(self) -> None:
        if self._loading or self.table is None:
            return
        table, mapping, on_duplicate = self.table, self.mapping(), self.duplicate_combo.currentData()
        self.import_button.setEnabled(False)
        self._show_guesses()

        def work(job: Job) -> ImportPreview:
            with self.ctx.reading() as session:
                return self._preview_fn(session, table, mapping, on_duplicate,
                                        progress=lambda done, total: job.progress(done * 100 // max(total, 1)))

        run_in_background(self, "Voorbeeld maken…", work, self._set_preview, self._preview_failed)

    def _preview_failed(self, exc: Exception) -> None:
        self._set_preview(None)
        if isinstance(exc, MappingError):
            self.summary.setText(str(exc))
        elif not isinstance(exc, Cancelled):
            self.summary.setText(f"Geen voorbeeld mogelijk: {exc}")

    def _set_preview(self, preview: ImportPreview | None) -> None:
        self.preview = preview
        mapped = [k for k, v in self.mapping().items() if v is not None]
        self.model.set_preview(preview.rows if preview else [], self.fields, mapped)
        self.preview_view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.preview_view.setColumnWidth(column, min(self.preview_view.columnWidth(column), 360))
        if preview is None:
            self.import_button.setEnabled(False)
            return
        parts = [f"{format_number(preview.new_count)} nieuw", f"{format_number(preview.update_count)} bijwerken",
                 f"{format_number(preview.skip_count)} overslaan", f"{format_number(preview.error_count)} met fouten"]
        text = ", ".join(parts) + "."
        if not preview.ok:
            text += " Verbeter de rijen met fouten in het bestand (of de koppeling): er wordt niets ingelezen " \
                    "zolang er fouten zijn."
        self.summary.setText(text)
        self.import_button.setEnabled(preview.ok and (preview.new_count + preview.update_count) > 0)

    # ---- step 3: import ---------------------------------------------------------------------------
    def run_import(self) -> None:
        if self.table is None or self.preview is None or not self.preview.ok:
            return
        table, mapping, on_duplicate = self.table, self.mapping(), self.duplicate_combo.currentData()

        def work(job: Job):  # noqa: ANN202
            job.progress(0, f"Back-up maken, dan {self.noun} inlezen…")
            return import_table(self.ctx, self._import_fn, table, mapping, on_duplicate,
                                progress=lambda done, total: job.progress(done * 100 // max(total, 1)))

        run_in_background(self, "Importeren…", work, self._imported, self._import_failed)

    def _imported(self, result) -> None:  # noqa: ANN001
        self.import_result = result
        QMessageBox.information(
            self, "Import voltooid",
            f"{counted(result.created, self.singular, self.noun)} toegevoegd, "
            f"{format_number(result.updated)} bijgewerkt, {format_number(result.skipped)} overgeslagen.")
        self.accept()
