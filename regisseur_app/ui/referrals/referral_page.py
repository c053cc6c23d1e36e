"""The 'Doorverwijzingen' page: tabs for the list, the statistics, the audit log and the
verwerkingsregister; Beheer menu items for the settings and the retention."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.ui.page import Command, Page
from regisseur_app.ui.referrals.audit_view import AuditView
from regisseur_app.ui.referrals.list_view import ReferralListView
from regisseur_app.ui.referrals.register_view import RegisterView
from regisseur_app.ui.referrals.stats_view import StatsView

LIST, STATS, AUDIT, REGISTER = range(4)


class ReferralPage(Page):
    COMMANDS = frozenset({Command.NEW, Command.IMPORT, Command.EXPORT, Command.SEARCH})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.list_view = ReferralListView(ctx)
        self.stats_view = StatsView(ctx)
        self.audit_view = AuditView(ctx)
        self.register_view = RegisterView(ctx)
        self.tabs = QTabWidget(objectName="referral_tabs")
        self.tabs.addTab(self.list_view, "Lijst")
        self.tabs.addTab(self.stats_view, "Statistieken")
        self.tabs.addTab(self.audit_view, "Auditlog")
        self.tabs.addTab(self.register_view, "Verwerkingsregister")
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.list_view.status_message.connect(self.status_message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    # ---- page protocol (ui/pages.py) ------------------------------------------------------------
    def refresh(self) -> None:
        current = self.tabs.currentIndex()
        if current == LIST:
            self.list_view.refresh()
        else:
            (self.stats_view, self.audit_view, self.register_view)[current - 1].refresh()

    def reload_choices(self) -> None:
        self.list_view.reload_choices()
        if self.tabs.currentIndex() != LIST:
            self.refresh()

    def open_editor(self, referral_id: int | None = None) -> None:
        self.tabs.setCurrentIndex(LIST)
        self.list_view.open_editor(referral_id)

    def import_file(self) -> None:
        self.tabs.setCurrentIndex(LIST)
        self.list_view.import_file()

    def export_list(self) -> None:
        """Bestand › Exporteren: referrals only leave the app aggregated, so this is the statistics export."""
        self.tabs.setCurrentIndex(STATS)
        if self.stats_view.stats is None:
            self.status_message.emit("De statistieken worden berekend; kies daarna opnieuw Exporteren.")
            return
        self.stats_view.export_excel()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(LIST)
        self.list_view.focus_search()

    def show_stale(self) -> None:
        self.tabs.setCurrentIndex(LIST)
        self.list_view.show_stale()

    def edit_settings(self) -> None:
        from regisseur_app.ui.referrals.settings_dialog import ReferralSettingsDialog

        if ReferralSettingsDialog(self.ctx, self).exec():
            self.status_message.emit("Instellingen doorverwijzingen opgeslagen.")
            self.refresh()

    def apply_retention(self) -> None:
        from regisseur_app.ui.referrals.retention_dialog import RetentionDialog

        dialog = RetentionDialog(self.ctx, self)
        if dialog.exec():
            self.status_message.emit(f"{dialog.erased} doorverwijzing{'' if dialog.erased == 1 else 'en'} gewist "
                                     "na de bewaartermijn.")
            self.refresh()
