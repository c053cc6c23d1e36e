"""Table models and charts of the Omgevingsanalyse: read the cells as the user sees them."""

from PySide6.QtCore import Qt

from regisseur_app.domain.analysis import indicators as ind
from regisseur_app.domain.analysis.comparison import compare
from regisseur_app.domain.analysis.key_figures import set_value
from regisseur_app.domain.analysis.offer_map import offer_matrix
from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.organisation_service import OrganisationInput, save_organisation
from regisseur_app.ui.analysis.charts import axis_decimals, nice_max
from regisseur_app.ui.analysis.comparison_model import ComparisonModel, RegionLastProxy
from regisseur_app.ui.analysis.matrix_model import EMPTY_COLOUR, THIN_COLOUR, MatrixModel

FIVE = ["24008", "24028", "24054", "24135", "24137"]


def test_comparison_cells_and_region_rows_stay_last_when_sorting(qtbot, app_ctx):
    with app_ctx.transaction() as s:
        people, art60 = ind.indicator_by_code(s, "inwoners").id, ind.indicator_by_code(s, "art60").id
        for nis, p, now, before in zip(FIVE, [6400, 6200, 8000, 10800, 5400], [3, 6, 5, 8, 4], [4, 6, 5, 7, 2],
                                       strict=True):
            set_value(s, people, nis, 2024, p)
            set_value(s, art60, nis, 2024, now)
            set_value(s, art60, nis, 2023, before)
    with app_ctx.reading() as s:
        comparison = compare(s, art60, 2024)
    model = ComparisonModel()
    model.set_comparison(comparison)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Gemeente", "2024", "2023", "Verschil", "Verschil %", "Per 1.000 inw. 2024",
                       "Per 1.000 inw. 2023", "Verschil per 1.000", "Inwoners 2024"]
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    # Bekkevoort: 3 vs 4, per 1.000: 3/6.400 = 0,47; 2023 has no inhabitants -> table (6.332): 4/6.332 = 0,63
    assert first == ["Bekkevoort", "3", "4", "-1", "-25,0 %", "0,47", "0,63", "-0,16", "6.400"]
    glabbeek = [model.index(2, c).data() for c in range(5)]
    assert glabbeek == ["Glabbeek", "4", "2", "+2", "+100,0 %"]
    proxy = RegionLastProxy(model)
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert names == ["Tielt-Winge", "Geetbets", "Kortenaken", "Glabbeek", "Bekkevoort", "Regio (totaal)",
                     "Gemiddelde per gemeente"]
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())][-2:] == ["Regio (totaal)",
                                                                                "Gemiddelde per gemeente"]
    assert model.index(5, 0).data(Qt.ItemDataRole.FontRole).bold()


def test_matrix_model_marks_empty_and_thin_cells(qtbot, app_ctx):
    with app_ctx.transaction() as s:
        types = {t.code: t.id for t in codelists.list_items(s, codelists.ORGANISATION_TYPE)}
        cats = {c.code: c.id for c in codelists.list_items(s, codelists.SERVICE_CATEGORY)}
        for name in ("A", "B"):
            save_organisation(s, OrganisationInput(name, types["kringwinkel"], municipality_codes=["24008"],
                                                   category_ids=[cats["groenonderhoud"]]))
        save_organisation(s, OrganisationInput("C", types["kringwinkel"], municipality_codes=["24028"],
                                               category_ids=[cats["groenonderhoud"]]))
    with app_ctx.reading() as s:
        model = MatrixModel()
        model.set_matrix(offer_matrix(s))
    assert model.headerData(0, Qt.Orientation.Vertical) == "Groenonderhoud"
    assert model.headerData(5, Qt.Orientation.Horizontal) == "Regio"
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row == ["2", "1", "0", "0", "0", "3"]
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) == THIN_COLOUR
    assert model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) == EMPTY_COLOUR
    assert "geen aanbod in Glabbeek" in model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert model.cell(model.index(0, 5)) == (cats["groenonderhoud"], None)


def test_nice_axis_maximum():
    assert [nice_max(v) for v in (0, 7, 38, 69, 101, 0.79)] == [1.0, 10, 50, 100, 200, 1.0]
    assert [axis_decimals(t) for t in (10, 100, 1.0, 2.5, 50)] == [1, 0, 2, 3, 1]
