"""MVO data in and out of Excel: the template per organisation and year, its re-import, and exports."""
