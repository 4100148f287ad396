"""Trust and validation refusals read as Russian sentences: no «(participant, surname: bidi)»,
no role or reason codes, on the error boxes and on the needs-attention list."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from smm_event.domain.sync import AttentionItem, AttentionKind
from smm_event.errors import UserError
from ui import i18n
from ui.errors import user_error_message
from ui.sync.sync_attention import detail_text, kind_text, sync_error_message

CODES = re.compile(r"\b(participant|surname|bidi|bad_char|desk|session|not_allowed|clock_ahead)\b")


def test_refusals_name_things_in_russian(qapp: object) -> None:
    i18n.install_translators(qapp, "ru")  # type: ignore[arg-type]
    try:
        texts = [
            sync_error_message(
                UserError(
                    "bundle_invalid_record",
                    record=12,
                    entity="participant",
                    field="surname",
                    problem="bidi",
                )
            ),
            user_error_message(UserError("role_cannot_write", entity="session", roles="desk")),
            user_error_message(
                UserError(
                    "field_invalid", entity="participant", field="surname", problem="bad_char"
                )
            ),
        ]
        item = AttentionItem(
            kind=AttentionKind.QUARANTINED,
            participant_id=None,
            participant_name=None,
            day=dt.date(2026, 12, 3),
            device_names=("Стойка 1",),
            record_ids=(str(uuid.uuid4()),),
            details={"reason": "not_allowed", "count": 3, "entities": ["participant", "session"]},
        )
        texts += [kind_text(item.kind), detail_text(item)]
    finally:
        i18n.install_translators(qapp, "en")  # type: ignore[arg-type]
    for text in texts:
        assert not CODES.search(text), text
    assert "данные участников" in texts[0] and "Фамилия" in texts[0]
    assert "символы, меняющие направление текста" in texts[0]
    assert texts[1].startswith("Этот ноутбук подключён как стойка регистрации")
    assert "расписание" in texts[1]
    assert texts[3] == "Полученные записи не применены"
    assert "роль станции этого не разрешает" in texts[4]
