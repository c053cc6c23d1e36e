"""Excel export of the offer map, gaps and comparison, and the PDF of the whole analysis (opened and read)."""

import subprocess

import openpyxl
import pytest

from regisseur_app.domain.analysis import indicators as ind
from regisseur_app.domain.analysis import swot
from regisseur_app.domain.analysis.comparison import compare
from regisseur_app.domain.analysis.gaps import gap_list
from regisseur_app.domain.analysis.key_figures import set_value
from regisseur_app.domain.analysis.models import STRENGTH
from regisseur_app.domain.analysis.offer_map import offer_matrix, target_group_jobs, type_matrix
from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.organisation_service import OrganisationInput, save_organisation
from regisseur_app.exchange.analysis.export import (
    cell_list_frame,
    comparison_frame,
    export_sheets,
    gaps_frame,
    jobs_frame,
    matrix_frame,
)
from regisseur_app.reports.analysis.analysis_report import write_analysis_pdf


@pytest.fixture
def filled(ctx):
    with ctx.transaction() as s:
        types = {t.code: t.id for t in codelists.list_items(s, codelists.ORGANISATION_TYPE)}
        cats = {c.code: c.id for c in codelists.list_items(s, codelists.SERVICE_CATEGORY)}
        save_organisation(s, OrganisationInput("=Groen & Co", types["maatwerkbedrijf"], seat_nis_code="24008",
                                               municipality_codes=["24028"], category_ids=[cats["groenonderhoud"]],
                                               target_group_employees=12))
        people = ind.indicator_by_code(s, "inwoners").id
        for nis, value in (("24008", 6400), ("24028", 6200), ("24137", 5400), ("24054", 8000), ("24135", 10800)):
            set_value(s, people, nis, 2024, value)
        swot.save_swot_item(s, swot.SwotInput(STRENGTH, "Samenwerking van vijf gemeenten"))
    return cats


def test_offer_map_workbook_has_all_sheets_and_safe_cells(ctx, filled, tmp_path):
    target = tmp_path / "aanbodkaart.xlsx"
    with ctx.reading() as s:
        matrix = offer_matrix(s)
        export_sheets(target, [("Aanbodkaart", matrix_frame(matrix, "Dienstencategorie")),
                               ("Organisaties per type", matrix_frame(type_matrix(s), "Organisatietype")),
                               ("Doelgroepwerk per 1.000", jobs_frame(target_group_jobs(s))),
                               ("Organisaties per cel", cell_list_frame(s, matrix, False))])
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Aanbodkaart", "Organisaties per type", "Doelgroepwerk per 1.000",
                               "Organisaties per cel"]
    offer = book["Aanbodkaart"]
    assert [c.value for c in offer[1]] == ["Dienstencategorie", "Bekkevoort", "Geetbets", "Glabbeek", "Kortenaken",
                                           "Tielt-Winge", "Regio (verschillende organisaties)"]
    assert [c.value for c in offer[2]] == ["Groenonderhoud", 1, 1, 0, 0, 0, 1]
    jobs = book["Doelgroepwerk per 1.000"]
    assert [c.value for c in jobs[2]][:3] == ["Bekkevoort", 12, 1]
    assert jobs["G2"].value == pytest.approx(1.88)                 # 12 / 6.400 × 1.000
    cells = book["Organisaties per cel"]
    # never a formula, and (as in a single-sheet export) no visible apostrophe: Excel's quote-prefix flag
    assert cells["C2"].value == "=Groen & Co" and cells["C2"].data_type == "s" and cells["C2"].quotePrefix
    assert jobs["B2"].number_format == "#,##0" and jobs["G2"].number_format == "#,##0.00"


