"""Actieplan: objectives and actions per municipality, the WSE-LR subsidy check, collaborations, KPIs."""

from regisseur_app.features.spec import (
    CodeListSpec,
    CountSpec,
    DemoSpec,
    Feature,
    HomeSectionSpec,
    KpiSourceSpec,
    PageSpec,
    ReportSectionSpec,
)

FEATURE = Feature(
    name="plan",
    title="Actieplan, samenwerkingen en KPI's",
    pages=(PageSpec("Actieplan", 25, "regisseur_app.ui.plan.plan_page:PlanPage"),),
    home_sections=(HomeSectionSpec(5, "regisseur_app.ui.plan.home_section:make_section"),),
    demo=DemoSpec("plan.demo_loaded", "regisseur_app.domain.plan.demo:populate_demo"),
    code_lists=(
        CodeListSpec("plan_priority", "WSE-LR-prioriteiten"),
        CodeListSpec("collaboration_type", "Soorten samenwerkingen"),
    ),
    report_sections=(
        ReportSectionSpec("plan", "Actieplan en KPI's", 70, "regisseur_app.reports.plan.section:build"),
        ReportSectionSpec("collaborations", "Samenwerkingen en opdrachten", 75,
                          "regisseur_app.reports.plan.section:build_collaborations"),
    ),
    kpi_sources=(
        KpiSourceSpec("plan_new_collaborations", "Nieuwe samenwerkingen en opdrachten", "",
                      "regisseur_app.domain.plan.kpi_sources:new_collaborations"),
        KpiSourceSpec("plan_assignment_value", "Waarde van opdrachten aan SE-bedrijven", "€",
                      "regisseur_app.domain.plan.kpi_sources:assignment_value"),
        KpiSourceSpec("plan_jobs", "Jobs uit samenwerkingen", "", "regisseur_app.domain.plan.kpi_sources:jobs"),
    ),
    backup_counts=(CountSpec("acties", "plan_action"), CountSpec("samenwerkingen", "plan_collaboration")),
    models=("regisseur_app.domain.plan.models",),
)
