"""The college report as PDF, read back with pypdf: every figure equals what the services compute for the
same municipality and period; referral counts 1-4 never appear; a municipality's own total (>= 5) does;
a municipality without data gets a sentence per section; comments and settings reach the paper."""

from __future__ import annotations

import re
from datetime import date

import pytest

from regisseur_app.domain.analysis import indicators
from regisseur_app.domain.analysis.comparison import TOTAL, compare
from regisseur_app.domain.events import stats as event_stats
from regisseur_app.domain.referrals.settings import load_settings as referral_settings
from regisseur_app.domain.referrals.stats import StatsFilter, compute_stats, protected_tables
from regisseur_app.domain.reports.comments import set_comment
from regisseur_app.formatting import format_date, format_number
from regisseur_app.reports.college.assemble import build_report, find_scope, region_scope
from regisseur_app.reports.college.render_pdf import write_pdf
from regisseur_app.reports.content import Scope
from regisseur_app.reports.events.college_section import events_in
from tests.reports.helpers import pdf_lines, row_cells

YEAR = 2025


def _scope(session, name: str) -> Scope:
    scope = find_scope(session, name, date(YEAR, 1, 1), date(YEAR, 12, 31))
    assert scope is not None
    return scope


def test_key_figures_equal_the_comparison_service(demo_ctx, tmp_path):
    with demo_ctx.reading() as session:
        scope = _scope(session, "Glabbeek")
        write_pdf(build_report(session, scope, ["kerncijfers"]), tmp_path / "k.pdf")
        lines = pdf_lines(tmp_path / "k.pdf", first_page=2)
        checked = 0
        for indicator in indicators.list_indicators(session):
            if indicator.is_computed or not indicator.is_count:
                continue
            comparison = compare(session, indicator.id, YEAR)
            here = next(r for r in comparison.municipality_rows if r.nis_code == scope.nis_code)
            region = next(r for r in comparison.rows if r.kind == TOTAL)
            cells = row_cells(lines, indicator.label, 5)
            assert cells[0] == format_number(here.value)
            if indicator.per_1000_possible:
                assert cells[2] == format_number(here.per_1000, 1)
                assert cells[3] == format_number(region.per_1000, 1)
            checked += 1
        assert checked >= 5


def test_event_figures_equal_the_event_statistics(demo_ctx, tmp_path):
    with demo_ctx.reading() as session:
        scope = _scope(session, "Glabbeek")
        write_pdf(build_report(session, scope, ["evenementen"]), tmp_path / "e.pdf")
        lines = pdf_lines(tmp_path / "e.pdf", first_page=2)
        events = events_in(session, scope)
        assert events
        present_here = 0
        for event in events:
            here = next(c for c in event_stats.breakdown(session, [event.id], "municipality") if c.label == "Glabbeek")
            total = event_stats.event_counts(session, event.id)
            start = lines.index(format_date(event.starts_at))
            numbers = [x for x in lines[start + 1:] if re.fullmatch(r"[\d.]+", x)][:3]
            assert numbers == [format_number(here.registered), format_number(here.present),
                               format_number(total.present)]
            present_here += here.present
        text = " ".join(pdf_lines(tmp_path / "e.pdf"))
        assert f"{len(events)} netwerkevents, {present_here} deelnemers uit Glabbeek" in text


@pytest.mark.parametrize("name", ["Bekkevoort", "Glabbeek", "Tielt-Winge"])
def test_referrals_are_suppressed_and_the_own_total_shows(demo_ctx, tmp_path, name):
    with demo_ctx.reading() as session:
        scope = _scope(session, name)
        write_pdf(build_report(session, scope, ["doorverwijzingen"]), tmp_path / "r.pdf")
        stats = compute_stats(session, StatsFilter(scope.start, scope.end))
        threshold = referral_settings(session).suppression_threshold
        by_type = next(t for t in protected_tables(stats, threshold) if t.title == "Doorverwijzingen per soort")
    lines = pdf_lines(tmp_path / "r.pdf", first_page=2)
    cells = [line for line in lines if re.fullmatch(r"\d+", line)]
    assert cells, "the referral tables are in the PDF"
    assert not [c for c in cells if 1 <= int(c) < threshold], "no count 1-4 on paper"
    row = by_type.row_labels.index(name)
    own_total = sum(by_type.values[row][:-1])
    assert own_total >= threshold
    totals = row_cells(lines, "Totaal", 2)
    assert totals[0] == format_number(own_total), "the municipality's own total is shown"
    assert totals[1] == format_number(by_type.values[-1][-1])


