"""Exchange of the survey: the XLSForm converted by pyxform, the Excel template and results workbook, the
printable questionnaire, and the importers on small files shaped like each tool's export (BOM, ';',
sub-question columns, group prefixes, unknown answer values, text in a number field, a duplicated response,
a re-import that adds nothing, a file of another survey, an empty export)."""

from __future__ import annotations

import subprocess

import pytest
from openpyxl import Workbook, load_workbook

from regisseur_app.domain.survey import dataset, stats
from regisseur_app.domain.survey.models import MULTI, NUMBER, SCALE, SINGLE, TEXT, YESNO
from regisseur_app.exchange.survey import importer
from regisseur_app.exchange.survey.formats import (
    OPTION,
    QUESTION,
    RESPONSE_ID,
    TIME,
    detect_source,
    parse_timestamp,
    suggest_all,
)
from regisseur_app.exchange.survey.workbooks import results_sheets, write_results, write_template
from regisseur_app.exchange.survey.xlsform import check_with_pyxform, write_xlsform
from regisseur_app.exchange.tabular import TableReadError, read_table
from regisseur_app.reports.survey.questionnaire_pdf import write_questionnaire
from tests.unit.survey_support import build_survey


@pytest.fixture
def built(ctx):
    with ctx.transaction() as session:
        return build_survey(session, answers=False)


def _plan(ctx, built, path, default_nis=None):
    table = read_table(path)
    with ctx.reading() as session:
        from regisseur_app.domain.survey.views import survey_view

        targets = suggest_all(survey_view(session, built.survey_id), table.headers)
        return importer.analyse(session, built.survey_id, table, targets, default_nis), targets, table


def _write(ctx, plan):
    with ctx.transaction() as session:
        return importer.write_plan(session, plan)


def _table(ctx, built, kind):
    with ctx.reading() as session:
        return stats.question_table(dataset.load(session, built.survey_id), built.q[kind])


def _csv(path, text, bom=False):
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def test_xlsform_converts_with_pyxform(ctx, built, tmp_path):
    with ctx.reading() as session:
        path = write_xlsform(session, built.survey_id, tmp_path / "peiling.xlsx")
    xform = check_with_pyxform(path)
    assert "<h:title>Peiling 2025</h:title>" in xform
    assert 'ref="/peiling_' in xform or "/data/" in xform or "diensten" in xform
    book = load_workbook(path)
    survey = [[c.value for c in row] for row in book["survey"].iter_rows(min_row=2)]
    types = {row[1]: row[0] for row in survey}
    assert types["gemeente"] == "select_one gemeente"
    assert types["diensten"] == "select_multiple diensten" and types["aantal"] == "decimal"
    assert types["resto"] == "select_one resto" and types["opm"] == "text"
    choices = [[c.value for c in row] for row in book["choices"].iter_rows(min_row=2)]
    assert ["gemeente", "24008", "Bekkevoort"] in choices
    assert ["resto", "5", "5 – Helemaal wel"] in choices


def test_microsoft_forms_xlsx(ctx, built, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Gemeente", "Welke dienst?",
                  "Welke diensten zijn nodig?", "Nood aan een buurtrestaurant?", "Hoeveel cliënten?",
                  "Nood aan klusjesdienst?", "Opmerkingen?"])
    sheet.append([1, "20/11/2025 14:01", "20/11/2025 14:03", "anonymous", "", "Bekkevoort", "A", "X;Y;", "5",
                  "1.250", "Ja", "=HYPERLINK(\"x\")"])
    sheet.append([2, "21/11/2025 09:00", "21/11/2025 09:05", "anonymous", "", "Geetbets", "B", "Z;", "4 - Eerder wel",
                  "3", "Nee", ""])
    book.save(tmp_path / "forms.xlsx")
    plan, targets, table = _plan(ctx, built, tmp_path / "forms.xlsx")
    assert plan.source == "msforms" and detect_source(table.headers) == "msforms"
    assert [t.kind for t in targets[:3]] == [RESPONSE_ID, "ignore", TIME]
    assert plan.open_problems == 0
    outcome = _write(ctx, plan)
    assert outcome.added == 2
    multi = _table(ctx, built, MULTI)
    assert [(r.label, r.counts[0]) for r in multi.rows] == [("X", 1), ("Y", 1), ("Z", 1)]
    assert _table(ctx, built, NUMBER).summaries[0].total == 1253.0
    assert _table(ctx, built, SCALE).summaries[0].mean == 4.5
    # the same file again: nothing added
    again, _t, _tab = _plan(ctx, built, tmp_path / "forms.xlsx")
    assert again.already_imported == 2 and again.drafts == []
    assert _write(ctx, again).added == 0


