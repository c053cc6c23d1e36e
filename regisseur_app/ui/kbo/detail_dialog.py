"""One enterprise of the KBO register: identification, seat and places in the region, public contact data
and every NACE-BEL code (2008 and 2025) with its Dutch description."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core.validation import format_kbo
from regisseur_app.domain.kbo import queries
from regisseur_app.formatting import format_date
from regisseur_app.ui.widgets import close_button

CLASSIFICATIONS = {"MAIN": "hoofdactiviteit", "SECO": "nevenactiviteit", "ANCI": "hulpactiviteit"}


class EnterpriseDetailDialog(QDialog):
    def __init__(self, ctx: AppContext, number: str, parent=None):  # noqa: ANN001
        super().__init__(parent)
        with ctx.reading() as session:
            row = queries.get_enterprise(session, number)
            activities = queries.activities_of(session, number)
            situation = queries.situation_of(session, number)
        self.setWindowTitle(f"{row.name} — KBO {format_kbo(number)}" if row else "Onderneming")
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        if row is None:
            layout.addWidget(QLabel("Deze onderneming staat niet meer in het KBO-register."))
        else:
            form = QFormLayout()
            for label, value in (
                    ("Naam", row.name), ("KBO-nummer", format_kbo(row.id)), ("Rechtsvorm", row.form),
                    ("Toestand", situation + ("" if row.status == "AC" else " — stopgezet")),
                    ("Gestart", format_date(row.start_date)),
                    ("Zetel", f"{row.street}, {row.postcode} {row.city}".strip(", ")),
                    ("Aanwezig in", row.municipalities), ("E-mail", row.email), ("Website", row.website),
                    ("Telefoon", row.phone), ("Inventaris", "ja" if row.organisation_id else "nee")):
                value_label = QLabel(value or "—", wordWrap=True)
                value_label.setObjectName(f"detail_{label}")
                form.addRow(f"{label}:", value_label)
            layout.addLayout(form)
            table = QTableWidget(len(activities), 4, objectName="kbo_detail_activities")
            table.setHorizontalHeaderLabels(["Versie", "NACE-code", "Omschrijving", "Soort"])
            for r, (version, code, description, kind) in enumerate(activities):
                for c, text in enumerate((version, code, description, CLASSIFICATIONS.get(kind, kind))):
                    table.setItem(r, c, QTableWidgetItem(text))
            table.verticalHeader().hide()
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setStretchLastSection(True)
            table.setColumnWidth(2, 380)
            layout.addWidget(QLabel("Activiteiten (NACE-BEL):"))
            layout.addWidget(table)
        buttons = close_button(self.reject)
        layout.addWidget(buttons)
