"""User actions of the needs survey (behoeftepeiling): one transaction each, undo where it fits."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from regisseur_app.domain.survey import questionnaire, respondents, responses
from regisseur_app.domain.survey.questionnaire import QuestionInput, SurveyInput
from regisseur_app.domain.survey.respondents import RespondentInput
from regisseur_app.domain.survey.responses import ResponseInput
from regisseur_app.operations.base import Op, operation

if TYPE_CHECKING:
    from regisseur_app.context import AppContext

TOPIC = "survey"


@operation(changes={TOPIC})
def save_survey(op: Op, data: SurveyInput, survey_id: int | None = None) -> int:
    return questionnaire.save_survey(op.session, data, survey_id)


@operation(changes={TOPIC}, backup=True)
def delete_survey(op: Op, survey_id: int) -> None:
    questionnaire.delete_survey(op.session, survey_id)


@operation(changes={TOPIC})
def copy_survey(op: Op, survey_id: int, year: int | None = None) -> int:
    return questionnaire.copy_survey(op.session, survey_id, year)


@operation(changes={TOPIC})
def save_section(op: Op, survey_id: int, title: str, section_id: int | None = None) -> int:
    """A new section, or a renamed one (undoable: undo removes a new section, redo puts it back with the same
    id and place, and with the questions that had been put in it before the undo)."""
    before = questionnaire.section_snapshot(op.session, section_id) if section_id else None
    saved = questionnaire.save_section(op.session, survey_id, title, section_id)
    if section_id is None:
        added = {"snapshot": questionnaire.section_snapshot(op.session, saved)}

        def undo_add(ctx: AppContext) -> None:
            # snapshot at undo time: questions given this section after it was added get it back on redo
            added["snapshot"] = delete_section(ctx, saved) or added["snapshot"]

        op.undoable("rubriek toevoegen", undo=undo_add, redo=lambda ctx: restore_section(ctx, added["snapshot"]))
    elif before is not None and before.title != title.strip():
        op.undoable("rubriek hernoemen", undo=lambda ctx: save_section(ctx, survey_id, before.title, section_id),
                    redo=lambda ctx: save_section(ctx, survey_id, title, section_id))
    return saved


@operation(changes={TOPIC})
def delete_section(op: Op, section_id: int) -> questionnaire.SectionSnapshot | None:
    """Delete a section (its questions stay, without section); undo puts it back with its questions.
    Returns the section as it was (None when it was gone already)."""
    before = questionnaire.section_snapshot(op.session, section_id)
    questionnaire.delete_section(op.session, section_id)
    if before is not None:
        op.undoable("rubriek verwijderen", undo=lambda ctx: restore_section(ctx, before),
                    redo=lambda ctx: delete_section(ctx, section_id))
    return before


@operation(changes={TOPIC})
def restore_section(op: Op, snapshot: questionnaire.SectionSnapshot) -> None:
    questionnaire.restore_section(op.session, snapshot)


@operation(changes={TOPIC})
def save_question(op: Op, survey_id: int, data: QuestionInput, question_id: int | None = None) -> int:
    return questionnaire.save_question(op.session, survey_id, data, question_id)


@operation(changes={TOPIC})
def delete_question(op: Op, question_id: int) -> None:
    questionnaire.delete_question(op.session, question_id)


@operation(changes={TOPIC})
def move_question(op: Op, question_id: int, step: int) -> bool:
    moved = questionnaire.move_question(op.session, question_id, step)
    if moved:
        op.undoable("vraag verplaatsen", undo=lambda ctx: move_question(ctx, question_id, -step),
                    redo=lambda ctx: move_question(ctx, question_id, step))
    return moved


@operation(changes={TOPIC})
def save_respondent(op: Op, survey_id: int, data: RespondentInput, respondent_id: int | None = None) -> int:
    return respondents.save_respondent(op.session, survey_id, data, respondent_id)


@operation(changes={TOPIC})
def delete_respondents(op: Op, ids: list[int]) -> int:
    return respondents.delete_respondents(op.session, ids)


@operation(changes={TOPIC})
def save_response(op: Op, survey_id: int, data: ResponseInput, response_id: int | None = None) -> int:
    return responses.save_response(op.session, survey_id, data, response_id)


@operation(changes={TOPIC})
def delete_responses(op: Op, ids: list[int]) -> int:
    return responses.delete_responses(op.session, ids)


@operation(changes={TOPIC})
def write_reminders(op: Op, survey_id: int, folder: Path, respondent_ids: list[int] | None = None,
                    today: date | None = None) -> Any:
    """.eml drafts for the invitees who have not answered; marks them reminded."""
    from regisseur_app.exchange.survey.reminders import write_reminders as write

    result = write(op.session, survey_id, folder, respondent_ids)
    respondents.mark_reminded(op.session, result.reminded_ids, today or date.today())
    return result


@operation(changes={TOPIC}, backup=True)
def import_responses(op: Op, plan: Any, progress: Any = None) -> Any:
    """Write a resolved import plan (exchange.survey.importer): all or nothing, after a verified backup."""
    from regisseur_app.exchange.survey.importer import write_plan

    return write_plan(op.session, plan, progress)
