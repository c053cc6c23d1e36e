"""The MVO open hook: every start asks whether the shipped indicators and materials are present, without the
MVO models (domain/mvo/shipped.py names their tables as plain Core tables), and adds a missing one."""

from __future__ import annotations

from sqlalchemy import delete, select

from regisseur_app.domain.mvo import shipped
from regisseur_app.domain.mvo.models import MvoIndicator, MvoMaterial
from regisseur_app.operations.mvo import add_missing_defaults


def test_the_plain_tables_are_the_models_tables():
    assert {t.name for t in shipped._CODES.values()} == {MvoMaterial.__tablename__, MvoIndicator.__tablename__}


def test_open_hook_adds_only_what_is_missing(ctx):
    assert add_missing_defaults(ctx) == 0
    with ctx.reading() as s:
        assert shipped.defaults_present(s)
    with ctx.transaction() as s:
        code = s.scalars(select(MvoMaterial.code).order_by(MvoMaterial.code)).first()
        s.execute(delete(MvoIndicator).where(MvoIndicator.material_id.in_(
            select(MvoMaterial.id).where(MvoMaterial.code == code))))
        s.execute(delete(MvoMaterial).where(MvoMaterial.code == code))
    with ctx.reading() as s:
        assert not shipped.defaults_present(s)
    assert add_missing_defaults(ctx) >= 1
    with ctx.reading() as s:
        assert shipped.defaults_present(s)
        assert s.scalar(select(MvoMaterial.id).where(MvoMaterial.code == code)) is not None
