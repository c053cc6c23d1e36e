"""Netwerkevenementen: events, participants, follow-up actions, yearly obligations."""

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
    name="events",
    title="Netwerkevenementen",
    pages=(PageSpec("Evenementen", 40, "regisseur_app.ui.events.event_page:EventPage"),),
    home_sections=(HomeSectionSpec(40, "regisseur_app.ui.events.home_section:make_section"),),
    demo=DemoSpec("demo_events", "regisseur_app.domain.events.demo:populate_demo"),
    code_lists=(
        CodeListSpec("event_type", "Soorten evenementen"),
        CodeListSpec("event_audience", "Doelgroepen van evenementen"),
    ),
    admin_actions="regisseur_app.ui.events.admin:admin_actions",
    report_sections=(ReportSectionSpec("evenementen", "Netwerkevenementen", 40, "regisseur_app.reports.events.college_section:build"),),  # noqa: E501
    models=("regisseur_app.domain.events.models",),
    kpi_sources=(
        KpiSourceSpec("events_network_held", "Netwerkevenementen gehouden", "",
                      "regisseur_app.domain.events.kpi_sources:network_events_held",
                      "regisseur_app.domain.events.kpi_sources:network_events_held_count"),
        KpiSourceSpec("events_participants", "Aanwezigen uit de deelnemende gemeenten", "",
                      "regisseur_app.domain.events.kpi_sources:participants_from_municipalities"),
        KpiSourceSpec("events_mvo_held", "MVO-evenementen gehouden", "",
                      "regisseur_app.domain.events.kpi_sources:mvo_events_held",
                      "regisseur_app.domain.events.kpi_sources:mvo_events_held_count"),
        KpiSourceSpec("events_se_presented", "SE-organisaties voorgesteld op een evenement", "",
                      "regisseur_app.domain.events.kpi_sources:se_organisations_presented"),
    ),
)
