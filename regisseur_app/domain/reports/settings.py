"""Settings of the college reports (Beheer › Rapportinstellingen): the association's name (shared with the
set-up), its logo (PNG or SVG, kept in the database so a backup carries it), the sender line under the
cover, and the sections that are on by default."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.settings import ASSOCIATION_NAME, AppSetting, set_setting
from regisseur_app.domain.core.validation import check_no_national_number

PREFIX = "reports."
LOGO_KEY = PREFIX + "logo"
LOGO_KIND_KEY = PREFIX + "logo_kind"
SENDER_KEY = PREFIX + "sender"
SECTIONS_KEY = PREFIX + "default_sections"
MAX_LOGO_BYTES = 2 * 1024 * 1024
LOGO_KINDS = ("png", "svg")


@dataclass
class ReportSettings:
    association: str = ""
    sender: str = ""
    logo: bytes = b""
    logo_kind: str = ""                       # "png" or "svg" ("" without a logo)
    default_sections: list[str] | None = None  # None: every section with default_on

    @property
    def has_logo(self) -> bool:
        return bool(self.logo) and self.logo_kind in LOGO_KINDS


def load_settings(session: Session) -> ReportSettings:
    """The report settings, read in one query (a setting never stored reads as empty; the default sections as
    None, every section with default_on)."""
    keys = (ASSOCIATION_NAME, SENDER_KEY, LOGO_KEY, LOGO_KIND_KEY, SECTIONS_KEY)
    stored = dict(session.execute(select(AppSetting.key, AppSetting.value).where(AppSetting.key.in_(keys))).all())
    raw_logo = stored.get(LOGO_KEY) or ""
    sections = stored.get(SECTIONS_KEY)
    return ReportSettings(
        association=stored.get(ASSOCIATION_NAME) or "",
        sender=stored.get(SENDER_KEY) or "",
        logo=base64.b64decode(raw_logo) if raw_logo else b"",
        logo_kind=stored.get(LOGO_KIND_KEY) or "",
        default_sections=None if sections is None else [k for k in sections.split(",") if k],
    )


def logo_kind_of(data: bytes) -> str | None:
    """'png' or 'svg' from the file's content (not its name), None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<?xml") or head.startswith(b"<svg") or b"<svg" in head:
        return "svg"
    return None


def save_settings(session: Session, data: ReportSettings) -> None:
    """Store the settings. Raises ValidationError (Dutch) for an empty name, a bad logo or a national number."""
    errors: dict[str, str] = {}
    name = (data.association or "").strip()
    if not name:
        errors["association"] = "Vul de naam van de vereniging in; die staat op de voorpagina van elk rapport."
    elif len(name) > 150:
        errors["association"] = "De naam is te lang (maximaal 150 tekens)."
    if len(data.sender or "") > 300:
        errors["sender"] = "De afzenderregel is te lang (maximaal 300 tekens)."
    check_no_national_number({"association": name, "sender": data.sender}, errors)
    if data.logo:
        if len(data.logo) > MAX_LOGO_BYTES:
            errors["logo"] = "Het logo is groter dan 2 MB; kies een kleiner bestand."
        elif logo_kind_of(data.logo) is None:
            errors["logo"] = "Het logo moet een PNG- of SVG-bestand zijn."
    if errors:
        raise ValidationError(errors)
    set_setting(session, ASSOCIATION_NAME, name)
    set_setting(session, SENDER_KEY, (data.sender or "").strip())
    set_setting(session, LOGO_KEY, base64.b64encode(data.logo).decode("ascii") if data.logo else "")
    set_setting(session, LOGO_KIND_KEY, logo_kind_of(data.logo) or "" if data.logo else "")
    if data.default_sections is not None:
        set_setting(session, SECTIONS_KEY, ",".join(data.default_sections))
