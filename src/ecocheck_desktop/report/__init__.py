"""Charts (plain specs in chart_spec; matplotlib Figures for the screen in charts, reportlab
drawing for the PDF in chart_pdf) and the PDF report (reportlab)."""
