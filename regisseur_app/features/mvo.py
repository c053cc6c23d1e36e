"""MVO-rapportering: CSR indicators of the social-economy organisations, their reports and the regional view."""

from regisseur_app.features.spec import CodeListSpec, CountSpec, DemoSpec, Feature

FEATURE = Feature(
    name="mvo",
    title="MVO-rapportering",
    demo=DemoSpec("demo_mvo", "regisseur_app.domain.mvo.demo:populate_demo"),
    code_lists=(CodeListSpec("mvo_pillar", "MVO-pijlers"),),
    on_open=("regisseur_app.domain.mvo.reference:on_open",),
    backup_counts=(CountSpec("MVO-waarden", "mvo_value"),),
)
