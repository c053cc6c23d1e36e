"""Shared helpers for the referral tests (not a test module)."""

from datetime import date, timedelta

from regisseur_app.domain.core import codelists
from regisseur_app.domain.referrals.service import ReferralInput, StepInput, add_step, create_referral

BEKKEVOORT, GEETBETS, GLABBEEK, KORTENAKEN, TIELT_WINGE = "24008", "24028", "24137", "24054", "24135"
TODAY = date(2026, 6, 30)
# valid national numbers: born 30/07/1985 and 14/02/2003 (after 2000: checksum over 2 + digits), BIS numbers
NN_1985 = "85.07.30-033.28"
NN_2003 = "03021412348"
BIS_1985 = "85473003317"
BIS_2003 = "03.22.14-125.89"


def item_id(session, list_name: str, code: str) -> int:
    return next(i.id for i in codelists.list_items(session, list_name, include_inactive=True) if i.code == code)


def new_referral(session, nis=BEKKEVOORT, when=date(2025, 1, 10), type_code="screening", **extra) -> tuple[int, str]:
    data = ReferralInput(nis_code=nis, referral_date=when,
                         type_id=item_id(session, codelists.REFERRAL_TYPE, type_code), **extra)
    return create_referral(session, data, today=TODAY)


def org_id(session) -> int:
    from regisseur_app.domain.core.organisation_service import OrganisationInput, save_organisation

    type_id = codelists.list_items(session, codelists.ORGANISATION_TYPE)[0].id
    return save_organisation(session, OrganisationInput("Maatwerk Test", type_id))


def move(session, referral_id: int, *steps: tuple[str, date], organisation_id=None) -> None:
    for status, when in steps:
        add_step(session, referral_id, StepInput(status, when, organisation_id=organisation_id), today=TODAY)


def seed_counts(ctx, counts: tuple[tuple[str, int], ...], day: date = date(2025, 1, 6)) -> None:
    """`n` referrals per municipality (a day apart, every third an art. 60), every second one screened and
    decided (alternately positive and negative): the counts the suppression tests protect."""
    from regisseur_app.domain.referrals.models import NEGATIVE, POSITIVE, SCREENING

    with ctx.transaction() as s:
        for nis, n in counts:
            for i in range(n):
                rid, _ = new_referral(s, nis=nis, when=day + timedelta(days=i),
                                      type_code="art60_twe" if i % 3 == 0 else "screening")
                if i % 2 == 0:
                    move(s, rid, (SCREENING, day + timedelta(days=i + 10)),
                         (POSITIVE if i % 4 == 0 else NEGATIVE, day + timedelta(days=i + 40)))
