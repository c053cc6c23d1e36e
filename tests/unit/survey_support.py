"""A small survey with one question of every type and seven hand-made responses (5 from Bekkevoort,
2 from Geetbets), used by the survey tests. The expected statistics in the tests are computed by hand
from the table below, not by the code under test.

  resp  gemeente   enkel  meer    schaal  getal  ja/nee  open
  r1    24008      A      X,Y     5       10     Ja      "meer overleg"
  r2    24008      A      X       4       20     Nee     "Subsidies"
  r3    24008      B      Y       2       0      Ja
  r4    24008      C      X,Z     3       5      Ja
  r5    24008      A      Z       1       -      Nee
  r6    24028      B      X       5       3      Ja
  r7    24028      B      Y       4       7      Ja
"""

from __future__ import annotations

from dataclasses import dataclass

from regisseur_app.domain.core.codelists import SERVICE_CATEGORY, find_item
from regisseur_app.domain.survey import questionnaire, responses
from regisseur_app.domain.survey.models import MULTI, NUMBER, SCALE, SINGLE, SURVEY_AUDIENCE, TEXT, YESNO
from regisseur_app.domain.survey.questionnaire import OptionInput, QuestionInput, SurveyInput
from regisseur_app.domain.survey.responses import ResponseInput

BEKKEVOORT, GEETBETS = "24008", "24028"
ROWS = [
    (BEKKEVOORT, "A", "XY", 5, 10, "Ja", "meer overleg"),
    (BEKKEVOORT, "A", "X", 4, 20, "Nee", "Subsidies"),
    (BEKKEVOORT, "B", "Y", 2, 0, "Ja", ""),
    (BEKKEVOORT, "C", "XZ", 3, 5, "Ja", ""),
    (BEKKEVOORT, "A", "Z", 1, None, "Nee", ""),
    (GEETBETS, "B", "X", 5, 3, "Ja", ""),
    (GEETBETS, "B", "Y", 4, 7, "Ja", ""),
]


@dataclass
class Built:
    survey_id: int
    q: dict[str, int]          # kind -> question id
    options: dict[str, int]    # "single:A", "multi:X", "scale:5", "yesno:Ja" -> option id
    categories: dict[str, int]  # code -> category id


def build_survey(session, year: int = 2025, answers: bool = True, title: str = "Peiling 2025") -> Built:
    cats = {c: find_item(session, SERVICE_CATEGORY, c) for c in ("groenonderhoud", "schoonmaak", "catering",
                                                                   "klusjes")}
    audience = find_item(session, SURVEY_AUDIENCE, "lokaal_bestuur")
    sid = questionnaire.save_survey(session, SurveyInput(title, year, audience))
    q = {
        SINGLE: questionnaire.save_question(session, sid, QuestionInput(
            "Welke dienst?", SINGLE, options=[OptionInput("A"), OptionInput("B"), OptionInput("C")], code="dienst")),
        MULTI: questionnaire.save_question(session, sid, QuestionInput(
            "Welke diensten zijn nodig?", MULTI, code="diensten", options=[
                OptionInput("X", cats["groenonderhoud"]), OptionInput("Y", cats["schoonmaak"]), OptionInput("Z")])),
        SCALE: questionnaire.save_question(session, sid, QuestionInput(
            "Nood aan een buurtrestaurant?", SCALE, category_id=cats["catering"], code="resto")),
        NUMBER: questionnaire.save_question(session, sid, QuestionInput("Hoeveel cliënten?", NUMBER, code="aantal")),
        YESNO: questionnaire.save_question(session, sid, QuestionInput(
            "Nood aan klusjesdienst?", YESNO, category_id=cats["klusjes"], code="klus")),
        TEXT: questionnaire.save_question(session, sid, QuestionInput("Opmerkingen?", TEXT, code="opm")),
    }
    survey = questionnaire.get_survey(session, sid)
    options = {f"{kind}:{o.label}": o.id for question in survey.questions for kind, qid in q.items()
               if qid == question.id for o in question.options}
    options.update({f"scale:{int(o.value)}": o.id for question in survey.questions if question.id == q[SCALE]
                    for o in question.options})
    built = Built(sid, q, options, cats)
    if answers:
        for n, row in enumerate(ROWS):
            add_row(session, built, row, f"r{n + 1}")
    return built


def add_row(session, built: Built, row, external: str) -> int:
    nis, single, multi, scale, number, yes, text = row
    o, q = built.options, built.q
    answers = {q[SINGLE]: [o[f"single:{single}"]], q[MULTI]: [o[f"multi:{m}"] for m in multi],
               q[SCALE]: [o[f"scale:{scale}"]], q[YESNO]: [o[f"yesno:{yes}"]]}
    if number is not None:
        answers[q[NUMBER]] = float(number)
    if text:
        answers[q[TEXT]] = text
    return responses.save_response(session, built.survey_id, ResponseInput(nis, answers, external_id=external))


def add_invited_surveys(session, first: str, second: str, third: str, *, anonymous: bool = False) -> None:
    """Surveys with invited respondents, for the response-rate KPI: 'Peiling A' (2025) invites three in `first`
    and one in `second`, one of them answers; 'Peiling B' (2025) invites one in `second` and one in `third`,
    both answer, one of them twice (counted once); 'Oud' (2024) invites one in `first`, who does not answer.
    With `anonymous`, each survey also gets a response without an invitee (not counted)."""
    from datetime import date

    from regisseur_app.domain.survey import respondents
    from regisseur_app.domain.survey.models import SurveyResponse
    from regisseur_app.domain.survey.respondents import RespondentInput

    for year, title, invitees, answering in ((2025, "Peiling A", [first, first, first, second], 1),
                                             (2025, "Peiling B", [second, third], 2), (2024, "Oud", [first], 0)):
        built = build_survey(session, year=year, answers=False, title=title)
        for nis in invitees:
            respondents.save_respondent(session, built.survey_id, RespondentInput(nis, invited_on=date(year, 3, 1)))
        ids = [r.id for r in respondents.list_respondents(session, built.survey_id)]
        for n in range(answering):
            session.get(SurveyResponse, add_row(session, built, ROWS[n], f"{title}{n}")).respondent_id = ids[n]
        if answering == 2:
            session.get(SurveyResponse, add_row(session, built, ROWS[2], f"{title}again")).respondent_id = ids[0]
        if anonymous:
            add_row(session, built, ROWS[3], f"{title}anonymous")
    session.flush()
