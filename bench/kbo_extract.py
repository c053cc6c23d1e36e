"""Write a synthetic KBO Open Data full extract in the real format (deterministic), at full size by default.

    python bench/kbo_extract.py /tmp/kbo_full [--enterprises 2000000] [--zip]

Real format: the eight CSV files with the published headers, every value quoted, dates dd-mm-yyyy,
enterprise numbers 0xxx.xxx.xxx (valid mod 97), establishment numbers 2.xxx.xxx.xxx, NACE-BEL 2008 and
2025 codes (SE-like codes 6 % of the activities), natural (45 %) and legal persons. Sizes at the default (real extract: ~2 M enterprises, ~3 M
addresses and denominations, 30+ M activity rows): 2 M enterprises, 1 M establishments, ~2,8 M addresses,
~3 M denominations, 30 M activity rows, ~0,7 M contact rows. Postcodes are drawn from 1.150 codes, 13 of
which are the five demo municipalities (Bekkevoort, Geetbets, Glabbeek, Kortenaken, Tielt-Winge), so about
1 % of the addresses lie in the region - as in reality for five small municipalities, rather more.

The files are written by DuckDB (COPY ... TO), so generating takes about a minute and needs ~2,5 GB of disk:
write them to /tmp, not into the repository.
"""

from __future__ import annotations

import argparse
import time
import zipfile
from pathlib import Path

import duckdb

REGION_POSTCODES = ["3460", "3461", "3450", "3454", "3380", "3381", "3384", "3470", "3471", "3472", "3473",
                    "3390", "3391"]
POSTCODES = 1150
FORMS = ["014", "610", "017", "030", "706", "012", "008", "026", "019", "612"]
# the NACE codes drawn: (2008 code, 2025 code, weight). The SE-like ones (second-hand, landscaping, cleaning,
# repair, social work, recovery) are rare, as in the real register: 9 of 150 slots, 6 % of the activity rows.
NACE = [("47790", "47790", 1), ("81300", "81300", 2), ("81210", "81210", 2), ("95230", "95230", 1),
        ("88991", "88991", 2), ("38320", "38320", 1), ("41201", "41001", 10), ("43999", "43999", 10),
        ("56101", "56110", 10), ("62010", "62100", 10), ("69201", "69201", 10), ("70220", "70200", 10),
        ("86210", "86210", 10), ("47111", "47111", 10), ("49410", "49410", 10), ("01110", "01110", 10),
        ("10710", "10710", 10), ("45201", "95310", 10), ("68201", "68201", 10), ("85599", "85599", 11)]
SLOTS = sum(weight for _a, _b, weight in NACE)


def _copy(con: duckdb.DuckDBPyConnection, sql: str, path: Path) -> None:
    con.execute(f"COPY ({sql}) TO '{path}' (HEADER, DELIMITER ',', QUOTE '\"', FORCE_QUOTE *)")


