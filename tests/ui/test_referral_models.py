"""Table models of the referral module: paging from SQL, cells, stale marking; settings and register."""

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from regisseur_app.domain.core import codelists
from regisseur_app.domain.referrals import service as svc
from regisseur_app.domain.referrals.settings import load_settings
from regisseur_app.ui.referrals.paged_model import PAGE_SIZE
from regisseur_app.ui.referrals.referral_table_model import STALE_BACKGROUND


def _make(app_ctx, n):
    with app_ctx.transaction() as s:
        type_id = codelists.list_items(s, codelists.REFERRAL_TYPE)[0].id
        for i in range(n):
            svc.create_referral(s, svc.ReferralInput("24008", date.today() - timedelta(days=i), type_id))


def test_list_model_pages_in_rows_as_the_view_asks(qtbot, app_ctx):
    from regisseur_app.ui.referrals.list_view import ReferralListView

    _make(app_ctx, 2 * PAGE_SIZE + 50)
    view = ReferralListView(app_ctx)
    qtbot.addWidget(view)
    view.refresh()  # as the page does when the window shows it
    model = view.model
    assert model.total == 450 and model.rowCount() == PAGE_SIZE and model.pages_fetched == 1
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 450 and not model.canFetchMore() and model.pages_fetched == 3
    year = date.today().year
    first = model.row_at(0)
    assert model.index(0, 2).data() == date.today().strftime("%d/%m/%Y")
    assert model.index(0, 0).data() == first.code and first.code.startswith("BEK-")
    # the oldest rows (more than 30 days in 'doorverwezen') are marked as stale
    last = model.rowCount() - 1
    assert model.index(last, 4).data() == "Doorverwezen — vastgelopen"
    assert model.data(model.index(last, 0), Qt.ItemDataRole.BackgroundRole) == QColor(STALE_BACKGROUND)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(last, 6).data() == "449"
    # sorting asks the database again (code ascending), starting with one page
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == PAGE_SIZE
    assert model.index(0, 0).data() in (f"BEK-{year}-0001", f"BEK-{year - 1}-0001")
    # a filter is a new count and a new first page
    view.code_edit.setText("zzz")
    view.refresh()
    assert model.rowCount() == 0 and view.count_label.text().startswith("0 doorverwijzingen")


def test_settings_dialog_saves_threshold_and_register_text(qtbot, app_ctx):
    from regisseur_app.ui.referrals.settings_dialog import ReferralSettingsDialog

    dialog = ReferralSettingsDialog(app_ctx)
    qtbot.addWidget(dialog)
    assert dialog.retention_spin.value() == 24 and dialog.threshold_spin.value() == 5
    assert dialog.prefix_edits["24137"].text() == "GLA"
    dialog.threshold_spin.setValue(10)
    dialog.expected_spins["in_screening"].setValue(45)
    dialog.register_edit.setPlainText("Eigen tekst van het register.")
    dialog.prefix_edits["24008"].setText("GLA")  # clash with Glabbeek: refused
    dialog.save()
    assert "al gebruikt" in dialog.error_label.text()
    dialog.prefix_edits["24008"].setText("BKV")
    dialog.save()
    assert dialog.result() == 1
    with app_ctx.reading() as s:
        settings = load_settings(s)
    assert settings.suppression_threshold == 10 and settings.expected_days["in_screening"] == 45
    assert settings.register_text == "Eigen tekst van het register." and settings.code_prefixes["24008"] == "BKV"


def test_register_view_states_purpose_basis_and_retention(qtbot, app_ctx):
    from regisseur_app.ui.referrals.register_view import RegisterView

    view = RegisterView(app_ctx)
    qtbot.addWidget(view)
    view.refresh()
    text = view.browser.toPlainText()
    for words in ("Rechtsgrond", "art. 6.1.e AVG", "Bewaartermijn", "24 maanden", "pseudoniemcode", "<5"):
        assert words in text



def test_retention_dialog_lists_the_candidates(qtbot, app_ctx):
    from regisseur_app.domain.referrals.models import CLOSED, NEGATIVE, SCREENING
    from regisseur_app.ui.referrals.retention_dialog import RetentionDialog

    with app_ctx.transaction() as s:
        type_id = codelists.list_items(s, codelists.REFERRAL_TYPE)[0].id
        rid, code = svc.create_referral(s, svc.ReferralInput("24137", date(2020, 1, 6), type_id))
        for status, day in ((SCREENING, 7), (NEGATIVE, 8), (CLOSED, 9)):
            svc.add_step(s, rid, svc.StepInput(status, date(2020, 1, day)))
        svc.create_referral(s, svc.ReferralInput("24137", date(2020, 1, 6), type_id))  # open: stays
    dialog = RetentionDialog(app_ctx)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == code
    assert dialog.table.item(0, 1).text() == "Glabbeek" and dialog.table.item(0, 2).text() == "09/01/2020"
    assert dialog.erase_button.isEnabled() and "1 doorverwijzing te wissen" in dialog.count_label.text()


def test_retention_dialog_backs_up_and_erases(qtbot, app_ctx):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from regisseur_app.domain.referrals.models import CLOSED, NEGATIVE, SCREENING
    from regisseur_app.storage.backup import list_backups
    from regisseur_app.ui.referrals.retention_dialog import RetentionDialog

    with app_ctx.transaction() as s:
        type_id = codelists.list_items(s, codelists.REFERRAL_TYPE)[0].id
        rid, code = svc.create_referral(s, svc.ReferralInput("24137", date(2020, 1, 6), type_id))
        for status, day in ((SCREENING, 7), (NEGATIVE, 8), (CLOSED, 9)):
            svc.add_step(s, rid, svc.StepInput(status, date(2020, 1, day)))
    dialog = RetentionDialog(app_ctx)
    qtbot.addWidget(dialog)
    answered = []

    def answer() -> None:  # the confirmation (Ja), then the report when done (OK)
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            button = box.button(QMessageBox.StandardButton.Yes) or box.button(QMessageBox.StandardButton.Ok)
            answered.append(box.text())
            button.click()

    clicker = QTimer(interval=50)
    clicker.timeout.connect(answer)
    clicker.start()
    dialog.erase()
    qtbot.waitUntil(lambda: dialog.erased == 1 and len(answered) == 2, timeout=10000)
    clicker.stop()
    assert "definitief wissen" in answered[0] and "1 doorverwijzing gewist" in answered[1]
    assert len(list_backups(app_ctx.paths.backup_dir)) >= 1
    with app_ctx.reading() as s:
        assert svc.find_by_code(s, code) is None
