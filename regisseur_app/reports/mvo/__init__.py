"""MVO on paper: the college-report section, the KPI source and the report per organisation and year."""
