"""'Verwerkingsregister': what the referral log keeps, why, on what legal basis and for how long."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.referrals.models import STATUS_LABELS
from regisseur_app.domain.referrals.retention import register_path
from regisseur_app.domain.referrals.settings import load_settings
from regisseur_app.formatting import format_number


class RegisterView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.browser = QTextBrowser(objectName="register_text")
        self.browser.setOpenExternalLinks(False)
        self.edit_button = QPushButton("Tekst en instellingen aanpassen…", objectName="edit_register")
        self.edit_button.clicked.connect(self.edit)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("Deze tekst staat in de instellingen en hoort bij het verwerkingsregister van de "
                                 "vereniging."))
        buttons.addStretch()
        buttons.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            settings = load_settings(session)
        paragraphs = "".join(f"<p>{_escape(p)}</p>" for p in settings.register_text.split("\n\n") if p.strip())
        expected = "".join(f"<li>{STATUS_LABELS[s]}: {format_number(d)} dagen</li>"
                           for s, d in settings.expected_days.items())
        self.browser.setHtml(
            "<h2>Verwerkingsregister — doorverwijzingen naar VDAB</h2>" + paragraphs +
            "<h3>Huidige instellingen</h3><ul>"
            f"<li>Bewaartermijn na afsluiting: {settings.retention_months} maanden</li>"
            f"<li>Drempel voor onderdrukking in exporten: {settings.suppression_threshold} "
            f"(aantallen 1 tot {settings.suppression_threshold - 1} worden '&lt;{settings.suppression_threshold}')</li>"
            f"<li>Register van gewiste codes (buiten de database): {_escape(str(register_path(self.ctx.db_path)))}</li>"
            "</ul><h3>Verwachte duur per stap (daarna 'vastgelopen')</h3><ul>" + expected + "</ul>")

    def edit(self) -> None:
        from regisseur_app.ui.referrals.settings_dialog import ReferralSettingsDialog

        if ReferralSettingsDialog(self.ctx, self).exec():
            self.refresh()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
