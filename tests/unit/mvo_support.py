"""Helpers for the MVO tests: indicators by code and values through the service."""

from __future__ import annotations

from regisseur_app.domain.mvo.indicators import IndicatorData, list_indicators
from regisseur_app.domain.mvo.values import ValueEntry, save_values


def indicator(session, code: str) -> IndicatorData:
    return next(i for i in list_indicators(session, include_inactive=True) if i.code == code)


def put(session, org_id: int, year: int, **values) -> None:
    """put(s, org, 2025, dgw_personen=12, omzet="1.234,5") through save_values."""
    save_values(session, org_id, year, [ValueEntry(indicator(session, code).id, raw) for code, raw in values.items()])
