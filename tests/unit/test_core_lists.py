"""The organisation and contact lists as the screens read them: ids in SQL order, rows per page, on a real file.

Every sort is checked against the order a person would expect from the shown text (Python, case and accents
folded), so a wrong SQL key or join shows up as a different order."""

import pytest

from regisseur_app.domain.core import codelists, contact_list, organisation_list, organisation_service
from regisseur_app.domain.core.contact_list import ContactFilter
from regisseur_app.domain.core.contact_service import ContactInput, save_contact, set_contacts_archived, surname_key
from regisseur_app.domain.core.organisation_list import OrganisationFilter
from regisseur_app.domain.core.organisation_service import OrganisationInput
from regisseur_app.storage.engine import fold


def _items(session, list_name):
    return {i.code: i.id for i in codelists.list_items(session, list_name)}


@pytest.fixture
def region(app_ctx):
    """Six organisations with different types, places, municipalities, categories and contacts."""
    with app_ctx.transaction() as s:
        types, cats = _items(s, codelists.ORGANISATION_TYPE), _items(s, codelists.SERVICE_CATEGORY)
        specs = [  # name, type, kbo, city, seat, active in, categories, target group, contacts
            ("Groen Werkt vzw", "maatwerkbedrijf", "0403.170.701", "Bekkevoort", "24008", ["24137", "24008"],
             ["groenonderhoud"], 42, 3),
            ("épicerie Sociale", "kringwinkel", "", "", "24137", ["24028"], [], None, 0),
            ("Atelier Zuid", "arbeidszorg", "0202.239.951", "Tielt", None, [], ["groenonderhoud", "kinderopvang"],
             7, 1),
            ("bakkerij de Groene Korst", "maatwerkbedrijf", "", "Geetbets", "24028", ["24054", "24135", "24028"],
             ["catering"], 120, 2),
            ("Zorgboerderij Hoeve", "kennisinstelling", "", "Kortenaken", None, ["24054"], [], 0, 0),
            ("Kringwinkel Hageland", "kringwinkel", "0403.053.608", "", None, ["24135"], ["kinderopvang"], 15, 1),
        ]
        ids = {}
        for name, type_code, kbo, city, seat, active, categories, target, contacts in specs:
            oid = organisation_service.save_organisation(s, OrganisationInput(
                name=name, type_id=types[type_code], kbo_number=kbo, city=city, seat_nis_code=seat,
                municipality_codes=active, category_ids=[cats[c] for c in categories],
                target_group_employees=target))
            ids[name] = oid
            for n in range(contacts):
                save_contact(s, ContactInput(name=f"Contact {n} van {name}", organisation_id=oid))
        archived_contact = save_contact(s, ContactInput(name="Oud Contact", organisation_id=ids["Atelier Zuid"]))
        set_contacts_archived(s, [archived_contact], True)  # not counted
        old = organisation_service.save_organisation(s, OrganisationInput("Gearchiveerde Groenploeg", types["andere"]))
        organisation_service.set_archived(s, [old], True)
    return ids


def _shown(row, sort):
    return {"name": row.name, "type": row.type_label, "kbo_number": row.kbo_number, "place": row.city or row.seat_name,
            "municipalities": row.municipalities, "categories": row.categories,
            "target_group_employees": row.target_group_employees, "contacts": row.contact_count}[sort]


@pytest.mark.parametrize("sort", organisation_list.SORTS)
@pytest.mark.parametrize("descending", [False, True])
def test_every_organisation_column_sorts_in_sql_like_the_shown_text(app_ctx, region, sort, descending):
    with app_ctx.reading() as s:
        ids = organisation_list.organisation_ids(s, OrganisationFilter(), sort, descending)
        rows = organisation_list.organisation_rows(s, ids)
    assert [r.id for r in rows] == ids and len(ids) == 6  # the archived one is not in the active list

    def key(row):
        value = _shown(row, sort)
        first = (-1 if value is None else value) if sort in ("target_group_employees", "contacts") else fold(value)
        return first, fold(row.name)

    assert [key(r) for r in rows] == sorted((key(r) for r in rows), reverse=descending)


def test_organisation_rows_show_relations_in_alphabetical_order_and_count_active_contacts(app_ctx, region):
    with app_ctx.reading() as s:
        rows = {r.name: r for r in organisation_list.list_organisations(s)}
    groen = rows["Groen Werkt vzw"]
    assert (groen.municipalities, groen.categories, groen.contact_count) == ("Bekkevoort, Glabbeek",
                                                                            "Groenonderhoud", 3)
    assert rows["Atelier Zuid"].contact_count == 1  # the archived contact is left out
    assert rows["Atelier Zuid"].categories == "Groenonderhoud, Kinderopvang"
    assert rows["épicerie Sociale"].seat_name == "Glabbeek" and rows["épicerie Sociale"].kbo_number == ""


