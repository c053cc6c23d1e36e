"""National and BIS numbers are refused everywhere, also inside free text; notes warn on e-mail/phone."""

from datetime import date

import pytest

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.referrals import service as svc
from regisseur_app.domain.referrals.models import SCREENING
from regisseur_app.domain.referrals.privacy import looks_like_person_name, name_column_reason, note_warnings
from regisseur_app.domain.referrals.service import StepInput
from tests.unit.referral_helpers import BIS_1985, BIS_2003, NN_1985, NN_2003, TODAY, new_referral

NUMBERS = [NN_1985, NN_2003, BIS_1985, BIS_2003]


@pytest.mark.parametrize("number", NUMBERS)
def test_national_numbers_refused_in_note_of_new_referral(ctx, number):
    with pytest.raises(ValidationError) as info, ctx.transaction() as s:
        new_referral(s, note=f"Gesprek gehad, rrn {number} nagevraagd")
    assert number in info.value.errors["note"]
    with ctx.reading() as s:
        assert svc.count_referrals(s) == 0


@pytest.mark.parametrize("number", NUMBERS)
def test_national_numbers_refused_in_internal_reference_and_step_note(ctx, number):
    with pytest.raises(ValidationError) as info, ctx.transaction() as s:
        new_referral(s, internal_reference=number)
    assert "rijksregister" in info.value.errors["internal_reference"]
    with ctx.transaction() as s:
        rid, _ = new_referral(s)
    with pytest.raises(ValidationError) as info, ctx.transaction() as s:
        svc.add_step(s, rid, StepInput(SCREENING, date(2025, 2, 1), note=f"zie {number}."), today=TODAY)
    assert "rijksregister" in info.value.errors["note"]


def test_similar_but_invalid_numbers_pass():
    from regisseur_app.domain.referrals.privacy import national_number_error

    assert national_number_error("x", "85.07.30-033.29") is None  # wrong checksum
    assert national_number_error("x", "dossier 2025/00123") is None
    assert national_number_error("x", "BEK-2025-0007") is None


def test_note_warnings_for_email_and_phone_only():
    assert len(note_warnings("Contact via an.peeters@ocmw.example of 0470 12 34 56")) == 2
    assert "telefoonnummer" in note_warnings("bel 016/12.34.56")[0]
    assert note_warnings("Screening op 12/03/2025 gepland, dossier 2025/123") == []


def test_person_name_heuristic():
    known = {"kringwinkel hageland"}
    assert looks_like_person_name("Jan Peeters", known)
    assert looks_like_person_name("An Van den Broeck", known)
    assert not looks_like_person_name("Kringwinkel Hageland", known)  # a known organisation
    assert not looks_like_person_name("Tielt-Winge", known)
    assert not looks_like_person_name("BEK-2025-0007", known)
    assert name_column_reason("Naam cliënt", [], set()) is not None
    assert name_column_reason("Opmerking", ["Jan Peeters", "Els Claes", "Bart Wouters", "dossier"], set())
    assert name_column_reason("Opmerking", ["ok", "volgt", "Els Claes", "nvt"], set()) is None
