"""User actions of the KBO register: import an extract, add an enterprise to the inventory, bring the
inventory in line with the KBO (archive, take over the seat address), invite companies to an event."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from regisseur_app.domain.kbo import candidates, inventory_link, register, rules
from regisseur_app.operations.base import Op, operation


@operation(changes={"kbo", "organisations", "key_figures"}, backup=True)
def import_extract(op: Op, source: Path, progress: Callable[[int, str], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> register.ImportSummary:
    """Read the extract (zip or folder) and replace the register: all or nothing, after a verified backup.
    Raises exchange.kbo.source.KboFormatError (Dutch, naming file and line) or CancelledRead."""
    spec = register.region_of(op.session)
    if not spec.postcodes and not spec.names:
        from regisseur_app.domain.core.base import ValidationError

        raise ValidationError({"source": "Er zijn nog geen deelnemende gemeenten gekozen (Beheer › Gemeenten)."})
    # DuckDB is imported for an import only: with the module it took 0,09 s of the KBO page's first show
    from regisseur_app.exchange.kbo.reader import Region, read_extract

    region = Region(spec.postcodes, spec.names)
    with read_extract(Path(source), region, register.lookup_numbers(op.session), progress, cancelled) as staged:
        summary = register.replace_register(op.session, staged, Path(source).name, progress)
    from regisseur_app.domain.kbo.key_figures import ensure_indicators

    ensure_indicators(op.session)
    return summary


@operation(changes={"organisations", "kbo"})
def add_to_inventory(op: Op, enterprise_number: str, type_id: int | None = None,
                     category_ids: list[int] | None = None) -> int:
    """Add a KBO enterprise to the inventory (name, KBO number, address, seat, municipalities, categories)."""
    org_id = inventory_link.add_to_inventory(op.session, enterprise_number, type_id, category_ids)
    op.undoable("onderneming aan de inventaris toevoegen",
                undo=lambda ctx: remove_added(ctx, org_id),
                redo=lambda ctx: add_to_inventory(ctx, enterprise_number, type_id, category_ids))
    return org_id


@operation(changes={"organisations", "kbo"})
def remove_added(op: Op, org_id: int) -> None:
    """Undo of add_to_inventory: the organisation it created goes again."""
    inventory_link.remove_organisation(op.session, org_id)


@operation(changes={"organisations", "kbo"})
def take_over_seat(op: Op, org_id: int) -> str:
    """Copy the KBO seat address onto an inventory organisation whose seat moved. Returns the new address."""
    before, text = inventory_link.take_over_seat(op.session, org_id)
    op.undoable("adres uit de KBO overnemen",
                undo=lambda ctx: restore_address(ctx, org_id, before),
                redo=lambda ctx: take_over_seat(ctx, org_id))
    return text


@operation(changes={"organisations", "kbo"})
def restore_address(op: Op, org_id: int, address: dict) -> None:
    inventory_link.restore_address(op.session, org_id, address)


@operation(changes={"organisations", "kbo"})
def archive_stopped(op: Op, org_ids: list[int]) -> int:
    """Archive inventory organisations whose enterprise stopped."""
    from regisseur_app.domain.core import organisation_service

    changed = organisation_service.set_archived(op.session, org_ids, True)
    op.undoable("stopgezette organisaties archiveren",
                undo=lambda ctx: unarchive(ctx, org_ids), redo=lambda ctx: archive_stopped(ctx, org_ids))
    return changed


@operation(changes={"organisations", "kbo"})
def unarchive(op: Op, org_ids: list[int]) -> int:
    from regisseur_app.domain.core import organisation_service

    return organisation_service.set_archived(op.session, org_ids, False)


@operation(changes={"organisations", "contacts", "events"})
def invite_companies(op: Op, event_id: int, enterprise_numbers: list[str]):  # noqa: ANN201
    """Invite companies to an event at their public e-mail address (see domain.kbo.matchmaking)."""
    from regisseur_app.domain.kbo import matchmaking

    return matchmaking.invite_companies(op.session, event_id, enterprise_numbers)


# ---- the rules of the SE candidate list: every change rebuilds that rule's candidates in its transaction ----
@operation(changes={"kbo"})
def add_candidate_rule(op: Op, data: rules.RuleInput) -> int:
    """Add a validated rule (ValidationError with a Dutch message naming the problem) and its candidates."""
    rule_id = rules.add_rule(op.session, data)
    candidates.refresh(op.session, [rule_id])
    added = rules.get_rule(op.session, rule_id)
    op.undoable("regel voor SE-kandidaten toevoegen", undo=lambda ctx: remove_candidate_rule(ctx, rule_id),
                redo=lambda ctx: restore_candidate_rule(ctx, added))
    return rule_id


@operation(changes={"kbo"})
def change_candidate_rule(op: Op, rule_id: int, data: rules.RuleInput) -> None:
    """Change a rule (validated; also switching it off or on) and rebuild its candidates."""
    before = rules.update_rule(op.session, rule_id, data)
    candidates.refresh(op.session, [rule_id])
    op.undoable("regel voor SE-kandidaten wijzigen",
                undo=lambda ctx: change_candidate_rule(ctx, rule_id, before.as_input()),
                redo=lambda ctx: change_candidate_rule(ctx, rule_id, data))


@operation(changes={"kbo"})
def delete_candidate_rule(op: Op, rule_id: int) -> None:
    """Remove a rule and its candidates."""
    removed = rules.delete_rule(op.session, rule_id)
    candidates.refresh(op.session, [rule_id])
    op.undoable("regel voor SE-kandidaten verwijderen", undo=lambda ctx: restore_candidate_rule(ctx, removed),
                redo=lambda ctx: remove_candidate_rule(ctx, rule_id))


@operation(changes={"kbo"})
def remove_candidate_rule(op: Op, rule_id: int) -> None:
    """Undo of add_candidate_rule (records no undo of its own)."""
    rules.delete_rule(op.session, rule_id)
    candidates.refresh(op.session, [rule_id])


@operation(changes={"kbo"})
def restore_candidate_rule(op: Op, rule: rules.Rule) -> None:
    """Bring a removed rule back with its id, code and place in the list (undo of a removal)."""
    rules.add_rule(op.session, rule.as_input(), rule_id=rule.id, code=rule.code, sort_order=rule.sort_order)
    candidates.refresh(op.session, [rule.id])
