"""Lookups for imports: code lists, municipalities and organisations, resolved once per distinct value.

10.000 rows must not cost a query per row per field: names are resolved through the domain's own
find_* functions, memoised per distinct text, and the referenced objects are kept in the session's
identity map (a strong reference), so the validators' session.get() calls need no query either.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from regisseur_app.domain.core.codelists import ORGANISATION_TYPE, SERVICE_CATEGORY, CodeItem, find_item, list_items
from regisseur_app.domain.core.municipalities import Municipality, find_municipality
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.core.validation import normalize_kbo
from regisseur_app.storage.engine import fold

_SPLIT_STRONG = re.compile(r"\s*[,;\n]\s*")
_SPLIT_SLASH = re.compile(r"\s*/\s*")
_CHUNK = 500


class Memo:
    """Cache a lookup function per distinct (folded) text."""

    def __init__(self, lookup: Callable[[str], object]):
        self._lookup = lookup
        self._cache: dict[str, object] = {}
        self._seen: dict[str, object] = {}  # by the text as written: a file repeats it, no fold needed

    def __call__(self, text: str):
        try:
            return self._seen[text]
        except KeyError:
            pass
        key = fold(text)
        if key not in self._cache:
            self._cache[key] = self._lookup(text)
        self._seen[text] = self._cache[key]
        return self._cache[key]


class ReferenceData:
    """Municipalities and code items of one session, pinned in its identity map."""

    def __init__(self, session: Session):
        self.session = session
        self.code_items: dict[int, CodeItem] = {i.id: i for i in session.scalars(select(CodeItem))}
        self.municipalities: dict[str, Municipality] = {m.nis_code: m for m in session.scalars(select(Municipality))}
        self.type_id = Memo(lambda text: find_item(session, ORGANISATION_TYPE, text))
        self.category_id = Memo(lambda text: find_item(session, SERVICE_CATEGORY, text))
        self.municipality = Memo(lambda text: find_municipality(session, text))
        self._type_labels: str | None = None

    def type_labels(self) -> str:
        if self._type_labels is None:
            self._type_labels = ", ".join(i.label for i in list_items(self.session, ORGANISATION_TYPE))
        return self._type_labels


class OrganisationIndex:
    """Existing organisations by KBO number and by folded name, from one query."""

    def __init__(self, session: Session):
        self.session = session
        self.by_kbo: dict[str, int] = {}
        self.by_name: dict[str, list[tuple[int, str | None]]] = defaultdict(list)
        self.names: dict[int, str] = {}
        self._pinned: dict[int, Organisation] = {}
        rows = session.execute(
            select(Organisation.id, Organisation.name, Organisation.kbo_number).order_by(Organisation.id)).all()
        if rows:
            ids, names, kbos = zip(*rows, strict=True)
            self.names = dict(zip(ids, names, strict=True))
            self.by_kbo = {kbo: org_id for org_id, kbo in zip(ids, kbos, strict=True) if kbo}
            by_name = self.by_name
            for key, org_id, kbo in zip(map(fold, names), ids, kbos, strict=True):
                by_name[key].append((org_id, kbo))

    def existing(self, kbo: str | None, name: str, folded_name: str | None = None) -> int | None:
        """Same KBO number, else same name (unless both have a KBO number and they differ)."""
        if kbo and kbo in self.by_kbo:
            return self.by_kbo[kbo]
        for org_id, other_kbo in self.by_name.get(fold(name) if folded_name is None else folded_name, ()):
            if not (kbo and other_kbo and kbo != other_kbo):
                return org_id
        return None

    def find(self, text: str) -> int | None:
        """An organisation named by its KBO number (any notation) or its name."""
        candidate = pad_kbo(text)
        if sum(c.isdigit() for c in candidate) >= 9:
            try:
                found = self.by_kbo.get(normalize_kbo(candidate))
            except ValueError:
                found = None
            if found is not None:
                return found
        matches = self.by_name.get(fold(text))
        return matches[0][0] if matches else None

    def load(self, org_ids: Iterable[int]) -> None:
        """Load these organisations with their relations in a few queries and keep them in the session."""
        wanted = sorted(set(org_ids) - set(self._pinned))
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            for org in self.session.scalars(select(Organisation).where(Organisation.id.in_(chunk)).options(
                    selectinload(Organisation.municipalities), selectinload(Organisation.categories))):
                self._pinned[org.id] = org

    def get(self, org_id: int) -> Organisation:
        if org_id not in self._pinned:
            self.load([org_id])
        return self._pinned[org_id]


def resolve_many(text: str, lookup: Callable[[str], object]) -> tuple[list, list[str]]:
    """Split 'A, B; C/D' and look every part up. Returns (found values without repeats, unknown parts).

    ',' ';' and new lines always separate; '/' separates too, except inside a label that contains one
    ('Hergebruik/kringwinkel'): the longest run of '/'-pieces that matches a label wins.
    """
    found: list = []
    unknown: list[str] = []
    for part in _SPLIT_STRONG.split(text.strip()):
        pieces = [p for p in _SPLIT_SLASH.split(part) if p]
        start = 0
        while start < len(pieces):
            for end in range(len(pieces), start, -1):
                value = lookup("/".join(pieces[start:end]))
                if value is not None:
                    found.append(value)
                    start = end
                    break
            else:
                unknown.append(pieces[start])
                start += 1
    return list(dict.fromkeys(found)), unknown


def pad_kbo(text: str) -> str:
    """A KBO number typed as a number in Excel lost its leading zero: '403170701' -> '0403170701'."""
    value = text.strip()
    return "0" + value if value.isdigit() and len(value) == 9 else value


def kbo_digits(text: str) -> str | None:
    """The 10 digits of a valid KBO number, or None (the validator then reports why)."""
    if not text:
        return None
    try:
        return normalize_kbo(pad_kbo(text))
    except ValueError:
        return None
