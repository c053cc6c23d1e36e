"""Core: municipalities, organisations, contacts, code lists, settings; the Overzicht page."""

from regisseur_app.features.spec import CodeListSpec, CountSpec, Feature, ImportKind, KpiSourceSpec, PageSpec

FEATURE = Feature(
    name="core",
    title="Organisaties en contactpersonen",
    pages=(
        PageSpec("Overzicht", 0, "regisseur_app.ui.home_page:HomePage"),
        PageSpec("Organisaties", 10, "regisseur_app.ui.organisations.organisation_page:OrganisationPage"),
        PageSpec("Contactpersonen", 20, "regisseur_app.ui.contacts.contact_page:ContactPage"),
    ),
    import_kinds=(
        ImportKind("organisations", "organisatie", "organisaties",
                   "regisseur_app.exchange.core.org_import:ORGANISATION_FIELDS",
                   "regisseur_app.exchange.core.org_import:preview_organisations",
                   "regisseur_app.exchange.core.org_import:import_organisations"),
        ImportKind("contacts", "contactpersoon", "contactpersonen",
                   "regisseur_app.exchange.core.contact_import:CONTACT_FIELDS",
                   "regisseur_app.exchange.core.contact_import:preview_contacts",
                   "regisseur_app.exchange.core.contact_import:import_contacts"),
    ),
    code_lists=(
        CodeListSpec("organisation_type", "Organisatietypes"),
        CodeListSpec("service_category", "Dienstencategorieën"),
    ),
    backup_counts=(CountSpec("organisaties", "organisation"), CountSpec("contactpersonen", "contact")),
    models=("regisseur_app.domain.core.settings", "regisseur_app.domain.core.municipalities",
            "regisseur_app.domain.core.codelists", "regisseur_app.domain.core.organisations"),
    kpi_sources=(
        KpiSourceSpec("core_se_organisations", "SE-organisaties in de inventaris", "",
                      "regisseur_app.domain.core.kpi_sources:se_organisations",
                      "regisseur_app.domain.core.kpi_sources:se_organisations_count"),
    ),
)
