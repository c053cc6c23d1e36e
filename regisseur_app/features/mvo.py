"""MVO-rapportering: CSR indicators of the social-economy organisations, their reports and the regional view."""

from regisseur_app.features.spec import (
    CodeListSpec,
    DemoSpec,
    Feature,
    HomeSectionSpec,
    KpiSourceSpec,
    PageSpec,
    ReportSectionSpec,
)

FEATURE = Feature(
    name="mvo",
    title="MVO-rapportering",
    pages=(PageSpec("MVO", 45, "regisseur_app.ui.mvo.mvo_page:MvoPage"),),
    home_sections=(HomeSectionSpec(45, "regisseur_app.ui.mvo.home_section:make_section"),),
    demo=DemoSpec("demo_mvo", "regisseur_app.domain.mvo.demo:populate_demo"),
    code_lists=(CodeListSpec("mvo_pillar", "MVO-pijlers"),),
    on_open=("regisseur_app.operations.mvo:add_missing_defaults",),
    report_sections=(ReportSectionSpec("mvo", "Maatschappelijk verantwoord ondernemen", 60,
                                       "regisseur_app.reports.mvo.section:build",
                                       warm_up="regisseur_app.reports.mvo.section:warm_up"),),
    kpi_sources=(KpiSourceSpec("mvo_reports_complete", "MVO-rapporten volledig", "aantal",
                               "regisseur_app.domain.mvo.kpi_sources:reports_complete"),),
    models=("regisseur_app.domain.mvo.models",),
)
