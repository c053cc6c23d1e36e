"""Table model of a KBO list (paged from SQL); the candidate list adds the rule that matched."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from regisseur_app.domain.core.validation import format_kbo
from regisseur_app.domain.kbo.queries import EnterpriseRow
from regisseur_app.formatting import format_date
from regisseur_app.ui.referrals.paged_model import PagedTableModel
from regisseur_app.ui.table_base import Column

IN_INVENTORY_BACKGROUND = "#e3f1e0"
NAME, INVENTORY = 1, 7

COLUMNS = (
    Column("KBO-nummer", lambda r: format_kbo(r.id)),
    Column("Naam", lambda r: r.name),
    Column("Gemeente (zetel)", lambda r: r.city),
    Column("Aanwezig in", lambda r: r.municipalities),
    Column("Rechtsvorm", lambda r: r.form),
    Column("Hoofdactiviteit", lambda r: f"{r.nace_code} {r.nace_label}".strip()),
    Column("Gestart", lambda r: format_date(r.start_date)),
    Column("Inventaris", lambda r: "ja" if r.organisation_id else ""),
)
SORTS = ("number", "name", "city", None, "form", "nace", "start", None)


class EnterpriseTableModel(PagedTableModel):
    COLUMNS = COLUMNS
    SORT_KEYS = SORTS

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.sort_key, self.descending = "name", False

    def extra_data(self, row: EnterpriseRow, role: int):  # noqa: ANN201
        if role == Qt.ItemDataRole.BackgroundRole and row.organisation_id:
            return QColor(IN_INVENTORY_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [row.name, f"{row.street}, {row.postcode} {row.city}"]
            lines += [t for t in (row.email, row.website, row.phone) if t]
            if row.status != "AC":
                lines.append("Stopgezet volgens de KBO")
            return "\n".join(lines)
        return None


class CandidateTableModel(EnterpriseTableModel):
    """The candidate list: the rule(s) that put each enterprise on it, right after the name."""

    COLUMNS = (COLUMNS[0], COLUMNS[1], Column("Regel", lambda r: "; ".join(r.rules)), COLUMNS[3], COLUMNS[5],
               COLUMNS[4], COLUMNS[6], COLUMNS[7])
    SORT_KEYS = ("number", "name", None, None, "nace", "form", "start", None)


CANDIDATE_RULE, CANDIDATE_INVENTORY = 2, 7


class RegularTableModel(EnterpriseTableModel):
    """The matchmaking list: the public contact data instead of the juridical form."""

    COLUMNS = (COLUMNS[0], COLUMNS[1], COLUMNS[3], COLUMNS[5], Column("E-mail", lambda r: r.email),
               Column("Website", lambda r: r.website), COLUMNS[6], COLUMNS[7])
    SORT_KEYS = ("number", "name", None, "nace", None, None, "start", None)
