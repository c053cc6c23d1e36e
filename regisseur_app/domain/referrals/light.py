"""The referral table as a light SQL table (`sqlalchemy.table`): the columns that the list, the stale
referrals of the start screen and the KPI counts read, with the models' types (so dates come back as dates).
Statements on it do not need the mapped classes: what only reads these does not declare and configure the
referral models (the first start screen computed in a process: ≈ 10 ms, docs/performance.md).
tests/unit/test_referral_light.py checks the names and types against models.Referral."""

from __future__ import annotations

from sqlalchemy import Date, Integer, String, column, table

REFERRAL = table(
    "referral",
    column("id", Integer),
    column("code", String),
    column("nis_code", String),
    column("referral_date", Date),
    column("type_id", Integer),
    column("status", String),
    column("status_date", Date),
    column("start_date", Date),
    column("exit", String),
    column("exit_date", Date),
)
