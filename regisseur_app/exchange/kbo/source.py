"""Where the extract comes from: the zip as downloaded or its unpacked folder. Checks that it is a KBO
extract, that every file is there with the expected header, and that it is UTF-8 - before anything is read
into the register. Every problem is a KboFormatError with a Dutch message naming file and line."""

from __future__ import annotations

import codecs
import csv
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from regisseur_app.exchange.kbo.layout import COLUMNS, FILES, SIGNATURE

CHUNK = 16 * 1024 * 1024
Progress = Callable[[int, str], None]


class KboFormatError(Exception):
    """The extract cannot be read; the message (Dutch) names the file and, where it can, the line."""


@contextmanager
def extract_folder(source: Path, progress: Progress | None = None):
    """Yield a folder holding the extract's CSV files: the folder itself, or the zip unpacked into a
    temporary folder that is removed afterwards."""
    source = Path(source)
    if source.is_dir():
        _check_present(source, {p.name for p in source.iterdir()}, source.name)
        yield source
        return
    if not source.exists():
        raise KboFormatError(f"Het bestand {source} bestaat niet.")
    if not zipfile.is_zipfile(source):
        raise KboFormatError(f"{source.name} is geen zipbestand. Kies het KBO Open Data-extract zoals het "
                             "gedownload werd (KboOpenData_…_Full.zip) of de uitgepakte map.")
    with zipfile.ZipFile(source) as archive:
        members = {Path(info.filename).name: info for info in archive.infolist() if not info.is_dir()}
        _check_present(None, set(members), source.name)
        temp = Path(tempfile.mkdtemp(prefix="regisseur-kbo-"))
        try:
            total = sum(members[name].file_size for name in FILES) or 1
            done = 0
            for name in FILES:
                if progress:
                    progress(int(done / total * 100), f"{name} uitpakken…")
                try:
                    with archive.open(members[name]) as src, (temp / name).open("wb") as dst:
                        shutil.copyfileobj(src, dst, CHUNK)
                except (zipfile.BadZipFile, EOFError, OSError) as exc:
                    raise KboFormatError(f"{name} in {source.name} is beschadigd of onvolledig ({exc}). "
                                         "Download het extract opnieuw.") from exc
                done += members[name].file_size
            yield temp
        finally:
            shutil.rmtree(temp, ignore_errors=True)


def _check_present(folder: Path | None, names: set[str], shown: str) -> None:
    if not any(name in names for name in SIGNATURE):
        raise KboFormatError(f"{shown} is geen KBO Open Data-extract: de bestanden {', '.join(SIGNATURE)} "
                             "ontbreken.")
    missing = [name for name in FILES if name not in names]
    if missing:
        raise KboFormatError(f"Het KBO-extract {shown} is onvolledig: {', '.join(missing)} ontbreekt.")


def check_headers(folder: Path) -> None:
    """Line 1 of every file must name exactly the columns of the published format."""
    for name, expected in COLUMNS.items():
        with (folder / name).open("rb") as handle:
            first = handle.readline()
        try:
            text = first.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise KboFormatError(f"{name}, regel 1: geen UTF-8-tekst ({exc.reason}).") from exc
        found = tuple(next(csv.reader([text]), []))
        if found != expected:
            missing = [c for c in expected if c not in found]
            extra = [c for c in found if c not in expected]
            detail = []
            if missing:
                detail.append("ontbrekend: " + ", ".join(missing))
            if extra:
                detail.append("onbekend: " + ", ".join(extra))
            if not detail:
                detail.append("de volgorde is anders")
            raise KboFormatError(f"{name}, regel 1: de kolommen wijken af van het KBO-formaat ({'; '.join(detail)}). "
                                 f"Verwacht: {', '.join(expected)}.")


def check_utf8(folder: Path, progress: Progress | None = None, start: int = 0, span: int = 100,
               stop: threading.Event | None = None) -> None:
    """Every file must be UTF-8: a wrong encoding is named with its file and line (DuckDB itself would read
    the bytes without complaint)."""
    sizes = {name: (folder / name).stat().st_size for name in FILES}
    total = sum(sizes.values()) or 1
    done = 0
    for name in FILES:
        decoder = codecs.getincrementaldecoder("utf-8")()
        lines = 0
        with (folder / name).open("rb") as handle:
            while chunk := handle.read(CHUNK):
                if stop is not None and stop.is_set():
                    return
                if chunk.isascii() and not decoder.getstate()[0]:   # the usual case, checked at memory speed
                    lines += chunk.count(b"\n")
                    done += len(chunk)
                    if progress:
                        progress(start + int(done / total * span), f"Controle van {name}…")
                    continue
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    line = lines + chunk.count(b"\n", 0, exc.start) + 1
                    raise KboFormatError(f"{name}, regel {line}: geen geldige UTF-8-tekst (verkeerde codering; "
                                         "het KBO-extract is altijd UTF-8).") from exc
                lines += chunk.count(b"\n")
                done += len(chunk)
                if progress:
                    progress(start + int(done / total * span), f"Controle van {name}…")
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError as exc:
                raise KboFormatError(f"{name}, regel {lines + 1}: het bestand eindigt midden in een teken "
                                     "(onvolledig bestand).") from exc