def generate(folder: Path, enterprises: int = 2_000_000, postcodes: int = POSTCODES) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    establishments = enterprises // 2
    activities = (enterprises + establishments) * 10
    con = duckdb.connect(config={"threads": 2, "memory_limit": "1GB", "preserve_insertion_order": True})
    con.execute("CREATE MACRO h(x, salt) AS ((x * 2654435761 + salt * 40503) % 1000003)")
    con.execute("CREATE MACRO ent(i) AS (printf('%08d', 2000000 + i * 3) || printf('%02d', 97 - (2000000 + i * 3) % 97))")
    con.execute("CREATE MACRO dotted(d) AS (substr(d, 1, 4) || '.' || substr(d, 5, 3) || '.' || substr(d, 8, 3))")
    con.execute("CREATE MACRO est(j) AS (printf('2.%03d.%03d.%03d', 100 + j // 1000000, (j // 1000) % 1000, j % 1000))")
    pcs = REGION_POSTCODES + [f"{1000 + k * 7:04d}" for k in range(postcodes - len(REGION_POSTCODES))]
    con.execute("CREATE TABLE pc AS SELECT * FROM (VALUES " + ", ".join(f"({k}, '{p}')" for k, p in enumerate(pcs))
                + ") t(k, postcode)")
    slots = [(a, b) for a, b, weight in NACE for _ in range(weight)]
    con.execute("CREATE TABLE nace AS SELECT * FROM (VALUES " + ", ".join(
        f"({k}, '{a}', '{b}')" for k, (a, b) in enumerate(slots)) + ") t(k, c2008, c2025)")
    con.execute("CREATE TABLE forms AS SELECT * FROM (VALUES " + ", ".join(
        f"({k}, '{f}')" for k, f in enumerate(FORMS)) + ") t(k, form)")
    _copy(con, """SELECT * FROM (VALUES ('SnapshotDate', '07-11-2026'), ('ExtractTimestamp', '08-11-2026 02:11:37'),
                  ('ExtractType', 'full'), ('ExtractNumber', '9153'), ('Version', '1.0.0'))
                  t("Variable", "Value")""", folder / "meta.csv")
    _copy(con, """
        SELECT 'JuridicalForm' AS "Category", form AS "Code", lang AS "Language",
               'Rechtsvorm ' || form || CASE WHEN form = '706' THEN ' met sociaal oogmerk' ELSE '' END AS "Description"
        FROM forms, (VALUES ('NL'), ('FR')) l(lang)
        UNION ALL SELECT DISTINCT 'Nace2008', c2008, 'NL', 'Activiteit ' || c2008 FROM nace
        UNION ALL SELECT DISTINCT 'Nace2025', c2025, 'NL', 'Activiteit ' || c2025 FROM nace
        UNION ALL SELECT DISTINCT 'Nace2008', substr(c2008, 1, 2), 'NL', 'Afdeling ' || substr(c2008, 1, 2) FROM nace
        UNION ALL SELECT DISTINCT 'Nace2025', substr(c2025, 1, 2), 'NL', 'Afdeling ' || substr(c2025, 1, 2) FROM nace
        UNION ALL SELECT 'Status', 'AC', 'NL', 'Actief' UNION ALL SELECT 'Status', 'ST', 'NL', 'Stopgezet'
        UNION ALL SELECT 'JuridicalSituation', '000', 'NL', 'Normale toestand'
        UNION ALL SELECT 'TypeOfEnterprise', '1', 'NL', 'Natuurlijk persoon'
        UNION ALL SELECT 'TypeOfEnterprise', '2', 'NL', 'Rechtspersoon'""", folder / "code.csv")
    _copy(con, f"""
        SELECT dotted(ent(i)) AS "EnterpriseNumber", CASE WHEN h(i, 1) % 50 = 0 THEN 'ST' ELSE 'AC' END AS "Status",
               '000' AS "JuridicalSituation", CASE WHEN h(i, 2) % 100 < 45 THEN '1' ELSE '2' END AS "TypeOfEnterprise",
               CASE WHEN h(i, 2) % 100 < 45 THEN '' ELSE (SELECT form FROM forms WHERE k = h(i, 3) % 10) END
                   AS "JuridicalForm",
               '' AS "JuridicalFormCAC",
               strftime(DATE '1960-01-01' + CAST(h(i, 4) % 23000 AS INTEGER), '%d-%m-%Y') AS "StartDate"
        FROM range({enterprises}) r(i)""", folder / "enterprise.csv")
    _copy(con, f"""
        SELECT est(j) AS "EstablishmentNumber",
               strftime(DATE '1980-01-01' + CAST(h(j, 5) % 16000 AS INTEGER), '%d-%m-%Y') AS "StartDate",
               dotted(ent(h(j, 6) % {enterprises})) AS "EnterpriseNumber"
        FROM range({establishments}) r(j)""", folder / "establishment.csv")
    _copy(con, f"""
        SELECT dotted(ent(i)) AS "EntityNumber", CASE WHEN h(i, 7) % 3 = 0 THEN '1' ELSE '2' END AS "Language",
               '001' AS "TypeOfDenomination", 'Onderneming ' || i || ' ' || chr(65 + (h(i, 8) % 26)::INTEGER) || 'v'
                   AS "Denomination"
        FROM range({enterprises}) r(i)
        UNION ALL
        SELECT dotted(ent(i)), '2', '003', 'Handelsnaam "' || i || '", bis' FROM range({enterprises}) r(i)
        WHERE h(i, 9) % 2 = 0""", folder / "denomination.csv")
    _copy(con, f"""
        SELECT dotted(ent(i)) AS "EntityNumber", 'REGO' AS "TypeOfAddress", '' AS "CountryNL", '' AS "CountryFR",
               p.postcode AS "Zipcode", 'Gemeente ' || p.postcode AS "MunicipalityNL",
               'Commune ' || p.postcode AS "MunicipalityFR", 'Straat ' || (h(i, 11) % 400) AS "StreetNL",
               'Rue ' || (h(i, 11) % 400) AS "StreetFR", CAST(h(i, 12) % 200 + 1 AS VARCHAR) AS "HouseNumber",
               '' AS "Box", '' AS "ExtraAddressInfo", '' AS "DateStrikingOff"
        FROM range({enterprises}) r(i) JOIN pc p ON p.k = h(i, 10) % {postcodes} WHERE h(i, 13) % 5 <> 0
        UNION ALL
        SELECT est(j), 'BAET', '', '', p.postcode, 'Gemeente ' || p.postcode, 'Commune ' || p.postcode,
               'Laan ' || (h(j, 15) % 300), 'Avenue ' || (h(j, 15) % 300), CAST(h(j, 16) % 150 + 1 AS VARCHAR),
               '', '', ''
        FROM range({establishments}) r(j) JOIN pc p ON p.k = h(j, 14) % {postcodes}""", folder / "address.csv")
    _copy(con, f"""
        SELECT dotted(ent(i)) AS "EntityNumber", 'ENT' AS "EntityContact",
               CASE h(i, 17) % 3 WHEN 0 THEN 'EMAIL' WHEN 1 THEN 'WEB' ELSE 'TEL' END AS "ContactType",
               CASE h(i, 17) % 3 WHEN 0 THEN 'info' || i || '@voorbeeld.be' WHEN 1 THEN 'www.onderneming' || i || '.be'
                    ELSE '016 ' || lpad(CAST(h(i, 18) % 1000000 AS VARCHAR), 6, '0') END AS "Value"
        FROM range({enterprises}) r(i) WHERE h(i, 19) % 3 = 0""", folder / "contact.csv")
    _copy(con, f"""
        SELECT CASE WHEN r // 10 < {enterprises} THEN dotted(ent(r // 10)) ELSE est(r // 10 - {enterprises}) END
                   AS "EntityNumber",
               CASE WHEN r % 10 < 8 THEN 'BTW001' ELSE 'RSZ001' END AS "ActivityGroup",
               CASE WHEN r % 2 = 0 THEN '2008' ELSE '2025' END AS "NaceVersion",
               CASE WHEN r % 2 = 0 THEN n.c2008 ELSE n.c2025 END AS "NaceCode",
               CASE WHEN r % 10 < 2 THEN 'MAIN' WHEN r % 10 < 8 THEN 'SECO' ELSE 'ANCI' END AS "Classification"
        FROM range({activities}) t(r) JOIN nace n ON n.k = h(r // 10 * 7 + (r % 10) // 2, 20) % {SLOTS}""",
          folder / "activity.csv")
    con.close()


def zip_folder(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for path in sorted(folder.glob("*.csv")):
            archive.write(path, path.name)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--enterprises", type=int, default=2_000_000)
    parser.add_argument("--zip", action="store_true", help="also write <folder>.zip")
    parser.add_argument("--postcodes", type=int, default=POSTCODES,
                        help="size of the postcode pool (13 are the region's): fewer postcodes put more of a smaller "
                             "extract in the region, e.g. --enterprises 300000 --postcodes 172 keeps as many "
                             "enterprises in the region as the full extract (to time browsing without it)")
    args = parser.parse_args()
    started = time.perf_counter()
    generate(args.folder, args.enterprises, args.postcodes)
    sizes = {p.name: p.stat().st_size for p in args.folder.glob("*.csv")}
    print(f"extract written to {args.folder} in {time.perf_counter() - started:.0f} s, "  # noqa: T201
          f"{sum(sizes.values()) / 1e9:.2f} GB")
    if args.zip:
        zip_folder(args.folder, args.folder.with_suffix(".zip"))
        print(f"zip: {args.folder.with_suffix('.zip')}")  # noqa: T201


if __name__ == "__main__":
    main()
