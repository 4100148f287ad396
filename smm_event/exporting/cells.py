"""Safe cells for spreadsheets made from user data (names and NGO titles typed into forms).

A cell whose text starts with ``= + - @`` (or a tab or carriage return) is a formula to Excel
and LibreOffice: "CSV injection". In CSV such text gets a leading apostrophe (OWASP's advice;
Excel then shows the text, not its result). In XLSX the cell is written as a string with the
"quote prefix" style, which is how Excel itself stores text typed with a leading apostrophe:
it displays the text as it is and never evaluates it.

CSV files are UTF-8 with a BOM and ``;`` separators, with decimal commas: what Excel expects
on a Russian system when the file is opened with a double click.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_DELIMITER = ";"
CSV_ENCODING = "utf-8-sig"


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_PREFIXES)


def escape_formula(text: str) -> str:
    """Text as a spreadsheet must show it: a formula-like start gets a leading apostrophe."""
    return "'" + text if is_formula_like(text) else text


def csv_text(value: Any) -> str:
    """One CSV field: numbers with a decimal comma, text escaped, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return escape_formula(str(value))


def write_csv(path: Path, rows: Iterable[Sequence[Any]]) -> None:
    with path.open("w", encoding=CSV_ENCODING, newline="") as stream:
        writer = csv.writer(stream, delimiter=CSV_DELIMITER, lineterminator="\r\n")
        for row in rows:
            writer.writerow([csv_text(value) for value in row])


def set_cell(cell: Any, value: Any) -> None:
    """Write a value into an openpyxl cell; text is never a formula."""
    if not isinstance(value, str):
        cell.value = value
        return
    # openpyxl refuses control characters, and would store "=..." as a formula
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.data_type = "s"
    if is_formula_like(value):
        cell.quotePrefix = True
