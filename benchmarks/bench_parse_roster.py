"""Time parse_roster on a generated 10,000-row roster (CSV cp1251 «;» and XLSX).

The whole import must take under 3 s for 10k rows, so parsing alone should stay well
under 1 s. Run: python benchmarks/bench_parse_roster.py [rows]
"""

from __future__ import annotations

import csv
import io
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from smm_event.importing import parse_roster

HEADER = [
    "Отметка времени", "Фамилия", "Имя", "Отчество", "Пол", "Организация", "Должность",
    "Регион", "Телефон", "Адрес электронной почты", "Согласие на обработку персональных данных",
    "Дата согласия", "Балл входного теста", "Примечание",
]  # fmt: skip
SURNAMES = ["иванов", "ПЕТРОВ", "Салтыков-щедрин", "Мамедов", "Ёлкин", "Тер-Петросян", "Ким"]
NAMES = ["иван", "Пётр", "Эльчин", "Арам", "Алёна", "Мадина", "Георгий"]
PHONE_FORMATS = ["8 (928) {0}-{1}-{2}", "+7928{0}{1}{2}", "928 {0} {1} {2}", "7 928 {0}-{1}-{2}"]


def make_rows(count: int, seed: int = 1) -> list[list[str]]:
    rnd = random.Random(seed)
    rows = []
    for index in range(count):
        digits = f"{index:07d}"
        phone = rnd.choice(PHONE_FORMATS).format(digits[:3], digits[3:5], digits[5:])
        rows.append([
            "12.05.2024 10:15:03", rnd.choice(SURNAMES), rnd.choice(NAMES), "Гусейн оглы",
            rnd.choice(["М", "Ж", "муж", "женский"]), 'АНО "Центр, который помогает"',
            "координатор", "Ставропольский край", phone, f"User{index}@Example.org ",
            "Согласен(на)", "12.05.2024", f"{rnd.randint(0, 99)},5", "",
        ])  # fmt: skip
    return rows


def write_csv(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows([HEADER, *rows])
    path.write_bytes(buffer.getvalue().encode("cp1251"))


def write_xlsx(path: Path, rows: list[list[str]]) -> None:
    """A minimal workbook with a shared-string table, as Excel and Google Sheets write it.

    openpyxl's writer stores every string inline, which openpyxl reads back about 40 % slower
    than shared strings, so it would overstate the cost of a real file.
    """
    strings: dict[str, int] = {}
    sheet_rows = []
    for number, row in enumerate([HEADER, *rows], start=1):
        cells = "".join(
            f'<c r="{_column(index)}{number}" t="s"><v>{_index(strings, text)}</v></c>'
            for index, text in enumerate(row)
            if text
        )
        sheet_rows.append(f'<row r="{number}">{cells}</row>')
    shared = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "xl/workbook.xml": _WORKBOOK,
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{_MAIN}"><sheetData>'
        + "".join(sheet_rows)
        + "</sheetData></worksheet>",
        "xl/sharedStrings.xml": f'<sst xmlns="{_MAIN}" count="{len(strings)}">{shared}</sst>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            archive.writestr(name, '<?xml version="1.0" encoding="UTF-8"?>' + xml)


def _index(strings: dict[str, int], text: str) -> int:
    return strings.setdefault(text, len(strings))


def _column(index: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index]


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
    f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
    '<sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    f'<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)


def best_of(path: Path, repeats: int) -> tuple[float, float, int]:
    """Best wall-clock and best CPU time: on a busy 2-core laptop CPU time is the steadier one."""
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        parse = parse_roster(path)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    assert not parse.errors, parse.errors[:3]
    return min(walls), min(cpus), len(parse.rows)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rows = make_rows(count)
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "roster.csv"
        xlsx_path = Path(folder) / "roster.xlsx"
        write_csv(csv_path, rows)
        write_xlsx(xlsx_path, rows)
        for label, path, repeats in (("CSV cp1251 ;", csv_path, 5), ("XLSX", xlsx_path, 3)):
            wall, cpu, parsed = best_of(path, repeats)
            print(f"parse_roster {label:13} {parsed} rows: {wall:.3f} s wall, {cpu:.3f} s CPU")


if __name__ == "__main__":
    main()
