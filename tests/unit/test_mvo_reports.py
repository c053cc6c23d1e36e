"""MVO outputs: the college-report section for a municipality and the region (and with no data), the KPI
source, the regional overview against hand sums, the Excel exports and the organisation report PDF."""

import shutil
import subprocess

import pytest

from regisseur_app import features
from regisseur_app.domain.mvo.overview import overview, per_municipality, trend
from regisseur_app.exchange.export import export_frame
from regisseur_app.exchange.mvo.export import municipality_frame, overview_frame, values_frame
from regisseur_app.reports.content import Scope, Table
from regisseur_app.reports.mvo.org_report import write_organisation_report
from regisseur_app.reports.mvo.section import build, kpi_reports_complete
from tests.unit.events_support import org
from tests.unit.mvo_support import indicator, put


@pytest.fixture
def region(ctx):
    """Two kringwinkels active in Bekkevoort (one also in Geetbets), a maatwerkbedrijf in Glabbeek."""
    with ctx.transaction() as s:
        a = org(s, "Kringwinkel A", "kringwinkel", active=["24008"])
        b = org(s, "Kringwinkel B", "kringwinkel", active=["24008", "24028"])
        c = org(s, "Maatwerk C", "maatwerkbedrijf", active=["24137"])
        put(s, a, 2025, dgw_personen="10", hergebruik_textiel="100", ton_ingezameld="200", ziekteverzuim="8")
        put(s, b, 2025, dgw_personen="20", hergebruik_meubelen="40", ton_ingezameld="100", ziekteverzuim="12")
        put(s, c, 2025, dgw_personen="50", mvo_beleid="ja")
        put(s, a, 2024, dgw_personen="8", hergebruik_textiel="80")
    return a, b, c


def test_overview_totals_and_averages_match_hand_computation(ctx, region):
    with ctx.reading() as s:
        rows = {r.indicator.code: r for r in overview(s, 2025)}
        bekkevoort = {r.indicator.code: r for r in overview(s, 2025, "24008")}
        places = {p.name: p for p in per_municipality(s, 2025)}
        years = trend(s, [2024, 2025])
    assert (rows["dgw_personen"].total, rows["dgw_personen"].reporting) == (80, 3)
    assert rows["ziekteverzuim"].total is None and rows["ziekteverzuim"].average == pytest.approx(10.0)
    assert rows["vermeden_co2"].total == pytest.approx(100 * 4.0 + 40 * 1.45)
    assert rows["mvo_beleid"].yes == 1
    assert bekkevoort["dgw_personen"].total == 30
    assert (places["Bekkevoort"].organisations, places["Bekkevoort"].totals["dgw_personen"]) == (2, 30)
    assert places["Geetbets"].totals["ton_hergebruikt"] == pytest.approx(40)
    assert places["Kortenaken"].organisations == 0
    assert years["dgw_personen"] == [8, 80] and years["vermeden_co2"] == [pytest.approx(320), pytest.approx(458)]


def test_section_for_a_municipality_the_region_and_without_data(ctx, region):
    spec = next(s for s in features.report_sections() if s.key == "mvo")
    assert (spec.title, spec.order) == ("Maatschappelijk verantwoord ondernemen", 60)
    with ctx.reading() as s:
        here = build(s, Scope.year(2025, "24008", "Bekkevoort"))
        whole = build(s, Scope.year(2025))
        empty = build(s, Scope.year(2025, "24054", "Kortenaken"))
    assert here.has_data and here.key == "mvo"
    key = here.tables[0]
    dgw = next(r for r in key.rows if r[0] == "Doelgroepwerknemers (personen)")
    # 10 + 20 in 2025; only A reported in 2024 (8 -> 10: +25 %, like for like)
    assert dgw[2] == 30 and dgw[3] == 8 and dgw[4] == pytest.approx(25.0)
    assert [r[0] for r in here.tables[1].rows] == ["Kringwinkel A", "Kringwinkel B"]
    assert any("vermeden in 2025 samen 458 ton CO₂" in m for m in here.messages)
    assert any("30 doelgroepwerknemers" in m for m in here.messages)
    assert next(r for r in whole.tables[0].rows if r[0] == "Doelgroepwerknemers (personen)")[2] == 80
    assert not empty.has_data and empty.tables == []
    assert "geen MVO-cijfers" in empty.blocks[0].text and "Kortenaken" in empty.blocks[0].text


def test_kpi_counts_complete_reports(ctx, region):
    source = features.kpi_source("mvo_reports_complete")
    assert (source.title, source.unit) == ("MVO-rapporten volledig", "aantal")
    with ctx.transaction() as s:
        from regisseur_app.domain.mvo.indicators import list_indicators

        typed = [i for i in list_indicators(s) if not i.is_computed]
        put(s, region[2], 2025, **{i.code: ("x" if i.value_type == "tekst" else "ja" if i.value_type == "ja_nee"
                                            else "1") for i in typed})
    with ctx.reading() as s:
        table = features.resolve(source.compute)(s, 2025, None)
        only_bekkevoort = kpi_reports_complete(s, 2025, "24008")
    assert isinstance(table, Table)
    assert table.rows[-1][-1] == 1 and [r[0] for r in table.rows[:-1]] == ["Kringwinkel A", "Kringwinkel B",
                                                                          "Maatwerk C"]
    assert only_bekkevoort.rows[-1][-1] == 0


def test_exports_keep_numbers_and_write_xlsx(ctx, region, tmp_path):
    import openpyxl

    with ctx.reading() as s:
        values = values_frame(s, [2025])
        over = overview_frame(overview(s, 2025))
        places = municipality_frame(s, per_municipality(s, 2025))
    assert len(values[values["Organisatie"] == "Kringwinkel A"]) == 4 + 3  # four typed in, three computed
    co2 = values[(values["Organisatie"] == "Kringwinkel A") & (values["Indicator"].str.startswith("Vermeden"))]
    assert co2["Waarde"].iloc[0] == pytest.approx(400.0) and co2["Berekend"].iloc[0] == "ja"
    assert over[over["Indicator"] == "Doelgroepwerknemers (personen)"]["Totaal"].iloc[0] == 80
    assert list(places["Gemeente"])[:2] == ["Bekkevoort", "Geetbets"]
    export_frame(values, tmp_path / "waarden.xlsx", "MVO-waarden 2025")
    sheet = openpyxl.load_workbook(tmp_path / "waarden.xlsx").active
    assert sheet["A1"].value == "Organisatie" and sheet.max_row == len(values) + 1


def test_organisation_report_pdf(ctx, region, tmp_path):
    with ctx.transaction() as s:
        put(s, region[0], 2025, stakeholders="Klantenpanel twee keer per jaar")
        assert indicator(s, "vermeden_co2").is_computed
    target = tmp_path / "rapport.pdf"
    with ctx.reading() as s:
        write_organisation_report(s, region[0], 2025, target)
    assert target.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    for expected in ("MVO-rapport 2025", "Kringwinkel A", "Kerncijfers 2025 per pijler", "Mens", "Planeet",
                     "Winst", "Bestuur", "Definities en bronnen", "WRAP (2012)", "GRI 404-1", "VSME B8",
                     "Klantenpanel twee keer per jaar", "Pagina 1 van", "+25,0 %"):
        assert expected in text, expected
    assert "400,0" in text  # 100 t textile × 4,0
