"""Import the answers of a survey tool's export: analyse (map columns, match values, list every problem
with row and column), let the user resolve or drop each problem, then write all or nothing.

A value that maps to no option is one `ValueIssue` per question and text (mapped once for all rows); a
cell that cannot be read (text in a number field, a rijksregisternummer, a bad date, a duplicated response
id, a row without municipality) is a `CellIssue` the user drops (the cell or the row). Responses already
imported (same stable response id) are skipped: importing the same file again adds nothing.

Each column's distinct texts are read once (exchange.survey.cells); the check leaves every response's finished
answer rows in the plan. The write takes them as they are when the database is still at the data generation
the check saw (nothing changed since, so no response of the file was imported meanwhile and the questionnaire
is the same); otherwise it compares the questionnaire with the one checked (a change: check the file again)
and reads the responses already imported anew. Either way the write is one transaction, all or nothing.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.municipalities import find_municipality, list_municipalities
from regisseur_app.domain.core.settings import data_generation
from regisseur_app.domain.survey import respondents, responses
from regisseur_app.domain.survey.models import MULTI
from regisseur_app.domain.survey.responses import answer_values
from regisseur_app.domain.survey.views import QuestionView, survey_view
from regisseur_app.exchange.survey import formats
from regisseur_app.exchange.survey.cells import ColumnReader, Special, parse_timestamp
from regisseur_app.exchange.survey.formats import (
    MUNICIPALITY,
    OPTION,
    QUESTION,
    RESPONDENT,
    RESPONSE_ID,
    TIME,
    Target,
    fold,
)
from regisseur_app.exchange.survey.plan import (  # noqa: F401  (the import's vocabulary, used as importer.X)
    DROP,
    DROP_CELL,
    DROP_ROW,
    CellIssue,
    Draft,
    ImportError_,
    ImportOutcome,
    ImportPlan,
    Progress,
    ValueIssue,
)
from regisseur_app.exchange.tabular import RawTable
from regisseur_app.formatting import counted
from regisseur_app.gc_pause import gc_paused
from regisseur_app.storage.generation import has_changed


def analyse(session: Session, survey_id: int, table: RawTable, targets: list[Target], default_nis: str | None = None,
            progress: Progress | None = None) -> ImportPlan:
    with gc_paused():
        return _analyse(session, survey_id, table, targets, default_nis, progress)


def _analyse(session: Session, survey_id: int, table: RawTable, targets: list[Target], default_nis: str | None,
             progress: Progress | None) -> ImportPlan:
    view = survey_view(session, survey_id)
    if not any(t.kind in (QUESTION, OPTION) for t in targets):
        raise ImportError_(f"Het bestand '{table.source}' lijkt niet bij de peiling '{view.title}' te horen: geen "
                           "enkele kolom komt overeen met een vraag (kolommen: " + ", ".join(table.headers[:8])
                           + ("…" if len(table.headers) > 8 else "") + "). Kies bij elke kolom de vraag, of kies "
                           "het bestand van deze peiling.")
    source = formats.detect_source(table.headers)
    questions = {q.id: q for q in view.questions}
    existing = responses.existing_external_ids(session, survey_id)
    emails = {fold(email): (rid, nis) for email, rid, nis in respondents.respondent_emails(session, survey_id)}
    names = {m.nis_code for m in list_municipalities(session)}
    plan = ImportPlan(survey_id, source, table.source, [], [], [], 0,
                      [h for h, t in zip(table.headers, targets, strict=True) if t.kind == formats.IGNORE],
                      list(targets), default_nis, None if has_changed(session) else data_generation(session),
                      view.questions)
    problems = _Problems(plan.cell_issues)
    municipality_cache: dict[str, str | None] = {}
    seen_ids: dict[str, int] = {}
    meta, direct, shared = _column_specs(table.headers, targets, questions, source == "limesurvey")
    width = len(targets)
    total = len(table.rows)
    for index, (row, line) in enumerate(zip(table.rows, table.line_numbers or range(2, total + 2), strict=False)):
        if progress and index % 250 == 0:
            progress(int(100 * index / max(total, 1)), f"Rij {index + 1} van {total} nakijken…")
        if len(row) != width:
            raise ValueError(f"row {line}: {len(row)} cells for {width} columns")
        nis: str | tuple | None = default_nis
        submitted_at = respondent_id = None
        raw_id = ""
        for column, kind, header, cache in meta:
            value = row[column].strip()
            if kind == RESPONSE_ID:
                raw_id = value
            elif not value:
                continue
            elif kind == TIME:
                try:
                    submitted_at = parse_timestamp(value)
                except ValueError as exc:
                    problems.cell(column, CellIssue(line, header, value, f"{exc}."))
            elif kind == RESPONDENT:
                found = cache.get(value)
                if found is None:
                    found = cache[value] = emails.get(fold(value), ())
                if found:
                    respondent_id = found[0]
                    nis = nis if isinstance(nis, tuple) else found[1]
            elif kind == MUNICIPALITY:
                key = fold(value)
                if key not in municipality_cache:
                    municipality_cache[key] = value if value in names else find_municipality(session, value)
                if municipality_cache[key]:
                    nis = municipality_cache[key]
                else:
                    problems.value(("m", key), column, line, header, "Gemeente", value)
                    nis = ("?", ("m", key))
        found_rows: list[tuple] = []
        answers: dict[int, object] = {}
        for column, cache, reader in direct:  # most cells: a text read before, its answer rows finished
            cell = row[column]
            got = cache.get(cell)
            if got is None:
                got = cache[cell] = reader.read(cell)
            if got.__class__ is tuple:
                found_rows += got
            else:
                _open_answer(got, column, reader, line, answers, problems)
        for column, cache, reader in shared:
            _shared_cell(row[column].strip(), column, cache, reader, line, answers, problems)
        draft = Draft(line, f"{source}:{raw_id}" if raw_id else f"{source}:h:{_row_hash(table.headers, row)}",
                      submitted_at, nis, respondent_id, answers, found_rows)
        if nis is None:
            problems.cell(width, CellIssue(line, "Gemeente", "", "Deze rij heeft geen gemeente: kies een gemeente voor "
                                       "alle rijen of laat de rij weg.", row_only=True))
        if draft.external_id in existing:
            plan.already_imported += 1
            continue
        if draft.external_id in seen_ids:
            problems.cell(width + 1, CellIssue(line, "Antwoord-id", raw_id or "(zelfde rij)",
                                           f"Dit antwoord staat al in rij {seen_ids[draft.external_id]} van het "
                                           "bestand (dubbel).", row_only=True))
        seen_ids.setdefault(draft.external_id, line)
        plan.drafts.append(draft)
    plan.value_issues = problems.value_issues()
    problems.sort_cells()
    return plan


class _Problems:
    """The problems of a check, listed in the order of the file (by row, then by column; a row's own problems
    after its cells; a value issue where its value first occurs) although the columns are read in groups."""

    def __init__(self, cells: list[CellIssue]):
        self.cells: list[CellIssue] = cells
        self.cells_at: list[tuple[int, int]] = []
        self.values: dict[tuple, ValueIssue] = {}
        self.values_at: dict[tuple, tuple[int, int]] = {}

    def cell(self, column: int, issue: CellIssue) -> None:
        self.cells.append(issue)
        self.cells_at.append((issue.line, column))

    def value(self, key: tuple, column: int, line: int, header: str, question: str, raw: str) -> None:
        issue = self.values.get(key)
        if issue is None:
            issue = self.values[key] = ValueIssue(key, header, question, raw)
            self.values_at[key] = (line, column)
        issue.lines.append(line)

    def value_issues(self) -> list[ValueIssue]:
        return sorted(self.values.values(), key=lambda v: self.values_at[v.key])

    def sort_cells(self) -> None:
        if self.cells_at != sorted(self.cells_at):
            ranked = sorted(zip(self.cells_at, range(len(self.cells)), self.cells, strict=True))
            self.cells[:] = [issue for _at, _n, issue in ranked]


def _open_answer(got: Special, column: int, reader: ColumnReader, line: int, answers: dict, problems: _Problems
                 ) -> None:
    """A cell whose answer is not finished: a problem (a CellIssue), or parts of which some map to no option
    (their ValueIssues; put together at the write), or the parts of a question fed by several columns."""
    if got.problem:
        problems.cell(column, CellIssue(line, reader.header, got.shown, got.problem))
        return
    question = reader.question
    for key, raw in got.unknown:
        problems.value(key, column, line, reader.header, f"{question.code}: {question.text}", raw)
    if got.parts.__class__ is tuple:  # option items: several columns add to one answer
        answers.setdefault(question.id, []).extend(got.parts)
    elif got.parts is not None:
        answers[question.id] = got.parts


def _shared_cell(value: str, column: int, cache: dict, reader, line: int, answers: dict,  # noqa: ANN001
                 problems: _Problems) -> None:
    """A cell of a question fed by several columns: a QUESTION column, or a sub-question column of one option
    (checked or not: LimeSurvey's Y, Kobo's 1/0)."""
    if not value:
        return
    if isinstance(reader, ColumnReader):
        got = cache.get(value)
        if got is None:
            got = cache[value] = reader.read(value)
        _open_answer(got, column, reader, line, answers, problems)
        return
    question, option, header = reader
    checked = cache.get(value)
    if checked is None:  # True, False or "?" (not understood), once per text
        checked = formats.is_checked(value, option)
        checked = cache[value] = "?" if checked is None else checked
    if checked == "?":
        problems.cell(column, CellIssue(line, header, value, f"'{value}' is geen aangevinkt/niet-aangevinkt-waarde voor "
                                                         f"'{option.label}' (verwacht Y, 1 of leeg)."))
    elif checked:
        answers.setdefault(question.id, []).append(option.id)


def _column_specs(headers: list[str], targets: list[Target], questions: dict, answer_codes: bool) -> tuple:
    """The imported columns in three groups, each in the file's order: (column, kind, header, cache) of the
    response's own columns (id, time, respondent, municipality); (column, cache, reader) of the QUESTION
    columns that alone feed their question (read into finished answer rows); and of the columns that share a
    question with others. Each cache remembers a column's readings per text."""
    feeding = Counter(t.question_id for t in targets if t.kind in (QUESTION, OPTION))
    meta, direct, shared = [], [], []
    for column, (header, target) in enumerate(zip(headers, targets, strict=True)):
        if target.kind == QUESTION:
            alone = feeding[target.question_id] == 1
            reader = ColumnReader(questions[target.question_id], header, alone, answer_codes)
            (direct if alone else shared).append((column, {}, reader))
        elif target.kind == OPTION:
            question = questions[target.question_id]
            option = next(o for o in question.options if o.id == target.option_id)
            shared.append((column, {}, (question, option, header)))
        elif target.kind != formats.IGNORE:
            meta.append((column, target.kind, header, {}))
    return meta, direct, shared


