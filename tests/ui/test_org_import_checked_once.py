"""Importeren in the dialog takes over the check of the preview the user saw (the rows are not checked a second
time), and checks again when the data changed after the preview (real SQLite, the dialog's worker threads)."""

from PySide6.QtCore import Qt

from regisseur_app.domain.core import codelists
from regisseur_app.domain.core import organisation_service as orgs
from regisseur_app.exchange.core import org_import
from regisseur_app.ui.import_dialog import ImportDialog
from tests.ui.test_import_flow import _answer_message_boxes

CSV = ("Naam;Type;Gemeente\r\n"
       "Kringwinkel Hageland;Kringwinkel;Bekkevoort\r\n"
       "Groendienst Zoë;Maatwerkbedrijf;Geetbets\r\n")


def _import(qtbot, dialog) -> list[str]:
    seen: list[str] = []
    timer = _answer_message_boxes(seen)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=10000)
    timer.stop()
    return seen


def _previewed(qtbot, app_ctx, tmp_path) -> ImportDialog:
    """The import dialog on the file CSV, its preview shown."""
    path = tmp_path / "organisaties.csv"
    path.write_text(CSV, encoding="utf-8")
    dialog = ImportDialog(app_ctx, "organisations", path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    return dialog


def _counting(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = org_import._analyse

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(org_import, "_analyse", counted)
    return calls


def test_importeren_takes_over_the_previews_check(qtbot, app_ctx, tmp_path, monkeypatch):
    calls = _counting(monkeypatch)
    dialog = _previewed(qtbot, app_ctx, tmp_path)
    checked = len(calls)
    assert checked >= 1 and dialog.summary.text().startswith("2 nieuw")
    seen = _import(qtbot, dialog)
    assert any("2 organisaties toegevoegd" in text for text in seen)
    assert len(calls) == checked  # not checked again
    with app_ctx.reading() as session:
        assert sorted(row.name for row in orgs.list_organisations(session)) == ["Groendienst Zoë",
                                                                              "Kringwinkel Hageland"]


def test_importeren_checks_again_after_a_change(qtbot, app_ctx, tmp_path, monkeypatch):
    calls = _counting(monkeypatch)
    dialog = _previewed(qtbot, app_ctx, tmp_path)
    checked = len(calls)
    with app_ctx.transaction() as session:  # meanwhile, elsewhere: one of the file's organisations is added
        kind = next(i.id for i in codelists.list_items(session, codelists.ORGANISATION_TYPE) if i.code == "kringwinkel")
        orgs.save_organisation(session, orgs.OrganisationInput("Kringwinkel Hageland", kind))
    seen = _import(qtbot, dialog)
    assert len(calls) == checked + 1
    assert any("1 organisatie toegevoegd" in text and "1 overgeslagen" in text for text in seen), seen
    with app_ctx.reading() as session:
        assert len(orgs.list_organisations(session)) == 2  # no second 'Kringwinkel Hageland'
