"""User actions on the core data: organisations, contacts, code lists, municipalities, the set-up."""

from __future__ import annotations

from regisseur_app.domain.core import codelists, contact_service, municipalities, organisation_service, setup
from regisseur_app.domain.core.contact_service import ContactInput
from regisseur_app.domain.core.municipalities import MunicipalityData
from regisseur_app.domain.core.organisation_service import OrganisationInput
from regisseur_app.formatting import counted
from regisseur_app.operations.base import Op, operation


@operation(changes={"organisations"})
def save_organisation(op: Op, data: OrganisationInput, org_id: int | None = None) -> int:
    """Add or change an organisation; a change is undone by Ctrl+Z (the fields as they were) and redone by
    Ctrl+Y. (Adding one is not undone: it would leave nothing or an archived duplicate behind.)"""
    read = organisation_service.get_organisation
    before = None if org_id is None else read(op.session, org_id)
    saved = organisation_service.save_organisation(op.session, data, org_id)
    if before is not None:  # an edit (an added one is not undone)
        _undoable_edit(op, "organisatie", before, read(op.session, saved), save_organisation, saved)
    return saved


def _undoable_edit(op: Op, noun: str, before, after, save, saved_id: int) -> None:  # noqa: ANN001
    """An edit that changed something: Ctrl+Z saves `before` again, Ctrl+Y `after`."""
    if after != before:
        op.undoable(f"{noun} '{after.name}' wijzigen", undo=lambda ctx: save(ctx, before, saved_id),
                    redo=lambda ctx: save(ctx, after, saved_id))


@operation(changes={"organisations", "contacts"})
def archive_organisations(op: Op, ids: list[int], archived: bool = True) -> int:
    """Archive (or bring back from the archive) organisations; Ctrl+Z does the opposite."""
    changed = organisation_service.set_archived(op.session, ids, archived)
    verb = "archiveren" if archived else "terugzetten uit het archief"
    op.undoable(f"{counted(len(ids), 'organisatie', 'organisaties')} {verb}",
                undo=lambda ctx: archive_organisations(ctx, ids, not archived),
                redo=lambda ctx: archive_organisations(ctx, ids, archived))
    return changed


@operation(changes={"contacts"})
def save_contact(op: Op, data: ContactInput, contact_id: int | None = None) -> int:
    """Add or change a contact; a change is undone by Ctrl+Z and redone by Ctrl+Y (as for organisations)."""
    read = contact_service.get_contact
    before = None if contact_id is None else read(op.session, contact_id)
    saved = contact_service.save_contact(op.session, data, contact_id)
    if before is not None:
        _undoable_edit(op, "contactpersoon", before, read(op.session, saved), save_contact, saved)
    return saved


@operation(changes={"contacts"})
def archive_contacts(op: Op, ids: list[int], archived: bool = True) -> int:
    changed = contact_service.set_contacts_archived(op.session, ids, archived)
    verb = "archiveren" if archived else "terugzetten uit het archief"
    op.undoable(f"{counted(len(ids), 'contactpersoon', 'contactpersonen')} {verb}",
                undo=lambda ctx: archive_contacts(ctx, ids, not archived),
                redo=lambda ctx: archive_contacts(ctx, ids, archived))
    return changed


@operation(changes={"contacts", "events"})
def delete_contacts(op: Op, ids: list[int]) -> list[str]:
    """Delete contact persons (their right to erasure): no undo, the personal data are gone; their past
    event participations stay, anonymous, in the statistics."""
    return contact_service.erase_contacts(op.session, ids)


@operation(changes={"codelists"})
def add_code_item(op: Op, list_name: str, label: str) -> int:
    return codelists.add_item(op.session, list_name, label)


@operation(changes={"codelists"})
def rename_code_item(op: Op, item_id: int, label: str) -> int:
    codelists.rename_item(op.session, item_id, label)
    return item_id


@operation(changes={"codelists"})
def set_code_item_active(op: Op, item_id: int, active: bool) -> int:
    codelists.set_item_active(op.session, item_id, active)
    return item_id


@operation(changes={"municipalities"})
def save_municipality(op: Op, data: MunicipalityData, is_new: bool) -> None:
    municipalities.save_municipality(op.session, data, is_new)


@operation(changes={"setup", "municipalities"})
def complete_setup(op: Op, name: str, nis_codes: list[str]) -> None:
    setup.complete_setup(op.session, name, nis_codes)
