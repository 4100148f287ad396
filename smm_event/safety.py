"""Limits on files from outside (sync bundles, XLSX and CSV rosters), checked before reading.

A zip file declares each member's inflated size in its central directory, and Python's
``zipfile`` never inflates a member beyond the size it declares (more data fails the CRC check),
so the declared sizes and the member count bound both time and memory, provided the member is
DEFLATE- or STORED-compressed: bzip2 and LZMA inflate a whole chunk at once before ``zipfile``
can cut it, so they are refused. A hostile 2 MB file that would inflate to 2 GB is therefore
refused from its directory alone, in milliseconds, before anything is decompressed.

Every refusal is a ``UserError`` the CLI and the GUI turn into one sentence:
``file_too_large`` (inflated content beyond ``megabytes``), ``file_too_many_entries``,
``file_too_many_rows``, ``file_too_many_cells``.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.parsers import expat

from smm_event.errors import UserError

MB = 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    max_entries: int
    max_member_bytes: int
    max_total_bytes: int


# 100,000 check-ins are 67 MB of changes.jsonl and decode (streamed) with a 245 MB peak; the
# limit keeps the largest accepted file under ~300 MB.
BUNDLE_LIMITS = ZipLimits(max_entries=16, max_member_bytes=80 * MB, max_total_bytes=84 * MB)
# A 10,000-person roster is ~3 MB of sheet XML; openpyxl holds shared strings in memory.
XLSX_LIMITS = ZipLimits(max_entries=500, max_member_bytes=64 * MB, max_total_bytes=96 * MB)
# A CSV is read whole and decoded (Cyrillic text takes 2 bytes a character): 16 MB of text
# peaks at ~200 MB. A 10,000-person roster is ~2 MB.
MAX_TEXT_BYTES = 16 * MB
# Rows of one CSV or sheet: ~50 times a large event's roster.
MAX_TABLE_ROWS = 100_000
# Excel's own column limit (a styled row may really carry that many empty cells), and cells
# per file: openpyxl builds every cell of a row as an object before we can skip any, and a
# million cells take it ~20 s and ~200 MB (a 10,000-person roster has ~200,000).
MAX_ROW_CELLS = 16_384
MAX_SHEET_CELLS = 1_000_000
MAX_SHARED_STRINGS = 1_000_000
_SAFE_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})


def check_zip(archive: zipfile.ZipFile, limits: ZipLimits, path: Path) -> None:
    """Refuse an archive whose directory promises more than ``limits`` allow."""
    members = archive.infolist()
    if len(members) > limits.max_entries:
        raise UserError("file_too_many_entries", path=str(path), entries=limits.max_entries)
    total = 0
    for member in members:
        if member.compress_type not in _SAFE_METHODS:
            raise UserError("unreadable_file", path=str(path), reason="unsupported_compression")
        total += member.file_size
        if member.file_size > limits.max_member_bytes or total > limits.max_total_bytes:
            raise UserError(
                "file_too_large",
                path=str(path),
                megabytes=min(limits.max_member_bytes, limits.max_total_bytes) // MB,
            )


def check_xlsx_cells(archive: zipfile.ZipFile, path: Path) -> None:
    """Count rows and cells of every sheet, and the shared strings, with expat (no tree is
    built, so memory stays flat) before openpyxl parses anything: a sheet of one row with
    millions of cells took openpyxl 30 s and 800 MB."""
    for member in archive.infolist():
        name = member.filename
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            _scan(archive, member, _SheetCounter(path))
        elif name == "xl/sharedStrings.xml":
            _scan(archive, member, _StringCounter(path))


class _SheetCounter:
    def __init__(self, path: Path) -> None:
        self.path, self.rows, self.row_cells, self.cells = path, 0, 0, 0

    def start(self, tag: str, _attributes: object) -> None:
        local = tag.rpartition(":")[2]
        if local == "c":
            self.row_cells += 1
            self.cells += 1
            if self.row_cells > MAX_ROW_CELLS or self.cells > MAX_SHEET_CELLS:
                raise UserError("file_too_many_cells", path=str(self.path), cells=MAX_SHEET_CELLS)
        elif local == "row":
            self.rows += 1
            self.row_cells = 0
            check_rows(self.rows, self.path)


class _StringCounter:
    def __init__(self, path: Path) -> None:
        self.path, self.count = path, 0

    def start(self, tag: str, _attributes: object) -> None:
        if tag.rpartition(":")[2] == "si":
            self.count += 1
            if self.count > MAX_SHARED_STRINGS:
                raise UserError("file_too_many_cells", path=str(self.path), cells=MAX_SHEET_CELLS)


def _scan(archive: zipfile.ZipFile, member: zipfile.ZipInfo, counter: Any) -> None:
    parser = expat.ParserCreate()  # no namespace processing: prefixes are stripped above
    parser.StartElementHandler = counter.start
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(1 << 20):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except (expat.ExpatError, zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
        raise UserError("unreadable_file", path=str(counter.path), reason="bad_xlsx") from error


def check_rows(count: int, path: Path) -> None:
    """Called with the running row count while a table is read: stops at the first row over."""
    if count > MAX_TABLE_ROWS:
        raise UserError("file_too_many_rows", path=str(path), rows=MAX_TABLE_ROWS)
