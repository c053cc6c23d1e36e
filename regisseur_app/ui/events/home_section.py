"""Overzicht section of the events module: the yearly obligations (met / planned / not met, with the events
that count), the upcoming events and the overdue follow-up actions. Click an upcoming event or double-click
an action to open its event."""

from __future__ import annotations

from datetime import date, datetime, time
from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.ui.events.action_table_model import OverdueActionTableModel
from regisseur_app.ui.fit_contents import fit_to_contents
from regisseur_app.ui.table_base import sorting_proxy

MAX_ROWS_SHOWN = 8
UPCOMING_SHOWN = 5


class EventsHomeSection(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("events_home_section")
        heading = QLabel("Netwerkevenementen")
        heading.setStyleSheet("font-size: 13pt; font-weight: bold; color: #1f4e79;")
        self.obligations_grid = QGridLayout()
        self.upcoming_label = QLabel(objectName="upcoming_label", wordWrap=True)
        self.upcoming_label.setTextFormat(Qt.TextFormat.RichText)
        self.upcoming_label.linkActivated.connect(lambda href: self._open_event(int(href)))
        self.overdue_label = QLabel(objectName="overdue_label")
        self.overdue_label.setStyleSheet("font-weight: bold;")
        self.model = OverdueActionTableModel(self)
        self.table = QTableView(objectName="overdue_actions")
        self.table.setModel(sorting_proxy(self.model))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        fit_to_contents(self.table, stretch=1)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.doubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self.obligations_grid)
        layout.addWidget(self.upcoming_label)
        layout.addWidget(self.overdue_label)
        layout.addWidget(self.table)

    SNAPSHOT_VERSION = 2

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            data = self.load(session, date.today())
        self.show_data(data)

    def load(self, session, today: date) -> dict:  # noqa: ANN001  (a read-only Session)
        """What the section shows, as JSON-able values (the start screen keeps it per data generation until
        `expires`: the end of the first upcoming event, when the list of upcoming events changes). The events
        modules are imported here: a start that shows the kept snapshot does not need them."""
        from regisseur_app.domain.events import follow_up, obligations
        from regisseur_app.domain.events.service import EventFilter, list_events
        from regisseur_app.formatting import format_datetime

        style = {obligations.MET: ("✔", "#1b7a3a"), obligations.PLANNED: ("◷", "#a15c00"),
                 obligations.TO_PLAN: ("…", "#a15c00"), obligations.NOT_MET: ("✘", "#b00020")}
        year = today.year
        results = obligations.yearly_obligations(session, year - 1) + obligations.yearly_obligations(session, year)
        overdue = follow_up.overdue_actions(session, today)
        # now, or the start of a later day the start screen is prepared for (ui/home_page.py)
        now = datetime.now() if today <= date.today() else datetime.combine(today, time.min)
        upcoming = list_events(session, EventFilter(when="upcoming", include_cancelled=False, now=now))
        ends = [e.ends_at for e in upcoming]
        return {
            "obligations": [{"key": r.key, "year": r.year, "title": r.title, "style": list(style[r.state]),
                             "state_label": r.state_label, "type_labels": r.type_labels,
                             "events": "; ".join(e.text() for e in r.events)} for r in results],
            "overdue": [_action_json(a) for a in overdue],
            "upcoming": [{"id": e.id, "when": format_datetime(e.starts_at), "title": e.title,
                          "status_label": e.status_label, "seated": e.seated} for e in upcoming[:UPCOMING_SHOWN]],
            "expires": min(ends).isoformat() if ends else None,
        }

    def show_data(self, data: dict) -> None:
        while self.obligations_grid.count():
            self.obligations_grid.takeAt(0).widget().deleteLater()
        for row, result in enumerate(data["obligations"]):
            mark, colour = result["style"]
            state = QLabel(f"<b style='color:{colour}'>{mark} {result['state_label']}</b>")
            state.setObjectName(f"obligation_{result['key']}_{result['year']}")
            events = result["events"] or "geen evenement gepland"
            what = QLabel(f"{result['year']} – {result['title']}: <span style='color:#444'>{events}</span>",
                          wordWrap=True)
            what.setToolTip(f"Telt mee: {result['type_labels']} (Beheer › Jaarlijkse verplichtingen evenementen)")
            self.obligations_grid.addWidget(state, row, 0)
            self.obligations_grid.addWidget(what, row, 1)
        self.obligations_grid.setColumnStretch(1, 1)
        upcoming = data["upcoming"]
        items = "".join(f"<li>{e['when']} – <a href='{e['id']}'>{e['title']}</a> ({e['status_label'].lower()}, "
                        f"{e['seated']} ingeschreven)</li>" for e in upcoming)
        self.upcoming_label.setText(f"<b>Komende evenementen</b><ul>{items}</ul>" if upcoming
                                    else "<b>Komende evenementen:</b> geen gepland.")
        overdue = [_action_row(a) for a in data["overdue"]]
        self.model.set_rows(overdue)
        self.overdue_label.setText(f"Opvolgacties over tijd: {len(overdue)}" if overdue
                                   else "Geen opvolgacties over tijd.")
        self.table.setVisible(bool(overdue))
        shown = min(len(overdue), MAX_ROWS_SHOWN)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
                                  + shown * self.table.verticalHeader().defaultSectionSize()
                                  + (self.table.horizontalScrollBar().sizeHint().height() if len(overdue) > shown
                                     else 0))

    def _open_event(self, event_id: int) -> None:
        from regisseur_app.ui.events.event_dialog import EventDialog

        EventDialog(self.ctx, event_id, self).exec()
        self.refresh()

    def _open(self, index) -> None:  # noqa: ANN001
        from regisseur_app.ui.events.event_dialog import ACTIES, EventDialog

        row = self.model.row_at(self.table.model().mapToSource(index).row())
        dialog = EventDialog(self.ctx, row.event_id, self)
        dialog.tabs.setCurrentIndex(ACTIES)
        dialog.exec()
        self.refresh()


def _action_json(a) -> dict:  # noqa: ANN001  (a follow_up.ActionRow)
    return {name: (value.isoformat() if isinstance(value, date) else value) for name, value in a._asdict().items()}


def _action_row(data: dict) -> SimpleNamespace:
    """The fields of a follow_up.ActionRow again, for the table model (which reads attributes)."""
    dates = {"event_date", "due_date", "completed_on"}
    return SimpleNamespace(**{k: (date.fromisoformat(v) if k in dates and v else v) for k, v in data.items()})


def make_section(ctx: AppContext) -> QWidget:
    return EventsHomeSection(ctx)
