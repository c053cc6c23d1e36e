"""College-report section 'Aanbod en hiaten': what the social economy offers in the municipality per service
category, and the gaps (no or thin offer), crossed with the needs a survey measured when there are any
(`features.need_score_providers()`). For the region: the offer map with all municipalities side by side.

The offer is the inventory as it stands today (organisations have no history), which the section says.
Only organisations of social-economy types count, as in the Omgevingsanalyse with that option on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from regisseur_app import features
from regisseur_app.domain.analysis.gaps import gap_list
from regisseur_app.domain.analysis.offer_map import offer_matrix
from regisseur_app.formatting import format_date, format_number
from regisseur_app.reports.college.memo import memo
from regisseur_app.reports.content import Column, Scope, SectionContent, Table, Text, no_data

KEY, TITLE = "aanbod", "Aanbod en hiaten"
SE_ONLY = True


def build(session: Session, scope: Scope) -> SectionContent:
    matrix = memo(session, ("offer_matrix", SE_ONLY), lambda: offer_matrix(session, SE_ONLY))
    if not matrix.rows:
        return no_data(KEY, TITLE, "Er zijn nog geen dienstencategorieën ingesteld; het aanbod kan niet getoond "
                                   "worden.")
    providers = _remembered(features.need_score_providers())
    stand = Text(f"Stand van de inventaris op {format_date(date.today())}: actieve organisaties van de sociale "
                 "economie die in de gemeente gevestigd of actief zijn.", "note")
    if scope.is_region:
        return _region(session, scope, matrix, providers, stand)
    offered = [(label, matrix.count(cid, scope.nis_code), matrix.row_totals.get(cid, 0))
               for cid, label in matrix.rows]
    if not any(here for _l, here, _r in offered) and not any(r for _l, _h, r in offered):
        return no_data(KEY, TITLE, f"Er zijn nog geen organisaties van de sociale economie in de inventaris voor "
                                   f"{scope.name} of de regio.")
    gaps = gap_list(session, scope.nis_code, SE_ONLY, providers=providers, matrix=matrix)
    measured = any(g.need is not None for g in gaps)
    blocks: list = [stand, Table(f"Aanbod per dienstencategorie in {scope.name}", [
        Column("Dienstencategorie"), Column(f"Organisaties in {scope.name}", True),
        Column("Organisaties in de regio", True)], [list(row) for row in offered],
        footnote="Regio: elke organisatie één keer, ook als ze in meer gemeenten actief is.")]
    if gaps:
        columns = [Column("Rang", True), Column("Dienstencategorie"), Column("Oordeel"), Column("Wel aanbod in")]
        rows = [[g.rank, g.label, g.verdict, ", ".join(g.neighbours) or ("nergens in de regio" if g.offer == 0 else "nergens anders in de regio")] for g in gaps]
        if measured:
            columns.append(Column("Gemeten nood", True, 0, "%"))
            for row, g in zip(rows, gaps, strict=True):
                row.append(None if g.need is None else round(g.need.score * 100))
        blocks.append(Table(f"Hiaten in {scope.name}, meest dringend eerst", columns, rows))
    else:
        blocks.append(Text(f"Elke dienstencategorie heeft in {scope.name} meer dan één aanbieder: geen hiaten."))
    if not measured:
        blocks.append(Text("Er is (nog) geen behoeftepeiling met resultaten voor deze gemeente: de hiaten zijn "
                           "alleen op het aanbod gebaseerd.", "note"))
    empty = [g for g in gaps if g.offer == 0]
    messages = [f"{g.label}: {g.verdict}" for g in gaps if g.high_need][:3]
    messages.append(f"{len(empty)} van de {len(matrix.rows)} dienstencategorieën zonder aanbod van de sociale "
                    f"economie in {scope.name}." if empty else
                    f"Alle {len(matrix.rows)} dienstencategorieën hebben aanbod in {scope.name}.")
    return SectionContent(KEY, TITLE, blocks, messages)


def _remembered(providers: list[Callable]) -> list[Callable]:
    """The need-score providers, each asked once per session: gap_list asks them for every municipality
    (the regional report has five), and the batch builds every report in one session."""
    return [lambda session, p=p: memo(session, ("need_scores", p), lambda: list(p(session))) for p in providers]


def _region(session: Session, scope: Scope, matrix, providers, stand: Text) -> SectionContent:  # noqa: ANN001
    if not any(matrix.row_totals.values()):
        return no_data(KEY, TITLE, "Er zijn nog geen organisaties van de sociale economie in de inventaris.")
    names = [name for _c, name in matrix.columns]
    rows = [[label, *[matrix.count(cid, nis) for nis, _n in matrix.columns], matrix.row_totals.get(cid, 0)]
            for cid, label in matrix.rows]
    gap_rows, worst = [], []
    for nis, name in matrix.columns:
        gaps = gap_list(session, nis, SE_ONLY, providers=providers, matrix=matrix)
        high = [g for g in gaps if g.high_need]
        gap_rows.append([name, sum(g.offer == 0 for g in gaps), sum(g.offer > 0 for g in gaps), len(high)])
        worst += [f"{name} – {g.label}: {g.verdict}" for g in high if g.offer == 0]
    none_anywhere = [label for cid, label in matrix.rows if matrix.row_totals.get(cid, 0) == 0]
    blocks = [stand,
              Table("Aanbodkaart: organisaties per dienstencategorie en gemeente",
                    [Column("Dienstencategorie"), *[Column(n, True) for n in names], Column("Regio", True)], rows,
                    footnote="Regio: elke organisatie één keer, ook als ze in meer gemeenten actief is."),
              Table("Hiaten per gemeente", [Column("Gemeente"), Column("Categorieën zonder aanbod", True),
                                            Column("Categorieën met dun aanbod", True),
                                            Column("Met hoge gemeten nood", True)], gap_rows)]
    messages = worst[:3]
    if none_anywhere:
        messages.append(f"Geen aanbod in de hele regio: {', '.join(none_anywhere[:4])}"
                        + (f" en {format_number(len(none_anywhere) - 4)} andere." if len(none_anywhere) > 4 else "."))
    return SectionContent(KEY, TITLE, blocks, messages)
