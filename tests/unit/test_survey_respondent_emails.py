"""respondents.respondent_emails (what the import's check links respondents by) gives the invitees with an
e-mail address exactly as list_respondents lists them: same addresses, ids, municipalities and order."""

from regisseur_app.domain.core import contact_service
from regisseur_app.domain.survey import respondents
from regisseur_app.domain.survey.respondents import RespondentInput
from tests.unit.survey_support import BEKKEVOORT, GEETBETS, build_survey


def test_the_invitees_with_an_address_in_the_order_of_the_list(ctx):
    with ctx.transaction() as session:
        built = build_survey(session, answers=False)

        def contact(name: str, email: str = "") -> int:
            return contact_service.save_contact(session, contact_service.ContactInput(name=name, email=email), None)

        ann, bob = contact("Ann Peeters", "ann@bekkevoort.be"), contact("Bob Claes")
        same, cas = contact("An Peeters", "Ann@Bekkevoort.be"), contact("Cas Wouters", "cas@geetbets.be")
        for nis, contact_id in ((GEETBETS, same), (BEKKEVOORT, ann), (GEETBETS, bob), (BEKKEVOORT, None),
                                (GEETBETS, cas)):  # 'same': the same address as Ann's once folded
            respondents.save_respondent(session, built.survey_id, RespondentInput(nis, contact_id=contact_id))
        other = build_survey(session, answers=False, title="Andere peiling")
        respondents.save_respondent(session, other.survey_id, RespondentInput(BEKKEVOORT, contact_id=ann))
    with ctx.reading() as session:
        listed = [(r.email, r.id, r.nis_code) for r in respondents.list_respondents(session, built.survey_id)
                  if r.email]
        got = respondents.respondent_emails(session, built.survey_id)
    assert got == listed
    assert len(got) == 3 and {nis for _e, _i, nis in got} == {BEKKEVOORT, GEETBETS}


def test_the_invitee_list_reads_columns_with_the_former_rows(ctx):
    """list_respondents reads columns instead of invitee objects: the rows of the former query (kept here)."""
    from sqlalchemy import select

    from regisseur_app.domain.core.municipalities import Municipality
    from regisseur_app.domain.core.organisations import Contact, Organisation
    from regisseur_app.domain.survey import responses
    from regisseur_app.domain.survey.models import SurveyRespondent, SurveyResponse
    from regisseur_app.domain.survey.respondents import RespondentRow
    from regisseur_app.domain.survey.responses import ResponseInput
    from tests.unit.events_support import org

    with ctx.transaction() as session:
        built = build_survey(session, answers=False)
        ann = contact_service.save_contact(session, contact_service.ContactInput(name="Ann", email="a@b.be"), None)
        partner = org(session, "Atelier Groen", "maatwerkbedrijf")
        ids = [respondents.save_respondent(session, built.survey_id, RespondentInput(nis, **links)) for nis, links in (
            (GEETBETS, {"contact_id": ann}), (BEKKEVOORT, {"organisation_id": partner}), (BEKKEVOORT, {}))]
        responses.save_response(session, built.survey_id, ResponseInput(
            None, {built.q["text"]: "Graag"}, respondent_id=ids[1]))
    with ctx.reading() as session:
        answered = set(session.scalars(select(SurveyResponse.respondent_id).where(
            SurveyResponse.survey_id == built.survey_id, SurveyResponse.respondent_id.is_not(None))))
        query = (select(SurveyRespondent, Municipality.name, Organisation.name, Contact.name, Contact.email)
                 .join(Municipality, Municipality.nis_code == SurveyRespondent.nis_code)
                 .outerjoin(Organisation, Organisation.id == SurveyRespondent.organisation_id)
                 .outerjoin(Contact, Contact.id == SurveyRespondent.contact_id)
                 .where(SurveyRespondent.survey_id == built.survey_id)
                 .order_by(Municipality.name, SurveyRespondent.id))
        former = [RespondentRow(r.id, m, r.nis_code, o or "", c or "", e or "", r.invited_on, r.reminded_on,
                                r.id in answered) for r, m, o, c, e in session.execute(query)]
        listed = respondents.list_respondents(session, built.survey_id)
    assert listed == former
    assert [(r.id, r.responded) for r in listed] == [(ids[1], True), (ids[2], False), (ids[0], False)]
