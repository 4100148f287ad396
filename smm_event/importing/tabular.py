"""Read a CSV/TSV/XLSX file as people really export it into rows of cell text.

Shapes met in practice: Google Forms (UTF-8, comma), Excel on Russian Windows (cp1251 or
UTF-8 with BOM, semicolon, sometimes a ``sep=;`` first line), tab-separated text (also Excel's
UTF-16 "Unicode text"), and XLSX whose cells hold numbers, dates or nothing. The format is
decided by the file's first bytes, not its extension: renamed files are common.

Every failure is a ``UserError`` (``unreadable_file`` with a ``reason`` code, or ``empty_file``),
never a traceback.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smm_event.errors import UserError
from smm_event.safety import (
    MAX_TEXT_BYTES,
    MB,
    XLSX_LIMITS,
    check_rows,
    check_xlsx_cells,
    check_zip,
)
from smm_event.text.folding import fold

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_COLUMNS = 256
HEADER_SEARCH_ROWS = 10
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls (BIFF), which openpyxl cannot read
_DELIMITERS = ";,\t"
_SNIFF_CHARS = 16 * 1024
_XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm"})


@dataclass(frozen=True)
class Record:
    """One row: ``row_number`` as a spreadsheet shows it (the first line is 1)."""

    row_number: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class FileShape:
    """How a file was read: shown to the organizer, who may overrule a wrong guess."""

    kind: str  # "text" or "xlsx"
    encoding: str | None = None  # "utf-8", "utf-8-sig", "utf-16", "cp1251"; None for XLSX
    delimiter: str | None = None  # ";", ",", "\t" or "|"; None for XLSX


TEXT_SHAPE = FileShape("text")
ENCODINGS = ("utf-8-sig", "cp1251", "utf-16")
SAMPLE_ROWS = 20  # rows a preview shows


@dataclass(frozen=True)
class ReadOptions:
    """The organizer's corrections to what was detected: an encoding, a delimiter, or which
    column holds which field (field name → column index; a field left out is not read)."""

    encoding: str | None = None
    delimiter: str | None = None
    columns: tuple[tuple[str, int], ...] | None = None


DELIMITERS = (";", ",", "\t", "|")


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    header_row: int
    records: tuple[Record, ...]
    shape: FileShape = TEXT_SHAPE


def read_table(
    path: Path,
    is_known_header: Callable[[str], bool] | None = None,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Table:
    """The header and the non-blank rows under it.

    The header is the first non-blank row, or, when ``is_known_header`` is given, the first of
    the leading rows with at least one known column (a title row above it is skipped).
    ``encoding`` and ``delimiter`` overrule the detection for a text file.
    """
    shape, all_records = read_shaped(path, encoding, delimiter)
    records = [record for record in all_records if any(record.cells)]
    if not records:
        raise UserError("empty_file", path=str(path))
    start = _header_index(records, is_known_header)
    if start is None:
        raise UserError("unreadable_file", path=str(path), reason="no_header")
    header = records[start]
    return Table(header.cells, header.row_number, tuple(records[start + 1 :]), shape)


def _header_index(records: list[Record], is_known: Callable[[str], bool] | None) -> int | None:
    if is_known is None:
        return 0
    for index, record in enumerate(records[:HEADER_SEARCH_ROWS]):
        if any(is_known(cell) for cell in record.cells if cell):
            return index
    return None


def read_records(path: Path) -> list[Record]:
    """All rows of the file (blank ones as empty-cell records), cells stripped of edge spaces."""
    return read_shaped(path)[1]


def read_shaped(
    path: Path, encoding: str | None = None, delimiter: str | None = None
) -> tuple[FileShape, list[Record]]:
    """``read_records`` and how the file was read; a given encoding or delimiter is used
    instead of the detected one (a text file only)."""
    if encoding is not None and encoding not in ENCODINGS:
        raise UserError("unreadable_file", path=str(path), reason="bad_encoding")
    if delimiter is not None and delimiter not in DELIMITERS:
        raise UserError("unreadable_file", path=str(path), reason="bad_delimiter")
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as exc:
        raise UserError("unreadable_file", path=str(path), reason="os_error") from exc
    if size == 0:
        raise UserError("empty_file", path=str(path))
    if size > MAX_FILE_BYTES:
        raise UserError("file_too_large", path=str(path), megabytes=MAX_FILE_BYTES // MB)
    if head.startswith(_OLE_MAGIC):
        raise UserError("unreadable_file", path=str(path), reason="legacy_xls")
    if head.startswith(_ZIP_MAGIC) or path.suffix.casefold() in _XLSX_SUFFIXES:
        return FileShape("xlsx"), _xlsx_records(path, head)
    if size > MAX_TEXT_BYTES:
        raise UserError("file_too_large", path=str(path), megabytes=MAX_TEXT_BYTES // MB)
    return _text_records(path, encoding, delimiter)


# --- header matching ---------------------------------------------------------------------

IGNORED = "ignored"  # a known column we read past on purpose (Google Forms' timestamp)
_PARENTHESES_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_WORD_RE = re.compile(r"\w+")
# Words Google Forms questions wrap around a column name: «Укажите ваш телефон».
# fmt: off
_FILLER_WORDS = frozenset((
    "ваш", "ваша", "ваше", "ваши", "укажите", "введите", "пожалуйста", "участника", "полностью",
    "your", "please", "enter",
))
# fmt: on


def header_key(text: str) -> str:
    """«E-mail*», «Ф.И.О. (полностью)», «Укажите ваш телефон:» → «email», «фио», «телефон»."""
    words = _WORD_RE.findall(_PARENTHESES_RE.sub(" ", text).casefold())
    kept = [word for word in words if word not in _FILLER_WORDS] or words
    return fold("".join(kept)).replace("_", "")


@dataclass(frozen=True)
class ColumnMatch:
    """Which column holds each field (the first one wins) and the header texts left unused."""

    columns: dict[str, int]
    ignored: tuple[str, ...]

    def texts(self, cells: tuple[str, ...]) -> dict[str, str]:
        """Field → cell text of one row; a short row (trailing cells empty) gives ""."""
        count = len(cells)
        return {
            field: cells[index] if index < count else "" for field, index in self.columns.items()
        }


def chosen_columns(header: tuple[str, ...], columns: tuple[tuple[str, int], ...]) -> ColumnMatch:
    """The organizer's mapping; header cells it leaves unmapped are listed as ignored."""
    mapped = {field: index for field, index in columns if 0 <= index < len(header)}
    used = set(mapped.values())
    ignored = tuple(text for index, text in enumerate(header) if text and index not in used)
    return ColumnMatch(mapped, ignored)


