"""The KBO register after an import: browsing in SQL, SE candidates and their rules, the inventory review,
key figures per NACE section and municipality, matchmaking (export, invitation)."""

from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from regisseur_app.domain.analysis import comparison, indicators
from regisseur_app.domain.core.codelists import ORGANISATION_TYPE, SERVICE_CATEGORY, list_items
from regisseur_app.domain.core.organisation_service import OrganisationInput, get_organisation, save_organisation
from regisseur_app.domain.core.organisations import Contact, Organisation
from regisseur_app.domain.events.models import EventParticipant
from regisseur_app.domain.kbo import candidates, inventory_link, matchmaking, queries
from regisseur_app.domain.kbo.queries import EnterpriseFilter
from regisseur_app.exchange.kbo.export import export_enterprises
from regisseur_app.operations import kbo as ops
from tests.unit.events_support import event as make_event
from tests.unit.kbo_support import INV, A, B, E, G, H, digits, region_extract


@pytest.fixture
def loaded(ctx, tmp_path):
    ops.import_extract(ctx, region_extract().write(tmp_path / "extract"))
    return ctx


def _names(ctx, filt, sort="name", descending=False):
    with ctx.reading() as s:
        return [r.name for r in queries.list_enterprises(s, filt, sort=sort, descending=descending)]


def test_filters_search_and_sorting(loaded):
    everything = _names(loaded, EnterpriseFilter())
    assert everything == ["Bouwbedrijf Peeters", "Digitaal Samen", 'Groen & Co, "de tuinier"', "Kringloop Hageland"]
    assert "Oude Bakkerij" in _names(loaded, EnterpriseFilter(active_only=False))
    assert _names(loaded, EnterpriseFilter(text="kringlóóp")) == ["Kringloop Hageland"]      # accents ignored
    assert _names(loaded, EnterpriseFilter(text=A)) == ["Kringloop Hageland"]           # by number
    assert _names(loaded, EnterpriseFilter(nis_code="24054")) == ["Bouwbedrijf Peeters", 'Groen & Co, "de tuinier"']
    assert _names(loaded, EnterpriseFilter(division="81")) == ['Groen & Co, "de tuinier"']
    assert _names(loaded, EnterpriseFilter(section=("2008", "G"))) == ["Kringloop Hageland"]
    assert _names(loaded, EnterpriseFilter(nace_prefix="41.2")) == ["Bouwbedrijf Peeters"]
    assert _names(loaded, EnterpriseFilter(juridical_form="014")) == ["Bouwbedrijf Peeters",
                                                                      'Groen & Co, "de tuinier"']
    assert _names(loaded, EnterpriseFilter(start_year_from=2015)) == ["Digitaal Samen", 'Groen & Co, "de tuinier"']
    assert _names(loaded, EnterpriseFilter(), sort="start", descending=True)[0] == "Digitaal Samen"
    with loaded.reading() as s:
        assert queries.count_enterprises(s, EnterpriseFilter(with_email=True)) == 3
        choices = [c.label for c in queries.section_choices(s)]
        forms = [c.label for c in queries.form_choices(s)]
        row = queries.get_enterprise(s, digits(B))
    assert any("81 — Diensten in verband met gebouwen" in c for c in choices)   # Dutch, from code.csv
    assert "Naamloze vennootschap" in forms
    assert row.municipalities == "Geetbets, Kortenaken" and row.nace_label == "Landschapsverzorging"


def test_keyset_pages_follow_each_other(loaded):
    with loaded.reading() as s:
        first = queries.list_enterprises(s, EnterpriseFilter(), limit=2)
        second = queries.list_enterprises(s, EnterpriseFilter(), limit=2, after=first[-1])
    assert [r.name for r in first + second] == _names(loaded, EnterpriseFilter())


def test_candidates_with_the_rule_that_matched(loaded):
    with loaded.reading() as s:
        found = candidates.candidate_numbers(s)
        rules = candidates.matched_rules(s, sorted(found))
    assert found == {digits(A), digits(B), digits(G)}       # E is stopped, H is construction
    assert rules[digits(A)] == ["NACE 47.79 detailhandel in tweedehandsgoederen (47.790)"]
    assert rules[digits(B)] == ["NACE 81.3 landschapsverzorging (81.300)"]
    assert rules[digits(G)] == ["Rechtsvorm: sociaal oogmerk"]


def test_one_click_adds_a_candidate_with_everything_prefilled(loaded):
    org_id = ops.add_to_inventory(loaded, digits(B))
    with loaded.reading() as s:
        data = get_organisation(s, org_id)
        groen = [c.id for c in list_items(s, SERVICE_CATEGORY) if c.code == "groenonderhoud"]
        assert queries.get_enterprise(s, digits(B)).organisation_id == org_id
        assert queries.count_enterprises(s, EnterpriseFilter(in_inventory=True)) == 1
    assert data.name == 'Groen & Co, "de tuinier"' and data.kbo_number == B
    assert (data.street, data.postcode, data.city) == ("Bondgenotenlaan 1", "3000", "Leuven")
    assert data.municipality_codes == ["24028", "24054"]
    assert data.category_ids == groen                  # from '→ Groenonderhoud' of the rule
    assert "tuin@groenco.be" in data.notes
    with pytest.raises(Exception, match="staat al in de inventaris"):
        ops.add_to_inventory(loaded, digits(B))


