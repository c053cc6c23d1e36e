"""Evenementen: network events, participants, check-in, follow-up, statistics."""
