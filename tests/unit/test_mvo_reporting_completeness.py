"""The reporting organisations' completeness of a year (MVO › Invullen, the MVO export) is counted in SQL and equals
the former computation, kept below as the reference: every value of the year as an object, values.completeness_of
per organisation. The generated region of test_mvo_region_figures has text-only and empty values, stored values of
computed indicators, a retired indicator, archived and non-SE organisations; a blank text, a zero and a value of
another year are added here."""

from __future__ import annotations

from sqlalchemy import select

from regisseur_app.domain.mvo.indicators import list_indicators
from regisseur_app.domain.mvo.models import MvoIndicator, MvoValue
from regisseur_app.domain.mvo.orgs import region_reporters, reporters, reporting_organisations, year_values
from regisseur_app.domain.mvo.values import completeness_of
from tests.unit.test_mvo_region_figures import YEARS, region  # noqa: F401  (the generated region, a fixture)


def former(session, year, text="", nis_code=None):
    indicators = list_indicators(session)
    values = year_values(session, [year])[year]
    people = reporters(session, text, nis_code) if text.strip() or nis_code else region_reporters(session)
    return [r.row(completeness_of(indicators, values.get(r.id, {}))) for r in people]


def test_completeness_counted_in_sql_equals_the_former_computation(ctx, region):  # noqa: F811
    with ctx.transaction() as s:
        typed = [i for i in s.scalars(select(MvoIndicator).order_by(MvoIndicator.id)) if i.active and not i.formula]
        someone = s.scalar(select(MvoValue.organisation_id).where(MvoValue.year == 2025).limit(1))
        taken = set(s.scalars(select(MvoValue.indicator_id).where(MvoValue.year == 2025,
                                                                  MvoValue.organisation_id == someone)))
        free = [i for i in typed if i.id not in taken]
        s.add(MvoValue(organisation_id=someone, indicator_id=free[0].id, year=2025, number=None, text="   "))
        s.add(MvoValue(organisation_id=someone, indicator_id=free[1].id, year=2025, number=0.0, text=""))
        s.add(MvoValue(organisation_id=someone, indicator_id=free[2].id, year=2019, number=12.0, text=""))
    with ctx.reading() as s:
        seen = set()
        for year in (*YEARS, 2019, 2030):
            for text, nis in (("", None), ("", region[0]), ("organisatie 0", None), ("  ", region[1])):
                rows = reporting_organisations(s, year, text, nis)
                assert rows == former(s, year, text, nis)
                seen.update(r.completeness for r in rows)
    # the generated data reaches the cases that matter: none, some and all filled
    totals = {c.total for c in seen}
    assert len(totals) == 1 and {0, next(iter(totals))} <= {c.filled for c in seen}
    assert any(0 < c.filled < c.total for c in seen)
