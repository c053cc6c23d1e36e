"""Re-import of a filled-in MVO template: identification (organisation, year, checksum), a layout check,
every value validated like typed input, and the preview of every change (old → new). Nothing is written
here: the confirmed entries go to `operations.mvo.import_template_values` (backup first, all or nothing).

Robust to re-ordered rows, blank lines and extra columns (rows are matched on the code in column 'Code',
columns on their header); refused, with the reason in Dutch naming the cell, for a template of another
organisation or year and for a damaged layout."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.mvo.indicators import list_indicators
from regisseur_app.domain.mvo.values import Change, ValueEntry, parse_value, plan_values
from regisseur_app.exchange.mvo.template import (
    CODE,
    ID_SHEET,
    MARKER,
    NOTE,
    SOURCE,
    VALUE,
    checksum,
    headers,
    sheet_title,
)
from regisseur_app.exchange.tabular import TableReadError
from regisseur_app.exchange.xlsx_reader import MAX_UNCOMPRESSED, cell_text, check_zip

MAX_ROWS = 2000
_HEADER_SEARCH = 30


class TemplateError(Exception):
    """The file cannot be imported as it is; the message is Dutch and names the file and, where known, the cell."""


@dataclass
class TemplatePreview:
    organisation_id: int
    organisation: str
    year: int
    entries: list[ValueEntry]
    changes: list[Change]
    unchanged: int
    missing: list[str] = field(default_factory=list)  # indicators not in the file (left as they are)
    ignored_columns: list[str] = field(default_factory=list)


def read_template(session: Session, path: Path, organisation_id: int, year: int) -> TemplatePreview:
    """Read and check the template for this organisation and year; raise TemplateError with every problem."""
    path = Path(path)
    name = path.name
    workbook = _open(path)
    try:
        _check_identity(session, workbook, name, organisation_id, year)
        title = sheet_title(year)
        if title not in workbook.sheetnames:
            raise TemplateError(f"'{name}': het blad '{title}' ontbreekt; de opmaak van het sjabloon is beschadigd. "
                                "Maak een nieuw sjabloon.")
        rows = list(workbook[title].iter_rows(max_row=MAX_ROWS + _HEADER_SEARCH, values_only=True))
    finally:
        workbook.close()
    header_line, columns, ignored = _find_header(rows, name, title, year)
    indicators = {i.code: i for i in list_indicators(session, include_inactive=True)}
    entries: list[ValueEntry] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for line, values in enumerate(rows[header_line:], start=header_line + 1):
        cells = list(values) + [None] * (max(columns.values()) + 1 - len(values))
        code = cell_text(cells[columns[CODE]]).strip()
        value, note, source = cells[columns[VALUE]], cells[columns[NOTE]], cells[columns[SOURCE]]
        where = f"'{name}', blad '{title}', cel"
        if not code:
            if any(cell_text(v).strip() for v in (value, note, source)):
                errors.append(f"{where} {_ref(columns[CODE], line)}: de code ontbreekt, terwijl er een waarde staat "
                              f"in rij {line}.")
            continue
        indicator = indicators.get(code)
        if indicator is None or indicator.is_computed:
            errors.append(f"{where} {_ref(columns[CODE], line)}: '{code}' is geen indicator die u kunt invullen.")
            continue
        if code in seen:
            errors.append(f"{where} {_ref(columns[CODE], line)}: '{indicator.label}' staat twee keer in het bestand "
                          f"(ook in rij {seen[code]}).")
            continue
        seen[code] = line
        raw = value.strip() if isinstance(value, str) else value
        try:
            parse_value(indicator, raw)
        except ValueError as exc:
            errors.append(f"{where} {_ref(columns[VALUE], line)} ({indicator.label}): {exc}.")
            continue
        entries.append(ValueEntry(indicator.id, raw, cell_text(note), cell_text(source)))
    if len(errors) == 1:
        raise TemplateError(errors[0])
    if errors:
        raise TemplateError(f"{len(errors)} problemen in '{name}':\n" + "\n".join(errors[:30]))
    changes, unchanged = _dry_run(session, organisation_id, year, entries)
    active = [i for i in indicators.values() if i.active and not i.is_computed]
    missing = [i.label for i in active if i.code not in seen]
    org = session.get(Organisation, organisation_id)
    return TemplatePreview(organisation_id, org.name if org else "", year, entries, changes, unchanged, missing,
                           ignored)


def _open(path: Path):  # noqa: ANN202
    try:
        check_zip(path, MAX_UNCOMPRESSED)
    except TableReadError as exc:
        raise TemplateError(str(exc)) from exc
    import openpyxl

    if not getattr(openpyxl, "DEFUSEDXML", False):
        raise TemplateError("Excel-bestanden kunnen niet veilig gelezen worden: het onderdeel 'defusedxml' ontbreekt.")
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds
        raise TemplateError(f"'{path.name}' kan niet gelezen worden: het is beschadigd of geen Excel-werkmap "
                            "(.xlsx).") from exc


def _check_identity(session: Session, workbook, name: str, organisation_id: int, year: int) -> None:  # noqa: ANN001
    if ID_SHEET not in workbook.sheetnames:
        raise TemplateError(f"'{name}' is geen MVO-sjabloon van Regisseur (de identificatie ontbreekt). Maak een "
                            "sjabloon met 'Excel-sjabloon…' en laat dat invullen.")
    info = {cell_text(k): v for k, v, *_ in workbook[ID_SHEET].iter_rows(max_row=20, max_col=2, values_only=True)
            if k is not None}
    if info.get("soort") != MARKER:
        raise TemplateError(f"'{name}' is geen MVO-sjabloon van Regisseur.")
    try:
        their_org, their_year = int(info.get("organisatie_id")), int(info.get("jaar"))
    except (TypeError, ValueError):
        raise TemplateError(f"'{name}': de identificatie van het sjabloon is beschadigd. Maak een nieuw "
                            "sjabloon.") from None
    if info.get("controle") != checksum(their_org, their_year):
        raise TemplateError(f"'{name}': de identificatie van het sjabloon is gewijzigd of beschadigd (de controle "
                            "klopt niet). Maak een nieuw sjabloon.")
    if (their_org, their_year) != (organisation_id, year):
        ours = session.get(Organisation, organisation_id)
        theirs = info.get("organisatie") or "een andere organisatie"
        raise TemplateError(
            f"'{name}' is het sjabloon van '{theirs}' voor {their_year}, niet van "
            f"'{ours.name if ours else '?'}' voor {year}. Kies de juiste organisatie en het juiste jaar, of het "
            "juiste bestand. Er is niets ingelezen.")


def _find_header(rows: list[tuple], name: str, title: str, year: int) -> tuple[int, dict[int, int], list[str]]:
    """(line of the header, {column role: index}, headers of extra columns). Columns are found by header."""
    wanted = headers(year)
    roles = {CODE: wanted[CODE], VALUE: wanted[VALUE], NOTE: wanted[NOTE], SOURCE: wanted[SOURCE]}
    for line, values in enumerate(rows[:_HEADER_SEARCH], start=1):
        texts = [cell_text(v).strip().casefold() for v in values]
        if wanted[CODE].casefold() not in texts:
            continue
        columns, missing = {}, []
        for role, header in roles.items():
            if header.casefold() in texts:
                columns[role] = texts.index(header.casefold())
            else:
                missing.append(header)
        if missing:
            other_year = next((t for t in texts if t.startswith("waarde ") and t != wanted[VALUE].casefold()), "")
            if other_year:
                raise TemplateError(f"'{name}', blad '{title}', rij {line}: de kolom heet '{other_year}', maar dit "
                                    f"sjabloon is voor {year}; de opmaak is gewijzigd.")
            raise TemplateError(f"'{name}', blad '{title}', rij {line}: de kolom(men) "
                                f"{', '.join(repr(m) for m in missing)} ontbreken; de opmaak van het sjabloon is "
                                "beschadigd. Maak een nieuw sjabloon.")
        known = {h.casefold() for h in wanted}
        ignored = [cell_text(v) for v in values if cell_text(v).strip() and cell_text(v).strip().casefold() not in known]
        return line, columns, ignored
    raise TemplateError(f"'{name}', blad '{title}': de kopregel met 'Code' en '{wanted[VALUE]}' is niet gevonden in "
                        f"de eerste {_HEADER_SEARCH} rijen; de opmaak van het sjabloon is beschadigd.")


def _dry_run(session: Session, organisation_id: int, year: int, entries: list[ValueEntry]) -> tuple[list[Change], int]:
    """The changes the entries would make (validated like the real save; nothing written)."""
    try:
        changes = plan_values(session, organisation_id, year, entries)
    except ValidationError as exc:
        raise TemplateError("\n".join(exc.errors.values())) from exc
    return changes, len(entries) - len(changes)


def _ref(column: int, line: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(column + 1)}{line}"
