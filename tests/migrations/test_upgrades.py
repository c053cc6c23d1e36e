"""Upgrades of databases that hold data: for every earlier revision, a database at that revision with
representative rows written in plain SQL (as an older Regisseur would have left them), upgraded to the
heads, then read and changed through today's services."""

from datetime import date, datetime

import pytest
from alembic import command
from sqlalchemy import text

from regisseur_app.context import AppContext
from regisseur_app.domain.analysis import key_figures, swot
from regisseur_app.domain.core import contact_service, organisation_service
from regisseur_app.domain.core.setup import ensure_reference_data
from regisseur_app.domain.events import participants
from regisseur_app.domain.events import service as event_service
from regisseur_app.domain.referrals import queries as referral_queries
from regisseur_app.domain.referrals import service as referral_service
from regisseur_app.domain.referrals.models import SCREENING
from regisseur_app.domain.referrals.service import StepInput
from regisseur_app.storage import migrations
from tests.conftest import paths_in


def _revisions() -> list[str]:
    """Every revision. A feature's head is an earlier state too: a database at it lacks the other branches."""
    return sorted(r.revision for r in migrations._script().walk_revisions())


def _at_revision(tmp_path, revision: str) -> AppContext:
    ctx = AppContext(paths_in(tmp_path))
    cfg = migrations.alembic_config()
    with ctx.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    assert migrations.current_revisions(ctx.engine) == {revision}
    return ctx


def _core_rows(conn) -> None:  # noqa: ANN001
    conn.execute(text("INSERT INTO municipality (nis_code, name, arrondissement, province, inhabitants, postcodes,"
                      " participating) VALUES ('24008', 'Begijnendijk', 'Leuven', 'Vlaams-Brabant', 10321,"
                      " '3130', 1), ('24028', 'Geetbets', 'Leuven', 'Vlaams-Brabant', 6075, '3450', 1)"))
    conn.execute(text("INSERT INTO code_item (id, list_name, code, label, sort_order, active) VALUES"
                      " (901, 'organisation_type', 'maatwerk_oud', 'Maatwerkbedrijf (oud)', 1, 1),"
                      " (902, 'service_category', 'groen_oud', 'Groenonderhoud (oud)', 1, 1)"))
    conn.execute(text("INSERT INTO organisation (id, name, kbo_number, type_id, street, postcode, city,"
                      " seat_nis_code, target_group_employees, website, notes, archived)"
                      " VALUES (1, 'Kringwinkel Hageland', '0123456749', 901, 'Markt 1', '3130', 'Begijnendijk',"
                      " '24008', 42, '', 'sinds 1995', 0)"))
    conn.execute(text("INSERT INTO organisation_category VALUES (1, 902)"))
    conn.execute(text("INSERT INTO organisation_municipality VALUES (1, '24008'), (1, '24028')"))
    conn.execute(text("INSERT INTO contact (id, name, function, organisation_id, email, phone, notes, archived)"
                      " VALUES (1, 'An Peeters', 'coördinator', 1, 'an@example.be', '016 12 34 56', '', 0)"))
    conn.execute(text("INSERT INTO contact_municipality VALUES (1, '24008')"))


def _check_core(ctx: AppContext) -> None:
    with ctx.reading() as session:
        [row] = organisation_service.list_organisations(session)
        assert row.name == "Kringwinkel Hageland"
        assert row.contact_count == 1
        org = organisation_service.get_organisation(session, row.id)
        assert org.kbo_number == "0123.456.749" and org.target_group_employees == 42
        assert set(org.municipality_codes) == {"24008", "24028"}
        [contact] = contact_service.list_contacts(session)
        assert contact.name == "An Peeters"
    with ctx.transaction() as session:  # still writable through the services
        assert organisation_service.set_archived(session, [row.id], True) == 1
    with ctx.reading() as session:
        assert organisation_service.count_organisations(session, archived=True) == 1


def _analysis_rows(conn) -> None:  # noqa: ANN001
    indicator = conn.execute(text("SELECT id FROM key_indicator ORDER BY sort_order LIMIT 1")).scalar_one()
    conn.execute(text("INSERT INTO key_figure_value (indicator_id, nis_code, year, value) VALUES"
                      " (:i, '24008', 2023, 10321), (:i, '24028', 2023, 6075)"), {"i": indicator})
    conn.execute(text("INSERT INTO swot_item (nis_code, quadrant, text, source_kind, indicator_id, source_text,"
                      " sort_order) VALUES ('24008', 'S', 'Sterk netwerk van maatwerkbedrijven', 'eigen', NULL,"
                      " '', 1)"))


def _check_analysis(ctx: AppContext) -> None:
    with ctx.reading() as session:
        indicator = session.execute(text("SELECT id FROM key_indicator ORDER BY sort_order LIMIT 1")).scalar_one()
        values = key_figures.get_values(session, indicator)
        assert values[("24008", 2023)] == 10321 and values[("24028", 2023)] == 6075
        items = swot.list_swot(session, "24008")
        assert [i.text for i in items["S"]] == ["Sterk netwerk van maatwerkbedrijven"]
    with ctx.transaction() as session:
        assert key_figures.set_value(session, indicator, "24008", 2023, 10400) == 10321


