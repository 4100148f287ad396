"""Reporting views on the central PostgreSQL database, for any reporting tool (Excel, Metabase,
Power BI) pointed at it. PostgreSQL only: laptops never get them.

They read only the ``verified`` schema (smm_event/sync/central_verify.py): records the event's
trust root verified, never rows a station login wrote into ``public`` by hand. What laptops
pushed and the organizer's laptop has not yet pulled and verified shows after its next sync.

They are made by the sync code, not by a migration: after every schema upgrade they are
dropped and recreated from the definitions below, and ``VERSION`` (kept as the comment of the
first view) says whether the ones on the server are this version's. Times are shown both as
stored (UTC) and in the event's timezone."""

from __future__ import annotations

from sqlalchemy import Connection, text

VERSION = "smm-event reporting views 2: verified records only"

# Name -> definition. Order matters: later views may use earlier ones.
VIEWS: dict[str, str] = {
    "report_participants": """
        SELECT p.id AS participant_id, p.surname, p.first_name, p.patronymic, p.gender,
               o.name AS organization, p.position, p.region, p.phone, p.email,
               s.number AS stream_number, s.title AS stream_title, s.level AS stream_level,
               p.walk_in, p.badge_version, p.entry_score, p.exit_score, p.accelerator_track,
               p.consent, p.event_id, p.stream_id
        FROM verified.participant p
        LEFT JOIN verified.organization o ON o.id = p.organization_id
        LEFT JOIN verified.stream s ON s.id = p.stream_id
        WHERE NOT p.deleted""",
    "report_checkins": """
        SELECT c.id AS checkin_id, c.participant_id, p.surname, p.first_name, p.patronymic,
               c.local_day AS day, c.scanned_at AS scanned_at_utc,
               (c.scanned_at AT TIME ZONE 'UTC') AT TIME ZONE COALESCE(e.timezone, 'UTC')
                   AS scanned_at_local,
               c.result, c.method, c.desk, d.name AS device_name, c.operator, c.badge_version,
               c.device_id
        FROM verified.checkin c
        LEFT JOIN verified.participant p ON p.id = c.participant_id
        LEFT JOIN verified.event e ON e.id = p.event_id
        LEFT JOIN verified.device d ON d.id = c.device_id""",
    "report_first_checkins": """
        SELECT DISTINCT ON (participant_id, day)
               participant_id, day, scanned_at_utc, scanned_at_local, desk, device_name,
               count(*) OVER (PARTITION BY participant_id, day) AS admitted_scans
        FROM report_checkins
        WHERE result = 'admitted' AND participant_id IS NOT NULL
        ORDER BY participant_id, day, scanned_at_utc, checkin_id""",
    "report_participant_days": """
        SELECT rp.participant_id, rp.surname, rp.first_name, rp.patronymic, rp.organization,
               rp.stream_number, rp.stream_title, sd.day,
               f.scanned_at_local AS first_checkin_local, f.desk AS first_checkin_desk,
               f.admitted_scans, (f.participant_id IS NOT NULL) AS checked_in
        FROM report_participants rp
        JOIN verified.stream_day sd ON sd.stream_id = rp.stream_id
        LEFT JOIN report_first_checkins f
               ON f.participant_id = rp.participant_id AND f.day = sd.day""",
    "report_attendance": """
        SELECT DISTINCT ON (m.session_id, m.participant_id)
               m.session_id, m.participant_id, p.surname, p.first_name, p.patronymic,
               st.number AS stream_number, sd.day, ts.starts_at AS session_starts_at_utc,
               ts.title AS session_title, ts.kind AS session_kind, m.status, m.note, m.source,
               m.marked_at AS marked_at_utc, d.name AS device_name, m.operator, m.hlc,
               m.id AS mark_id
        FROM verified.attendance_mark m
        LEFT JOIN verified.participant p ON p.id = m.participant_id
        LEFT JOIN verified.training_session ts ON ts.id = m.session_id
        LEFT JOIN verified.stream_day sd ON sd.id = ts.stream_day_id
        LEFT JOIN verified.stream st ON st.id = sd.stream_id
        LEFT JOIN verified.device d ON d.id = m.device_id
        ORDER BY m.session_id, m.participant_id, m.hlc DESC""",
    "report_attendance_history": """
        SELECT m.id AS mark_id, m.session_id, m.participant_id, m.status, m.note, m.source,
               m.marked_at AS marked_at_utc, m.hlc, d.name AS device_name, m.operator
        FROM verified.attendance_mark m
        LEFT JOIN verified.device d ON d.id = m.device_id""",
    "report_devices": """
        SELECT d.id AS device_id, d.name,
               (SELECT count(*) FROM verified.change_log c WHERE c.device_id = d.id
                   AND NOT EXISTS (SELECT 1 FROM verified.quarantine q
                                   WHERE q.device_id = c.device_id AND q.seq = c.seq))
                   AS changes,
               (SELECT max(c.recorded_at) FROM verified.change_log c WHERE c.device_id = d.id)
                   AS last_change_at_utc,
               (SELECT count(*) FROM public.change_log c WHERE c.device_id = d.id
                   AND NOT EXISTS (SELECT 1 FROM verified.change_log v
                                   WHERE v.device_id = c.device_id AND v.seq = c.seq))
                   AS not_verified_yet
        FROM verified.device d""",
}


def ensure_views(connection: Connection) -> None:
    """Create (or replace with this version's) every view, inside the caller's transaction."""
    if views_current(connection):
        return
    drop_views(connection)
    for name, body in VIEWS.items():
        connection.execute(text(f"CREATE VIEW {name} AS {body}"))
    first = next(iter(VIEWS))
    connection.execute(text(f"COMMENT ON VIEW {first} IS '{VERSION}'"))


def drop_views(connection: Connection) -> None:
    for name in reversed(list(VIEWS)):
        connection.execute(text(f"DROP VIEW IF EXISTS {name} CASCADE"))


def views_current(connection: Connection) -> bool:
    first = next(iter(VIEWS))
    comment = connection.scalar(
        text("SELECT obj_description(to_regclass(:name), 'pg_class')"), {"name": first}
    )
    return bool(comment == VERSION)
