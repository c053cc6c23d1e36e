"""The yearly progress report as PDF (reportlab): the chapters of progress_content with tables that split over
pages and vector bar charts, through the common look of pdf_base."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from regisseur_app.formatting import format_date
from regisseur_app.reports.college.pdf_chart import pdf_chart
from regisseur_app.reports.college.pdf_table import pdf_table
from regisseur_app.reports.content import BarChart, Table, Text
from regisseur_app.reports.pdf_base import build_pdf, content_width, paragraph
from regisseur_app.reports.plan.progress_content import ProgressReport

WIDE = True


def _story(report: ProgressReport) -> list[Flowable]:
    width = content_width(WIDE)
    story: list[Flowable] = [
        paragraph(report.title, "title"),
        paragraph(f"{report.association} · planperiode {report.period_label}", "subtitle"),
        paragraph(f"Voor de financierende overheid en de raad van bestuur · opgemaakt op {format_date(report.made_on)}",
                  "small"),
        Spacer(1, 10),
    ]
    for n, chapter in enumerate(report.chapters):
        if n > 1:
            story.append(PageBreak())
        story.append(paragraph(chapter.title, "h2"))
        for block in chapter.blocks:
            if isinstance(block, Text):
                style = {"heading": "h2", "note": "small"}.get(block.style, "body")
                if block.style == "heading":
                    story.append(CondPageBreak(120))
                story.append(paragraph(block.text, style))
            elif isinstance(block, Table):
                parts = [paragraph(block.title, "body"), Spacer(1, 2), pdf_table(block, width)]
                if block.footnote:
                    parts.append(paragraph(block.footnote, "small"))
                if len(block.rows) < 12:
                    story.append(KeepTogether(parts))
                else:  # a long table splits over pages (with its header repeated)
                    story.extend(parts)
            elif isinstance(block, BarChart):
                story.append(KeepTogether([pdf_chart(block, width)]))
            story.append(Spacer(1, 8))
    return story


def write_progress_pdf(report: ProgressReport, path: Path) -> Path:
    return build_pdf(Path(path), _story(report), report.title, header_left=report.association,
                     header_right=report.title, wide=WIDE)
