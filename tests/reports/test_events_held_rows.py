"""The KPI tables 'Netwerkevenementen / MVO-evenementen gehouden' from plain rows equal what the former ORM load
(events with their municipalities as objects) gives, for the region and every municipality, in several years."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from regisseur_app.domain.core.codelists import EVENT_TYPE, CodeItem
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.events import kpi_sources, obligations
from regisseur_app.domain.events.models import CANCELLED, FINISHED, Event
from regisseur_app.formatting import format_date


def _reference_rows(session, year, nis_code, key):
    obligation = next(o for o in obligations.OBLIGATIONS if o.key == key)
    codes = obligations.counting_type_codes(session, obligation)
    query = (select(Event).where(Event.status == FINISHED, Event.starts_at >= datetime(year, 1, 1),
                                 Event.starts_at < datetime(year + 1, 1, 1))
             .options(selectinload(Event.municipalities)).order_by(Event.starts_at)
             .join(CodeItem, Event.type_id == CodeItem.id).where(CodeItem.list_name == EVENT_TYPE,
                                                                  CodeItem.code.in_(codes)))
    events = [e for e in session.scalars(query)
              if nis_code is None or not e.municipalities or nis_code in {m.nis_code for m in e.municipalities}]
    rows = [[e.title, format_date(e.starts_at), ", ".join(sorted(m.name for m in e.municipalities)) or "Regio (alle gemeenten)", 1]
            for e in events]
    return rows + [["Totaal", "", "", len(events)]]


def test_held_tables_equal_the_orm_reference(demo_ctx):
    with demo_ctx.reading() as session:
        places = [None, *session.scalars(select(Municipality.nis_code))]
        shown = 0
        for year in (2024, 2025, 2026):
            for nis in places:
                for key, source in (("network", kpi_sources.network_events_held),
                                    ("mvo", kpi_sources.mvo_events_held)):
                    table = source(session, year, nis)
                    expected = _reference_rows(session, year, nis, key)
                    got = [[r[0], r[1], r[2], r[3]] for r in table.rows]
                    assert [r[0] for r in got] == [r[0] for r in expected]
                    assert got == expected
                    assert len(got) == len(expected)
                    shown += len(expected) - 1
        assert shown  # the demo has held events
        linked = [r for y in (2024, 2025, 2026) for r in _reference_rows(session, y, None, "network")
                  if r[2] not in ("", "Regio (alle gemeenten)")]
        assert linked  # and events linked to municipalities


def test_yearly_obligations_equal_the_orm_reference(demo_ctx):
    with demo_ctx.reading() as session:
        compared = 0
        for year in (2024, 2025, 2026):
            results = obligations.yearly_obligations(session, year)
            if not results:  # a year before the association started in Regisseur
                continue
            for result, obligation in zip(results, obligations.OBLIGATIONS, strict=True):
                codes = obligations.counting_type_codes(session, obligation)
                types = list(session.scalars(select(CodeItem).where(
                    CodeItem.list_name == EVENT_TYPE, CodeItem.code.in_(codes)).order_by(CodeItem.sort_order)))
                events = list(session.scalars(select(Event).options(selectinload(Event.type)).where(
                    Event.type_id.in_([t.id for t in types]), Event.status != CANCELLED,
                    Event.starts_at >= datetime(year, 1, 1), Event.starts_at < datetime(year + 1, 1, 1))
                    .order_by(Event.starts_at)))
                assert result.type_labels == ", ".join(t.label for t in types)
                assert [(e.id, e.title, e.starts_at, e.status, e.held) for e in result.events] == [
                    (e.id, e.title, e.starts_at, e.status, e.status == FINISHED) for e in events]
                compared += len(events)
        assert compared
