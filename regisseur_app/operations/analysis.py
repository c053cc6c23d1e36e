"""User actions of the Omgevingsanalyse: indicators, key-figure cells, social-economy types, SWOT items.

A key-figure cell and the SWOT actions (delete, move) are undoable on the window's one stack (Ctrl+Z /
Ctrl+Y); their undo and redo are operations themselves.
"""

from __future__ import annotations

from regisseur_app.domain.analysis import indicators, inventory, key_figures, swot
from regisseur_app.domain.analysis.indicators import IndicatorInput
from regisseur_app.domain.analysis.swot import SwotInput
from regisseur_app.operations.base import Op, operation


@operation(changes={"indicators"})
def save_indicator(op: Op, data: IndicatorInput, indicator_id: int | None = None) -> int:
    return indicators.save_indicator(op.session, data, indicator_id)


@operation(changes={"indicators"})
def set_indicator_active(op: Op, indicator_id: int, active: bool) -> None:
    indicators.set_indicator_active(op.session, indicator_id, active)


@operation(changes={"key_figures"})
def set_social_economy_types(op: Op, type_ids: list[int]) -> None:
    inventory.set_social_economy_types(op.session, type_ids)


@operation(changes={"key_figures"})
def set_key_figure(op: Op, indicator_id: int, nis_code: str, year: int, value: float | None) -> float | None:
    """Store (None: clear) one cell of the key-figure grid. Returns the previous value."""
    previous = key_figures.set_value(op.session, indicator_id, nis_code, year, value)
    op.undoable("kerncijfer wijzigen",
                undo=lambda ctx: set_key_figure(ctx, indicator_id, nis_code, year, previous),
                redo=lambda ctx: set_key_figure(ctx, indicator_id, nis_code, year, value))
    return previous


@operation(changes={"swot"})
def save_swot_item(op: Op, data: SwotInput, item_id: int | None = None) -> int:
    return swot.save_swot_item(op.session, data, item_id)


@operation(changes={"swot"})
def delete_swot_item(op: Op, item_id: int) -> bool:
    """Delete one SWOT item; Ctrl+Z puts it back in its place, Ctrl+Y deletes it again."""
    snapshot = swot.delete_swot_item(op.session, item_id)
    if snapshot is None:
        return False
    data, order = snapshot
    current = {"id": item_id}  # the item gets a new id each time it comes back

    def undo(ctx) -> None:  # noqa: ANN001
        current["id"] = _restore_swot_item(ctx, data, order)

    op.undoable("SWOT-punt verwijderen", undo=undo, redo=lambda ctx: delete_swot_item(ctx, current["id"]))
    return True


@operation(changes={"swot"})
def _restore_swot_item(op: Op, data: SwotInput, sort_order: int) -> int:
    return swot.restore_swot_item(op.session, data, sort_order)


@operation(changes={"swot"})
def move_swot_item(op: Op, item_id: int, step: int) -> bool:
    """Move an item up (-1) or down (+1) in its quadrant; undoable. False at either end."""
    moved = swot.move_swot_item(op.session, item_id, step)
    if moved:
        op.undoable("SWOT-punt verplaatsen", undo=lambda ctx: move_swot_item(ctx, item_id, -step),
                    redo=lambda ctx: move_swot_item(ctx, item_id, step))
    return moved