def test_google_forms_csv_with_bom_and_unknown_values(ctx, built, tmp_path):
    path = _csv(tmp_path / "google.csv", (
        "Tijdstempel,Gemeente,Welke dienst?,Welke diensten zijn nodig?,Nood aan een buurtrestaurant?,"
        "Hoeveel cliënten?,Nood aan klusjesdienst?\n"
        "20/11/2025 14:03:12,Bekkevoort,A,\"X, Y\",5,10,Ja\n"
        "20/11/2025 15:00:00,Bekkevoort,D,\"X, W\",4,veel,Ja\n"
        "21/11/2025 10:00:00,Holsbeek,B,Z,2,3,Nee\n"), bom=True)
    plan, _targets, table = _plan(ctx, built, path)
    assert table.headers[0] == "Tijdstempel" and plan.source == "google"
    assert plan.drafts[0].submitted_at.isoformat() == "2025-11-20T14:03:12"
    values = {(v.question.split(":")[0], v.raw): v for v in plan.value_issues}
    assert set(values) == {("dienst", "D"), ("diensten", "W")}
    assert values[("dienst", "D")].lines == [3] and values[("dienst", "D")].column == "Welke dienst?"
    cells = plan.cell_issues
    assert [(c.line, c.column, c.value) for c in cells] == [(3, "Hoeveel cliënten?", "veel")]
    assert "geen getal" in cells[0].message
    # Holsbeek is a real municipality (not participating): accepted by its name
    assert plan.drafts[2].nis == "24043"
    with pytest.raises(Exception, match="nog 3 problemen"):
        _write(ctx, plan)
    values[("dienst", "D")].choice = built.options["single:C"]
    values[("diensten", "W")].choice = importer.DROP
    cells[0].choice = importer.DROP_CELL
    assert plan.open_problems == 0
    assert _write(ctx, plan).added == 3
    single = _table(ctx, built, SINGLE)
    assert [r.counts[0] for r in single.rows] == [1, 1, 1]           # D mapped to C
    assert _table(ctx, built, NUMBER).summaries[0].n == 2             # "veel" dropped
    # no response id in Google Forms: a hash of the row, so a re-import adds nothing
    again, _t, _tab = _plan(ctx, built, path)
    assert again.already_imported == 3


def test_limesurvey_csv_semicolon_codes_and_subquestions(ctx, built, tmp_path):
    path = _csv(tmp_path / "results-survey123.csv", (
        "id;submitdate;lastpage;startlanguage;gemeente;dienst;diensten[SQ001];diensten[SQ002];diensten[SQ003];"
        "resto;aantal;klus;opm\n"
        "1;2025-11-20 14:03:12;3;nl;24008;A;Y;;Y;5;12,5;Y;goed\n"
        "2;2025-11-21 09:00:00;3;nl;24028;B;;Y;;2;4;N;\n"
        "2;2025-11-21 09:00:00;3;nl;24028;B;;Y;;2;4;N;\n"))
    plan, targets, _table_ = _plan(ctx, built, path)
    assert plan.source == "limesurvey"
    assert [(t.kind, t.option_id) for t in targets[6:9]] == [
        (OPTION, built.options["multi:X"]), (OPTION, built.options["multi:Y"]), (OPTION, built.options["multi:Z"])]
    duplicate = plan.cell_issues
    assert [(c.line, c.row_only) for c in duplicate] == [(4, True)] and "rij 3" in duplicate[0].message
    duplicate[0].choice = importer.DROP_ROW
    assert _write(ctx, plan).added == 2
    multi = _table(ctx, built, MULTI)
    assert [r.counts[0] for r in multi.rows] == [1, 1, 1]
    assert _table(ctx, built, NUMBER).summaries[0].total == 16.5
    assert [r.counts[0] for r in _table(ctx, built, YESNO).rows] == [1, 1]


def test_kobo_export_of_our_xlsform(ctx, built, tmp_path):
    path = _csv(tmp_path / "kobo.csv", (
        "start;end;gemeente;groep/dienst;groep/diensten;groep/diensten/x;groep/diensten/y;groep/diensten/z;"
        "groep/resto;groep/aantal;groep/klus;_id;_uuid;_submission_time\n"
        "2025-11-20T14:00:00.000+01:00;2025-11-20T14:03:12.000+01:00;24137;a;x z;1;0;1;4;7;ja;11;"
        "9f1e-aaaa;2025-11-20T13:03:15\n"))
    plan, targets, _t = _plan(ctx, built, path)
    assert plan.source == "kobo"
    kinds = {h: t.kind for h, t in zip(_t.headers, targets, strict=True)}
    assert kinds["_uuid"] == RESPONSE_ID and kinds["_id"] == "ignore" and kinds["groep/dienst"] == QUESTION
    assert _write(ctx, plan).added == 1
    with ctx.reading() as session:
        data = dataset.load(session, built.survey_id)
    facts = data.responses[0]
    assert facts.nis_code == "24137" and facts.options[built.q[MULTI]] == [built.options["multi:X"],
                                                                          built.options["multi:Z"]]
    assert plan.drafts[0].external_id == "kobo:9f1e-aaaa"


