"""Actieplan: the plan, the WSE-LR subsidy check, KPIs and collaborations."""
