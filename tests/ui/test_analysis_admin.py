"""Beheer › Indicatoren en sociale-economietypes: edit the indicator code list and the SE flags."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from regisseur_app.domain.analysis import indicators as ind
from regisseur_app.domain.analysis import inventory as analysis_inventory
from regisseur_app.domain.core import codelists
from regisseur_app.ui.analysis.indicator_dialog import IndicatorDialog
from tests.ui.conftest import when_modal


def test_new_indicator_appears_in_the_key_figures(qtbot, main_window, app_ctx):
    action = main_window.findChild(QAction, "indicators")
    assert action.text().replace("&", "") == "Indicatoren en sociale-economietypes…"
    page = main_window.show_page("Omgevingsanalyse")

    def work():
        dialog = QApplication.activeModalWidget()
        try:
            fill(dialog)
        finally:
            dialog.reject()

    def fill(dialog):
        assert isinstance(dialog, IndicatorDialog)
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)           # no name
        assert dialog.findChild(QLabel, "error_label").text() == "Vul de naam van de indicator in."
        dialog.label_edit.setText("Personen met een arbeidshandicap")
        dialog.unit_edit.setText("personen")
        dialog.source_edit.setText("VDAB")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.list.currentItem().text() == "Personen met een arbeidshandicap"
        # the regular companies count as social economy from now on
        regular = next(i for i in range(dialog.se_list.list.count())
                       if dialog.se_list.list.item(i).text() == "Reguliere onderneming")
        dialog.se_list.list.item(regular).setCheckState(Qt.CheckState.Checked)
        qtbot.mouseClick(dialog.findChild(QPushButton, "save_se_types"), Qt.MouseButton.LeftButton)

    when_modal(work)
    action.trigger()
    combo = page.key_figures.indicator_combo
    assert "Personen met een arbeidshandicap" in [combo.itemText(i) for i in range(combo.count())]
    with app_ctx.reading() as s:
        codes = {i.code for i in codelists.list_items(s, codelists.ORGANISATION_TYPE)
                 if i.id in analysis_inventory.social_economy_type_ids(s)}
        assert codes == {"maatwerkbedrijf", "maatwerkafdeling", "lde", "arbeidszorg", "kringwinkel", "regulier"}
        assert ind.find_indicator(ind.list_indicators(s), "personen met een ARBEIDSHANDICAP") is not None


def test_inhabitants_cannot_be_switched_off(qtbot, app_ctx):
    dialog = IndicatorDialog(app_ctx)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(0)
    assert dialog.label_edit.text() == "Inwoners"
    assert not dialog.active_button.isEnabled() and not dialog.count_check.isEnabled()
