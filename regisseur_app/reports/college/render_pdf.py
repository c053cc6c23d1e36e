"""The college report as PDF (reportlab): cover, one-page summary of the key messages, table of contents,
then every section with its tables (split over pages with repeated headers), vector charts, notes and the
regisseur's comment box."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as RLTable

from regisseur_app.formatting import format_date
from regisseur_app.reports.college.assemble import CollegeReport
from regisseur_app.reports.college.logo import logo_flowable
from regisseur_app.reports.college.paragraph import Paragraph  # lines broken once per width
from regisseur_app.reports.college.pdf_chart import pdf_chart
from regisseur_app.reports.college.pdf_contents import Contents
from regisseur_app.reports.college.pdf_document import HEADING_STYLE, build_document
from regisseur_app.reports.college.pdf_foot import TableWithNote
from regisseur_app.reports.college.pdf_table import pdf_table
from regisseur_app.reports.content import BarChart, SectionContent, Table, Text
from regisseur_app.reports.pdf_base import BRAND, FONT, FONT_BOLD, register_fonts

WIDTH = 210 * mm - 36 * mm
LONG_TABLE = 12  # rows; a longer table may start on the page where its section starts
COMMENT_BACKGROUND = colors.HexColor("#fff8e1")
COMMENT_BORDER = colors.HexColor("#e0b84c")
SUMMARY_TITLE = "Samenvatting"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("college_body", fontName=FONT, fontSize=9.5, leading=13, spaceAfter=3)
    return {
        "body": body,
        "note": ParagraphStyle("college_note", parent=body, fontSize=7.8, leading=10, textColor=colors.HexColor("#555555")),
        "heading": ParagraphStyle("college_h3", parent=body, fontName=FONT_BOLD, fontSize=10, spaceBefore=4),
        "h1": ParagraphStyle(HEADING_STYLE, parent=body, fontName=FONT_BOLD, fontSize=15, leading=19,
                             textColor=BRAND, spaceAfter=6),
        "table_title": ParagraphStyle("college_table_title", parent=body, fontName=FONT_BOLD, fontSize=9.5,
                                      textColor=BRAND, spaceAfter=3),
        "cover_org": ParagraphStyle("cover_org", parent=body, fontName=FONT_BOLD, fontSize=12, leading=16,
                                    textColor=BRAND),
        "cover_title": ParagraphStyle("cover_title", parent=body, fontName=FONT_BOLD, fontSize=24, leading=30,
                                      textColor=BRAND),
        "cover_line": ParagraphStyle("cover_line", parent=body, fontSize=12, leading=17),
        "bullet": ParagraphStyle("college_bullet", parent=body, leftIndent=12, bulletIndent=2, spaceAfter=2),
        "summary_title": ParagraphStyle("summary_section", parent=body, fontName=FONT_BOLD, textColor=BRAND,
                                        spaceBefore=7, spaceAfter=2),
        "comment_title": ParagraphStyle("comment_title", parent=body, fontName=FONT_BOLD, fontSize=8.5),
        "toc": ParagraphStyle("college_toc", parent=body, fontSize=10, leading=18),
    }


def cover(report: CollegeReport, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    settings, scope = report.settings, report.scope
    story: list[Flowable] = []
    logo = logo_flowable(settings.logo, settings.logo_kind, 70 * mm, 30 * mm) if settings.has_logo else None
    story += [logo, Spacer(1, 10 * mm)] if logo is not None else [Spacer(1, 20 * mm)]
    story.append(Paragraph(_esc(settings.association or "Regisseur lokale sociale economie"), st["cover_org"]))
    story.append(Spacer(1, 45 * mm))
    if scope.is_region:
        story += [Paragraph("Regionaal rapport sociale economie", st["cover_title"]), Spacer(1, 6 * mm),
                  Paragraph(_esc(f"Voor de raad van bestuur van {settings.association or 'de vereniging'}"),
                            st["cover_line"]),
                  Paragraph(_esc("Gemeenten: " + ", ".join(report.places)), st["cover_line"])]
    else:
        story += [Paragraph("Rapport aan het college van burgemeester en schepenen van "
                            f"{_esc(scope.name)}", st["cover_title"]), Spacer(1, 6 * mm),
                  Paragraph("Lokale sociale economie", st["cover_line"])]
    story += [Spacer(1, 10 * mm),
              Paragraph(f"<b>Periode:</b> {_esc(period_words(report))}", st["cover_line"]),
              Paragraph(f"<b>Datum:</b> {format_date(report.made_on)}", st["cover_line"])]
    if settings.sender:
        story += [Spacer(1, 30 * mm), Paragraph(_esc(settings.sender), st["body"])]
    story.append(PageBreak())
    return story


def period_words(report: CollegeReport) -> str:
    scope = report.scope
    if scope.period_label == str(scope.start.year):
        return f"het jaar {scope.start.year}"
    return f"{format_date(scope.start)} tot en met {format_date(scope.end)}"


def summary(report: CollegeReport, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    who = "de regio" if report.scope.is_region else report.scope.name
    story: list[Flowable] = [Paragraph(SUMMARY_TITLE, st["h1"]),
                             Paragraph(_esc(f"Het belangrijkste voor {who} in {period_words(report)}, "
                                            "per onderdeel van dit rapport."), st["body"])]
    for title, messages in report.summary():
        story.append(Paragraph(_esc(title), st["summary_title"]))
        for message in messages:
            story.append(Paragraph(_esc(message), st["bullet"], bulletText="•"))
    return story


def contents(report: CollegeReport, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The summary and every section, in the order of their headings (style h1), with their pages."""
    entries = [SUMMARY_TITLE, *[section.title for section in report.sections]]
    return [Spacer(1, 8 * mm), Paragraph("Inhoud", st["table_title"]), Contents(entries, st["toc"])]


