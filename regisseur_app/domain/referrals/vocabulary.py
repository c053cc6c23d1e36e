"""The referral vocabulary: the statuses with their Dutch labels, the allowed moves between them (the state
machine) and the expected days in a status before a referral counts as stuck. Plain values, no tables: what
only needs these (the settings, the queries of the lists and the start screen) does not declare the referral
models (models.py imports them from here)."""

from __future__ import annotations

# -- statuses (fixed: the state machine and the statistics depend on them) -----------------------
REFERRED = "doorverwezen"
SCREENING = "in_screening"
POSITIVE = "positief"
NEGATIVE = "negatief"
NO_FOLLOW_UP = "geen_opvolging"
STARTED = "tewerkstelling"
REGULAR_WORK = "doorstroom"
DROPPED_OUT = "uitval"
CLOSED = "afgesloten"

STATUSES = (REFERRED, SCREENING, POSITIVE, NEGATIVE, NO_FOLLOW_UP, STARTED, REGULAR_WORK, DROPPED_OUT, CLOSED)
STATUS_LABELS = {
    REFERRED: "Doorverwezen",
    SCREENING: "In screening",
    POSITIVE: "Beslissing: positief",
    NEGATIVE: "Beslissing: negatief",
    NO_FOLLOW_UP: "Beslissing: geen opvolging",
    STARTED: "Tewerkstelling gestart",
    REGULAR_WORK: "Doorstroom naar regulier werk",
    DROPPED_OUT: "Uitval",
    CLOSED: "Afgesloten",
}
DECISIONS = (POSITIVE, NEGATIVE, NO_FOLLOW_UP)
EXITS = (REGULAR_WORK, DROPPED_OUT)

# The allowed moves. "Geen opvolging" is possible before screening (the person never showed up);
# after a positive decision the person may drop out before the work starts.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    REFERRED: (SCREENING, NO_FOLLOW_UP),
    SCREENING: (POSITIVE, NEGATIVE, NO_FOLLOW_UP),
    POSITIVE: (STARTED, DROPPED_OUT, CLOSED),
    NEGATIVE: (CLOSED,),
    NO_FOLLOW_UP: (CLOSED,),
    STARTED: (REGULAR_WORK, DROPPED_OUT),
    REGULAR_WORK: (CLOSED,),
    DROPPED_OUT: (CLOSED,),
    CLOSED: (),
}

# Expected days in a status before a referral counts as "vastgelopen" (defaults; settings override).
DEFAULT_EXPECTED_DAYS = {
    REFERRED: 30,
    SCREENING: 60,
    POSITIVE: 60,
    NEGATIVE: 30,
    NO_FOLLOW_UP: 30,
    STARTED: 730,
    REGULAR_WORK: 90,
    DROPPED_OUT: 30,
}


def allowed_next(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())
