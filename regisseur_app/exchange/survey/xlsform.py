"""The questionnaire as an XLSForm (the open form standard KoboToolbox, ODK and SurveyCTO read): sheets
survey, choices and settings, written with openpyxl and checked with pyxform (XLSForm → XForm) before it is
saved. The first question is the municipality; sections become groups; the names are the question codes,
so the tool's export imports back by itself."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy.orm import Session

from regisseur_app.domain.core.municipalities import list_municipalities
from regisseur_app.domain.survey.models import MULTI, NUMBER, SCALE, SINGLE, TEXT, YESNO
from regisseur_app.domain.survey.views import SurveyView, survey_view
from regisseur_app.exchange.export import ExportError

TYPES = {SINGLE: "select_one", YESNO: "select_one", SCALE: "select_one", MULTI: "select_multiple",
         NUMBER: "decimal", TEXT: "text"}


class XlsFormError(ExportError):
    """pyxform refused the form (Dutch message with pyxform's reason)."""


def _group_name(title: str, used: set[str]) -> str:
    from regisseur_app.storage.engine import fold

    base = re.sub(r"[^a-z0-9]+", "_", fold(title)).strip("_") or "rubriek"
    if base[0].isdigit():
        base = f"r_{base}"
    name, n = base, 1
    while name in used:
        n += 1
        name = f"{base}_{n}"
    used.add(name)
    return name


def xlsform_sheets(view: SurveyView, places: list[tuple[str, str]]) -> dict[str, list[list]]:
    survey = [["type", "name", "label", "required", "hint"],
              ["start", "start", "", "", ""], ["end", "end", "", "", ""],
              ["select_one gemeente", "gemeente", "Voor welke gemeente vult u deze vragenlijst in?", "yes", ""]]
    choices = [["list_name", "name", "label"]] + [["gemeente", nis, name] for nis, name in places]
    used: set[str] = {"gemeente"}
    section = None
    for q in view.questions:
        if q.section != section:
            if section:
                survey.append(["end_group", "", "", "", ""])
            section = q.section
            if section:
                survey.append(["begin_group", _group_name(section, used), section, "", ""])
        kind = TYPES[q.kind]
        if q.kind in (SINGLE, YESNO, SCALE, MULTI):
            kind = f"{kind} {q.code}"
            choices += [[q.code, o.code, o.label if q.kind != SCALE else f"{int(o.value)} – {o.label}"]
                        for o in q.options]
        survey.append([kind, q.code, q.text, "yes" if q.required else "", q.help_text])
    if section:
        survey.append(["end_group", "", "", "", ""])
    settings = [["form_title", "form_id", "version", "default_language"],
                [view.title, view.form_code, str(view.year), "Nederlands (nl)"]]
    return {"survey": survey, "choices": choices, "settings": settings}


def check_with_pyxform(path: Path) -> str:
    """Convert with pyxform; returns the XForm XML, raises XlsFormError with pyxform's reason."""
    from pyxform.errors import PyXFormError
    from pyxform.xls2xform import convert

    try:
        return convert(xlsform=str(path), warnings=[]).xform
    except (PyXFormError, ValueError, KeyError) as exc:
        raise XlsFormError(f"Het XLSForm '{path.name}' is niet geldig volgens pyxform: {exc}") from exc


def write_xlsform(session: Session, survey_id: int, path: Path) -> Path:
    view = survey_view(session, survey_id)
    if not view.questions:
        raise ExportError("Deze peiling heeft nog geen vragen.")
    places = [(m.nis_code, m.name) for m in list_municipalities(session, participating_only=True)]
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in xlsform_sheets(view, places).items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    path = Path(path)
    handle, temp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".xlsx", dir=path.parent)
    os.close(handle)
    try:
        workbook.save(temp)
        check_with_pyxform(Path(temp))
        os.replace(temp, path)
    except OSError as exc:
        raise ExportError(f"'{path.name}' kan niet bewaard worden: {exc.strerror or exc}.") from exc
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return path
