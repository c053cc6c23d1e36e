"""Behoeftepeiling: questionnaires, respondents, answers, analysis per municipality, need scores."""

from regisseur_app.features.spec import (
    CodeListSpec,
    DemoSpec,
    Feature,
    KpiSourceSpec,
    PageSpec,
    ReportSectionSpec,
)

FEATURE = Feature(
    name="survey",
    title="Behoeftepeiling",
    pages=(PageSpec("Behoeftepeiling", 35, "regisseur_app.ui.survey.survey_page:SurveyPage"),),
    demo=DemoSpec("demo_survey", "regisseur_app.domain.survey.demo:populate_demo"),
    code_lists=(CodeListSpec("survey_audience", "Doelgroepen van behoeftepeilingen"),),
    need_score_providers=("regisseur_app.domain.survey.needs:need_scores",),
    report_sections=(ReportSectionSpec("survey", "Behoeftepeiling", 30, "regisseur_app.reports.survey.section:build"),),
    kpi_sources=(KpiSourceSpec("survey_response_rate", "Responsgraad behoeftepeiling", "%",
                               "regisseur_app.domain.survey.kpi_sources:response_rate",
                               "regisseur_app.domain.survey.kpi_sources:response_rate_value"),),
    models=("regisseur_app.domain.survey.models",),
)