def _events_rows(conn) -> None:  # noqa: ANN001
    type_id = conn.execute(text("SELECT id FROM code_item WHERE list_name = 'event_type' LIMIT 1")).scalar()
    if type_id is None:  # event types are reference data the app adds on open; an older app had them
        conn.execute(text("INSERT INTO code_item (id, list_name, code, label, sort_order, active)"
                          " VALUES (903, 'event_type', 'netwerk_oud', 'Netwerkmoment (oud)', 1, 1)"))
        type_id = 903
    conn.execute(text("INSERT INTO event (id, uid, title, type_id, starts_at, ends_at, location, description,"
                      " capacity, status, report, ics_sequence) VALUES (1, 'oud-1@regisseur', 'Netwerkontbijt',"
                      " :t, '2025-03-14 08:30:00.000000', '2025-03-14 10:00:00.000000', 'Gemeentehuis', '', 1,"
                      " 'gepland', '', 0)"), {"t": type_id})
    conn.execute(text("INSERT INTO event_municipality VALUES (1, '24008')"))
    conn.execute(text("INSERT INTO event_participant (id, event_id, contact_id, status, role, invited_at,"
                      " status_changed_at, checked_in_at, note) VALUES (1, 1, 1, 'ingeschreven', 'deelnemer',"
                      " '2025-03-01 09:00:00.000000', '2025-03-01 09:00:00.000000', NULL, '')"))


def _check_events(ctx: AppContext) -> None:
    with ctx.reading() as session:
        [row] = event_service.list_events(session)
        assert row.title == "Netwerkontbijt"
        assert event_service.get_event(session, row.id).starts_at == datetime(2025, 3, 14, 8, 30)
        [participant] = participants.list_participants(session, row.id)
        assert participant.name == "An Peeters"
    with ctx.transaction() as session:
        participants.check_in(session, participant.id, now=datetime(2025, 3, 14, 8, 40))
    with ctx.reading() as session:
        assert participants.list_participants(session, row.id)[0].status == "aanwezig"


def _referrals_rows(conn) -> None:  # noqa: ANN001
    type_id = conn.execute(text("SELECT id FROM code_item WHERE list_name = 'referral_type' LIMIT 1")).scalar()
    if type_id is None:
        conn.execute(text("INSERT INTO code_item (id, list_name, code, label, sort_order, active)"
                          " VALUES (904, 'referral_type', 'maatwerk_oud', 'Maatwerk (oud)', 1, 1)"))
        type_id = 904
    conn.execute(text("INSERT INTO referral (id, code, nis_code, internal_reference, referral_date, type_id,"
                      " status, status_date) VALUES (1, 'BEG-2025-0001', '24008', 'dossier 7', '2025-02-03',"
                      " :t, 'doorverwezen', '2025-02-03')"), {"t": type_id})
    conn.execute(text("INSERT INTO referral_step (referral_id, position, status, step_date, note)"
                      " VALUES (1, 1, 'doorverwezen', '2025-02-03', '')"))


def _check_referrals(ctx: AppContext) -> None:
    with ctx.reading() as session:
        [row] = referral_queries.list_referrals(session)
        assert row.code == "BEG-2025-0001"
        detail = referral_service.get_referral(session, row.id, today=date(2025, 3, 1))
        assert detail.data.referral_date == date(2025, 2, 3) and detail.municipality == "Begijnendijk"
    with ctx.transaction() as session:
        referral_service.add_step(session, row.id, StepInput(SCREENING, date(2025, 2, 10), ""),
                                  today=date(2025, 3, 1))
    with ctx.reading() as session:
        assert referral_service.get_referral(session, row.id, today=date(2025, 3, 1)).status == SCREENING


# revision -> (rows written at that revision in plain SQL, the check after the upgrade)
FEATURE_DATA = {
    "0002_analysis": (_analysis_rows, _check_analysis),
    "0003_events": (_events_rows, _check_events),
    "0004_referrals": (_referrals_rows, _check_referrals),
}


@pytest.mark.parametrize("revision", _revisions())
def test_database_with_data_at_an_earlier_revision_upgrades(tmp_path, revision):
    if {revision} == migrations.head_revisions():
        pytest.skip("the only head: nothing to upgrade")
    ctx = _at_revision(tmp_path, revision)
    try:
        rows, check = FEATURE_DATA.get(revision, (None, None))
        with ctx.engine.begin() as conn:
            _core_rows(conn)
            if rows is not None:
                rows(conn)
        assert migrations.needs_upgrade(ctx.engine)
        migrations.upgrade_to_head(ctx.engine)
        assert migrations.current_revisions(ctx.engine) == migrations.head_revisions()
        with ctx.transaction() as session:
            ensure_reference_data(session)
        if check is not None:
            check(ctx)
        _check_core(ctx)
    finally:
        ctx.close()
