"""First-run wizard (also used later to change the association and participating municipalities)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget, QWizard, QWizardPage

from regisseur_app.context import AppContext
from regisseur_app.domain.core import municipalities, setup
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.municipalities import MAX_PARTICIPATING, MIN_PARTICIPATING
from regisseur_app.operations import core as core_ops
from regisseur_app.ui.widgets import ERROR_STYLE, CheckList


class _NamePage(QWizardPage):
    def __init__(self, name: str):
        super().__init__()
        self.setTitle("Welkom bij Regisseur")
        self.setSubTitle("Regisseur ondersteunt de regierol lokale sociale economie van een intergemeentelijke "
                         "vereniging. Eerst twee vragen.")
        self.name_edit = QLineEdit(name, objectName="association_name",
                                   placeholderText="bv. IGO div, Intergemeentelijke vereniging …")
        self.error = QLabel(styleSheet=ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Naam van de intergemeentelijke vereniging:"))
        layout.addWidget(self.name_edit)
        layout.addWidget(self.error)
        layout.addStretch()
        self.name_edit.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.name_edit.text().strip())


class _MunicipalityPage(QWizardPage):
    def __init__(self, items: list[tuple[str, str]], checked: list[str]):
        super().__init__()
        self.setTitle("Deelnemende gemeenten")
        self.setSubTitle(f"Vink de gemeenten aan die deelnemen aan de regierol (meestal vijf; "
                         f"{MIN_PARTICIPATING} tot {MAX_PARTICIPATING}). Ontbreekt een gemeente (bv. na een "
                         "fusie)? Voeg ze later toe via Beheer › Gemeenten.")
        self.check_list = CheckList(items, with_filter=True)
        self.check_list.set_checked(checked)
        self.check_list.list.itemChanged.connect(lambda _item: self._update())
        self.count_label = QLabel(objectName="participating_count", wordWrap=True)
        self.error = QLabel(styleSheet=ERROR_STYLE, objectName="wizard_error")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.check_list)
        layout.addWidget(self.count_label)
        layout.addWidget(self.error)
        self._update()

    def _update(self) -> None:
        chosen = [self.check_list.list.item(i).text().split(" (")[0] for i in range(self.check_list.list.count())
                  if self.check_list.list.item(i).checkState() == Qt.CheckState.Checked]
        self.count_label.setText(f"{len(chosen)} gekozen: {', '.join(chosen)}" if chosen else "Nog geen gemeente gekozen.")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return MIN_PARTICIPATING <= len(self.check_list.checked_values()) <= MAX_PARTICIPATING


class SetupWizard(QWizard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Regisseur instellen")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, "Volgende >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< Vorige")
        self.setButtonText(QWizard.WizardButton.FinishButton, "Voltooien")
        self.setButtonText(QWizard.WizardButton.CancelButton, "Annuleren")
        with ctx.reading() as session:
            name = setup.association_name(session)
            all_municipalities = municipalities.list_municipalities(session, current_only=True)
        items = [(m.nis_code, f"{m.name} ({m.nis_code}, {m.arrondissement})") for m in all_municipalities]
        checked = [m.nis_code for m in all_municipalities if m.participating]
        self.name_page = _NamePage(name)
        self.municipality_page = _MunicipalityPage(items, checked)
        self.addPage(self.name_page)
        self.addPage(self.municipality_page)
        self.resize(640, 560)

    def accept(self) -> None:
        try:
            core_ops.complete_setup(self.ctx, self.name_page.name_edit.text(),
                                    self.municipality_page.check_list.checked_values())
        except ValidationError as exc:
            self.municipality_page.error.setText(" ".join(exc.errors.values()))
            return
        super().accept()
