"""Reads the college report made several times in one session, now once per session while it does not write:
the participating municipalities (four sections ask), the merged municipalities, the social-economy types, the
event types an obligation counts, the MVO indicators (active ones taken from the whole list), and the three
referral counts of the plan's KPIs (one statement). Each equals the former read, gives the caller its own copy
and sees a write of the same session."""

from __future__ import annotations

from datetime import date

from sqlalchemy import event, func, select

from regisseur_app.domain.analysis.inventory import set_social_economy_types, social_economy_type_ids
from regisseur_app.domain.analysis.models import SocialEconomyType
from regisseur_app.domain.core.codelists import ORGANISATION_TYPE, CodeItem
from regisseur_app.domain.core.municipalities import Municipality, _to_data, list_municipalities, successors
from regisseur_app.domain.core.settings import get_setting
from regisseur_app.domain.events import obligations
from regisseur_app.domain.mvo.indicators import _list_indicators, list_indicators
from regisseur_app.domain.mvo.models import MvoIndicator
from regisseur_app.domain.referrals import kpi_sources as referral_sources
from regisseur_app.domain.referrals.light import REFERRAL
from regisseur_app.domain.referrals.vocabulary import REGULAR_WORK


def _former_municipalities(session, participating_only=False, current_only=False):  # noqa: ANN001, ANN202
    query = select(Municipality).order_by(Municipality.name)
    if participating_only:
        query = query.where(Municipality.participating.is_(True))
    if current_only:
        query = query.where(Municipality.successor.is_(None))
    return [_to_data(m) for m in session.scalars(query)]


def test_municipalities_equal_the_former_read_are_copies_and_see_a_write(demo_ctx):
    with demo_ctx.transaction() as session:
        for participating in (False, True):
            for current in (False, True):
                assert list_municipalities(session, participating, current) == \
                    _former_municipalities(session, participating, current)
        first = list_municipalities(session, participating_only=True)
        assert len(first) == 5
        first[0].name, first[0].successor_name = "Veranderd", "Ook veranderd"
        first.clear()
        again = list_municipalities(session, participating_only=True)
        assert again == _former_municipalities(session, True) and again[0].name != "Veranderd"
        assert successors(session) == dict(session.execute(select(Municipality.nis_code, Municipality.successor)
                                                           .where(Municipality.successor.is_not(None))).all())
        assert successors(session)  # the reference list has merged municipalities
        town = session.get(Municipality, again[0].nis_code)
        town.participating = False
        assert [m.nis_code for m in list_municipalities(session, participating_only=True)] == \
            [m.nis_code for m in again[1:]]
        session.rollback()


def test_social_economy_types_and_counting_types_see_a_write(demo_ctx):
    with demo_ctx.transaction() as session:
        former = set(session.scalars(select(CodeItem.id).where(
            CodeItem.list_name == ORGANISATION_TYPE, CodeItem.code.in_(select(SocialEconomyType.type_code)))))
        found = social_economy_type_ids(session)
        assert found == former and found
        found.clear()
        assert social_economy_type_ids(session) == former
        set_social_economy_types(session, [min(former)])
        assert social_economy_type_ids(session) == {min(former)}
        for obligation in obligations.OBLIGATIONS:
            raw = get_setting(session, obligation.setting_key, ",".join(obligation.default_codes))
            assert obligations.counting_type_codes(session, obligation) == [c.strip() for c in raw.split(",") if c]
        network = obligations.OBLIGATIONS[0]
        codes = obligations.counting_type_codes(session, network)
        extra = next(c for c in session.scalars(select(CodeItem.code).where(CodeItem.list_name == "event_type"))
                     if c not in codes)
        obligations.set_counting_types(session, network.key, [*codes, extra])
        assert obligations.counting_type_codes(session, network) == [*codes, extra]
        session.rollback()


