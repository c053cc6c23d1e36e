"""Outputs: .ics parsed back by icalendar (Europe/Brussels across DST), .eml parsed back by the email
package with the .ics attached, the attendance sheet PDF, the participant list in Excel."""

import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from email import policy
from email.parser import BytesParser
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.events.agenda import AgendaInput, save_agenda_item
from regisseur_app.domain.events.models import REGISTERED
from regisseur_app.domain.events.participants import invite_contacts, list_participants, set_status
from regisseur_app.exchange.events import eml, ics
from tests.unit.events_support import contact, event, org

BRUSSELS = ZoneInfo("Europe/Brussels")


def _parse(path):
    cal = Calendar.from_ical(path.read_bytes())
    return cal, cal.walk("VEVENT")[0]


@pytest.mark.parametrize(("start", "end", "utc_start", "utc_end"), [
    # summer time starts on 29/03/2026 at 02:00: a morning event there is UTC+2 after the switch
    (datetime(2026, 3, 28, 10), datetime(2026, 3, 29, 12), datetime(2026, 3, 28, 9), datetime(2026, 3, 29, 10)),
    # winter time returns on 25/10/2026 at 03:00: 14:00 is UTC+1 on that day, 10:00 the day before UTC+2
    (datetime(2026, 10, 24, 10), datetime(2026, 10, 25, 14), datetime(2026, 10, 24, 8), datetime(2026, 10, 25, 13)),
])
def test_ics_round_trip_across_dst(app_ctx, tmp_path, start, end, utc_start, utc_end):
    with app_ctx.transaction() as s:
        eid = event(s, "Netwerkweekend", start=start, end=end, location="De Wip, Glabbeek")
        save_agenda_item(s, eid, AgendaInput("Onthaal", "10:00", "Regisseur"))
        uid = s.get(__import__("regisseur_app.domain.events.models", fromlist=["E"]).Event, eid).uid
    with app_ctx.reading() as s:
        path = ics.write_ics(s, eid, tmp_path / "netwerk.ics")
    cal, item = _parse(path)
    assert str(cal["METHOD"]) == "PUBLISH" and str(cal["VERSION"]) == "2.0"
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "Europe/Brussels"
    assert str(item["UID"]) == uid and "@" in uid
    assert item.decoded("DTSTAMP").tzinfo is not None
    assert item["DTSTART"].params["TZID"] == "Europe/Brussels"
    got_start, got_end = item.decoded("DTSTART"), item.decoded("DTEND")
    assert got_start.astimezone(UTC).replace(tzinfo=None) == utc_start
    assert got_end.astimezone(UTC).replace(tzinfo=None) == utc_end
    assert got_start.replace(tzinfo=None) == start  # local wall-clock time preserved
    assert str(item["LOCATION"]) == "De Wip, Glabbeek"
    assert "10:00 Onthaal (Regisseur)" in str(item["DESCRIPTION"])
    assert str(item["SUMMARY"]) == "Netwerkweekend"


def test_vtimezone_agrees_with_zoneinfo_for_twenty_years():
    tz = ics.brussels_vtimezone().to_tz()
    moment = datetime(2020, 1, 1, tzinfo=UTC)
    while moment.year < 2040:
        assert moment.astimezone(tz).utcoffset() == moment.astimezone(BRUSSELS).utcoffset(), moment
        moment += timedelta(hours=1)


def _event_with_invitees(s):
    se = org(s, "Groen Werkt", "maatwerkbedrijf")
    eid = event(s, "MVO-ontbijt", "mvo_event", start=datetime(2026, 12, 3, 8), status="gepland",
                location="Kasteel, Holsbeek")
    ok = contact(s, "Jan Peeters", se, "directeur", email="jan.peeters@groen.example")
    no_mail = contact(s, "Piet Zonder", se, email="")
    archived = contact(s, "Oud Lid", se)
    invite_contacts(s, eid, [ok, no_mail, archived])
    from regisseur_app.domain.core.contact_service import set_contacts_archived
    set_contacts_archived(s, [archived], True)
    return eid


def test_eml_refuses_missing_email_and_archived_then_writes_drafts(app_ctx, tmp_path):
    tmp_path = tmp_path / "mails"
    tmp_path.mkdir()
    with app_ctx.transaction() as s:
        eid = _event_with_invitees(s)
    with app_ctx.transaction() as s:
        with pytest.raises(ValidationError) as info:
            eml.write_invitations(s, eid, tmp_path)
    message = info.value.errors["invitations"]
    assert "Piet Zonder (geen e-mailadres)" in message and "Oud Lid (gearchiveerd)" in message
    assert list(tmp_path.iterdir()) == []
    with app_ctx.transaction() as s:
        result = eml.write_invitations(s, eid, tmp_path, skip_refused=True)
    assert len(result.written) == 1 and result.status_changed
    msg = BytesParser(policy=policy.default).parsebytes(result.written[0].read_bytes())
    assert msg["X-Unsent"] == "1"
    assert msg["To"].addresses[0].addr_spec == "jan.peeters@groen.example"
    assert msg["Subject"] == "Uitnodiging: MVO-ontbijt op 03/12/2026"
    body = msg.get_body(("plain",)).get_content()
    assert body.startswith("Beste Jan Peeters,")
    assert "donderdag 03/12/2026 van 08:00 tot 11:00 in Kasteel, Holsbeek" in body
    attachments = list(msg.iter_attachments())
    assert len(attachments) == 1
    att = attachments[0]
    assert att.get_content_type() == "text/calendar" and att.get_param("method") == "PUBLISH"
    assert att.get_filename() == "MVO-ontbijt.ics"
    cal = Calendar.from_ical(att.get_content())
    assert cal.walk("VEVENT")[0].decoded("DTSTART") == datetime(2026, 12, 3, 8, tzinfo=BRUSSELS)
    with app_ctx.reading() as s:
        from regisseur_app.domain.events.service import get_event
        assert get_event(s, eid).status == "uitnodigingen_verstuurd"


