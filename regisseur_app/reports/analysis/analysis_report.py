"""The omgevingsanalyse on paper: the SWOT as a 2x2 grid, and a report with the key figures (table and
bar chart, drawn with reportlab.graphics), the offer map, the gaps per municipality and the SWOT."""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from regisseur_app.domain.analysis import gaps, indicators, key_figures, offer_map, swot
from regisseur_app.domain.analysis.comparison import Comparison, compare
from regisseur_app.domain.analysis.gaps import Gap
from regisseur_app.domain.analysis.models import OPPORTUNITY, QUADRANTS, STRENGTH, THREAT, WEAKNESS
from regisseur_app.domain.analysis.offer_map import Matrix
from regisseur_app.domain.core import municipalities
from regisseur_app.domain.core.setup import association_name
from regisseur_app.features import need_score_providers
from regisseur_app.formatting import format_number
from regisseur_app.reports.pdf_base import (
    BRAND,
    FONT,
    FONT_BOLD,
    GRID,
    build_pdf,
    content_width,
    data_table,
    paragraph,
    styles,
)

QUADRANT_COLOURS = {STRENGTH: "#2e7d32", WEAKNESS: "#c62828", OPPORTUNITY: "#1565c0", THREAT: "#ef6c00"}
EMPTY = colors.HexColor("#f6c6c9")
THIN = colors.HexColor("#fff0b3")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def swot_grid(items: dict[str, list[swot.SwotRow]], width: float) -> Table:
    """The four quadrants in a 2x2 table, each with its coloured title and its items in order."""
    st = styles()
    cells = {}
    for quadrant, title in QUADRANTS.items():
        content = [Paragraph(f"<font color='{QUADRANT_COLOURS[quadrant]}'><b>{title}</b></font>", st["h2"])]
        rows = items.get(quadrant, [])
        for item in rows:
            text = f"• {_esc(item.text)}"
            if item.source_label:
                text += f"<br/><font size='7.5' color='#666666'>Bron: {_esc(item.source_label)}</font>"
            content.append(Paragraph(text, st["body"]))
            content.append(Spacer(1, 3))
        if not rows:
            content.append(paragraph("(geen punten)", "small"))
        cells[quadrant] = content
    table = Table([[cells[STRENGTH], cells[WEAKNESS]], [cells[OPPORTUNITY], cells[THREAT]]],
                  colWidths=[width / 2, width / 2])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 1, BRAND),
        ("INNERGRID", (0, 0), (-1, -1), 0.75, GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ("BACKGROUND", (0, 0), (0, 0), colors.HexColor("#f1f8f1")),
        ("BACKGROUND", (1, 0), (1, 0), colors.HexColor("#fcf1f1")),
        ("BACKGROUND", (0, 1), (0, 1), colors.HexColor("#f0f5fc")),
        ("BACKGROUND", (1, 1), (1, 1), colors.HexColor("#fdf5ec")),
    ]))
    return table


def write_swot_pdf(path: Path, items: dict[str, list[swot.SwotRow]], scope_name: str, association: str) -> Path:
    story = [paragraph(f"SWOT – {scope_name}", "title"), paragraph(association or "Omgevingsanalyse", "subtitle"),
             swot_grid(items, content_width(wide=True))]
    return build_pdf(path, story, f"SWOT {scope_name}", association, "SWOT-analyse", wide=True)


def bar_chart(labels: list[str], values: list[float | None], title: str, decimals: int, width: float,
              height: float = 58 * mm) -> Drawing:
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 10, title, fontName=FONT_BOLD, fontSize=9, fillColor=BRAND))
    known = [v for v in values if v is not None]
    if not known:
        drawing.add(String(width / 2, height / 2, "Geen gegevens", fontName=FONT, fontSize=9, textAnchor="middle"))
        return drawing
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 22, width - 50, height - 42
    chart.data = [[v if v is not None else 0 for v in values]]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(known) * 1.18  # room for the labels above the bars
    chart.valueAxis.labelTextFormat = lambda v: format_number(v, 0 if max(known) >= 10 else 1)
    chart.bars[0].fillColor = BRAND
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: format_number(v, decimals)
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def comparison_section(comparison: Comparison, width: float) -> list:
    indicator, year = comparison.indicator, comparison.year
    d = indicator.decimals
    rate = comparison.shows_per_1000
    headers = ["Gemeente", str(year), str(year - 1), "Verschil", "Verschil %"]
    if rate:
        headers += [f"Per 1.000 inw. {year}", f"Per 1.000 inw. {year - 1}"]
    rows = []
    for r in comparison.rows:
        row = [r.name, format_number(r.value, d), format_number(r.previous, d), _signed(r.change, d),
               _signed(r.change_pct, 1, " %")]
        if rate:
            row += [format_number(r.per_1000, 2), format_number(r.previous_per_1000, 2)]
        rows.append(row)
    flow = [paragraph(f"{indicator.title}, {year}", "h2")]
    if indicator.source:
        flow.append(paragraph(f"Bron: {indicator.source}", "small"))
    first = min(45 * mm, width * 0.25)
    widths = [first] + [(width - first) / (len(headers) - 1)] * (len(headers) - 1)
    flow.append(data_table(headers, rows, col_widths=widths, right_align=range(1, len(headers))))
    if rate:
        flow.append(paragraph(f"Per 1.000 inwoners: gedeeld door de inwoners van hetzelfde jaar ({year} en "
                              f"{year - 1}); waar dat kerncijfer ontbreekt, door de gemeentetabel (1/1/2020).",
                              "small"))
    municipal = comparison.municipality_rows
    values = [r.per_1000 if rate else r.value for r in municipal]
    title = f"{indicator.label} per 1.000 inwoners, {year}" if rate else f"{indicator.title}, {year}"
    flow += [Spacer(1, 4), bar_chart([r.name for r in municipal], values, title, 2 if rate else d, width)]
    for note in comparison.notes:
        flow.append(paragraph(note, "small"))
    return [KeepTogether(flow), Spacer(1, 6)]


