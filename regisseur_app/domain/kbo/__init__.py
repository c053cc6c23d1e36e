"""KBO Open Data: the enterprises of the region, next to the inventory (issue 15)."""
