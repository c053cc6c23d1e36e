"""The organisation import checks rows a column at a time, and takes over the check of the preview the user just
saw when nothing changed since: the same messages as the dialog's validator row by row, and a fresh check
whenever the data, the table, the mapping or the choice for existing organisations differ (real SQLite)."""

import pytest
from sqlalchemy import func, select

from regisseur_app.domain.core import codelists
from regisseur_app.domain.core import organisation_service as orgs
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.core.settings import data_generation
from regisseur_app.exchange.core import org_import
from regisseur_app.exchange.core.org_import import ORGANISATION_FIELDS, import_organisations, preview_organisations
from regisseur_app.exchange.importing import guess_mapping
from regisseur_app.exchange.tabular import read_table
from regisseur_app.storage.bulk import insert_many

HEADER = "Naam;KBO-nummer;Type;Zetelgemeente;Actief in;Doelgroepwerknemers;Website;Opmerkingen\n"


def _table(tmp_path, lines, name="orgs.csv"):
    path = tmp_path / name
    path.write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")
    table = read_table(path)
    return table, guess_mapping(table.headers, ORGANISATION_FIELDS)


def _type_id(session, code="maatwerkbedrijf"):
    return next(i.id for i in codelists.list_items(session, codelists.ORGANISATION_TYPE) if i.code == code)


def _count(ctx):
    with ctx.reading() as session:
        return session.scalar(select(func.count()).select_from(Organisation))


@pytest.fixture
def analyses(monkeypatch):
    """How often the rows were checked (the real check runs; it is only counted)."""
    calls = []
    real = org_import._analyse

    def counted(*args, **kwargs):
        calls.append(args[1].source)  # not the table itself: a test lets it go
        return real(*args, **kwargs)

    monkeypatch.setattr(org_import, "_analyse", counted)
    org_import._LAST.clear()
    return calls


def test_the_column_check_gives_what_the_dialogs_validator_gives_row_by_row(ctx):
    with ctx.transaction() as session:
        kind = _type_id(session)
        owner = orgs.save_organisation(session, orgs.OrganisationInput("Eigenaar", kind, kbo_number="0403170701"))
        inputs = [
            orgs.OrganisationInput("Goed", kind, street="Straat 1", postcode="3460", website="www.goed.be"),
            orgs.OrganisationInput("", None, postcode="346", website="geen adres", target_group_employees=-1),
            orgs.OrganisationInput("  ", kind, kbo_number="0403.170.701", seat_nis_code="99999"),
            orgs.OrganisationInput("x" * 201, kind, kbo_number="0403170702", municipality_codes=["24008", "00000"]),
            orgs.OrganisationInput("Zelf", kind, kbo_number="BE0403170701", category_ids=[999_999]),
            orgs.OrganisationInput("Privé 85.07.30-033.28", kind, street="85073003328", city="Zoë 85 07 30 033 28",
                                   notes="klant 85073003328", website="85073003328"),
            orgs.OrganisationInput("Café ١٢", kind, notes="ok 12.34.56-789.01", target_group_employees=100_001),
            orgs.OrganisationInput("Laatste", 999_999, kbo_number="12", city="Leuven"),
        ]
        own = [None, None, None, None, owner, None, None, None]
        look = orgs.database_lookups(session)
        expected = {i: errors for i, (data, own_id) in enumerate(zip(inputs, own, strict=True))
                    if (errors := _one_by_one(session, data, own_id))}
        columns = {key: [getattr(data, key) for data in inputs] for key in orgs.CHECKED}
        got = orgs.validate_organisations(columns, own, look)
    assert got == expected
    assert [list(got[i]) for i in sorted(got)] == [list(expected[i]) for i in sorted(expected)]  # in the same order
    assert 0 not in got and list(got[4]) == ["category_ids"]  # a good row; the owner's own KBO number is no error
    assert set(got[5]) == {"name", "street", "city", "website", "notes"}  # a national number in every free text


def _one_by_one(session, data, own_id):
    """validate_organisation as it was before the columns: every rule on this one input."""
    from regisseur_app.domain.core.validation import check_no_national_number, format_kbo, normalize_kbo

    look = orgs.database_lookups(session)
    errors = {}
    name = (data.name or "").strip()
    if not name:
        errors["name"] = "Vul de naam van de organisatie in."
    elif len(name) > 200:
        errors["name"] = "De naam is te lang (maximaal 200 tekens)."
    if (data.kbo_number or "").strip():
        try:
            kbo = normalize_kbo(data.kbo_number)
        except ValueError as exc:
            errors["kbo_number"] = str(exc)
        else:
            other = look.kbo_owner(kbo)
            if other is not None and other[0] != own_id:
                errors["kbo_number"] = f"KBO-nummer {format_kbo(kbo)} is al gebruikt door '{other[1]}'."
    if not data.type_id or not look.is_type(data.type_id):
        errors["type_id"] = "Kies een type organisatie."
    if data.postcode and not orgs.POSTCODE_PATTERN.fullmatch(data.postcode.strip()):
        errors["postcode"] = f"Postcode '{data.postcode}' is geen Belgische postcode (4 cijfers, 1000-9999)."
    if data.seat_nis_code and not look.is_municipality(data.seat_nis_code):
        errors["seat_nis_code"] = f"Onbekende gemeente (NIS-code {data.seat_nis_code})."
    unknown = [code for code in data.municipality_codes if not look.is_municipality(code)]
    if unknown:
        errors["municipality_codes"] = f"Onbekende gemeente(n): {', '.join(unknown)}."
    if not all(look.is_category(item_id) for item_id in data.category_ids):
        errors["category_ids"] = "Een gekozen dienstencategorie bestaat niet meer."
    if data.target_group_employees is not None and not 0 <= data.target_group_employees <= 100_000:
        errors["target_group_employees"] = "Het aantal doelgroepwerknemers moet tussen 0 en 100.000 liggen."
    if data.website and not orgs.WEBSITE_PATTERN.match(data.website.strip()):
        errors["website"] = f"'{data.website}' is geen geldig webadres (bv. www.voorbeeld.be)."
    check_no_national_number({"name": data.name, "street": data.street, "city": data.city, "website": data.website,
                              "notes": data.notes}, errors)
    return errors


