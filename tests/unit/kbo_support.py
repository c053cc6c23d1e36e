"""Small KBO Open Data extracts in the real format (all values quoted, dd-mm-yyyy, dotted numbers) for tests.

The regional scene (participating: Bekkevoort 3460/3461, Geetbets 3450, Glabbeek 3380, Kortenaken 3470,
Tielt-Winge 3390):
  A  Kringloop Hageland bv     legal, seat Bekkevoort, 47.790 in NACE 2008 and 2025 (second-hand) + e-mail
  B  Groen & Co, "de tuinier"  legal, seat Leuven (outside), establishments in Geetbets and Kortenaken, 81.300
                               in NACE 2025 only (landscaping)
  C  Jan Janssens              natural person, seat Bekkevoort, 95.230 (shoe repair): counted only
  D  Marie Peeters             natural person, seat Glabbeek + establishment Tielt-Winge, 56.101: counted only
  E  Oude Bakkerij bv          legal, STOPPED, seat Tielt-Winge, 10.710
  F  Transport Diest nv        legal, seat Diest (outside), no establishment in the region: not kept
  G  Digitaal Samen cv         legal, juridical form 'met sociaal oogmerk', Glabbeek, 62.010
  H  Bouwbedrijf Peeters nv    legal, Kortenaken, 41.201, public e-mail (a regular company)
  INV Schoonmaak Vandenberghe   legal, seat Leuven (outside) - named by an organisation of the inventory
"""

from __future__ import annotations

import csv
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from regisseur_app.exchange.kbo.layout import COLUMNS


def kbo(base: int) -> str:
    """A valid enterprise number (mod 97) from an 8-digit base, dotted as the KBO writes it."""
    digits = f"{base:08d}"
    check = 97 - int(digits) % 97
    full = f"{digits}{check:02d}"
    return f"{full[:4]}.{full[4:7]}.{full[7:]}"


def digits(number: str) -> str:
    return number.replace(".", "")


A, B, C, D, E, F, G, H, INV = (kbo(b) for b in (4100001, 4100002, 5100003, 5100004, 4100005, 4100006,
                                                 4100007, 4100008, 4100009))


