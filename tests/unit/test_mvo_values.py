"""MVO values: validation per value type, computed indicators against hand computations, completeness,
retired indicators keeping their history, and the indicator/material rules (GRI, VSME, factors)."""

import pytest

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.mvo import indicators as ind_service
from regisseur_app.domain.mvo.indicators import IndicatorInput, list_indicators
from regisseur_app.domain.mvo.materials import MaterialInput, list_materials, save_material
from regisseur_app.domain.mvo.values import (
    ValueEntry,
    completeness,
    parse_value,
    save_values,
    year_sheet,
)
from tests.unit.events_support import org
from tests.unit.mvo_support import indicator, put


@pytest.fixture
def kringwinkel(ctx):
    with ctx.transaction() as s:
        return org(s, "Kringwinkel Test", "kringwinkel", active=["24008"])


def test_shipped_framework_has_four_pillars_and_at_least_twenty_indicators(ctx):
    with ctx.reading() as s:
        rows = list_indicators(s)
    assert {r.pillar for r in rows} == {"Mens", "Planeet", "Winst", "Bestuur"}
    assert len(rows) >= 20
    assert {r.value_type for r in rows} == {"aantal", "decimaal", "percentage", "ja_nee", "tekst"}
    assert {"dgw_personen", "dgw_vte", "opleidingsuren", "doorstroom", "ziekteverzuim", "arbeidsongevallen",
            "ton_ingezameld", "ton_hergebruikt", "hergebruikpercentage", "vermeden_co2", "energieverbruik", "omzet",
            "lokale_aankopen", "sociale_clausule"} <= {r.code for r in rows}
    # every GRI code is a known disclosure that is not withdrawn; no superseded 307-1 or 419-1
    from regisseur_app.domain.mvo.reference import gri_disclosures
    for row in rows:
        if row.gri_code:
            assert not gri_disclosures()[row.gri_code].withdrawn(), row.code


@pytest.mark.parametrize(("code", "raw", "expected"), [
    ("dgw_personen", "12", 12.0), ("dgw_personen", "1.500", 1500.0), ("dgw_personen", 7, 7.0),
    ("dgw_vte", "12,5", 12.5), ("ziekteverzuim", "8,5%", 8.5), ("ziekteverzuim", 100, 100.0),
    ("mvo_beleid", "Ja", 1.0), ("mvo_beleid", "nee", 0.0), ("mvo_beleid", True, 1.0),
    ("omzet", "€ 1.234.567,50", 1234567.5), ("dgw_personen", "", None), ("dgw_personen", None, None),
])
def test_parse_accepts_values_typed_the_flemish_way(ctx, code, raw, expected):
    with ctx.reading() as s:
        assert parse_value(indicator(s, code), raw)[0] == expected


@pytest.mark.parametrize(("code", "raw", "message"), [
    ("dgw_personen", "twaalf", "'twaalf' is geen getal"),
    ("dgw_personen", "12,5", "geen geheel getal"),
    ("ziekteverzuim", "140", "140 % ligt boven het maximum van 100 %"),
    ("ziekteverzuim", -1, "negatief"),
    ("ton_ingezameld", "-3", "een negatief getal (-3) kan niet voor ingezamelde goederen"),
    ("opleidingsuren", 600, "ligt boven het maximum van 500"),
    ("mvo_beleid", "misschien", "'misschien' is geen ja of nee"),
    ("stakeholders", "klant 85.07.30-033.28 gebeld", "rijksregister"),
])
def test_parse_refuses_bad_values_with_a_dutch_reason(ctx, code, raw, message):
    with ctx.reading() as s, pytest.raises(ValueError) as info:
        parse_value(indicator(s, code), raw)
    assert message in str(info.value)


