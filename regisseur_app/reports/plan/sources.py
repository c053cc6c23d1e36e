"""The KPI sources the features registered (features.kpi_sources()), as the domain's `kpis.KpiSource`
mapping. The domain knows no registry: every caller outside it (reports, operations, UI) gets the sources
here and passes them in. A source's functions are imported only when a value or table is computed."""

from __future__ import annotations

from regisseur_app import features
from regisseur_app.domain.plan.kpis import KpiSource
from regisseur_app.features.spec import resolve


def _lazy(ref: str):  # noqa: ANN202
    def call(session, year, nis_code):  # noqa: ANN001, ANN202
        return resolve(ref)(session, year, nis_code)

    return call


def registered_sources() -> dict[str, KpiSource]:
    return {s.key: KpiSource(s.key, s.title, s.unit, _lazy(s.compute), _lazy(s.value) if s.value else None)
            for s in features.kpi_sources()}
