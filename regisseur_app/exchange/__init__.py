"""Import and export of tables (CSV/Excel): reading, mapping, preview, all-or-nothing import, export.

No Qt here (DESIGN.md rule 1): the UI calls these functions from a worker thread.
Modules: tabular (read a file into a RawTable), importing (shared mapping/preview machinery),
org_import and contact_import (one per record kind), export (DataFrames to .xlsx/.csv).
"""
