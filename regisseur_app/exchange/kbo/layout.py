"""The files of a KBO Open Data extract and their columns (FOD Economie, 'Cookbook KBO Open Data'):
UTF-8, comma-separated, every value in double quotes, dates dd-mm-yyyy, enterprise numbers 0xxx.xxx.xxx,
establishment numbers 2.xxx.xxx.xxx."""

from __future__ import annotations

COLUMNS: dict[str, tuple[str, ...]] = {
    "meta.csv": ("Variable", "Value"),
    "code.csv": ("Category", "Code", "Language", "Description"),
    "enterprise.csv": ("EnterpriseNumber", "Status", "JuridicalSituation", "TypeOfEnterprise", "JuridicalForm",
                       "JuridicalFormCAC", "StartDate"),
    "establishment.csv": ("EstablishmentNumber", "StartDate", "EnterpriseNumber"),
    "denomination.csv": ("EntityNumber", "Language", "TypeOfDenomination", "Denomination"),
    "address.csv": ("EntityNumber", "TypeOfAddress", "CountryNL", "CountryFR", "Zipcode", "MunicipalityNL",
                    "MunicipalityFR", "StreetNL", "StreetFR", "HouseNumber", "Box", "ExtraAddressInfo",
                    "DateStrikingOff"),
    "contact.csv": ("EntityNumber", "EntityContact", "ContactType", "Value"),
    "activity.csv": ("EntityNumber", "ActivityGroup", "NaceVersion", "NaceCode", "Classification"),
}
FILES = tuple(COLUMNS)
# the files that tell a KBO extract from any other zip
SIGNATURE = ("meta.csv", "enterprise.csv", "activity.csv")

# TypeOfEnterprise: 1 = natural person (a sole trader: a person), 2 = legal person
NATURAL_PERSON = "1"
# Language of a denomination: 0 unknown, 1 French, 2 Dutch, 3 German, 4 English
DUTCH = "2"
# TypeOfDenomination: 001 name, 002 abbreviation, 003 commercial name, 004 branch name
