"""College-report section 'Maatschappelijk verantwoord ondernemen': the MVO figures of the organisations
active in the municipality (or the whole region) for the last year of the period, the change against the
year before, the figure per organisation, a trend chart, and what came out of the MVO network.

Also the KPI source 'MVO-rapporten volledig': how many organisations of the scope have a complete MVO
report for the year."""

from __future__ import annotations

from sqlalchemy.orm import Session

from regisseur_app.domain.mvo import links
from regisseur_app.domain.mvo.indicators import list_indicators
from regisseur_app.domain.mvo.overview import (
    KEY_CODES,
    figures_by_year,
    organisation_figures,
    reported_years,
    summable,
    trend,
)
from regisseur_app.formatting import counted, format_number
from regisseur_app.reports.content import BarChart, Column, Scope, SectionContent, Table, Text, no_data

KEY, TITLE = "mvo", "Maatschappelijk verantwoord ondernemen"
TREND_CODES = ("vermeden_co2", "ton_hergebruikt")  # the chart's two series
FOOTNOTE = ("Cijfers zoals de organisaties ze opgaven; een organisatie telt mee bij elke gemeente waar ze actief "
            "is. Vermeden CO₂ = Σ (ton hergebruikt per materiaal × emissiefactor van dat materiaal), met de "
            "factoren en bronnen uit de tabel Emissiefactoren; materialen zonder factor tellen niet mee. "
            "Gemiddelden zijn niet gewogen. Het verschil vergelijkt alleen organisaties die beide jaren een cijfer "
            "gaven.")


def warm_up(session: Session, scope: Scope) -> None:
    """The statements `build` runs only once it found figures (the years, the trend, the MVO-event attendance),
    run for the Rapporten page's warm-up (ReportSectionSpec.warm_up), whose report for no municipality stops
    at 'no MVO figures'. Their shapes do not depend on the values; for no municipality and no organisation they
    read next to nothing."""
    year = scope.end.year
    reported_years(session)
    # a year whose figures the section did not keep (trend then reads only the values these figures need)
    trend(session, [year - 2], scope.nis_code, TREND_CODES)
    links.attended_any_mvo_event(session, [0], year)


