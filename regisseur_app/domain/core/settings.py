"""Application settings stored in the database (the data generation counter is storage/generation.py)."""

from __future__ import annotations

from sqlalchemy import String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from regisseur_app.domain.core.base import Base
from regisseur_app.storage.generation import GENERATION_KEY

ASSOCIATION_NAME = "association_name"
SETUP_DONE = "setup_done"
SETUP_YEAR = "setup_year"  # the year the association was set up in Regisseur: obligations count from then
DEMO_DATABASE = "demo_database"
DATA_GENERATION = GENERATION_KEY


class AppSetting(Base):
    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


def get_setting(session: Session, key: str, default: str = "") -> str:
    value = session.scalar(select(AppSetting.value).where(AppSetting.key == key))
    return default if value is None else value


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(AppSetting, key)
    if row is None:
        session.add(AppSetting(key=key, value=value))
    else:
        row.value = value


def data_generation(session: Session) -> int:
    return int(get_setting(session, DATA_GENERATION, "0") or 0)
