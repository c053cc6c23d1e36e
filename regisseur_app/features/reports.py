"""Rapporten voor het college: per municipality and period (and for the region), with every registered
report section, as PDF, Word and an Excel workbook; comments per section; batch; log; settings."""

from regisseur_app.features.spec import Feature, PageSpec

FEATURE = Feature(
    name="reports",
    title="Rapporten voor het college",
    pages=(PageSpec("Rapporten", 70, "regisseur_app.ui.reports.report_page:ReportPage"),),
    admin_actions="regisseur_app.ui.reports.admin:admin_actions",
    models=("regisseur_app.domain.reports.models",),
)
