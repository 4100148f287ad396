"""Sentences for the core's error codes that no screen area explains itself (the codes of
settings, templates, keys and the register met from any screen). Registered with the GUI's
error-code registry by ``ui.errors``; ``tests/ui/test_error_registry.py`` lists any code left
without a sentence."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def more_messages() -> dict[str, str]:
    return {
        "bad_block_size": QCoreApplication.translate(
            "UserErrors", "The size of a certificate number block must be a positive whole number."
        ),
        "bad_certificate_setting": QCoreApplication.translate(
            "UserErrors",
            "The event's certificate settings are wrong ({key}: {value}). Ask the organizer.",
        ),
        "bad_mark_source": QCoreApplication.translate(
            "UserErrors", "Unknown way of marking ({value})."
        ),
        "bad_name_line": QCoreApplication.translate(
            "UserErrors", "The name for the certificate cannot be used: «{value}». Correct it."
        ),
        "bad_number_format": QCoreApplication.translate(
            "UserErrors",
            "The certificate number format «{format}» is wrong. Example: «№ {{seq:03d}}/{{year}}».",
        ),
        "bad_participant_id": QCoreApplication.translate(
            "UserErrors", "This participant is not in the workspace. Search for them again."
        ),
        "bad_phase": QCoreApplication.translate(
            "UserErrors", "Unknown test phase «{phase}»: choose the entry or the exit test."
        ),
        "bad_schedule": QCoreApplication.translate(
            "UserErrors",
            "The schedule file cannot be used ({where}): {reason}. Correct the file and try again.",
        ),
        "bad_series": QCoreApplication.translate(
            "UserErrors",
            "The certificate series «{series}» cannot be used: use letters and digits only.",
        ),
        "bad_session_id": QCoreApplication.translate(
            "UserErrors", "This session is no longer in the workspace. Choose it again."
        ),
        "bad_status": QCoreApplication.translate(
            "UserErrors", "Unknown attendance status ({value})."
        ),
        "bad_stream_colour": QCoreApplication.translate(
            "UserErrors", "The stream colour «{colour}» is not a colour. Example: #1e8e3e."
        ),
        "badge_too_small": QCoreApplication.translate(
            "UserErrors", "The badge layout «{name}» is too small for the name and the QR code."
        ),
        "badge_version_exhausted": QCoreApplication.translate(
            "UserErrors", "This person's badge was reissued too many times. Ask the organizer."
        ),
        "cancelled": QCoreApplication.translate("UserErrors", "Cancelled: nothing was saved."),
        "certificate_not_found": QCoreApplication.translate(
            "UserErrors", "There is no certificate {number} in the register."
        ),
        "certificate_template_invalid": QCoreApplication.translate(
            "UserErrors",
            "The certificate template cannot be used. Check it or choose the standard one.",
        ),
        "certificate_template_missing_image": QCoreApplication.translate(
            "UserErrors", "The certificate template needs the image {path}, which is missing."
        ),
        "certificate_template_not_found": QCoreApplication.translate(
            "UserErrors", "The certificate template {path} was not found."
        ),
        "empty_file": QCoreApplication.translate("UserErrors", "The file {path} has no rows."),
        "invalid_input": QCoreApplication.translate(
            "UserErrors", "These data cannot be used. Check what you entered."
        ),
        "key_of_another_event": QCoreApplication.translate(
            "UserErrors", "This key belongs to another event. Choose the key file of this event."
        ),
        "key_unknown_here": QCoreApplication.translate(
            "UserErrors",
            "The key {key_id} is not known on this laptop. Synchronize the laptop first.",
        ),
        "keys_exist": QCoreApplication.translate(
            "UserErrors", "The event already has a signing key. Replace it with «new key» instead."
        ),
        "no_streams": QCoreApplication.translate(
            "UserErrors", "The event has no streams yet. Add them to the schedule first."
        ),
        "not_a_key_file": QCoreApplication.translate(
            "UserErrors",
            "This file is not a signing key file. Choose the file saved by «export key».",
        ),
        "not_found": QCoreApplication.translate(
            "UserErrors", "It is no longer in the workspace. Refresh the list."
        ),
        "not_registrar": QCoreApplication.translate(
            "UserErrors",
            "This laptop does not keep the certificate register. Issue certificates on the organizer's laptop.",
        ),
        "number_format_without_series": QCoreApplication.translate(
            "UserErrors", "The number format «{format}» needs a series. Set the series first."
        ),
        "other_event_in_workspace": QCoreApplication.translate(
            "UserErrors",
            "This workspace belongs to the event «{existing}», not «{new}». Choose another file.",
        ),
        "register_not_started": QCoreApplication.translate(
            "UserErrors",
            "The certificate register is not started yet. Start it on the organizer's laptop.",
        ),
        "reissue_reason_required": QCoreApplication.translate(
            "UserErrors", "Write why the certificate is reissued: the register keeps it."
        ),
        "too_many_reissues": QCoreApplication.translate(
            "UserErrors", "Certificate {number} was reissued too many times. Ask the organizer."
        ),
        "unreadable_image": QCoreApplication.translate(
            "UserErrors", "The image {path} cannot be read. Choose a PNG or JPEG file."
        ),
        "void_reason_required": QCoreApplication.translate(
            "UserErrors", "Write why the certificate is voided: the register keeps it."
        ),
        "weak_passphrase": QCoreApplication.translate(
            "UserErrors", "The passphrase is too short: use at least {min_length} characters."
        ),
        "workspace_from_newer_version": QCoreApplication.translate(
            "UserErrors",
            "The workspace {path} was made by a newer version of the program. Update the program.",
        ),
        "camera_lost": QCoreApplication.translate(
            "UserErrors",
            "The camera stopped sending pictures (unplugged?). Plug it in and turn it on again.",
        ),
        "camera_unavailable": QCoreApplication.translate(
            "UserErrors", "The camera cannot be opened. Check the cable or choose another camera."
        ),
    }
