"""Demo data of the KBO register: a small fictitious extract in the real format for the five demo
municipalities (legal persons with names, sole traders only counted), read through the real import path."""

from __future__ import annotations

import csv
import random
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.kbo import register
from regisseur_app.domain.kbo.key_figures import ensure_indicators
from regisseur_app.exchange.kbo.layout import COLUMNS
from regisseur_app.exchange.kbo.reader import Region, read_extract

PLACES = {"3460": "Bekkevoort", "3461": "Bekkevoort", "3450": "Geetbets", "3380": "Glabbeek", "3470": "Kortenaken",
          "3471": "Kortenaken", "3390": "Tielt-Winge", "3391": "Tielt-Winge"}
OUTSIDE = {"3000": "Leuven", "3290": "Diest", "3300": "Tienen"}
STREETS = ["Kerkstraat", "Dorpsstraat", "Staatsbaan", "Steenweg", "Molenstraat", "Stationsstraat", "Nieuwstraat",
           "Veldstraat", "Hoogstraat", "Schoolstraat", "Kapelstraat", "Tiensesteenweg"]
FAMILIES = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
            "De Smet", "Vermeulen", "Dubois", "Van den Broeck", "Hermans", "Aerts", "Michiels", "Lemmens", "Smets"]
# (trade, NACE 2008, NACE 2025, juridical form)
TRADES = [("Bakkerij", "10710", "10710", "610"), ("Garage", "45201", "95310", "610"),
          ("Schrijnwerkerij", "43320", "43320", "610"), ("Tuinaanleg", "81300", "81300", "610"),
          ("Kringwinkel", "47790", "47790", "017"), ("Fietsherstel", "95290", "95290", "610"),
          ("Schoonmaak", "81210", "81210", "014"), ("Bouwbedrijf", "41201", "41001", "014"),
          ("Dakwerken", "43910", "43910", "610"), ("Frituur", "56102", "56110", "610"),
          ("Boekhoudkantoor", "69201", "69201", "610"), ("IT-diensten", "62010", "62100", "610"),
          ("Transport", "49410", "49410", "014"), ("Zorgboerderij", "88991", "88991", "706"),
          ("Kapsalon", "96021", "96210", "610"), ("Landbouwbedrijf", "01110", "01110", "610")]
CODES = [("JuridicalForm", "014", "Naamloze vennootschap"), ("JuridicalForm", "610", "Besloten vennootschap"),
         ("JuridicalForm", "017", "Vereniging zonder winstoogmerk"),
         ("JuridicalForm", "706", "Coöperatieve vennootschap erkend als sociale onderneming (sociaal oogmerk)"),
         ("JuridicalSituation", "000", "Normale toestand"), ("Status", "AC", "Actief"), ("Status", "ST", "Stopgezet"),
         ("TypeOfEnterprise", "1", "Natuurlijk persoon"), ("TypeOfEnterprise", "2", "Rechtspersoon")]
LABELS = {"10710": "Vervaardiging van brood en van vers banketbakkerswerk", "45201": "Algemeen onderhoud en reparatie "
          "van auto's", "95310": "Onderhoud en reparatie van motorvoertuigen", "43320": "Schrijnwerk",
          "81300": "Landschapsverzorging", "47790": "Detailhandel in tweedehandsgoederen",
          "95290": "Reparatie van andere consumentenartikelen", "81210": "Algemene reiniging van gebouwen",
          "41201": "Algemene bouw van residentiële gebouwen", "41001": "Bouw van residentiële gebouwen",
          "43910": "Dakwerkzaamheden", "56102": "Eetgelegenheden met beperkte bediening", "56110": "Restaurants",
          "69201": "Accountants en belastingconsulenten", "62010": "Ontwerpen en programmeren van computerprogramma's",
          "62100": "Computerprogrammering", "49410": "Goederenvervoer over de weg",
          "88991": "Maatschappelijke dienstverlening zonder huisvesting", "96021": "Haarverzorging",
          "96210": "Haarverzorging", "01110": "Teelt van granen, peulgewassen en oliehoudende zaden"}
DIVISIONS = {"10": "Vervaardiging van voedingsmiddelen", "45": "Handel in en reparatie van auto's",
             "95": "Reparatie van computers en consumentenartikelen", "43": "Gespecialiseerde bouwwerkzaamheden",
             "81": "Diensten in verband met gebouwen; landschapsverzorging", "47": "Detailhandel",
             "41": "Bouw van gebouwen", "56": "Eet- en drinkgelegenheden", "69": "Rechtskundige dienstverlening "
             "en boekhouding", "62": "Informaticadiensten", "49": "Vervoer te land", "88": "Maatschappelijke "
             "dienstverlening zonder huisvesting", "96": "Overige persoonlijke diensten", "01": "Landbouw"}


def _number(base: int) -> str:
    digits = f"{base:08d}"
    full = f"{digits}{97 - int(digits) % 97:02d}"
    return f"{full[:4]}.{full[4:7]}.{full[7:]}"


