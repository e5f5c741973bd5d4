"""Goal 2 rule (pure): an agency is covered when it has at least 3 active *digital* channels.

Channels are counted by **type**: three Facebook pages are one channel type, a website plus a
LINE Official Account plus a Facebook Page are three. Agency-level and service-level channels
both count. Telephone/hotline and the counter are not digital; an inactive channel does not
count; a channel that started after the period ends does not count for that period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from .choices import is_digital

REQUIRED_DIGITAL_CHANNELS = 3


@dataclass(frozen=True)
class ChannelFact:
    agency_id: int
    channel_type: str
    is_active: bool
    started_on: dt.date | None = None


@dataclass
class AgencyCoverage:
    agency_id: int
    digital_types: set[str] = field(default_factory=set)
    other_types: set[str] = field(default_factory=set)

    @property
    def digital_count(self) -> int:
        return len(self.digital_types)

    @property
    def meets(self) -> bool:
        return self.digital_count >= REQUIRED_DIGITAL_CHANNELS

    @property
    def missing(self) -> int:
        return max(0, REQUIRED_DIGITAL_CHANNELS - self.digital_count)


def counts(fact: ChannelFact, as_of: dt.date | None = None) -> bool:
    """Does this channel count towards goal 2 (on ``as_of``)?"""
    if not fact.is_active or not is_digital(fact.channel_type):
        return False
    return not (as_of is not None and fact.started_on is not None and fact.started_on > as_of)


def coverage(agency_ids: Iterable[int], facts: Iterable[ChannelFact], as_of: dt.date | None = None) -> list[AgencyCoverage]:
    """One ``AgencyCoverage`` per agency id (agencies with no channel included)."""
    result = {agency_id: AgencyCoverage(agency_id) for agency_id in agency_ids}
    for fact in facts:
        entry = result.get(fact.agency_id)
        if entry is None:
            continue
        if counts(fact, as_of):
            entry.digital_types.add(fact.channel_type)
        elif fact.is_active and not is_digital(fact.channel_type):
            entry.other_types.add(fact.channel_type)
    return list(result.values())


def percent_covered(rows: list[AgencyCoverage]) -> tuple[int, int, float | None]:
    covered = sum(1 for r in rows if r.meets)
    total = len(rows)
    return covered, total, (round(covered * 100 / total, 2) if total else None)
