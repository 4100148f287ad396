"""Attendance rules without storage: statuses and weights per event, the percent rule, the
matrix. Pure functions of plain data, so the certificates' eligibility can reuse them."""