def match_columns(header: tuple[str, ...], classify: Callable[[str], str | None]) -> ColumnMatch:
    """Map header cells to fields with ``classify(header_key(text))``; unknowns are listed."""
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for index, text in enumerate(header):
        if not text:
            continue
        field = classify(header_key(text))
        if field == IGNORED:
            continue
        if field is None or field in columns:
            ignored.append(text)
        else:
            columns[field] = index
    return ColumnMatch(columns, tuple(ignored))


# --- text (CSV/TSV) -------------------------------------------------------------------------


def _text_records(
    path: Path, encoding: str | None, delimiter: str | None
) -> tuple[FileShape, list[Record]]:
    text, encoding = _decode(path.read_bytes(), path, encoding)  # bytes dropped once decoded
    lines = text.split("\n", 1)
    first_line = lines[0].rstrip("\r").strip('"').casefold()
    skipped = 0
    # Excel honours (and sometimes writes) a «sep=;» line naming the delimiter.
    if first_line.startswith("sep=") and len(first_line) == 5 and first_line[4] in ";,\t|":
        delimiter = delimiter or first_line[4]
        text = lines[1] if len(lines) > 1 else ""
        skipped = 1
    else:
        delimiter = delimiter or detect_delimiter(text)
    return FileShape("text", encoding, delimiter), _csv_records(text, delimiter, skipped, path)


