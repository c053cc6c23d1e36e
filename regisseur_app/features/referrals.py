"""Doorverwijzingen VDAB: the pseudonymous referral log, its statistics, retention and audit."""

from regisseur_app.features.spec import (
    CodeListSpec,
    DemoSpec,
    Feature,
    HomeSectionSpec,
    ImportKind,
    KpiSourceSpec,
    PageSpec,
    ReportSectionSpec,
)

FEATURE = Feature(
    name="referrals",
    title="Doorverwijzingen VDAB",
    pages=(PageSpec("Doorverwijzingen", 50, "regisseur_app.ui.referrals.referral_page:ReferralPage"),),
    home_sections=(HomeSectionSpec(50, "regisseur_app.ui.referrals.stale_section:StaleReferralsSection"),),
    demo=DemoSpec("referrals.demo_loaded", "regisseur_app.domain.referrals.demo:populate_demo"),
    import_kinds=(
        ImportKind("referrals", "doorverwijzing", "doorverwijzingen",
                   "regisseur_app.exchange.referrals.importer:REFERRAL_FIELDS",
                   "regisseur_app.exchange.referrals.importer:preview_referrals",
                   "regisseur_app.exchange.referrals.importer:import_referrals"),
    ),
    code_lists=(
        CodeListSpec("referral_type", "Soorten doorverwijzingen"),
        CodeListSpec("referral_work_form", "Beoogde werkvormen"),
        CodeListSpec("referral_age_group", "Leeftijdscategorieën"),
    ),
    admin_actions="regisseur_app.ui.referrals.admin:admin_actions",
    # an erased referral stays erased also when a backup is copied over the database or opened with --db
    on_open=("regisseur_app.operations.referrals:reapply_on_open",),
    after_restore=("regisseur_app.operations.referrals:reapply_after_restore",),
    report_sections=(ReportSectionSpec("doorverwijzingen", "Doorverwijzingen naar VDAB", 50, "regisseur_app.reports.referrals.college_section:build"),),  # noqa: E501
    models=("regisseur_app.domain.referrals.models",),
    kpi_sources=(
        KpiSourceSpec("referrals_made", "Aantal doorverwijzingen naar VDAB", "",
                      "regisseur_app.domain.referrals.kpi_sources:referrals_made",
                      "regisseur_app.domain.referrals.kpi_sources:referrals_made_count"),
        KpiSourceSpec("referrals_started", "Gestarte tewerkstellingen na doorverwijzing", "",
                      "regisseur_app.domain.referrals.kpi_sources:referrals_started",
                      "regisseur_app.domain.referrals.kpi_sources:referrals_started_count"),
        KpiSourceSpec("referrals_doorstroom", "Doorstroom naar regulier werk", "",
                      "regisseur_app.domain.referrals.kpi_sources:referrals_doorstroom",
                      "regisseur_app.domain.referrals.kpi_sources:referrals_doorstroom_count"),
    ),
    checks=("regisseur_app.domain.referrals.audit:check_chain",),
)
