"""Table model of the questions of a questionnaire, in their order."""

from __future__ import annotations

from regisseur_app.domain.survey.views import QuestionView
from regisseur_app.ui.table_base import Column, RowTableModel


class QuestionModel(RowTableModel):
    COLUMNS = (
        Column("Nr.", lambda q: str(q.position), lambda q: q.position, True),
        Column("Code", lambda q: q.code),
        Column("Rubriek", lambda q: q.section),
        Column("Vraag", lambda q: q.text + (" *" if q.required else "")),
        Column("Soort", lambda q: q.kind_label),
        Column("Antwoordmogelijkheden", lambda q: " | ".join(o.label for o in q.options)),
        Column("Dienstencategorie (nood)", lambda q: q.links),
    )

    def row_for(self, question: QuestionView) -> int:
        return next((i for i, q in enumerate(self._rows) if q.id == question.id), -1)
