"""Regenerate the sample import files in tests/data/roster and tests/data/scores.

The files are committed; this script documents how each real-world shape was produced
(encoding, BOM, delimiter, XLSX cell types). Run: python tests/data/roster/make_samples.py
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl

ROSTER = Path(__file__).resolve().parent
SCORES = ROSTER.parent / "scores"


def write_csv(path: Path, rows: list[list[str]], encoding: str, delimiter: str) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


def google_forms() -> None:
    """Google Forms → Sheets → «Скачать CSV»: UTF-8 without BOM, comma, LF, question headers."""
    rows = [
        [
            "Отметка времени",
            "Фамилия",
            "Имя",
            "Отчество",
            "Пол",
            "Название НКО",
            "Должность",
            "Регион",
            "Номер телефона",
            "Адрес электронной почты",
            "Согласие на обработку персональных данных",
            "Откуда вы узнали о программе?",
        ],
        [
            "12.05.2024 10:15:03",
            "иванов",
            "иван",
            "иванович",
            "Мужской",
            'АНО "Центр, который помогает"',
            "директор",
            "Ставропольский край",
            "8 (928) 123-45-67",
            "Ivanov@Mail.RU ",
            "Согласен(на)",
            "Telegram",
        ],
        [
            "12.05.2024 10:17:45",
            "Салтыков-щедрин",
            "михаил",
            "евграфович",
            "Мужской",
            "Фонд «Сатира»",
            "SMM-менеджер",
            "Ростовская область",
            "+7 961 000-11-22",
            "satira@example.org",
            "Согласен(на)",
            "ВКонтакте",
        ],
        [
            "12.05.2024 11:02:10",
            "Мамедов",
            "Эльчин",
            "Гусейн оглы",
            "Мужской",
            "РОО «Дружба народов»",
            "председатель",
            "Республика Дагестан",
            "9281112233",
            "elchin@example.org",
            "Согласен(на)",
            "от коллег",
        ],
        [
            "13.05.2024 09:00:00",
            "ЁЛКИНА",
            "алёна",
            "-",
            "Женский",
            "АНО «Ёлочка»",
            "координатор\nволонтёров",
            "Краснодарский край",
            "7 918 555 44 33",
            "yolkina@example.org",
            "Согласен(на)",
            "",
        ],
    ]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (ROSTER / "google_forms.csv").write_bytes(buffer.getvalue().encode("utf-8"))


def excel_cp1251() -> None:
    """Excel on Russian Windows, «CSV (разделители — запятые)»: cp1251, semicolon, CRLF."""
    rows = [
        [
            "ФИО",
            "Пол",
            "Организация",
            "Должность",
            "Субъект РФ",
            "Телефон",
            "E-mail",
            "Согласие",
            "Дата согласия",
            "Балл входного теста",
            "Примечание",
        ],
        [
            "Петрова Анна Сергеевна",
            "Ж",
            "НКО «Свет»",
            "бухгалтер",
            "Ставропольский край",
            "8-928-700-00-01",
            "petrova@example.org",
            "да",
            "12.05.2024",
            "87,5",
            "",
        ],
        [
            "Кузнецов  Олег",
            "м",
            "",
            "",
            "Ростовская область",
            "",
            "kuznetsov@example.org",
            "нет",
            "",
            "40",
            "без отчества",
        ],
        ["Сидоров", "м", "", "", "", "", "sidorov@example.org", "да", "", "", ""],
        [
            "Ким Виктория Олеговна",
            "ж",
            "",
            "",
            "",
            "8 (928) 12-34",
            "kim@example.org",
            "да",
            "",
            "",
            "",
        ],
        ["Алиева Айгюн Рашид кызы", "Ж", "", "", "", "", "aliyeva@example", "да", "", "", ""],
        ["", "", "", "", "", "", "", "", "", "", ""],
        [
            "Смирнова Ольга Петровна",
            "Ж",
            "",
            "",
            "",
            "",
            "PETROVA@example.org",
            "да",
            "",
            "",
            "повтор",
        ],
        [
            "Орлов Денис Игоревич",
            "М",
            "",
            "",
            "",
            "",
            "orlov@example.org",
            "да",
            "31.02.2024",
            "120",
            "",
        ],
        ["Иванов И.И.", "М", "", "", "", "", "ivanov.ii@example.org", "да", "", "", ""],
    ]
    write_csv(ROSTER / "excel_cp1251.csv", rows, "cp1251", ";")


def excel_utf8_bom() -> None:
    """Excel «CSV UTF-8 (разделитель — запятая)» with a Russian locale: BOM, semicolon."""
    rows = [
        ["Фамилия", "Имя", "Отчество", "Мобильный телефон", "Электронная почта", "Регион"],
        ["Гогичайшвили", "нино", "", "+7 (938) 111-22-33", "nino@example.org", "КБР"],
        ["О'коннор", "патрик", "", "89381112234", "patrick@example.org", "Адыгея"],
        ["Тер-Петросян", "Арам", "Ашотович", "8 938 111 22 35", "aram@example.org", "Калмыкия"],
    ]
    write_csv(ROSTER / "excel_utf8_bom.csv", rows, "utf-8-sig", ";")


def tab_separated() -> None:
    rows = [
        ["Фамилия", "Имя", "Отчество", "Телефон", "Email", "Балл входного теста"],
        ["Абрамян", "Гаяне", "Суреновна", "+79280001122", "gayane@example.org", "73.5"],
        ["Дзуцева", "Залина", "Казбековна", "8(928)000-11-23", "zalina@example.org", "91"],
    ]
    write_csv(ROSTER / "roster.tsv", rows, "utf-8", "\t")


def english_headers() -> None:
    rows = [
        [
            "Last name",
            "First name",
            "Middle name",
            "Gender",
            "Organization",
            "Position",
            "Region",
            "Phone",
            "E-mail",
            "Consent",
            "Consent date",
            "Entry score",
            "Exit score",
            "Notes",
        ],
        [
            "Kozlova",
            "Maria",
            "",
            "female",
            "Hope Foundation",
            "PR manager",
            "Adygea",
            "+7 928 333 44 55",
            "maria@example.org",
            "yes",
            "2024-05-12",
            "64.5",
            "88",
            "",
        ],
        [
            "Bekov",
            "Timur",
            "",
            "M",
            "Youth NGO",
            "",
            "Chechnya",
            "8 928 333 44 56",
            "timur@example.org",
            "no",
            "",
            "",
            "",
            "late registration",
        ],
    ]
    write_csv(ROSTER / "english.csv", rows, "utf-8", ",")


def xlsx_three_names() -> None:
    """A hand-made XLSX: a title row, header on row 3, numbers and dates as typed cells."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Участники"
    sheet.append(["Список участников программы"])
    sheet.append([])
    sheet.append(
        [
            "№",
            "Фамилия",
            "Имя",
            "Отчество",
            "Пол",
            "Телефон",
            "Email",
            "Согласие на обработку ПДн",
            "Дата согласия",
            "Балл входного теста",
        ]
    )
    sheet.append(
        [
            1,
            "Хаджиева",
            "Мадина",
            "Руслановна",
            "ж",
            89287770001,
            "madina@example.org",
            True,
            dt.datetime(2024, 5, 12),
            77,
        ]
    )
    sheet.append(
        [
            2,
            "Беридзе",
            "Георгий",
            None,
            "м",
            9287770002.0,
            "giorgi@example.org",
            "да",
            dt.date(2024, 5, 13),
            55.5,
        ]
    )
    sheet.append([3, "Ли", "Ян", None, None, "8 928 777 00 03", None, None, None, None])
    sheet.append(
        [4, "Ковалёв", None, None, "м", 79287770004, "kovalev@example.org", "да", None, 101]
    )
    book.save(ROSTER / "three_names.xlsx")


