"""Exchange of the needs survey: XLSForm, Excel template, results workbook, imports, reminders."""