def test_save_is_all_or_nothing_and_names_every_bad_value(ctx, kringwinkel):
    with ctx.transaction() as s:
        put(s, kringwinkel, 2025, dgw_personen=10)
    with pytest.raises(ValidationError) as info, ctx.transaction() as s:
        save_values(s, kringwinkel, 2025, [ValueEntry(indicator(s, "dgw_personen").id, "20"),
                                           ValueEntry(indicator(s, "ziekteverzuim").id, "140"),
                                           ValueEntry(indicator(s, "ton_ingezameld").id, "-3")])
    assert set(info.value.errors) == {"ziekteverzuim", "ton_ingezameld"}
    assert info.value.errors["ziekteverzuim"].startswith("Ziekteverzuim: 140 %")
    with ctx.reading() as s:
        rows = {r.indicator.code: r for r in year_sheet(s, kringwinkel, 2025)}
    assert rows["dgw_personen"].number == 10  # unchanged: nothing of the failed save was kept


def test_computed_indicators_match_a_hand_computation(ctx, kringwinkel):
    with ctx.transaction() as s:
        put(s, kringwinkel, 2025, ton_ingezameld="500", hergebruik_textiel="100", hergebruik_meubelen="40",
            hergebruik_elektro="10", dgw_personen="30", werknemers_totaal="40")
        put(s, kringwinkel, 2024, ton_ingezameld="400", hergebruik_textiel="80")
    with ctx.reading() as s:
        rows = {r.indicator.code: r for r in year_sheet(s, kringwinkel, 2025)}
        factors = {m.code: m.emission_factor for m in list_materials(s)}
    # by hand: 100 t textile × 4,0 + 40 t furniture × 1,45; electronics has no factor and is left out
    assert factors["textiel"] == 4.0 and factors["meubelen"] == 1.45 and factors["elektro"] is None
    assert rows["vermeden_co2"].number == pytest.approx(100 * 4.0 + 40 * 1.45) == pytest.approx(458.0)
    assert "Niet meegeteld (geen emissiefactor): elektrische en elektronische apparaten (10 t)" in \
        rows["vermeden_co2"].explanation
    assert rows["ton_hergebruikt"].number == pytest.approx(150.0)
    assert rows["hergebruikpercentage"].number == pytest.approx(30.0)
    assert rows["hergebruikpercentage"].shown == "30,0 %"
    assert rows["dgw_aandeel"].number == pytest.approx(75.0)
    assert rows["vermeden_co2"].previous == "320,0"  # 2024: 80 × 4,0
    assert rows["ton_ingezameld"].previous == "400,0"


def test_a_changed_factor_changes_the_avoided_co2(ctx, kringwinkel):
    with ctx.transaction() as s:
        put(s, kringwinkel, 2025, hergebruik_elektro="10")
        elektro = next(m for m in list_materials(s) if m.code == "elektro")
        save_material(s, MaterialInput(elektro.label, 2.5, "Eigen berekening met de WRAP-tool", 2024), elektro.id)
    with ctx.reading() as s:
        rows = {r.indicator.code: r for r in year_sheet(s, kringwinkel, 2025)}
    assert rows["vermeden_co2"].number == pytest.approx(25.0)


def test_completeness_counts_typed_in_active_indicators(ctx, kringwinkel):
    with ctx.reading() as s:
        typed = [i for i in list_indicators(s) if not i.is_computed]
        before = completeness(s, kringwinkel, 2025)
    assert (before.filled, before.total) == (0, len(typed))
    with ctx.transaction() as s:
        put(s, kringwinkel, 2025, dgw_personen="5", mvo_beleid="ja", stakeholders="Klantenpanel")
        put(s, kringwinkel, 2024, omzet="100")  # another year does not count
    with ctx.reading() as s:
        after = completeness(s, kringwinkel, 2025)
    assert after.filled == 3 and after.text == f"3 van {len(typed)} ingevuld" and not after.complete
    with ctx.transaction() as s:
        put(s, kringwinkel, 2025, **{i.code: ("x" if i.value_type == "tekst" else "ja" if i.value_type == "ja_nee"
                                              else "1") for i in typed})
        assert completeness(s, kringwinkel, 2025).complete


