"""Pure parsing of imported files (participant roster, test scores): no database here.

``parse_roster``/``parse_scores`` return validated rows plus per-row errors with stable reason
codes; a file that cannot be read at all raises ``UserError`` (``unreadable_file``/``empty_file``).
See docs/import-formats.md for the accepted shapes.
"""

from smm_event.importing.roster_rows import RosterParse, RosterRow, RowError, parse_roster
from smm_event.importing.score_rows import ScoreParse, ScoreRow, parse_scores

__all__ = [
    "RosterParse",
    "RosterRow",
    "RowError",
    "ScoreParse",
    "ScoreRow",
    "parse_roster",
    "parse_scores",
]