def scores() -> None:
    quiz = [
        ["Отметка времени", "Баллы", "Адрес электронной почты", "ФИО"],
        ["20.05.2024 15:00:00", "17 / 20", "Ivanov@mail.ru", "Иванов Иван Иванович"],
        ["20.05.2024 15:01:00", "20 / 20", "petrova@example.org", "Петрова А.С."],
        ["20.05.2024 15:02:00", "9 / 20", "", "Сидоров Пётр"],
        ["20.05.2024 15:03:00", "", "orlov@example.org", "Орлов Денис"],
    ]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(quiz)
    (SCORES / "google_quiz.csv").write_bytes(buffer.getvalue().encode("utf-8"))
    sheet_rows = [
        ["ФИО", "Телефон", "Балл"],
        ["Петрова Анна Сергеевна", "8-928-700-00-01", "87,5"],
        ["Кузнецов Олег", "", "40"],
        ["Кузнецов Олег", "", "41"],
        ["Орлов", "", "50"],
        ["", "", "60"],
        ["Смирнова Ольга", "", "сто"],
    ]
    write_csv(SCORES / "scores_cp1251.csv", sheet_rows, "cp1251", ";")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Фамилия", "Имя", "Отчество", "Телефон", "Результат"])
    sheet.append(["Хаджиева", "Мадина", "Руслановна", 89287770001, 93])
    sheet.append(["Беридзе", "Георгий", None, None, 61.25])
    book.save(SCORES / "scores.xlsx")


if __name__ == "__main__":
    google_forms()
    excel_cp1251()
    excel_utf8_bom()
    tab_separated()
    english_headers()
    xlsx_three_names()
    scores()