def test_differences_have_no_float_noise_and_numbers_a_thousands_separator(tmp_path):
    """0,3 - 0,2 was written as 0,09999999999999998; 12.345 showed without a separator."""
    from regisseur_app.domain.analysis.comparison import MUNICIPALITY, Comparison, ComparisonRow
    from regisseur_app.domain.analysis.indicators import IndicatorData

    indicator = IndicatorData(id=1, code="x", label="Werkzaamheidsgraad", unit="%", source="", is_count=False,
                              decimals=1)
    rows = [ComparisonRow(MUNICIPALITY, "Bekkevoort", "24008", 70.3, 70.2),
            ComparisonRow(MUNICIPALITY, "Geetbets", "24028", 12345.0, 12000.0)]
    target = tmp_path / "vergelijking.xlsx"
    export_sheets(target, [("Vergelijking", comparison_frame(Comparison(indicator, 2025, rows))),
                           ("Tweede", comparison_frame(Comparison(indicator, 2025, rows[:1])))])
    sheet = openpyxl.load_workbook(target)["Vergelijking"]
    header = [c.value for c in sheet[1]]
    change = header.index("Verschil") + 1
    assert sheet.cell(2, change).value == 0.1
    assert sheet.cell(3, change).value == 345.0
    assert sheet.cell(3, header.index("2025") + 1).number_format == "#,##0.0"


def test_gap_and_comparison_frames(ctx, filled):
    with ctx.reading() as s:
        gaps = gaps_frame(gap_list(s, "24137"))
        comparison = comparison_frame(compare(s, ind.indicator_by_code(s, "inwoners").id, 2024))
    assert list(gaps["Dienstencategorie"][:2]) == ["Catering/buurtrestaurant", "Fietsherstel"]
    groen = gaps[gaps["Dienstencategorie"] == "Groenonderhoud"].iloc[0]
    assert groen["Oordeel"] == "geen aanbod (wel in buurgemeenten)"
    assert groen["Aanbod in buurgemeenten"] == "Bekkevoort, Geetbets"
    assert list(comparison["Gemeente"]) == ["Bekkevoort", "Geetbets", "Glabbeek", "Kortenaken", "Tielt-Winge",
                                            "Regio (totaal)", "Gemiddelde per gemeente"]
    assert comparison["2024"].iloc[5] == 36800


def test_analysis_pdf_has_every_section(ctx, filled, tmp_path):
    target = tmp_path / "omgevingsanalyse.pdf"
    with ctx.reading() as s:
        write_analysis_pdf(s, target)
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    for expected in ("Omgevingsanalyse sociale economie", "Inwoners, 2024", "36.800", "Aanbodkaart",
                     "Hiaten in Glabbeek", "SWOT van de regio", "Samenwerking van vijf gemeenten", "Pagina 1 van"):
        assert expected in text, expected


def test_all_values_export_imports_back_unchanged(ctx, filled, tmp_path):
    from regisseur_app.domain.analysis.key_figures import all_values, get_values
    from regisseur_app.exchange.analysis.export import values_frame
    from regisseur_app.exchange.analysis.key_figure_import import (
        LONG,
        detect_layout,
        import_key_figures,
        preview_key_figures,
    )
    from regisseur_app.exchange.tabular import read_table

    with ctx.transaction() as s:
        set_value(s, ind.indicator_by_code(s, "werkzaamheidsgraad").id, "24008", 2024, 78.4)
    target = tmp_path / "alle.csv"
    with ctx.reading() as s:
        export_sheets(target, [("Alle kerncijfers", values_frame(all_values(s)))])
    text = target.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "Gemeente;NIS-code;Indicator;Jaar;Waarde"
    assert "Bekkevoort;24008;Werkzaamheidsgraad 20-64 jaar;2024;78,4" in text
    table = read_table(target)
    with ctx.transaction() as s:
        layout = detect_layout(s, table)
        assert layout.form == LONG
        preview = preview_key_figures(s, table, layout)
        assert preview.ok and preview.new_count == 0 and preview.skip_count == 6   # all already there, same
        before = get_values(s, ind.indicator_by_code(s, "werkzaamheidsgraad").id)
        import_key_figures(s, table, layout)
        assert get_values(s, ind.indicator_by_code(s, "werkzaamheidsgraad").id) == before == {("24008", 2024): 78.4}
