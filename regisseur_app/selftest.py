"""`regisseur-app --self-test`: prove that this installation (or bundle) can do its basic work.

Creates a temporary database, migrates it, writes and reads an organisation, makes a verified
backup and checks integrity. No Qt needed.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from regisseur_app.context import AppPaths
from regisseur_app.domain.core import codelists, organisation_service
from regisseur_app.operations.maintenance import check as check_database
from regisseur_app.startup import open_context
from regisseur_app.storage import backup, migrations


def run_self_test(say: Callable[[str], None] = print) -> bool:
    ok = True

    def step(label: str, fn: Callable[[], object]) -> object:
        nonlocal ok
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 - a self-test reports every failure
            ok = False
            say(f"MISLUKT  {label}: {exc}")
            return None
        say(f"ok       {label}")
        return result

    with tempfile.TemporaryDirectory(prefix="regisseur-selftest-") as tmp:
        root = Path(tmp)
        paths = AppPaths.for_db(root / "selftest.sqlite", log_dir=root / "logs", config_dir=root / "config")
        ctx = step("database aanmaken en migreren", lambda: open_context(paths))
        if ctx is None:
            return False
        try:
            step("schema op de nieuwste versie",
                 lambda: _expect(migrations.current_revisions(ctx.engine) == migrations.head_revisions()))

            def write() -> int:
                with ctx.transaction() as session:
                    type_id = codelists.list_items(session, codelists.ORGANISATION_TYPE)[0].id
                    data = organisation_service.OrganisationInput(
                        name="Zelftest vzw", type_id=type_id, kbo_number="0403.170.701")
                    return organisation_service.save_organisation(session, data)

            org_id = step("organisatie schrijven", write)

            def read() -> None:
                with ctx.reading() as session:
                    found = organisation_service.get_organisation(session, org_id)
                _expect(found is not None and found.name == "Zelftest vzw" and found.kbo_number == "0403.170.701")

            step("organisatie teruglezen", read)
            made = step("back-up maken", lambda: backup.make_backup(paths.db_path, paths.backup_dir))
            step("back-up controleren", lambda: _expect(made is not None and not backup.integrity_errors(made)))
            step("database controleren", lambda: _expect(check_database(paths.db_path).ok))
            step("rapport maken (PDF, Word, voorbeeld)", lambda: _report(ctx, root))
        finally:
            ctx.close()
    say("Zelftest geslaagd." if ok else "Zelftest MISLUKT.")
    return ok


def _report(ctx, folder: Path) -> None:  # noqa: ANN001
    """The college report machinery works in this installation: fonts, the Word template, PDFium."""
    from datetime import date

    import pypdfium2

    from regisseur_app.operations import reports

    scope = reports.region_scope(date(2025, 1, 1), date(2025, 12, 31))
    pdf = reports.make_report(ctx, scope, folder / "rapport.pdf")
    reports.make_report(ctx, scope, folder / "rapport.docx")
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        _expect(len(document) >= 2 and document[0].render(scale=0.3).width > 0)
    finally:
        document.close()


def _expect(condition: bool) -> None:
    if not condition:
        raise AssertionError("onverwacht resultaat")
