"""Gaps in the offer (hiaten): per municipality, the service categories with no or thin offer, ranked,
and crossed with the needs a survey measured ("hoge nood, geen aanbod") when there are any.

The link with the needs survey (behoeftepeiling), designed before that module exists:
- survey questions and answer options point at a service category through the mixin
  `analysis_models.ServiceCategoryPointer` (column `service_category_id`);
- the survey module provides a function `need_scores(session, nis_code=None) -> Iterable[NeedScore]` that
  turns the answers into a score per municipality and category (of one municipality when nis_code is given), and names it in its `Feature.need_score_providers`
  (features/); callers pass `features.need_score_providers()` in as `providers`;
- the gap analysis reads needs only through `need_scores()` below, so it works without survey data
  (no providers, or no answers yet) and with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from regisseur_app.domain.analysis.offer_map import Matrix, offer_matrix
from regisseur_app.domain.core import municipalities
from regisseur_app.storage.engine import fold

HIGH_NEED = 0.5        # a score from this value up is "hoge nood"
THIN_OFFER = 1         # this many organisations or fewer (but more than none) is "dun aanbod"

NO_OFFER, THIN = "geen aanbod", "dun aanbod"


@dataclass(frozen=True)
class NeedScore:
    """The need for a service category in a municipality, measured by a survey: 0 (none) to 1 (everyone)."""

    nis_code: str
    category_id: int
    score: float
    respondents: int = 0
    source: str = ""


NeedProvider = Callable[..., Iterable[NeedScore]]  # (session) or (session, nis_code)


def need_scores(session: Session, providers: Iterable[NeedProvider] | None = None, nis_code: str | None = None
                ) -> dict[tuple[str, int], NeedScore]:
    """(nis_code, category_id) -> the highest measured need. Empty when there is no survey data. With `nis_code`:
    only that municipality's, each provider asked for it alone (the same scores, a fraction of the reading)."""
    if providers is None:
        providers = ()
    found: dict[tuple[str, int], NeedScore] = {}
    for provider in providers:
        for need in (provider(session) if nis_code is None else provider(session, nis_code)):
            score = min(max(float(need.score), 0.0), 1.0)
            key = (need.nis_code, need.category_id)
            if key not in found or score > found[key].score:
                found[key] = NeedScore(need.nis_code, need.category_id, score, need.respondents, need.source)
    return found


@dataclass(frozen=True)
class Gap:
    rank: int
    category_id: int
    label: str
    offer: int                  # organisations offering the category in the municipality
    neighbours: list[str]       # other participating municipalities that have an offer
    region_offer: int           # distinct organisations in the whole region
    need: NeedScore | None
    verdict: str

    @property
    def high_need(self) -> bool:
        return self.need is not None and self.need.score >= HIGH_NEED


def gap_list(session: Session, nis_code: str, se_only: bool = False, thin: int = THIN_OFFER,
             providers: Iterable[NeedProvider] | None = None, matrix: Matrix | None = None) -> list[Gap]:
    """The categories with no or thin offer in `nis_code`, most urgent first.

    Order: high need and no offer; high need and thin offer; no offer anywhere in the region; no offer
    here (neighbours have it: refer there); thin offer. Within a group: higher measured need first, then
    less offer in the region, then alphabetically.
    """
    matrix = matrix or offer_matrix(session, se_only)
    needs = need_scores(session, providers)
    names = dict(matrix.columns)
    if nis_code not in names:
        names[nis_code] = next((m.name for m in municipalities.list_municipalities(session) if m.nis_code == nis_code),
                               nis_code)
    candidates = []
    for category_id, label in matrix.rows:
        offer = matrix.count(category_id, nis_code)
        if offer > thin:
            continue
        need = needs.get((nis_code, category_id))
        neighbours = [name for code, name in matrix.columns if code != nis_code and matrix.count(category_id, code)]
        high = need is not None and need.score >= HIGH_NEED
        if offer == 0:
            group = 0 if high else (2 if not neighbours else 3)
        else:
            group = 1 if high else 4
        verdict = _verdict(group, offer, need)
        key = (group, -(need.score if need else 0.0), matrix.row_totals.get(category_id, 0), fold(label))
        candidates.append((key, category_id, label, offer, neighbours, need, verdict))
    candidates.sort(key=lambda c: c[0])
    return [Gap(rank, cid, label, offer, neighbours, matrix.row_totals.get(cid, 0), need, verdict)
            for rank, (_k, cid, label, offer, neighbours, need, verdict) in enumerate(candidates, start=1)]


def _verdict(group: int, offer: int, need: NeedScore | None) -> str:
    if group == 0:
        return "hoge nood, geen aanbod"
    if group == 1:
        return "hoge nood, dun aanbod"
    if group == 2:
        return "geen aanbod in de hele regio"
    if group == 3:
        return "geen aanbod (wel in buurgemeenten)"
    return f"dun aanbod ({offer} organisatie{'s' if offer != 1 else ''})"


def has_survey_data(session: Session, providers: Iterable[NeedProvider] | None = None) -> bool:
    return bool(need_scores(session, providers))
