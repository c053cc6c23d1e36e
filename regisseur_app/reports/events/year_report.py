"""Events on paper: the yearly obligations (met / planned / not met, with the events that count) and the
attendance statistics of a year, as a section for the reports and as a PDF of its own."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, Spacer
from sqlalchemy.orm import Session

from regisseur_app.domain.core.setup import association_name
from regisseur_app.domain.events import obligations
from regisseur_app.domain.events import stats as event_stats
from regisseur_app.formatting import format_date, format_number
from regisseur_app.reports.pdf_base import build_pdf, content_width, data_table, paragraph

RIGHT = (2, 3, 4, 5)
NUMBER_HEADERS = ("Uitgenodigd", "Ingeschreven", "Aanwezig", "Opkomst")


def obligations_rows(session: Session, year: int) -> list[list[str]]:
    return [[o.title, o.state_label, "; ".join(e.text() for e in o.events) or "—", o.type_labels]
            for o in obligations.yearly_obligations(session, year)]


def events_section(session: Session, year: int, municipality: str | None = None) -> list[Flowable]:
    """Flowables: obligations, counts per event, per municipality (all, or only `municipality`) and per type."""
    width = content_width()
    story: list[Flowable] = [paragraph(f"Netwerkevenementen {year}", "h2"),
                             paragraph("Jaarlijkse verplichtingen (regierolnota 2.1 en 6.1)", "body"), Spacer(1, 3)]
    story.append(data_table(["Verplichting", "Stand", "Evenementen die meetellen", "Soorten die meetellen"],
                            obligations_rows(session, year), [0.26 * width, 0.14 * width, 0.40 * width, 0.20 * width]))
    per_event = event_stats.year_events(session, year)
    story += [Spacer(1, 8), paragraph("Deelname per evenement", "body"), Spacer(1, 3)]
    if per_event:
        total = event_stats.year_total(session, year)
        rows = [_count_row(format_date(c.starts_at), c) for c in per_event] + [_count_row("", total)]
        story.append(data_table(["Datum", "Evenement", *NUMBER_HEADERS], rows,
                                [0.12 * width, 0.28 * width] + [0.15 * width] * 4, right_align=RIGHT,
                                total_row=True))
    else:
        story.append(paragraph("Geen evenementen in dit jaar.", "small"))
    ids = [c.event_id for c in per_event]
    for by, header in (("municipality", "Gemeente"), ("organisation_type", "Type organisatie")):
        rows = event_stats.breakdown(session, ids, by)
        if by == "municipality" and municipality:
            rows = [r for r in rows if r.label == municipality]
        if rows:
            story += [Spacer(1, 8), paragraph(f"Deelname per {header.lower()}", "body"), Spacer(1, 3),
                      data_table([header, *NUMBER_HEADERS], [_count_row("", r)[1:] for r in rows],
                                 [0.40 * width] + [0.15 * width] * 4, right_align=(1, 2, 3, 4))]
    story.append(Spacer(1, 4))
    story.append(paragraph("Ingeschreven = ingeschreven, aanwezig of niet opgedaagd; opkomst = aanwezig / "
                           "ingeschreven, alleen voor evenementen die al begonnen zijn; geannuleerde evenementen "
                           "tellen niet mee.", "small"))
    return story


def _count_row(first: str, c: event_stats.Counts) -> list[str]:
    return [first, c.label, format_number(c.invited), format_number(c.registered), format_number(c.present),
            c.rate_text or "—"]


def write_events_report(session: Session, year: int, path: Path) -> Path:
    association = association_name(session) or "Regisseur"
    story = [paragraph(f"Netwerkevenementen {year}", "title"), paragraph(association, "subtitle"),
             *events_section(session, year)[1:]]
    return build_pdf(Path(path), story, title=f"Netwerkevenementen {year}", header_left=association,
                     header_right=f"Netwerkevenementen {year}")
