"""GUI flows of 'Doorverwijzingen', driven like a user: add, three steps, timeline, statistics."""

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
)

from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.organisation_service import OrganisationInput, save_organisation
from regisseur_app.domain.referrals import service as svc
from regisseur_app.domain.referrals.models import POSITIVE, SCREENING, STARTED
from tests.ui.conftest import when_modal

NN_2003 = "03021412348"


def _choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def _save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _fill_new(qtbot, municipality="Glabbeek", note=""):
    dialog = QApplication.activeModalWidget()
    _choose(dialog.findChild(QComboBox, "municipality"), municipality)
    _choose(dialog.findChild(QComboBox, "type"), "Art. 60§7/TWE-traject")
    _choose(dialog.findChild(QComboBox, "leefloon"), "ja")
    if note:
        qtbot.keyClicks(dialog.findChild(QPlainTextEdit, "note"), note)
    _save(qtbot, dialog)
    return dialog


def test_add_referral_move_through_three_statuses_see_timeline_and_stats(qtbot, main_window, app_ctx):
    with app_ctx.transaction() as s:
        type_id = codelists.list_items(s, codelists.ORGANISATION_TYPE)[0].id
        save_organisation(s, OrganisationInput("Maatwerkbedrijf Velpdal", type_id))
    page = main_window.show_page("Doorverwijzingen")
    view = page.list_view
    assert view.model.rowCount() == 0
    when_modal(lambda: _fill_new(qtbot, note="Vraag naar werk op maat."))
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 1
    code = view.model.index(0, 0).data()
    assert code == f"GLA-{date.today().year}-0001"
    assert "opgeslagen" in main_window.statusBar().currentMessage()

    seen = {}

    def step(status_label, organisation=None):
        dialog = QApplication.activeModalWidget()
        _choose(dialog.findChild(QComboBox, "step_status"), status_label)
        if organisation:
            _choose(dialog.findChild(QComboBox, "step_organisation"), organisation)
        qtbot.keyClicks(dialog.findChild(QPlainTextEdit, "step_note"), f"stap {status_label}")
        _save(qtbot, dialog)

    def drive_detail():
        detail = QApplication.activeModalWidget()
        for label, org in (("In screening", None), ("Beslissing: positief", None),
                           ("Tewerkstelling gestart", "Maatwerkbedrijf Velpdal")):
            when_modal(lambda text=label, o=org: step(text, o))
            qtbot.mouseClick(detail.next_button, Qt.MouseButton.LeftButton)
        seen["title"] = detail.title.text()
        seen["timeline"] = detail.timeline.texts()
        detail.reject()

    view.table.selectRow(0)
    when_modal(drive_detail)
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    today = date.today().strftime("%d/%m/%Y")
    assert seen["title"] == f"{code} — Tewerkstelling gestart"
    assert seen["timeline"] == [
        f"{today} · Doorverwezen · Vraag naar werk op maat.",
        f"{today} · In screening · +0 d · stap In screening",
        f"{today} · Beslissing: positief · +0 d · stap Beslissing: positief",
        f"{today} · Tewerkstelling gestart · +0 d · Maatwerkbedrijf Velpdal · stap Tewerkstelling gestart"]
    assert view.model.index(0, 4).data() == "Tewerkstelling gestart"

    page.tabs.setCurrentIndex(1)  # Statistieken
    stats_view = page.stats_view
    qtbot.waitUntil(lambda: stats_view.stats is not None, timeout=5000)
    assert stats_view.stats.funnel["Totaal"] == [1, 1, 1, 1, 0]
    assert stats_view.funnel_chart.stages[3] == ("Tewerkstelling gestart", 1)
    decisions = stats_view.tables["Beslissing na screening"]
    rows = {decisions.item(r, 0).text(): decisions.item(r, 1).text() for r in range(decisions.rowCount())}
    assert rows["Glabbeek"] == "1" and rows["Totaal"] == "1"
    stats_view.suppressed_check.setChecked(True)  # as it would leave the app: the single referral is "<5"
    rows = {decisions.item(r, 0).text(): decisions.item(r, 1).text() for r in range(decisions.rowCount())}
    assert rows["Glabbeek"] == "<5" and rows["Totaal"] == "<5"

    page.tabs.setCurrentIndex(2)  # Auditlog: creation and three steps
    assert page.audit_view.model.total == 4
    assert [page.audit_view.model.index(r, 1).data() for r in range(4)] == ["status", "status", "status", "aangemaakt"]


def test_national_number_in_note_is_refused_at_the_field(qtbot, main_window, app_ctx):
    view = main_window.show_page("Doorverwijzingen").list_view
    seen = {}

    def fill():
        dialog = _fill_new(qtbot, note=f"rrn {NN_2003}")
        label = dialog.findChild(QLabel, "error_note")
        seen["error"] = label.text() if not label.isHidden() else ""
        dialog.reject()

    when_modal(fill)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert "rijksregister" in seen["error"] and NN_2003 in seen["error"]
    with app_ctx.reading() as s:
        assert svc.count_referrals(s) == 0


