"""NACE-BEL: codes as the KBO writes them (5 digits, '62010'), shown with a dot ('62.010'), and the
sections of both versions (2008 = NACE Rev. 2, 2025 = NACE Rev. 2.1, whose sections differ from J on)."""

from __future__ import annotations

VERSIONS = ("2008", "2025")
VERSION_LABELS = {"2008": "NACE-BEL 2008", "2025": "NACE-BEL 2025"}

# (first division, last division, section, Dutch short label)
_SECTIONS_2008 = (
    (1, 3, "A", "Landbouw, bosbouw en visserij"),
    (5, 9, "B", "Winning van delfstoffen"),
    (10, 33, "C", "Industrie"),
    (35, 35, "D", "Energievoorziening"),
    (36, 39, "E", "Water, afval en sanering"),
    (41, 43, "F", "Bouwnijverheid"),
    (45, 47, "G", "Groot- en detailhandel, reparatie van auto's"),
    (49, 53, "H", "Vervoer en opslag"),
    (55, 56, "I", "Logies en horeca"),
    (58, 63, "J", "Informatie en communicatie"),
    (64, 66, "K", "Financiële activiteiten en verzekeringen"),
    (68, 68, "L", "Onroerend goed"),
    (69, 75, "M", "Vrije beroepen, wetenschap en techniek"),
    (77, 82, "N", "Administratieve en ondersteunende diensten"),
    (84, 84, "O", "Openbaar bestuur"),
    (85, 85, "P", "Onderwijs"),
    (86, 88, "Q", "Gezondheidszorg en maatschappelijke dienstverlening"),
    (90, 93, "R", "Kunst, amusement en recreatie"),
    (94, 96, "S", "Overige diensten"),
    (97, 98, "T", "Huishoudens als werkgever"),
    (99, 99, "U", "Extraterritoriale organisaties"),
)
_SECTIONS_2025 = (
    (1, 3, "A", "Landbouw, bosbouw en visserij"),
    (5, 9, "B", "Winning van delfstoffen"),
    (10, 33, "C", "Industrie"),
    (35, 35, "D", "Energievoorziening"),
    (36, 39, "E", "Water, afval en sanering"),
    (41, 43, "F", "Bouwnijverheid"),
    (46, 47, "G", "Groot- en detailhandel"),
    (49, 53, "H", "Vervoer en opslag"),
    (55, 56, "I", "Logies en horeca"),
    (58, 60, "J", "Uitgeverijen, omroep en contentproductie"),
    (61, 63, "K", "Telecommunicatie, IT en informatiediensten"),
    (64, 66, "L", "Financiële activiteiten en verzekeringen"),
    (68, 68, "M", "Onroerend goed"),
    (69, 75, "N", "Vrije beroepen, wetenschap en techniek"),
    (77, 82, "O", "Administratieve en ondersteunende diensten"),
    (84, 84, "P", "Openbaar bestuur"),
    (85, 85, "Q", "Onderwijs"),
    (86, 88, "R", "Gezondheidszorg en maatschappelijke dienstverlening"),
    (90, 93, "S", "Kunst, sport en recreatie"),
    (94, 96, "T", "Overige diensten"),
    (97, 98, "U", "Huishoudens als werkgever"),
    (99, 99, "V", "Extraterritoriale organisaties"),
)
_TABLES = {"2008": _SECTIONS_2008, "2025": _SECTIONS_2025}
UNKNOWN_SECTION = "?"


def section_of(version: str, code: str | None) -> str:
    """The section letter of a code in its version ('?' when unknown)."""
    if not code or len(code) < 2 or not code[:2].isdigit():
        return UNKNOWN_SECTION
    division = int(code[:2])
    for first, last, letter, _label in _TABLES.get(version, ()):
        if first <= division <= last:
            return letter
    return UNKNOWN_SECTION


def sections(version: str) -> list[tuple[str, str]]:
    """(letter, Dutch label) of every section of a version."""
    return [(letter, label) for _f, _l, letter, label in _TABLES.get(version, ())]


def section_label(version: str, letter: str) -> str:
    for _f, _l, found, label in _TABLES.get(version, ()):
        if found == letter:
            return label
    return "Zonder gekende hoofdactiviteit"


def section_divisions(version: str, letter: str) -> tuple[str, str] | None:
    """The first and last division ('45', '47') of a section, for range queries on the code."""
    for first, last, found, _label in _TABLES.get(version, ()):
        if found == letter:
            return f"{first:02d}", f"{last:02d}"
    return None


def dotted(code: str | None) -> str:
    """'62010' -> '62.010' (the way NACE-BEL codes are written)."""
    if not code:
        return ""
    return code if len(code) <= 2 else f"{code[:2]}.{code[2:]}"


def digits(prefix: str) -> str:
    """'38.3' -> '383': a prefix as written by a person, as the KBO stores it."""
    return "".join(ch for ch in prefix if ch.isdigit())
