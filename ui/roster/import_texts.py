"""The import dialog's words: field names for the column mapping and one sentence for every
problem code a roster or score file can have (docs/import-formats.md lists them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from smm_event.domain.participants import ImportIssue
from ui.i18n import fill

ROSTER_FIELDS = (
    "surname",
    "first_name",
    "patronymic",
    "full_name",
    "gender",
    "organization",
    "position",
    "region",
    "phone",
    "email",
    "consent",
    "consent_date",
    "entry_score",
    "exit_score",
    "notes",
)
SCORE_FIELDS = ("surname", "first_name", "patronymic", "full_name", "phone", "email", "score")


def field_names() -> dict[str, str]:
    return {
        "surname": QCoreApplication.translate("ImportFields", "Surname"),
        "first_name": QCoreApplication.translate("ImportFields", "First name"),
        "patronymic": QCoreApplication.translate("ImportFields", "Patronymic"),
        "full_name": QCoreApplication.translate("ImportFields", "Full name (ФИО)"),
        "gender": QCoreApplication.translate("ImportFields", "Gender"),
        "organization": QCoreApplication.translate("ImportFields", "Organization"),
        "position": QCoreApplication.translate("ImportFields", "Position"),
        "region": QCoreApplication.translate("ImportFields", "Region"),
        "phone": QCoreApplication.translate("ImportFields", "Phone"),
        "email": QCoreApplication.translate("ImportFields", "E-mail"),
        "consent": QCoreApplication.translate("ImportFields", "Consent"),
        "consent_date": QCoreApplication.translate("ImportFields", "Consent date"),
        "entry_score": QCoreApplication.translate("ImportFields", "Entry test score"),
        "exit_score": QCoreApplication.translate("ImportFields", "Exit test score"),
        "notes": QCoreApplication.translate("ImportFields", "Notes"),
        "score": QCoreApplication.translate("ImportFields", "Score"),
        "": QCoreApplication.translate("ImportFields", "— do not import —"),
    }


def _problems() -> dict[str, str]:
    return {
        "missing_surname": QCoreApplication.translate("ImportProblems", "no surname"),
        "missing_first_name": QCoreApplication.translate("ImportProblems", "no first name"),
        "initials_only": QCoreApplication.translate(
            "ImportProblems", "only initials: write the name in full"
        ),
        "bad_name": QCoreApplication.translate(
            "ImportProblems", "not a name (digits or signs): is the column shifted?"
        ),
        "bad_phone": QCoreApplication.translate(
            "ImportProblems", "not a phone number: 10 digits are expected, e.g. 8 928 123-45-67"
        ),
        "bad_email": QCoreApplication.translate(
            "ImportProblems", "not an e-mail address: e.g. name@mail.ru"
        ),
        "bad_date": QCoreApplication.translate(
            "ImportProblems", "not a date: write it as 12.05.2026"
        ),
        "bad_score": QCoreApplication.translate("ImportProblems", "not a score from 0 to 100"),
        "bad_consent": QCoreApplication.translate("ImportProblems", "not a yes/no answer"),
        "duplicate_in_file": QCoreApplication.translate(
            "ImportProblems", "the same as in an earlier row of this file"
        ),
        "missing_score": QCoreApplication.translate("ImportProblems", "no score"),
        "missing_identity": QCoreApplication.translate(
            "ImportProblems", "no e-mail, phone or name to find the person by"
        ),
        "no_such_participant": QCoreApplication.translate(
            "ImportProblems", "nobody on the roster has this e-mail, phone or name"
        ),
    }


def problem_text(issue: ImportIssue) -> str:
    return _problems().get(issue.reason, issue.reason)


def file_problem_text(reason: str) -> str:
    """Why a whole file cannot be read, with what to do about it."""
    texts = {
        "os_error": QCoreApplication.translate(
            "ImportProblems", "The file cannot be opened. Check that it exists and is closed."
        ),
        "too_large": QCoreApplication.translate(
            "ImportProblems", "The file is larger than 50 MB. Save only the roster sheet."
        ),
        "legacy_xls": QCoreApplication.translate(
            "ImportProblems", "This is an old Excel file (.xls). In Excel save it as .xlsx."
        ),
        "bad_zip": QCoreApplication.translate(
            "ImportProblems", "The file is named .xlsx but is not an Excel file."
        ),
        "bad_xlsx": QCoreApplication.translate(
            "ImportProblems", "The Excel file is damaged. Open it in Excel and save it again."
        ),
        "binary": QCoreApplication.translate(
            "ImportProblems", "This is not a table. Choose a CSV or XLSX file."
        ),
        "bad_csv": QCoreApplication.translate(
            "ImportProblems", "The CSV file is damaged (a very long cell). Save it again."
        ),
        "no_header": QCoreApplication.translate(
            "ImportProblems",
            "No column is recognized in the first rows. The first row must name the columns.",
        ),
        "no_name_columns": QCoreApplication.translate(
            "ImportProblems",
            "No surname and first name columns (or one «ФИО» column). Choose them above the "
            "columns.",
        ),
        "no_score_column": QCoreApplication.translate(
            "ImportProblems", "No score column. Choose it above the columns."
        ),
        "no_identity_columns": QCoreApplication.translate(
            "ImportProblems",
            "No e-mail, phone or name column to find people by. Choose one above the columns.",
        ),
        "wrong_encoding": QCoreApplication.translate(
            "ImportProblems", "The file is not in this encoding. Choose «detect» or another one."
        ),
    }
    generic = QCoreApplication.translate("ImportProblems", "The file cannot be read ({reason}).")
    return texts.get(reason) or fill(generic, reason=reason)
