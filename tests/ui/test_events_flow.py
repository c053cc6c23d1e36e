"""GUI flows of the events module, driven like a user: create an event, invite by filter, check two people
in, add a follow-up action; and the cells the table models show."""

from datetime import date, datetime

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit

from regisseur_app.domain.events import follow_up
from regisseur_app.domain.events import service as event_service
from regisseur_app.domain.events.models import PRESENT, REGISTERED
from regisseur_app.domain.events.participants import invite_contacts, list_participants, set_status
from regisseur_app.ui.events.event_form import to_qt
from tests.ui.conftest import when_modal
from tests.unit.events_support import contact, event, org


def _click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_create_event_from_the_main_window_with_end_before_start_first(qtbot, main_window, app_ctx):
    page = main_window.show_page("Evenementen")
    assert page.model.rowCount() == 0
    seen = {}

    def fill():
        dialog = QApplication.activeModalWidget()
        seen["title"] = dialog.windowTitle()
        qtbot.keyClicks(dialog.findChild(QLineEdit, "title"), "Netwerkevent 2027")
        combo = dialog.findChild(QComboBox, "type")
        combo.setCurrentIndex(combo.findText("Netwerkevent"))
        dialog.form.start_edit.setDateTime(to_qt(datetime(2027, 3, 25, 14)))
        dialog.form.end_edit.setDateTime(to_qt(datetime(2027, 3, 25, 13)))  # before the start
        qtbot.keyClicks(dialog.findChild(QLineEdit, "location"), "De Wip, Glabbeek")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "capacity"), "40")
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        _click(qtbot, save)
        error = dialog.findChild(QLabel, "error_ends_at")
        seen["error"] = error.text() if not error.isHidden() else ""
        seen["still_open"] = dialog.isVisible()
        dialog.form.end_edit.setDateTime(to_qt(datetime(2027, 3, 25, 17, 30)))
        _click(qtbot, save)

    when_modal(fill)
    _click(qtbot, page.new_button)
    assert seen["title"] == "Nieuw evenement"
    assert "ligt niet na het begin" in seen["error"] and seen["still_open"]
    with app_ctx.reading() as s:
        rows = event_service.list_events(s)
    assert [(r.title, r.starts_at, r.ends_at, r.capacity, r.location) for r in rows] == [
        ("Netwerkevent 2027", datetime(2027, 3, 25, 14), datetime(2027, 3, 25, 17, 30), 40, "De Wip, Glabbeek")]
    page.when_combo.setCurrentIndex(page.when_combo.findData("all"))
    assert page.proxy.index(0, 0).data() == "25/03/2027"
    assert page.proxy.index(0, 1).data() == "14:00–17:30"
    assert page.proxy.index(0, 3).data() == "Netwerkevent"
    assert page.proxy.index(0, 8).data() == "0 / 40"


def _people(app_ctx):
    with app_ctx.transaction() as s:
        town_g = org(s, "Gemeente Glabbeek", "lokaal_bestuur", seat="24137")
        town_b = org(s, "Gemeente Bekkevoort", "lokaal_bestuur", seat="24008")
        se = org(s, "Groen Werkt", "maatwerkbedrijf", seat="24137", active=["24137"])
        contact(s, "Anna Schepens", town_g, "schepen van sociale economie", municipalities=["24137"])
        contact(s, "Bert Bekkers", town_b, "Schepen van welzijn", municipalities=["24008"])
        contact(s, "Carla Coach", se, "jobcoach", municipalities=["24137"])
        eid = event(s, "Werkbezoek", "werkbezoek", start=datetime(2026, 11, 22, 9), status="gepland")
    return eid


