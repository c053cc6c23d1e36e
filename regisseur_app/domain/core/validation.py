"""Field validation shared by services and imports: KBO numbers, e-mail, phone, privacy guards."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

# python-stdnum is imported where a number is checked: importing it (with pydoc) costs every start a few
# milliseconds, and a start checks no number

EMAIL_PATTERN = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                           r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
PHONE_PATTERN = re.compile(r"^\+?[0-9 ./()-]{8,20}$")
# runs of digits with the usual separators of a national number: 85.07.30-033.28, 85073003328
_NN_CANDIDATE = re.compile(r"(?<!\d)\d{2}[.\s-]?\d{2}[.\s-]?\d{2}[.\s-]?\d{3}[.\s-]?\d{2}(?!\d)")


def normalize_kbo(text: str) -> str:
    """Validate a KBO/enterprise number (0- or 1-series) and return its 10 digits.

    Accepts '0403.170.701', 'BE0403170701', '403170701'. Raises ValueError with a Dutch message.
    """
    from stdnum.be import vat
    from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, ValidationError

    raw = (text or "").strip()
    try:
        digits = vat.validate(raw)
    except InvalidChecksum as exc:
        raise ValueError(f"KBO-nummer '{raw}' klopt niet: het controlegetal (modulo 97) is fout.") from exc
    except (InvalidFormat, InvalidLength) as exc:
        raise ValueError(
            f"KBO-nummer '{raw}' heeft niet de vorm 0xxx.xxx.xxx of 1xxx.xxx.xxx (10 cijfers)."
        ) from exc
    except ValidationError as exc:
        raise ValueError(f"KBO-nummer '{raw}' is ongeldig.") from exc
    if not re.match(r"^(0[2-9]|1)", digits):  # enterprise numbers start at 0200.000.000
        raise ValueError(f"KBO-nummer '{raw}' bestaat niet: een ondernemingsnummer begint met 02…09 of 1.")
    return digits


def format_kbo(digits: str | None) -> str:
    if not digits or len(digits) != 10:
        return digits or ""
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def is_valid_email(text: str) -> bool:
    value = (text or "").strip()
    local = value.split("@", 1)[0]
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return False
    return bool(EMAIL_PATTERN.match(value)) and len(value) <= 254


def is_valid_phone(text: str) -> bool:
    return bool(PHONE_PATTERN.match((text or "").strip())) and sum(c.isdigit() for c in text) >= 8


def find_national_number(text: str | None) -> str | None:
    """Return the first part of `text` that validates as a rijksregister- or BIS-nummer, else None."""
    if not text:
        return None
    for match in _NN_CANDIDATE.finditer(str(text)):
        from stdnum.be import bis, nn

        digits = re.sub(r"\D", "", match.group())
        if nn.is_valid(digits) or bis.is_valid(digits):
            return match.group()
    return None


# find_national_numbers: a text becomes bytes where every ASCII character that `_NN_CANDIDATE` reads as a digit
# is b"0", every separator b"." and anything else b"x" (built from the pattern's own classes, so it cannot drift);
# then a candidate without its lookarounds (a search with a literal start: fast) finds every candidate and more
_NN_CLASSES = bytes(0x30 if re.fullmatch(r"\d", chr(b)) else 0x2E if re.fullmatch(r"[.\s-]", chr(b)) else 0x78
                    for b in range(128)) + b"x" * 128
_NN_LOOSE = re.compile(rb"00\.?00\.?00\.?000\.?00")


def find_national_numbers(texts: Sequence[str | None]) -> dict[int, str]:
    """find_national_number of many texts (a column of an import) at once: {index: what was found} for the texts
    that hold one. Only the texts that may hold one are searched one by one: those with a non-ASCII character,
    and those where a looser pattern matches in the column's ASCII texts joined by '|' (no candidate spans it)."""
    suspects: set[int] = set()
    try:
        values, joined = texts, "|".join(texts)
    except TypeError:  # a None among them
        values = [text or "" for text in texts]
        joined = "|".join(values)
    if not joined.isascii():
        suspects.update(i for i, text in enumerate(values) if not text.isascii())
        values = ["" if i in suspects else text for i, text in enumerate(values)]
        joined = "|".join(values)
    matches = [m.start() for m in _NN_LOOSE.finditer(joined.encode("ascii").translate(_NN_CLASSES))]
    if matches:
        ends = list(itertools.accumulate(len(text) + 1 for text in values))  # one past each text's '|'
        suspects.update(bisect.bisect_right(ends, at) for at in matches)
    found = {}
    for index in sorted(suspects):
        hit = find_national_number(texts[index])
        if hit:
            found[index] = hit
    return found


NATIONAL_NUMBER_MESSAGE = ("bevat een rijksregister- of BIS-nummer ({}). Zulke persoonsgegevens mogen niet "
                           "in Regisseur bewaard worden.")


def check_no_national_number(fields: dict[str, str | None], errors: dict[str, str]) -> None:
    """Add an error for every field whose text contains a national or BIS number."""
    for name, value in fields.items():
        found = find_national_number(value)
        if found and name not in errors:
            errors[name] = "Dit veld " + NATIONAL_NUMBER_MESSAGE.format(found)
