"""Import a file through the dialog like a user: choose mapping, look at the preview, import."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from regisseur_app.domain.core import organisation_service
from regisseur_app.storage.backup import list_backups
from regisseur_app.ui.import_dialog import ImportDialog

CSV_OK = ("Naam;Ondernemingsnummer;Type;Gemeente;Actief in\r\n"
          "Kringwinkel Hageland;0403.170.701;Kringwinkel;Bekkevoort;Bekkevoort, Glabbeek\r\n"
          "Groendienst Zoë;;Maatwerkbedrijf;Geetbets;Geetbets\r\n")
CSV_BAD_MIDDLE = ("Naam;KBO-nummer;Type\r\n"
                  "Eerste vzw;0403.170.701;LDE-initiatief\r\n"
                  "Tweede vzw;0403.170.702;LDE-initiatief\r\n"
                  "Derde vzw;;Arbeidszorg\r\n")


def _answer_message_boxes(seen: list[str]) -> QTimer:
    """Close every message box that pops up, remembering its text."""
    timer = QTimer()

    def check():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.done(QMessageBox.StandardButton.Ok)

    timer.timeout.connect(check)
    timer.start(50)
    return timer


def test_import_csv_cp1252_with_preview(qtbot, app_ctx, tmp_path):
    path = tmp_path / "organisaties.csv"
    path.write_bytes(CSV_OK.encode("cp1252"))
    dialog = ImportDialog(app_ctx, "organisations", path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert "cp1252" in dialog.file_info.text()
    assert dialog.mapping_combos["kbo_number"].currentText() == "Ondernemingsnummer"  # guessed synonym
    assert dialog.mapping_combos["seat"].currentText() == "Gemeente"
    assert dialog.guesses.isVisible()  # the preview says what was guessed from other column names
    assert "kolom 'Ondernemingsnummer' → KBO-nummer" in dialog.guesses.text()
    assert "kolom 'Gemeente' → Zetelgemeente" in dialog.guesses.text()
    assert dialog.model.rowCount() == 2
    assert dialog.summary.text().startswith("2 nieuw")
    assert dialog.import_button.isEnabled()
    seen: list[str] = []
    timer = _answer_message_boxes(seen)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=10000)
    timer.stop()
    assert any("2 organisaties toegevoegd" in text for text in seen)
    with app_ctx.reading() as s:
        rows = organisation_service.list_organisations(s)
    assert [(r.name, r.seat_name) for r in rows] == [("Groendienst Zoë", "Geetbets"),
                                                     ("Kringwinkel Hageland", "Bekkevoort")]
    assert list_backups(app_ctx.paths.backup_dir)  # a verified backup was made before the import


def test_bad_row_in_the_middle_blocks_the_whole_file(qtbot, app_ctx, tmp_path):
    path = tmp_path / "fout.csv"
    path.write_text(CSV_BAD_MIDDLE, encoding="utf-8-sig")
    dialog = ImportDialog(app_ctx, "organisations", path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert not dialog.import_button.isEnabled()
    statuses = [dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())]
    assert statuses == ["nieuw", "fout", "nieuw"]
    assert dialog.model.index(1, 0).data() == "3"  # the line as the user sees it in the file
    assert "controlegetal" in dialog.model.index(1, 2).data()
    with app_ctx.reading() as s:
        assert organisation_service.list_organisations(s) == []


def test_changing_the_mapping_updates_the_preview(qtbot, app_ctx, tmp_path):
    path = tmp_path / "organisaties.csv"
    path.write_text(CSV_OK, encoding="utf-8")
    dialog = ImportDialog(app_ctx, "organisations", path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    first = dialog.preview
    combo = dialog.mapping_combos["type"]
    combo.setCurrentIndex(0)  # "— niet importeren —": a required field without a column
    qtbot.waitUntil(lambda: "verplicht" in dialog.summary.text(), timeout=10000)
    assert not dialog.import_button.isEnabled()
    combo.setCurrentIndex(combo.findText("Type"))
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview is not first, timeout=10000)
    assert dialog.import_button.isEnabled()


def test_wrong_file_type_gives_a_dutch_message(qtbot, app_ctx, tmp_path):
    path = tmp_path / "verslag.docx"
    path.write_bytes(b"PK\x03\x04 not really")
    seen: list[str] = []
    timer = _answer_message_boxes(seen)
    dialog = ImportDialog(app_ctx, "organisations", path=path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    timer.stop()
    assert "niet ondersteund" in seen[0]
    assert dialog.preview is None and not dialog.import_button.isEnabled()


def test_closing_the_dialog_while_the_file_is_read_is_harmless(qtbot, app_ctx, tmp_path):
    """A background job that finishes after its window is gone must not touch the deleted widgets."""
    from tests.ui.conftest import dispose

    path = tmp_path / "organisaties.csv"
    path.write_text(CSV_OK * 1, encoding="utf-8")
    dialog = ImportDialog(app_ctx, "organisations", path=path)
    jobs = dialog.__dict__["_active_signals"]  # the jobs still to report back (workers.run_in_background)
    assert len(jobs) == 1  # the file is being read
    with qtbot.captureExceptions() as caught:
        dispose(dialog)  # gone before the read job reports back
        qtbot.waitUntil(lambda: not jobs, timeout=10000)  # the job ended and its signals were delivered
    assert [str(e[1]) for e in caught] == []


def test_sectors_are_guessed_as_categories_and_a_municipality_beside_an_address_is_flagged(qtbot, app_ctx,
                                                                                           tmp_path):
    path = tmp_path / "organisaties.csv"
    path.write_text("Naam;Type;Straat;Postcode;Gemeente;Sectoren\r\n"
                    "Kringwinkel Hageland;Kringwinkel;Stationsstraat 1;3460;Bekkevoort;Groenonderhoud\r\n",
                    encoding="utf-8")
    dialog = ImportDialog(app_ctx, "organisations", path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert dialog.mapping_combos["categories"].currentText() == "Sectoren"
    text = dialog.guesses.text()
    assert "kolom 'Sectoren' → Dienstencategorieën" in text
    assert "'Gemeente' staat naast een adres: is het de zetel of de plaats van dat adres?" in text
