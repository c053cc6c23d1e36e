"""The college report's rendering defects, each with a test that failed before its fix: the table of contents
(one layout pass) points at the right pages, the chart legend keeps off the title, the summary never says
'€ 0,00 geschatte waarde' or '0 van 0 met streefcijfer', and the demo plan measures each municipality
against targets of its own, survey and MVO KPIs included."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import String

from regisseur_app.domain.plan import kpis
from regisseur_app.domain.plan.collaborations import CollaborationRow
from regisseur_app.reports.college.assemble import build_report, find_scope
from regisseur_app.reports.college.pdf_chart import pdf_chart
from regisseur_app.reports.college.render_pdf import write_pdf
from regisseur_app.reports.content import BarChart, Table
from regisseur_app.reports.plan.section import collaboration_message, collaboration_table, kpi_message
from regisseur_app.reports.plan.sources import registered_sources
from tests.reports.helpers import pdf_lines

YEAR = 2025


def _scope(session, name: str):
    return find_scope(session, name, date(YEAR, 1, 1), date(YEAR, 12, 31))


def test_the_contents_give_the_page_of_every_heading(demo_ctx, tmp_path):
    with demo_ctx.reading() as session:
        report = build_report(session, _scope(session, "Bekkevoort"))
    write_pdf(report, tmp_path / "r.pdf")
    reader = PdfReader(str(tmp_path / "r.pdf"))
    # the bookmarks are set where each heading is drawn: the truth the contents must match
    bookmarks = {item.title: reader.get_destination_page_number(item) + 1 for item in reader.outline}
    assert set(bookmarks) == {"Samenvatting", *[s.title for s in report.sections]}
    lines = [line.strip() for line in (reader.pages[1].extract_text() or "").splitlines()]
    # each entry reads 'title', the dotted leader, 'page' (in that order in the page's content)
    words = [line for line in lines[lines.index("Inhoud") + 1:] if line and set(line) - {".", " "}]
    listed = {}
    for title, page in list(zip(words[0::2], words[1::2]))[:len(bookmarks)]:
        assert page.isdigit(), (title, page)
        listed[title] = int(page)
    assert listed == bookmarks
    assert max(listed.values()) == len(reader.pages)  # the last section is on the last page, not on page 0
    for title, page in bookmarks.items():
        assert title in (reader.pages[page - 1].extract_text() or "")


def test_the_chart_legend_sits_under_the_title_and_above_the_bars():
    chart = BarChart("Acties per doelstelling (2025)", ["1", "2", "3"],
                     [("Niet gestart", [1.0, 0.0, 2.0]), ("Lopend", [0.0, 2.0, 1.0]),
                      ("Gerealiseerd", [1.0, 1.0, 0.0]), ("Uitgesteld", [0.0, 0.0, 1.0])], "acties")
    drawing = pdf_chart(chart, 450)
    title = next(c for c in drawing.contents if isinstance(c, String))
    legend = next(c for c in drawing.contents if isinstance(c, Legend))
    plot = next(c for c in drawing.contents if c.__class__.__name__ == "HorizontalBarChart")
    _x0, legend_bottom, x1, legend_top = legend.getBounds()
    assert legend_top < title.y - 1  # below the title's baseline: no overlap
    assert legend_bottom > plot.y + plot.height  # above the bars
    assert x1 <= 450
    labels = [plot.barLabelFormat(v) for v in (0.0, 1.0, 2.0)]
    assert labels == ["", "1", "2"]  # counts as whole numbers, no '0,0' on empty bars


def _row(value: float | None, jobs: int | None) -> CollaborationRow:
    return CollaborationRow(1, date(YEAR, 3, 1), "Doorstroomafspraak", "doorstroom", "Doorstroom", "24008",
                            "Bekkevoort", value, jobs, "A; B", "", "")


def test_collaborations_without_a_value_are_not_worth_zero_euro():
    message = collaboration_message([_row(None, 2)], "2025")
    assert "€" not in message and "0,00" not in message
    assert message == "1 nieuwe samenwerking in 2025, samen 2 jobs."
    assert collaboration_message([_row(None, None)], "2025") == "1 nieuwe samenwerking in 2025."
    mixed = collaboration_message([_row(18500, 2), _row(None, 1)], "2025")
    assert "€ 18.500,00 geschatte waarde (voor 1 ervan is een waarde opgegeven)" in mixed and "3 jobs" in mixed
    table = collaboration_table([_row(None, 2)], "Samenwerkingen")
    assert table.rows[-1][5] is None  # the total of no values is empty, not 0,00


def _progress(target: float | None, value: float, state: str) -> kpis.KpiProgress:
    return kpis.KpiProgress(1, 1, "1", "Werkbezoeken", "", None, "Met de hand", YEAR, "24008", value, target, state)


def test_the_kpi_message_without_targets_says_so_instead_of_zero_of_zero():
    message = kpi_message([_progress(None, 3, kpis.NO_TARGET)], YEAR, "Bekkevoort")
    assert "0 van 0" not in message
    assert "geen streefcijfers voor Bekkevoort" in message
    past = kpi_message([_progress(2, 3, kpis.REACHED), _progress(5, 3, kpis.MISSED)], YEAR, "Bekkevoort")
    assert past == "KPI's 2025: 1 van 2 met een streefcijfer gehaald, 1 niet gehaald."


def test_the_demo_plan_measures_each_municipality_against_its_own_targets(demo_ctx, tmp_path):
    with demo_ctx.reading() as session:
        scope = _scope(session, "Bekkevoort")
        progress = kpis.progress(session, YEAR, scope.nis_code, sources=registered_sources())
        report = build_report(session, scope, ["plan"])
    with_target = [p for p in progress if p.target is not None]
    assert len(with_target) == len(progress) >= 16
    sources = {p.source_key for p in progress}
    assert {"survey_response_rate", "mvo_reports_complete"} <= sources
    assert all(p.value is not None for p in progress if p.source_key in ("survey_response_rate",
                                                                         "mvo_reports_complete"))
    section = report.sections[0]
    good = sum(p.state in (kpis.REACHED, kpis.ON_TRACK) for p in with_target)
    expected = f"KPI's {YEAR}: {good} van {len(with_target)} met een streefcijfer gehaald"
    assert any(m.startswith(expected) for m in section.messages), section.messages
    table = next(b for b in section.blocks if isinstance(b, Table) and b.title.startswith("KPI's"))
    assert all(row[4] is not None for row in table.rows)  # every KPI shows its target
    write_pdf(report, tmp_path / "plan.pdf")
    text = " ".join(pdf_lines(tmp_path / "plan.pdf"))
    assert "0 van 0" not in text and "Geen streefcijfer" not in text
    assert "Responsgraad behoeftepeiling" in text


def test_a_wide_table_in_word_uses_the_font_size_its_widths_were_made_for(tmp_path):
    from docx import Document

    from regisseur_app.domain.reports.settings import ReportSettings
    from regisseur_app.reports.college.assemble import CollegeReport
    from regisseur_app.reports.college.pdf_table import column_widths
    from regisseur_app.reports.college.render_docx import CONTENT_WIDTH_PT, write_docx
    from regisseur_app.reports.content import Scope, SectionContent

    long = CollaborationRow(2, date(YEAR, 10, 28), "Doorstroomafspraak met een bouwbedrijf", "doorstroom",
                            "Doorstroomafspraak", "24028", "Glabbeek", None, 2,
                            "Conserverie Perenkouter – maatwerkafdeling (partner); Logistiek Centrum Wingepoort "
                            "(partner)", "", "")
    table = collaboration_table([_row(18500, 2), long], "Samenwerkingen")
    _widths, size = column_widths(table, CONTENT_WIDTH_PT, pad=7.5)
    assert size < 8.5  # the case that broke 'Gemeente' into 'Gemeent-e' in Word
    scope = Scope("24008", "Bekkevoort", date(YEAR, 1, 1), date(YEAR, 12, 31))
    report = CollegeReport(scope, ReportSettings(association="IGO"), [SectionContent("x", "Proef", [table])])
    write_docx(report, tmp_path / "r.docx")
    word = Document(str(tmp_path / "r.docx")).tables[-1]
    sizes = {run.font.size.pt for row in word.rows for cell in row.cells for p in cell.paragraphs for run in p.runs}
    assert sizes and max(sizes) <= size


def test_saving_after_the_preview_writes_the_previewed_pdf_until_something_changes(demo_ctx, tmp_path):
    from regisseur_app.operations import reports as ops

    with demo_ctx.reading() as session:
        scope = _scope(session, "Glabbeek")
    keys = ["evenementen", "collaborations"]
    shown = ops.preview_pdf(demo_ctx, scope, keys)
    saved = ops.make_report(demo_ctx, scope, tmp_path / "a.pdf", keys)
    assert saved.read_bytes() == shown  # the same file, not made a second time
    with demo_ctx.reading() as session:
        logged = [(r.kind, r.path) for r in ops.log.list_log(session)][:1]
    assert logged[0][1].endswith("a.pdf")
    # logging the saved report changed the data: the next save makes the report anew (and equal in content)
    ops.save_comment(demo_ctx, scope, "evenementen", "Goed bijgewoond.")
    again = ops.make_report(demo_ctx, scope, tmp_path / "b.pdf", keys)
    assert again.read_bytes() != shown
    assert "Goed bijgewoond." in " ".join(pdf_lines(again))
    other = ops.preview_pdf(demo_ctx, scope, ["evenementen"])
    ops.make_report(demo_ctx, scope, tmp_path / "c.pdf", keys)  # other sections than the preview
    assert (tmp_path / "c.pdf").read_bytes() != other
    ops.save_comment(demo_ctx, scope, "evenementen", "")
