"""certificates: eligibility, overrides, dative names, issuing, void/reissue, the register,
number blocks for other laptops, and offline verification of a certificate's QR text."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from smm_event.badges import SigningKey
from smm_event.cli.messages import register_messages
from smm_event.cli.output import print_json, print_table, to_jsonable
from smm_event.cli.passphrase import add_passphrase_argument, read_passphrase
from smm_event.domain.certificates import (
    CertificateRecord,
    CertificateResult,
    CertificateStatus,
    CertificateVerification,
    Eligibility,
    IssueReport,
    SkipReason,
)
from smm_event.errors import UserError
from smm_event.services import certificates, keys
from smm_event.workspace import Workspace, open_workspace

EXIT_NOT_VALID = 1  # `certificates verify`: scripts can test the exit code

register_messages(
    {
        "override_reason_required": "an override needs a written reason: add --reason TEXT",
        "void_reason_required": "say why the certificate is voided: add --reason TEXT",
        "reissue_reason_required": "say why the certificate is reissued: add --reason TEXT",
        "reason_too_long": "the reason is longer than {max_length} characters",
        "certificate_not_found": "no certificate with number {number!r} in the register",
        "no_certificate_numbers": "this laptop holds no free certificate numbers ({available} of {needed} needed): ask the registrar laptop for a block (`certificates grant`) and sync",
        "register_not_started": "the register has not been started: issue or grant on the organizer's laptop first",
        "not_registrar": "only the registrar laptop (the one that started the register) hands out number blocks",
        "register_conflict": "two laptops each started a register: see `certificates register`, and void and reissue the duplicates",
        "register_changed": "the register changed while the certificates were being prepared; run the command again",
        "bad_number_format": "the number format {format!r} is not valid: it needs {{number}} and may use {{year}}, {{series}}, {{series_part}}",
        "number_format_without_series": "the number format {format!r} has no {{series}} or {{series_part}}, so series numbers would look the same",
        "bad_series": "{series!r} is not a series: up to 10 letters or digits, no spaces or slashes",
        "bad_block_size": "a block needs at least one number (got {size})",
        "bad_certificate_setting": "bad certificate setting {key} = {value!r}",
        "bad_name_line": "the name line {value!r} is empty or too long",
        "name_not_reviewed": "the dative name of participant {participant} needs review: `certificates names`",
        "too_many_reissues": "certificate {number} has been reissued too many times",
        "device_not_found": "no laptop called {device!r} has synced with this one",
        "device_ambiguous": "several laptops match {device!r}: give more of the name or the id",
        "cannot_write_file": "cannot write {path}: {reason}",
        "certificate_template_invalid": "the certificate template is not valid: {detail}",
        "certificate_template_not_found": "certificate template not found: {path}",
        "certificate_template_missing_image": "the certificate template refers to a missing image: {path}",
        "nothing_issued": "no certificate was issued and no PDF written: {why}",
    }
)

_VERDICTS = {
    CertificateResult.GENUINE: "GENUINE",
    CertificateResult.NOT_GENUINE: "NOT GENUINE: the code was altered, damaged or forged",
    CertificateResult.UNKNOWN_KEY: "signed with a key this laptop does not know (sync it)",
    CertificateResult.NOT_OURS: "NOT a certificate of this event",
}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("certificates", help="certificates and their register")
    commands = group.add_subparsers(
        dest="certificates_command", required=True, parser_class=type(group)
    )

    def add(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        command: argparse.ArgumentParser = commands.add_parser(
            name, parents=[common], help=help_text
        )
        command.set_defaults(handler=handler)
        return command

    command = add("eligibility", run_eligibility, "who qualifies, with the reasons in numbers")
    command.add_argument("--stream", type=int, default=None)
    command = add("override", run_override, "decide eligibility for one person, with a reason")
    command.add_argument("participant", metavar="PARTICIPANT")
    command.add_argument("--eligible", choices=("yes", "no", "rule"), required=True)
    command.add_argument("--reason", default="", metavar="TEXT")
    command = add("names", run_names, "the dative names to review")
    command.add_argument("--stream", type=int, default=None)
    command.add_argument("--pending", action="store_true", help="only those still to review")
    command = add("set-name", run_set_name, "confirm or correct a dative name")
    command.add_argument("participant", metavar="PARTICIPANT")
    command.add_argument(
        "--dative", default=None, help="the correct form (default: confirm the suggestion)"
    )
    _register_issue(add)
    command = add("void", run_void, "annul a certificate (the number stays, with the reason)")
    command.add_argument("number", metavar="NUMBER")
    command.add_argument("--reason", required=True, metavar="TEXT")
    command = add("register", run_register, "the register (реестр), or export it to XLSX")
    command.add_argument("--out", type=Path, default=None, metavar="FILE.xlsx")
    command = add("token", run_token, "the QR text of a certificate (what `verify` checks)")
    command.add_argument("number", metavar="NUMBER|PARTICIPANT", help="a number or a person's id")
    command = add("verify", run_verify, "check a certificate's QR text, offline")
    command.add_argument("text", metavar="TEXT")
    _register_settings(add)
    command = add("grant", run_grant, "registrar: give another laptop a block of numbers")
    command.add_argument(
        "device", metavar="LAPTOP", help="its name or id (see `certificates register`)"
    )
    command.add_argument("--size", type=int, required=True)
    command.add_argument(
        "--series", default="", help="a series of its own, e.g. А (default: the main one)"
    )


def _register_issue(add: Any) -> None:
    command = add("issue", run_issue, "number, sign and write certificates")
    who = command.add_mutually_exclusive_group()
    who.add_argument("--stream", type=int, default=None)
    who.add_argument("--participant", action="extend", nargs="+", default=None, metavar="ID")
    command.add_argument(
        "--out", type=Path, required=True, metavar="FILE.pdf", help="one PDF for printing"
    )
    command.add_argument(
        "--files", nargs="?", type=Path, const=True, default=None, metavar="DIR",
        help="also one PDF per person, in DIR (default: next to --out)",
    )  # fmt: skip
    add_passphrase_argument(command)
    command = add("reissue", run_reissue, "a new version with the same number")
    command.add_argument("number", metavar="NUMBER")
    command.add_argument("--reason", required=True, metavar="TEXT")
    command.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    add_passphrase_argument(command)


def _register_settings(add: Any) -> None:
    command = add("settings", run_settings, "show or change the eligibility rule and the template")
    command.add_argument("--min-attendance", type=float, default=None, metavar="PERCENT")
    command.add_argument("--exit-test", choices=("required", "optional"), default=None)
    command.add_argument("--min-exit-score", default=None, metavar="SCORE|none")
    command.add_argument("--template", default=None, help="default, dative or FILE.toml")
    command.add_argument("--number-format", default=None, metavar="FORMAT")
    command.add_argument("--hours", default=None, metavar="HOURS|auto")


def _unlock(ws: Workspace, passphrase_file: Path | None) -> SigningKey:
    if not keys.can_sign(ws):
        raise UserError("no_signing_key")
    return keys.unlock_signing_key(ws, read_passphrase(passphrase_file))


def _percent(e: Eligibility) -> str:
    return "—" if e.percent is None else f"{e.percent:g}%"


def _why(e: Eligibility) -> str:
    parts = [str(m) for m in e.missing]
    if e.sessions_short:
        parts.append(f"{e.sessions_short} session(s) short")
    if e.override_reason:
        parts.append(f"override: {e.override_reason}")
    parts += [f"note: {n}" for n in e.notices]
    return "; ".join(parts)


def run_eligibility(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        verdicts = certificates.eligibility(ws, args.stream)
    if args.json:
        print_json(verdicts)
        return 0
    rows = [
        (e.full_name, e.stream_number, "yes" if e.eligible else "no", f"{e.attended:g}/{e.expected}",
         _percent(e), e.exit_score, _why(e), e.participant_id)
        for e in verdicts
    ]  # fmt: skip
    print_table(("Participant", "Stream", "Eligible", "Attended", "%", "Exit", "Why", "Id"), rows)
    print(f"{sum(e.eligible for e in verdicts)} of {len(verdicts)} eligible")
    return 0


def run_override(args: argparse.Namespace) -> int:
    eligible = {"yes": True, "no": False, "rule": None}[args.eligible]
    with open_workspace(args.workspace) as ws:
        verdict = certificates.set_override(ws, args.participant, eligible, args.reason)
    if args.json:
        print_json(verdict)
    else:
        state = "eligible" if verdict.eligible else "not eligible"
        print(
            f"{verdict.full_name}: {state} ({verdict.decided_by}); by the rule: {verdict.eligible_by_rule}"
        )
    return 0


def run_names(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        reviews = certificates.name_reviews(ws, args.stream, only_pending=args.pending)
    if args.json:
        print_json(reviews)
        return 0
    rows = [
        (r.full_name, r.dative, "confirmed" if r.confirmed else ("REVIEW" if r.needs_review else "ok"),
         ", ".join(r.reasons), r.participant_id)
        for r in reviews
    ]  # fmt: skip
    print_table(("Name", "Dative", "State", "Reasons", "Id"), rows)
    print(f"{sum(r.needs_review for r in reviews)} to review")
    return 0


def run_set_name(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        review = certificates.set_dative_name(ws, args.participant, args.dative)
    if args.json:
        print_json(review)
    else:
        print(f"{review.full_name} → {review.dative} (confirmed)")
    return 0


def run_issue(args: argparse.Namespace) -> int:
    files = args.files
    if files is True:
        files = args.out.with_name(f"{args.out.stem}_files")
    with open_workspace(args.workspace) as ws:
        key = _unlock(ws, args.passphrase_file)
        report = certificates.issue_certificates(
            ws, key, stream_number=args.stream, participant_ids=args.participant,
            pdf_path=args.out, files_dir=files,
        )  # fmt: skip
    if args.json:
        data = to_jsonable(report)
        data["pdf_path"] = str(report.pdf_path) if report.pdf_path else None
        data["files"] = [str(path) for path in report.files]
        print_json(data)
        return 0 if report.issued or report.existing else 1
    for record in report.issued:
        print(f"{record.number}  {record.full_name}")
    print(
        f"{len(report.issued)} issued, {len(report.existing)} issued before, {len(report.skipped)} skipped"
    )
    for skipped in report.skipped:
        print(f"  skipped: {skipped.full_name} ({skipped.reason})")
    for number in report.hash_mismatches:
        print(f"  warning: {number} re-rendered differently from the register (template changed?)")
    if report.pdf_path:
        print(f"PDF: {report.pdf_path}")
    if report.files:
        print(f"{len(report.files)} files in {report.files[0].parent}")
    if not report.issued and not report.existing:
        raise UserError("nothing_issued", why=why_nothing(report, args.stream))
    return 0


def why_nothing(report: IssueReport, stream: int | None) -> str:
    """What kept every person of the batch out, with the command that shows more."""
    counts = {reason: 0 for reason in SkipReason}
    for skipped in report.skipped:
        counts[skipped.reason] += 1
    where = f" --stream {stream}" if stream is not None else ""
    parts = []
    if counts[SkipReason.NOT_ELIGIBLE]:
        parts.append(
            f"{counts[SkipReason.NOT_ELIGIBLE]} not eligible yet "
            f"(see `smm-event certificates eligibility{where}`)"
        )
    if counts[SkipReason.NAME_NOT_REVIEWED]:
        parts.append(
            f"{counts[SkipReason.NAME_NOT_REVIEWED]} dative names to review "
            f"(`smm-event certificates names{where} --pending`)"
        )
    if counts[SkipReason.NO_STREAM]:
        parts.append(f"{counts[SkipReason.NO_STREAM]} without a stream")
    return "; ".join(parts) or "nobody matches this selection"


def _print_record(args: argparse.Namespace, record: CertificateRecord, what: str) -> None:
    if args.json:
        print_json(record)
    else:
        print(
            f"{what} {record.number} version {record.version}: {record.full_name} ({record.status})"
        )


def run_void(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        record = certificates.void_certificate(ws, args.number, args.reason)
    _print_record(args, record, "voided")
    return 0


def run_reissue(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        key = _unlock(ws, args.passphrase_file)
        record = certificates.reissue_certificate(ws, key, args.number, args.reason, args.out)
    _print_record(args, record, "reissued")
    if not args.json:
        print(f"PDF: {args.out}")
    return 0


def run_token(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        reg = certificates.certificate_register(ws)
    wanted = args.number.strip()
    versions = [r for r in reg.records if r.number == wanted]
    if not versions:  # a participant's id: their certificate that is valid now
        versions = [
            r for r in reg.records
            if str(r.participant_id) == wanted.lower() and r.status is CertificateStatus.VALID
        ]  # fmt: skip
    if not versions:
        raise UserError("certificate_not_found", number=args.number)
    newest = max(versions, key=lambda r: r.version)
    if args.json:
        print_json({"number": newest.number, "version": newest.version, "text": newest.verify_text})
    else:
        print(newest.verify_text)
    return 0


def run_register(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        reg = certificates.certificate_register(ws)
        if args.out is not None:
            certificates.export_register(ws, args.out)
    if args.json:
        print_json(reg)
        return 0
    rows = [
        (r.number, r.version, r.status, r.full_name, r.stream_number, r.issue_date, r.device_name,
         r.void_reason or r.reason or "")
        for r in reg.records
    ]  # fmt: skip
    print_table(("Number", "Ver", "Status", "Name", "Stream", "Issued", "Laptop", "Reason"), rows)
    for block in reg.blocks:
        free = ", ".join(f"{a}-{z}" for a, z in block.unused) or "none"
        print(
            f"block {block.series or 'main'} {block.first}-{block.last}: {block.holder_name}, used {block.used}, free {free}"
        )
    for gap in reg.gaps:
        print(
            f"gap: {gap.series or 'main'} {gap.first}-{gap.last} (unused numbers below the highest)"
        )
    for problem in reg.problems:
        print(
            f"PROBLEM {problem.code}: series {problem.series or 'main'} numbers {problem.numbers}"
        )
    print(f"{reg.valid_count} valid certificates, {len(reg.records)} versions")
    if args.out is not None:
        print(f"XLSX: {args.out}")
    return 0


def _describe(v: CertificateVerification) -> str:
    check = v.check
    if not check.genuine:
        return _VERDICTS[check.result]
    status = (
        "not in this laptop's register yet (sync it)" if v.status is None else str(v.status).upper()
    )
    stream = f"stream {check.stream_number}" if check.stream_number else "no stream"
    return (
        f"GENUINE certificate {check.number} (version {check.version}): {check.full_name}, {stream}, "
        f"{check.starts_on} to {check.ends_on}; status: {status}"
    )


def run_verify(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        verification = certificates.verify_certificate(ws, args.text)
    if args.json:
        print_json(verification)
    else:
        print(_describe(verification))
    return 0 if verification.valid else EXIT_NOT_VALID


def run_grant(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        report = certificates.grant_number_block(ws, args.device, args.size, args.series)
    if args.json:
        print_json(report)
    else:
        b = report.block
        print(
            f"numbers {b.first}-{b.last} of series {b.series or 'main'} now belong to {b.holder_name}; sync that laptop before it goes offline"
        )
    return 0


def _optional_number(text: str | None, current: float | None, word: str) -> float | None:
    if text is None:
        return current
    if text.strip().lower() == word:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise UserError("bad_certificate_setting", key=word, value=text) from None


def run_settings(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        current = certificates.get_settings(ws)
        rule = dataclasses.replace(
            current.rule,
            min_attendance_percent=current.rule.min_attendance_percent
            if args.min_attendance is None
            else args.min_attendance,
            exit_test_required=current.rule.exit_test_required
            if args.exit_test is None
            else args.exit_test == "required",
            min_exit_score=_optional_number(
                args.min_exit_score, current.rule.min_exit_score, "none"
            ),
        )
        wanted = dataclasses.replace(
            current,
            rule=rule,
            template=args.template or current.template,
            number_format=args.number_format or current.number_format,
            hours=_optional_number(args.hours, current.hours, "auto"),
        )
        settings = certificates.save_settings(ws, wanted) if wanted != current else current
    if args.json:
        print_json(settings)
    else:
        r = settings.rule
        print(f"minimum attendance: {r.min_attendance_percent:g}%")
        print(f"exit test: {'required' if r.exit_test_required else 'optional'}"
              + (f", at least {r.min_exit_score:g}" if r.min_exit_score is not None else ""))  # fmt: skip
        print(f"template: {settings.template}; number format: {settings.number_format}")
        print(f"hours: {'from the sessions' if settings.hours is None else f'{settings.hours:g}'}")
    return 0
