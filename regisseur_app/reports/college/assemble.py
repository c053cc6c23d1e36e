"""The college report collects the sections the features registered (`features.report_sections()`), in their
order, for one municipality or the region and one period; with the comments and settings it is everything
the PDF, the .docx and the Excel workbook are made from, so every figure is computed once."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from regisseur_app import features
from regisseur_app.domain.core import municipalities
from regisseur_app.domain.reports.comments import get_comments
from regisseur_app.domain.reports.settings import ReportSettings, load_settings
from regisseur_app.features.spec import ReportSectionSpec, resolve
from regisseur_app.reports.content import Scope, SectionContent, Text

log = logging.getLogger(__name__)
REGION_NAME = "de regio"


@dataclass
class CollegeReport:
    scope: Scope
    settings: ReportSettings
    sections: list[SectionContent]
    comments: dict[str, str] = field(default_factory=dict)
    made_on: date = field(default_factory=date.today)
    places: list[str] = field(default_factory=list)  # the participating municipalities (names)

    @property
    def title(self) -> str:
        if self.scope.is_region:
            return "Regionaal rapport sociale economie"
        return f"Rapport aan het college van burgemeester en schepenen van {self.scope.name}"

    @property
    def short_title(self) -> str:
        who = "Regio" if self.scope.is_region else self.scope.name
        return f"{who} – {self.scope.period_label}"

    def summary(self) -> list[tuple[str, list[str]]]:
        """(section title, key messages) in section order; a section without data says so."""
        result = []
        for section in self.sections:
            messages = list(section.messages)
            if not messages and not section.has_data:
                first = next((b.text for b in section.blocks if isinstance(b, Text)), "Geen gegevens.")
                messages = [first]
            if messages:
                result.append((section.title, messages))
        return result


def available_sections() -> list[ReportSectionSpec]:
    return features.report_sections()


def default_section_keys(session: Session, settings: ReportSettings | None = None) -> list[str]:
    """The sections switched on by default: the setting, else every section with `default_on`."""
    chosen = (settings or load_settings(session)).default_sections
    specs = available_sections()
    if chosen is None:
        return [s.key for s in specs if s.default_on]
    return [s.key for s in specs if s.key in chosen]


def region_scope(start: date, end: date) -> Scope:
    return Scope(None, REGION_NAME, start, end)


def municipality_scopes(session: Session, start: date, end: date) -> list[Scope]:
    """One scope per participating municipality, alphabetically."""
    return [Scope(m.nis_code, m.name, start, end)
            for m in municipalities.list_municipalities(session, participating_only=True)]


def find_scope(session: Session, text: str, start: date, end: date) -> Scope | None:
    """The participating municipality named (or NIS-coded) `text`, accents and case ignored."""
    from regisseur_app.storage.engine import fold

    wanted = fold(text.strip())
    for scope in municipality_scopes(session, start, end):
        if wanted in (fold(scope.name), scope.nis_code):
            return scope
    return None


def build_section(session: Session, spec: ReportSectionSpec, scope: Scope) -> SectionContent:
    try:
        content = resolve(spec.build)(session, scope)
    except Exception as exc:  # noqa: BLE001 - one broken section must not take the report down
        log.exception("sectie %s voor %s mislukt", spec.key, scope)
        return SectionContent(spec.key, spec.title, [Text(
            f"Deze sectie kon niet opgemaakt worden door een fout in het programma ({type(exc).__name__}). "
            "De fout staat in het logbestand.")], has_data=False)
    if not content.blocks:
        content.blocks.append(Text("Geen gegevens voor deze periode."))
        content.has_data = False
    return content


def build_report(session: Session, scope: Scope, keys: list[str] | None = None,
                 made_on: date | None = None) -> CollegeReport:
    """The report with the sections `keys` (None: the default sections) in registry order."""
    settings = load_settings(session)
    wanted = default_section_keys(session, settings) if keys is None else keys
    specs = [s for s in available_sections() if s.key in wanted]
    return CollegeReport(
        scope=scope, settings=settings,
        sections=[build_section(session, spec, scope) for spec in specs],
        comments=get_comments(session, scope), made_on=made_on or date.today(),
        places=[m.name for m in municipalities.list_municipalities(session, participating_only=True)])
