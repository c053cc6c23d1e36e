"""The data generation counts every transaction that changes data, also bulk statements that bypass the
ORM flush, and not the bookkeeping rows (the generation itself, the start screen's snapshot)."""

from sqlalchemy import select, update

from regisseur_app.domain.core.municipalities import Municipality, set_participating
from regisseur_app.domain.core.settings import data_generation, get_setting, set_setting
from regisseur_app.storage.generation import SNAPSHOT_KEY
from tests.conftest import FIVE


def _generation(ctx) -> int:
    with ctx.reading() as s:
        return data_generation(s)


def test_orm_change_counts_once_per_transaction(app_ctx):
    before = _generation(app_ctx)
    with app_ctx.transaction() as s:
        set_setting(s, "association_name", "IGO nieuw")
        s.flush()
        set_setting(s, "setup_year", "2024")
    assert _generation(app_ctx) == before + 1


def test_bulk_update_through_the_session_counts(app_ctx):
    before = _generation(app_ctx)
    with app_ctx.transaction() as s:
        s.execute(update(Municipality).where(Municipality.nis_code == FIVE[0]).values(participating=False))
    assert _generation(app_ctx) == before + 1
    with app_ctx.transaction() as s:  # the service behind Beheer › deelnemende gemeenten is a bulk update
        set_participating(s, FIVE[:4] + ["24020"])
    assert _generation(app_ctx) == before + 2
    with app_ctx.reading() as s:
        assert s.scalar(select(Municipality.participating).where(Municipality.nis_code == "24020"))


def test_reading_and_the_snapshot_do_not_count(app_ctx):
    before = _generation(app_ctx)
    with app_ctx.reading() as s:
        s.execute(select(Municipality)).all()
    with app_ctx.transaction() as s:
        set_setting(s, SNAPSHOT_KEY, '{"generation": 1}')
    assert _generation(app_ctx) == before
    with app_ctx.reading() as s:
        assert get_setting(s, SNAPSHOT_KEY) == '{"generation": 1}'
