"""Two Excel files of a survey: the template for people who prefer to fill in a sheet (one row per
response, a drop-down per closed question), and the results workbook (one sheet per question, overall and
per municipality side by side, plus the raw answers), both formula-injection safe."""

from __future__ import annotations

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy.orm import Session

from regisseur_app.domain.core.municipalities import list_municipalities
from regisseur_app.domain.survey import dataset, stats
from regisseur_app.domain.survey.models import MULTI, SCALE, TEXT
from regisseur_app.domain.survey.views import survey_view
from regisseur_app.exchange.analysis.export import export_sheets
from regisseur_app.exchange.export import ExportError, neutralise


def template_header(code: str, text: str) -> str:
    return f"[{code}] {text}"


def write_template(session: Session, survey_id: int, path) -> None:  # noqa: ANN001
    view = survey_view(session, survey_id)
    places = [m.name for m in list_municipalities(session, participating_only=True)]
    book = Workbook()
    sheet = book.active
    sheet.title = "Antwoorden"
    lists = book.create_sheet("Keuzelijsten")
    headers = ["Gemeente"] + [template_header(q.code, q.text) for q in view.questions]
    sheet.append([neutralise(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    columns = [places] + [[(f"{int(o.value)} – {o.label}" if q.kind == SCALE else o.label) for o in q.options]
                          for q in view.questions]
    for index, values in enumerate(columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = 28
        if not values:
            continue
        lists.cell(row=1, column=index, value=neutralise(headers[index - 1]))
        for row, value in enumerate(values, start=2):
            lists.cell(row=row, column=index, value=neutralise(value))
        question = view.questions[index - 2] if index > 1 else None
        if question is not None and question.kind == MULTI:
            continue  # several answers: typed, separated by ';'
        ref = f"Keuzelijsten!${letter}$2:${letter}${len(values) + 1}"
        validation = DataValidation(type="list", formula1=ref, allow_blank=True, showErrorMessage=True,
                                    errorTitle="Ongeldig antwoord", error="Kies een antwoord uit de lijst.")
        sheet.add_data_validation(validation)
        validation.add(f"{letter}2:{letter}1000")
    note = book.create_sheet("Uitleg")
    note.append([f"Vragenlijst: {view.title} ({view.year})"])
    note.append(["Eén rij per ingevulde vragenlijst. Kies de gemeente en de antwoorden uit de lijsten; bij "
                 "meervoudige keuze: typ de antwoorden gescheiden door ';'. Importeer het bestand daarna in "
                 "Regisseur › Behoeftepeiling › Antwoorden."])
    try:
        book.save(path)
    except OSError as exc:
        raise ExportError(f"'{path}' kan niet bewaard worden: {exc.strerror or exc}.") from exc


def results_sheets(session: Session, survey_id: int) -> list[tuple[str, pd.DataFrame]]:
    data = dataset.load(session, survey_id)
    sheets: list[tuple[str, pd.DataFrame]] = []
    for q in data.questions.values():
        table = stats.question_table(data, q.id)
        if q.kind == TEXT:
            frame = pd.DataFrame(table.texts, columns=["Gemeente", "Antwoord"])
        else:
            records = []
            for row in table.rows:
                record = {"Antwoord": row.label}
                for group, count, pct in zip(table.groups, row.counts, row.percents, strict=True):
                    record[f"{group.label} n"] = count
                    record[f"{group.label} %"] = None if pct is None else round(pct, 1)
                records.append(record)
            for measure, attribute in (("Gemiddelde", "mean"), ("Mediaan", "median"), ("Som", "total")):
                if table.summaries and (q.kind != SCALE or attribute != "total"):
                    record = {"Antwoord": measure}
                    for group, summary in zip(table.groups, table.summaries, strict=True):
                        value = getattr(summary, attribute)
                        record[f"{group.label} n"] = None if value is None else round(value, 2)
                    records.append(record)
            records.append({"Antwoord": "Beantwoord door (n)", **{f"{g.label} n": g.n for g in table.groups}})
            records.append({"Antwoord": "Te klein om te interpreteren (n < 5)",
                            **{f"{g.label} n": "ja" if g.small else "nee" for g in table.groups}})
            frame = pd.DataFrame.from_records(records)
        sheets.append((f"{q.position}. {q.code}", frame))
    options = {o.id: o.label for q in data.questions.values() for o in q.options}
    raw = []
    for facts in data.responses:
        record = {"Nr.": facts.id, "Gemeente": data.municipality_names.get(facts.nis_code, facts.nis_code)}
        for q in data.questions.values():
            header = template_header(q.code, q.text)
            if q.id in facts.options:
                record[header] = "; ".join(options[o] for o in facts.options[q.id])
            elif q.id in facts.numbers:
                record[header] = facts.numbers[q.id]
            else:
                record[header] = facts.texts.get(q.id)
        raw.append(record)
    sheets.append(("Ruwe antwoorden", pd.DataFrame.from_records(raw)))
    return sheets


def write_results(session: Session, survey_id: int, path) -> None:  # noqa: ANN001
    export_sheets(path, results_sheets(session, survey_id))
