"""College-report section 'Kerncijfers': this municipality against the regional average (absolute and per
1.000 inhabitants of the same year), or for the region all participating municipalities side by side.

Figures come from `domain.analysis.comparison.compare` (the same numbers as the Omgevingsanalyse page).
The year is the last year of the period; when no key figures exist for it, the latest earlier year with
figures is used and the section says so. The computed indicator 'Aantal SE-organisaties' (only known for
today) is left to the section 'Aanbod en hiaten'.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from regisseur_app.domain.analysis import indicators, key_figures
from regisseur_app.domain.analysis.comparison import AVERAGE, TOTAL, Comparison, compare_all
from regisseur_app.domain.analysis.indicators import IndicatorData
from regisseur_app.formatting import format_number
from regisseur_app.reports.college.memo import memo
from regisseur_app.reports.content import BarChart, Column, Scope, SectionContent, Table, Text, no_data

KEY, TITLE = "kerncijfers", "Kerncijfers"


def report_year(session: Session, scope: Scope, shown: list[IndicatorData]) -> int | None:
    """The last year of the period, or the latest earlier year with any key figure; None without figures."""
    years = [y for y in key_figures.years_with_data(session, indicator_ids=[i.id for i in shown])
             if y <= scope.end.year]
    return years[-1] if years else None


def _indicators(session: Session) -> list[IndicatorData]:
    return [i for i in indicators.list_indicators(session) if not i.is_computed]


def build(session: Session, scope: Scope) -> SectionContent:
    shown = _indicators(session)
    year = report_year(session, scope, shown)
    if year is None:
        return no_data(KEY, TITLE, f"Er zijn nog geen kerncijfers ingevoerd voor {scope.end.year} of eerder.")
    comparisons = memo(session, ("key_figures", year), lambda: compare_all(session, shown, year))
    if scope.is_region:
        content = _region(scope, year, comparisons)
    else:
        content = _municipality(scope, year, comparisons)
    if content.has_data and year != scope.end.year:
        content.blocks.insert(0, Text(f"Voor {scope.end.year} zijn er nog geen kerncijfers; de cijfers hieronder "
                                      f"zijn die van {year}, het laatste jaar met cijfers.", "note"))
    return content


def _row(comparison: Comparison, nis_code: str):  # noqa: ANN202
    return next((r for r in comparison.municipality_rows if r.nis_code == nis_code), None)


def _region_row(comparison: Comparison, kind: str):  # noqa: ANN202
    return next((r for r in comparison.rows if r.kind == kind), None)


def _municipality(scope: Scope, year: int, comparisons: list[Comparison]) -> SectionContent:
    counts, others, chart_rows, messages = [], [], [], []
    for comparison in comparisons:
        indicator, here = comparison.indicator, _row(comparison, scope.nis_code)
        if here is None or here.value is None:
            continue
        average = _region_row(comparison, AVERAGE)
        total = _region_row(comparison, TOTAL)
        if indicator.is_count:
            region_rate = total.per_1000 if total is not None else None
            counts.append([indicator.label, here.value, average.value if average else None,
                           here.per_1000, region_rate, here.change])
            if here.per_1000 is not None and region_rate:
                chart_rows.append((indicator.label, here.per_1000, region_rate))
        else:
            others.append([indicator.title, here.value, average.value if average else None, here.change])
    if not counts and not others:
        return no_data(KEY, TITLE, f"Er zijn geen kerncijfers van {scope.name} voor {year}.")
    blocks: list = [Text(f"{scope.name} tegenover het gemiddelde van de deelnemende gemeenten, {year}. Per 1.000 "
                         f"inwoners: gedeeld door het aantal inwoners van {year}.")]
    if counts:
        blocks.append(Table(f"Kerncijfers {scope.name} {year}", [
            Column("Indicator"), Column(scope.name, True), Column("Gemiddelde per gemeente", True, 1),
            Column(f"{scope.name} per 1.000 inwoners", True, 1), Column("Regio per 1.000 inwoners", True, 1),
            Column(f"Verschil met {year - 1}", True)], counts,
            footnote="Regio per 1.000 inwoners = alle gemeenten samen / alle inwoners × 1.000."))
    if chart_rows:
        blocks.append(BarChart(f"Per 1.000 inwoners, {year}", [label for label, _h, _r in chart_rows],
                               [(scope.name, [h for _l, h, _r in chart_rows]),
                                ("Regio", [r for _l, _h, r in chart_rows])]))
    if others:
        blocks.append(Table(f"Andere kerncijfers {scope.name} {year}", [
            Column("Indicator"), Column(scope.name, True, 1), Column("Gemiddelde per gemeente", True, 1),
            Column(f"Verschil met {year - 1}", True, 1)], others))
    messages += _messages(scope.name, chart_rows)
    return SectionContent(KEY, TITLE, blocks, messages)


def _messages(name: str, chart_rows: list[tuple[str, float, float]]) -> list[str]:
    """The two figures that differ most from the region, in words."""
    ranked = sorted(chart_rows, key=lambda r: abs(r[1] / r[2] - 1), reverse=True)[:2]
    result = []
    for label, here, region in ranked:
        if abs(here / region - 1) < 0.05:
            word = "gelijk aan"
        else:
            word = "boven" if here > region else "onder"
        result.append(f"{label}: {format_number(here, 1)} per 1.000 inwoners, {word} het regionale cijfer "
                      f"({format_number(region, 1)}).")
    return result


def _region(scope: Scope, year: int, comparisons: list[Comparison]) -> SectionContent:
    names = [r.name for r in comparisons[0].municipality_rows] if comparisons else []
    absolute, rates = [], []
    for comparison in comparisons:
        rows = comparison.municipality_rows
        if all(r.value is None for r in rows):
            continue
        total = _region_row(comparison, TOTAL)
        decimals = comparison.indicator.decimals
        absolute.append([comparison.indicator.title, *[r.value for r in rows],
                         total.value if total is not None else _region_row(comparison, AVERAGE).value, decimals])
        if comparison.shows_per_1000:
            rates.append([comparison.indicator.label, *[r.per_1000 for r in rows],
                          total.per_1000 if total is not None else None])
    if not absolute:
        return no_data(KEY, TITLE, f"Er zijn geen kerncijfers voor {year}.")
    whole = [row[:-1] for row in absolute if row[-1] == 0]
    decimal = [row[:-1] for row in absolute if row[-1] != 0]
    blocks: list = [Text(f"De deelnemende gemeenten naast elkaar, {year}.")]
    if whole:
        blocks.append(Table(f"Kerncijfers {year}", [Column("Indicator"), *[Column(n, True) for n in names],
                                                   Column("Regio", True)], whole,
                            footnote="Regio: de som van de gemeenten (bij percentages: het gemiddelde)."))
    if decimal:
        blocks.append(Table(f"Percentages {year}", [Column("Indicator"), *[Column(n, True, 1) for n in names],
                                                    Column("Gemiddelde", True, 1)], decimal))
    if rates:
        blocks.append(Table(f"Per 1.000 inwoners, {year}", [Column("Indicator"), *[Column(n, True, 1) for n in names],
                                                            Column("Regio", True, 1)], rates))
    messages = []
    for row in rates[:3]:
        values = dict(zip(names, row[1:-1], strict=False))
        known = {n: v for n, v in values.items() if v is not None}
        if known:
            top = max(known, key=known.get)
            messages.append(f"{row[0]}: het hoogst in {top} ({format_number(known[top], 1)} per 1.000 inwoners; "
                            f"regio {format_number(row[-1], 1)}).")
    return SectionContent(KEY, TITLE, blocks, messages)
