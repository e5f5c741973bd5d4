"""Pure rules of the training app (no database): literacy levels and the staff KPIs."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


def gettext_noop(message: str) -> str:
    """Marks a msgid for makemessages without importing Django (the caller translates)."""
    return message


# Lower bound (percent) of levels 2, 3, 4 and 5; below the first bound is level 1.
DEFAULT_LEVEL_BOUNDS: tuple[int, ...] = (40, 60, 75, 90)
DEFAULT_MIN_LEVEL = 3


def validate_level_bounds(bounds: Sequence[float]) -> list[str]:
    """Error messages (Thai msgids; translate with ``gettext``) for a bad list of level bounds (empty = valid)."""
    errors = []
    if len(bounds) != 4:
        errors.append(gettext_noop("ต้องกำหนดเกณฑ์คะแนนขั้นต่ำของระดับ 2 ถึง 5 ให้ครบ 4 ค่า"))
        return errors
    if any(not 0 < b <= 100 for b in bounds):
        errors.append(gettext_noop("เกณฑ์คะแนนต้องอยู่ระหว่าง 0 ถึง 100"))
    if any(b >= c for b, c in itertools.pairwise(bounds)):
        errors.append(gettext_noop("เกณฑ์คะแนนของระดับที่สูงกว่าต้องมากกว่าระดับที่ต่ำกว่า"))
    return errors


def level_for_score(score: Decimal | float, bounds: Sequence[float] = DEFAULT_LEVEL_BOUNDS) -> int:
    """Level 1–5 of a percent score: level n+2 starts at ``bounds[n]``."""
    level = 1
    for bound in bounds:
        if Decimal(str(score)) >= Decimal(str(bound)):
            level += 1
    return level


def overall_score(scores: Iterable[Decimal]) -> Decimal:
    """Mean of the area scores, two decimals (half up)."""
    values = [Decimal(str(s)) for s in scores]
    if not values:
        raise ValueError("ไม่มีคะแนนรายด้าน")
    total: Decimal = sum(values, Decimal(0))
    return (total / len(values)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def is_literate(*, latest_level: int | None, completed_qualifying_course: bool, min_level: int, course_counts: bool) -> bool:
    """Goal 4's rule for one person."""
    if latest_level is not None and latest_level >= min_level:
        return True
    return course_counts and completed_qualifying_course


def percent(numerator: int, denominator: int) -> Decimal | None:
    """Percentage, two decimals; ``None`` when there is no denominator."""
    if denominator <= 0:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class AgencyCount:
    agency_id: int
    registered_active: int
    headcount: int | None  # the snapshot for the fiscal year, if any
    numerator: int


def staff_ratio(counts: Iterable[AgencyCount]) -> tuple[int, int]:
    """Province numerator and denominator: per agency the denominator is the headcount snapshot
    when there is one, otherwise the registered active staff; the numerator is capped by it."""
    num = den = 0
    for c in counts:
        base = c.headcount if c.headcount is not None else c.registered_active
        den += base
        num += min(c.numerator, base)
    return num, den
