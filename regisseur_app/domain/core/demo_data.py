"""Name, place and text tables for the demo database (see `demo.py`).

Every organisation name below is invented for the demo; it is not meant to match any real company,
association or person. Names of real public bodies (local governments, VDAB offices, schools)
carry "(demo)" because the people and numbers attached to them are fictitious.
"""

from __future__ import annotations

# -- places -------------------------------------------------------------------------------------
# (postcode, city) per NIS code; the first entry is the municipality's main place (its town hall).
PLACES: dict[str, list[tuple[str, str]]] = {
    "24008": [("3460", "Bekkevoort"), ("3460", "Assent"), ("3461", "Molenbeek-Wersbeek")],
    "24028": [("3450", "Geetbets"), ("3450", "Grazen"), ("3454", "Rummen")],
    "24137": [("3380", "Glabbeek"), ("3380", "Bunsbeek"), ("3381", "Kapellen"), ("3384", "Attenrode")],
    "24054": [("3470", "Kortenaken"), ("3470", "Ransberg"), ("3470", "Sint-Margriete-Houtem"),
              ("3471", "Hoeleden"), ("3472", "Kersbeek-Miskom"), ("3473", "Waanrode")],
    "24135": [("3390", "Tielt-Winge"), ("3390", "Houwaart"), ("3390", "Sint-Joris-Winge"),
              ("3390", "Tielt"), ("3391", "Meensel-Kiezegem")],
    # seats outside the five: Leuven, Diest, Tienen, Aarschot
    "24062": [("3000", "Leuven")],
    "24020": [("3290", "Diest")],
    "24107": [("3300", "Tienen")],
    "24001": [("3200", "Aarschot")],
}
OUTSIDE_SEATS = ["24062", "24020", "24107", "24001"]

# telephone zone per NIS code (Belgian zonal numbering)
PHONE_ZONES = {"24008": "013", "24028": "011", "24137": "016", "24054": "011", "24135": "016",
               "24062": "016", "24020": "013", "24107": "016", "24001": "016"}
MOBILE_PREFIXES = ["0470", "0472", "0473", "0474", "0475", "0476", "0477", "0478", "0479",
                   "0485", "0486", "0487", "0488", "0489", "0491", "0492", "0493", "0494", "0495", "0496"]

STREETS = [
    "Kerkstraat", "Dorpsstraat", "Stationsstraat", "Molenstraat", "Schoolstraat", "Nieuwstraat",
    "Veldstraat", "Broekstraat", "Kapelstraat", "Bergstraat", "Hoogstraat", "Bosstraat",
    "Kasteelstraat", "Pastorijstraat", "Kloosterstraat", "Beekstraat", "Lindestraat", "Processiestraat",
    "Kouterstraat", "Heidestraat", "Hoekstraat", "Vlasstraat", "Meerstraat", "Hofstraat",
    "Tiensesteenweg", "Diestsesteenweg", "Leuvensesteenweg", "Aarschotsesteenweg",
]
INDUSTRIAL_STREETS = ["Industrieweg", "Ambachtsweg", "Nijverheidsstraat", "Bedrijvenlaan", "Handelsstraat",
                      "Ambachtenlaan", "Industriepark", "Zoning Noord"]
TOWN_HALL_STREETS = ["Gemeenteplein", "Dorpsplein", "Marktplein"]

# -- organisation names (invented) --------------------------------------------------------------
# (name, the service categories the name implies); more candidates than needed, so another seed
# gives another selection
ORGANISATION_NAMES: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "maatwerkbedrijf": [
        ("Velpdal Maatwerk", ()), ("Werkatelier Getezicht", ("textiel",)), ("Wingewerk", ()),
        ("Maatwerkbedrijf Zandhoeve", ()), ("Groenploeg Demerbroek", ("groenonderhoud",)),
        ("Atelier Kiezelhof", ("logistiek",)), ("Werkhuis Bunsbeekveld", ("renovatie",)),
        ("Maatwerkbedrijf Zilverberk", ()), ("Werkplaats Haverkouter", ("ict_refurbishing",)),
    ],
    "maatwerkafdeling": [
        ("Verpakkingen Oranjeberk – maatwerkafdeling", ("logistiek",)),
        ("Houtatelier Meidoornhof – maatwerkafdeling", ("renovatie",)),
        ("Tuincentrum Lindekouter – maatwerkafdeling", ("groenonderhoud",)),
        ("Drukkerij Blauwe Reiger – maatwerkafdeling", ("logistiek",)),
        ("Logistiek Kiezelpad – maatwerkafdeling", ("logistiek",)),
        ("Metaalbewerking Vlasbeek – maatwerkafdeling", ("logistiek", "renovatie")),
        ("Conserverie Perenkouter – maatwerkafdeling", ("catering", "logistiek")),
    ],
    "lde": [
        ("Buurtrestaurant De Vlierbes", ("catering",)), ("Klusjesdienst Duizendpoot Winge", ("klusjes",)),
        ("Fietspunt Gete-Oost", ("fietsherstel",)), ("Buurtcrèche Hazelaartje", ("kinderopvang",)),
        ("Strijkatelier De Kreukel", ("textiel", "klusjes")),
        ("Buurtwerkplaats Klinkaert", ("klusjes", "fietsherstel")),
    ],
    "arbeidszorg": [
        ("Zorgboerderij Hof ter Velpe", ("groenonderhoud",)), ("Arbeidszorgatelier Het Weefraam", ("textiel",)),
        ("Arbeidszorg De Notenkraker", ("catering",)), ("Zorgatelier Kapellenberg", ("hergebruik",)),
        ("Arbeidszorg Wingerdhof", ("groenonderhoud",)), ("Dagatelier De Schaapskooi", ("textiel",)),
        ("Zorgtuin Bunsbeekhoeve", ("groenonderhoud",)),
    ],
    "kringwinkel": [
        ("Kringwinkel Getezicht", ()), ("Kringwinkel Velpdal", ()), ("Kringwinkel Zuurbemde", ()),
        ("Kringwinkel Wingeveld", ()), ("Kringwinkel Demerhoek", ()),
    ],
    "regulier": [
        ("Bouwbedrijf Steenakker", ()), ("Transport Kiezelweg", ()), ("Installatietechniek Voltaveld", ()),
        ("Brouwerij Hagelkorrel", ()), ("Logistiek Centrum Wingepoort", ()), ("Schoonmaakbedrijf Glansrijk", ()),
        ("Fruitbedrijf Perenhof", ()), ("Softwarehuis Bitveld", ()), ("Woonzorgcentrum Lindeveld", ()),
        ("Bakkerij De Zoete Garve", ()), ("Carrosserie Wegwijzer", ()),
    ],
    "middenveld": [
        ("Vzw Buurtkracht Velpdal", ("klusjes",)), ("Vzw Taalcafé Getezicht", ()),
        ("Vzw Samen aan Tafel Winge", ("catering",)), ("Vzw Voedselhulp Wingeveld", ()),
        ("Vzw Jongerenwerk Kiezelhof", ()), ("Vzw Repair Café Zuurbemde", ("fietsherstel", "hergebruik")),
    ],
    "andere": [
        ("Energiecoöperatie Zonnekouter", ("renovatie",)), ("Sociaal Verhuurkantoor Wingeveld", ()),
        ("Stichting Werkkansen Demerhoek", ()), ("Coöperatie Deelfiets Velpdal", ("fietsherstel",)),
    ],
}
# (name, seat NIS code): real kinds of public body, fictitious data
VDAB_OFFICES = [("VDAB Werkwinkel Diest (demo)", "24020"), ("VDAB Werkwinkel Tienen (demo)", "24107"),
                ("VDAB Werkwinkel Aarschot (demo)", "24001")]
