"""Omgevingsanalyse: key figures, offer map, gaps, SWOT."""

from regisseur_app.features.spec import DemoSpec, Feature, PageSpec, ReportSectionSpec

FEATURE = Feature(
    name="analysis",
    title="Omgevingsanalyse",
    pages=(PageSpec("Omgevingsanalyse", 30, "regisseur_app.ui.analysis.analysis_page:AnalysisPage"),),
    admin_actions="regisseur_app.ui.analysis.admin:admin_actions",
    demo=DemoSpec("demo_analysis", "regisseur_app.domain.analysis.demo:populate_demo"),
    report_sections=(ReportSectionSpec("kerncijfers", "Kerncijfers", 10, "regisseur_app.reports.analysis.key_figures_section:build"), ReportSectionSpec("aanbod", "Aanbod en hiaten", 20, "regisseur_app.reports.analysis.offer_section:build")),  # noqa: E501
    models=("regisseur_app.domain.analysis.models",),
)
