"""Reading the KBO Open Data extract (DuckDB) and exporting matchmaking lists."""
