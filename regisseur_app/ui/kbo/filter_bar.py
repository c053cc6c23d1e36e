"""The filters of the KBO lists: search as you type, municipality, NACE section/division (Dutch, from
code.csv) or code prefix, juridical form, start years, "al in de inventaris"."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core import municipalities
from regisseur_app.domain.kbo import queries
from regisseur_app.domain.kbo.queries import EnterpriseFilter

SEARCH_DELAY_MS = 200
ANY_YEAR = 0


def _combo(name: str, width: int) -> QComboBox:
    combo = QComboBox(objectName=name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(width)
    return combo


class KboFilterBar(QWidget):
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.search_edit = QLineEdit(objectName="kbo_search", placeholderText="Zoek op naam, KBO-nummer of gemeente…")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(240)
        self.municipality_combo = _combo("kbo_municipality", 12)
        self.nace_combo = _combo("kbo_nace", 28)
        self.nace_combo.setToolTip("Sector volgens de NACE-BEL-activiteiten (hoofd- of nevenactiviteit)")
        self.nace_edit = QLineEdit(objectName="kbo_nace_code", placeholderText="NACE-code, bv. 47.79")
        self.nace_edit.setMaximumWidth(150)
        self.nace_edit.setClearButtonEnabled(True)
        self.form_combo = _combo("kbo_form", 16)
        self.inventory_combo = _combo("kbo_inventory", 14)
        for text, value in (("In inventaris of niet", None), ("Al in de inventaris", True),
                            ("Nog niet in de inventaris", False)):
            self.inventory_combo.addItem(text, value)
        self.year_from = QSpinBox(objectName="kbo_year_from", specialValueText="—", minimum=ANY_YEAR, maximum=2100)
        self.year_to = QSpinBox(objectName="kbo_year_to", specialValueText="—", minimum=ANY_YEAR, maximum=2100)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.nace_edit.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.municipality_combo, self.nace_combo, self.form_combo, self.inventory_combo):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for spin in (self.year_from, self.year_to):
            spin.valueChanged.connect(lambda _v: self._timer.start())
        first, second = QHBoxLayout(), QHBoxLayout()
        for widget in (self.search_edit, self.municipality_combo, self.nace_combo, self.nace_edit):
            first.addWidget(widget)
        first.addStretch()
        second.addWidget(self.form_combo)
        second.addWidget(QLabel("Gestart van"))
        second.addWidget(self.year_from)
        second.addWidget(QLabel("tot"))
        second.addWidget(self.year_to)
        second.addWidget(self.inventory_combo)
        second.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(second)
        self.reload_choices()

    def reload_choices(self) -> None:
        with self.ctx.reading() as session:
            places = [(m.nis_code, m.name) for m in municipalities.list_municipalities(session, participating_only=True)]
            sectors = [(c.value, c.label) for c in queries.section_choices(session)]
            forms = [(c.value, c.label) for c in queries.form_choices(session)]
            years = queries.start_years(session)
        for combo, everything, items in ((self.municipality_combo, "Alle gemeenten", places),
                                         (self.nace_combo, "Alle sectoren", sectors),
                                         (self.form_combo, "Alle rechtsvormen", forms)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value, label in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        if years:
            for spin in (self.year_from, self.year_to):
                spin.blockSignals(True)
                spin.setRange(min(years) - 1, max(years))
                spin.setSpecialValueText("—")
                spin.blockSignals(False)

    def select_nace(self, value: object) -> bool:
        index = self.nace_combo.findData(value)
        if index >= 0:
            self.nace_combo.setCurrentIndex(index)
        return index >= 0

    def current_filter(self) -> EnterpriseFilter:
        nace = self.nace_combo.currentData()
        section = (nace[1], nace[2]) if nace and nace[0] == "section" else None
        division = nace[1] if nace and nace[0] == "division" else None
        year_from = self.year_from.value() if self.year_from.value() != self.year_from.minimum() else None
        year_to = self.year_to.value() if self.year_to.value() != self.year_to.minimum() else None
        return EnterpriseFilter(text=self.search_edit.text(), nis_code=self.municipality_combo.currentData(),
                                section=section, division=division, nace_prefix=self.nace_edit.text(),
                                juridical_form=self.form_combo.currentData(), start_year_from=year_from,
                                start_year_to=year_to, in_inventory=self.inventory_combo.currentData())
