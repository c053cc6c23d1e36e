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
