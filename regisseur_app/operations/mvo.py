"""User actions of the MVO feature: save the values of an organisation and year, manage indicators and
emission factors, and import a filled-in template (verified backup first)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from regisseur_app.operations.base import Op, operation

if TYPE_CHECKING:
    from regisseur_app.context import AppContext
    from regisseur_app.domain.mvo.indicators import IndicatorInput
    from regisseur_app.domain.mvo.materials import MaterialInput
    from regisseur_app.domain.mvo.values import Change, ValueEntry

# The MVO services are imported by the actions that use them: the open hook (add_missing_defaults) runs
# on every start and, when nothing is missing, reads two columns without importing the MVO models.

TOPIC = "mvo"


def _snapshot(op: Op, organisation_id: int, year: int, indicator_ids: set[int]) -> list[ValueEntry]:
    """The current values of these indicators as entries (absent ones as empty entries): what undo restores."""
    from regisseur_app.domain.mvo import indicators as indicator_service
    from regisseur_app.domain.mvo.models import TEXT
    from regisseur_app.domain.mvo.values import ValueEntry, raw_values

    current = raw_values(op.session, organisation_id, year)
    entries = []
    for indicator_id in indicator_ids:
        value = current.get(indicator_id)
        if value is None:
            entries.append(ValueEntry(indicator_id, None))
            continue
        indicator = indicator_service.get_indicator(op.session, indicator_id)
        raw = value.text if indicator and indicator.value_type == TEXT else value.number
        entries.append(ValueEntry(indicator_id, raw, value.note, value.source))
    return entries


def add_missing_defaults(ctx: AppContext) -> int:
    """After every open of a database (features on_open hook): when a shipped indicator or material is
    missing, add it (load_shipped_defaults); otherwise only two columns are read, in no transaction."""
    from regisseur_app.domain.mvo.shipped import defaults_present

    with ctx.reading() as session:
        if defaults_present(session):
            return 0
    return load_shipped_defaults(ctx)


@operation()
def load_shipped_defaults(op: Op) -> int:
    """After every open of a database (features on_open hook): add the shipped indicators and materials that
    are missing; the user's edits and retirements stay."""
    from regisseur_app.domain.mvo.reference import ensure_defaults

    return ensure_defaults(op.session)


@operation(changes={TOPIC})
def save_organisation_values(op: Op, organisation_id: int, year: int, entries: list[ValueEntry],
                             undo_text: str = "MVO-waarden bewaren") -> list[Change]:
    from regisseur_app.domain.mvo.values import save_values

    before = _snapshot(op, organisation_id, year, {e.indicator_id for e in entries})
    changes = save_values(op.session, organisation_id, year, entries)
    if changes:
        op.undoable(undo_text,
                    undo=lambda ctx: save_organisation_values(ctx, organisation_id, year, before),
                    redo=lambda ctx: save_organisation_values(ctx, organisation_id, year, entries))
    return changes


@operation(changes={TOPIC}, backup=True)
def import_template_values(op: Op, organisation_id: int, year: int, entries: list[ValueEntry]) -> list[Change]:
    """The confirmed changes of an imported template, after a verified backup; all or nothing."""
    from regisseur_app.domain.mvo.values import save_values

    before = _snapshot(op, organisation_id, year, {e.indicator_id for e in entries})
    changes = save_values(op.session, organisation_id, year, entries)
    if changes:
        op.undoable("MVO-sjabloon inlezen",
                    undo=lambda ctx: save_organisation_values(ctx, organisation_id, year, before),
                    redo=lambda ctx: save_organisation_values(ctx, organisation_id, year, entries))
    return changes


@operation(changes={TOPIC})
def save_indicator(op: Op, data: IndicatorInput, indicator_id: int | None = None) -> int:
    from regisseur_app.domain.mvo import indicators as indicator_service

    return indicator_service.save_indicator(op.session, data, indicator_id)


@operation(changes={TOPIC})
def set_indicator_active(op: Op, indicator_id: int, active: bool) -> None:
    from regisseur_app.domain.mvo import indicators as indicator_service

    before = indicator_service.set_indicator_active(op.session, indicator_id, active)
    if before != active:
        op.undoable("indicator " + ("terug in gebruik nemen" if active else "uit gebruik nemen"),
                    undo=lambda ctx: set_indicator_active(ctx, indicator_id, before),
                    redo=lambda ctx: set_indicator_active(ctx, indicator_id, active))


@operation(changes={TOPIC})
def save_material(op: Op, data: MaterialInput, material_id: int | None = None) -> int:
    from regisseur_app.domain.mvo import materials as material_service

    return material_service.save_material(op.session, data, material_id)


@operation(changes={TOPIC})
def set_material_active(op: Op, material_id: int, active: bool) -> None:
    from regisseur_app.domain.mvo import materials as material_service

    material_service.set_material_active(op.session, material_id, active)
    op.undoable("materiaal " + ("terug in gebruik nemen" if active else "uit gebruik nemen"),
                undo=lambda ctx: set_material_active(ctx, material_id, not active),
                redo=lambda ctx: set_material_active(ctx, material_id, active))