def test_active_indicators_are_the_former_query_and_see_a_write(demo_ctx):
    with demo_ctx.transaction() as session:
        assert list_indicators(session) == _list_indicators(session, False)
        assert list_indicators(session, True) == _list_indicators(session, True)
        everything = list_indicators(session, True)
        retired = everything[len(everything) // 2]
        session.get(MvoIndicator, retired.id).active = False
        session.flush()  # forgets the kept list
        active = list_indicators(session)
        assert active == _list_indicators(session, False) and retired.id not in [i.id for i in active]
        assert len(active) == len(everything) - 1 and len(list_indicators(session, True)) == len(everything)
        session.rollback()


def _former_count(session, column, year, nis_code, *extra):  # noqa: ANN001, ANN002, ANN202
    """referrals/kpi_sources._count as it was (one statement per count)."""
    places = select(Municipality.nis_code).where(
        Municipality.participating.is_(True) if nis_code is None else Municipality.nis_code == nis_code)
    return float(session.scalar(select(func.count()).select_from(REFERRAL).where(
        column >= date(year, 1, 1), column <= date(year, 12, 31), REFERRAL.c.nis_code.in_(places), *extra)))


def test_referral_counts_equal_the_former_counts_and_are_read_once_per_session(demo_ctx):
    """Three statements (each served by its own index; one OR-ed statement read the union of the rows, ≈ 45 ms on
    the large region), each once per session."""
    with demo_ctx.reading() as session:
        places = [None, *session.scalars(select(Municipality.nis_code).where(Municipality.participating.is_(True))),
                  "00000"]
    seen = 0.0
    for year in (2023, 2024, 2025, 2026):
        for nis_code in places:
            with demo_ctx.reading() as session:
                expected = (_former_count(session, REFERRAL.c.referral_date, year, nis_code),
                            _former_count(session, REFERRAL.c.start_date, year, nis_code),
                            _former_count(session, REFERRAL.c.exit_date, year, nis_code,
                                          REFERRAL.c.exit == REGULAR_WORK))
                statements = []

                def note(_conn, _cursor, statement, *_rest, statements=statements) -> None:  # noqa: ANN001
                    statements.append(statement)

                event.listen(demo_ctx.engine, "before_cursor_execute", note)
                try:
                    got = (referral_sources.referrals_made_count(session, year, nis_code),
                           referral_sources.referrals_started_count(session, year, nis_code),
                           referral_sources.referrals_doorstroom_count(session, year, nis_code))
                    again = (referral_sources.referrals_made_count(session, year, nis_code),
                             referral_sources.referrals_started_count(session, year, nis_code),
                             referral_sources.referrals_doorstroom_count(session, year, nis_code))
                finally:
                    event.remove(demo_ctx.engine, "before_cursor_execute", note)
                assert got == expected == again, (year, nis_code)
                assert len(statements) == 3
                seen += sum(got)
                # each count is also the table's total (the KPI's figures)
                tables = (referral_sources.referrals_made, referral_sources.referrals_started,
                          referral_sources.referrals_doorstroom)
                assert tuple(float(t(session, year, nis_code).rows[-1][-1]) for t in tables) == expected
    assert seen  # the demo has referrals in these years


def _former_indicators(session, include_inactive):  # noqa: ANN001, ANN202
    """mvo.indicators._list_indicators as it was: the indicators with a selectin load of their pillars."""
    from sqlalchemy.orm import selectinload

    from regisseur_app.domain.mvo.indicators import to_data

    query = (select(MvoIndicator).join(CodeItem, MvoIndicator.pillar_id == CodeItem.id)
             .options(selectinload(MvoIndicator.pillar))
             .order_by(CodeItem.sort_order, MvoIndicator.sort_order, MvoIndicator.label, MvoIndicator.id))
    if not include_inactive:
        query = query.where(MvoIndicator.active.is_(True))
    return [to_data(row) for row in session.scalars(query)]


def test_indicators_in_one_statement_equal_the_former_load(demo_ctx):
    with demo_ctx.transaction() as session:
        for inactive in (False, True):
            assert _list_indicators(session, inactive) == _former_indicators(session, inactive)
        assert len({i.pillar for i in _list_indicators(session, True)}) > 1
        pillar = session.get(CodeItem, _list_indicators(session, True)[0].pillar_id)
        pillar.label, pillar.sort_order = "Ander label", 999
        session.flush()
        assert _list_indicators(session, True) == _former_indicators(session, True)
        assert list_indicators(session, True)[-1].pillar == "Ander label"
        session.rollback()


def test_plan_period_in_one_statement_equals_the_two_settings(demo_ctx):
    from regisseur_app.domain.core.settings import set_setting
    from regisseur_app.domain.plan import settings as plan_settings

    def former(session):  # noqa: ANN001, ANN202
        start = get_setting(session, plan_settings.START_YEAR)
        end = get_setting(session, plan_settings.END_YEAR)
        return plan_settings.PlanPeriod(int(start), int(end)) if start and end else None

    with demo_ctx.transaction() as session:
        assert plan_settings._read_period(session) == former(session) is not None
        set_setting(session, plan_settings.END_YEAR, "")
        session.flush()
        assert plan_settings._read_period(session) is None is former(session)
        set_setting(session, plan_settings.END_YEAR, "2031")
        set_setting(session, plan_settings.START_YEAR, "2024")
        session.flush()
        assert plan_settings._read_period(session) == former(session) == plan_settings.PlanPeriod(2024, 2031)
        session.rollback()


def test_counting_types_of_all_obligations_in_one_statement(demo_ctx):
    from regisseur_app.domain.core.settings import AppSetting, set_setting

    def former(session, obligation):  # noqa: ANN001, ANN202
        raw = get_setting(session, obligation.setting_key, ",".join(obligation.default_codes))
        return [c for c in (part.strip() for part in raw.split(",")) if c]

    network, mvo = obligations.OBLIGATIONS
    with demo_ctx.transaction() as session:
        session.execute(AppSetting.__table__.delete().where(
            AppSetting.key.in_([network.setting_key, mvo.setting_key])))
        for obligation in (network, mvo):  # nothing stored: the shipped defaults
            assert obligations.counting_type_codes(session, obligation) == former(session, obligation) == \
                list(obligation.default_codes)
        set_setting(session, mvo.setting_key, "mvo_event, netwerkevent,")
        session.flush()
        statements = []

        def note(_conn, _cursor, statement, *_rest) -> None:  # noqa: ANN001
            statements.append(statement)

        event.listen(demo_ctx.engine, "before_cursor_execute", note)
        try:
            found = [obligations.counting_type_codes(session, o) for o in (network, mvo, network, mvo)]
        finally:
            event.remove(demo_ctx.engine, "before_cursor_execute", note)
        assert found == [former(session, o) for o in (network, mvo, network, mvo)]
        assert found[1] == ["mvo_event", "netwerkevent"] and len(statements) == 1
        session.rollback()
