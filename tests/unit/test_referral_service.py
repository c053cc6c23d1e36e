"""Referral service: codes, the state machine, dates, stale detection, the paged list."""

from datetime import date

import pytest

from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.referrals import service as svc
from regisseur_app.domain.referrals.models import CLOSED, NEGATIVE, POSITIVE, REFERRED, REGULAR_WORK, SCREENING, STARTED
from regisseur_app.domain.referrals.retention import ErasureRegister, erase
from regisseur_app.domain.referrals.service import ReferralFilter, StepInput
from tests.unit.referral_helpers import BEKKEVOORT, GLABBEEK, TODAY, item_id, move, new_referral, org_id


def test_codes_per_municipality_and_year_count_up_and_never_repeat(ctx, tmp_path):
    with ctx.transaction() as s:
        codes = [new_referral(s)[1], new_referral(s)[1], new_referral(s, nis=GLABBEEK)[1],
                 new_referral(s, when=date(2026, 2, 1))[1]]
    assert codes == ["BEK-2025-0001", "BEK-2025-0002", "GLA-2025-0001", "BEK-2026-0001"]
    with ctx.transaction() as s:
        erase(s, ["BEK-2025-0002"], ErasureRegister(tmp_path / "reg.jsonl"), "verzoek", TODAY)
    with ctx.transaction() as s:
        assert new_referral(s)[1] == "BEK-2025-0003"  # 0002 is erased, never issued again


def test_legal_flow_keeps_milestones_and_history(ctx):
    with ctx.transaction() as s:
        rid, _code = new_referral(s)
        org = org_id(s)
        move(s, rid, (SCREENING, date(2025, 2, 1)), (POSITIVE, date(2025, 3, 15)))
        move(s, rid, (STARTED, date(2025, 4, 1)), organisation_id=org)
        move(s, rid, (REGULAR_WORK, date(2026, 1, 5)), (CLOSED, date(2026, 2, 1)))
    with ctx.reading() as s:
        detail = svc.get_referral(s, rid, today=TODAY)
    assert [st.status for st in detail.steps] == [REFERRED, SCREENING, POSITIVE, STARTED, REGULAR_WORK, CLOSED]
    assert [st.days_since_previous for st in detail.steps] == [None, 22, 42, 17, 279, 27]
    assert detail.steps[3].organisation_name == "Maatwerk Test"
    assert detail.next_statuses == ()


@pytest.mark.parametrize("path, illegal", [
    ((), STARTED),                              # doorverwezen -> tewerkstelling: skips screening and decision
    ((), POSITIVE),                             # a decision needs a screening first
    (((SCREENING, date(2025, 2, 1)),), CLOSED),  # screening cannot be closed without a decision
    (((SCREENING, date(2025, 2, 1)), (NEGATIVE, date(2025, 2, 5))), STARTED),  # negative: no work start
    (((SCREENING, date(2025, 2, 1)), (NEGATIVE, date(2025, 2, 5)), (CLOSED, date(2025, 2, 6))), SCREENING),
])
def test_illegal_moves_are_refused_and_change_nothing(ctx, path, illegal):
    with ctx.transaction() as s:
        rid, _ = new_referral(s)
        move(s, rid, *path)
        org = org_id(s)
    with pytest.raises(ValidationError) as info, ctx.transaction() as s:
        svc.add_step(s, rid, StepInput(illegal, date(2025, 6, 1), organisation_id=org), today=TODAY)
    assert "kan niet" in info.value.errors["status"]
    with ctx.reading() as s:
        assert len(svc.get_referral(s, rid, TODAY).steps) == len(path) + 1


def test_step_dates_not_before_previous_and_not_in_future(ctx):
    with ctx.transaction() as s:
        rid, _ = new_referral(s, when=date(2025, 3, 1))
    for when, word in ((date(2025, 2, 28), "vóór de vorige stap"), (date(2026, 7, 1), "toekomst"), (None, "Vul")):
        with pytest.raises(ValidationError) as info, ctx.transaction() as s:
            svc.add_step(s, rid, StepInput(SCREENING, when), today=TODAY)
        assert word in info.value.errors["step_date"]
    with ctx.transaction() as s:
        svc.add_step(s, rid, StepInput(SCREENING, date(2025, 3, 1)), today=TODAY)  # same day is fine