def test_email_in_note_asks_before_saving(qtbot, main_window, app_ctx):
    view = main_window.show_page("Doorverwijzingen").list_view
    seen = {}

    def answer_no():
        box = QApplication.activeModalWidget()
        seen["question"] = box.text()
        box.button(QMessageBox.StandardButton.No).click()

    def fill():
        when_modal(answer_no)
        dialog = _fill_new(qtbot, note="mail an@ocmw.example")
        seen["still_open"] = dialog.isVisible()
        dialog.reject()

    when_modal(fill)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert "e-mailadres" in seen["question"] and seen["still_open"]
    with app_ctx.reading() as s:
        assert svc.count_referrals(s) == 0


def _make(app_ctx, n, when=None, nis="24008"):
    with app_ctx.transaction() as s:
        type_id = codelists.list_items(s, codelists.REFERRAL_TYPE)[0].id
        for i in range(n):
            svc.create_referral(s, svc.ReferralInput(nis, when or date.today() - timedelta(days=i % 20), type_id))


def test_bulk_status_update_for_a_selection(qtbot, main_window, app_ctx):
    _make(app_ctx, 3)
    view = main_window.show_page("Doorverwijzingen").list_view
    view.refresh()
    view.table.selectRow(0)
    view.table.selectionModel().select(view.model.index(1, 0), view.table.selectionModel().SelectionFlag.Select
                                       | view.table.selectionModel().SelectionFlag.Rows)

    def fill():
        dialog = QApplication.activeModalWidget()
        assert dialog.windowTitle() == "Status wijzigen"
        _choose(dialog.findChild(QComboBox, "step_status"), "In screening")
        _save(qtbot, dialog)

    when_modal(fill)
    qtbot.mouseClick(view.bulk_button, Qt.MouseButton.LeftButton)
    with app_ctx.reading() as s:
        assert svc.count_referrals(s, svc.ReferralFilter(status=SCREENING)) == 2
    assert "2 doorverwijzing(en) bijgewerkt" in main_window.statusBar().currentMessage()


def test_stale_referrals_on_overzicht_lead_to_filtered_list(qtbot, main_window, app_ctx):
    _make(app_ctx, 2, when=date.today() - timedelta(days=45))  # doorverwezen > 30 days: vastgelopen
    _make(app_ctx, 1)
    home = main_window.show_page("Overzicht")
    section = next(s for s in home.sections if s.objectName() == "stale_section")
    home.refresh()
    assert section.table.rowCount() == 2
    assert section.summary.text().startswith("2 doorverwijzingen zonder update")
    qtbot.mouseClick(section.all_button, Qt.MouseButton.LeftButton)
    page = main_window.current_page()
    assert main_window.nav.currentItem().text() == "Doorverwijzingen"
    assert page.list_view.stale_check.isChecked()
    assert page.list_view.model.rowCount() == 2
    assert page.list_view.model.index(0, 4).data() == "Doorverwezen — vastgelopen"


def test_illegal_next_status_is_not_offered(qtbot, app_ctx):
    from regisseur_app.ui.referrals.step_dialog import StepDialog

    _make(app_ctx, 1)
    with app_ctx.reading() as s:
        rid = svc.list_referrals(s)[0].id
    dialog = StepDialog(app_ctx, [rid])
    qtbot.addWidget(dialog)
    offered = [dialog.status_combo.itemData(i) for i in range(dialog.status_combo.count())]
    assert offered == [SCREENING, "geen_opvolging"]
    assert POSITIVE not in offered and STARTED not in offered


def test_import_dialog_refuses_a_file_with_a_names_column(qtbot, app_ctx, tmp_path):
    from regisseur_app.ui.import_dialog import ImportDialog

    path = tmp_path / "verwijzingen.csv"
    path.write_text("Gemeente;Doorverwijsdatum;Soort;Naam cliënt\nBekkevoort;10/01/2025;Andere;Jan Peeters\n",
                    encoding="utf-8")
    dialog = ImportDialog(app_ctx, "referrals", path=path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "geweigerd" in dialog.summary.text(), timeout=5000)
    assert "Naam cliënt" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_ctrl_n_opens_a_new_referral_and_soort_gets_the_width(qtbot, main_window):
    """The tooltip promised Ctrl+N; at 1600 px the long 'Soort' column is not left truncated."""
    from regisseur_app.ui.referrals.referral_dialog import ReferralDialog

    main_window.resize(1600, 900)
    page = main_window.show_page("Doorverwijzingen")
    opened = []

    def close():
        dialog = QApplication.activeModalWidget()
        opened.append(type(dialog))
        dialog.reject()

    when_modal(close)
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert opened == [ReferralDialog]
    view = page.findChild(QTableView, "referral_table")
    soort, days = view.columnWidth(3), view.columnWidth(6)
    assert soort > 300 and days <= 140, (soort, days)
