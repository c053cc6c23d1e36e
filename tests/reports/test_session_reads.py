"""Reads a college report makes several times, kept for the session while it does not write: municipality names
and code labels (survey datasets, need scores), MVO materials, and the MVO figures of the section's two years;
each equal to a fresh read, a dict of the caller's own, and read again after the session writes."""

from __future__ import annotations

from sqlalchemy import select

from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.mvo import overview
from regisseur_app.domain.mvo.models import MvoMaterial
from regisseur_app.domain.mvo.values import all_materials
from regisseur_app.domain.survey import dataset


def test_names_and_labels_equal_a_fresh_read_and_see_a_write(demo_ctx):
    with demo_ctx.transaction() as session:
        names, labels = dataset.municipality_names(session), dataset.code_labels(session)
        assert names == dict(session.execute(select(Municipality.nis_code, Municipality.name)).all()) and names
        assert labels == dict(session.execute(select(CodeItem.id, CodeItem.label)).all()) and labels
        names.clear()
        assert dataset.municipality_names(session)  # the caller's copy, not the kept one
        item = session.scalars(select(CodeItem)).first()
        item.label = "Gewijzigd label"
        assert dataset.code_labels(session)[item.id] == "Gewijzigd label"
        town = session.scalars(select(Municipality)).first()
        town.name = "Gewijzigde naam"
        session.flush()
        assert dataset.municipality_names(session)[town.nis_code] == "Gewijzigde naam"
        session.rollback()


def test_materials_equal_a_fresh_read_and_see_a_write(demo_ctx):
    with demo_ctx.transaction() as session:
        first = all_materials(session)
        assert first == {m.id: m for m in session.scalars(select(MvoMaterial))} and first
        first.clear()
        assert all_materials(session)
        material = session.scalars(select(MvoMaterial)).first()
        session.add(MvoMaterial(code="nieuw_materiaal", label="Nieuw", factor_source=""))
        assert any(m.code == "nieuw_materiaal" for m in all_materials(session).values())
        assert material.id in all_materials(session)
        session.rollback()


def test_two_years_at_once_equal_each_year_alone(demo_ctx):
    with demo_ctx.reading() as session:
        places = [None, *session.scalars(select(Municipality.nis_code).where(Municipality.participating.is_(True)))]
    for nis_code in places:
        for year in (2024, 2025, 2026):
            with demo_ctx.reading() as session:
                both = overview.figures_by_year(session, [year, year - 1], nis_code)
            for single in (year, year - 1):
                with demo_ctx.reading() as session:
                    assert overview.organisation_figures(session, single, nis_code) == both[single]
