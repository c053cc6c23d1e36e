"""The modules in the navigation, in order. Only modules that work are listed.

A page is a QWidget taking the AppContext. It may offer (duck-typed; the main window enables the
matching menu items only when present):
  status_message: Signal(str)        short feedback for the status bar
  refresh()                          re-read its data (called whenever the page is shown)
  reload_choices()                   re-read code lists/municipalities (after Beheer changes, restore)
  open_editor(None)                  'Nieuw…' (Ctrl+N)
  import_file(), export_list()       Bestand › Importeren…/Exporteren…
  undo() -> bool                     Bewerken › Ongedaan maken
  focus_search()                     Bewerken › Zoeken (Ctrl+F)
  admin_actions(window) -> list[QAction]   extra items for the Beheer menu
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from regisseur_app.context import AppContext


def build_pages(ctx: AppContext) -> list[tuple[str, QWidget]]:
    from regisseur_app.ui.analysis.analysis_page import AnalysisPage
    from regisseur_app.ui.contacts.contact_page import ContactPage
    from regisseur_app.ui.events.event_page import EventPage
    from regisseur_app.ui.home_page import HomePage
    from regisseur_app.ui.organisations.organisation_page import OrganisationPage
    from regisseur_app.ui.referrals.referral_page import ReferralPage

    return [
        ("Overzicht", HomePage(ctx)),
        ("Organisaties", OrganisationPage(ctx)),
        ("Contactpersonen", ContactPage(ctx)),
        ("Omgevingsanalyse", AnalysisPage(ctx)),
        ("Evenementen", EventPage(ctx)),
        ("Doorverwijzingen", ReferralPage(ctx)),
    ]
