"""'Actieplan': the plan (objectives, actions per municipality), the WSE-LR subsidy check, the KPIs and the
collaborations, and the yearly progress report (PDF and Excel)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.ui.page import Command, Page
from regisseur_app.ui.plan.collaboration_tab import CollaborationTab
from regisseur_app.ui.plan.kpi_tab import KpiTab
from regisseur_app.ui.plan.plan_tab import PlanTab
from regisseur_app.ui.plan.subsidy_tab import SubsidyTab

PLAN, SUBSIDY, KPIS, COLLABORATIONS = 0, 1, 2, 3
TAB_KEYS = {"plan": PLAN, "subsidy": SUBSIDY, "kpis": KPIS, "collaborations": COLLABORATIONS}


class PlanPage(Page):
    COMMANDS = frozenset({Command.NEW, Command.SEARCH, Command.EXPORT})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        title = QLabel("Actieplan regierol sociale economie")
        title.setStyleSheet("font-size: 15pt; font-weight: bold; color: #1f4e79;")
        self.pdf_button = QPushButton("Voortgangsrapport (PDF)…", objectName="progress_pdf")
        self.pdf_button.clicked.connect(lambda: self._report("pdf"))
        self.excel_button = QPushButton("Voortgangsrapport (Excel)…", objectName="progress_excel")
        self.excel_button.clicked.connect(lambda: self._report("xlsx"))
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.pdf_button)
        top.addWidget(self.excel_button)
        self.plan_tab = PlanTab(ctx)
        self.subsidy_tab = SubsidyTab(ctx)
        self.kpi_tab = KpiTab(ctx)
        self.collaboration_tab = CollaborationTab(ctx)
        self.subsidy_tab.action_requested.connect(self.open_action)
        self.tabs = QTabWidget(objectName="plan_tabs")
        self.tabs.addTab(self.plan_tab, "Plan")
        self.tabs.addTab(self.subsidy_tab, "Subsidievoorwaarde WSE-LR")
        self.tabs.addTab(self.kpi_tab, "KPI's")
        self.tabs.addTab(self.collaboration_tab, "Samenwerkingen en opdrachten")
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        self.tabs.currentWidget().refresh()

    def show_tab(self, key: str) -> QWidget:
        self.tabs.setCurrentIndex(TAB_KEYS[key])
        self.refresh()
        return self.tabs.currentWidget()

    def open_action(self, action_id: int) -> None:
        self.show_tab("plan")
        self.plan_tab.select_action(action_id)
        self.plan_tab.open_editor(action_id)

    def open_editor(self, _row_id: int | None) -> None:
        current = self.tabs.currentIndex()
        if current == KPIS:
            self.kpi_tab.edit(None)
        elif current == COLLABORATIONS:
            self.collaboration_tab.open_editor(None)
        else:
            self.show_tab("plan")
            self.plan_tab.open_editor(None)

    def focus_search(self) -> None:
        if self.tabs.currentIndex() == COLLABORATIONS:
            self.collaboration_tab.focus_search()
        else:
            self.show_tab("plan")
            self.plan_tab.search_edit.setFocus()

    def export_list(self) -> None:
        self._report("xlsx")

    def _report(self, kind: str) -> None:
        from regisseur_app.ui.plan.progress_report import export_progress_report

        export_progress_report(self, self.ctx, kind)