def test_plain_rows_are_the_dialogs_column_values():
    inputs = [orgs.OrganisationInput(" A ", 3, kbo_number="BE 0403.170.701", street=" s ", postcode="3460 ",
                                     city="c", seat_nis_code="", target_group_employees=4, website=" w ", notes=" n "),
              orgs.OrganisationInput("B", 5, archived=True)]
    columns = {key: [getattr(data, key) for data in inputs] for key in orgs.INPUT}
    assert orgs.plain_rows(columns) == [tuple(orgs.column_values(data).values()) for data in inputs]
    assert orgs.plain_rows(columns)[0][:3] == ("A", "0403170701", 3)


def test_the_import_takes_over_the_preview_when_nothing_changed(ctx, tmp_path, analyses):
    table, mapping = _table(tmp_path, ["Een;;Maatwerkbedrijf;Bekkevoort;Geetbets;3;www.een.be;",
                                       "Twee;0403.170.701;Kringwinkel;;;;;"])
    with ctx.reading() as session:  # as the dialog: the preview in a reading session, on a worker thread
        preview = preview_organisations(session, table, mapping)
    assert preview.new_count == 2 and len(analyses) == 1
    with ctx.transaction() as session:  # Importeren: the operation's transaction
        result = import_organisations(session, table, mapping)
    assert (result.created, len(analyses)) == (2, 1)  # not checked again
    with ctx.reading() as session:
        rows = {row.name: row for row in orgs.list_organisations(session)}
    assert rows["Een"].municipalities == "Geetbets" and rows["Een"].seat_name == "Bekkevoort"
    assert rows["Twee"].kbo_number == "0403.170.701" and rows["Een"].target_group_employees == 3
    with ctx.transaction() as session:  # taken once: the same file again is checked again (and now skipped)
        assert import_organisations(session, table, mapping).skipped == 2
    assert len(analyses) == 2


def test_a_change_after_the_preview_is_checked_again(ctx, tmp_path, analyses):
    table, mapping = _table(tmp_path, ["Een;;Maatwerkbedrijf;;;;;", "Twee;;Maatwerkbedrijf;;;;;"])
    with ctx.reading() as session:
        assert preview_organisations(session, table, mapping).new_count == 2
    with ctx.transaction() as session:  # meanwhile (another window, an undo): 'Twee' now exists
        orgs.save_organisation(session, orgs.OrganisationInput("Twee", _type_id(session)))
    with ctx.transaction() as session:
        result = import_organisations(session, table, mapping)
    assert (result.created, result.skipped, len(analyses)) == (1, 1, 2)
    assert _count(ctx) == 2  # no second 'Twee'


@pytest.mark.parametrize("differs", ["mapping", "choice", "table", "own change"])
def test_anything_else_that_differs_is_checked_again(ctx, tmp_path, analyses, differs):
    table, mapping = _table(tmp_path, ["Een;;Maatwerkbedrijf;;;;;"])
    with ctx.transaction() as session:
        if differs == "own change":  # the preview's own transaction changed data: its generation is its own
            orgs.save_organisation(session, orgs.OrganisationInput("Ander", _type_id(session)))
        preview_organisations(session, table, mapping)
    on_duplicate = "skip"
    if differs == "mapping":
        mapping = {**mapping, "website": None, "notes": mapping["website"]}
    elif differs == "choice":
        on_duplicate = "update"
    elif differs == "table":
        table, mapping = _table(tmp_path, ["Een;;Maatwerkbedrijf;;;;;"], "zelfde.csv")
    with ctx.transaction() as session:
        assert import_organisations(session, table, mapping, on_duplicate).created == 1
    assert len(analyses) == 2


def test_an_error_in_the_taken_over_preview_still_writes_nothing(ctx, tmp_path, analyses):
    table, mapping = _table(tmp_path, ["Een;;Maatwerkbedrijf;;;;;", "Twee;;Bakkerij;;;;;"])
    with ctx.reading() as session:
        assert preview_organisations(session, table, mapping).error_count == 1
    with pytest.raises(Exception, match="rij 3, Type: 'Bakkerij' is geen gekend type"):
        with ctx.transaction() as session:
            import_organisations(session, table, mapping)
    assert _count(ctx) == 0 and len(analyses) == 1


