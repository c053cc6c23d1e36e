"""The MVO section's shared reads: which organisations attended an MVO event (one query for all) equals the
per-organisation answer, and the indicator list read once per session equals a fresh read and sees a write."""

from __future__ import annotations

from sqlalchemy import select

from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.mvo import links
from regisseur_app.domain.mvo.indicators import _list_indicators, list_indicators
from regisseur_app.domain.mvo.models import MvoIndicator


def test_attended_any_equals_per_organisation(demo_ctx):
    with demo_ctx.reading() as session:
        ids = list(session.scalars(select(Organisation.id)))
        found = 0
        for year in (2024, 2025, 2026):
            expected = {i for i in ids if links.attended_mvo_events(session, i, year)}
            assert links.attended_any_mvo_event(session, ids, year) == expected
            found += len(expected)
        assert found  # the demo has organisations at MVO events
        assert links.attended_any_mvo_event(session, [], 2025) == set()


def test_indicators_read_once_and_a_write_is_seen(demo_ctx):
    with demo_ctx.transaction() as session:
        for inactive in (False, True):
            assert list_indicators(session, inactive) == _list_indicators(session, inactive)
        first = list_indicators(session, True)
        assert list_indicators(session, True) == first and list_indicators(session, True) is not first
        row = session.get(MvoIndicator, first[0].id)
        row.label = "Gewijzigd label"
        session.flush()
        assert list_indicators(session, True)[0].label == "Gewijzigd label"
        session.rollback()
