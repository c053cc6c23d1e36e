"""The privacy guard of every free-text field of the survey (DESIGN.md section 5)."""

from __future__ import annotations

from regisseur_app.domain.core.validation import check_no_national_number


def national_number_problem(text: str | None) -> str | None:
    """The Dutch message when `text` holds a rijksregister- or BIS-number, else None."""
    errors: dict[str, str] = {}
    check_no_national_number({"text": text}, errors)
    return errors.get("text")
