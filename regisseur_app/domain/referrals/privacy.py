"""Privacy guards of the referral log: refuse national/BIS numbers, warn on e-mail and phone numbers,
and recognise a spreadsheet column of person names (which an import refuses).

The name heuristic (explained in docs/privacy.md):
- a header that names a person attribute (naam, voornaam, achternaam, familienaam, cliënt, klant,
  deelnemer, persoon, rijksregisternummer, INSZ, geboortedatum, adres, telefoon, e-mail ...), or
- a column where at least 60% of at least three filled cells look like "Voornaam Achternaam":
  two to four words, each starting with a capital and made of letters (with particles such as
  "van", "de", "der" allowed in between), no digits, and not a known label (a municipality, an
  organisation of the inventory or a code-list item).
"""

from __future__ import annotations

import re

from regisseur_app.domain.core.validation import find_national_number
from regisseur_app.storage.engine import fold

_EMAIL_IN_TEXT = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
# Belgian phone numbers inside text: 0470 12 34 56, +32 470 12 34 56, 016/12.34.56, 011 23 45 67
_PHONE_IN_TEXT = re.compile(r"(?<![\d/])(\+32[\s./-]?|0032[\s./-]?|0)[1-9][\d\s./-]{6,12}\d(?!\d)")

PERSON_HEADER_WORDS = (
    "naam", "voornaam", "achternaam", "familienaam", "volledigenaam", "naamclient", "client", "clienten",
    "klant", "klantnaam", "deelnemer", "persoon", "betrokkene", "rijksregisternummer", "rijksregisternr",
    "rrn", "insz", "insznummer", "bisnummer", "geboortedatum", "adres", "straat", "woonplaats",
    "telefoon", "gsm", "email", "emailadres",
)
_PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "da", "du", "le", "la", "vande", "vanden",
              "vander", "d'", "'t", "von", "el", "al", "ben"}
_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:[-'][A-ZÀ-ÖØ-Þa-zà-öø-ÿ][a-zà-öø-ÿ]+)*$")
_PERSON_HEADER_PREFIXES = ("voornaam", "achternaam", "familienaam", "rijksregister", "geboortedatum", "naamclient",
                           "naamvan", "naamdeelnemer", "naamklant", "naambetrokkene", "insz", "bisnummer")
NAME_SHARE = 0.6
NAME_MIN_CELLS = 3


def national_number_in_cell(text: str | None) -> str | None:
    """A national or BIS number in a cell, also when a spreadsheet stored it as a number and dropped the
    leading zero (3021415219 for 03021415219 of someone born in 2003)."""
    found = find_national_number(text)
    if found is None and text is not None and re.fullmatch(r"\d{10}", digits := str(text).strip()):
        found = find_national_number("0" + digits) and digits
    return found


def national_number_error(label: str, text: str | None) -> str | None:
    found = national_number_in_cell(text)
    if found:
        return (f"{label} bevat een rijksregister- of BIS-nummer ({found}). Zulke gegevens mogen niet in "
                "Regisseur bewaard worden: verwijder het nummer.")
    return None


def note_warnings(text: str | None) -> list[str]:
    """Dutch warnings for an e-mail address or a phone number in a note (allowed, but rarely needed)."""
    warnings = []
    if not text:
        return warnings
    if match := _EMAIL_IN_TEXT.search(text):
        warnings.append(f"De notitie bevat een e-mailadres ({match.group()}). Is dat echt nodig? "
                        "Een e-mailadres kan een persoon identificeren.")
    while found := find_national_number(text):  # refused anyway; must not also read as a phone number
        text = text.replace(found, " ")
    if match := _PHONE_IN_TEXT.search(text):
        digits = re.sub(r"\D", "", match.group())
        if 9 <= len(digits) <= 12:
            warnings.append(f"De notitie bevat een telefoonnummer ({match.group().strip()}). Is dat echt nodig? "
                            "Een telefoonnummer kan een persoon identificeren.")
    return warnings


def is_person_header(header: str) -> bool:
    key = re.sub(r"[^a-z]", "", fold(header))
    return bool(key) and (key in PERSON_HEADER_WORDS or key.startswith(_PERSON_HEADER_PREFIXES))


def looks_like_person_name(value: str, known_labels: set[str]) -> bool:
    """'Jan Peeters', 'An Van den Broeck', 'Marie-Louise De Smet': yes; 'Tielt-Winge', 'LDE', known labels: no."""
    text = (value or "").strip()
    if not text or any(ch.isdigit() for ch in text) or fold(text) in known_labels:
        return False
    words = text.replace(",", " ").split()
    capitalised = [w for w in words if fold(w) not in _PARTICLES]
    if not 2 <= len(capitalised) <= 4 or len(words) > 6:
        return False
    return all(_NAME_WORD.match(w) for w in capitalised)


def name_column_reason(header: str, values: list[str], known_labels: set[str]) -> str | None:
    """Why this column looks like it holds people's names (Dutch), or None."""
    if is_person_header(header):
        return f"de kolomnaam '{header}' wijst op persoonsgegevens"
    filled = [v for v in values if v and v.strip()]
    if len(filled) < NAME_MIN_CELLS:
        return None
    names = sum(1 for v in filled if looks_like_person_name(v, known_labels))
    if names / len(filled) >= NAME_SHARE:
        return (f"{names} van de {len(filled)} ingevulde waarden zien eruit als namen van personen "
                "(Voornaam Achternaam)")
    return None
