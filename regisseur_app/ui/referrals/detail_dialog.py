"""One referral: its attributes, the timeline of its steps, and what can be done with it (next step,
undo the last step, edit, export everything held for this code, erase on request)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.referrals import service as svc
from regisseur_app.domain.referrals.retention import REASON_REQUEST
from regisseur_app.formatting import format_date, format_number
from regisseur_app.operations import referrals as referral_ops
from regisseur_app.ui.referrals.timeline_widget import TimelineWidget
from regisseur_app.ui.widgets import close_button
from regisseur_app.ui.workers import Cancelled, run_in_background


class ReferralDetailDialog(QDialog):
    def __init__(self, ctx: AppContext, referral_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.referral_id = referral_id
        self.erased = False
        self.resize(720, 640)
        self.title = QLabel(objectName="detail_title")
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold; color: #1f4e79;")
        self.facts = QFormLayout()
        facts_box = QWidget()
        facts_box.setLayout(self.facts)
        self.timeline = TimelineWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.timeline)
        self.next_button = QPushButton("Volgende stap…", objectName="next_step")
        self.undo_button = QPushButton("Laatste stap terugdraaien", objectName="undo_step")
        self.edit_button = QPushButton("Gegevens bewerken…", objectName="edit_referral")
        self.access_button = QPushButton("Inzage-export…", objectName="access_export")
        self.access_button.setToolTip("Alle gegevens over deze code in een Excel-bestand (recht op inzage)")
        self.erase_button = QPushButton("Wissen op verzoek…", objectName="erase_referral")
        self.next_button.clicked.connect(self.next_step)
        self.undo_button.clicked.connect(self.undo_step)
        self.edit_button.clicked.connect(self.edit)
        self.access_button.clicked.connect(self.export_access)
        self.erase_button.clicked.connect(self.erase)
        actions = QHBoxLayout()
        for button in (self.next_button, self.undo_button, self.edit_button):
            actions.addWidget(button)
        actions.addStretch()
        actions.addWidget(self.access_button)
        actions.addWidget(self.erase_button)
        close = close_button(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(facts_box)
        layout.addWidget(QLabel("<b>Verloop</b>"))
        layout.addWidget(scroll, 1)
        layout.addLayout(actions)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            detail = svc.get_referral(session, self.referral_id)
        if detail is None:
            self.reject()
            return
        self.detail = detail
        self.setWindowTitle(f"Doorverwijzing {detail.code}")
        self.title.setText(f"{detail.code} — {detail.steps[-1].status_label}")
        while self.facts.rowCount():
            self.facts.removeRow(0)
        d = detail.data
        leefloon = {True: "ja", False: "nee", None: "onbekend"}[d.leefloon]
        for label, value in (("Gemeente", detail.municipality), ("Doorverwezen op", format_date(d.referral_date)),
                             ("Soort", detail.type_label), ("Beoogde werkvorm", detail.work_form_label or "onbekend"),
                             ("Leeftijdscategorie", detail.age_group_label or "onbekend"), ("Leefloon", leefloon),
                             ("Interne referentie", d.internal_reference or "—")):
            self.facts.addRow(label + ":", QLabel(value))
        stale = ""
        if detail.stale:
            stale = (f"Vastgelopen: geen nieuwe stap sinds {format_date(detail.status_date)} "
                     f"(verwacht binnen {format_number(detail.expected_days)} dagen).")
        self.timeline.set_steps(detail.steps, stale)
        self.next_button.setEnabled(bool(detail.next_statuses))
        self.undo_button.setEnabled(len(detail.steps) > 1)

    def next_step(self) -> None:
        from regisseur_app.ui.referrals.step_dialog import StepDialog

        if StepDialog(self.ctx, [self.referral_id], parent=self).exec():
            self.refresh()

    def undo_step(self) -> None:
        last = self.detail.steps[-1]
        answer = QMessageBox.question(
            self, "Stap terugdraaien",
            f"De laatste stap '{last.status_label}' van {format_date(last.step_date)} verwijderen? "
            "Dit komt in het auditlog.", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            referral_ops.undo_last_step(self.ctx, self.referral_id)
        except ValidationError as exc:
            QMessageBox.warning(self, "Niet mogelijk", " ".join(exc.errors.values()))
        self.refresh()

    def edit(self) -> None:
        from regisseur_app.ui.referrals.referral_dialog import ReferralDialog

        if ReferralDialog(self.ctx, self.referral_id, parent=self).exec():
            self.refresh()

    def export_access(self) -> None:
        from regisseur_app.exchange.export import ExportError

        name, _ = QFileDialog.getSaveFileName(self, "Inzage-export", str(Path.home() / f"inzage-{self.detail.code}.xlsx"),
                                              "Excel-werkmap (*.xlsx)")
        if not name:
            return
        target = Path(name).with_suffix(".xlsx")
        try:
            referral_ops.export_access(self.ctx, self.detail.code, target)
        except (ExportError, ValidationError) as exc:
            QMessageBox.warning(self, "Exporteren mislukt", str(exc))
            return
        QMessageBox.information(self, "Inzage-export", f"Alle gegevens over {self.detail.code} staan in {target}.\n"
                                "Deze export is opgenomen in het auditlog.")

    def erase(self) -> None:
        code = self.detail.code
        typed, ok = QInputDialog.getText(
            self, "Wissen op verzoek",
            f"Doorverwijzing {code} met al haar stappen definitief wissen (recht op gegevenswissing)?\n"
            "Eerst wordt een gecontroleerde back-up gemaakt; de code wordt nooit opnieuw gebruikt en blijft gewist,\n"
            "ook na het terugzetten van een oudere back-up.\n\nTyp de code om te bevestigen:")
        if not ok:
            return
        if typed.strip().upper() != code:
            QMessageBox.information(self, "Niet gewist", f"De getypte code komt niet overeen met {code}. Er is niets gewist.")
            return

        def done(_count) -> None:  # noqa: ANN001
            self.erased = True
            QMessageBox.information(self, "Gewist", f"Doorverwijzing {code} is gewist.")
            self.accept()

        def failed(exc: Exception) -> None:
            if not isinstance(exc, Cancelled):
                QMessageBox.critical(self, "Wissen mislukt", f"{exc}\n\nEr is niets gewist.")

        run_in_background(self, "Wissen…", lambda job: referral_ops.run_retention(self.ctx, [code], REASON_REQUEST,
                                                                      progress=job.progress),
                          done, failed, cancellable=False)