def test_invite_by_filter_then_check_two_people_in(qtbot, app_ctx):
    from regisseur_app.ui.events.checkin_dialog import CheckInDialog
    from regisseur_app.ui.events.event_dialog import DEELNEMERS, EventDialog

    eid = _people(app_ctx)
    dialog = EventDialog(app_ctx, eid)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(DEELNEMERS)
    tab = dialog.participants_tab
    seen = {}

    def choose():
        bulk = QApplication.activeModalWidget()
        qtbot.keyClicks(bulk.findChild(QLineEdit, "function_filter"), "schepen")
        qtbot.waitUntil(lambda: bulk.model.rowCount() == 2, timeout=3000)
        seen["count"] = bulk.count_label.text()
        seen["names"] = sorted(bulk.model.row_at(i).name for i in range(bulk.model.rowCount()))
        _click(qtbot, bulk.buttons.button(QDialogButtonBox.StandardButton.Ok))

    when_modal(choose)
    _click(qtbot, tab.filter_button)
    assert seen["names"] == ["Anna Schepens", "Bert Bekkers"]
    assert seen["count"] == "2 aangevinkt van 2 gevonden"
    assert tab.model.rowCount() == 2
    assert dialog.tabs.tabText(DEELNEMERS) == "Deelnemers (2)"
    with app_ctx.reading() as s:
        assert sorted(r.name for r in list_participants(s, eid)) == ["Anna Schepens", "Bert Bekkers"]
    # inviting the same filter again adds nobody (duplicates are skipped, shown as 'al uitgenodigd')
    with app_ctx.reading() as s:
        from regisseur_app.domain.events.invite_filter import InviteFilter, find_candidates
        assert all(c.already_invited for c in find_candidates(s, eid, InviteFilter(function_text="schepen")))

    checkin = CheckInDialog(app_ctx, eid)
    qtbot.addWidget(checkin)
    checkin.show()
    qtbot.keyClicks(checkin.search, "anna")
    assert checkin.proxy.rowCount() == 1
    qtbot.keyClick(checkin.search, Qt.Key.Key_Return)
    assert "Anna Schepens is aanwezig" in checkin.feedback.text()
    assert checkin.search.text() == ""
    qtbot.keyClicks(checkin.search, "bekkers gemeente")
    qtbot.keyClick(checkin.search, Qt.Key.Key_Return)
    assert "Bert Bekkers is aanwezig" in checkin.feedback.text()
    assert checkin.counter.text().startswith("Aanwezig: 2")
    with app_ctx.reading() as s:
        assert {r.name: r.status for r in list_participants(s, eid)} == {"Anna Schepens": PRESENT,
                                                                         "Bert Bekkers": PRESENT}
    # Ctrl+Z takes the last check-in back to the earlier status
    qtbot.keyClick(checkin.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with app_ctx.reading() as s:
        assert {r.name: r.status for r in list_participants(s, eid)}["Bert Bekkers"] == "uitgenodigd"


def test_add_follow_up_action_and_see_it_overdue_on_the_overview(qtbot, main_window, app_ctx):
    from regisseur_app.ui.events.event_dialog import ACTIES, EventDialog

    eid = _people(app_ctx)
    dialog = EventDialog(app_ctx, eid)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(ACTIES)
    tab = dialog.actions_tab

    def fill():
        action = QApplication.activeModalWidget()
        qtbot.keyClicks(action.findChild(QPlainTextEdit, "action_description"), "Verslag rondsturen")
        owner = action.findChild(QComboBox, "owner")
        owner.setCurrentIndex(owner.findText("Carla Coach (Groen Werkt)"))
        action.due_edit.setDate(QDate(2026, 11, 1))
        action.org_list.set_checked([action.org_list.list.item(i).data(Qt.ItemDataRole.UserRole)
                                     for i in range(action.org_list.list.count())
                                     if action.org_list.list.item(i).text() == "Groen Werkt"])
        _click(qtbot, action.buttons.button(QDialogButtonBox.StandardButton.Save))

    when_modal(fill)
    _click(qtbot, tab.add_button)
    assert tab.model.rowCount() == 1
    assert dialog.tabs.tabText(ACTIES) == "Opvolgacties (1)"
    with app_ctx.reading() as s:
        rows = follow_up.list_actions(s, eid, today=date(2026, 11, 22))
    assert [(r.description, r.owner, r.due_date, r.organisations, r.overdue) for r in rows] == [
        ("Verslag rondsturen", "Carla Coach", date(2026, 11, 1), "Groen Werkt", True)]
    home = main_window.show_page("Overzicht")
    section = next(s for s in home.sections if s.objectName() == "events_home_section")
    section.refresh()
    assert section.model.rowCount() == 1
    assert section.model.index(0, 1).data() == "Verslag rondsturen"
    assert section.model.index(0, 0).data() == "01/11/2026"
    assert section.overdue_label.text() == "Opvolgacties over tijd: 1"


def test_participant_and_statistics_models_show_dutch_cells(qtbot, main_window, app_ctx):
    with app_ctx.transaction() as s:
        eid = event(s, "Netwerk", start=datetime(2025, 3, 20, 14), capacity=1)
        a, b = contact(s, "Anna", municipalities=["24008"]), contact(s, "Bert", municipalities=["24008"])
        invite_contacts(s, eid, [a, b], now=datetime(2025, 2, 1, 10))
        ids = {r.name: r.id for r in list_participants(s, eid)}
        set_status(s, ids["Anna"], REGISTERED)
        set_status(s, ids["Bert"], REGISTERED)   # full: waiting list
        set_status(s, ids["Anna"], PRESENT, datetime(2025, 3, 20, 13, 58))
    from regisseur_app.ui.events.participant_table_model import ParticipantTableModel
    model = ParticipantTableModel()
    with app_ctx.reading() as s:
        model.set_rows(list_participants(s, eid))
    cells = [[model.index(r, c).data() for c in (0, 1, 6, 7)] for r in range(2)]
    assert cells == [["Anna", "Aanwezig", "01/02/2025", "20/03/2025 13:58"],
                     ["Bert", "Wachtlijst (1)", "01/02/2025", ""]]
    page = main_window.show_page("Evenementen")
    page.tabs.setCurrentIndex(2)
    page.stats.year_combo.setCurrentIndex(page.stats.year_combo.findData(2025))
    stats = page.stats
    assert [stats.events_model.index(0, c).data() for c in range(6)] == [
        "20/03/2025", "Netwerk", "2", "1", "1", "100,0 %"]
    assert [stats.town_model.index(0, c).data() for c in range(5)] == ["Bekkevoort", "2", "1", "1", "100,0 %"]
    assert "2025: 1 evenementen, 2 uitgenodigd, 1 ingeschreven, 1 aanwezig" in stats.total_label.text()
    page.tabs.setCurrentIndex(1)
    page.calendar.show_date(date(2025, 3, 20))
    assert page.calendar.day_list.count() == 1
    assert "Netwerk" in page.calendar.day_list.item(0).text()


def test_archived_partner_is_kept_when_saving_and_copy_as_template(qtbot, app_ctx):
    from regisseur_app.domain.core.organisation_service import set_archived
    from regisseur_app.ui.events.copy_event_dialog import CopyEventDialog
    from regisseur_app.ui.events.event_dialog import EventDialog

    with app_ctx.transaction() as s:
        partner = org(s, "Oude Partner", "maatwerkbedrijf")
        eid = event(s, "Netwerkevent 2026", start=datetime(2026, 6, 18, 14), capacity=50)
        data = event_service.get_event(s, eid)
        data.partner_ids = [partner]
        event_service.save_event(s, data, eid)
        set_archived(s, [partner], True)
    dialog = EventDialog(app_ctx, eid)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Evenement: Netwerkevent 2026"
    dialog.form.location_edit.setText("Nieuwe zaal")
    _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Apply))
    with app_ctx.reading() as s:
        saved = event_service.get_event(s, eid)
    assert (saved.location, saved.partner_ids) == ("Nieuwe zaal", [partner])
    copy = CopyEventDialog(app_ctx, eid)
    qtbot.addWidget(copy)
    assert copy.start_edit.dateTime().toString("dd/MM/yyyy HH:mm") == "17/06/2027 14:00"  # same weekday
    copy.title_edit.setText("Netwerkevent 2027")
    _click(qtbot, copy.buttons.button(QDialogButtonBox.StandardButton.Ok))
    with app_ctx.reading() as s:
        new = event_service.get_event(s, copy.new_id)
    assert (new.title, new.status, new.starts_at, new.capacity) == (
        "Netwerkevent 2027", "concept", datetime(2027, 6, 17, 14), 50)


