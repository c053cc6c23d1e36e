"""PDF reports with reportlab (no Qt). Shared look in pdf_base; one module per document."""
