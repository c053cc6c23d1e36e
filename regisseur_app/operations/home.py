"""The start screen keeps what it showed (domain/core/home_snapshot.py); not a change of the data, so it
announces nothing and counts no data generation."""

from __future__ import annotations

from regisseur_app.domain.core import home_snapshot
from regisseur_app.operations.base import Op, operation


@operation()
def keep_home_snapshot(op: Op, snapshot: dict) -> None:
    home_snapshot.write(op.session, snapshot)
