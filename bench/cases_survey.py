"""Benchmark cases of the needs survey and MVO (issue 16): the survey analysis tab's statistics and a
cross-tab on the large region, importing a 10.000-row Microsoft Forms export of survey answers, and the
MVO regional tab. Registered in bench/cases.py's CASES; the rows of the table are in bench/run.py."""

from __future__ import annotations

import random
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from bench.cases import _clock, _ctx, case

IMPORT_ROWS = 10_000
MVO_YEAR = 2025


# ---- survey statistics ------------------------------------------------------------------------------
def _largest_survey(db: Path) -> tuple[int, int, int]:
    """(survey id, a scale question, a single-choice question) of the survey with the most responses."""
    conn = sqlite3.connect(db)
    survey_id = conn.execute("SELECT survey_id FROM survey_response GROUP BY survey_id "
                             "ORDER BY count(*) DESC, survey_id LIMIT 1").fetchone()[0]
    kinds = dict(conn.execute("SELECT kind, min(id) FROM survey_question WHERE survey_id = ? GROUP BY kind",
                              (survey_id,)).fetchall())
    conn.close()
    return survey_id, kinds.get("scale") or kinds["single"], kinds.get("single") or kinds["yesno"]


@case("survey_stats")
def survey_stats(db: Path, _work: Path) -> dict[str, float]:
    """What the survey's Analyse tab computes when it opens on the largest survey: all its answers, one
    question per municipality side by side, and that question crossed with a single-choice question."""
    from regisseur_app.domain.survey import dataset, stats

    survey_id, question, other = _largest_survey(db)
    ctx = _ctx(db)
    by_question = stats.Grouping(f"q{other}", "")

    def analyse() -> None:
        with ctx.reading() as session:
            data = dataset.load(session, survey_id)
        per_place = stats.question_table(data, question)
        crossed = stats.question_table(data, question, by_question)
        assert per_place.n > 0 and len(crossed.groups) > 1

    analyse()  # warm the page cache like the floor below
    return {"stats": _clock(analyse)}


@case("floor_survey_aggregate")
def floor_survey_aggregate(db: Path, _work: Path) -> dict[str, float]:
    """The plain SQL aggregates of the same answers: counts per municipality and option, and the cross-tab
    of the two questions (a self-join of their answers)."""
    survey_id, question, other = _largest_survey(db)
    conn = sqlite3.connect(db)
    per_place = ("SELECT r.nis_code, a.option_id, count(*) FROM survey_answer a "
                 "JOIN survey_response r ON r.id = a.response_id WHERE a.question_id = ? GROUP BY 1, 2")
    crossed = ("SELECT b.option_id, a.option_id, count(*) FROM survey_answer a "
               "JOIN survey_answer b ON b.response_id = a.response_id AND b.question_id = ? "
               "WHERE a.question_id = ? GROUP BY 1, 2")

    def run() -> None:
        conn.execute(per_place, (question,)).fetchall()
        conn.execute(crossed, (other, question)).fetchall()

    run()
    return {"stats": _clock(run)}


# ---- a 10.000-row export of survey answers ----------------------------------------------------------
def _import_survey(db: Path) -> int:
    conn = sqlite3.connect(db)
    found = conn.execute("SELECT s.id FROM survey s JOIN code_item c ON c.id = s.audience_id "
                         "WHERE c.code = 'lokaal_bestuur' ORDER BY s.year DESC, s.id DESC LIMIT 1").fetchone()
    conn.close()
    return found[0]


