"""Key-figure import: long and wide forms, NIS codes and names, Belgian numbers, bad rows, all or nothing."""

from pathlib import Path

import openpyxl
import pytest

from regisseur_app.domain.analysis import indicators as ind
from regisseur_app.domain.analysis.key_figures import get_values, max_year, set_value
from regisseur_app.exchange.analysis.key_figure_import import (
    LONG,
    REPLACE,
    WIDE_INDICATOR,
    WIDE_YEAR,
    KeyFigureLayout,
    detect_layout,
    import_key_figures,
    preview_key_figures,
)
from regisseur_app.exchange.importing import ImportRejected, MappingError
from regisseur_app.exchange.tabular import read_table


def table_from(tmp_path, text, name="cijfers.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_table(path)


def xlsx_table(tmp_path, rows, name="cijfers.xlsx"):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return read_table(path)


def code_id(session, code):
    return ind.indicator_by_code(session, code).id


def stored(ctx, code):
    with ctx.reading() as s:
        return get_values(s, code_id(s, code))


def test_long_form_with_names_accents_and_belgian_decimals(ctx, tmp_path):
    table = table_from(tmp_path, "Gemeente;Indicator;Jaar;Waarde\n"
                                 "BEKKEVOORT;Inwoners;2023;6.412\n"
                                 "tielt winge;niet-werkende werkzoekenden;2023;1.234,5\n"
                                 "Glabbéek;Leefloongerechtigden;2022;17\n")
    with ctx.transaction() as s:
        layout = detect_layout(s, table)
        assert layout.form == LONG
        assert layout.columns == {"municipality": 0, "indicator": 1, "year": 2, "value": 3}
        preview = preview_key_figures(s, table, layout)
        assert [r.status for r in preview.rows] == ["nieuw"] * 3
        assert preview.rows[1].values["municipality"] == "Tielt-Winge"
        result = import_key_figures(s, table, layout)
    assert (result.created, result.updated, result.skipped) == (3, 0, 0)
    assert stored(ctx, "inwoners") == {("24008", 2023): 6412.0}
    assert stored(ctx, "nwwz") == {("24135", 2023): 1234.5}
    assert stored(ctx, "leefloon") == {("24137", 2022): 17.0}


def test_wide_per_indicator_with_nis_codes(ctx, tmp_path):
    table = table_from(tmp_path, "NIS-code;Jaar;Inwoners;NWWZ;Leefloon;Opmerking\n"
                                 "24008;2024;6450;150;21;x\n"
                                 "24028;2024;6190;;18;\n")
    with ctx.transaction() as s:
        layout = detect_layout(s, table)
        assert layout.form == WIDE_INDICATOR
        assert layout.columns["municipality"] == 0 and layout.columns["year"] == 1
        assert layout.value_columns == {2: code_id(s, "inwoners"), 3: code_id(s, "nwwz"), 4: code_id(s, "leefloon")}
        result = import_key_figures(s, table, layout)
    assert result.created == 5  # the empty NWWZ cell of Geetbets is no value
    assert stored(ctx, "inwoners") == {("24008", 2024): 6450.0, ("24028", 2024): 6190.0}
    assert stored(ctx, "nwwz") == {("24008", 2024): 150.0}


def test_wide_per_year_from_excel_with_a_chosen_indicator(ctx, tmp_path):
    table = xlsx_table(tmp_path, [["Gemeente", 2021, 2022, "2023"],
                                  ["Kortenaken", 7950, 7990.0, 8021],
                                  ["Geetbets", 6150, 6170, 6188.5]])
    with ctx.transaction() as s:
        layout = detect_layout(s, table)
        assert layout.form == WIDE_YEAR
        assert layout.value_columns == {1: 2021, 2: 2022, 3: 2023}
        with pytest.raises(MappingError, match="welke indicator"):
            preview_key_figures(s, table, layout)
        layout.fixed_indicator_id = code_id(s, "inwoners")
        result = import_key_figures(s, table, layout)
    assert result.created == 6
    values = stored(ctx, "inwoners")
    assert values[("24054", 2022)] == 7990.0 and values[("24028", 2023)] == 6188.5


def test_bad_rows_are_named_and_nothing_is_written(ctx, tmp_path):
    table = table_from(tmp_path, "Gemeente;Indicator;Jaar;Waarde\n"
                                 "Bekkevoort;Inwoners;2023;6400\n"              # 2 fine
                                 "Tielt-Wnge;Inwoners;2023;10900\n"              # 3 unknown municipality
                                 "Geetbets;Armoede;2023;5\n"                      # 4 unknown indicator
                                 f"Geetbets;Inwoners;{max_year() + 1};6100\n"     # 5 year out of range
                                 "Glabbeek;Inwoners;2023;veel\n"                  # 6 text for a number
                                 "bekkevoort;inwoners;2023;6401\n"                # 7 twice in the file
                                 "Glabbeek;Aantal SE-organisaties;2023;4\n"       # 8 computed indicator
                                 "Kortenaken;Leefloongerechtigden;2023;-3\n")     # 9 negative count
    with ctx.transaction() as s:
        preview = preview_key_figures(s, table, detect_layout(s, table))
    by_line = {r.line: r for r in preview.rows}
    assert by_line[2].status == "nieuw"
    assert [line for line, r in by_line.items() if r.status == "fout"] == [3, 4, 5, 6, 7, 8, 9]
    assert "'Tielt-Wnge' is geen gekende gemeente (bedoel je Tielt-Winge?)" in by_line[3].messages[0]
    assert "'Armoede' is geen gekende indicator" in by_line[4].messages[0]
    assert f"het jaar {max_year() + 1} valt buiten 1990–{max_year()}" in by_line[5].messages[0]
    assert "'veel' is geen geldig getal" in by_line[6].messages[0]
    assert "dubbel in het bestand" in by_line[7].messages[0] and "rij 2" in by_line[7].messages[0]
    assert "berekend uit de inventaris" in by_line[8].messages[0]
    assert "niet negatief" in by_line[9].messages[0]
    assert preview.unmatched == {"Tielt-Wnge": [3]}
    assert "bedoel je Tielt-Winge?" in preview.unmatched_report()
    with pytest.raises(ImportRejected) as info:
        with ctx.transaction() as s:
            import_key_figures(s, table, detect_layout(s, table))
    assert "rij 3" in str(info.value)
    assert stored(ctx, "inwoners") == {}


def test_existing_values_are_kept_or_replaced(ctx, tmp_path):
    with ctx.transaction() as s:
        set_value(s, code_id(s, "inwoners"), "24008", 2023, 6400)
        set_value(s, code_id(s, "inwoners"), "24028", 2023, 6100)
    table = table_from(tmp_path, "Gemeente;Indicator;Jaar;Waarde\n"
                                 "Bekkevoort;Inwoners;2023;6400\n"    # same value
                                 "Geetbets;Inwoners;2023;6150\n"      # other value
                                 "Glabbeek;Inwoners;2023;5400\n")     # new
    with ctx.transaction() as s:
        layout = detect_layout(s, table)
        keep = preview_key_figures(s, table, layout)
        assert [r.status for r in keep.rows] == ["overslaan", "overslaan", "nieuw"]
        assert keep.conflicts == 1
        assert "bestaat al met waarde 6.100: wordt behouden" in keep.rows[1].messages[0]
        replace = preview_key_figures(s, table, layout, REPLACE)
        assert [r.status for r in replace.rows] == ["overslaan", "bijwerken", "nieuw"]
        result = import_key_figures(s, table, layout, REPLACE)
    assert (result.created, result.updated, result.skipped) == (1, 1, 1)
    assert stored(ctx, "inwoners") == {("24008", 2023): 6400.0, ("24028", 2023): 6150.0, ("24137", 2023): 5400.0}


def test_other_municipalities_are_skipped_unless_asked(ctx, tmp_path):
    table = table_from(tmp_path, "Gemeente;Indicator;Jaar;Waarde\nLeuven;Inwoners;2023;101000\n"
                                 "Bekkevoort;Inwoners;2023;6400\n")
    with ctx.transaction() as s:
        layout = detect_layout(s, table)
        preview = preview_key_figures(s, table, layout)
        assert [r.status for r in preview.rows] == ["overslaan", "nieuw"]
        assert "geen deelnemende gemeente" in preview.rows[0].messages[0]
        layout.participating_only = False
        assert import_key_figures(s, table, layout).created == 2
    assert stored(ctx, "inwoners")[("24062", 2023)] == 101000.0


def test_wide_layout_needs_a_year_and_columns(ctx, tmp_path):
    table = table_from(tmp_path, "Gemeente;Inwoners\nBekkevoort;6400\n")
    with ctx.transaction() as s:
        layout = detect_layout(s, table)
        assert layout.form == WIDE_INDICATOR
        with pytest.raises(MappingError, match="kies het jaar"):
            preview_key_figures(s, table, layout)
        layout.fixed_year = 2022
        assert import_key_figures(s, table, layout).created == 1
        empty = KeyFigureLayout(WIDE_INDICATOR, {"municipality": 0, "indicator": None, "year": None, "value": None},
                                fixed_year=2022)
        with pytest.raises(MappingError, match="minstens één kolom"):
            preview_key_figures(s, table, empty)
    assert stored(ctx, "inwoners") == {("24008", 2022): 6400.0}


STATBEL_2024 = Path(__file__).parent.parent / "data" / "statbel_bevolking_2024.csv"
STATBEL_2025 = Path(__file__).parent.parent / "data" / "statbel_bevolking_2025.csv"


def test_a_national_statistics_file_imports_the_participating_municipalities(ctx):
    """Shaped like Statbel's open data: all 581 Belgian municipalities of 2024 (CD_REFNIS, TX_DESCR_NL,
    TX_DESCR_FR, MS_POPULATION, quoted numbers, no year column): Brussels and Walloon rows are skipped and
    counted, not blocking; the year is asked once."""
    table = read_table(STATBEL_2024)
    assert len(table.rows) == 581
    with ctx.transaction() as s:
        layout = detect_layout(s, table)
        assert layout.form == WIDE_INDICATOR
        assert table.headers[layout.columns["municipality"]] == "CD_REFNIS"
        assert [table.headers[i] for i in layout.value_columns] == ["MS_POPULATION"]
        layout.fixed_year = 2024
        preview = preview_key_figures(s, table, layout)
        statuses = [r.status for r in preview.rows]
        assert statuses.count("fout") == 0
        assert statuses.count("nieuw") == 5 and statuses.count("overslaan") == 576
        brussels = next(r for r in preview.rows if r.values["municipality"] == "21001")
        assert "geen gemeente van het Vlaams Gewest" in brussels.messages[0]
        assert import_key_figures(s, table, layout).created == 5
    assert stored(ctx, "inwoners")[("24008", 2024)] == 6332.0


def test_figures_of_merged_municipalities_count_for_their_successor(ctx):
    """2024 under Galmaarden, Gooik and Herne; 2025 under Pajottegem: the comparison has both years."""
    from regisseur_app.domain.analysis.comparison import series
    from regisseur_app.domain.core import municipalities

    with ctx.transaction() as s:
        municipalities.set_participating(s, ["24008", "23106"])
    for path, year in ((STATBEL_2024, 2024), (STATBEL_2025, 2025)):
        table = read_table(path)
        with ctx.transaction() as s:
            layout = detect_layout(s, table)
            layout.fixed_year = year
            result = import_key_figures(s, table, layout)
            assert result.created == (4 if year == 2024 else 2)  # Bekkevoort + the three old ones, or two
    with ctx.reading() as s:
        inhabitants = code_id(s, "inwoners")
        assert get_values(s, inhabitants, ["23106"], [2024, 2025]) == {
            ("23106", 2024): 8836.0 + 9189.0 + 6699.0, ("23106", 2025): 24874.0}
        lines = {line.name: line.values for line in series(s, inhabitants).lines}
    assert lines["Pajottegem"] == [24724.0, 24874.0]
