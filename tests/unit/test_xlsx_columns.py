"""The fast xlsx path converts calamine's values a column at a time (exchange/xlsx_columns): the texts must be
those of converting cell by cell (xlsx_reader.cell_text), and a whole file must read as the streaming reader
reads it."""

import random
from datetime import date, datetime, time, timedelta

import openpyxl
import pytest

from regisseur_app.exchange import xlsx_reader
from regisseur_app.exchange.tabular import read_table
from regisseur_app.exchange.xlsx_columns import stamp_texts, text_rows
from regisseur_app.exchange.xlsx_reader import _NotSame, _value_text, cell_text


def cell_by_cell(values, keep, pad):
    return [[""] * pad + [v.strip() if v.__class__ is str else _value_text(v) for v in row[:keep]] for row in values]


def test_dates_and_time_stamps_are_written_as_strftime_writes_them():
    rng = random.Random(7)
    stamps = [datetime(1900, 1, 1) + timedelta(seconds=rng.randrange(0, 200 * 365 * 86400)) for _ in range(3000)]
    stamps += [datetime(2024, 3, 1), datetime(2024, 3, 1, 0, 0, 1), datetime(2024, 3, 1, 0, 0, 0, 5),
               datetime(2024, 12, 31, 23, 59, 59, 999999), datetime(9999, 12, 31, 23, 59), datetime(1, 1, 1, 0, 1),
               datetime(999, 5, 6, 7, 8)]
    stamps += [datetime(2024, 3, 1, 0, 1), datetime(2024, 3, 1, 0, 0, 59), datetime(2024, 3, 1, 12)]  # same day
    days = [date(1899, 12, 30), date(2024, 2, 29), date(9999, 12, 31), date(1, 1, 1), date(999, 1, 2), date(2024, 3, 1)]
    values = stamps + days
    rng.shuffle(values)
    assert stamp_texts(values) == [cell_text(value) for value in values]


def test_columns_of_every_kind_give_the_texts_of_cell_by_cell():
    rng = random.Random(16)
    kinds = [
        lambda: rng.choice(["Ja", " Nee ", "", "Misschien\n"]),  # texts only
        lambda: float(rng.randint(1, 5)),  # few distinct numbers
        lambda: rng.random() * 1000,  # all different numbers
        lambda: rng.choice([1.0, True, 0.0, False, ""]),  # equal across kinds, written differently
        lambda: rng.choice([1, 1.0, 2.5, "2,5"]),
        lambda: datetime(2025, 11, 3, 8) + timedelta(minutes=rng.randint(0, 10**5)),
        lambda: rng.choice([date(2025, 1, 1), datetime(2025, 1, 1), datetime(2025, 1, 1, 9, 30)]),
        lambda: rng.choice([timedelta(hours=30), "", 3.0, date(2024, 1, 2)]),
        lambda: rng.choice(["Groen;Schoonmaak;", 12.0, -0.0, 0.0]),
    ]
    values = [[kind() for kind in kinds] for _ in range(400)]
    for keep, pad in ((len(kinds), 0), (len(kinds), 2), (4, 1), (1, 0)):
        assert text_rows(values, keep, pad, _value_text) == cell_by_cell(values, keep, pad)


def test_a_value_the_streaming_reader_must_read_still_sends_the_file_there():
    for refused in (time(12, 30), 1e16):
        values = [[1.0, "a"], [2.0, "b"], [refused, "c"]] + [[1.0, "a"]] * 10  # in a column with repeats too
        with pytest.raises(_NotSame):
            text_rows(values, 2, 0, _value_text)


def test_a_survey_export_reads_the_same_through_both_readers(tmp_path, monkeypatch):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ID", "Begintijd", "Tijd van voltooien", "Naam", "Gemeente", "Score", "Diensten", "Leeg"])
    rng = random.Random(3)
    start = datetime(2025, 11, 3, 8, 0)
    for i in range(300):
        began = start + timedelta(minutes=7 * i + rng.randint(0, 5), seconds=rng.randint(0, 59))
        sheet.append([i + 1, began, began.replace(hour=0, minute=0, second=0) if i % 7 == 0 else began,
                      rng.choice(["", " Ann "]), rng.choice(["Leuven", "Tienen", "Aarschot"]),
                      rng.choice([1, 2, 3, 4.5, None]), rng.choice(["Groen;", "Groen;Catering;", None]),
                      None])
        if i % 50 == 0:
            sheet.append([])  # a blank row in between
    path = tmp_path / "peiling.xlsx"
    book.save(path)
    fast = read_table(path)
    monkeypatch.setattr(xlsx_reader, "FAST_READER", False)
    stream = read_table(path)
    assert fast.headers == stream.headers
    assert fast.line_numbers == stream.line_numbers
    assert fast.rows == stream.rows
    assert fast.rows[0][1] and fast.rows[7][2].count(":") == 0  # a time stamp, and one at midnight as a date
    records = xlsx_reader._read_fast(path, 1000, path.name)
    assert records == xlsx_reader._read_streaming(path, 1000, path.name)