def test_bad_files_name_the_problem(ctx, built, tmp_path):
    other = _csv(tmp_path / "andere.csv", "Tijdstempel;Wat is uw lievelingskleur?\n20/11/2025 10:00:00;blauw\n")
    with pytest.raises(importer.ImportError_, match="lijkt niet bij de peiling 'Peiling 2025' te horen"):
        _plan(ctx, built, other)
    empty = _csv(tmp_path / "leeg.csv", "Tijdstempel,Welke dienst?\n")
    with pytest.raises(TableReadError, match="alleen een kopregel"):
        read_table(empty)
    nowhere = _csv(tmp_path / "zonder.csv", "Welke dienst?;Hoeveel cliënten?\nA;3\n")
    plan, _t, _tab = _plan(ctx, built, nowhere)
    assert plan.cell_issues[0].row_only and "geen gemeente" in plan.cell_issues[0].message
    plan_with_default, _t, _tab = _plan(ctx, built, nowhere, default_nis="24054")
    assert plan_with_default.open_problems == 0 and _write(ctx, plan_with_default).added == 1


def test_dates_in_the_formats_the_tools_write():
    assert parse_timestamp("20/11/2025 14:03:12").isoformat() == "2025-11-20T14:03:12"
    assert parse_timestamp("2025-11-20 14:03:12").isoformat() == "2025-11-20T14:03:12"
    assert parse_timestamp("11/20/2025 14:03:12").isoformat() == "2025-11-20T14:03:12"  # US Forms
    assert parse_timestamp("20/11/2025 14:03").minute == 3
    assert parse_timestamp("2025-11-20T14:03:12.000+01:00").date().isoformat() == "2025-11-20"
    with pytest.raises(ValueError, match="geen datum"):
        parse_timestamp("gisteren")


def test_template_round_trip_and_results_workbook(ctx, built, tmp_path):
    from tests.unit.survey_support import ROWS, add_row

    with ctx.reading() as session:
        write_template(session, built.survey_id, tmp_path / "sjabloon.xlsx")
    book = load_workbook(tmp_path / "sjabloon.xlsx")
    sheet = book["Antwoorden"]
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["Gemeente", "[dienst] Welke dienst?", "[diensten] Welke diensten zijn nodig?"]
    assert sheet.data_validations.dataValidation  # drop-downs
    sheet.append(["Glabbeek", "A", "X; Z", "3 – Neutraal", 2, "Ja"])
    cell = sheet.cell(row=2, column=7)
    cell.value, cell.data_type = "=cmd|' /C calc'!A0", "s"  # a text answer that looks like a formula
    book.save(tmp_path / "ingevuld.xlsx")
    plan, _t, _tab = _plan(ctx, built, tmp_path / "ingevuld.xlsx")
    assert plan.source == "template" and plan.open_problems == 0
    assert _write(ctx, plan).added == 1
    with ctx.transaction() as session:
        for n, row in enumerate(ROWS):
            add_row(session, built, row, f"r{n}")
        sheets = dict(results_sheets(session, built.survey_id))
        write_results(session, built.survey_id, tmp_path / "resultaten.xlsx")
    assert len(sheets) == 7 and "Ruwe antwoorden" in sheets
    single = sheets["1. dienst"]
    assert list(single.columns[:5]) == ["Antwoord", "Totaal n", "Totaal %", "Bekkevoort n", "Bekkevoort %"]
    assert single.iloc[0].tolist()[:5] == ["A", 4, 50.0, 3, 60.0]   # 3 of 7 + the template's A = 4 of 8
    results = load_workbook(tmp_path / "resultaten.xlsx")
    assert len(results.sheetnames) == 7
    raw = results["Ruwe antwoorden"]
    formula_cells = [c for row in raw.iter_rows(min_row=2) for c in row if isinstance(c.value, str) and "cmd" in c.value]
    assert len(formula_cells) == 1 and formula_cells[0].data_type == "s"
    cell = formula_cells[0]
    # neutralised: a text cell flagged with Excel's quote prefix (or prefixed), never run as a formula
    assert cell.quotePrefix or not cell.value.startswith("=")