def test_region_report_shows_every_municipality_and_suppresses(demo_ctx, tmp_path):
    with demo_ctx.reading() as session:
        report = build_report(session, region_scope(date(YEAR, 1, 1), date(YEAR, 12, 31)))
        write_pdf(report, tmp_path / "regio.pdf")
    lines = pdf_lines(tmp_path / "regio.pdf")
    text = " ".join(lines)
    assert "Regionaal rapport sociale economie" in text
    for name in ("Bekkevoort", "Geetbets", "Glabbeek", "Kortenaken", "Tielt-Winge"):
        assert name in text
    start = max(i for i, line in enumerate(lines) if line == "Doorverwijzingen naar VDAB")
    later_titles = {s.title for s in report.sections[[s.key for s in report.sections].index("doorverwijzingen") + 1:]}
    end = next((i for i, line in enumerate(lines) if i > start and line in later_titles), len(lines))
    referral_cells = [line for line in lines[start:end] if re.fullmatch(r"\d+", line)]
    assert referral_cells and not [c for c in referral_cells if 1 <= int(c) <= 4]


def test_municipality_without_data_gets_a_sentence_per_section(app_ctx, tmp_path):
    with app_ctx.reading() as session:
        scope = _scope(session, "Bekkevoort")
        report = build_report(session, scope)
        assert report.sections, "the existing features registered their sections"
        assert all(not s.has_data for s in report.sections)
        write_pdf(report, tmp_path / "leeg.pdf")
    text = " ".join(pdf_lines(tmp_path / "leeg.pdf"))
    from pypdf import PdfReader

    pages = len(PdfReader(str(tmp_path / "leeg.pdf")).pages)
    assert pages <= 3 + len(report.sections) // 6, "short sections share a page, none starts a page alone"
    assert "Er zijn nog geen kerncijfers ingevoerd" in text
    assert "Er waren geen netwerkevenementen in de periode 2025" in text
    assert "Er zijn geen doorverwijzingen naar VDAB" in text
    assert "Rapport aan het college van burgemeester en schepenen van Bekkevoort" in text


def test_comment_and_settings_reach_the_pdf(demo_ctx, tmp_path):
    with demo_ctx.transaction() as session:
        scope = _scope(session, "Kortenaken")
        set_comment(session, scope, "evenementen", "Het college wordt uitgenodigd op het netwerkevent van mei.")
    with demo_ctx.reading() as session:
        write_pdf(build_report(session, scope, ["evenementen"]), tmp_path / "c.pdf")
        association = build_report(session, scope, []).settings.association
    text = " ".join(pdf_lines(tmp_path / "c.pdf"))
    assert "Commentaar van de regisseur" in text
    assert "uitgenodigd op het netwerkevent van mei" in text
    assert association and association in text
    assert "Pagina 1 van" not in text, "no header/footer on the cover"
    assert re.search(r"Pagina 2 van \d", text)


def test_a_date_range_counts_only_its_own_events(demo_ctx, tmp_path):
    with demo_ctx.reading() as session:
        scope = find_scope(session, "Geetbets", date(YEAR, 1, 1), date(YEAR, 4, 30))
        events = events_in(session, scope)
        everything = event_stats.year_events(session, YEAR)
        assert 0 < len(events) < len(everything)
        report = build_report(session, scope, ["evenementen"])
        write_pdf(report, tmp_path / "d.pdf")
    text = " ".join(pdf_lines(tmp_path / "d.pdf"))
    assert "01/01/2025 tot en met 30/04/2025" in text
    assert f"{len(events)} netwerkevent" in text
