"""The Overzicht header's figures in two queries give what the services count one by one."""

from __future__ import annotations

from regisseur_app.domain.core import contact_service, municipalities, organisation_service
from regisseur_app.domain.core.contact_service import set_contacts_archived
from regisseur_app.domain.core.organisation_service import OrganisationInput, save_organisation
from regisseur_app.domain.core.overview import header_figures
from tests.unit.events_support import contact, org, type_id


def _services(session) -> dict:
    return {"municipalities": [m.name for m in municipalities.list_municipalities(session, participating_only=True)],
            "organisations": organisation_service.count_organisations(session),
            "target_group": organisation_service.known_target_group_employees(session),
            "contacts": contact_service.count_contacts(session)}


def test_header_figures_equal_the_services(ctx):
    with ctx.transaction() as s:
        empty = header_figures(s)
        assert empty == _services(s)
        assert (empty["organisations"], empty["target_group"], empty["contacts"]) == (0, 0, 0)
        kind = type_id(s, "organisation_type", "maatwerkbedrijf")
        first = save_organisation(s, OrganisationInput("Maatwerk A", kind, target_group_employees=12))
        save_organisation(s, OrganisationInput("Maatwerk B", kind, target_group_employees=None))
        save_organisation(s, OrganisationInput("Oud C", kind, target_group_employees=40, archived=True))
        org(s, "Kringwinkel D", "kringwinkel")
        kept = contact(s, "An Peeters", first)
        gone = contact(s, "Bart Claes", first)
        set_contacts_archived(s, [gone], True)
        contact_service.erase_contacts(s, [contact(s, "Cas Wouters")])
        figures = header_figures(s)
        assert figures == _services(s)
        assert (figures["organisations"], figures["target_group"], figures["contacts"]) == (3, 12, 1)
        assert kept
