"""The pointer survey questions and options use to name a service category (see `gaps.py`). Its own module,
not `models.py`: the survey's models need only this column, not the analysis tables, so whatever reads the
surveys (the Overzicht's response-rate KPI) does not declare and configure those too."""

from __future__ import annotations

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, declared_attr, mapped_column


class ServiceCategoryPointer:
    """Mixin for the survey models (question, option): the service category it measures need for.

    The survey module adds it to its question and option tables; its need-score provider (gaps.py)
    then turns answers into NeedScore rows per municipality and category.
    """

    @declared_attr
    def service_category_id(cls) -> Mapped[int | None]:  # noqa: N805
        return mapped_column(ForeignKey("code_item.id", ondelete="SET NULL"), nullable=True, index=True)
