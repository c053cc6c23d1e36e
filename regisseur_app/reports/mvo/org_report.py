"""The MVO report of one organisation and year (PDF): cover, key figures per pillar with the change
against the year before, charts of the last years, the MVO network (events, follow-up actions), and the
definitions and sources (GRI/VSME references, the organisation's sources, the emission factors used)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.core.setup import association_name
from regisseur_app.domain.mvo import links
from regisseur_app.domain.mvo.materials import list_materials
from regisseur_app.domain.mvo.models import NUMERIC_TYPES, TEXT, MvoValue
from regisseur_app.domain.mvo.values import SheetRow, completeness, year_sheet
from regisseur_app.formatting import format_date, format_number
from regisseur_app.reports.mvo.charts import bar_chart
from regisseur_app.reports.pdf_base import build_pdf, content_width, data_table, paragraph

HIGHLIGHTS = ("dgw_personen", "doorstroom", "ton_hergebruikt", "vermeden_co2")
PEOPLE_CHART = (("dgw_personen", "Doelgroepwerknemers"), ("werknemers_totaal", "Werknemers in totaal"),
                ("doorstroom", "Doorstroom naar regulier werk"))
PLANET_CHART = (("ton_ingezameld", "Ingezameld (ton)"), ("ton_hergebruikt", "Hergebruikt (ton)"),
                ("vermeden_co2", "Vermeden CO₂ (ton CO₂-eq)"))


def change_text(row: SheetRow, previous: float | None) -> str:
    if row.indicator.value_type not in NUMERIC_TYPES or row.number is None or previous is None:
        return ""
    if row.indicator.value_type == "percentage":
        diff = row.number - previous
        return f"{'+' if diff > 0 else ''}{format_number(diff, 1)} procentpunt"
    if previous == 0:
        return ""
    change = (row.number - previous) / previous * 100
    return f"{'+' if change > 0 else ''}{format_number(change, 1)} %"


def write_organisation_report(session: Session, organisation_id: int, year: int, path: Path) -> Path:
    org = session.get(Organisation, organisation_id)
    association = association_name(session) or "Regisseur"
    sheet = year_sheet(session, organisation_id, year)
    before = {r.indicator.code: r.number for r in year_sheet(session, organisation_id, year - 1, True)}
    filled = completeness(session, organisation_id, year)
    width = content_width()
    story: list[Flowable] = _cover(org, year, association, filled, sheet, width)
    story += [PageBreak(), paragraph(f"Kerncijfers {year} per pijler", "title")]
    for pillar in dict.fromkeys(r.indicator.pillar for r in sheet):
        rows = [r for r in sheet if r.indicator.pillar == pillar and r.indicator.value_type != TEXT]
        texts = [r for r in sheet if r.indicator.pillar == pillar and r.indicator.value_type == TEXT and r.text]
        block: list[Flowable] = [paragraph(pillar, "h2")]
        if rows:
            block.append(data_table(
                ["Indicator", str(year), str(year - 1), "Verschil", "Eenheid"],
                [[r.indicator.label + (" *" if r.indicator.is_computed else ""), r.shown or "—", r.previous or "—",
                  change_text(r, before.get(r.indicator.code)), r.indicator.unit] for r in rows],
                [0.44 * width, 0.14 * width, 0.14 * width, 0.13 * width, 0.15 * width], right_align=(1, 2, 3)))
        for r in texts:
            block += [Spacer(1, 4), paragraph(f"{r.indicator.label}: {r.text}", "body")]
        story += [CondPageBreak(120), *block]
    story.append(paragraph("* berekend door Regisseur; de formule staat bij de definities.", "small"))
    story += _charts(session, organisation_id, year, width)
    story += _network(session, organisation_id)
    story += _definitions(session, sheet, width)
    title = f"MVO-rapport {year} — {org.name}"
    return build_pdf(Path(path), story, title=title, header_left=association, header_right=title)


def _cover(org: Organisation, year: int, association: str, filled, sheet: list[SheetRow], width: float
           ) -> list[Flowable]:  # noqa: ANN001
    rows = {r.indicator.code: r for r in sheet}
    story: list[Flowable] = [Spacer(1, 60), paragraph(f"MVO-rapport {year}", "title"),
                             paragraph(org.name, "h2"),
                             paragraph(f"{org.type.label} · actief in "
                                       f"{', '.join(sorted(m.name for m in org.municipalities)) or '—'}", "subtitle"),
                             Spacer(1, 20)]
    highlights = [[rows[c].indicator.label, rows[c].shown or "—", rows[c].indicator.unit] for c in HIGHLIGHTS
                  if c in rows]
    if highlights:
        story.append(data_table(["Kerncijfer", str(year), "Eenheid"], highlights,
                                [0.55 * width, 0.2 * width, 0.25 * width], right_align=(1,)))
    co2, people = rows.get("vermeden_co2"), rows.get("dgw_personen")
    if co2 is not None and co2.number and people is not None and people.number:
        # the kind of figure that persuades a college (seed: '1 medewerker bespaart 27 ton CO₂')
        story += [Spacer(1, 12), paragraph(
            f"Per doelgroepwerknemer vermeed {org.name} in {year} {format_number(co2.number / people.number, 1)} "
            "ton CO₂ door hergebruik.", "h2")]
    story += [Spacer(1, 20),
              paragraph(f"Volledigheid: {filled.text}.", "body"),
              paragraph("Maatschappelijk verantwoord ondernemen (MVO) gaat over de impact van een onderneming op "
                        "mens, planeet en samenleving. De cijfers volgen de pijlers Mens, Planeet, Winst en "
                        "Bestuur, met verwijzingen naar de GRI-standaarden en de vrijwillige Europese standaard "
                        "voor kmo's (VSME, EFRAG).", "body"),
              Spacer(1, 30),
              paragraph(f"Opgemaakt door {association} op {format_date(date.today())}, met de cijfers die de "
                        "organisatie opgaf.", "small")]
    return story


def _years_with_values(session: Session, organisation_id: int, year: int) -> list[int]:
    years = sorted(set(session.scalars(select(MvoValue.year).where(MvoValue.organisation_id == organisation_id,
                                                                     MvoValue.year <= year))))
    return years[-5:]


def _charts(session: Session, organisation_id: int, year: int, width: float) -> list[Flowable]:
    years = _years_with_values(session, organisation_id, year)
    if len(years) < 2:
        return []
    sheets = {y: {r.indicator.code: r for r in year_sheet(session, organisation_id, y, True)} for y in years}
    story: list[Flowable] = [CondPageBreak(360), paragraph("Evolutie", "h2")]
    for codes, title, decimals in ((PEOPLE_CHART, "Mens (personen)", 0), (PLANET_CHART, "Planeet", None)):
        series = [(name, [sheets[y][c].number if c in sheets[y] else None for y in years])
                  for c, name in codes if c in sheets[years[-1]]]
        if any(v for _n, data in series for v in data):
            story += [bar_chart(title, [str(y) for y in years], series, width, 160, decimals=decimals),
                      Spacer(1, 10)]
    materials = [r for r in sheets[year].values() if r.indicator.material_id is not None and r.number]
    if materials:
        from regisseur_app.reports.college.pdf_chart import pdf_chart
        from regisseur_app.reports.content import BarChart

        story.append(pdf_chart(BarChart(f"Hergebruik per materiaal {year}", [
            r.indicator.label.removeprefix("Hergebruikt: ") for r in materials],
            [(str(year), [r.number for r in materials])], "ton"), width))
    return story


def _network(session: Session, organisation_id: int) -> list[Flowable]:
    events = links.attended_mvo_events(session, organisation_id)
    actions = links.mvo_actions(session, organisation_id)
    story: list[Flowable] = [CondPageBreak(100), paragraph("Deelname aan het MVO-netwerk", "h2")]
    if not events and not actions:
        return [*story, paragraph("De organisatie nam (nog) niet deel aan MVO-evenementen van de regisseur.", "body")]
    if events:
        story.append(data_table(["Datum", "MVO-evenement", "Aanwezig"],
                                [[format_date(e.starts_at), e.title, str(e.people)] for e in events], right_align=(2,)))
    if actions:
        story += [Spacer(1, 6), KeepTogether([
            paragraph("Opvolgacties", "body"),
            data_table(["Evenement", "Actie", "Tegen", "Stand"],
                       [[a.event_title, a.description, format_date(a.due_date), a.status_label] for a in actions])])]
    return story


def _definitions(session: Session, sheet: list[SheetRow], width: float) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), paragraph("Definities en bronnen", "title")]
    rows = []
    for r in sheet:
        definition = r.indicator.definition
        if r.indicator.is_computed:
            definition = f"{definition} Formule: {r.indicator.formula_text}."
            if r.explanation:
                definition += f" Berekening: {r.explanation}"
        given = "; ".join(t for t in (r.source, r.note) if t)
        rows.append([r.indicator.label, definition, r.indicator.reference_text, given])
    story.append(data_table(["Indicator", "Definitie", "GRI / VSME", "Bron of opmerking"], rows,
                            [0.24 * width, 0.46 * width, 0.13 * width, 0.17 * width]))
    factors = [[m.label, format_number(m.emission_factor, 2) if m.emission_factor is not None else "geen",
                m.factor_source, str(m.factor_year or "—")] for m in list_materials(session) if m.active]
    story += [Spacer(1, 10), KeepTogether([
        paragraph("Emissiefactoren (ton CO₂-eq vermeden per ton hergebruikt)", "h2"),
        data_table(["Materiaal", "Factor", "Bron", "Jaar"], factors,
                   [0.22 * width, 0.1 * width, 0.58 * width, 0.1 * width], right_align=(1,))]),
        Spacer(1, 6),
        paragraph("GRI: Global Reporting Initiative, GRI Standards (GRI 2: General Disclosures 2021 en de "
                  "topic-standaarden). VSME: EFRAG, Voluntary Sustainability Reporting Standard for non-listed "
                  "SMEs, basismodule B1–B11 (december 2024).", "small")]
    return story