def test_start_needs_an_organisation_of_the_inventory(ctx):
    with ctx.transaction() as s:
        rid, _ = new_referral(s)
        move(s, rid, (SCREENING, date(2025, 2, 1)), (POSITIVE, date(2025, 2, 10)))
    with pytest.raises(ValidationError) as info, ctx.transaction() as s:
        svc.add_step(s, rid, StepInput(STARTED, date(2025, 3, 1), organisation_id=None), today=TODAY)
    assert "organisatie" in info.value.errors["organisation_id"]


def test_undo_last_step_restores_previous_status(ctx):
    with ctx.transaction() as s:
        rid, _ = new_referral(s)
        move(s, rid, (SCREENING, date(2025, 2, 1)), (NEGATIVE, date(2025, 3, 1)))
        assert svc.undo_last_step(s, rid) == SCREENING
        svc.undo_last_step(s, rid)
        with pytest.raises(ValidationError):
            svc.undo_last_step(s, rid)
    with ctx.reading() as s:
        detail = svc.get_referral(s, rid, TODAY)
    assert detail.status == REFERRED and detail.status_date == date(2025, 1, 10)


def test_stale_detection_uses_expected_days_per_status(ctx):
    # defaults: doorverwezen 30 days, in screening 60 days
    with ctx.transaction() as s:
        fresh, _ = new_referral(s, when=date(2026, 6, 1))        # 29 days: fine
        edge, _ = new_referral(s, when=date(2026, 5, 31))        # exactly 30 days: not yet stale
        stuck, _ = new_referral(s, when=date(2026, 5, 30))       # 31 days: stale
        screening, _ = new_referral(s, when=date(2026, 1, 1))
        move(s, screening, (SCREENING, date(2026, 5, 1)))        # 60 days in screening: fine
        closed, _ = new_referral(s, when=date(2020, 1, 1))
        move(s, closed, (SCREENING, date(2020, 1, 2)), (NEGATIVE, date(2020, 1, 3)), (CLOSED, date(2020, 1, 4)))
    with ctx.reading() as s:
        rows = svc.list_referrals(s, ReferralFilter(stale_only=True, today=TODAY))
        assert [r.id for r in rows] == [stuck]
        assert svc.count_referrals(s, ReferralFilter(stale_only=True, today=TODAY)) == 1
        assert rows[0].days_in_status == 31
        assert svc.get_referral(s, edge, TODAY).stale is False
        assert svc.get_referral(s, fresh, TODAY).stale is False


def test_list_filters_and_paging_in_sql(ctx):
    with ctx.transaction() as s:
        for day in range(1, 26):
            new_referral(s, when=date(2025, 1, day), nis=BEKKEVOORT if day % 5 else GLABBEEK,
                         type_code="art60_twe" if day % 2 else "screening")
        art60 = item_id(s, codelists.REFERRAL_TYPE, "art60_twe")
    with ctx.reading() as s:
        assert svc.count_referrals(s) == 25
        first = svc.list_referrals(s, offset=0, limit=10)
        second = svc.list_referrals(s, offset=10, limit=10)
        assert [r.referral_date.day for r in first] == list(range(25, 15, -1))
        assert [r.referral_date.day for r in second] == list(range(15, 5, -1))
        assert svc.count_referrals(s, ReferralFilter(nis_code=GLABBEEK)) == 5
        assert svc.count_referrals(s, ReferralFilter(type_id=art60)) == 13
        assert svc.count_referrals(s, ReferralFilter(date_from=date(2025, 1, 10), date_to=date(2025, 1, 19))) == 10
        assert [r.code for r in svc.list_referrals(s, ReferralFilter(code="gla-2025-0002"))] == ["GLA-2025-0002"]
        ascending = svc.list_referrals(s, limit=3, sort="code", descending=False)
        assert [r.code for r in ascending] == ["BEK-2025-0001", "BEK-2025-0002", "BEK-2025-0003"]


