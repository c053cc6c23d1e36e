"""Import the answers of a survey tool's export: analyse (map columns, match values, list every problem
with row and column), let the user resolve or drop each problem, then write all or nothing.

A value that maps to no option is one `ValueIssue` per question and text (mapped once for all rows); a
cell that cannot be read (text in a number field, a rijksregisternummer, a bad date, a duplicated response
id, a row without municipality) is a `CellIssue` the user drops (the cell or the row). Responses already
imported (same stable response id) are skipped: importing the same file again adds nothing.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.municipalities import find_municipality, list_municipalities
from regisseur_app.domain.survey import respondents, responses
from regisseur_app.domain.survey.models import MULTI, NUMBER, TEXT
from regisseur_app.domain.survey.privacy import national_number_problem
from regisseur_app.domain.survey.responses import answer_values
from regisseur_app.domain.survey.views import SurveyView, survey_view
from regisseur_app.exchange.survey import formats
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
from regisseur_app.exchange.tabular import RawTable
from regisseur_app.formatting import counted, parse_number

DROP = -1          # a value issue resolved by leaving the value out (a municipality issue: the row)
DROP_CELL, DROP_ROW = "cell", "row"
Progress = Callable[[int, str], None]


class ImportError_(Exception):
    """The file cannot be imported into this survey at all (Dutch message naming the file)."""


@dataclass
class ValueIssue:
    key: tuple            # ("q", question id, folded text) or ("m", folded text)
    column: str
    question: str
    raw: str
    lines: list[int] = field(default_factory=list)
    choice: int | str | None = None  # option id / nis code, DROP, or None (unresolved)

    @property
    def is_municipality(self) -> bool:
        return self.key[0] == "m"


@dataclass
class CellIssue:
    line: int
    column: str
    value: str
    message: str
    row_only: bool = False   # only the whole row can be dropped (duplicate id, no municipality)
    choice: str | None = None


@dataclass
class Draft:
    line: int
    external_id: str
    submitted_at: datetime | None
    nis: str | tuple | None
    respondent_id: int | None
    answers: dict[int, list] = field(default_factory=dict)   # qid -> option ids / ("?", key) / number / text
    cells: dict[int, int] = field(default_factory=dict)       # qid -> index of its CellIssue


@dataclass
class ImportPlan:
    survey_id: int
    source: str
    file_name: str
    drafts: list[Draft]
    value_issues: list[ValueIssue]
    cell_issues: list[CellIssue]
    already_imported: int
    ignored_columns: list[str]

    @property
    def open_problems(self) -> int:
        return sum(1 for v in self.value_issues if v.choice is None) + sum(
            1 for c in self.cell_issues if c.choice is None)


@dataclass
class ImportOutcome:
    added: int
    skipped_existing: int
    dropped_rows: int


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a file is checked or written: 10.000 responses make a few
    hundred thousand small objects that all live until the end (no cycles to collect meanwhile), and the
    collector would walk them over and over; it runs again afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
    emails = {fold(r.email): (r.id, r.nis_code) for r in respondents.list_respondents(session, survey_id) if r.email}
    names = {m.nis_code for m in list_municipalities(session)}
    plan = ImportPlan(survey_id, source, table.source, [], [], [], 0,
                      [h for h, t in zip(table.headers, targets, strict=True) if t.kind == formats.IGNORE])
    issues: dict[tuple, ValueIssue] = {}
    municipality_cache: dict[str, str | None] = {}
    seen_ids: dict[str, int] = {}
    total = len(table.rows)
    for index, (row, line) in enumerate(zip(table.rows, table.line_numbers or range(2, total + 2), strict=False)):
        if progress and index % 250 == 0:
            progress(int(100 * index / max(total, 1)), f"Rij {index + 1} van {total} nakijken…")
        draft = Draft(line, "", None, default_nis, None)
        raw_id = ""
        for cell, header, target in zip(row, table.headers, targets, strict=True):
            value = cell.strip()
            if target.kind == RESPONSE_ID:
                raw_id = value
            elif target.kind == TIME and value:
                try:
                    draft.submitted_at = formats.parse_timestamp(value)
                except ValueError as exc:
                    plan.cell_issues.append(CellIssue(line, header, value, f"{exc}."))
            elif target.kind == RESPONDENT and value:
                found = emails.get(fold(value))
                if found:
                    draft.respondent_id = found[0]
                    draft.nis = draft.nis if isinstance(draft.nis, tuple) else found[1]
            elif target.kind == MUNICIPALITY and value:
                key = fold(value)
                if key not in municipality_cache:
                    nis = value if value in names else find_municipality(session, value)
                    municipality_cache[key] = nis
                nis = municipality_cache[key]
                if nis:
                    draft.nis = nis
                else:
                    issue = issues.setdefault(("m", key), ValueIssue(("m", key), header, "Gemeente", value))
                    issue.lines.append(line)
                    draft.nis = ("?", ("m", key))
            elif target.kind == QUESTION and value:
                _read_answer(questions[target.question_id], value, header, line, draft, issues, plan,
                             source == "limesurvey")
            elif target.kind == OPTION and value:
                question = questions[target.question_id]
                option = next(o for o in question.options if o.id == target.option_id)
                checked = formats.is_checked(value, option)
                if checked is None:
                    plan.cell_issues.append(CellIssue(line, header, value, f"'{value}' is geen aangevinkt/niet-"
                                                      f"aangevinkt-waarde voor '{option.label}' (verwacht Y, 1 of leeg)."))
                elif checked:
                    draft.answers.setdefault(question.id, []).append(option.id)
        draft.external_id = f"{source}:{raw_id}" if raw_id else f"{source}:h:{_row_hash(table.headers, row)}"
        if draft.nis is None:
            plan.cell_issues.append(CellIssue(line, "Gemeente", "", "Deze rij heeft geen gemeente: kies een gemeente "
                                              "voor alle rijen of laat de rij weg.", row_only=True))
        if draft.external_id in existing:
            plan.already_imported += 1
            continue
        if draft.external_id in seen_ids:
            plan.cell_issues.append(CellIssue(line, "Antwoord-id", raw_id or "(zelfde rij)",
                                              f"Dit antwoord staat al in rij {seen_ids[draft.external_id]} van het "
                                              "bestand (dubbel).", row_only=True))
        seen_ids.setdefault(draft.external_id, line)
        plan.drafts.append(draft)
    plan.value_issues = list(issues.values())
    return plan


def _row_hash(headers: list[str], row: list[str]) -> str:
    text = "\x1f".join(f"{fold(h)}={c.strip()}" for h, c in zip(headers, row, strict=False))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:24]


def _read_answer(question, value: str, header: str, line: int, draft: Draft, issues: dict, plan: ImportPlan,
                 answer_codes: bool = False) -> None:
    if question.kind == NUMBER:
        try:
            draft.answers[question.id] = float(parse_number(value))
        except ValueError:
            plan.cell_issues.append(CellIssue(line, header, value, f"'{value}' is geen getal (vraag "
                                              f"'{question.text[:50]}')."))
        return
    if question.kind == TEXT:
        problem = national_number_problem(value)
        if problem:
            plan.cell_issues.append(CellIssue(line, header, "(verborgen)", problem))
        else:
            draft.answers[question.id] = value
        return
    parts = formats.split_choices(value, question, answer_codes) if question.kind == MULTI else [value]
    chosen = draft.answers.setdefault(question.id, [])
    for part in parts:
        option = formats.option_for(question, part, answer_codes)
        if option is not None:
            chosen.append(option.id)
            continue
        key = ("q", question.id, fold(part))
        issue = issues.setdefault(key, ValueIssue(key, header, f"{question.code}: {question.text}", part))
        issue.lines.append(line)
        chosen.append(("?", key))


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
    view: SurveyView = survey_view(session, plan.survey_id)
    questions = {q.id: q for q in view.questions}
    values = {v.key: v.choice for v in plan.value_issues}
    dropped_rows = {c.line for c in plan.cell_issues if c.choice == DROP_ROW}
    existing = responses.existing_external_ids(session, plan.survey_id)
    source = plan.source if plan.source in ("msforms", "google", "limesurvey", "kobo", "template") else "manueel"
    skipped = 0
    total = len(plan.drafts)
    found: list[tuple[dict, list[dict]]] = []
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
        rows = []
        for qid, value in draft.answers.items():
            if isinstance(value, list):
                value = [values.get(v[1]) if isinstance(v, tuple) else v for v in value]
                value = [v for v in dict.fromkeys(value) if v not in (None, DROP)]
                if questions[qid].kind != MULTI:
                    value = value[:1]
            rows += answer_values(questions[qid], value)
        if not rows:
            continue
        found.append((dict(survey_id=plan.survey_id, external_id=draft.external_id, source=source,
                           submitted_at=draft.submitted_at, nis_code=nis, respondent_id=draft.respondent_id,
                           audience_id=None), rows))
    if progress:
        progress(80, f"{counted(len(found), 'antwoord', 'antwoorden')} bewaren…")
    responses.insert_responses(session, plan.survey_id, found)
    return ImportOutcome(len(found), skipped + plan.already_imported, len(dropped_rows))
