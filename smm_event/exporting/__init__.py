"""Spreadsheet exports (XLSX and CSV that Russian Excel opens as it is)."""
