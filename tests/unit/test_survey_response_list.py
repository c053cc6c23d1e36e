"""responses.list_responses counts the questions each response answered per response of the survey (through
the answers' response index) instead of grouping every answer of every survey: the same rows as the former
query, kept here as the reference, for two surveys with multiple-choice answers, a linked invitee and a
response without answers."""

from sqlalchemy import func, select

from regisseur_app.domain.core import contact_service
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Contact, Organisation
from regisseur_app.domain.survey import respondents, responses
from regisseur_app.domain.survey.models import TEXT, SurveyAnswer, SurveyRespondent, SurveyResponse
from regisseur_app.domain.survey.respondents import RespondentInput
from regisseur_app.domain.survey.responses import SOURCES, ResponseInput, ResponseRow
from tests.unit.events_support import org
from tests.unit.survey_support import BEKKEVOORT, GEETBETS, ROWS, add_row, build_survey


def _former(session, survey_id: int) -> list[ResponseRow]:
    answered = (select(SurveyAnswer.response_id, func.count(func.distinct(SurveyAnswer.question_id)).label("n"))
                .group_by(SurveyAnswer.response_id).subquery())
    query = (select(SurveyResponse, Municipality.name, answered.c.n, Organisation.name, Contact.name)
             .join(Municipality, Municipality.nis_code == SurveyResponse.nis_code)
             .outerjoin(answered, answered.c.response_id == SurveyResponse.id)
             .outerjoin(SurveyRespondent, SurveyRespondent.id == SurveyResponse.respondent_id)
             .outerjoin(Organisation, Organisation.id == SurveyRespondent.organisation_id)
             .outerjoin(Contact, Contact.id == SurveyRespondent.contact_id)
             .where(SurveyResponse.survey_id == survey_id).order_by(SurveyResponse.id))
    return [ResponseRow(r.id, municipality, r.nis_code, SOURCES.get(r.source, r.source), r.submitted_at,
                        " – ".join(x for x in (o, c) if x), n or 0, r.external_id)
            for r, municipality, n, o, c in session.execute(query)]


def test_the_list_of_responses_is_the_former_one(ctx):
    with ctx.transaction() as session:
        first = build_survey(session)
        second = build_survey(session, title="Peiling 2026", year=2026)
        add_row(session, second, ROWS[0], "extra")
        partner = org(session, "Atelier Groen", "maatwerkbedrijf")
        person = contact_service.save_contact(session, contact_service.ContactInput(name="Ann Peeters"), None)
        invitee = respondents.save_respondent(session, first.survey_id, RespondentInput(
            GEETBETS, organisation_id=partner, contact_id=person))
        responses.save_response(session, first.survey_id, ResponseInput(
            None, {first.q[TEXT]: "Meer overleg"}, respondent_id=invitee, external_id="een"))
        # an imported response whose answers were all left blank: no answer rows
        session.add(SurveyResponse(survey_id=first.survey_id, nis_code=BEKKEVOORT, external_id="leeg"))
    with ctx.reading() as session:
        for survey_id in (first.survey_id, second.survey_id):
            assert responses.list_responses(session, survey_id) == _former(session, survey_id)
        listed = responses.list_responses(session, first.survey_id)
    assert len(listed) == len(ROWS) + 2
    assert [r.answered for r in listed[:2]] == [6, 6]  # r1 and r2 answered all six questions, r1 two options
    linked, empty = listed[-2:]
    assert (linked.answered, linked.respondent, linked.nis_code) == (1, "Atelier Groen – Ann Peeters", GEETBETS)
    assert (empty.answered, empty.respondent, empty.external_id) == (0, "", "leeg")
    assert {r.nis_code for r in listed} == {BEKKEVOORT, GEETBETS}