def test_capacity_below_registered_shows_message_at_the_field(qtbot, app_ctx):
    from regisseur_app.ui.events.event_dialog import EventDialog

    with app_ctx.transaction() as s:
        eid = event(s, capacity=5)
        invite_contacts(s, eid, [contact(s, f"P{n}") for n in range(3)])
        for row in list_participants(s, eid):
            set_status(s, row.id, REGISTERED)
    dialog = EventDialog(app_ctx, eid)
    qtbot.addWidget(dialog)
    capacity = dialog.findChild(QLineEdit, "capacity")
    capacity.clear()
    qtbot.keyClicks(capacity, "2")
    _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Apply))
    message = dialog.findChild(QLabel, "error_capacity")
    assert not message.isHidden() and "al 3 deelnemers" in message.text()
    with app_ctx.reading() as s:
        assert event_service.get_event(s, eid).capacity == 5


def test_invite_one_by_one_keeps_ticks_across_searches(qtbot, app_ctx):
    from regisseur_app.ui.events.candidate_table_model import NAME
    from regisseur_app.ui.events.invite_contacts_dialog import InviteContactsDialog

    eid = _people(app_ctx)
    dialog = InviteContactsDialog(app_ctx, eid)
    qtbot.addWidget(dialog)
    assert dialog.model.checked_ids() == []  # nothing ticked in advance
    qtbot.keyClicks(dialog.search_edit, "carla")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=3000)
    dialog.model.setData(dialog.model.index(0, NAME), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.search_edit.clear()
    qtbot.keyClicks(dialog.search_edit, "anna")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and dialog.model.row_at(0).name == "Anna Schepens",
                    timeout=3000)
    dialog.model.setData(dialog.model.index(0, NAME), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.count_label.text() == "2 aangevinkt van 1 gevonden"
    _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    with app_ctx.reading() as s:
        assert sorted(r.name for r in list_participants(s, eid)) == ["Anna Schepens", "Carla Coach"]


def _answer_message_boxes(qtbot, answers):
    """Answer each modal QMessageBox as it appears (Yes where offered, else OK); record their texts."""
    from PySide6.QtWidgets import QMessageBox

    def answer():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            answers.append(box.text())
            (box.button(QMessageBox.StandardButton.Yes) or box.button(QMessageBox.StandardButton.Ok)).click()
    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(30)
    return timer


def test_outputs_from_the_event_dialog(qtbot, app_ctx, tmp_path):
    from regisseur_app.ui.events import outputs
    from regisseur_app.ui.events.event_dialog import EventDialog

    with app_ctx.transaction() as s:
        eid = event(s, "Infomoment", "infomoment", start=datetime(2026, 12, 10, 19), status="gepland")
        invite_contacts(s, eid, [contact(s, "Met Mail"), contact(s, "Zonder Mail", email="")])
        set_status(s, list_participants(s, eid)[0].id, REGISTERED)
        invite_contacts(s, eid, [contact(s, "Nog Een")])
    dialog = EventDialog(app_ctx, eid)
    dialog.setProperty("open_folders", False)
    qtbot.addWidget(dialog)
    answers = []
    timer = _answer_message_boxes(qtbot, answers)
    folder = tmp_path / "mails"
    folder.mkdir()
    assert outputs.write_invitations(dialog, app_ctx, eid, folder=folder)
    # said before writing: only who is still 'uitgenodigd' gets a mail (Met Mail is already registered)
    assert "met status 'Uitgenodigd'" in answers[0] and "De 1 andere deelnemer(s)" in answers[0]
    assert "Zonder Mail (geen e-mailadres)" in answers[1]           # refused, named, asked to go on
    assert "1 uitnodiging(en) bewaard" in answers[2]
    assert [p.name.split(" - ")[0] for p in folder.iterdir()] == ["001 Nog Een"]
    outputs.save_ics(dialog, app_ctx, eid, tmp_path / "info.ics")
    assert (tmp_path / "info.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    outputs.save_attendance_sheet(dialog, app_ctx, eid, tmp_path / "lijst.pdf")
    qtbot.waitUntil(lambda: (tmp_path / "lijst.pdf").exists() and any("lijst.pdf" in a for a in answers),
                    timeout=10000)
    outputs.export_participants(dialog, app_ctx, eid, tmp_path / "deelnemers.xlsx")
    assert any("3 deelnemers geëxporteerd" in a for a in answers)
    timer.stop()
    with app_ctx.reading() as s:
        assert event_service.get_event(s, eid).status == "uitnodigingen_verstuurd"


def test_check_in_days_before_the_event_warns_and_asks(qtbot, app_ctx):
    from datetime import date, timedelta

    from PySide6.QtWidgets import QLabel, QMessageBox

    from regisseur_app.domain.events.participants import invite_contacts
    from regisseur_app.ui.events.checkin_dialog import CheckInDialog

    soon = date.today() + timedelta(days=5)
    with app_ctx.transaction() as s:
        eid = event(s, "Netwerkmoment", "netwerkevent", start=datetime(soon.year, soon.month, soon.day, 14))
        invite_contacts(s, eid, [contact(s, "Anna Schepens")])
    checkin = CheckInDialog(app_ctx, eid)
    qtbot.addWidget(checkin)
    checkin.show()
    warning = checkin.findChild(QLabel, "early_warning")
    assert warning is not None and "over 5 dagen" in warning.text()
    asked = []

    def answer(button):
        def press():
            box = QApplication.activeModalWidget()
            asked.append(box.text())
            box.button(button).click()
        return press

    when_modal(answer(QMessageBox.StandardButton.No))
    qtbot.keyClicks(checkin.search, "anna")
    qtbot.keyClick(checkin.search, Qt.Key.Key_Return)
    with app_ctx.reading() as s:
        assert [r.status for r in list_participants(s, eid)] == ["uitgenodigd"]
    when_modal(answer(QMessageBox.StandardButton.Yes))
    qtbot.keyClick(checkin.search, Qt.Key.Key_Return)
    with app_ctx.reading() as s:
        assert [r.status for r in list_participants(s, eid)] == [PRESENT]
    assert len(asked) == 2 and "Toch Anna Schepens als aanwezig aanmelden?" in asked[0]