def _csv_records(text: str, delimiter: str, skipped: int, path: Path) -> list[Record]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    records: list[Record] = []
    try:
        # Multi-line quoted cells are one spreadsheet row, so count records, not lines.
        for number, row in enumerate(reader, start=1 + skipped):
            check_rows(number, path)
            records.append(Record(number, _clean_cells(row)))
    except csv.Error as exc:
        raise UserError("unreadable_file", path=str(path), reason="bad_csv") from exc
    return records


def decode_text(data: bytes, path: Path) -> str:
    """UTF-16 (by BOM), UTF-8 (with or without BOM), else cp1251; binary junk is refused."""
    return _decode(data, path, None)[0]


def _decode(data: bytes, path: Path, wanted: str | None) -> tuple[str, str]:
    """The text and the encoding it was read with (``wanted``, else detected)."""
    if wanted is not None:
        encodings: tuple[str, ...] = (wanted,)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "cp1251")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return (text.replace("\r\n", "\n") if "\r\n" in text else text), encoding
    reason = "wrong_encoding" if wanted is not None else "binary"
    raise UserError("unreadable_file", path=str(path), reason=reason)


def _looks_binary(text: str) -> bool:
    sample = text[:_SNIFF_CHARS]
    if "\x00" in sample:
        return True
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n")
    return controls > len(sample) // 100


def detect_delimiter(text: str) -> str:
    """csv.Sniffer limited to ``; , TAB``, overruled by the header line when another candidate
    separates more header cells there (column names rarely contain a delimiter; data does)."""
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    header = next((line for line in sample.split("\n") if line.strip()), "")
    counts = {delimiter: _header_cells(header, delimiter) for delimiter in _DELIMITERS}
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        sniffed = ""
    best = max(_DELIMITERS, key=lambda delimiter: counts[delimiter])
    if sniffed in counts and counts[sniffed] >= counts[best] > 1:
        return sniffed
    return best if counts[best] > 1 else ","


def _header_cells(line: str, delimiter: str) -> int:
    try:
        return len(next(csv.reader([line], delimiter=delimiter), []))
    except csv.Error:
        return 0


# --- XLSX ------------------------------------------------------------------------------------


def _xlsx_records(path: Path, head: bytes) -> list[Record]:
    if not head.startswith(_ZIP_MAGIC):
        raise UserError("unreadable_file", path=str(path), reason="bad_zip")
    import openpyxl  # deferred: a CSV import should not pay for loading openpyxl

    # A stream, not the path: openpyxl refuses a path whose suffix is not .xlsx, and
    # read-only mode would otherwise keep the file open (locked on Windows) after we return.
    try:
        with path.open("rb") as stream:
            # The zip's directory first: a bomb is refused before anything is inflated.
            with zipfile.ZipFile(stream) as archive:
                check_zip(archive, XLSX_LIMITS, path)
                check_xlsx_cells(archive, path)
            stream.seek(0)
            workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
            try:
                return _sheet_records(workbook.worksheets[0], path)
            finally:
                workbook.close()
    except UserError:
        raise
    except Exception as exc:  # openpyxl raises a zoo of types on damaged files, lazily too
        raise UserError("unreadable_file", path=str(path), reason="bad_xlsx") from exc


def _sheet_records(sheet: Any, path: Path) -> list[Record]:
    # Stored dimensions are often wrong («A1:XFD1048576»); trust the cells instead.
    sheet.reset_dimensions()
    records: list[Record] = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        check_rows(number, path)
        records.append(Record(number, _clean_cells(_cell_text(value) for value in values)))
    return records


def _cell_text(value: object) -> str:
    """Cell value as the text a user sees: 79281234567 not «79281234567.0», dates in ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _clean_cells(cells: Iterable[str]) -> tuple[str, ...]:
    """Edge spaces stripped, text in NFC, trailing empty cells and runaway columns dropped."""
    out = [
        unicodedata.normalize("NFC", cell.strip()) if cell else ""
        for _, cell in zip(range(MAX_COLUMNS), cells, strict=False)
    ]
    while out and not out[-1]:
        out.pop()
    return tuple(out)
