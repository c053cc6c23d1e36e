"""The yearly progress report: content per priority and objective, referral KPIs suppressed, PDF and Excel
written and read back."""

from datetime import date

import pytest
from openpyxl import load_workbook

from regisseur_app.domain.plan import default_plan, kpis, service
from regisseur_app.exchange.plan.progress_workbook import write_progress_workbook
from regisseur_app.reports.content import BarChart, Table
from regisseur_app.reports.plan.progress_content import build_progress
from regisseur_app.reports.plan.progress_pdf import write_progress_pdf
from regisseur_app.reports.plan.sources import registered_sources
from tests.unit.plan_support import BEK, build_world


@pytest.fixture
def world(ctx):
    with ctx.transaction() as s:
        build_world(s)
        default_plan.load_default_plan(s, 2025, sources=registered_sources())
        action = next(a for a in service.list_actions(s) if a.number == "4.2")
        execution = action.execution(BEK)
        service.update_execution(s, execution.id, service.ExecutionInput(
            "gerealiseerd", "Regisseur", date(2025, 2, 1), date(2025, 11, 30), result="Vier opdrachten aan SE."),
            today=date(2025, 12, 1))
    return ctx


def _tables(report):
    return {b.title: b for c in report.chapters for b in c.blocks if isinstance(b, Table)}


def test_content_per_priority_objective_kpi_and_collaborations(world):
    with world.reading() as s:
        report = build_progress(s, 2025)
    assert [c.key for c in report.chapters] == ["summary", "priorities", "objectives", "kpis", "collaborations",
                                                "municipalities"]
    tables = _tables(report)
    lr3 = tables["WSE-LR3 Ondernemerschap, ook sociaal ondernemerschap en MVO"]
    bek = next(r for r in lr3.rows if r[0] == "Bekkevoort")
    assert bek[1] == "Gehaald" and "4.2 Brug tussen sociale economie en reguliere bedrijven" in bek[2]
    actions_4 = tables["Acties van doelstelling 4"]
    row = next(r for r in actions_4.rows if r[0] == "4.2")
    assert "Bekkevoort: gerealiseerd" in row[4] and row[5] == "Vier opdrachten aan SE."
    collab = tables["Samenwerkingen en opdrachten 2025"]
    assert collab.rows[-1][0] == "Totaal" and collab.rows[-1][5] == 17500.0 and collab.rows[-1][6] == 6
    assert any(isinstance(b, BarChart) for c in report.chapters for b in c.blocks)
    assert "4 nieuwe samenwerkingen" in report.chapters[0].messages[3]


def test_referral_kpis_below_five_leave_as_a_range(world):
    with world.reading() as s:
        report = build_progress(s, 2025)
        progress = {p.source_key: p.value for p in kpis.progress(s, 2025, sources=registered_sources())}
    all_kpis = _tables(report)["Alle KPI's 2025"]
    by_title = {r[0]: r for r in all_kpis.rows}
    assert progress["referrals_made"] == 3.0
    assert by_title["Aantal doorverwijzingen naar VDAB"][2] == "<5"
    assert by_title["Aantal doorverwijzingen naar VDAB"][4] is None  # no % that would reveal it
    assert by_title["Nieuwe samenwerkingen en opdrachten"][2] == 4.0


def test_pdf_and_workbook_are_written(world, tmp_path):
    from pypdf import PdfReader

    with world.reading() as s:
        report = build_progress(s, 2025)
    pdf = write_progress_pdf(report, tmp_path / "voortgang.pdf")
    text = "\n".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)
    assert "Voortgangsrapport regierol sociale economie 2025" in text
    assert "Per WSE-LR-prioriteit" in text and "Samenwerkingen en opdrachten" in text
    assert "17.500,00" in text and "Pagina 1 van" in text
    book = load_workbook(write_progress_workbook(report, tmp_path / "voortgang.xlsx"))
    assert book.sheetnames[0] == "Samenvatting"
    sheet = book[next(n for n in book.sheetnames if n.startswith("Samenwerkingen en opdrachten"))]
    assert [c.value for c in sheet[1]][:2] == ["Datum", "Samenwerking"]
    assert len(book.sheetnames) == len(set(n.lower() for n in book.sheetnames))


def test_without_a_plan_the_report_says_so(ctx):
    with ctx.reading() as s:
        report = build_progress(s, 2025)
    assert [c.blocks[0].text for c in report.chapters] == ["Er is nog geen actieplan ingevoerd."]