def build(session: Session, scope: Scope) -> SectionContent:
    year = scope.end.year
    figures_by_year(session, [year, year - 1], scope.nis_code)  # both years in one pass, kept for the session
    figures = organisation_figures(session, year, scope.nis_code)
    where = "de regio" if scope.is_region else scope.name
    if not figures:
        return no_data(KEY, TITLE, f"Voor {year} zijn er geen MVO-cijfers van organisaties die in {where} actief "
                                   "zijn.")
    before = {f.row.id: f for f in organisation_figures(session, year - 1, scope.nis_code)}
    indicators = {i.code: i for i in list_indicators(session, include_inactive=True)}
    codes = [c for c in KEY_CODES if c in indicators]
    key_rows = []
    for code in codes:
        indicator = indicators[code]
        now = _aggregate(indicator, [f.numbers.get(code) for f in figures])
        then = _aggregate(indicator, [b.numbers.get(code) for b in before.values()])
        # the change compares like with like: only organisations with the figure in both years
        both = [f for f in figures if code in f.numbers and code in before.get(f.row.id, _EMPTY).numbers]
        now_both = _aggregate(indicator, [f.numbers[code] for f in both])
        then_both = _aggregate(indicator, [before[f.row.id].numbers[code] for f in both])
        change = (now_both - then_both) / then_both * 100 if now_both is not None and then_both else None
        reporting = sum(1 for f in figures if code in f.numbers)
        key_rows.append([indicator.label + ("" if summable(indicator) else " (gemiddelde)"), indicator.unit, now,
                         then, None if change is None else round(change, 1), reporting])
    complete = sum(1 for f in figures if f.completeness.complete)
    blocks = [
        Text(f"{counted(len(figures), 'organisatie', 'organisaties')} actief in {where} gaven MVO-cijfers op voor "
             f"{year}; {counted(complete, 'rapport is', 'rapporten zijn')} volledig."),
        Table(f"Kerncijfers MVO {year}", [Column("Indicator"), Column("Eenheid"), Column(str(year), True),
                                          Column(str(year - 1), True), Column("Verschil", True, 1, "%"),
                                          Column("Organisaties", True)], key_rows, footnote=FOOTNOTE),
        Table(f"MVO-cijfers per organisatie {year}", [
            Column("Organisatie"), Column("Volledig"), Column("Doelgroepwerknemers", True),
            Column("Ton hergebruikt", True, 1), Column("Vermeden CO₂", True, 1, "ton")],
            [[f.row.name, f.completeness.text, f.numbers.get("dgw_personen"), f.numbers.get("ton_hergebruikt"),
              f.numbers.get("vermeden_co2")] for f in figures]),
    ]
    years = [y for y in reported_years(session) if year - 4 <= y <= year]
    series = trend(session, years, scope.nis_code, TREND_CODES)
    if len(years) > 1 and any(v for v in series.get("vermeden_co2", []) if v):
        blocks.append(BarChart(f"Hergebruik en vermeden CO₂ in {where}", [str(y) for y in years], [
            ("Ton hergebruikt", [v or 0.0 for v in series["ton_hergebruikt"]]),
            ("Ton CO₂ vermeden", [v or 0.0 for v in series["vermeden_co2"]])], "ton"))
    present = links.attended_any_mvo_event(session, [f.row.id for f in figures], year)
    attended = [f.row.name for f in figures if f.row.id in present]
    blocks.append(Text(f"{counted(len(attended), 'organisatie', 'organisaties')} namen in {year} deel aan een "
                       f"MVO-evenement van de regisseur" + (f": {', '.join(attended)}." if attended else ".")))
    return SectionContent(KEY, TITLE, blocks, _messages(figures, year, where))


class _Empty:
    numbers: dict = {}  # noqa: RUF012


_EMPTY = _Empty()


def _aggregate(indicator, values: list[float | None]) -> float | None:  # noqa: ANN001
    found = [v for v in values if v is not None]
    if not found:
        return None
    return sum(found) if summable(indicator) else sum(found) / len(found)


def _messages(figures, year: int, where: str) -> list[str]:  # noqa: ANN001
    messages = []
    co2 = sum(f.numbers.get("vermeden_co2", 0.0) for f in figures)
    people = sum(f.numbers.get("dgw_personen", 0.0) for f in figures if f.numbers.get("vermeden_co2"))
    if co2:
        text = (f"De SE-organisaties in {where} vermeden in {year} samen {format_number(co2, 0)} ton CO₂ door "
                "hergebruik")
        if people:
            text += f", {format_number(co2 / people, 1)} ton per doelgroepwerknemer in die organisaties"
        messages.append(text + ".")
    target = sum(f.numbers.get("dgw_personen", 0.0) for f in figures)
    flow = sum(f.numbers.get("doorstroom", 0.0) for f in figures)
    if target:
        messages.append(f"{format_number(target)} doelgroepwerknemers; {format_number(flow)} stroomden door naar "
                        f"regulier werk ({year}).")
    return messages


def kpi_reports_complete(session: Session, year: int, nis_code: str | None) -> Table:
    """KPI 'MVO-rapporten volledig': one row per organisation of the scope with MVO values for the year; the
    last row, last column holds the number of complete reports."""
    figures = organisation_figures(session, year, nis_code)
    rows = [[f.row.name, f.completeness.text, 1 if f.completeness.complete else 0] for f in figures]
    rows.append(["Totaal", counted(len(figures), "organisatie", "organisaties"),
                 sum(1 for f in figures if f.completeness.complete)])
    return Table(f"MVO-rapporten {year}", [Column("Organisatie"), Column("Ingevuld"), Column("Volledig", True)], rows,
                 total_row=True)