def _row_hash(headers: list[str], row: list[str]) -> str:
    text = "\x1f".join(f"{fold(h)}={c.strip()}" for h, c in zip(headers, row, strict=False))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:24]


def write_plan(session: Session, plan: ImportPlan, progress: Progress | None = None) -> ImportOutcome:
    """Write every resolved draft in the caller's transaction; refuses while a problem is open.

    Every response and answer is put together (and checked against the questionnaire) first, then written
    in bulk: thousands of rows in a few statements, all in the caller's one transaction."""
    with gc_paused():
        return _write_plan(session, plan, progress)


def _write_plan(session: Session, plan: ImportPlan, progress: Progress | None) -> ImportOutcome:
    if plan.open_problems:
        raise ValidationError({"import": f"Er zijn nog {counted(plan.open_problems, 'probleem', 'problemen')} "
                                         "zonder keuze: koppel of laat elk probleem weg."})
    if plan.generation is not None and not has_changed(session) and data_generation(session) == plan.generation:
        existing: set[str] = set()  # unchanged since the check, which left out the responses already imported
    else:
        view = survey_view(session, plan.survey_id)
        if view.questions != plan.questionnaire:
            raise ValidationError({"import": f"De vragenlijst van '{view.title}' is gewijzigd sinds '{plan.file_name}' "
                                             "werd nagekeken: kijk het bestand opnieuw na."})
        existing = responses.existing_external_ids(session, plan.survey_id)
    questions = {q.id: q for q in plan.questionnaire}
    values = {v.key: v.choice for v in plan.value_issues}
    dropped_rows = {c.line for c in plan.cell_issues if c.choice == DROP_ROW}
    source = plan.source if plan.source in ("msforms", "google", "limesurvey", "kobo", "template") else "manueel"
    skipped = 0
    total = len(plan.drafts)
    found: list[tuple[tuple, list[tuple]]] = []
    for index, draft in enumerate(plan.drafts):
        if progress and index % 500 == 0:
            progress(int(80 * index / max(total, 1)), f"Antwoord {index + 1} van {total} klaarzetten…")
        nis = values.get(draft.nis[1]) if isinstance(draft.nis, tuple) else draft.nis
        if draft.line in dropped_rows or nis in (None, DROP):
            continue
        if draft.external_id in existing:
            skipped += 1
            continue
        existing.add(draft.external_id)
        rows = draft.rows
        if draft.answers:
            rows = rows + _put_together(draft.answers, questions, values)
        if not rows:
            continue
        found.append(((draft.external_id, source, draft.submitted_at, nis, draft.respondent_id, None), rows))
    if progress:
        progress(80, f"{counted(len(found), 'antwoord', 'antwoorden')} bewaren…")
    responses.insert_responses(session, plan.survey_id, found)
    return ImportOutcome(len(found), skipped + plan.already_imported, len(dropped_rows))


def _put_together(answers: dict[int, object], questions: dict[int, QuestionView], values: dict) -> list[tuple]:
    """The answer rows of the answers the check left open: unknown parts as the user resolved them (an option,
    or left out), the parts of several columns joined (one option for a single choice)."""
    rows: list[tuple] = []
    for qid, value in answers.items():
        if isinstance(value, list):
            value = [values.get(v[1]) if isinstance(v, tuple) else v for v in value]
            value = [v for v in dict.fromkeys(value) if v not in (None, DROP)]
            if questions[qid].kind != MULTI:
                value = value[:1]
        rows += answer_values(questions[qid], value)
    return rows
