"""Hostile zip files generated on the fly (never committed): bundles and XLSX workbooks that
inflate to gigabytes from a megabyte or two."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row><c t="inlineStr"><is><t>Фамилия</t></is></c><c t="inlineStr"><is><t>Имя</t></is></c></row>'
)
_SHEET_TAIL = "</sheetData></worksheet>"
_ROW = '<row><c t="inlineStr"><is><t>Иванов</t></is></c><c t="inlineStr"><is><t>Иван</t></is></c></row>'
_CELL = "<c><v>1</v></c>"
# A full row within every limit: 19 distinct-looking cells, as a real wide roster has.
_FULL = (
    "<row>"
    + "".join(f'<c t="inlineStr"><is><t>Значение {n} ячейки</t></is></c>' for n in range(19))
    + "</row>"
)


class _RepeatingDeflate:
    """A raw-deflate compressor that compresses a repeated chunk only once: after a full flush
    the compressor's state is reset, so the same input gives the same bytes. Writing a 2 GB
    member then costs its CRC, not 2 GB of deflate (seconds instead of half a minute)."""

    def __init__(self) -> None:
        self._real = zlib.compressobj(9, zlib.DEFLATED, -15)
        self._last: tuple[bytes, bytes] | None = None

    def compress(self, data: bytes) -> bytes:
        if self._last is not None and self._last[0] is data:
            return self._last[1]
        out = self._real.compress(data) + self._real.flush(zlib.Z_FULL_FLUSH)
        self._last = (data, out)
        return out

    def flush(self, mode: int = zlib.Z_FINISH) -> bytes:
        return self._real.flush(mode)


def zip_bomb(
    path: Path,
    member: str,
    head: bytes,
    unit: bytes,
    inflated_bytes: int,
    tail: bytes = b"",
    others: dict[str, bytes] | None = None,
) -> None:
    """A zip whose ``member`` is ``head``, ``unit`` repeated up to ``inflated_bytes``, ``tail``:
    an honest archive (sizes and CRC true), only very much larger inflated than on disk."""
    chunk = unit * max(1, (4 << 20) // len(unit))
    real = zipfile._get_compressor  # type: ignore[attr-defined]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (others or {}).items():
            archive.writestr(name, data)
        zipfile._get_compressor = lambda *_args: _RepeatingDeflate()  # type: ignore[attr-defined]
        try:
            with archive.open(member, "w", force_zip64=True) as stream:
                stream.write(head)
                written = len(head)
                while written + len(chunk) <= inflated_bytes:
                    stream.write(chunk)
                    written += len(chunk)
                stream.write(unit * ((inflated_bytes - written) // len(unit)))
                stream.write(tail)
        finally:
            zipfile._get_compressor = real  # type: ignore[attr-defined]


def write_xlsx(path: Path, kind: str, inflated_bytes: int) -> None:
    """``kind`` "rows": one short row repeated; "full": a 19-cell row repeated; "wide": a
    single row of that many cells."""
    unit = {"rows": _ROW, "wide": _CELL, "full": _FULL}[kind].encode()
    open_row, close_row = (b"<row>", b"</row>") if kind == "wide" else (b"", b"")
    zip_bomb(
        path,
        "xl/worksheets/sheet1.xml",
        _SHEET_HEAD.encode() + open_row,
        unit,
        inflated_bytes,
        close_row + _SHEET_TAIL.encode(),
        others={
            "[Content_Types].xml": _CONTENT_TYPES.encode(),
            "_rels/.rels": _RELS.encode(),
            "xl/workbook.xml": _WORKBOOK.encode(),
            "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS.encode(),
        },
    )