def test_attendance_sheet_pdf_and_excel_export(app_ctx, tmp_path):
    import pandas as pd

    with app_ctx.transaction() as s:
        se = org(s, "Groen Werkt", "maatwerkbedrijf")
        eid = event(s, "Netwerkevent", start=datetime(2026, 6, 18, 14), location="Zaal De Wip")
        invite_contacts(s, eid, [contact(s, f"Deelnemer {n:02d}", se, "jobcoach") for n in range(25)])
        for row in list_participants(s, eid)[:20]:
            set_status(s, row.id, REGISTERED)
    from regisseur_app.reports.events.attendance_sheet import sheet_rows, write_attendance_sheet
    with app_ctx.reading() as s:
        assert len(sheet_rows(s, eid)) == 20
        pdf = write_attendance_sheet(s, eid, tmp_path / "lijst.pdf")
        rows = list_participants(s, eid)
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "Netwerkevent" in text and "18/06/2026" in text and "Zaal De Wip" in text
        assert "Handtekening" in text and "Deelnemer 19" in text and "Deelnemer 24" not in text
        assert "Pagina 1 van 2" in text and "Pagina 2 van 2" in text  # 20 + 5 blank rows of 13 mm
    from regisseur_app.exchange.events.export import participants_frame
    from regisseur_app.exchange.export import export_frame
    export_frame(participants_frame(rows), tmp_path / "deelnemers.xlsx", "Deelnemers")
    frame = pd.read_excel(tmp_path / "deelnemers.xlsx", engine="openpyxl")
    assert len(frame) == 25 and list(frame.columns)[:3] == ["Naam", "Functie", "Organisatie"]
    assert (frame["Status"] == "Ingeschreven").sum() == 20


def test_event_list_and_statistics_export(app_ctx, tmp_path):
    from openpyxl import load_workbook

    from regisseur_app.domain.events import service as event_service
    from regisseur_app.domain.events import stats as event_stats
    from regisseur_app.exchange.events.export import events_frame, stats_frame
    from regisseur_app.exchange.export import export_frame

    with app_ctx.transaction() as s:
        eid = event(s, "=Netwerk", start=datetime(2025, 3, 20, 14), capacity=30)
        invite_contacts(s, eid, [contact(s, "Anna"), contact(s, "Bert")])
        set_status(s, list_participants(s, eid)[0].id, REGISTERED)
    with app_ctx.reading() as s:
        export_frame(events_frame(event_service.list_events(s)), tmp_path / "ev.xlsx", "Evenementen")
        export_frame(stats_frame(event_stats.year_events(s, 2025)), tmp_path / "st.xlsx", "Statistiek 2025")
    sheet = load_workbook(tmp_path / "ev.xlsx").active
    row = [c.value for c in sheet[2]]
    assert row[0] == datetime(2025, 3, 20) and sheet["A2"].number_format == "DD/MM/YYYY"
    assert row[3] == "=Netwerk" and sheet["D2"].data_type == "s"  # text, never a formula
    assert row[8:12] == [30, 2, 1, 0]
    stats = load_workbook(tmp_path / "st.xlsx").active
    assert [c.value for c in stats[1]] == ["Datum", "Evenement", "Uitgenodigd", "Ingeschreven", "Aanwezig", "Opkomst"]
    assert [c.value for c in stats[2]][1:] == ["=Netwerk", 2, 1, 0, 0] and stats["B2"].data_type == "s"


def test_yearly_events_report_pdf(app_ctx, tmp_path):
    from regisseur_app.reports.events.year_report import obligations_rows, write_events_report

    with app_ctx.transaction() as s:
        eid = event(s, "Netwerkmoment 2025", start=datetime(2025, 3, 20, 14), status="afgelopen")
        invite_contacts(s, eid, [contact(s, "Anna", municipalities=["24137"])])
        rows = obligations_rows(s, 2025)
    assert rows[0][:3] == ["Netwerkevent voor beleidsmakers, ambtenaren en SE-actoren", "Gehaald",
                           "Netwerkmoment 2025 (20/03/2025)"]
    assert rows[1][1:3] == ["Niet gehaald", "—"]
    with app_ctx.reading() as s:
        pdf = write_events_report(s, 2025, tmp_path / "jaar.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "Netwerkevenementen 2025" in text and "Niet gehaald" in text and "Glabbeek" in text
