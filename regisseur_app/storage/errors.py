"""File-system and SQLite failures as Dutch messages ("de schijf is vol: …") instead of raw driver errors."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path


def unreadable_database_errors() -> tuple[type[BaseException], ...]:
    """The exceptions of this database driver that mean "this file cannot be read as a database"."""
    import sqlite3

    return (sqlite3.DatabaseError,)


class StorageError(RuntimeError):
    """Writing or reading the database or a backup failed for a reason outside Regisseur (disk, rights).
    The message is Dutch and says what to do; nothing half-written was kept."""


_SQLITE_REASONS = (
    ("disk is full", "de schijf is vol"),
    ("database or disk is full", "de schijf is vol"),
    ("attempt to write a readonly database", "er mag niet geschreven worden in deze map of dit bestand"),
    ("readonly", "er mag niet geschreven worden in deze map of dit bestand"),
    ("disk i/o error", "de schijf gaf een leesfout of schrijffout"),
    ("unable to open database file", "het bestand kan niet geopend worden"),
    ("database is locked", "de database is bezet door een ander programma"),
    ("file is not a database", "het bestand is geen geldige database"),
    ("database disk image is malformed", "het bestand is beschadigd"),
)
DAMAGE_REASONS = ("het bestand is geen geldige database", "het bestand is beschadigd")
_ERRNO_REASONS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte (quotum) is op",
    errno.EACCES: "er mag niet geschreven worden in deze map of dit bestand",
    errno.EPERM: "er mag niet geschreven worden in deze map of dit bestand",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EIO: "de schijf gaf een leesfout of schrijffout",
}
_ADVICE = {
    "de schijf is vol": "Maak ruimte vrij op de schijf en probeer opnieuw.",
    "de schijfruimte (quotum) is op": "Maak ruimte vrij en probeer opnieuw.",
    "de schijf is alleen-lezen": "Kies een map op een schijf waarop geschreven kan worden.",
}


def storage_reason(exc: BaseException) -> str | None:
    """The Dutch reason for a file-system or SQLite failure, or None when it is not one of those."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and not isinstance(seen, sqlite3.Error) and seen.errno in _ERRNO_REASONS:
            return _ERRNO_REASONS[seen.errno]
        if isinstance(seen, sqlite3.Error):
            text = str(seen).lower()
            for needle, reason in _SQLITE_REASONS:
                if needle in text:
                    return reason
        seen = getattr(seen, "orig", None) or seen.__cause__ or seen.__context__
    return None


def storage_error(exc: BaseException, what: str, path: Path | str | None = None) -> BaseException:
    """A StorageError with a Dutch message for `exc` when it is a storage failure; else `exc` itself.

    `what` says what was being done ("De back-up", "Het importeren"), `path` the file involved."""
    reason = storage_reason(exc)
    if reason is None:
        return exc
    where = f" ({path})" if path else ""
    advice = _ADVICE.get(reason, "Controleer de schijf en de rechten op de map, en probeer opnieuw.")
    return StorageError(f"{what} is mislukt: {reason}{where}. {advice} Er is niets half weggeschreven.")
