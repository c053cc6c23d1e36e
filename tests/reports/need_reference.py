"""The need-row tally of the computations from before the need rows were counted in SQL, shared by the tests that
keep those computations as references (test_need_rows_one_pass.py, test_need_rows_sql.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from regisseur_app.domain.survey import needs
from regisseur_app.domain.survey.models import NUMBER, SCALE, YESNO


class Tally:
    """Per (NIS code, service category): signals, answers and the respondents who gave them."""

    def __init__(self) -> None:
        self.signals: dict = defaultdict(int)
        self.answers: dict = defaultdict(int)
        self.people: dict = defaultdict(set)
        self.names: dict[str, str] = {}

    def _count(self, key: tuple, respondent: int, hit: bool) -> None:
        self.answers[key] += 1
        self.people[key].add(respondent)
        self.signals[key] += hit

    def add(self, question, answering: Iterable) -> None:  # noqa: ANN001
        """Count one question's answers: `answering` are the dataset's response facts that answered it."""
        linked = {o.id: o.service_category_id for o in question.options if o.service_category_id}
        values = {o.id: o.value for o in question.options}
        yes = question.options[0].id if question.kind == YESNO and question.options else None
        for facts in answering:
            chosen = facts.options.get(question.id, [])
            for option_id, category in linked.items():
                self._count((facts.nis_code, category), facts.id, option_id in chosen)
            if question.service_category_id is None:
                continue
            if question.kind == SCALE:
                hit = bool(chosen) and (values.get(chosen[0]) or 0) >= needs.HIGH_SCALE
            elif question.kind == YESNO:
                hit = yes in chosen
            elif question.kind == NUMBER:
                hit = facts.numbers.get(question.id, 0) > 0
            else:
                continue
            self._count((facts.nis_code, question.service_category_id), facts.id, hit)

    def rows(self, labels: dict) -> list[needs.NeedRow]:
        rows = [needs.NeedRow(nis, self.names.get(nis, nis), cat, labels.get(cat, str(cat)), self.signals[(nis, cat)],
                              n, len(self.people[(nis, cat)])) for (nis, cat), n in self.answers.items()]
        return sorted(rows, key=lambda r: (r.municipality, -r.score, r.category))
