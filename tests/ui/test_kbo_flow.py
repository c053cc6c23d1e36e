"""GUI flow of the KBO register, driven like a user: import a small extract (folder), filter on a NACE
division, add a candidate to the inventory; a broken extract is refused with a Dutch message."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QTableWidget
from sqlalchemy import select

from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.ui.kbo import import_flow
from regisseur_app.ui.kbo.enterprise_model import CANDIDATE_INVENTORY, CANDIDATE_RULE
from tests.ui.conftest import when_modal
from tests.unit.kbo_support import B, digits, region_extract


def _answer_folder(monkeypatch, folder) -> None:
    monkeypatch.setattr(import_flow.QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    when_modal(lambda: next(b for b in QApplication.activeModalWidget().findChildren(QPushButton)
                            if b.text() == "Map…").click())


def test_import_filter_on_a_division_and_add_a_candidate(qtbot, main_window, app_ctx, tmp_path, monkeypatch):
    page = main_window.show_page("KBO-register")
    view = page.register_view
    assert "Er is nog geen KBO-register" in view.hint.text()
    _answer_folder(monkeypatch, region_extract().write(tmp_path / "extract"))
    closed = []

    def close_changes() -> None:
        dialog = QApplication.activeModalWidget()
        closed.append(dialog.windowTitle())
        dialog.reject()

    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    when_modal(close_changes)
    qtbot.waitUntil(lambda: closed == ["Wijzigingen in het KBO-register"], timeout=60000)
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)
    assert "4 ondernemingen" in view.count_label.text()
    assert "extract 153" in page.info_label.text()
    assert view.model.index(0, 1).data() == "Bouwbedrijf Peeters"

    # filter on NACE division 81 (Dutch description from code.csv)
    combo = view.filters.nace_combo
    index = next(i for i in range(combo.count()) if combo.itemText(i).strip().startswith("81 —"))
    assert "landschapsverzorging" in combo.itemText(index)
    combo.setCurrentIndex(index)
    assert view.model.rowCount() == 1
    assert view.model.index(0, 1).data() == 'Groen & Co, "de tuinier"'

    # the candidate, with the rule that matched, added with one click
    page.tabs.setCurrentIndex(1)
    candidates = page.candidate_view
    assert candidates.model.rowCount() == 3
    row = next(r for r in range(candidates.model.rowCount()) if candidates.model.row_at(r).id == digits(B))
    assert "NACE 81.3" in candidates.model.index(row, CANDIDATE_RULE).data()
    candidates.table.selectRow(row)
    qtbot.mouseClick(candidates.add_button, Qt.MouseButton.LeftButton)
    assert "staat nu in de inventaris" in main_window.statusBar().currentMessage()
    row = next(r for r in range(candidates.model.rowCount()) if candidates.model.row_at(r).id == digits(B))
    assert candidates.model.index(row, CANDIDATE_INVENTORY).data() == "ja"
    with app_ctx.reading() as s:
        org = s.scalar(select(Organisation).where(Organisation.kbo_number == digits(B)))
        assert org.city == "Leuven" and [c.code for c in org.categories] == ["groenonderhoud"]


def test_a_broken_extract_is_refused_in_dutch(qtbot, main_window, tmp_path, monkeypatch):
    page = main_window.show_page("KBO-register")
    folder = region_extract().write(tmp_path / "extract")
    (folder / "contact.csv").unlink()
    _answer_folder(monkeypatch, folder)
    seen = []

    def read_warning() -> None:
        box = QApplication.activeModalWidget()
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    when_modal(read_warning)
    qtbot.waitUntil(lambda: bool(seen), timeout=60000)
    assert "contact.csv ontbreekt" in seen[0] and "niet gewijzigd" in seen[0]
    assert page.register_view.model.rowCount() == 0


def test_invite_a_regular_company_from_the_matchmaking_list(qtbot, main_window, app_ctx, tmp_path):
    from datetime import datetime, timedelta

    from PySide6.QtWidgets import QInputDialog

    from regisseur_app.domain.core.organisations import Contact
    from regisseur_app.operations import kbo as ops
    from tests.unit.events_support import event

    ops.import_extract(app_ctx, region_extract().write(tmp_path / "extract"))
    with app_ctx.transaction() as s:
        event(s, title="Speeddate bedrijven en SE", start=(datetime.now() + timedelta(days=30)).replace(
            hour=14, minute=0, second=0, microsecond=0), status="gepland")
    page = main_window.show_page("KBO-register")
    page.tabs.setCurrentIndex(3)
    view = page.match_view
    view.email_check.setChecked(True)
    assert [view.model.row_at(r).name for r in range(view.model.rowCount())] == ["Bouwbedrijf Peeters"]
    view.table.selectRow(0)
    seen = []

    def choose_event() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        seen.append(dialog.labelText())
        dialog.accept()
        when_modal(read_result)

    def read_result() -> None:
        box = QApplication.activeModalWidget()
        seen.append(box.text())
        box.accept()

    when_modal(choose_event)
    qtbot.mouseClick(view.invite_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert "algemeen adres" in seen[0]
    assert "1 contactpersoon uitgenodigd" in seen[1]
    with app_ctx.reading() as s:
        contact = s.scalar(select(Contact).where(Contact.email == "offerte@bouwpeeters.be"))
    assert contact is not None and contact.name.endswith("(algemeen adres)")


def test_detail_shows_both_nace_versions_and_the_situation(qtbot, app_ctx, tmp_path):
    from regisseur_app.operations import kbo as ops
    from regisseur_app.ui.kbo.detail_dialog import EnterpriseDetailDialog
    from tests.unit.kbo_support import A

    ops.import_extract(app_ctx, region_extract().write(tmp_path / "extract"))
    dialog = EnterpriseDetailDialog(app_ctx, digits(A))
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "kbo_detail_activities")
    cells = {(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())}
    assert cells == {("NACE-BEL 2008", "47.790"), ("NACE-BEL 2025", "47.790")}
    assert table.item(0, 2).text().startswith("Detailhandel in tweedehandsgoederen")
    labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel) if w.objectName().startswith("detail_")}
    assert labels["detail_Toestand"] == "Normale toestand" and labels["detail_E-mail"] == "info@kringloophageland.be"