def test_bulk_step_is_all_or_nothing(ctx):
    with ctx.transaction() as s:
        a, _ = new_referral(s)
        b, _ = new_referral(s)
        c, code_c = new_referral(s)
        move(s, c, (SCREENING, date(2025, 2, 1)))
    with pytest.raises(ValidationError) as info, ctx.transaction() as s:
        svc.bulk_add_step(s, [a, b, c], StepInput(SCREENING, date(2025, 3, 1)), today=TODAY)
    assert code_c in info.value.errors["bulk"]
    with ctx.reading() as s:
        assert svc.get_referral(s, a, TODAY).status == REFERRED
    with ctx.transaction() as s:
        assert svc.bulk_add_step(s, [a, b], StepInput(SCREENING, date(2025, 3, 1)), today=TODAY) == 2
    with ctx.reading() as s:
        assert svc.count_referrals(s, ReferralFilter(status=SCREENING)) == 3


def test_create_validates_fields(ctx):
    with ctx.transaction() as s:
        data = svc.ReferralInput(nis_code="24062", referral_date=date(2027, 1, 1), type_id=None,
                                 internal_reference="Jan Peeters")
        errors = svc.validate_referral(s, data, TODAY, creating=True)
    assert "geen deelnemende gemeente" in errors["nis_code"]  # Leuven does not take part
    assert "toekomst" in errors["referral_date"]
    assert "soort" in errors["type_id"]
    assert "naam" in errors["internal_reference"]


def test_update_changes_attributes_and_first_step_date(ctx):
    with ctx.transaction() as s:
        rid, _ = new_referral(s, when=date(2025, 1, 10))
        move(s, rid, (SCREENING, date(2025, 2, 1)))
        data = svc.get_referral(s, rid, TODAY).data
        data.referral_date = date(2025, 2, 2)
        with pytest.raises(ValidationError) as info:
            svc.update_referral(s, rid, data, today=TODAY)
        assert "volgende stap" in info.value.errors["referral_date"]
        data.referral_date = date(2025, 1, 20)
        data.leefloon = True
        svc.update_referral(s, rid, data, today=TODAY)
    with ctx.reading() as s:
        detail = svc.get_referral(s, rid, TODAY)
    assert detail.steps[0].step_date == date(2025, 1, 20) and detail.data.leefloon is True


@pytest.mark.parametrize("sort, descending", [("referral_date", True), ("code", False), ("status_date", True),
                                              ("municipality", False), ("municipality", True), ("type", False),
                                              ("status", True)])
def test_keyset_pages_equal_offset_pages(ctx, sort, descending):
    with ctx.transaction() as s:
        for i in range(23):
            rid, _ = new_referral(s, nis=BEKKEVOORT if i % 3 else GLABBEEK, when=date(2025, 1, 1 + i % 7),
                                  type_code="art60_twe" if i % 4 else "screening")
            if i % 5 == 0:
                move(s, rid, (SCREENING, date(2025, 2, 1 + i % 3)))
    with ctx.reading() as s:
        everything = svc.list_referrals(s, limit=100, sort=sort, descending=descending)
        pages, after = [], None
        while True:
            page = svc.list_referrals(s, offset=len(pages), limit=5, sort=sort, descending=descending, after=after)
            if not page:
                break
            pages += page
            after = page[-1]
    assert [r.id for r in pages] == [r.id for r in everything] and len(pages) == 23
    labels = {"municipality": lambda r: r.municipality, "type": lambda r: r.type_label,
              "code": lambda r: r.code}.get(sort)
    if labels:  # partitions follow the alphabet (reversed when descending)
        seen = list(dict.fromkeys(labels(r) for r in pages))
        assert seen == sorted(seen, reverse=descending)
