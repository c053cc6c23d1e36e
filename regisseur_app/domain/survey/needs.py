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

from sqlalchemy import BigInteger, ColumnElement, Select, Subquery, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from regisseur_app.domain.analysis.gaps import NeedScore
from regisseur_app.domain.core.memo import remembered
from regisseur_app.domain.survey import dataset
from regisseur_app.domain.survey.models import (
    NUMBER,
    SCALE,
    YESNO,
    Survey,
    SurveyAnswer,
    SurveyOption,
    SurveyQuestion,
    SurveyResponse,
)

HIGH_SCALE = 4
MASK_BITS = 60  # questions per bit mask (an SQL integer has 64 bits)
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


def need_rows(session: Session, year: int | None = None, nis_code: str | None = None) -> list[NeedRow]:
    """The rows of every municipality, or of `nis_code` alone (the same rows: its answers only are read)."""
    year = year or latest_year(session)
    if year is None:
        return []
    # once per session while it does not write (see domain.core.memo): the report's survey section and its gap
    # list both ask for the latest year's rows
    return list(remembered(session, ("survey_need_rows", year, nis_code),
                           lambda: tuple(_need_rows(session, year, nis_code))))


def _need_rows(session: Session, year: int, nis_code: str | None = None) -> list[NeedRow]:
    """The FORMULA counted by the database instead of loading every answer of the year as objects (0,3 s on the
    large region). Per response and linked question it answered (an option, a number or a text): one answer for
    each linked option of the question, a signal when the response chose it; and, for a question linked as a
    whole, one answer for its category, a signal when it is 4 or more on the scale, 'ja' or a number above 0.
    Respondents are the distinct responses with an answer for the municipality and category."""
    surveys = [survey.id for survey in dataset.survey_infos(session).values() if survey.year == year]
    linked = _Linked([q for survey_id in surveys for q in dataset.questions(session, survey_id).values()],
                     surveys, nis_code)
    if not linked.questions:
        return []
    signals: dict[tuple[str, int], int] = defaultdict(int)
    answers: dict[tuple[str, int], int] = defaultdict(int)
    people: dict[tuple[str, int], int] = defaultdict(int)
    for nis, count, *masks in session.execute(linked.patterns()):
        answered = linked.members(masks[:len(masks) // 2])
        for category in {category for qid in answered for category in linked.targets[qid]}:
            people[(nis, category)] += count
        for qid in answered:
            for category in linked.targets[qid]:
                answers[(nis, category)] += count
        for qid in linked.members(masks[len(masks) // 2:]):
            signals[(nis, linked.whole[qid])] += count
    for nis, option_id, count in session.execute(linked.chosen()):
        signals[(nis, linked.option_category[option_id])] += count
    names = dataset.municipality_names(session)
    labels = dataset.code_labels(session)
    rows = [NeedRow(nis, names.get(nis, nis), cat, labels.get(cat, str(cat)), signals[(nis, cat)], n,
                    people[(nis, cat)]) for (nis, cat), n in answers.items()]
    return sorted(rows, key=lambda r: (r.municipality, -r.score, r.category, r.nis_code, r.category_id))


class _Linked:
    """The questions of a year that point at a category (as a whole, or through an option) and the SQL that
    counts their answers. Which linked questions a response answered, and which of those signal need, are bit
    masks (one bit per question, MASK_BITS questions per integer): the database counts the responses per
    municipality and masks, Python spreads those counts over the categories of the questions in the masks, so a
    response counts once per category however many of its questions point there."""

    def __init__(self, questions: Iterable[dataset.QuestionInfo], surveys: list[int], nis_code: str | None = None):
        # only the responses of the year's surveys from this municipality (of every one: None)
        self.responses = (select(SurveyResponse.id).where(SurveyResponse.nis_code == nis_code,
                                                          SurveyResponse.survey_id.in_(surveys))
                          if nis_code else None)
        self.questions = [q for q in questions
                          if q.service_category_id is not None or any(o.service_category_id for o in q.options)]
        # the questions whose own category counts (a scale, ja/nee or number question linked as a whole)
        self.whole = {q.id: q.service_category_id for q in self.questions
                      if q.service_category_id is not None and q.kind in (SCALE, YESNO, NUMBER)}
        self.kinds = {q.id: q.kind for q in self.questions if q.id in self.whole}
        # question id -> the category of each answer it gives: one per linked option, one for the whole
        self.targets = {q.id: [o.service_category_id for o in q.options if o.service_category_id]
                        + ([self.whole[q.id]] if q.id in self.whole else []) for q in self.questions}
        self.option_category = {o.id: o.service_category_id for q in self.questions for o in q.options
                                if o.service_category_id}
        self.chunks = [[q.id for q in self.questions[i:i + MASK_BITS]]
                       for i in range(0, len(self.questions), MASK_BITS)]

    def members(self, masks: Iterable[int]) -> list[int]:
        """The question ids whose bits are set in `masks` (one integer per chunk; a sum may come back as a decimal
        from engines other than SQLite)."""
        return [qid for chunk, mask in zip(self.chunks, masks, strict=True)
                for bit, qid in enumerate(chunk) if int(mask) >> bit & 1]

    def _whole(self, kind: str) -> list[int]:
        return [qid for qid, k in self.kinds.items() if k == kind]

    def _pairs(self) -> Subquery:
        """One row per response and linked question it answered (an option, a number or a text: what the dataset
        reads as an answer), with what decides its signal: whether it chose a ja/nee question's first option
        ('ja'), a scale question's first chosen answer and a number question's last number (by answer id, the
        order in which the dataset reads them)."""
        answer = SurveyAnswer
        yes = {q.id: q.options[0].id for q in self.questions if q.id in self._whole(YESNO) and q.options}
        chose_yes = func.max(case((answer.option_id == case(yes, value=answer.question_id), 1), else_=0))
        first_choice = func.min(case((and_(answer.option_id.is_not(None), answer.question_id.in_(self._whole(SCALE))),
                                      answer.id)))
        last_number = func.max(case((and_(answer.option_id.is_(None), answer.number_value.is_not(None),
                                          answer.question_id.in_(self._whole(NUMBER))), answer.id)))
        return (select(answer.response_id, answer.question_id,
                       (chose_yes if yes else literal(0)).label("chose_yes"),
                       first_choice.label("first_choice"), last_number.label("last_number"))
                .where(answer.question_id.in_([q.id for q in self.questions]),
                       or_(answer.option_id.is_not(None), answer.number_value.is_not(None), answer.text_value != ""),
                       *self._of_municipality())
                .group_by(answer.response_id, answer.question_id)
                .subquery("pairs"))

    def _of_municipality(self) -> list[ColumnElement[bool]]:
        return [] if self.responses is None else [SurveyAnswer.response_id.in_(self.responses)]

    def patterns(self) -> Select:
        """(municipality, number of responses, answered mask per chunk..., signal mask per chunk...): the
        responses of the year's surveys grouped by which linked questions they answered and which of the
        questions linked as a whole signal need."""
        pairs = self._pairs()
        first, first_option, last = aliased(SurveyAnswer), aliased(SurveyOption), aliased(SurveyAnswer)
        signal = case(
            (SurveyQuestion.kind == SCALE, case((func.coalesce(first_option.value, 0) >= HIGH_SCALE, 1), else_=0)),
            (SurveyQuestion.kind == YESNO, pairs.c.chose_yes),
            (SurveyQuestion.kind == NUMBER, case((func.coalesce(last.number_value, 0) > 0, 1), else_=0)), else_=0)
        bits = [case({qid: _bit(i) for i, qid in enumerate(chunk)}, value=pairs.c.question_id, else_=0)
                for chunk in self.chunks]
        whole_bits = [case({qid: _bit(i) for i, qid in enumerate(chunk) if qid in self.whole},
                           value=pairs.c.question_id, else_=0) if set(chunk) & set(self.whole) else literal(0)
                      for chunk in self.chunks]
        per_response = (
            select(SurveyResponse.nis_code, *[func.sum(b).label(f"answered{k}") for k, b in enumerate(bits)],
                   *[func.sum(b * signal).label(f"signals{k}") for k, b in enumerate(whole_bits)])
            .select_from(pairs)
            .join(SurveyResponse, SurveyResponse.id == pairs.c.response_id)
            # the question of the response's survey (as the dataset of that survey reads it)
            .join(SurveyQuestion, and_(SurveyQuestion.id == pairs.c.question_id,
                                       SurveyQuestion.survey_id == SurveyResponse.survey_id))
            .outerjoin(first, first.id == pairs.c.first_choice)
            .outerjoin(first_option, and_(first_option.id == first.option_id,
                                          first_option.question_id == pairs.c.question_id))
            .outerjoin(last, last.id == pairs.c.last_number)
            .group_by(pairs.c.response_id, SurveyResponse.nis_code)
            .subquery("per_response"))
        masks = [c for c in per_response.c if c.name != "nis_code"]
        return select(per_response.c.nis_code, func.count(), *masks).group_by(per_response.c.nis_code, *masks)

    def chosen(self) -> Select:
        """(municipality, linked option, number of responses of the option's survey that chose it)."""
        answer = SurveyAnswer
        return (select(SurveyResponse.nis_code, answer.option_id, func.count(answer.response_id.distinct()))
                .join(SurveyResponse, SurveyResponse.id == answer.response_id)
                .join(SurveyOption, and_(SurveyOption.id == answer.option_id,
                                         SurveyOption.question_id == answer.question_id))
                .join(SurveyQuestion, and_(SurveyQuestion.id == answer.question_id,
                                           SurveyQuestion.survey_id == SurveyResponse.survey_id))
                .where(answer.option_id.in_(list(self.option_category)), *self._of_municipality())
                .group_by(SurveyResponse.nis_code, answer.option_id))


def _bit(index: int) -> ColumnElement[int]:
    return literal(1 << index, BigInteger)  # a 64-bit integer on every engine


def need_scores(session: Session, nis_code: str | None = None) -> Iterable[NeedScore]:
    """The provider for the gap analysis (domain/analysis/gaps.py): of every municipality, or of `nis_code`."""
    year = latest_year(session)
    for row in need_rows(session, year, nis_code):
        yield NeedScore(row.nis_code, row.category_id, row.score, row.respondents,
                        f"peiling {year}, n={row.respondents}")
