"""SWOT items: validation, scope (region or municipality), order, delete and undo; and the demo data."""

import pytest

from regisseur_app.domain.analysis import indicators as ind
from regisseur_app.domain.analysis.comparison import compare
from regisseur_app.domain.analysis.models import OPPORTUNITY, SOURCE_INDICATOR, SOURCE_SURVEY, STRENGTH
from regisseur_app.domain.analysis.swot import (
    SwotInput,
    delete_swot_item,
    list_swot,
    move_swot_item,
    restore_swot_item,
    save_swot_item,
)
from regisseur_app.domain.core.base import ValidationError


def test_items_are_kept_per_scope_and_quadrant_in_order(ctx):
    with ctx.transaction() as s:
        a = save_swot_item(s, SwotInput(STRENGTH, "Sterke samenwerking"))
        b = save_swot_item(s, SwotInput(STRENGTH, "Veel groenaanbod", source_kind=SOURCE_INDICATOR,
                                        indicator_id=ind.indicator_by_code(s, "dgw_maatwerk").id))
        c = save_swot_item(s, SwotInput(STRENGTH, "Actieve OCMW", "24008"))
        save_swot_item(s, SwotInput(OPPORTUNITY, "Sociale clausules", source_kind=SOURCE_SURVEY,
                                    source_text="Behoeftepeiling 2025"))
    with ctx.reading() as s:
        region = list_swot(s, None)
        local = list_swot(s, "24008")
    assert [i.id for i in region[STRENGTH]] == [a, b]
    assert region[STRENGTH][1].source_label == "Kerncijfer: Doelgroepwerknemers in maatwerk"
    assert region[OPPORTUNITY][0].source_label == "Behoeftepeiling 2025"
    assert [i.id for i in local[STRENGTH]] == [c] and local["W"] == []
    with ctx.transaction() as s:
        assert move_swot_item(s, b, -1)
        assert not move_swot_item(s, b, -1)          # already first
    with ctx.reading() as s:
        assert [i.id for i in list_swot(s, None)[STRENGTH]] == [b, a]


def test_validation_messages(ctx):
    with ctx.transaction() as s:
        with pytest.raises(ValidationError) as info:
            save_swot_item(s, SwotInput("X", " ", source_kind=SOURCE_SURVEY))
        assert set(info.value.errors) == {"quadrant", "text", "source_text"}
        with pytest.raises(ValidationError) as info:
            save_swot_item(s, SwotInput(STRENGTH, "x" * 301, source_kind=SOURCE_INDICATOR))
        assert "maximaal 300" in info.value.errors["text"] and "indicator_id" in info.value.errors
        with pytest.raises(ValidationError, match="rijksregister"):
            save_swot_item(s, SwotInput(STRENGTH, "Klant 85.07.30-033.28 vond werk"))


def test_delete_and_restore_keep_the_place(ctx):
    with ctx.transaction() as s:
        ids = [save_swot_item(s, SwotInput(STRENGTH, text)) for text in ("een", "twee", "drie")]
        snapshot = delete_swot_item(s, ids[1])
    with ctx.reading() as s:
        assert [i.text for i in list_swot(s, None)[STRENGTH]] == ["een", "drie"]
    with ctx.transaction() as s:
        restore_swot_item(s, *snapshot)
    with ctx.reading() as s:
        assert [i.text for i in list_swot(s, None)[STRENGTH]] == ["een", "twee", "drie"]


def test_demo_has_five_years_and_a_regional_swot(tmp_path):
    from regisseur_app.context import AppPaths
    from regisseur_app.demo import open_demo_context

    ctx = open_demo_context(AppPaths.for_db(tmp_path / "demo.sqlite", log_dir=tmp_path / "l", config_dir=tmp_path / "c"))
    try:
        with ctx.reading() as s:
            people = compare(s, ind.indicator_by_code(s, "inwoners").id, 2025)
            leefloon = compare(s, ind.indicator_by_code(s, "leefloon").id, 2021)
            swot = list_swot(s, None)
        bekkevoort = next(r for r in people.rows if r.name == "Bekkevoort")
        assert 6332 < bekkevoort.value < 6332 * 1.06             # near the real 6.332 of 2020
        assert all(r.value is not None and r.previous is not None for r in people.municipality_rows)
        assert all(1 <= r.per_1000 <= 7 for r in leefloon.municipality_rows)
        assert all(len(items) >= 3 for items in swot.values())
    finally:
        ctx.close()
