"""The KPI sources the features registered (features.kpi_sources()), as the domain's `kpis.KpiSource`
mapping. The domain knows no registry: every caller outside it (reports, operations, UI) gets the sources
here and passes them in. A source's compute function is imported only when a value is computed."""

from __future__ import annotations

from regisseur_app import features
from regisseur_app.domain.plan.kpis import KpiSource
from regisseur_app.features.spec import KpiSourceSpec, resolve


def _lazy(spec: KpiSourceSpec):  # noqa: ANN202
    def compute(session, year, nis_code):  # noqa: ANN001, ANN202
        return resolve(spec.compute)(session, year, nis_code)

    return compute


def registered_sources() -> dict[str, KpiSource]:
    return {s.key: KpiSource(s.key, s.title, s.unit, _lazy(s)) for s in features.kpi_sources()}
