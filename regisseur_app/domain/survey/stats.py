"""Statistics per question, exact: n and % per option overall and per group side by side (municipality,
audience, or the answer to a single-choice question: a cross-tab); mean, median and distribution for
scales; sum, mean and median for numbers; open answers. A group with fewer than SMALL answers is marked
"te klein om te interpreteren"."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from regisseur_app.domain.survey.dataset import Dataset, Facts
from regisseur_app.domain.survey.models import MULTI, NUMBER, SCALE, SINGLE, TEXT, YESNO

SMALL = 5
SMALL_LABEL = "te klein om te interpreteren"
TOTAL = "Totaal"
BY_MUNICIPALITY, BY_AUDIENCE, ONLY_TOTAL = "municipality", "audience", "total"


@dataclass(frozen=True)
class Grouping:
    """How to split the answers: by municipality, audience, or a single-choice question ('q<id>')."""

    key: str
    label: str


@dataclass
class Group:
    key: object
    label: str
    n: int = 0  # respondents in this group who answered the question

    @property
    def small(self) -> bool:
        return self.n < SMALL


@dataclass
class OptionRow:
    option_id: int
    label: str
    counts: list[int]
    percents: list[float | None]  # of the group's n (multiple choice: can add up to more than 100)


@dataclass
class Summary:
    n: int
    total: float | None
    mean: float | None
    median: float | None
    minimum: float | None
    maximum: float | None


@dataclass
class QuestionTable:
    question_id: int
    text: str
    kind: str
    grouping: Grouping
    groups: list[Group]  # groups[0] is the total
    rows: list[OptionRow] = field(default_factory=list)
    summaries: list[Summary] = field(default_factory=list)  # scales and numbers, one per group
    texts: list[tuple[str, str]] = field(default_factory=list)  # (municipality, answer)

    @property
    def n(self) -> int:
        return self.groups[0].n


def groupings(data: Dataset, exclude_question: int | None = None) -> list[Grouping]:
    """What a question can be split by: municipality, audience, every other single-choice/ja-nee question."""
    found = [Grouping(BY_MUNICIPALITY, "Gemeente"), Grouping(BY_AUDIENCE, "Doelgroep")]
    for q in data.questions.values():
        if q.kind in (SINGLE, YESNO) and q.id != exclude_question:
            found.append(Grouping(f"q{q.id}", f"{q.code}: {q.text}"))
    return found


# no split: only the total column (what the college report shows); the same total as any other grouping gives
TOTAL_ONLY = Grouping(ONLY_TOTAL, TOTAL)


def _group_of(data: Dataset, grouping: Grouping) -> tuple[Callable[[Facts], object], list[tuple[object, str]]]:
    if grouping.key == ONLY_TOTAL:
        return (lambda _f: None), []
    if grouping.key == BY_MUNICIPALITY:
        keys = sorted({f.nis_code for f in data.responses}, key=lambda c: data.municipality_names.get(c, c))
        return (lambda f: f.nis_code), [(k, data.municipality_names.get(k, k)) for k in keys]
    if grouping.key == BY_AUDIENCE:
        keys = sorted({f.audience_id for f in data.responses if f.audience_id},
                      key=lambda a: data.audience_names.get(a, ""))
        return (lambda f: f.audience_id), [(k, data.audience_names.get(k, str(k))) for k in keys]
    qid = int(grouping.key[1:])
    question = data.questions[qid]
    return (lambda f: (f.options.get(qid) or [None])[0]), [(o.id, o.label) for o in question.options]


def question_table(data: Dataset, question_id: int, grouping: Grouping | None = None) -> QuestionTable:
    question = data.questions[question_id]
    grouping = grouping or Grouping(BY_MUNICIPALITY, "Gemeente")
    key_of, keys = _group_of(data, grouping)
    groups = [Group(None, TOTAL)] + [Group(k, label) for k, label in keys]
    index = {g.key: i for i, g in enumerate(groups) if i}
    answered = [f for f in data.responses if f.answered(question_id)]
    members: list[list[Facts]] = [answered] + [[] for _ in keys]
    if keys:
        for facts in answered:
            position = index.get(key_of(facts))
            if position is not None:
                members[position].append(facts)
    for group, people in zip(groups, members, strict=True):
        group.n = len(people)
    table = QuestionTable(question_id, question.text, question.kind, grouping, groups)
    if question.kind in (SINGLE, MULTI, SCALE, YESNO):
        # per group, how many people chose each option (one pass over the group, each person once per option)
        chosen = [Counter(o for f in people for o in dict.fromkeys(f.options.get(question_id, ()))) for people in members]
        for option in question.options:
            counts = [found[option.id] for found in chosen]
            percents = [100.0 * c / g.n if g.n else None for c, g in zip(counts, groups, strict=True)]
            table.rows.append(OptionRow(option.id, option.label, counts, percents))
    if question.kind == SCALE:
        values = {o.id: o.value for o in question.options}
        table.summaries = [summarise([values[f.options[question_id][0]] for f in people]) for people in members]
    elif question.kind == NUMBER:
        table.summaries = [summarise([f.numbers[question_id] for f in people]) for people in members]
    elif question.kind == TEXT:
        table.texts = [(data.municipality_names.get(f.nis_code, f.nis_code), f.texts[question_id]) for f in answered]
    return table


def summarise(values: list[float]) -> Summary:
    if not values:
        return Summary(0, None, None, None, None, None)
    return Summary(len(values), float(sum(values)), statistics.fmean(values), float(statistics.median(values)),
                   min(values), max(values))


def filter_texts(texts: list[tuple[str, str]], needle: str) -> list[tuple[str, str]]:
    from regisseur_app.storage.engine import fold

    wanted = fold(needle)
    return [t for t in texts if not wanted or wanted in fold(t[1]) or wanted in fold(t[0])]
