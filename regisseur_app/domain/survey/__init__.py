"""Behoeftepeiling: questionnaires, respondents, answers, statistics and need scores (no Qt)."""
