"""Ranked search of people by a few typed letters, for the desk (pure; no database).

Every word of the query must match one field of the person. A match's rank, best first:
surname starting with the word, surname containing it, first name, patronymic, then the other
fields (organization, phone, e-mail); a word that matches nowhere may still match the start of
a surname or first name with one typo (a wrong, missing, extra or swapped letter, for words of
four letters or more). Latin input is compared with the passport transliteration of the names
too («ivanova» finds «Иванова»). The person's rank is the sum over the words, then the Russian
sort key breaks ties: «федор» lists Фёдорова (surname) before Козлова Надежда Фёдоровна
(patronymic).

Speed (10,000 people): the substring test runs on one joined key per person, and the typo test
in C (rapidfuzz ``OSA`` over the truncated names), so a query is a few milliseconds.
"""

from __future__ import annotations

import uuid
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from smm_event.text.folding import FIELD_SEPARATOR, fold, fold_phone_digits
from smm_event.text.translit import transliterate

SURNAME, FIRST, PATRONYMIC, OTHER = 0, 1, 2, 3  # fields 3-5 are the Latin forms of 0-2
# Rank of a word's match by field and kind (prefix, inside, typo); lower is better.
_PREFIX = (0, 2, 3, 5)
_INSIDE = (1, 4, 4, 5)
_TYPO = (6, 7, 8, 99)
MIN_TYPO_LENGTH = 4
_NO_MATCH = 1000


@dataclass(frozen=True)
class Person:
    """What the index needs of a person (the caller's id and already-known sort key)."""

    id: uuid.UUID
    surname: str
    first_name: str
    patronymic: str | None
    organization: str | None
    phone: str | None
    email: str | None
    sort_key: str


class NameIndex:
    def __init__(self, people: Iterable[Person]) -> None:
        self.people: list[Person] = list(people)
        self._fields: list[tuple[str, ...]] = []
        lines: list[str] = []
        for person in self.people:
            names = (person.surname, person.first_name, person.patronymic or "")
            folded = tuple(fold(name) for name in names)
            latin = tuple(fold(transliterate(name)) for name in names)
            other = FIELD_SEPARATOR.join(
                (fold(person.organization or ""), fold(person.email or ""))
            )
            fields = (*folded, *latin, other, fold_phone_digits(person.phone or ""))
            self._fields.append(fields)
            lines.append(FIELD_SEPARATOR.join(fields))
        # One string for every person: str.find (in C) locates the matches, and the line a
        # match falls in names the person. Neither "\n" nor "|" survives fold().
        self._blob = "\n".join(lines) + "\n"
        self._starts: list[int] = []
        offset = 0
        for line in lines:
            self._starts.append(offset)
            offset += len(line) + 1
        # Distinct names, each with the people who bear it: the typo test runs per name.
        self._names = [
            _distinct(fields[column] for fields in self._fields) for column in (0, 1, 3, 4)
        ]

    def __len__(self) -> int:
        return len(self.people)

    def search(self, text: str, limit: int = 20) -> list[Person]:
        # The longest word first: it usually narrows most, and the later words are then only
        # tried on those people instead of on everyone.
        words = sorted({w for w in (fold(part) for part in text.split()) if w}, key=len)[::-1]
        if not words:
            return []
        total = self._word_ranks(words[0], limit)
        for word in words[1:]:
            if not total:
                break
            total = self._narrowed(word, total, limit)
        found = sorted(total, key=lambda i: (total[i], self.people[i].sort_key))
        return [self.people[index] for index in found[:limit]]

    def _line(self, index: int) -> str:
        end = self._starts[index + 1] - 1 if index + 1 < len(self._starts) else -1
        return self._blob[self._starts[index] : end]

    def _word_ranks(self, word: str, limit: int) -> dict[int, int]:
        ranks: dict[int, int] = {}
        blob, starts = self._blob, self._starts
        position = blob.find(word)
        while position >= 0:
            index = bisect_right(starts, position) - 1
            ranks[index] = _rank_at(blob, starts[index], position)
            following = starts[index + 1] if index + 1 < len(starts) else len(blob)
            position = blob.find(word, following)
        if len(ranks) < limit:  # a typo only when the exact matches do not fill the list
            self._add_typos(word, ranks, None)
        return ranks

    def _narrowed(self, word: str, total: dict[int, int], limit: int) -> dict[int, int]:
        ranks: dict[int, int] = {}
        for index, rank in total.items():
            line = self._line(index)
            at = line.find(word)
            if at >= 0:
                ranks[index] = rank + _rank_at(line, 0, at)
        if len(ranks) < limit:
            typos: dict[int, int] = {}
            self._add_typos(word, typos, total)
            for index, rank in typos.items():
                if index not in ranks:
                    ranks[index] = total[index] + rank
        return ranks

    def _add_typos(self, word: str, ranks: dict[int, int], among: dict[int, int] | None) -> None:
        if len(word) < MIN_TYPO_LENGTH or word.isdigit():
            return
        for field, (names, bearers) in zip(
            (SURNAME, FIRST, SURNAME, FIRST), self._names, strict=True
        ):
            for name_index in _one_typo(word, names):
                for index in bearers[name_index]:
                    if among is None or index in among:
                        ranks[index] = min(ranks.get(index, _NO_MATCH), _TYPO[field])


def _rank_at(text: str, line_start: int, position: int) -> int:
    """The rank of a match by the field its first occurrence falls in (surname, first name,
    patronymic, their Latin forms, then the rest) and whether it starts that field."""
    column = text.count(FIELD_SEPARATOR, line_start, position)
    field = column % 3 if column < 6 else OTHER
    starts_field = position == line_start or text[position - 1] == FIELD_SEPARATOR
    return _PREFIX[field] if starts_field else _INSIDE[field]


def _distinct(values: Iterable[str]) -> tuple[list[str], list[list[int]]]:
    positions: dict[str, list[int]] = {}
    for index, value in enumerate(values):
        positions.setdefault(value, []).append(index)
    return list(positions), list(positions.values())


def _one_typo(word: str, names: list[str]) -> set[int]:
    """Indexes of names whose start is one edit (OSA: swaps count one) from ``word``."""
    hits: set[int] = set()
    length = len(word)
    for cut in (length, length + 1, length - 1):
        starts = [name[:cut] for name in names]
        for _choice, _score, index in process.extract_iter(
            word, starts, scorer=OSA.distance, score_cutoff=1
        ):
            hits.add(index)
    return hits
