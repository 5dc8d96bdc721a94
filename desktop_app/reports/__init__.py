"""PDF documents built with reportlab: the assessment summary (and later the portfolio)."""