def test_inventory_review_lists_stopped_and_moved_and_can_fix(ctx, tmp_path):
    with ctx.transaction() as s:
        type_id = list_items(s, ORGANISATION_TYPE)[0].id
        moved = save_organisation(s, OrganisationInput(name="Schoonmaak Vandenberghe", type_id=type_id,
                                                       kbo_number=INV, street="Kerkstraat 1", postcode="3460",
                                                       city="Bekkevoort"))
        stopped = save_organisation(s, OrganisationInput(name="Bakkerij (oud)", type_id=type_id, kbo_number=E,
                                                         street="Markt 1", postcode="3390", city="Tielt-Winge"))
        same = save_organisation(s, OrganisationInput(name="Kringloop", type_id=type_id, kbo_number=A,
                                                      street="Staatsbaan 12", postcode="3460", city="Bekkevoort"))
    ops.import_extract(ctx, region_extract().write(tmp_path / "x"))
    with ctx.reading() as s:
        rows = {r.id: r for r in inventory_link.review(s)}
    assert set(rows) == {moved, stopped} and same not in rows
    assert rows[stopped].kind == "stopped" and rows[moved].kind == "moved"
    assert "Naamsestraat 80" in rows[moved].kbo_address
    ops.take_over_seat(ctx, moved)
    ops.archive_stopped(ctx, [stopped])
    with ctx.reading() as s:
        assert inventory_link.review(s) == []
        assert s.get(Organisation, moved).postcode == "3000"


def test_key_figures_per_section_and_municipality(loaded):
    with loaded.reading() as s:
        found = {i.code: i for i in indicators.list_indicators(s)}
        assert "kbo_total" in found and "kbo_2025_N" not in found
        retail = found["kbo_2025_G"]                 # A (2025 main code)
        shops = found["kbo_2008_I"]                  # Marie Peeters, counted only
        total = comparison.compare(s, found["kbo_total"].id, date.today().year)
        horeca = comparison.compare(s, shops.id, date.today().year)
        retail_rows = comparison.compare(s, retail.id, date.today().year)
    by_name = {r.name: r.value for r in total.rows}
    # Bekkevoort: A + Jan Janssens; Kortenaken: B (establishment) + H; Geetbets: B; Glabbeek: G + Marie;
    # Tielt-Winge: Marie's establishment (E is stopped)
    assert by_name["Bekkevoort"] == 2 and by_name["Kortenaken"] == 2 and by_name["Geetbets"] == 1
    assert by_name["Glabbeek"] == 2 and by_name["Tielt-Winge"] == 1
    assert by_name["Regio (totaal)"] == 6             # B and Marie once each
    assert {r.name: r.value for r in horeca.rows}["Regio (totaal)"] == 1
    assert {r.name: r.value for r in retail_rows.rows}["Bekkevoort"] == 1
    per_1000 = {r.name: r.per_1000 for r in total.rows}["Bekkevoort"]
    assert per_1000 == pytest.approx(2 / 6332 * 1000)
    assert any("KBO" in note for note in total.notes)


def test_matchmaking_export_and_invitation_through_a_marked_contact(loaded, tmp_path):
    with loaded.reading() as s:
        filt = matchmaking.regular_filter(s, EnterpriseFilter(with_email=True))
        rows = queries.list_enterprises(s, filt)
    assert [r.name for r in rows] == ["Bouwbedrijf Peeters"]   # A and B are SE candidates
    export_enterprises(rows, tmp_path / "matchmaking.xlsx", "Matchmaking")
    sheet = load_workbook(tmp_path / "matchmaking.xlsx").active
    assert [c.value for c in sheet[2]][:2] == [H, "Bouwbedrijf Peeters"]
    with loaded.transaction() as s:
        event_id = make_event(s)
    result = ops.invite_companies(loaded, event_id, [digits(H), digits(G)])
    assert result.organisations_created == 1 and result.contacts_created == 1
    assert result.without_email == ["Digitaal Samen"]
    again = ops.invite_companies(loaded, event_id, [digits(H)])
    assert again.contacts_created == 0 and again.result.duplicates
    with loaded.reading() as s:
        contact = s.scalar(select(Contact).where(Contact.email == "offerte@bouwpeeters.be"))
        assert contact.name == "Bouwbedrijf Peeters (algemeen adres)" and "Geen persoon" in contact.notes
        assert contact.organisation.type.code == "regulier"
        assert s.scalar(select(EventParticipant.contact_id).where(EventParticipant.event_id == event_id)) == contact.id


@pytest.mark.parametrize("filt", [EnterpriseFilter(division="81"), EnterpriseFilter(section=("2008", "G")),
                                  EnterpriseFilter(nace_prefix="41.2"), EnterpriseFilter(nis_code="24054"),
                                  EnterpriseFilter(nis_code="24054", division="41", active_only=False)])
def test_a_page_probed_per_enterprise_equals_the_list_of_matches(loaded, filt):
    """A common filter's page probes per enterprise (EXISTS), a rare one uses the list of matches (IN)."""
    with loaded.reading() as s:
        listed = queries.list_enterprises(s, filt)
        probed = queries.list_enterprises(s, filt, total=queries.COMMON)
        counted = queries.count_enterprises(s, filt)
    assert probed == listed and len(listed) == counted > 0
