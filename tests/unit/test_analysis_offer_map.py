"""Offer map, organisations by type, target-group jobs per 1.000 and the gap ranking (real SQLite)."""

import pytest

from regisseur_app.domain.analysis.gaps import NeedScore, gap_list, need_scores
from regisseur_app.domain.analysis.indicators import indicator_by_code
from regisseur_app.domain.analysis.key_figures import set_value
from regisseur_app.domain.analysis.offer_map import (
    SEAT,
    SPREAD,
    cell_organisations,
    offer_matrix,
    target_group_jobs,
    type_matrix,
)
from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.organisation_service import OrganisationInput, save_organisation

BEK, GEE, GLA, KOR, TIE = "24008", "24028", "24137", "24054", "24135"


@pytest.fixture
def inventory(ctx):
    """Four organisations with known places, categories and target-group employees."""
    with ctx.transaction() as s:
        types = {t.code: t.id for t in codelists.list_items(s, codelists.ORGANISATION_TYPE)}
        cats = {c.code: c.id for c in codelists.list_items(s, codelists.SERVICE_CATEGORY)}
        save_organisation(s, OrganisationInput(
            "Groenwerk", types["maatwerkbedrijf"], seat_nis_code=BEK, municipality_codes=[BEK, GEE],
            category_ids=[cats["groenonderhoud"], cats["schoonmaak"]], target_group_employees=60))
        save_organisation(s, OrganisationInput(
            "Kringwinkel Hageland", types["kringwinkel"], seat_nis_code=GEE, municipality_codes=[GEE, GLA, KOR],
            category_ids=[cats["hergebruik"], cats["textiel"]], target_group_employees=30))
        save_organisation(s, OrganisationInput(
            "Tuinbedrijf Peeters", types["regulier"], seat_nis_code=GLA, municipality_codes=[],
            category_ids=[cats["groenonderhoud"]]))
        save_organisation(s, OrganisationInput(
            "Gesloten LDE", types["lde"], seat_nis_code=TIE, municipality_codes=[TIE],
            category_ids=[cats["klusjes"]], target_group_employees=9, archived=True))
        save_organisation(s, OrganisationInput(
            "Leuvens Maatwerk", types["maatwerkbedrijf"], seat_nis_code="24062", municipality_codes=[TIE],
            category_ids=[cats["schoonmaak"]], target_group_employees=40))
    return types, cats


def test_matrix_counts_active_organisations_by_seat_or_reach(ctx, inventory):
    _types, cats = inventory
    with ctx.reading() as s:
        matrix = offer_matrix(s)
        se_only = offer_matrix(s, se_only=True)
        groen = cell_organisations(s, cats["groenonderhoud"], GLA)
    assert [name for _c, name in matrix.columns] == ["Bekkevoort", "Geetbets", "Glabbeek", "Kortenaken", "Tielt-Winge"]
    assert [matrix.count(cats["groenonderhoud"], c) for c, _ in matrix.columns] == [1, 1, 1, 0, 0]
    assert [matrix.count(cats["hergebruik"], c) for c, _ in matrix.columns] == [0, 1, 1, 1, 0]
    assert [matrix.count(cats["schoonmaak"], c) for c, _ in matrix.columns] == [1, 1, 0, 0, 1]
    assert [matrix.count(cats["klusjes"], c) for c, _ in matrix.columns] == [0] * 5   # archived
    assert matrix.row_totals[cats["groenonderhoud"]] == 2 and matrix.row_totals[cats["schoonmaak"]] == 2
    assert se_only.count(cats["groenonderhoud"], GLA) == 0          # the regular company drops out
    assert [r.name for r in groen] == ["Tuinbedrijf Peeters"]
    assert (cats["kinderopvang"], BEK) in matrix.empty_cells()


def test_organisations_by_type(ctx, inventory):
    types, _cats = inventory
    with ctx.reading() as s:
        matrix = type_matrix(s)
    assert [matrix.count(types["maatwerkbedrijf"], c) for c, _ in matrix.columns] == [1, 1, 0, 0, 1]
    assert matrix.column_total(GEE) == 2