def test_retired_indicator_keeps_its_history_and_leaves_the_count(ctx, kringwinkel):
    with ctx.transaction() as s:
        put(s, kringwinkel, 2025, waterverbruik="120")
        water = indicator(s, "waterverbruik")
        total_before = completeness(s, kringwinkel, 2025).total
        ind_service.set_indicator_active(s, water.id, False)
    with ctx.reading() as s:
        assert completeness(s, kringwinkel, 2025).total == total_before - 1
        rows = {r.indicator.code: r for r in year_sheet(s, kringwinkel, 2025)}
        assert rows["waterverbruik"].shown == "120"  # still shown: it holds a value
        assert ind_service.value_count(s, water.id) == 1


def test_new_indicator_and_reference_checks(ctx):
    with ctx.transaction() as s:
        pillar = ind_service.pillars(s)[0][0]
        new_id = ind_service.save_indicator(s, IndicatorInput("Vrijwilligers", pillar, "personen", "aantal",
                                                              gri_code="GRI 2-8", vsme_ref="b8"))
        row = ind_service.get_indicator(s, new_id)
        assert (row.code, row.gri_code, row.vsme_ref, row.reference_text) == (
            "vrijwilligers", "2-8", "B8", "GRI 2-8 · VSME B8")
        errors = ind_service.validate_indicator(s, IndicatorInput("Milieuboetes", pillar, gri_code="307-1",
                                                                  vsme_ref="B12"))
        assert "vervangen door GRI 2-27" in errors["gri_code"]
        assert "B1 tot B11" in errors["vsme_ref"]
        assert "vervangen door GRI 2-27" in ind_service.validate_indicator(
            s, IndicatorInput("Sociale boetes", pillar, gri_code="419-1"))["gri_code"]
        assert "geen GRI-disclosure" in ind_service.validate_indicator(
            s, IndicatorInput("X", pillar, gri_code="999-9"))["gri_code"]
        assert "tussen 0 en 100" in ind_service.validate_indicator(
            s, IndicatorInput("Y", pillar, value_type="percentage", max_value=140))["max_value"]


def test_material_factor_needs_source_and_year_and_gets_an_indicator(ctx):
    with ctx.transaction() as s:
        with pytest.raises(ValidationError) as info:
            save_material(s, MaterialInput("Fietsen", 0.9, "", None))
        assert set(info.value.errors) == {"factor_source", "factor_year"}
        with pytest.raises(ValidationError) as info:
            save_material(s, MaterialInput("Fietsen", -1, "x", 2020))
        assert "negatief" in info.value.errors["emission_factor"]
        save_material(s, MaterialInput("Fietsen", 0.9, "Studie X", 2022))
        assert indicator(s, "hergebruikt_fietsen").material_id is not None


def test_shipped_defaults_are_added_again_only_when_missing(ctx):
    """The open hook's shortcut (every shipped code present: nothing loaded, nothing added) and the way back
    when a shipped indicator or material is gone."""
    from sqlalchemy import delete, func, select

    from regisseur_app.domain.mvo.models import MvoIndicator, MvoMaterial
    from regisseur_app.domain.mvo.reference import ensure_defaults

    with ctx.transaction() as s:
        assert ensure_defaults(s) == 0
        counts = (s.scalar(select(func.count()).select_from(MvoIndicator)),
                  s.scalar(select(func.count()).select_from(MvoMaterial)))
        code = s.scalars(select(MvoIndicator.code).order_by(MvoIndicator.code)).first()
        s.execute(delete(MvoIndicator).where(MvoIndicator.code == code))
    with ctx.transaction() as s:
        assert ensure_defaults(s) == 1
        assert s.scalar(select(MvoIndicator.id).where(MvoIndicator.code == code)) is not None
        assert (s.scalar(select(func.count()).select_from(MvoIndicator)),
                s.scalar(select(func.count()).select_from(MvoMaterial))) == counts