def write_demo_extract(folder: Path, seed: int, count: int = 420,
                       inventory: list[tuple[str, str, str, str, str]] = ()) -> Path:
    """`inventory`: (number, name, street, postcode, city) of the demo organisations, written as legal persons
    at their address - except one whose seat moved and one that stopped, so the review has something to show."""
    rng = random.Random(seed + 15)
    rows: dict[str, list[list[str]]] = {name: [] for name in COLUMNS}
    snapshot = date.today().replace(day=1)
    rows["meta.csv"] = [["SnapshotDate", snapshot.strftime("%d-%m-%Y")], ["ExtractType", "full"],
                        ["ExtractNumber", "153"], ["Version", "1.0.0"], ["ExtractTimestamp", ""]]
    for category, code, text in CODES:
        rows["code.csv"].append([category, code, "NL", text])
    for version in ("2008", "2025"):
        for code, text in LABELS.items():
            rows["code.csv"].append([f"Nace{version}", code, "NL", text])
        for code, text in DIVISIONS.items():
            rows["code.csv"].append([f"Nace{version}", code, "NL", text])
    postcodes = list(PLACES)
    for i in range(count):
        number = _number(7_000_000 + i * 7)
        trade, n2008, n2025, form = rng.choice(TRADES)
        natural = rng.random() < 0.4
        family = rng.choice(FAMILIES)
        start = date(1975, 1, 1) + timedelta(days=rng.randrange(18000))
        status = "ST" if rng.random() < 0.03 else "AC"
        rows["enterprise.csv"].append([number, status, "000", "1" if natural else "2", "" if natural else form, "",
                                       start.strftime("%d-%m-%Y")])
        name = f"{family}, {rng.choice(['Jan', 'An', 'Luc', 'Els', 'Tom', 'Sara'])}" if natural else \
            f"{trade} {family}"
        rows["denomination.csv"].append([number, "2", "001", name])
        outside = not natural and rng.random() < 0.08
        postcode = rng.choice(list(OUTSIDE)) if outside else rng.choice(postcodes)
        city = OUTSIDE.get(postcode) or PLACES[postcode]
        rows["address.csv"].append([number, "REGO", "België", "Belgique", postcode, city, city, rng.choice(STREETS),
                                    rng.choice(STREETS), str(rng.randrange(1, 180)), "", "", ""])
        if outside or rng.random() < 0.05:
            est = f"2.{300 + i // 1000:03d}.{i % 1000:03d}.{rng.randrange(1000):03d}"
            rows["establishment.csv"].append([est, start.strftime("%d-%m-%Y"), number])
            where = rng.choice(postcodes)
            rows["address.csv"].append([est, "BAET", "België", "Belgique", where, PLACES[where], PLACES[where],
                                        rng.choice(STREETS), rng.choice(STREETS), str(rng.randrange(1, 90)), "", "",
                                        ""])
        for version, code in (("2008", n2008), ("2025", n2025)):
            rows["activity.csv"].append([number, "BTW001", version, code, "MAIN"])
        if not natural and rng.random() < 0.7:
            slug = trade.lower().replace("-", "") + family.lower().replace(" ", "")
            rows["contact.csv"].append([number, "ENT", "EMAIL", f"info@{slug}.be"])
            rows["contact.csv"].append([number, "ENT", "WEB", f"www.{slug}.be"])
    for n, (digits, name, street, postcode, city) in enumerate(inventory):
        number = f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"
        rows["enterprise.csv"].append([number, "ST" if n == 3 else "AC", "000", "2", "017", "", "01-01-2005"])
        rows["denomination.csv"].append([number, "2", "001", name])
        house = street.rsplit(" ", 1)[-1] if street[-1:].isdigit() else ""
        street = street[: -len(house)].strip() if house else street
        if n == 1:
            street, house = "Nieuwe Baan", "7"
        rows["address.csv"].append([number, "REGO", "België", "Belgique", postcode, city, city, street, street, house,
                                    "", "", ""])
        rows["activity.csv"].append([number, "BTW001", "2025", "88991", "MAIN"])
    folder.mkdir(parents=True, exist_ok=True)
    for name, header in COLUMNS.items():
        with (folder / name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows[name])
    return folder


def populate_demo(session: Session, seed: int) -> None:
    spec = register.region_of(session)
    if not spec.postcodes and not spec.names:
        return
    temp = Path(tempfile.mkdtemp(prefix="regisseur-kbo-demo-"))
    try:
        inventory = [tuple(row) for row in session.execute(
            select(Organisation.kbo_number, Organisation.name, Organisation.street, Organisation.postcode,
                   Organisation.city).where(Organisation.kbo_number.is_not(None), Organisation.postcode != "")
            .order_by(Organisation.id))]
        folder = write_demo_extract(temp / "KboOpenData_demo", seed, inventory=inventory)
        with read_extract(folder, Region(spec.postcodes, spec.names), register.lookup_numbers(session)) as staged:
            register.replace_register(session, staged, "KboOpenData_0153_demo.zip")
        ensure_indicators(session)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