def test_target_group_jobs_per_1000_by_seat_and_spread(ctx, inventory):
    with ctx.transaction() as s:
        inhabitants = indicator_by_code(s, "inwoners").id
        for nis, people in ((BEK, 6400), (GEE, 6000), (GLA, 5400), (KOR, 8000), (TIE, 10800)):
            set_value(s, inhabitants, nis, 2024, people)
    with ctx.reading() as s:
        seat = target_group_jobs(s, SEAT)
        spread = target_group_jobs(s, SPREAD)
    assert seat.year == 2024
    rows = {r.name: r for r in seat.rows}
    assert rows["Bekkevoort"].jobs == 60 and rows["Bekkevoort"].per_1000 == pytest.approx(60 / 6400 * 1000)
    assert rows["Geetbets"].jobs == 30 and rows["Geetbets"].per_1000 == pytest.approx(5.0)
    assert rows["Tielt-Winge"].jobs == 0
    assert seat.outside == 40                                       # seat in Leuven
    assert seat.total.jobs == 90 and seat.total.per_1000 == pytest.approx(90 / 36600 * 1000)
    rows = {r.name: r for r in spread.rows}
    assert rows["Bekkevoort"].jobs == pytest.approx(30)            # 60 over Bekkevoort and Geetbets
    assert rows["Geetbets"].jobs == pytest.approx(30 + 10)          # + a third of the kringwinkel
    assert rows["Tielt-Winge"].jobs == pytest.approx(40)
    assert rows["Glabbeek"].per_1000 == pytest.approx(10 / 5400 * 1000)
    assert spread.total.jobs == pytest.approx(130) and spread.outside == 0


def test_gap_ranking_without_survey_data(ctx, inventory):
    _types, cats = inventory
    with ctx.reading() as s:
        gaps = gap_list(s, KOR)
        assert need_scores(s) == {}
    labels = [g.label for g in gaps]
    # no offer anywhere in the region first (alphabetical), then no offer here but in neighbours, then thin
    nowhere = ["Catering/buurtrestaurant", "Fietsherstel", "ICT-refurbishing", "Kinderopvang", "Klusjes/thuishulp",
               "Logistiek/verpakking", "Renovatie/energiesnoei"]
    assert labels[:7] == nowhere
    assert labels[7:] == ["Groenonderhoud", "Schoonmaak", "Hergebruik/kringwinkel", "Textiel"]
    assert [g.rank for g in gaps] == list(range(1, 12))
    groen = gaps[7]
    assert groen.offer == 0 and groen.neighbours == ["Bekkevoort", "Geetbets", "Glabbeek"]
    assert groen.verdict == "geen aanbod (wel in buurgemeenten)"
    assert gaps[-1].verdict == "dun aanbod (1 organisatie)"


def test_gap_ranking_crossed_with_measured_need(ctx, inventory):
    _types, cats = inventory

    def survey(session):
        yield NeedScore(KOR, cats["textiel"], 0.8, 40, "Behoeftepeiling 2025")         # high need, thin offer
        yield NeedScore(KOR, cats["kinderopvang"], 0.9, 40, "Behoeftepeiling 2025")    # high need, no offer
        yield NeedScore(KOR, cats["schoonmaak"], 0.6, 40, "Behoeftepeiling 2025")      # high need, no offer
        yield NeedScore(KOR, cats["catering"], 0.1, 40, "Behoeftepeiling 2025")        # low need
        yield NeedScore(KOR, cats["catering"], 0.2, 12, "Peiling bij organisaties")    # the highest counts

    with ctx.reading() as s:
        gaps = gap_list(s, KOR, providers=[survey])
    assert [g.label for g in gaps[:3]] == ["Kinderopvang", "Schoonmaak", "Textiel"]
    assert [g.verdict for g in gaps[:3]] == ["hoge nood, geen aanbod", "hoge nood, geen aanbod",
                                             "hoge nood, dun aanbod"]
    catering = next(g for g in gaps if g.label == "Catering/buurtrestaurant")
    assert catering.need.score == 0.2 and catering.rank == 4          # first of "nowhere in the region"
    assert not catering.high_need
