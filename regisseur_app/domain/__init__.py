"""Domain models and services per feature. No Qt here (DESIGN.md rule 1)."""
