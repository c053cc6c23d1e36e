"""Sections of a questionnaire: rename and delete through the operations, each undoable; a deleted section's
questions stay (without section) and undo puts them back in it."""

from __future__ import annotations

import pytest

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.survey.questionnaire import QuestionInput, section_question_counts
from regisseur_app.domain.survey.views import survey_view
from regisseur_app.operations import survey as ops
from tests.unit.survey_support import build_survey


def _replay(ctx, fn) -> None:
    """Run an undo or redo as the undo stack (ui/undo.py) does: it records no new step."""
    ctx.replaying = True
    try:
        fn(ctx)
    finally:
        ctx.replaying = False


@pytest.fixture
def survey(ctx):
    with ctx.transaction() as session:
        built = build_survey(session, answers=False)
    noden = ops.save_section(ctx, built.survey_id, "Noden")
    regie = ops.save_section(ctx, built.survey_id, "Regie")
    for n in range(3):
        ops.save_question(ctx, built.survey_id, QuestionInput(f"Hoeveel aanvragen in {2023 + n}?", "number", noden))
    return built.survey_id, noden, regie


def _sections(ctx, survey_id):
    with ctx.reading() as session:
        view = survey_view(session, survey_id)
        return [title for _id, title in view.sections], [q.section for q in view.questions]


def test_rename_then_undo_and_redo(ctx, survey):
    survey_id, noden, _regie = survey
    steps = []
    ctx.undo_sink = steps.append
    ops.save_section(ctx, survey_id, "  Noden van de gemeente ", noden)
    assert _sections(ctx, survey_id)[0] == ["Noden van de gemeente", "Regie"]
    assert _sections(ctx, survey_id)[1][-3:] == ["Noden van de gemeente"] * 3
    assert [s.text for s in steps] == ["rubriek hernoemen"]
    _replay(ctx, steps[0].undo)
    assert _sections(ctx, survey_id)[0] == ["Noden", "Regie"]
    _replay(ctx, steps[0].redo)
    assert _sections(ctx, survey_id)[0] == ["Noden van de gemeente", "Regie"]
    assert len(steps) == 1  # replaying recorded nothing


def test_rename_refuses_an_empty_title_and_a_section_gone(ctx, survey):
    survey_id, noden, _regie = survey
    with pytest.raises(ValidationError) as empty:
        ops.save_section(ctx, survey_id, "   ", noden)
    assert "verplicht" in empty.value.errors["title"]
    ops.delete_section(ctx, noden)
    with pytest.raises(ValidationError) as gone:
        ops.save_section(ctx, survey_id, "Nieuw", noden)
    assert gone.value.errors["title"] == "Deze rubriek bestaat niet meer."


def test_delete_keeps_the_questions_and_undo_puts_them_back(ctx, survey):
    survey_id, noden, regie = survey
    steps = []
    ctx.undo_sink = steps.append
    with ctx.reading() as session:
        assert section_question_counts(session, survey_id) == {noden: 3}
    before = _sections(ctx, survey_id)
    ops.delete_section(ctx, noden)
    titles, of_questions = _sections(ctx, survey_id)
    assert titles == ["Regie"]
    assert len(of_questions) == 9 and set(of_questions) == {""}
    assert [s.text for s in steps] == ["rubriek verwijderen"]
    _replay(ctx, steps[0].undo)
    assert _sections(ctx, survey_id) == before
    with ctx.reading() as session:
        assert section_question_counts(session, survey_id) == {noden: 3}
    _replay(ctx, steps[0].redo)
    assert _sections(ctx, survey_id)[0] == ["Regie"]
    ops.delete_section(ctx, regie)  # an empty section: nothing else changes
    assert _sections(ctx, survey_id)[0] == []
