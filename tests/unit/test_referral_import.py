"""Import of referral spreadsheets: history from date columns, all-or-nothing, privacy refusals."""


import pytest

from regisseur_app.domain.referrals import audit
from regisseur_app.domain.referrals import service as svc
from regisseur_app.domain.referrals.models import CLOSED, NEGATIVE, STARTED
from regisseur_app.exchange.importing import ERROR, NEW, SKIP, ImportRejected, MappingError, guess_mapping
from regisseur_app.exchange.referrals.importer import REFERRAL_FIELDS, import_referrals, preview_referrals
from regisseur_app.exchange.tabular import read_table
from tests.unit.referral_helpers import NN_2003, TODAY, org_id

HEADER = "Gemeente;Doorverwijsdatum;Soort;Dossiernummer;Datum screening;Beslissing;Datum beslissing;" \
         "Organisatie;Datum start tewerkstelling;Datum afgesloten;Opmerking"


def _table(tmp_path, *lines, header=HEADER):
    path = tmp_path / "verwijzingen.csv"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    table = read_table(path)
    return table, guess_mapping(table.headers, REFERRAL_FIELDS)


def test_import_builds_history_and_audits(ctx, tmp_path):
    with ctx.transaction() as s:
        org_id(s)
    table, mapping = _table(
        tmp_path,
        "Bekkevoort;10/01/2025;Art. 60§7/TWE-traject;D-1;20/01/2025;positief;01/03/2025;Maatwerk Test;15/03/2025;;",
        "Glabbeek;2025-02-03;gespecialiseerde screening/indicering sociale economie;D-2;04/02/2025;negatief;"
        "10/03/2025;;;20/03/2025;mail naar an@ocmw.example",
        "24054;05/05/2025;Andere;;;;;;;;")
    with ctx.reading() as s:
        preview = preview_referrals(s, table, mapping, today=TODAY)
    assert [r.status for r in preview.rows] == [NEW, NEW, NEW]
    assert any("e-mailadres" in m for m in preview.rows[1].messages)
    with ctx.transaction() as s:
        result = import_referrals(s, table, mapping, today=TODAY)
    assert result.created == 3
    with ctx.reading() as s:
        rows = svc.list_referrals(s, sort="code", descending=False)
        assert [(r.code, r.status) for r in rows] == [
            ("BEK-2025-0001", STARTED), ("GLA-2025-0001", CLOSED), ("KOR-2025-0001", "doorverwezen")]
        glabbeek = svc.get_referral(s, rows[1].id, TODAY)
        assert [st.status for st in glabbeek.steps] == ["doorverwezen", "in_screening", NEGATIVE, CLOSED]
        assert audit.audit_for_code(s, "BEK-2025-0001")[0].action == audit.IMPORTED
    # the same file again: existing (municipality + reference) rows are skipped
    with ctx.reading() as s:
        again = preview_referrals(s, table, mapping, today=TODAY)
    assert [r.status for r in again.rows] == [SKIP, SKIP, NEW]


def test_bad_row_rejects_whole_file_naming_row_and_column(ctx, tmp_path):
    table, mapping = _table(
        tmp_path,
        "Bekkevoort;10/01/2025;Andere;;;;;;;;",
        "Bekkevoort;10/01/2025;Andere;;20/01/2025;positief;05/01/2025;;;;",   # decision before screening
        f"Bekkevoort;11/01/2025;Andere;;;;;;;;rrn {NN_2003}")
    with ctx.reading() as s:
        preview = preview_referrals(s, table, mapping, today=TODAY)
    assert [r.status for r in preview.rows] == [NEW, ERROR, ERROR]
    assert "vóór de vorige stap" in " ".join(preview.rows[1].messages)
    assert "Notitie (kolom 'Opmerking')" in preview.rows[2].messages[0]
    with pytest.raises(ImportRejected) as info, ctx.transaction() as s:
        import_referrals(s, table, mapping, today=TODAY)
    assert "rij 3" in str(info.value) and "rij 4" in str(info.value)
    with ctx.reading() as s:
        assert svc.count_referrals(s) == 0


def test_a_column_of_names_refuses_the_file(ctx, tmp_path):
    table, mapping = _table(tmp_path, "Bekkevoort;10/01/2025;Andere;Jan Peeters",
                            "Glabbeek;11/01/2025;Andere;Els Claes", "Geetbets;12/01/2025;Andere;Bart Wouters",
                            header="Gemeente;Doorverwijsdatum;Soort;Begeleider")
    with pytest.raises(MappingError) as info, ctx.reading() as s:
        preview_referrals(s, table, mapping, today=TODAY)
    assert "kolom 4 ('Begeleider')" in str(info.value) and "namen" in str(info.value)
    table, mapping = _table(tmp_path, "Bekkevoort;10/01/2025;Andere;x",
                            header="Gemeente;Doorverwijsdatum;Soort;Voornaam")
    with pytest.raises(MappingError, match="Voornaam"), ctx.reading() as s:
        preview_referrals(s, table, mapping, today=TODAY)


def test_national_number_in_an_unmapped_column_is_refused(ctx, tmp_path):
    table, mapping = _table(tmp_path, f"Bekkevoort;10/01/2025;Andere;{NN_2003}",
                            header="Gemeente;Doorverwijsdatum;Soort;Extra")
    with ctx.reading() as s:
        preview = preview_referrals(s, table, mapping, today=TODAY)
    assert preview.rows[0].status == ERROR and "kolom 4" in preview.rows[0].messages[0]


def test_national_number_stored_as_a_number_in_excel_is_refused(ctx, tmp_path):
    """Excel drops the leading zero of 03021415219 (born 2003) when the cell is a number."""
    from openpyxl import Workbook

    assert NN_2003.startswith("0")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Gemeente", "Doorverwijsdatum", "Soort", "Extra"])
    sheet.append(["Bekkevoort", "10/01/2025", "Andere", int(NN_2003)])
    path = tmp_path / "verwijzingen.xlsx"
    workbook.save(path)
    table = read_table(path)
    assert table.rows[0][3] == NN_2003[1:]  # what the reader sees: ten digits
    with ctx.reading() as s:
        preview = preview_referrals(s, table, guess_mapping(table.headers, REFERRAL_FIELDS), today=TODAY)
    assert preview.rows[0].status == ERROR
    assert "rijksregister" in preview.rows[0].messages[0] and "kolom 4" in preview.rows[0].messages[0]
