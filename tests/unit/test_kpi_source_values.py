"""A KPI source's `value` (KpiSourceSpec.value: what KPI progress and the Overzicht use) is the number in the
last cell of its table (`compute`: what the KPI tab's figures and the reports show), for every scope and year,
on the small world of plan_support plus surveys with invitees who did and did not answer, one twice."""

from dataclasses import replace
from datetime import date

import pytest

from regisseur_app import features
from regisseur_app.domain.plan import kpis
from regisseur_app.domain.plan.default_plan import load_default_plan
from regisseur_app.domain.plan.service import has_plan
from regisseur_app.domain.survey import kpi_sources as survey_kpi
from regisseur_app.domain.survey.models import Survey, SurveyRespondent, SurveyResponse
from regisseur_app.features.spec import resolve
from regisseur_app.reports.plan.sources import registered_sources
from tests.conftest import open_template_copy, paths_in
from tests.unit.plan_support import BEK, GEE, KOR, LEUVEN, build_world
from tests.unit.survey_support import add_invited_surveys

SCOPES = (None, BEK, GEE, KOR, LEUVEN)
YEARS = (2024, 2025, 2026)
WITH_VALUE = [s.key for s in features.kpi_sources() if s.value]


@pytest.fixture(scope="module")
def world(tmp_path_factory, template_db):
    ctx = open_template_copy(template_db, paths_in(tmp_path_factory.mktemp("kpi_values")))
    with ctx.transaction() as s:
        build_world(s)
        if not has_plan(s):
            load_default_plan(s, 2025, sources=registered_sources())
        add_invited_surveys(s, BEK, GEE, KOR, anonymous=True)  # anonymous responses: not counted
    yield ctx
    ctx.close()


def test_the_sources_that_count_their_value_alone():
    assert {"core_se_organisations", "survey_response_rate", "events_network_held", "events_mvo_held",
            "referrals_made", "referrals_started", "referrals_doorstroom"} <= set(WITH_VALUE)


@pytest.mark.parametrize("key", WITH_VALUE)
def test_value_is_the_last_cell_of_the_table(world, key):
    spec = features.kpi_source(key)
    compute, value = resolve(spec.compute), resolve(spec.value)
    found = []
    with world.reading() as s:
        for year in YEARS:
            for nis_code in SCOPES:
                expected = kpis.table_value(compute(s, year, nis_code))
                assert value(s, year, nis_code) == expected, (year, nis_code)
                found.append(expected)
    assert len({v for v in found if v is not None}) > 1, "the world gives this source different values"


def test_the_survey_rate_counts_each_answering_invitee_once(world):
    with world.reading() as s:
        assert survey_kpi.response_rate_value(s, 2025, None) == 50.0  # A: 1 of 4, B: 2 of 2 (one twice)
        assert survey_kpi.response_rate_value(s, 2025, KOR) == 100.0
        assert survey_kpi.response_rate_value(s, 2025, LEUVEN) is None  # nobody invited there
        assert survey_kpi.response_rate_value(s, 2023, None) is None  # no survey that year


def test_progress_with_values_equals_progress_with_tables(world):
    """KPI progress takes a source's value where it has one: the same progress as from the tables alone."""
    with_values = registered_sources()
    tables_only = {k: replace(source, value=None) for k, source in with_values.items()}
    with world.reading() as s:
        for year in YEARS:
            for nis_code in SCOPES:
                fast = kpis.progress(s, year, nis_code, date(2025, 6, 30), sources=with_values)
                assert fast == kpis.progress(s, year, nis_code, date(2025, 6, 30), sources=tables_only)
        rate = next(p for p in kpis.progress(s, 2025, None, date(2025, 6, 30), sources=with_values)
                    if p.source_key == "survey_response_rate")
    assert rate.value == 50.0


def test_the_survey_rate_reads_the_models_tables_by_their_names():
    """response_rate_value names three tables and their columns instead of importing the models."""
    for light, model in ((survey_kpi.SURVEY, Survey), (survey_kpi.RESPONDENT, SurveyRespondent),
                         (survey_kpi.RESPONSE, SurveyResponse)):
        table = model.__table__
        assert light.name == table.name
        assert set(light.c.keys()) <= set(table.c.keys()), table.name
