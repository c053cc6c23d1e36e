"""Reports of the needs survey: the college-report section, the printable questionnaire."""
