"""SWOT of the region or of one municipality: items per quadrant with text, optional source and order."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.analysis.models import (
    QUADRANTS,
    SOURCE_INDICATOR,
    SOURCE_KINDS,
    SOURCE_NONE,
    SOURCE_TEXT,
    KeyIndicator,
    SwotItem,
)
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.validation import check_no_national_number
from regisseur_app.storage.engine import fold

MAX_TEXT = 300
MAX_SOURCE = 200


@dataclass
class SwotInput:
    quadrant: str
    text: str
    nis_code: str | None = None          # None: the region
    source_kind: str = SOURCE_NONE
    indicator_id: int | None = None
    source_text: str = ""


@dataclass(frozen=True)
class SwotRow:
    id: int
    quadrant: str
    text: str
    source_kind: str
    indicator_id: int | None
    source_text: str
    source_label: str                    # "Kerncijfer: Leefloongerechtigden", "Behoeftepeiling 2025", ...
    sort_order: int


def list_swot(session: Session, nis_code: str | None) -> dict[str, list[SwotRow]]:
    """Quadrant -> its items in order, for the region (None) or one municipality."""
    query = (select(SwotItem, KeyIndicator.label).outerjoin(KeyIndicator, KeyIndicator.id == SwotItem.indicator_id)
             .where(SwotItem.nis_code.is_(None) if nis_code is None else SwotItem.nis_code == nis_code)
             .order_by(SwotItem.sort_order, SwotItem.id))
    result: dict[str, list[SwotRow]] = {q: [] for q in QUADRANTS}
    for item, indicator_label in session.execute(query):
        result.setdefault(item.quadrant, []).append(SwotRow(
            item.id, item.quadrant, item.text, item.source_kind, item.indicator_id, item.source_text,
            source_label(item.source_kind, indicator_label, item.source_text), item.sort_order))
    return result


def source_label(kind: str, indicator_label: str | None, text: str) -> str:
    if kind == SOURCE_NONE:
        return ""
    if kind == SOURCE_INDICATOR:
        name = indicator_label or "(verwijderde indicator)"
        return f"Kerncijfer: {name}" + (f" – {text}" if text else "")
    if kind == SOURCE_TEXT:
        return text
    caption = SOURCE_KINDS.get(kind, "bron")
    if not text:
        return caption.capitalize()
    return text if fold(text).startswith(fold(caption)) else f"{caption.capitalize()}: {text}"


def get_swot_item(session: Session, item_id: int) -> SwotInput | None:
    item = session.get(SwotItem, item_id)
    if item is None:
        return None
    return SwotInput(item.quadrant, item.text, item.nis_code, item.source_kind, item.indicator_id, item.source_text)


def validate_swot(session: Session, data: SwotInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.quadrant not in QUADRANTS:
        errors["quadrant"] = "Kies sterkte, zwakte, kans of bedreiging."
    text = (data.text or "").strip()
    if not text:
        errors["text"] = "Vul een korte omschrijving in."
    elif len(text) > MAX_TEXT:
        errors["text"] = f"De omschrijving is te lang ({len(text)} tekens; maximaal {MAX_TEXT})."
    if data.nis_code is not None and session.get(Municipality, data.nis_code) is None:
        errors["nis_code"] = f"Onbekende gemeente (NIS-code {data.nis_code})."
    if data.source_kind not in SOURCE_KINDS:
        errors["source_kind"] = "Onbekend soort bron."
    elif data.source_kind == SOURCE_INDICATOR:
        if data.indicator_id is None or session.get(KeyIndicator, data.indicator_id) is None:
            errors["indicator_id"] = "Kies het kerncijfer waarop dit punt steunt."
    elif data.source_kind != SOURCE_NONE and not (data.source_text or "").strip():
        errors["source_text"] = "Beschrijf de bron (bv. 'Behoeftepeiling 2025' of 'Netwerkevent 12/03/2025')."
    if len((data.source_text or "").strip()) > MAX_SOURCE:
        errors["source_text"] = f"De bron is te lang (maximaal {MAX_SOURCE} tekens)."
    check_no_national_number({"text": data.text, "source_text": data.source_text}, errors)
    return errors


def save_swot_item(session: Session, data: SwotInput, item_id: int | None = None) -> int:
    errors = validate_swot(session, data)
    if errors:
        raise ValidationError(errors)
    if item_id is None:
        item = SwotItem(nis_code=data.nis_code, quadrant=data.quadrant,
                        sort_order=_next_order(session, data.nis_code, data.quadrant))
        session.add(item)
    else:
        item = session.get(SwotItem, item_id)
        if item is None:
            raise ValidationError({"text": "Dit SWOT-punt bestaat niet meer."})
        if item.quadrant != data.quadrant or item.nis_code != data.nis_code:
            item.sort_order = _next_order(session, data.nis_code, data.quadrant)
        item.quadrant, item.nis_code = data.quadrant, data.nis_code
    item.text = data.text.strip()
    item.source_kind = data.source_kind
    item.indicator_id = data.indicator_id if data.source_kind == SOURCE_INDICATOR else None
    item.source_text = (data.source_text or "").strip()
    session.flush()
    return item.id


def delete_swot_item(session: Session, item_id: int) -> tuple[SwotInput, int] | None:
    """Delete one item. Returns what it was and its order, so the caller can undo with restore_swot_item."""
    item = session.get(SwotItem, item_id)
    if item is None:
        return None
    snapshot = (SwotInput(item.quadrant, item.text, item.nis_code, item.source_kind, item.indicator_id,
                          item.source_text), item.sort_order)
    session.delete(item)
    session.flush()
    return snapshot


def restore_swot_item(session: Session, data: SwotInput, sort_order: int) -> int:
    item_id = save_swot_item(session, data)
    session.get(SwotItem, item_id).sort_order = sort_order
    return item_id


def move_swot_item(session: Session, item_id: int, step: int) -> bool:
    """Move an item up (step -1) or down (+1) within its quadrant. Returns False at either end."""
    item = session.get(SwotItem, item_id)
    if item is None:
        return False
    scope = SwotItem.nis_code.is_(None) if item.nis_code is None else SwotItem.nis_code == item.nis_code
    siblings = list(session.scalars(select(SwotItem).where(scope, SwotItem.quadrant == item.quadrant)
                                    .order_by(SwotItem.sort_order, SwotItem.id)))
    index = siblings.index(item)
    target = index + step
    if not 0 <= target < len(siblings):
        return False
    siblings[index], siblings[target] = siblings[target], siblings[index]
    for order, sibling in enumerate(siblings, start=1):
        sibling.sort_order = order * 10
    session.flush()
    return True


def swot_count(session: Session, nis_code: str | None) -> int:
    scope = SwotItem.nis_code.is_(None) if nis_code is None else SwotItem.nis_code == nis_code
    return session.scalar(select(func.count()).select_from(SwotItem).where(scope)) or 0


def _next_order(session: Session, nis_code: str | None, quadrant: str) -> int:
    scope = SwotItem.nis_code.is_(None) if nis_code is None else SwotItem.nis_code == nis_code
    last = session.scalar(select(func.max(SwotItem.sort_order)).where(scope, SwotItem.quadrant == quadrant))
    return (last or 0) + 10
