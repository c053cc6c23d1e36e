"""Application settings stored in the database, and the data generation counter used for backups."""

from __future__ import annotations

from sqlalchemy import String, Text, event, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from regisseur_app.domain.core.base import Base

ASSOCIATION_NAME = "association_name"
SETUP_DONE = "setup_done"
DEMO_DATABASE = "demo_database"
DATA_GENERATION = "data_generation"


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


def _bump_generation(session: Session, _flush_context, _instances) -> None:  # noqa: ANN001
    """Every flush that changes data also counts up the data generation, in the same transaction.

    The backup logic compares this number with the one inside the newest backup to know whether
    the data changed since then.
    """
    touched = [*session.new, *session.dirty, *session.deleted]
    if not touched or all(isinstance(obj, AppSetting) and obj.key == DATA_GENERATION for obj in touched):
        return
    if session.info.get("_generation_bumped"):
        return
    session.info["_generation_bumped"] = True
    row = session.get(AppSetting, DATA_GENERATION)
    if row is None:
        session.add(AppSetting(key=DATA_GENERATION, value="1"))
    else:
        row.value = str(int(row.value or 0) + 1)


def _reset_bump(session: Session, *_args) -> None:  # noqa: ANN001
    session.info.pop("_generation_bumped", None)


def install_generation_counter(session_factory) -> None:  # noqa: ANN001
    event.listen(session_factory, "before_flush", _bump_generation)
    event.listen(session_factory, "after_commit", _reset_bump)
    event.listen(session_factory, "after_rollback", _reset_bump)