def survey_xlsx(db: Path, work: Path) -> Path:
    """10.000 responses to the survey as Microsoft Forms exports them (xlsx: ID, Begintijd, Tijd van
    voltooien, E-mail, Naam, then one column per question titled with its text; multiple choice joined by
    ';' with a trailing ';'), made once per run from the survey's questionnaire."""
    target = work / "peiling-msforms-10000.xlsx"
    if target.exists():
        return target
    from openpyxl import Workbook

    from regisseur_app.domain.core.municipalities import list_municipalities
    from regisseur_app.domain.survey.views import survey_view

    ctx = _ctx(db)
    with ctx.reading() as session:
        view = survey_view(session, _import_survey(db))
        places = [m.name for m in list_municipalities(session, participating_only=True)]
    ctx.close()
    rng = random.Random(16)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Form1")
    sheet.append(["ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Gemeente"]
                 + [q.text for q in view.questions])
    start = datetime(2025, 11, 3, 8, 0)
    for i in range(IMPORT_ROWS):
        began = start + timedelta(minutes=7 * i + rng.randint(0, 5))
        row: list[object] = [i + 1, began, began + timedelta(minutes=rng.randint(3, 25)), "anonymous", "",
                             rng.choice(places)]
        for q in view.questions:
            if not q.required and rng.random() < 0.1:
                row.append(None)
            elif q.kind == "multi":
                row.append("".join(f"{o.label};" for o in rng.sample(q.options, rng.randint(1, 3))))
            elif q.kind == "scale":
                row.append(rng.randint(1, 5))
            elif q.kind == "number":
                row.append(rng.choice((0, 3, 8, 15, 1250)))
            elif q.kind == "text":
                row.append(rng.choice(("Meer matchmaking met lokale bedrijven.", "Een overzicht van het aanbod.",
                                       "Hulp bij sociale clausules.")))
            else:
                row.append(rng.choice(q.options).label)
        sheet.append(row)
    book.save(target)
    return target


@case("floor_survey_xlsx_read")
def floor_survey_xlsx_read(db: Path, work: Path) -> dict[str, float]:
    """The fastest plain read of the same export (python-calamine), as floor_xlsx_read."""
    from python_calamine import CalamineWorkbook

    path = survey_xlsx(db, work)
    return {"read": _clock(lambda: CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python())}


@case("survey_import")
def survey_import(db: Path, work: Path) -> dict[str, float]:
    """What the survey's import dialog does with the export: read it, suggest the columns, check every row
    (analyse) and import all (the operation: verified backup, one transaction)."""
    from regisseur_app.exchange.survey import importer
    from regisseur_app.exchange.survey.formats import suggest_all
    from regisseur_app.exchange.tabular import read_table
    from regisseur_app.operations import survey as ops

    path = survey_xlsx(db, work)
    survey_id = _import_survey(db)
    holder: dict = {}
    read = _clock(lambda: holder.setdefault("table", read_table(path)))
    table = holder["table"]
    ctx = _ctx(db)

    def check() -> None:
        from regisseur_app.domain.survey.views import survey_view

        with ctx.reading() as session:
            targets = suggest_all(survey_view(session, survey_id), table.headers)
            holder["plan"] = importer.analyse(session, survey_id, table, targets)

    checked = _clock(check)
    plan = holder["plan"]
    assert plan.open_problems == 0 and len(plan.drafts) == IMPORT_ROWS, plan.open_problems
    written = _clock(lambda: holder.setdefault("outcome", ops.import_responses(ctx, plan)))
    assert holder["outcome"].added == IMPORT_ROWS
    return {"read": read, "analyse": checked, "write": written, "import": read + checked + written}


# ---- MVO regional tab -------------------------------------------------------------------------------
@case("mvo_overview")
def mvo_overview(db: Path, _work: Path) -> dict[str, float]:
    """What the MVO page's regional tab computes for the whole region and last year: the organisations
    with figures, the overview per indicator, the totals per municipality and the five-year trend."""
    from regisseur_app.domain.mvo import overview

    ctx = _ctx(db)

    def regional() -> None:
        with ctx.reading() as session:
            figures = overview.organisation_figures(session, MVO_YEAR, None)
            overview.overview(session, MVO_YEAR, None)
            overview.per_municipality(session, MVO_YEAR)
            years = [y for y in overview.reported_years(session) if y <= MVO_YEAR][-5:]
            overview.trend(session, years, None)
        assert figures

    regional()
    return {"overview": _clock(regional)}


@case("floor_mvo_aggregate")
def floor_mvo_aggregate(db: Path, _work: Path) -> dict[str, float]:
    """One plain aggregate over the same values: count, sum and average per indicator and year."""
    conn = sqlite3.connect(db)
    sql = ("SELECT indicator_id, year, count(*), sum(number), avg(number) FROM mvo_value "
           "WHERE year BETWEEN ? AND ? GROUP BY indicator_id, year")
    conn.execute(sql, (MVO_YEAR - 4, MVO_YEAR)).fetchall()
    return {"overview": _clock(lambda: conn.execute(sql, (MVO_YEAR - 4, MVO_YEAR)).fetchall())}