KNOWLEDGE_INSTITUTIONS = [
    ("Kenniscentrum Sociaal Ondernemen Leuven (demo)", "24062"),
    ("Hogeschool Oost-Brabant, onderzoeksgroep Werk en Welzijn (demo)", "24062"),
    ("Centrum voor Volwassenenonderwijs Demerland (demo)", "24020"),
]
LOCAL_GOVERNMENT_NAME = "Lokaal bestuur {municipality} (demo)"

ORGANISATION_NOTES = [
    "Kandidaat-deelnemer aan het netwerkevenement van dit jaar.",
    "Zoekt extra opdrachten in de deelnemende gemeenten; graag doorverwijzen.",
    "Werkbezoek gepland met de bevoegde schepenen.",
    "Heeft interesse in een MVO-traject met reguliere bedrijven uit de regio.",
    "Vraagt ondersteuning bij de subsidieaanvraag voor uitbreiding.",
    "Wachtlijst voor doelgroepwerknemers; afstemmen met VDAB en OCMW.",
    "Biedt stageplaatsen aan voor art. 60§7-tewerkstelling.",
    "Contact via de jaarlijkse behoeftepeiling.",
]
ARCHIVED_ORGANISATION_NOTES = [
    "Activiteiten stopgezet in 2024; gegevens bewaard voor de omgevingsanalyse.",
    "Gefusioneerd met een andere organisatie; niet meer actief in de regio.",
    "Werking in de regio beëindigd na afloop van de erkenning.",
]

# -- people (composed; fictitious) --------------------------------------------------------------
FIRST_NAMES = [
    "An", "Annelies", "Bart", "Bram", "Dirk", "Els", "Ellen", "Eline", "Femke", "Geert", "Griet", "Hanne",
    "Hilde", "Inge", "Jan", "Jef", "Joke", "Jonas", "Karen", "Katrien", "Koen", "Kris", "Liesbeth", "Lieve",
    "Lisa", "Lotte", "Luc", "Marc", "Marleen", "Nathalie", "Nele", "Peter", "Pieter", "Ruben", "Sarah",
    "Sien", "Sofie", "Stijn", "Tine", "Tom", "Veerle", "Wim", "Wout", "Yasmine", "Mehmet", "Ilse",
]
LAST_NAMES = [
    "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
    "De Smet", "Vermeulen", "Van Damme", "Hermans", "Aerts", "Michiels", "Lambrechts", "Smets", "Martens",
    "Claessens", "Verhoeven", "Van den Broeck", "Coppens", "Stevens", "Leemans", "Pauwels", "Cools",
    "Bosmans", "Geerts", "Vos", "Swinnen", "Lenaerts", "Wuyts", "Verbruggen", "Thys", "Hendrickx",
    "Van Hoof", "Govaerts", "Vandeput", "Vanhoudt", "Beckers", "Daems", "Moens", "Sels", "Vranckx",
    "Dewinter", "Ceulemans",
]
CONTACT_NOTES = [
    "Aanspreekpunt voor het netwerkevenement.",
    "Liefst telefonisch contacteren, niet op woensdag.",
    "Nieuw in functie sinds dit jaar.",
    "Neemt deel aan de stuurgroep regierol.",
    "Ontvangt de nieuwsbrief sociale economie.",
]
ARCHIVED_CONTACT_NOTE = "Werkt niet meer bij deze organisatie."
