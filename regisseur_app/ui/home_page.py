"""'Overzicht': what the regisseur should see first. Features add sections (a QWidget with refresh())
through `HomeSectionSpec` in their `Feature`, in their order: the action plan (first steps on a fresh
database, the WSE-LR subsidy condition, KPI progress, actions due), the events (yearly obligations, upcoming
events, overdue follow-up actions), referrals that are stuck, and whatever later features register (e.g.
surveys with a low response). The main window re-reads it when shown and after every operation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from regisseur_app import features
from regisseur_app.context import AppContext
from regisseur_app.domain.core import contact_service, municipalities, organisation_service
from regisseur_app.domain.core.setup import association_name
from regisseur_app.features.spec import resolve
from regisseur_app.formatting import format_number
from regisseur_app.ui.page import Page


class _Tile(QFrame):
    def __init__(self, caption: str):
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("_Tile, QFrame { background: #f4f7fb; border-radius: 6px; }")
        self.value = QLabel("–", alignment=Qt.AlignmentFlag.AlignCenter)
        self.value.setStyleSheet("font-size: 22pt; font-weight: bold; color: #1f4e79; background: transparent;")
        label = QLabel(caption, alignment=Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("color: #444; background: transparent;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(label)


class HomePage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.title = QLabel(objectName="home_title")
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold; color: #1f4e79;")
        self.municipalities = QLabel(objectName="home_municipalities", wordWrap=True)
        self.tiles = {key: _Tile(caption) for key, caption in (
            ("organisations", "actieve organisaties"), ("contacts", "contactpersonen"),
            ("target_group", "doelgroepwerknemers (gekend)"))}
        tiles = QGridLayout()
        for column, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, 0, column)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.title)
        layout.addWidget(self.municipalities)
        layout.addLayout(tiles)
        self.sections = [resolve(spec.factory)(ctx) for spec in features.home_sections()]
        for section in self.sections:
            layout.addWidget(section)
        layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)  # the window refreshes a page each time it is shown

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            name = association_name(session)
            participating = municipalities.list_municipalities(session, participating_only=True)
            organisations = organisation_service.count_organisations(session)
            target_group = organisation_service.known_target_group_employees(session)
            contacts = contact_service.count_contacts(session)
        self.title.setText(name or "Regisseur")
        self.municipalities.setText("Deelnemende gemeenten: " + ", ".join(m.name for m in participating))
        self.tiles["organisations"].value.setText(format_number(organisations))
        self.tiles["contacts"].value.setText(format_number(contacts))
        self.tiles["target_group"].value.setText(format_number(target_group))
        for section in self.sections:
            section.refresh()

    def reload_choices(self) -> None:
        self.refresh()