def test_organisation_filters_and_count(app_ctx, region):
    with app_ctx.reading() as s:
        cats = _items(s, codelists.SERVICE_CATEGORY)

        def names(**kwargs):
            ids = organisation_list.organisation_ids(s, OrganisationFilter(**kwargs))
            return [r.name for r in organisation_list.organisation_rows(s, ids)]

        assert names(text="GROEN") == ["bakkerij de Groene Korst", "Groen Werkt vzw"]  # name, accents/case folded
        assert names(text="epicerie") == ["épicerie Sociale"]
        assert names(text="tielt") == ["Atelier Zuid"]  # the city
        assert names(text="0403") == ["Groen Werkt vzw", "Kringwinkel Hageland"]  # digits of the KBO number
        assert names(text="groen\\") == []  # no wildcard, no error
        assert names(nis_code="24137") == ["épicerie Sociale", "Groen Werkt vzw"]  # seat or active in
        assert names(category_id=cats["kinderopvang"]) == ["Atelier Zuid", "Kringwinkel Hageland"]
        assert names(text="groen", archived=True) == ["Gearchiveerde Groenploeg"]
        assert names(text="groen", category_id=cats["catering"]) == ["bakkerij de Groene Korst"]


def test_rows_keep_the_order_asked_and_skip_unknown_ids(app_ctx, region):
    wanted = [region["Zorgboerderij Hoeve"], 999_999, region["Atelier Zuid"]]
    with app_ctx.reading() as s:
        assert [r.name for r in organisation_list.organisation_rows(s, wanted)] == ["Zorgboerderij Hoeve",
                                                                                   "Atelier Zuid"]


@pytest.mark.parametrize("sort", contact_list.SORTS)
@pytest.mark.parametrize("descending", [False, True])
def test_every_contact_column_sorts_in_sql(app_ctx, sort, descending):
    with app_ctx.transaction() as s:
        types = _items(s, codelists.ORGANISATION_TYPE)
        a = organisation_service.save_organisation(s, OrganisationInput("Zeta", types["andere"]))
        b = organisation_service.save_organisation(s, OrganisationInput("Alfa", types["andere"]))
        people = [("An Van den Broeck", "coach", a, "an@x.be", "016 11 22 33", ["24008"]),
                  ("Jan Peeters", "Directeur", b, "jan@x.be", "", ["24137", "24028"]),
                  ("Bart Claes", "", None, "", "0470 12 34 56", []),
                  ("ann claes", "Ëxpert", a, "ann@x.be", "016 99 88 77", ["24054"]),
                  ("Madonna", "zangeres", None, "m@x.be", "", ["24028"])]
        for name, function, org, email, phone, munis in people:
            save_contact(s, ContactInput(name=name, function=function, organisation_id=org, email=email, phone=phone,
                                         municipality_codes=munis))
    with app_ctx.reading() as s:
        ids = contact_list.contact_ids(s, ContactFilter(), sort, descending)
        rows = contact_list.contact_rows(s, ids)
    assert len(rows) == 5

    def key(row):
        shown = {"name": "", "function": row.function, "organisation": row.organisation_name, "email": row.email,
                 "phone": row.phone, "municipalities": row.municipalities}[sort]
        return fold(shown), surname_key(row.name)

    assert [key(r) for r in rows] == sorted((key(r) for r in rows), reverse=descending)
    if sort == "name" and not descending:  # single names first, then on the last name
        assert [r.name for r in rows] == ["Madonna", "ann claes", "Bart Claes", "Jan Peeters", "An Van den Broeck"]


def test_contact_search_and_filters(app_ctx):
    with app_ctx.transaction() as s:
        types = _items(s, codelists.ORGANISATION_TYPE)
        groen = organisation_service.save_organisation(s, OrganisationInput("Groenploeg Hageland", types["andere"]))
        save_contact(s, ContactInput(name="Els Maes", organisation_id=groen, municipality_codes=["24008"]))
        save_contact(s, ContactInput(name="Jef Groenen", municipality_codes=["24137"]))
        save_contact(s, ContactInput(name="Mia Peeters", function="Coördinator groen", email="mia@x.be"))
        save_contact(s, ContactInput(name="Tom Wouters", email="tom@groenwerk.be"))
        save_contact(s, ContactInput(name="Piet Janssens"))
    with app_ctx.reading() as s:
        def names(**kwargs):
            return [r.name for r in contact_list.contact_rows(s, contact_list.contact_ids(s, ContactFilter(**kwargs)))]

        assert names(text="groen") == ["Jef Groenen", "Els Maes", "Mia Peeters", "Tom Wouters"]
        assert names(text="coordinator") == ["Mia Peeters"]  # accents folded
        assert names(nis_code="24137") == ["Jef Groenen"]
        assert names(organisation_id=groen) == ["Els Maes"]
        assert names(text="groen", nis_code="24008") == ["Els Maes"]
