"""Charts for the reports and the dashboard, drawn by matplotlib's Agg backend into PNG bytes:
the same picture goes into a reportlab PDF and, as a QImage, onto the dashboard page, and the
core stays Qt-free (docs/outcomes.md, "Charts")."""
