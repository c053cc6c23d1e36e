"""The MVO page: data entry per organisation and year, the regional overview, indicators and factors."""
