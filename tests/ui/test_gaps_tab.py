"""The Hiaten tab reads the offer matrix once and uses it for every municipality chosen, and the need scores of each
municipality once, when it is first chosen; a change to the data is read again. The rows are those gap_list gives
with a fresh read of the region's need scores (real SQLite), and the note says whether the region measured needs."""

from regisseur_app.domain.analysis import gaps
from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.organisation_service import OrganisationInput, save_organisation
from regisseur_app.features import need_score_providers
from regisseur_app.ui.analysis.gaps_tab import GapsTab

BEK, GEE = "24008", "24028"


def _rows(tab):
    return [(g.label, g.offer, g.neighbours, g.verdict) for g in
            (tab.model.row_at(r) for r in range(tab.model.rowCount()))]


def _fresh(app_ctx, nis):
    with app_ctx.reading() as s:
        return [(g.label, g.offer, g.neighbours, g.verdict)
                for g in gaps.gap_list(s, nis, providers=need_score_providers())]


def test_each_municipality_from_one_read_and_a_change_read_again(qtbot, app_ctx):
    with app_ctx.transaction() as s:
        types = {t.code: t.id for t in codelists.list_items(s, codelists.ORGANISATION_TYPE)}
        cats = {c.code: c.id for c in codelists.list_items(s, codelists.SERVICE_CATEGORY)}
        save_organisation(s, OrganisationInput("Groenwerk", types["maatwerkbedrijf"], seat_nis_code=BEK,
                                               municipality_codes=[BEK], category_ids=[cats["groenonderhoud"]]))
    tab = GapsTab(app_ctx)
    qtbot.addWidget(tab)
    assert tab.model.rowCount() == 0 and tab._basis is None  # hidden: nothing read yet
    tab.show()
    tab.reload_choices()
    basis = []
    for nis in (BEK, GEE, BEK):
        tab.municipality_combo.setCurrentIndex(tab.municipality_combo.findData(nis))
        assert _rows(tab) == _fresh(app_ctx, nis)
        basis.append(tab._basis)
    assert basis[0] is basis[1] is basis[2]  # read once for the three choices
    before = dict((label, offer) for label, offer, _n, _v in _rows(tab))
    assert before["Schoonmaak"] == 0
    with app_ctx.transaction() as s:
        save_organisation(s, OrganisationInput("Poetsdienst", types["maatwerkbedrijf"], seat_nis_code=BEK,
                                               municipality_codes=[BEK], category_ids=[cats["schoonmaak"]]))
    tab.refresh()
    assert tab._basis is not basis[0]
    assert _rows(tab) == _fresh(app_ctx, BEK)
    assert "Schoonmaak" not in [label for label, offer, _n, _v in _rows(tab) if offer == 0]


def test_hidden_tabs_of_the_analysis_page_read_when_shown(qtbot, main_window, app_ctx):
    with app_ctx.transaction() as s:
        types = {t.code: t.id for t in codelists.list_items(s, codelists.ORGANISATION_TYPE)}
        cats = {c.code: c.id for c in codelists.list_items(s, codelists.SERVICE_CATEGORY)}
        save_organisation(s, OrganisationInput("Groenwerk", types["maatwerkbedrijf"], seat_nis_code=BEK,
                                               municipality_codes=[BEK], category_ids=[cats["groenonderhoud"]]))
    page = main_window.show_page("Omgevingsanalyse")
    assert page.offer_map.category_model.rowCount() == 0 and page.gaps.model.rowCount() == 0
    page.tabs.setCurrentWidget(page.offer_map)
    assert page.offer_map.category_model.rowCount() > 0
    page.tabs.setCurrentWidget(page.gaps)
    assert _rows(page.gaps) == _fresh(app_ctx, page.gaps.municipality_combo.currentData())
    assert page.gaps.model.rowCount() > 0


