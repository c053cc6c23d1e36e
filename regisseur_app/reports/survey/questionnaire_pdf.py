"""The printable questionnaire (paper or attachment): introduction, municipality to tick, sections, each
question with boxes to tick (one or several), a 1–5 scale with its labels, a box for a number, lines for
open answers; 'Pagina X van Y' in the footer."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from regisseur_app.domain.core.municipalities import list_municipalities
from regisseur_app.domain.core.setup import association_name
from regisseur_app.domain.survey.models import MULTI, NUMBER, SCALE, TEXT
from regisseur_app.domain.survey.views import QuestionView, survey_view
from regisseur_app.reports.pdf_base import BRAND, GRID, build_pdf, content_width, paragraph, styles

BOX = "☐"


def _choices(labels: list[str], columns: int = 2) -> Table:
    st = styles()
    cells = [Paragraph(f"{BOX}&nbsp;&nbsp;{label}", st["body"]) for label in labels]
    rows = [cells[i:i + columns] + [""] * (columns - len(cells[i:i + columns])) for i in range(0, len(cells), columns)]
    table = Table(rows, colWidths=[content_width() / columns - 4 * mm] * columns)
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 6 * mm), ("TOPPADDING", (0, 0), (-1, -1), 1.5)]))
    return table


def _scale(question: QuestionView) -> Table:
    st = styles()
    head = [Paragraph(f"<b>{int(o.value)}</b><br/>{o.label}", st["cell"]) for o in question.options]
    boxes = [Paragraph(BOX, st["body"]) for _o in question.options]
    width = (content_width() - 12 * mm) / max(len(head), 1)
    table = Table([head, boxes], colWidths=[width] * len(head))
    table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("BOX", (0, 0), (-1, -1), 0.4, GRID), ("INNERGRID", (0, 0), (-1, -1), 0.25, GRID),
                               ("LEFTPADDING", (0, 0), (0, -1), 3)]))
    return table


def _lines(count: int, width: float) -> Table:
    table = Table([[""] for _ in range(count)], colWidths=[width], rowHeights=[8 * mm] * count)
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey)]))
    return table


def _question(question: QuestionView) -> list:
    st = styles()
    title = f"<b>{question.position}. {question.text}</b>" + (" <font color='#b00020'>*</font>" if question.required
                                                               else "")
    flow = [Paragraph(title, st["body"])]
    hint = {MULTI: "Meerdere antwoorden mogelijk.", SCALE: "Kruis één vakje aan."}.get(question.kind, "")
    if question.help_text:
        hint = f"{question.help_text} {hint}".strip()
    if hint:
        flow.append(paragraph(hint, "small"))
    flow.append(Spacer(1, 2 * mm))
    if question.kind == SCALE:
        flow.append(_scale(question))
    elif question.kind == NUMBER:
        flow.append(_lines(1, 50 * mm))
    elif question.kind == TEXT:
        flow.append(_lines(3, content_width()))
    else:
        flow.append(_choices([o.label for o in question.options], 1 if question.kind != MULTI else 2))
    flow.append(Spacer(1, 5 * mm))
    return [KeepTogether(flow)]


def write_questionnaire(session: Session, survey_id: int, path: Path) -> Path:
    view = survey_view(session, survey_id)
    places = [m.name for m in list_municipalities(session, participating_only=True)]
    sender = association_name(session) or "De regisseur sociale economie"
    st = styles()
    story: list = [Paragraph(view.title, st["title"]), paragraph(f"{sender} · {view.audience} · {view.year}", "subtitle")]
    if view.intro:
        story += [paragraph(view.intro), Spacer(1, 4 * mm)]
    story += [paragraph("Vragen met * zijn verplicht. Kruis aan wat past; schrijf in blokletters.", "small"),
              Spacer(1, 4 * mm), Paragraph("<b>Voor welke gemeente vult u deze vragenlijst in?</b> "
                                           "<font color='#b00020'>*</font>", st["body"]),
              Spacer(1, 2 * mm), _choices(places, 3), Spacer(1, 6 * mm)]
    section = None
    for question in view.questions:
        if question.section and question.section != section:
            section = question.section
            story.append(Paragraph(section, st["h2"]))
        story += _question(question)
    story += [Spacer(1, 6 * mm), paragraph("Hartelijk dank voor uw medewerking!", "body")]
    return build_pdf(path, story, view.title, header_left=sender, header_right=f"Behoeftepeiling {view.year}")


__all__ = ["write_questionnaire", "BRAND"]