def comment_box(text: str, st: dict[str, ParagraphStyle]) -> Flowable:
    box = RLTable([[Paragraph("Commentaar van de regisseur", st["comment_title"])], [Paragraph(_esc(text), st["body"])]],
                  colWidths=[WIDTH])
    box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), COMMENT_BACKGROUND),
                             ("BOX", (0, 0), (-1, -1), 0.75, COMMENT_BORDER),
                             ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                             ("TOPPADDING", (0, 0), (-1, 0), 6), ("BOTTOMPADDING", (0, -1), (-1, -1), 8)]))
    return box


def section_flowables(section: SectionContent, comment: str, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = []
    lead, leading = 0, True
    for block in section.blocks:
        if leading and isinstance(block, Table) and len(block.rows) > LONG_TABLE:
            leading = False
        if isinstance(block, Text):
            story.append(Paragraph(_esc(block.text), st.get(block.style, st["body"])))
        elif isinstance(block, Table):
            story += _table_flowables(block, st)
        elif isinstance(block, BarChart):
            story += [KeepTogether([pdf_chart(block, WIDTH)]), Spacer(1, 6)]
        if leading:
            lead = len(story)  # the heading stays with the introduction and the first table or chart
            leading = isinstance(block, Text)
    # flattened: a KeepTogether inside a KeepTogether measures as endless and always moves to a new page
    lead_part = [Paragraph(_esc(section.title), st["h1"]), *_flat(story[:lead])]
    story = [CondPageBreak(60 * mm), KeepTogether(lead_part), *story[lead:]]
    if comment:
        story += [Spacer(1, 4), KeepTogether([comment_box(comment, st)])]
    story.append(Spacer(1, 8))
    return story


def _flat(flowables: list[Flowable]) -> list[Flowable]:
    result: list[Flowable] = []
    for flowable in flowables:
        result += _flat(flowable._content) if isinstance(flowable, KeepTogether) else [flowable]
    return result


def _table_flowables(block: Table, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    head: list[Flowable] = [Paragraph(_esc(block.title), st["table_title"])] if block.title else []
    table = pdf_table(block, WIDTH)
    foot = [Spacer(1, 2), Paragraph(_esc(block.footnote), st["note"])] if block.footnote else []
    if len(block.rows) <= LONG_TABLE:
        return [KeepTogether([*head, table, *foot]), Spacer(1, 8)]
    # a long table may run over pages (its header repeats); keep the title with its first rows, and the note
    # with its last rows
    body: Flowable = TableWithNote(table, foot[-1]) if foot else table
    return [CondPageBreak(45 * mm), *head, body, Spacer(1, 8)]


def report_story(report: CollegeReport) -> list[Flowable]:
    st = _styles()
    story = cover(report, st) + summary(report, st) + contents(report, st) + [PageBreak()]
    for section in report.sections:
        story += section_flowables(section, report.comments.get(section.key, ""), st)
    return story


def write_pdf(report: CollegeReport, path: Path) -> Path:
    association = report.settings.association or "Regisseur"
    header_left = ("Regionaal rapport" if report.scope.is_region else f"Rapport aan het college – {report.scope.name}") \
        + f" – {report.scope.period_label}"
    return build_document(Path(path), report_story(report), report.title, header_left, association, association)



