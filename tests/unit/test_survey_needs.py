"""Need scores from linked options and questions (hand-computed), the provider in the gap analysis,
the report section (this municipality against the region, and no data) and the response-rate KPI."""

from __future__ import annotations

from datetime import date

import pytest

from regisseur_app import features
from regisseur_app.domain.analysis import gaps
from regisseur_app.domain.survey import needs, respondents
from regisseur_app.domain.survey.respondents import RespondentInput
from regisseur_app.reports.content import Scope, Table
from regisseur_app.reports.survey import section
from tests.unit.survey_support import BEKKEVOORT, GEETBETS, build_survey


def _scores(ctx):
    with ctx.reading() as session:
        return {(r.nis_code, r.category_id): r for r in needs.need_rows(session)}


def test_need_score_is_signals_over_answers_per_municipality_and_category(ctx):
    with ctx.transaction() as session:
        built = build_survey(session)
    c = built.categories
    scores = _scores(ctx)
    # option X (groenonderhoud) chosen by r1, r2, r4 of the 5 Bekkevoort answers to the multiple choice
    assert (scores[(BEKKEVOORT, c["groenonderhoud"])].signals, scores[(BEKKEVOORT, c["groenonderhoud"])].answers) == (3, 5)
    assert scores[(BEKKEVOORT, c["schoonmaak"])].score == pytest.approx(2 / 5)
    # scale question linked to catering: 4 or 5 is need (r1, r2 of Bekkevoort; r6, r7 of Geetbets)
    assert scores[(BEKKEVOORT, c["catering"])].score == pytest.approx(2 / 5)
    assert scores[(GEETBETS, c["catering"])].score == pytest.approx(1.0)
    # ja/nee question linked to klusjes: "ja" is need (r1, r3, r4)
    assert scores[(BEKKEVOORT, c["klusjes"])].score == pytest.approx(3 / 5)
    assert scores[(GEETBETS, c["klusjes"])].respondents == 2
    assert "÷" in needs.FORMULA


def test_no_answers_no_scores_and_the_gap_analysis_without_survey(ctx):
    with ctx.transaction() as session:
        build_survey(session, answers=False)
    with ctx.reading() as session:
        assert list(needs.need_scores(session)) == []
        assert not gaps.has_survey_data(session, features.need_score_providers())


def test_gap_analysis_shows_high_need_without_offer(ctx):
    with ctx.transaction() as session:
        built = build_survey(session)
    with ctx.reading() as session:
        rows = gaps.gap_list(session, GEETBETS, providers=features.need_score_providers())
    first = rows[0]
    assert first.verdict == "hoge nood, geen aanbod"
    assert first.category_id in (built.categories["catering"], built.categories["klusjes"])  # both 100 %
    assert first.need.score == pytest.approx(1.0)
    assert "peiling 2025" in first.need.source
    groen = next(g for g in rows if g.category_id == built.categories["groenonderhoud"])
    assert groen.need.score == pytest.approx(0.5) and groen.high_need


def test_only_the_latest_year_counts(ctx):
    with ctx.transaction() as session:
        old = build_survey(session, year=2024, title="Peiling 2024")
        build_survey(session, year=2025, answers=False, title="Peiling 2025 zonder antwoorden")
    with ctx.reading() as session:
        assert needs.latest_year(session) == 2024  # the 2025 survey has no answers yet
        assert {r.category_id for r in needs.need_rows(session)} == set(old.categories.values())


def test_report_section_municipality_against_region(ctx):
    with ctx.transaction() as session:
        build_survey(session)
        content = section.build(session, Scope.year(2025, GEETBETS, "Geetbets"))
        empty = section.build(session, Scope.year(2025, "24137", "Glabbeek"))
        before = section.build(session, Scope.year(2023))
    assert content.has_data
    table = content.tables[0]
    row = next(r for r in table.rows if r[0] == "Welke dienst?" and r[1] == "B")
    # Geetbets: 2 answers (too small: "<5"); region: 3 of 7 = 42,9 %
    assert row[2:] == ["<5", 2, 42.9, 7]
    assert any("Hoge nood" in m for m in content.messages)
    assert not empty.has_data and "Glabbeek" in empty.blocks[0].text
    assert not before.has_data


def test_response_rate_kpi(ctx):
    with ctx.transaction() as session:
        built = build_survey(session, answers=False)
        for nis in (BEKKEVOORT, BEKKEVOORT, BEKKEVOORT, GEETBETS):
            respondents.save_respondent(session, built.survey_id, RespondentInput(nis, invited_on=date(2025, 3, 1)))
        ids = [r.id for r in respondents.list_respondents(session, built.survey_id)]
        from regisseur_app.domain.survey.models import SurveyResponse
        from tests.unit.survey_support import ROWS, add_row

        response_id = add_row(session, built, ROWS[0], "x1")
        session.get(SurveyResponse, response_id).respondent_id = ids[0]
        session.flush()
        region: Table = section.response_rate_kpi(session, 2025, None)
        bekkevoort = section.response_rate_kpi(session, 2025, BEKKEVOORT)
        rates = respondents.response_rates(session, built.survey_id)
    assert region.rows[-1][-1] == 25.0              # 1 of 4 invited answered
    assert bekkevoort.rows[-1][1:] == [3, 1, 33.3]
    assert [(r.municipality, r.invited, r.responded) for r in rates] == [
        ("Bekkevoort", 3, 1), ("Geetbets", 1, 0), ("Totaal", 4, 1)]


def test_reminders_are_eml_drafts_for_those_who_did_not_answer(ctx, tmp_path):
    from email import message_from_bytes

    from regisseur_app.domain.core import contact_service
    from regisseur_app.exchange.survey.reminders import write_reminders

    with ctx.transaction() as session:
        built = build_survey(session, answers=False)
        ann = contact_service.save_contact(session, contact_service.ContactInput(
            name="Ann Peeters", email="ann@bekkevoort.be"), None)
        bob = contact_service.save_contact(session, contact_service.ContactInput(name="Bob Claes"), None)
        a = respondents.save_respondent(session, built.survey_id, RespondentInput(BEKKEVOORT, contact_id=ann))
        respondents.save_respondent(session, built.survey_id, RespondentInput(GEETBETS, contact_id=bob))
        result = write_reminders(session, built.survey_id, tmp_path)
    assert result.reminded_ids == [a]
    assert result.refused == ["Bob Claes (geen e-mailadres)"]
    message = message_from_bytes(result.written[0].read_bytes())
    assert message["X-Unsent"] == "1" and "ann@bekkevoort.be" in message["To"]
    assert message["Subject"] == "Herinnering: Peiling 2025"
    assert "nog niet ontvangen" in message.get_payload(decode=True).decode("utf-8")


def test_report_section_takes_a_municipality_from_the_region_dataset_as_a_load_would(ctx):
    from regisseur_app.domain.survey import dataset
    from tests.unit.survey_support import ROWS, add_row

    with ctx.transaction() as session:
        built = build_survey(session)
        add_row(session, built, (GEETBETS, "C", "Z", 2, 1, "Nee", "later toegevoegd"), "x9")
        add_row(session, built, ROWS[0], "x10")
    with ctx.reading() as session:
        region = dataset.load(session, built.survey_id)
        for nis in (BEKKEVOORT, GEETBETS, "24137"):
            part = section.municipality_part(region, nis)
            assert part == dataset.load(session, built.survey_id, nis)
        assert len(section.municipality_part(region, GEETBETS).responses) == 3