def test_printable_questionnaire_pdf(ctx, built, tmp_path):
    with ctx.reading() as session:
        path = write_questionnaire(session, built.survey_id, tmp_path / "vragenlijst.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("Peiling 2025", "Voor welke gemeente", "Bekkevoort", "1. Welke dienst?", "Helemaal wel",
                     "Meerdere antwoorden mogelijk", "Pagina 1 van"):
        assert expected in text
    assert TEXT and SCALE


def test_ten_thousand_rows_with_progress_and_cancel(ctx, built, tmp_path):
    import time

    lines = ["Tijdstempel;Gemeente;Welke dienst?;Welke diensten zijn nodig?;Hoeveel cliënten?"]
    places = ("Bekkevoort", "Geetbets", "Glabbeek", "Kortenaken", "Tielt-Winge")
    for n in range(10_000):
        lines.append(f"{1 + n % 28:02d}/11/2025 {n % 24:02d}:{n % 60:02d}:{n % 59:02d};{places[n % 5]};"
                     f"{'ABC'[n % 3]};X;{n % 17}")
    path = _csv(tmp_path / "groot.csv", "\n".join(lines) + "\n")
    calls = []
    started = time.perf_counter()
    table = read_table(path)
    with ctx.reading() as session:
        from regisseur_app.domain.survey.views import survey_view

        targets = suggest_all(survey_view(session, built.survey_id), table.headers)
        plan = importer.analyse(session, built.survey_id, table, targets, progress=lambda p, t: calls.append(p))
    assert len(plan.drafts) == 10_000 and plan.open_problems == 0
    assert calls[0] == 0 and calls[-1] >= 97 and len(calls) == 40

    class Stop(Exception):
        pass

    def cancel_at_half(percent, _text):
        if percent >= 50:
            raise Stop()

    from regisseur_app.operations import survey as ops

    with pytest.raises(Stop):
        ops.import_responses(ctx, plan, cancel_at_half)
    with ctx.reading() as session:
        assert dataset.load(session, built.survey_id).responses == []  # cancelled: nothing written
    outcome = ops.import_responses(ctx, plan)
    elapsed = time.perf_counter() - started
    assert outcome.added == 10_000
    assert elapsed < 60, elapsed  # read, check and write twice, on a shared 2-core machine


def test_limesurvey_answer_codes_map_to_the_options_in_order(ctx, built, tmp_path):
    """LimeSurvey exports a list question's answers as its answer codes (A1, A2, … by default, in the order
    of the answers), yes/no as Y/N and a 5-point choice as 1–5."""
    path = _csv(tmp_path / "results-survey456.csv", (
        "id,submitdate,lastpage,startlanguage,seed,gemeente,dienst,diensten[SQ001],diensten[SQ002],"
        "diensten[SQ003],resto,aantal,klus,opm\n"
        "7,2025-11-20 14:03:12,3,nl,123,24008,A2,Y,,,4,3,Y,\n"
        "8,2025-11-20 15:00:00,3,nl,456,24008,A3,,Y,Y,1,,N,\n"
        "9,2025-11-20 16:00:00,3,nl,789,24028,A1,,,Y,5,2,Y,\n"
        "10,2025-11-20 17:00:00,3,nl,790,24028,A9,,,Y,5,2,Y,\n"), bom=True)
    plan, _targets, _table_ = _plan(ctx, built, path)
    assert plan.source == "limesurvey"
    # A9 names no option of three: listed for the user to map, with its line
    assert [(v.raw, v.lines) for v in plan.value_issues] == [("A9", [5])]
    plan.value_issues[0].choice = importer.DROP
    assert _write(ctx, plan).added == 4
    single = _table(ctx, built, SINGLE)
    assert [(r.label, r.counts[0]) for r in single.rows] == [("A", 1), ("B", 1), ("C", 1)]
    assert [r.counts[0] for r in _table(ctx, built, YESNO).rows] == [3, 1]
    assert _table(ctx, built, SCALE).summaries[0].mean == pytest.approx((4 + 1 + 5 + 5) / 4)


def test_answer_codes_are_only_read_from_limesurvey(ctx, built, tmp_path):
    path = _csv(tmp_path / "google.csv", "Tijdstempel,Gemeente,Welke dienst?\n20/11/2025 14:03:12,Bekkevoort,A2\n")
    plan, _targets, _table_ = _plan(ctx, built, path)
    assert plan.source == "google"
    assert [v.raw for v in plan.value_issues] == ["A2"]
