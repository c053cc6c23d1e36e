"""Export of a KBO list (the whole filtered list, not only the rows loaded) to Excel or CSV."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.kbo import candidates, queries
from regisseur_app.exchange.kbo.export import enterprises_frame
from regisseur_app.formatting import counted
from regisseur_app.ui.export_action import ask_export_path, export_to_file

NAMES = {"register": ("KBO-register", "kbo-register"), "candidates": ("SE-kandidaten", "se-kandidaten-kbo"),
         "regular": ("Matchmaking", "matchmaking-kbo")}


def export_enterprise_list(parent: QWidget, ctx: AppContext, filt: queries.EnterpriseFilter, mode: str) -> bool:
    title, file_name = NAMES.get(mode, NAMES["register"])
    target = ask_export_path(parent, file_name)
    if target is None:
        return False
    with ctx.reading() as session:
        total = queries.count_enterprises(session, filt)
        rows = queries.list_enterprises(session, filt, 0, max(total, 1))
        rules = candidates.matched_rules(session, [r.id for r in rows]) if mode == "candidates" else None
    if not export_to_file(parent, enterprises_frame(rows, rules), target, title):
        return False
    if hasattr(parent, "status_message"):
        parent.status_message.emit(f"{counted(len(rows), 'onderneming', 'ondernemingen')} geëxporteerd naar "
                                   f"{target.name}.")
    return True