def test_a_bulk_insert_counts_in_the_data_generation_and_writes_constants_once(ctx):
    with ctx.reading() as session:
        before = data_generation(session)
    with ctx.transaction() as session:
        kind = _type_id(session)
        insert_many(session, Organisation.__table__, ["id", "name", "type_id"], [(901, "A", kind), (902, "B", kind)],
                    processed=True, constants={"street": "", "postcode": "", "city": "", "website": "", "notes": "",
                                               "archived": False, "kbo_number": None})
    with ctx.reading() as session:
        assert data_generation(session) == before + 1
        rows = session.execute(select(Organisation.id, Organisation.name, Organisation.archived,
                                      Organisation.kbo_number, Organisation.notes).order_by(Organisation.id)).all()
    assert [tuple(row) for row in rows] == [(901, "A", False, None, ""), (902, "B", False, None, "")]


def test_web_addresses_checked_all_at_once_find_the_bad_ones_in_any_block(ctx):
    with ctx.reading() as session:
        kind = _type_id(session)
        look = orgs.database_lookups(session)
        websites = [f"www.organisatie-{i}.be" for i in range(1203)]
        websites[700], websites[1202], websites[3] = "geen adres", "www.a.be\nwww.b.be", ""  # two bad, one empty
        columns = {key: [getattr(orgs.OrganisationInput(f"Org {i}", kind), key) for i in range(1203)]
                   for key in orgs.CHECKED}
        columns["website"] = websites
        got = orgs.validate_organisations(columns, [None] * 1203, look)
    assert got == {700: {"website": "'geen adres' is geen geldig webadres (bv. www.voorbeeld.be)."},
                   1202: {"website": "'www.a.be\nwww.b.be' is geen geldig webadres (bv. www.voorbeeld.be)."}}


def test_what_was_checked_goes_with_its_table(ctx, tmp_path, analyses):
    import gc

    table, mapping = _table(tmp_path, ["Een;;Maatwerkbedrijf;;;;;"])
    with ctx.reading() as session:
        preview_organisations(session, table, mapping)
    assert "check" in org_import._LAST
    del table
    gc.collect()
    assert "check" not in org_import._LAST  # the dialog closed: its 10.000 checked rows are not kept


def test_national_numbers_found_in_a_column_at_once_are_those_found_one_by_one():
    """A column is searched through a looser pattern; a text is searched itself only where that may match.
    Generated columns (digits, separators, '|', line breaks, accents, an Arabic-Indic digit, None) with
    valid rijksregister numbers in several notations among them."""
    import random

    from regisseur_app.domain.core.validation import find_national_number, find_national_numbers

    rng = random.Random(16)
    valid = ["85073003328", "85.07.30-033.28", "85 07 30 033 28", "85-07-30 033.28"]
    alphabet = list("0123456789 .-|\n\tabcé٣\u00a0x")
    for trial in range(2000):
        texts = []
        for _ in range(rng.randint(0, 8)):
            pick = rng.random()
            if pick < 0.1 and trial % 2:
                texts.append(None)
            elif pick < 0.35:
                texts.append(rng.choice(["klant ", "", "x", "1"]) + rng.choice(valid) + rng.choice(["", " y", "1", "|"]))
            else:
                texts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25))))
        expected = {i: found for i, text in enumerate(texts) if (found := find_national_number(text))}
        assert find_national_numbers(texts) == expected, texts


def test_rows_without_kbo_numbers_or_repeated_names_match_as_row_by_row(ctx):
    """_match's shortcut (no KBO number, no name twice) gives the targets the row-by-row matching gives: the same
    rows followed by one repeated name take the row-by-row way, and their targets must not change."""
    from regisseur_app.exchange.core.lookups import OrganisationIndex

    with ctx.transaction() as session:
        kind = _type_id(session)
        first = orgs.save_organisation(session, orgs.OrganisationInput("Café Zoë", kind))
        orgs.save_organisation(session, orgs.OrganisationInput("Cafe Zoe", kind))  # the same folded name, later
        with_kbo = orgs.save_organisation(session, orgs.OrganisationInput("Met KBO", kind, kbo_number="0403170701"))
        index = OrganisationIndex(session)
    names = ["Nieuw", "café zoë", "  ", "MET kbo", "Anders"]

    def match(names):
        columns = {"name": names, "kbo_number": [""] * len(names)}
        errors = [None] * len(names)
        return org_import._match(list(range(2, 2 + len(names))), columns, index, errors), errors

    shortcut, errors = match(names)
    assert shortcut == [None, first, None, with_kbo, None] and errors == [None] * 5
    row_by_row, errors = match([*names, "Nieuw"])
    assert row_by_row[:5] == shortcut and errors[:5] == [None] * 5
    assert errors[5] == {"name": "dubbel in het bestand: zelfde naam als rij 2."}
