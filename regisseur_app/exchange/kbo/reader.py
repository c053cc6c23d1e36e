"""Reading the full KBO extract with DuckDB, filtered to the region.

Why DuckDB: the extract holds ~2 million enterprises, ~3 million addresses and denominations and over
30 million activity rows. DuckDB reads the CSV files in parallel with explicit column types, pushes the
filters (postcodes of the region, the enterprise numbers wanted) into the scan and does the joins in SQL
with a memory limit, spilling to disk if needed; only the few tens of thousands of rows of the region come
out. A Python loop over 30 million rows would take minutes; pyarrow reads fast but leaves the joins and the
filtering to us in memory (the activity table alone is several GB as Arrow).

Natural persons (TypeOfEnterprise 1) leave this module only as counts (DESIGN.md section 5).
"""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from regisseur_app.exchange.kbo.layout import COLUMNS, NATURAL_PERSON
from regisseur_app.exchange.kbo.source import KboFormatError, check_headers, check_utf8, extract_folder

Progress = Callable[[int, str], None]
MEMORY_LIMIT = "600MB"
BATCH = 5000


@dataclass
class Region:
    """The participating municipalities: postcode -> NIS code, and for a municipality without postcodes
    in the reference list its (folded) Dutch name -> NIS code."""

    postcodes: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)


class CancelledRead(Exception):
    """The user cancelled while DuckDB was reading."""


class StagedExtract:
    """The region's part of the extract, staged in DuckDB tables; the register reads it from here."""

    def __init__(self, con: duckdb.DuckDBPyConnection, meta: dict[str, str]):
        self.con = con
        self.meta = meta

    def rows(self, sql: str) -> Iterator[tuple]:
        cursor = self.con.execute(sql)
        while batch := cursor.fetchmany(BATCH):
            yield from batch

    def scalar(self, sql: str):  # noqa: ANN201
        return self.con.execute(sql).fetchone()[0]

    def codes(self) -> Iterator[tuple]:
        return self.rows("SELECT category, code, description FROM code_nl ORDER BY 1, 2")

    def enterprises(self) -> Iterator[tuple]:
        """Legal persons: number, name, status, situation, form, start date, seat address and NIS code,
        main NACE version and code, website, e-mail, phone, in_region."""
        return self.rows("""
            SELECT replace(e.num, '.', ''), coalesce(n.name, ''), e.status, e.situation, e.form, e.start,
                   coalesce(s.street, ''), coalesce(s.house, ''), coalesce(s.box, ''), coalesce(s.postcode, ''),
                   coalesce(s.city, ''), s.nis, coalesce(m.version, ''), coalesce(m.code, ''),
                   coalesce(c.web, ''), coalesce(c.email, ''), coalesce(c.tel, ''), e.in_region
            FROM ent e
            LEFT JOIN names n ON n.num = e.num
            LEFT JOIN seat s ON s.num = e.num
            LEFT JOIN main m ON m.num = e.num
            LEFT JOIN contacts c ON c.num = e.num
            WHERE e.type <> '1' ORDER BY 1""")

    def places(self) -> Iterator[tuple]:
        """In the order of register.PLACE_COLUMNS, texts cut to the columns' lengths."""
        return self.rows("""
            SELECT replace(p.num, '.', ''), p.nis, p.kind, coalesce(replace(p.est, '.', ''), ''),
                   left(coalesce(p.street, ''), 200), left(coalesce(p.house, ''), 30), left(coalesce(p.postcode, ''), 10),
                   left(coalesce(p.city, ''), 100)
            FROM place p JOIN ent e ON e.num = p.num WHERE e.type <> '1' ORDER BY 1, 3 DESC, 4""")

    def activities(self) -> Iterator[tuple]:
        """In the order of register.ACTIVITY_COLUMNS."""
        return self.rows("""
            SELECT replace(a.num, '.', ''), coalesce(a.version, ''), coalesce(a.code, ''), coalesce(a.classification, '')
            FROM act a JOIN ent e ON e.num = a.num WHERE e.type <> '1' ORDER BY 1, 2, 3""")

    def person_counts(self) -> Iterator[tuple]:
        """Active natural persons per municipality (and '' for the region, each once) and main NACE code."""
        return self.rows("""
            WITH persons AS (
                SELECT DISTINCT p.num, p.nis FROM place p JOIN ent e ON e.num = p.num
                WHERE e.type = '1' AND e.status = 'AC')
            SELECT p.nis, coalesce(m.version, ''), coalesce(m.code, ''), count(*)
            FROM persons p LEFT JOIN main m ON m.num = p.num GROUP BY ALL
            UNION ALL
            SELECT '', coalesce(m.version, ''), coalesce(m.code, ''), count(DISTINCT p.num)
            FROM persons p LEFT JOIN main m ON m.num = p.num GROUP BY ALL""")

    def lookups(self) -> dict[str, tuple[str, str, bool]]:
        """For the numbers asked about: digits -> (status, seat postcode, in the region). Absent: not in
        the extract at all."""
        found = {}
        for num, status, postcode, in_region in self.rows("""
                SELECT replace(e.num, '.', ''), e.status, coalesce(s.postcode, ''), e.in_region
                FROM ent e JOIN lookup l ON l.num = e.num LEFT JOIN seat s ON s.num = e.num"""):
            found[num] = (status, postcode, bool(in_region))
        return found


