"""Charts (matplotlib Figure builders, no pyplot) and the PDF report (reportlab)."""
