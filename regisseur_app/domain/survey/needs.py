"""Need scores per municipality and service category, from the questions and options that point at a
category (the provider named in the feature's `need_score_providers`, read by the gap analysis).

FORMULA (shown to the user): per municipality and service category, in the most recent survey year with
answers,

    noodscore = antwoorden die nood aangeven / antwoorden op de gekoppelde vragen

where an answer signals need when it chooses an option linked to the category, or, for a question linked
as a whole, when a scale answer is 4 or 5, a ja/nee answer is "ja", or a number is more than 0.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.analysis.gaps import NeedScore
from regisseur_app.domain.core.memo import remembered
from regisseur_app.domain.survey import dataset
from regisseur_app.domain.survey.models import NUMBER, SCALE, YESNO, Survey, SurveyResponse

HIGH_SCALE = 4
FORMULA = ("Noodscore = aantal antwoorden dat nood aangeeft ÷ aantal antwoorden op de gekoppelde vragen, per "
           "gemeente en dienstencategorie, uit het meest recente peilingsjaar met antwoorden. Een antwoord geeft "
           "nood aan als het een antwoordmogelijkheid kiest die aan de categorie gekoppeld is, of – bij een vraag "
           "die als geheel gekoppeld is – als het op de schaal 4 of 5 is, 'ja' bij een ja/nee-vraag, of een getal "
           "groter dan 0. Vanaf 50 % spreekt de hiatenanalyse van 'hoge nood'.")


@dataclass(frozen=True)
class NeedRow:
    nis_code: str
    municipality: str
    category_id: int
    category: str
    signals: int
    answers: int
    respondents: int

    @property
    def score(self) -> float:
        return self.signals / self.answers if self.answers else 0.0


def latest_year(session: Session) -> int | None:
    return session.scalar(select(func.max(Survey.year)).join(SurveyResponse, SurveyResponse.survey_id == Survey.id))


def need_rows(session: Session, year: int | None = None) -> list[NeedRow]:
    year = year or latest_year(session)
    if year is None:
        return []
    # once per session while it does not write (see dataset.shared): the report's survey section and its gap
    # list both ask for the latest year's rows
    return list(remembered(session, ("survey_need_rows", year), lambda: tuple(_need_rows(session, year))))


def _need_rows(session: Session, year: int) -> list[NeedRow]:
    signals: dict[tuple[str, int], int] = defaultdict(int)
    answers: dict[tuple[str, int], int] = defaultdict(int)
    people: dict[tuple[str, int], set[int]] = defaultdict(set)
    names: dict[str, str] = {}
    for survey_id in [survey.id for survey in dataset.survey_infos(session).values() if survey.year == year]:
        data = dataset.shared(session, survey_id)
        names.update(data.municipality_names)
        linked = [q for q in data.questions.values()
                  if q.service_category_id is not None or any(o.service_category_id for o in q.options)]
        answering = _answering(data, {q.id for q in linked})
        for question in linked:
            linked_options = {o.id: o.service_category_id for o in question.options if o.service_category_id}
            values = {o.id: o.value for o in question.options}
            yes = question.options[0].id if question.kind == YESNO and question.options else None
            for facts in answering.get(question.id, ()):
                chosen = facts.options.get(question.id, [])
                for option_id, category in linked_options.items():
                    key = (facts.nis_code, category)
                    answers[key] += 1
                    people[key].add(facts.id)
                    signals[key] += option_id in chosen
                category = question.service_category_id
                if category is None:
                    continue
                key = (facts.nis_code, category)
                if question.kind == SCALE:
                    hit = bool(chosen) and (values.get(chosen[0]) or 0) >= HIGH_SCALE
                elif question.kind == YESNO:
                    hit = yes in chosen
                elif question.kind == NUMBER:
                    hit = facts.numbers.get(question.id, 0) > 0
                else:
                    continue
                answers[key] += 1
                people[key].add(facts.id)
                signals[key] += hit
    labels = dataset.code_labels(session)
    rows = [NeedRow(nis, names.get(nis, nis), cat, labels.get(cat, str(cat)), signals[(nis, cat)], n,
                    len(people[(nis, cat)])) for (nis, cat), n in answers.items()]
    return sorted(rows, key=lambda r: (r.municipality, -r.score, r.category))


def _answering(data: dataset.Dataset, question_ids: set[int]) -> dict[int, list[dataset.Facts]]:
    """Per question of `question_ids`, the responses that answered it, in the dataset's order: one pass over the
    responses instead of one per question (a survey of the large region: 50.000 responses × its questions)."""
    found: dict[int, list[dataset.Facts]] = defaultdict(list)
    for facts in data.responses:
        for question_id in (facts.options.keys() | facts.numbers.keys() | facts.texts.keys()) & question_ids:
            found[question_id].append(facts)
    return found


def need_scores(session: Session) -> Iterable[NeedScore]:
    """The provider for the gap analysis (domain/analysis/gaps.py)."""
    year = latest_year(session)
    for row in need_rows(session, year):
        yield NeedScore(row.nis_code, row.category_id, row.score, row.respondents,
                        f"peiling {year}, n={row.respondents}")