def _csv(folder: Path, name: str) -> str:
    columns = ", ".join(f"'{c}': 'VARCHAR'" for c in COLUMNS[name])
    path = str(folder / name).replace("'", "''")
    return (f"read_csv('{path}', header = true, delim = ',', quote = '\"', escape = '\"', "
            f"columns = {{{columns}}}, auto_detect = false, strict_mode = true, encoding = 'utf-8')")


def _dotted(digits: str) -> str:
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


@contextmanager
def read_extract(source: Path, region: Region, lookup_numbers: set[str], progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> Iterator[StagedExtract]:
    """Check the extract and stage the region's part of it in DuckDB (a temporary in-memory database)."""
    def step(percent: int, text: str) -> None:
        if progress:
            progress(percent, text)

    with extract_folder(source, (lambda p, t: step(p * 10 // 100, t)) if progress else None) as folder:
        check_headers(folder)
        step(10, "Het extract controleren en lezen…")
        spill = tempfile.mkdtemp(prefix="regisseur-duckdb-")
        con = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "threads": 2, "temp_directory": spill,
                                     "preserve_insertion_order": False})
        _small_side_builds(con)
        stop = threading.Event()
        watcher = threading.Thread(target=_watch, args=(con, cancelled, stop), daemon=True)
        watcher.start()
        # the UTF-8 check (I/O bound) runs beside DuckDB (which releases the GIL); its verdict is awaited
        # before anything is handed to the register
        encoding: list[Exception] = []
        checker = threading.Thread(target=_check_encoding, args=(folder, encoding, stop), daemon=True)
        checker.start()
        try:
            try:
                meta = _stage(con, folder, region, lookup_numbers, step)
            except (duckdb.InvalidInputException, duckdb.ConversionException, duckdb.IOException) as exc:
                checker.join()
                raise (encoding[0] if encoding else KboFormatError(_dutch(exc))) from exc
            checker.join()
            if encoding:
                raise encoding[0]
            yield StagedExtract(con, meta)
        except duckdb.InterruptException as exc:
            raise CancelledRead() from exc
        except (duckdb.InvalidInputException, duckdb.ConversionException, duckdb.IOException) as exc:
            raise KboFormatError(_dutch(exc)) from exc
        finally:
            stop.set()
            checker.join()
            con.close()
            shutil.rmtree(spill, ignore_errors=True)


def _small_side_builds(con: duckdb.DuckDBPyConnection) -> None:
    """Every join here pairs a CSV file of millions of rows with a small table of the region's entities, and the
    small table must be the hash join's build side. DuckDB's build_side_probe_side optimizer, misled by its
    estimate of a CSV file's rows, swapped them for activity.csv: it built a hash table over all 30 million
    activity rows, beyond the memory limit, spilling to disk (266 MB written for a 1-million-enterprise
    extract; twice the CPU and wall time, growing faster than the file). Written order, small side built."""
    try:
        con.execute("SET disabled_optimizers = 'build_side_probe_side'")
    except duckdb.Error:  # a DuckDB without that optimizer keeps the written order anyway
        pass


def _check_encoding(folder: Path, found: list[Exception], stop: threading.Event) -> None:
    try:
        check_utf8(folder, stop=stop)
    except KboFormatError as exc:
        found.append(exc)


def _watch(con: duckdb.DuckDBPyConnection, cancelled: Callable[[], bool] | None, stop: threading.Event) -> None:
    while cancelled is not None and not stop.wait(0.2):
        if cancelled():
            con.interrupt()
            return


def _stage(con: duckdb.DuckDBPyConnection, folder: Path, region: Region, lookup_numbers: set[str],
           step: Callable[[int, str], None]) -> dict[str, str]:
    con.execute("CREATE TABLE region_pc (postcode VARCHAR, nis VARCHAR)")
    con.execute("CREATE TABLE region_name (name VARCHAR, nis VARCHAR)")
    con.execute("CREATE TABLE lookup (num VARCHAR)")
    for table, rows in (("region_pc", sorted(region.postcodes.items())), ("region_name", sorted(region.names.items())),
                        ("lookup", [(_dotted(n),) for n in sorted(lookup_numbers)])):
        if rows:
            con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)
    step(35, "meta.csv en code.csv lezen…")
    meta = dict(con.execute(f"SELECT Variable, Value FROM {_csv(folder, 'meta.csv')}").fetchall())
    con.execute(f"""CREATE TABLE code_nl AS SELECT DISTINCT ON (Category, Code) Category AS category,
                    Code AS code, Description AS description FROM {_csv(folder, 'code.csv')}
                    WHERE Category IN ('JuridicalForm', 'JuridicalSituation', 'Nace2008', 'Nace2025', 'Status',
                                       'TypeOfEnterprise')
                    ORDER BY Category, Code, CASE Language WHEN 'NL' THEN 0 WHEN 'FR' THEN 1 ELSE 2 END""")
    step(40, "Adressen in de regio zoeken (address.csv)…")
    name_match = ("LEFT JOIN region_name n ON n.name = lower(strip_accents(trim(a.MunicipalityNL)))" if region.names else
                  "LEFT JOIN (SELECT NULL::VARCHAR AS nis) n ON false")
    con.execute(f"""
        CREATE TABLE raddr AS
        SELECT a.EntityNumber AS entity, a.TypeOfAddress AS kind, coalesce(p.nis, n.nis) AS nis,
               coalesce(a.StreetNL, a.StreetFR, '') AS street, coalesce(a.HouseNumber, '') AS house,
               coalesce(a.Box, '') AS box, a.Zipcode AS postcode,
               coalesce(a.MunicipalityNL, a.MunicipalityFR, '') AS city
        FROM {_csv(folder, 'address.csv')} a
        LEFT JOIN region_pc p ON p.postcode = a.Zipcode
        {name_match}
        WHERE a.TypeOfAddress IN ('REGO', 'BAET') AND coalesce(a.DateStrikingOff, '') = ''
          AND (coalesce(p.nis, n.nis) IS NOT NULL OR a.TypeOfAddress = 'REGO')""")
    step(50, "Vestigingen in de regio (establishment.csv)…")
    con.execute(f"""
        CREATE TABLE rest AS
        SELECT e.EstablishmentNumber AS est, e.EnterpriseNumber AS num
        FROM {_csv(folder, 'establishment.csv')} e
        WHERE e.EstablishmentNumber IN (SELECT entity FROM raddr WHERE kind = 'BAET' AND nis IS NOT NULL)""")
    step(55, "Ondernemingen lezen (enterprise.csv)…")
    con.execute("""
        CREATE TABLE inregion AS
        SELECT entity AS num FROM raddr WHERE kind = 'REGO' AND nis IS NOT NULL UNION SELECT num FROM rest""")
    con.execute(f"""
        CREATE TABLE ent AS
        SELECT e.EnterpriseNumber AS num, coalesce(e.Status, '') AS status,
               coalesce(e.JuridicalSituation, '') AS situation, coalesce(e.TypeOfEnterprise, '') AS type,
               coalesce(e.JuridicalForm, '') AS form, try_strptime(e.StartDate, '%d-%m-%Y')::DATE AS start,
               e.EnterpriseNumber IN (SELECT num FROM inregion) AS in_region
        FROM {_csv(folder, 'enterprise.csv')} e
        WHERE e.EnterpriseNumber IN (SELECT num FROM inregion UNION SELECT num FROM lookup)""")
    con.execute("""
        CREATE TABLE place AS
        SELECT r.entity AS num, 'REGO' AS kind, '' AS est, r.nis, r.street, r.house, r.postcode, r.city
        FROM raddr r WHERE r.kind = 'REGO' AND r.nis IS NOT NULL AND r.entity IN (SELECT num FROM ent)
        UNION ALL
        SELECT s.num, 'BAET', s.est, r.nis, r.street, r.house, r.postcode, r.city
        FROM rest s JOIN raddr r ON r.entity = s.est AND r.kind = 'BAET'
        WHERE s.num IN (SELECT num FROM ent)""")
    step(62, "Zetels bepalen…")
    con.execute(f"""
        CREATE TABLE seat AS
        SELECT DISTINCT ON (r.entity) r.entity AS num, r.street, r.house, r.box, coalesce(r.postcode, '') AS postcode,
               r.city, r.nis
        FROM raddr r
        WHERE r.kind = 'REGO'
          AND r.entity IN (SELECT num FROM ent WHERE type <> '{NATURAL_PERSON}' OR num IN (SELECT num FROM lookup))
        ORDER BY r.entity, r.nis NULLS LAST""")
    con.execute("DELETE FROM raddr WHERE nis IS NULL")
    # every entity whose rows are wanted (the enterprises and the region's establishments) -> its enterprise:
    # activity.csv and contact.csv are then read with one hash join against this small table
    con.execute("""
        CREATE TABLE wanted AS
        SELECT num AS entity, num, true AS own FROM ent
        UNION ALL SELECT est, num, false FROM rest WHERE num IN (SELECT num FROM ent)""")
    step(70, "Namen lezen (denomination.csv)…")
    con.execute(f"""
        CREATE TABLE names AS
        SELECT d.EntityNumber AS num,
               arg_min(d.Denomination, CASE d.TypeOfDenomination WHEN '001' THEN 0 WHEN '003' THEN 10
                                                                  WHEN '002' THEN 20 ELSE 30 END
                                       + CASE d.Language WHEN '2' THEN 0 WHEN '0' THEN 1 WHEN '1' THEN 2 ELSE 3 END)
                   AS name
        FROM {_csv(folder, 'denomination.csv')} d
        WHERE d.EntityNumber IN (SELECT num FROM ent WHERE type <> '{NATURAL_PERSON}')
        GROUP BY d.EntityNumber""")
    step(75, "Activiteiten lezen (activity.csv)…")
    con.execute(f"""
        CREATE TABLE act AS
        SELECT w.num, a.NaceVersion AS version, a.NaceCode AS code,
               min(CASE a.Classification WHEN 'MAIN' THEN 'MAIN' WHEN 'SECO' THEN 'SECO' ELSE 'ZANC' END)
                   AS classification,
               bool_or(w.own AND a.Classification = 'MAIN') AS enterprise_main
        FROM {_csv(folder, 'activity.csv')} a
        JOIN wanted w ON w.entity = a.EntityNumber
        WHERE a.NaceCode IS NOT NULL
        GROUP BY ALL""")
    con.execute("UPDATE act SET classification = 'ANCI' WHERE classification = 'ZANC'")
    con.execute("""
        CREATE TABLE main AS
        SELECT num, arg_min(version, rank) AS version, arg_min(code, rank) AS code FROM (
            SELECT num, version, code,
                   (CASE WHEN enterprise_main THEN 0 WHEN classification = 'MAIN' THEN 10 ELSE 20 END)
                   + (CASE version WHEN '2025' THEN 0 WHEN '2008' THEN 1 ELSE 5 END) AS rank
            FROM act WHERE classification IN ('MAIN', 'SECO'))
        GROUP BY num""")
    step(88, "Contactgegevens lezen (contact.csv)…")
    con.execute(f"""
        CREATE TABLE contacts AS
        SELECT w.num,
               arg_min(c.Value, CASE WHEN w.own THEN 0 ELSE 1 END) FILTER (WHERE c.ContactType = 'WEB') AS web,
               arg_min(c.Value, CASE WHEN w.own THEN 0 ELSE 1 END) FILTER (WHERE c.ContactType = 'EMAIL') AS email,
               arg_min(c.Value, CASE WHEN w.own THEN 0 ELSE 1 END) FILTER (WHERE c.ContactType = 'TEL') AS tel
        FROM {_csv(folder, 'contact.csv')} c
        JOIN wanted w ON w.entity = c.EntityNumber
        WHERE w.num IN (SELECT num FROM ent WHERE type <> '{NATURAL_PERSON}')
        GROUP BY ALL""")
    step(92, "Register bijwerken…")
    return {k: v or "" for k, v in meta.items()}


_LINE = re.compile(r"Line:\s*(\d+)", re.IGNORECASE)
_FILE = re.compile(r"file\s*=\s*(\S+)")


def _dutch(exc: Exception) -> str:
    """A DuckDB reading error in Dutch, with the file and the line."""
    text = str(exc)
    line = _LINE.search(text)
    file_match = _FILE.search(text)
    name = Path(file_match.group(1)).name if file_match else "het KBO-extract"
    where = f"{name}, regel {line.group(1)}" if line else name
    if "unterminated quote" in text or "Expected Number of Columns" in text or "columns" in text.lower():
        what = "de regel is onvolledig of heeft niet het juiste aantal kolommen (afgebroken of gewijzigd bestand)"
    else:
        what = "de regel kan niet gelezen worden"
    return f"{where}: {what}. Het vorige KBO-register blijft ongewijzigd."