@dataclass
class Extract:
    rows: dict[str, list[list[str]]] = field(default_factory=lambda: {name: [] for name in COLUMNS})
    headers: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(COLUMNS))

    def enterprise(self, number: str, name: str, *, natural: bool = False, status: str = "AC", form: str = "610",
                   start: str = "01-02-2015", seat: tuple[str, str, str, str] | None = None,
                   nace: tuple[tuple[str, str, str], ...] = (), email: str = "", web: str = "",
                   french_name: str = "") -> None:
        self.rows["enterprise.csv"].append([number, status, "000", "1" if natural else "2",
                                           "" if natural else form, "", start])
        self.rows["denomination.csv"].append([number, "2", "001", name])
        if french_name:
            self.rows["denomination.csv"].append([number, "1", "001", french_name])
        if seat:
            self.address(number, "REGO", *seat)
        for version, code, classification in nace:
            self.rows["activity.csv"].append([number, "BTW001", version, code, classification])
        if email:
            self.rows["contact.csv"].append([number, "ENT", "EMAIL", email])
        if web:
            self.rows["contact.csv"].append([number, "ENT", "WEB", web])

    def establishment(self, number: str, enterprise: str, place: tuple[str, str, str, str],
                      nace: tuple[tuple[str, str, str], ...] = ()) -> None:
        self.rows["establishment.csv"].append([number, "01-01-2020", enterprise])
        self.address(number, "BAET", *place)
        for version, code, classification in nace:
            self.rows["activity.csv"].append([number, "BTW001", version, code, classification])

    def address(self, entity: str, kind: str, postcode: str, city: str, street: str, house: str) -> None:
        self.rows["address.csv"].append([entity, kind, "", "", postcode, city, city, street, street, house, "", "",
                                         ""])

    def write(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        for name, header in self.headers.items():
            with (folder / name).open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n")
                writer.writerow(header)
                writer.writerows(self.rows[name])
        return folder

    def write_zip(self, path: Path) -> Path:
        folder = self.write(path.parent / (path.stem + "_files"))
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in self.headers:
                archive.write(folder / name, name)
        return path


CODES = [
    ("JuridicalForm", "014", "Naamloze vennootschap"), ("JuridicalForm", "610", "Besloten vennootschap"),
    ("JuridicalForm", "706", "Coöperatieve vennootschap met sociaal oogmerk"),
    ("JuridicalForm", "017", "Vereniging zonder winstoogmerk"),
    ("JuridicalSituation", "000", "Normale toestand"), ("Status", "AC", "Actief"), ("Status", "ST", "Stopgezet"),
    ("TypeOfEnterprise", "1", "Natuurlijk persoon"), ("TypeOfEnterprise", "2", "Rechtspersoon"),
    ("Nace2008", "47", "Detailhandel, met uitzondering van de handel in auto's en motorfietsen"),
    ("Nace2008", "47790", "Detailhandel in tweedehandsgoederen in winkels"),
    ("Nace2008", "95230", "Reparatie van schoeisel en lederwaren"), ("Nace2008", "10710", "Vervaardiging van brood"),
    ("Nace2008", "41", "Bouw van gebouwen; ontwikkeling van bouwprojecten"),
    ("Nace2008", "41201", "Algemene bouw van residentiële gebouwen"),
    ("Nace2008", "62010", "Ontwerpen en programmeren van computerprogramma's"),
    ("Nace2008", "81210", "Algemene reiniging van gebouwen"), ("Nace2008", "56101", "Eetgelegenheden met volledige bediening"),
    ("Nace2025", "81", "Diensten in verband met gebouwen; landschapsverzorging"),
    ("Nace2025", "81300", "Landschapsverzorging"),
    ("Nace2025", "47790", "Detailhandel in tweedehandsgoederen"),
]


def region_extract(snapshot: str = "07-11-2026") -> Extract:
    x = Extract()
    x.rows["meta.csv"] = [["SnapshotDate", snapshot], ["ExtractTimestamp", snapshot + " 23:59:59"],
                          ["ExtractType", "full"], ["ExtractNumber", "153"], ["Version", "1.0.0"]]
    for category, code, nl in CODES:
        x.rows["code.csv"].append([category, code, "NL", nl])
        x.rows["code.csv"].append([category, code, "FR", nl + " (FR)"])
    x.enterprise(A, "Kringloop Hageland", french_name="Recyclage Hageland", start="15-03-2012",
                 seat=("3460", "Bekkevoort", "Staatsbaan", "12"),
                 nace=(("2008", "47790", "MAIN"), ("2025", "47790", "MAIN")),
                 email="info@kringloophageland.be", web="www.kringloophageland.be")
    x.enterprise(B, 'Groen & Co, "de tuinier"', form="014", start="01-06-2018",
                 seat=("3000", "Leuven", "Bondgenotenlaan", "1"), nace=(("2025", "81300", "MAIN"),),
                 email="tuin@groenco.be")
    x.establishment("2.100.000.001", B, ("3450", "Geetbets", "Dorpsstraat", "4"))
    x.establishment("2.100.000.002", B, ("3470", "Kortenaken", "Kerkstraat", "9"))
    x.enterprise(C, "Janssens, Jan", natural=True, seat=("3461", "Bekkevoort", "Molenstraat", "3"),
                 nace=(("2008", "95230", "MAIN"),), email="jan@janssens.be")
    x.enterprise(D, "Peeters, Marie", natural=True, seat=("3380", "Glabbeek", "Tiensestraat", "20"),
                 nace=(("2008", "56101", "MAIN"),))
    x.establishment("2.100.000.003", D, ("3390", "Tielt-Winge", "Leuvensebaan", "5"))
    x.enterprise(E, "Oude Bakkerij", status="ST", start="01-01-1990", seat=("3390", "Tielt-Winge", "Markt", "1"),
                 nace=(("2008", "10710", "MAIN"),))
    x.enterprise(F, "Transport Diest", form="014", seat=("3290", "Diest", "Ringlaan", "7"),
                 nace=(("2008", "41201", "MAIN"),))
    x.enterprise(G, "Digitaal Samen", form="706", start="20-09-2021", seat=("3380", "Glabbeek", "Kapelstraat", "2"),
                 nace=(("2008", "62010", "MAIN"),))
    x.enterprise(H, "Bouwbedrijf Peeters", form="014", start="01-01-2001",
                 seat=("3470", "Kortenaken", "Steenweg", "44"), nace=(("2008", "41201", "MAIN"),),
                 email="offerte@bouwpeeters.be")
    x.enterprise(INV, "Schoonmaak Vandenberghe", seat=("3000", "Leuven", "Naamsestraat", "80"),
                 nace=(("2008", "81210", "MAIN"),))
    return x