def test_need_scores_per_municipality_and_the_note(qtbot, app_ctx):
    from sqlalchemy import event

    from regisseur_app.ui.analysis.gaps_tab import NO_SURVEY
    from tests.unit.survey_support import build_survey

    tab = GapsTab(app_ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.reload_choices()
    assert tab.note.text() == NO_SURVEY  # no survey yet
    with app_ctx.transaction() as s:
        build_survey(s)  # answers from Bekkevoort and Geetbets only
    tab.refresh()  # what the page does after a change
    glabbeek = "24137"
    seen: list[str] = []
    event.listen(app_ctx.engine, "before_cursor_execute", lambda _c, _cur, statement, *_a: seen.append(statement))
    for nis in (BEK, glabbeek, GEE):
        tab.municipality_combo.setCurrentIndex(tab.municipality_combo.findData(nis))
        assert _rows(tab) == _fresh(app_ctx, nis)
        assert tab.note.text() != NO_SURVEY  # the region measured needs, also for Glabbeek without answers
    assert any(g.need is not None for g in (tab.model.row_at(r) for r in range(tab.model.rowCount())))
    seen.clear()
    tab.municipality_combo.setCurrentIndex(tab.municipality_combo.findData(BEK))
    assert _rows(tab) == _fresh(app_ctx, BEK)
    seen.clear()
    tab.municipality_combo.setCurrentIndex(tab.municipality_combo.findData(glabbeek))
    tab.municipality_combo.setCurrentIndex(tab.municipality_combo.findData(BEK))
    assert not [s for s in seen if "survey_answer" in s]  # chosen before: nothing of the answers read again


def test_offer_map_views_read_when_first_shown_and_each_choice_reads_its_own_view(qtbot, main_window, app_ctx):
    from sqlalchemy import event

    from regisseur_app.domain.analysis import offer_map
    from regisseur_app.ui.analysis.offer_map_tab import CATEGORIES, JOBS, TYPES

    with app_ctx.transaction() as s:
        types = {t.code: t.id for t in codelists.list_items(s, codelists.ORGANISATION_TYPE)}
        green = next(c.id for c in codelists.list_items(s, codelists.SERVICE_CATEGORY) if c.code == "groenonderhoud")
        for name, kind in (("Groenwerk", "maatwerkbedrijf"), ("Tuinbedrijf", "regulier")):  # SE, not SE
            save_organisation(s, OrganisationInput(name, types[kind], seat_nis_code=BEK, municipality_codes=[BEK],
                                                   category_ids=[green]))
    with app_ctx.reading() as s:
        assert offer_map.offer_matrix(s, True) != offer_map.offer_matrix(s, False)
    page = main_window.show_page("Omgevingsanalyse")
    page.tabs.setCurrentWidget(page.offer_map)
    tab = page.offer_map
    statements: list[str] = []
    listen = lambda _c, _cur, statement, *_a: statements.append(statement)  # noqa: E731
    event.listen(app_ctx.engine, "before_cursor_execute", listen)
    try:
        assert tab.type_model.rowCount() == 0 and tab.jobs_model.rowCount() == 0  # only the view on screen read
        for view in (TYPES, CATEGORIES, JOBS):  # each other view read when first shown, once
            statements.clear()
            tab.view_combo.setCurrentIndex(view)
            assert tab.stack.currentIndex() == view
            assert bool(statements) == (view != CATEGORIES)
        statements.clear()
        for view in (TYPES, JOBS, CATEGORIES):  # shown again: what each read
            tab.view_combo.setCurrentIndex(view)
        assert statements == []
        with app_ctx.reading() as s:
            assert tab.type_model.matrix == offer_map.type_matrix(s)
            assert tab.category_model.matrix == offer_map.offer_matrix(s, False)
            jobs = offer_map.target_group_jobs(s, tab.allocation_combo.currentData())
        assert [tab.jobs_model.row_at(r) for r in range(tab.jobs_model.rowCount())] == [*jobs.rows, jobs.total]
        tab.se_check.setChecked(True)  # reads the categories again, SE only
        assert statements
        with app_ctx.reading() as s:
            assert tab.category_model.matrix == offer_map.offer_matrix(s, True)
        tab.view_combo.setCurrentIndex(JOBS)
        other = tab.allocation_combo.findData(next(k for k in offer_map.ALLOCATIONS
                                                   if k != tab.allocation_combo.currentData()))
        tab.allocation_combo.setCurrentIndex(other)
        with app_ctx.reading() as s:
            jobs = offer_map.target_group_jobs(s, tab.allocation_combo.currentData())
        assert [tab.jobs_model.row_at(r) for r in range(tab.jobs_model.rowCount())] == [*jobs.rows, jobs.total]
        assert offer_map.ALLOCATIONS[jobs.allocation] in tab.jobs_note.text()
    finally:
        event.remove(app_ctx.engine, "before_cursor_execute", listen)


def test_offer_map_views_read_again_after_a_change(qtbot, main_window, app_ctx):
    """A change of the data reads the view on screen again, and each other view again when it is shown next."""
    from regisseur_app.domain.analysis import offer_map
    from regisseur_app.ui.analysis.offer_map_tab import CATEGORIES, TYPES

    page = main_window.show_page("Omgevingsanalyse")
    page.tabs.setCurrentWidget(page.offer_map)
    tab = page.offer_map
    tab.view_combo.setCurrentIndex(TYPES)
    tab.view_combo.setCurrentIndex(CATEGORIES)
    before = tab.type_model.matrix
    with app_ctx.transaction() as s:
        types = {t.code: t.id for t in codelists.list_items(s, codelists.ORGANISATION_TYPE)}
        save_organisation(s, OrganisationInput("Kringloop Oost", types["maatwerkbedrijf"], seat_nis_code=GEE))
    main_window.show_page("Omgevingsanalyse")  # Vernieuwen: the page on screen read again
    assert tab.type_model.matrix == before  # not on screen: not read yet
    tab.view_combo.setCurrentIndex(TYPES)
    with app_ctx.reading() as s:
        assert tab.type_model.matrix == offer_map.type_matrix(s) != before