def offer_map_section(matrix: Matrix, width: float) -> list:
    st = styles()
    headers = ["Dienstencategorie", *(name for _c, name in matrix.columns), "Regio"]
    body = [[Paragraph(_esc(h), st["cell_head"]) for h in headers]]
    commands = [("BACKGROUND", (0, 0), (-1, 0), BRAND), ("GRID", (0, 0), (-1, -1), 0.25, GRID),
                ("ALIGN", (1, 1), (-1, -1), "CENTER"), ("FONTNAME", (0, 1), (-1, -1), FONT),
                ("FONTSIZE", (0, 1), (-1, -1), 8.5)]
    for r, (row_id, label) in enumerate(matrix.rows, start=1):
        line = [Paragraph(_esc(label), st["cell"])]
        for c, (nis, _name) in enumerate(matrix.columns, start=1):
            count = matrix.count(row_id, nis)
            line.append(str(count))
            if count <= 1:
                commands.append(("BACKGROUND", (c, r), (c, r), EMPTY if count == 0 else THIN))
        line.append(str(matrix.row_totals.get(row_id, 0)))
        body.append(line)
    first = 45 * mm
    rest = (width - first) / (len(headers) - 1)
    table = Table(body, colWidths=[first] + [rest] * (len(headers) - 1), repeatRows=1)
    table.setStyle(TableStyle(commands))
    return [paragraph("Aanbodkaart", "h2"),
            paragraph("Aantal actieve organisaties per dienstencategorie en gemeente (zetel of actief in de gemeente). "
                      "Rood: geen aanbod; geel: één organisatie. Regio: elke organisatie één keer.", "small"),
            Spacer(1, 3), table]


def gaps_section(name: str, rows: list[Gap]) -> list:
    table_rows = [[str(g.rank), g.label, g.verdict, format_number(g.offer), ", ".join(g.neighbours) or "nergens",
                   "niet gemeten" if g.need is None else f"{format_number(g.need.score * 100)} %"] for g in rows]
    return [paragraph(f"Hiaten in {name}", "h2"),
            data_table(["Rang", "Dienstencategorie", "Oordeel", "Aanbod", "Wel in", "Nood"], table_rows,
                       col_widths=[14 * mm, 48 * mm, 70 * mm, 20 * mm, 90 * mm, 25 * mm], right_align=(0, 3)),
            Spacer(1, 6)]


def write_analysis_pdf(session: Session, path: Path) -> Path:
    """The whole omgevingsanalyse: key figures of the latest year, offer map, gaps, regional SWOT."""
    width = content_width(wide=True)
    association = association_name(session)
    places = municipalities.list_municipalities(session, participating_only=True)
    story = [paragraph("Omgevingsanalyse sociale economie", "title"),
             paragraph(f"{association} – {', '.join(m.name for m in places)}", "subtitle"),
             paragraph("Kerncijfers", "h2")]
    for indicator in indicators.list_indicators(session):
        years = key_figures.indicator_years(session, indicator)
        if years:
            story += comparison_section(compare(session, indicator.id, years[-1]), width)
    matrix = offer_map.offer_matrix(session)
    story += [PageBreak(), *offer_map_section(matrix, width), PageBreak()]
    providers = need_score_providers()
    for m in places:
        story += gaps_section(m.name, gaps.gap_list(session, m.nis_code, matrix=matrix, providers=providers))
    story += [PageBreak(), paragraph("SWOT van de regio", "h2"), swot_grid(swot.list_swot(session, None), width)]
    return build_pdf(path, story, "Omgevingsanalyse", association, "Omgevingsanalyse", wide=True)


def _signed(value: float | None, decimals: int, suffix: str = "") -> str:
    if value is None:
        return ""
    text = format_number(value, decimals)
    return ("+" + text if value > 0 else text) + suffix
