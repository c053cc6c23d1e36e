"""Table models of the survey read cell by cell: statistics with small groups greyed, response rates with
the total last, need scores highlighted from 50 %."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from regisseur_app.domain.survey import dataset, needs, respondents, stats
from regisseur_app.domain.survey.models import NUMBER, SINGLE
from regisseur_app.domain.survey.respondents import RespondentInput
from regisseur_app.ui.survey.needs_tab import NeedModel
from regisseur_app.ui.survey.respondent_models import RateModel
from regisseur_app.ui.survey.stats_model import StatsModel
from regisseur_app.ui.table_base import sorting_proxy
from tests.unit.survey_support import BEKKEVOORT, GEETBETS, build_survey


def test_stats_model_cells_and_small_groups(qtbot, app_ctx):
    with app_ctx.transaction() as session:
        built = build_survey(session)
        data = dataset.load(session, built.survey_id)
    holder = QWidget()  # models live under a widget, as in the app (a parentless model can crash at GC)
    qtbot.addWidget(holder)
    model = StatsModel(holder)
    model.set_table(stats.question_table(data, built.q[SINGLE]))
    cells = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert cells[0] == ["A", "3 (42,9 %)", "3 (60,0 %)", "0 (0,0 %)"]
    assert cells[-1] == ["Beantwoord door (n)", "7", "5", "2"]
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Geetbets\nn=2 (te klein)"
    assert model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) == stats.SMALL_LABEL
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) is None
    model.set_table(stats.question_table(data, built.q[NUMBER]))
    rows = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert (rows["Som"], rows["Gemiddelde"], rows["Mediaan"]) == ("45", "7,50", "6")


def test_rate_model_total_last_and_need_model(qtbot, app_ctx):
    with app_ctx.transaction() as session:
        built = build_survey(session)
        for nis in (GEETBETS, BEKKEVOORT, BEKKEVOORT):
            respondents.save_respondent(session, built.survey_id, RespondentInput(nis))
        rates = respondents.response_rates(session, built.survey_id)
        need_rows = needs.need_rows(session)
    holder = QWidget()
    qtbot.addWidget(holder)
    model = RateModel(holder)
    model.set_rows(rates)
    proxy = sorting_proxy(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert names == ["Bekkevoort", "Geetbets", "Totaal"]
    assert [proxy.index(2, c).data() for c in range(5)] == ["Totaal", "3", "0", "0,0 %", "7"]
    need = NeedModel(holder)
    need.set_rows(need_rows)
    scores = {(need.index(r, 0).data(), need.index(r, 1).data()): r for r in range(need.rowCount())}
    row = scores[("Geetbets", "Catering/buurtrestaurant")]
    assert need.index(row, 4).data() == "100,0 %"
    assert need.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "te klein" in need.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
