"""Vergelijking: what the tab shows equals a fresh comparison for each municipality; a municipality or survey
chosen again is not read again while the data did not change, and is read again after a change."""

from regisseur_app.domain.survey import comparison, questionnaire
from regisseur_app.ui.survey.comparison_tab import ComparisonTab
from tests.unit.survey_support import BEKKEVOORT, GEETBETS, ROWS, Built, add_row, build_survey


def _shown(tab):
    return [tab.model.row_at(r) for r in range(tab.model.rowCount())]


def _fresh(app_ctx, survey_id, nis):
    with app_ctx.reading() as s:
        return comparison.compare(s, survey_id, nis).rows


def test_each_choice_read_once_and_again_after_a_change(qtbot, app_ctx):
    with app_ctx.transaction() as s:
        old = build_survey(s, year=2024, title="Peiling 2024")
        new_id = questionnaire.copy_survey(s, old.survey_id)
        survey = questionnaire.get_survey(s, new_id)  # the copy's question and option ids, as add_row needs them
        options = {f"{q.kind}:{o.label}": o.id for q in survey.questions for o in q.options}
        options.update({f"scale:{int(o.value)}": o.id for q in survey.questions if q.kind == "scale" for o in q.options})
        new = Built(new_id, {q.kind: q.id for q in survey.questions}, options, {})
        for n, row in enumerate(ROWS[:4]):
            add_row(s, new, row, f"n{n}")
    tab = ComparisonTab(app_ctx)
    qtbot.addWidget(tab)
    tab.set_survey(new_id)
    kept = {}
    for nis in (None, BEKKEVOORT, GEETBETS, None, BEKKEVOORT):
        tab.municipality_combo.setCurrentIndex(tab.municipality_combo.findData(nis))
        assert _shown(tab) == _fresh(app_ctx, new_id, nis)
        kept.setdefault(nis, []).append(tab._kept[1][(new_id, nis)])
    assert kept[None][0] is kept[None][1] and kept[BEKKEVOORT][0] is kept[BEKKEVOORT][1]  # not read again
    tab.set_survey(old.survey_id)
    assert tab.note.text().startswith("Er is geen peiling van een vorig jaar")
    tab.set_survey(new_id)
    assert tab._kept[1][(new_id, BEKKEVOORT)] is kept[BEKKEVOORT][0]
    before = {(r.question, r.answer): r.n_now for r in _shown(tab)}
    with app_ctx.transaction() as s:
        add_row(s, new, ROWS[5], "n5")  # a Geetbets answer: the region changes, Bekkevoort not
        add_row(s, new, ROWS[0], "n6")
    tab.refresh()
    assert tab._kept[1][(new_id, BEKKEVOORT)] is not kept[BEKKEVOORT][0]
    assert _shown(tab) == _fresh(app_ctx, new_id, BEKKEVOORT)
    assert {(r.question, r.answer): r.n_now for r in _shown(tab)} != before
