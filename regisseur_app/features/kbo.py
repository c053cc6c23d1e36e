"""KBO-register: the enterprises of the region from KBO Open Data, next to the inventory (issue 15)."""

from regisseur_app.features.spec import DemoSpec, Feature, PageSpec

FEATURE = Feature(
    name="kbo",
    title="KBO-register",
    pages=(PageSpec("KBO-register", 60, "regisseur_app.ui.kbo.kbo_page:KboPage"),),
    demo=DemoSpec("kbo.demo_loaded", "regisseur_app.exchange.kbo.demo:populate_demo"),
    # the SE candidate rules are an editable code list of their own (structured, validated when saved):
    # KBO-register › SE-kandidaten › 'Regels bewerken…' and Beheer › 'Regels voor SE-kandidaten (KBO)…'
    admin_actions="regisseur_app.ui.kbo.admin:admin_actions",
    models=("regisseur_app.domain.kbo.models",),
    checks=("regisseur_app.domain.kbo.candidates:check_candidates",),
)
