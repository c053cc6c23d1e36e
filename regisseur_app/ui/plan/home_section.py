"""Overzicht section of the action plan: first steps on a fresh database; otherwise the WSE-LR subsidy
condition of this year per municipality, KPI progress of this year and the actions that need attention —
each a click away from its detail on the Actieplan page."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.ui.plan.home_tables import DueTable, KpiProgressTable

HEADING = "font-size: 13pt; font-weight: bold; color: #1f4e79;"
MAX_DUE = 8


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(HEADING)
    return label


class PlanHomeSection(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("plan_home_section")
        self.guide = QFrame(objectName="first_steps")
        self.guide.setStyleSheet("#first_steps { background: #eef4fb; border-radius: 6px; }")
        self.guide_layout = QVBoxLayout(self.guide)
        self.subsidy_heading = _heading("Subsidievoorwaarde")
        self.subsidy_row = QHBoxLayout()
        self.subsidy_note = QLabel(objectName="subsidy_note", wordWrap=True)
        self.kpi_heading = _heading("KPI's")
        self.kpi_summary = QLabel(objectName="kpi_home_summary")
        self.kpi_table = KpiProgressTable(self)
        self.kpi_table.activated_kpi.connect(self._open_kpi)
        self.due_heading = _heading("Acties die aandacht vragen")
        self.due_label = QLabel(objectName="due_label")
        self.due_table = DueTable(self)
        self.due_table.activated_action.connect(self._open_action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.guide)
        grid = QGridLayout()
        grid.addWidget(self.subsidy_heading, 0, 0)
        grid.addLayout(self.subsidy_row, 1, 0)
        grid.addWidget(self.subsidy_note, 2, 0)
        layout.addLayout(grid)
        for widget in (self.kpi_heading, self.kpi_summary, self.kpi_table, self.due_heading, self.due_label,
                       self.due_table):
            layout.addWidget(widget)
        self.chips: dict[str, QPushButton] = {}

    # -- refresh: load (plain data, kept in the start screen's snapshot) and show -------------------
    SNAPSHOT_VERSION = 2

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            data = self.load(session, date.today())
        self.show_data(data)

    def load(self, session, today: date) -> dict:  # noqa: ANN001  (a read-only Session)
        """What the section shows, as JSON-able values (the start screen keeps it per data generation).
        The plan's modules are imported here: a start that shows the kept snapshot does not need them."""
        from regisseur_app.domain.plan import due, kpis, subsidy
        from regisseur_app.domain.plan.first_steps import first_steps
        from regisseur_app.domain.plan.service import has_plan
        from regisseur_app.domain.plan.settings import plan_period
        from regisseur_app.formatting import format_number
        from regisseur_app.reports.plan.sources import registered_sources
        from regisseur_app.ui.plan.common import CHECK_STYLE, KPI_COLOURS, STATUS_COLOURS
        from regisseur_app.ui.plan.kpi_format import kpi_number, kpi_value_text

        steps = [{"key": s.key, "text": s.text, "done": s.done, "page": s.page, "tab": s.tab}
                 for s in first_steps(session, today)]
        data: dict = {"year": today.year, "steps": steps, "planned": has_plan(session)}
        if not data["planned"]:
            return data
        period = plan_period(session)
        data["period_covers"] = period is not None and period.covers(today.year)
        data["period_label"] = period.label if period else "–"
        checks = subsidy.check(session, today.year, today)
        data["checks"] = [{"nis_code": c.nis_code, "municipality": c.municipality, "state": c.state,
                           "state_label": c.state_label, "met": c.state == subsidy.MET,
                           "style": list(CHECK_STYLE[c.state]),
                           "missing": [p.priority for p in c.priorities if p.state != subsidy.MET]} for c in checks]
        progress = kpis.progress(session, today.year, None, today, sources=registered_sources())
        data["kpis"] = [{"kpi_id": p.kpi_id, "title": p.title, "objective_number": p.objective_number,
                         "value": kpi_value_text(p.value, p.unit, p.computed), "target": kpi_number(p.target, p.unit),
                         "ratio": "" if p.ratio is None else f"{format_number(p.ratio * 100)} %",
                         "state_label": p.state_label, "colour": KPI_COLOURS[p.state],
                         "good": p.state in (kpis.REACHED, kpis.ON_TRACK)}
                        for p in progress if p.target is not None]
        due_rows = due.due_actions(session, today)
        data["due_count"] = len(due_rows)
        data["due"] = [{"action_id": d.action_id, "label": f"{d.number} {d.title}", "municipality": d.municipality,
                        "status_label": d.status_label, "colour": STATUS_COLOURS[d.status], "when": d.text(),
                        "late": d.reason == due.OVERDUE} for d in due_rows[:MAX_DUE]]
        return data

    def show_data(self, data: dict) -> None:
        self._fill_guide(data["steps"])
        planned, year = data["planned"], data["year"]
        for widget in (self.subsidy_heading, self.subsidy_note, self.kpi_heading, self.kpi_summary, self.kpi_table,
                       self.due_heading, self.due_label, self.due_table):
            widget.setVisible(planned)
        self._clear_chips()
        if not planned:
            return
        self.subsidy_heading.setText(f"Subsidievoorwaarde {year}: minstens één actie per WSE-LR-prioriteit")
        checks = data["checks"]
        if not data["period_covers"]:
            self.subsidy_note.setText(f"{year} valt buiten de planperiode ({data['period_label']}): "
                                      "pas de planperiode aan in Actieplan.")
        else:
            for check in checks:
                self._add_chip(check)
            met = sum(c["met"] for c in checks)
            self.subsidy_note.setText(f"{met} van {len(checks)} gemeenten hebben voor elke prioriteit een actie die "
                                      "meetelt. Klik op een gemeente voor de acties.")
        shown = data["kpis"]
        good = sum(k["good"] for k in shown)
        self.kpi_heading.setText(f"KPI's {year}")
        self.kpi_summary.setText(f"{good} van {len(shown)} KPI's met streefcijfer gehaald of op schema "
                                 "(dubbelklik voor de cijfers)." if shown else
                                 f"Nog geen streefcijfers voor {year}.")
        self.kpi_table.set_rows(shown)
        self.kpi_table.setVisible(bool(shown))
        count = data["due_count"]
        self.due_label.setText(f"{count} actie{'s' if count != 1 else ''} over tijd, binnenkort af "
                               "of met een gemiste start." if count else "Geen acties over tijd of binnenkort af.")
        self.due_table.set_rows(data["due"])
        self.due_table.setVisible(bool(count))

    def _fill_guide(self, steps: list[dict]) -> None:
        while self.guide_layout.count():
            item = self.guide_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        open_steps = [s for s in steps if not s["done"]]
        self.guide.setVisible(bool(open_steps))
        if not open_steps:
            return
        self.guide_layout.addWidget(_heading("Aan de slag"))
        for n, step in enumerate(steps, start=1):
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            mark = QLabel("✔" if step["done"] else f"{n}.")
            mark.setStyleSheet("color: #1b7a3a; font-weight: bold;" if step["done"] else "font-weight: bold;")
            mark.setFixedWidth(22)
            text = QLabel(step["text"], wordWrap=True)
            if step["done"]:
                text.setStyleSheet("color: #777;")
            line.addWidget(mark)
            line.addWidget(text, 1)
            if not step["done"]:
                button = QPushButton(f"Naar {step['page']}", objectName=f"step_{step['key']}")
                button.clicked.connect(lambda _c=False, s=step: self._go(s["page"], s["tab"]))
                line.addWidget(button)
            self.guide_layout.addWidget(row)

    def _clear_chips(self) -> None:
        while self.subsidy_row.count():
            item = self.subsidy_row.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.chips = {}

    def _add_chip(self, check: dict) -> None:
        mark, fg, bg = check["style"]
        missing = check["missing"]
        chip = QPushButton(f"{mark} {check['municipality']}", objectName=f"chip_{check['nis_code']}")
        chip.setStyleSheet(f"QPushButton {{ color: {fg}; background: {bg}; border: 1px solid {fg}; "
                           "border-radius: 4px; padding: 4px 10px; font-weight: bold; }")
        chip.setToolTip(f"{check['state_label']}" + (f" – nog niet: {', '.join(missing)}" if missing else ""))
        chip.setProperty("state", check["state"])
        chip.clicked.connect(lambda: self._go("Actieplan", "subsidy"))
        self.subsidy_row.addWidget(chip)
        self.chips[check["nis_code"]] = chip

    # -- navigation ------------------------------------------------------------------------------
    def _go(self, page: str, tab: str = ""):  # noqa: ANN202
        window = self.window()
        if not hasattr(window, "show_page"):
            return None
        shown = window.show_page(page)
        if tab and hasattr(shown, "show_tab"):
            shown.show_tab(tab)
        return shown

    def _open_kpi(self, kpi_id: int) -> None:
        page = self._go("Actieplan", "kpis")
        if page is not None:
            page.kpi_tab.set_year(date.today().year)
            page.kpi_tab.select_kpi(kpi_id)
            page.kpi_tab.show_figures()

    def _open_action(self, action_id: int) -> None:
        page = self._go("Actieplan", "plan")
        if page is not None:
            page.open_action(action_id)


def make_section(ctx: AppContext) -> QWidget:
    return PlanHomeSection(ctx)



