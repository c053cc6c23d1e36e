"""Omgevingsanalyse: key figures, offer map, gaps, SWOT."""

from regisseur_app.features.spec import DemoSpec, Feature, PageSpec

FEATURE = Feature(
    name="analysis",
    title="Omgevingsanalyse",
    pages=(PageSpec("Omgevingsanalyse", 30, "regisseur_app.ui.analysis.analysis_page:AnalysisPage"),),
    admin_actions="regisseur_app.ui.analysis.admin:admin_actions",
    demo=DemoSpec("demo_analysis", "regisseur_app.domain.analysis.demo:populate_demo"),
)
