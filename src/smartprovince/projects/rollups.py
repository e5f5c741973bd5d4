"""Quarterly and annual roll-ups of the monthly reports: pure computation on plain values.

Selectors (``selectors/rollups.py``) gather one ``ProjectFacts`` per project for a period; the
functions here add them up. Definitions (also shown to users on the summary page):

* **projects by status**: every project running in the period, by its current status.
* **budget-weighted average progress**: Σ(progress × allocated) ÷ Σ allocated over the active
  projects (not draft, not cancelled); progress is the latest figure sent (submitted or
  accepted) for a month up to the end of the period, 0 when none was sent. When no active
  project has an allocation the plain average is used.
* **disbursement rate**: latest cumulative disbursement sent in the period's fiscal year ÷ the
  allocation for that fiscal year, in per cent.
* **on-time reporting rate**: reports first sent by their due date ÷ reports due in the period
  (months whose due date has passed), in per cent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal("0")
HUNDRED = Decimal("100")
INACTIVE_STATUSES = frozenset({"draft", "cancelled"})


def q2(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def percent(numerator: Decimal | int, denominator: Decimal | int) -> Decimal | None:
    if not denominator:
        return None
    return q2(Decimal(numerator) * HUNDRED / Decimal(denominator))


@dataclass(frozen=True)
class ProjectFacts:
    project_id: int
    status: str
    planned: Decimal = ZERO
    allocated: Decimal = ZERO
    progress: Decimal | None = None
    disbursed: Decimal = ZERO
    reports_due: int = 0
    reports_sent: int = 0
    reports_on_time: int = 0

    @property
    def is_active(self) -> bool:
        return self.status not in INACTIVE_STATUSES


class ReportRates:
    """What follows from a count of monthly reports due, sent and sent on time (a roll-up, one
    agency's row of the compliance table)."""

    reports_due: int
    reports_sent: int
    reports_on_time: int

    @property
    def on_time_rate(self) -> Decimal | None:
        return percent(self.reports_on_time, self.reports_due)

    @property
    def reporting_rate(self) -> Decimal | None:
        return percent(self.reports_sent, self.reports_due)

    @property
    def reports_late(self) -> int:
        return self.reports_sent - self.reports_on_time

    @property
    def reports_missing(self) -> int:
        return self.reports_due - self.reports_sent


@dataclass(frozen=True)
class Rollup(ReportRates):
    project_count: int = 0
    active_count: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    planned: Decimal = ZERO
    allocated: Decimal = ZERO
    disbursed: Decimal = ZERO
    weighted_progress: Decimal | None = None
    disbursement_rate: Decimal | None = None
    reports_due: int = 0
    reports_sent: int = 0
    reports_on_time: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "project_count": self.project_count,
            "active_count": self.active_count,
            "by_status": dict(self.by_status),
            "planned": str(self.planned),
            "allocated": str(self.allocated),
            "disbursed": str(self.disbursed),
            "weighted_progress": None if self.weighted_progress is None else str(self.weighted_progress),
            "disbursement_rate": None if self.disbursement_rate is None else str(self.disbursement_rate),
            "reports_due": self.reports_due,
            "reports_sent": self.reports_sent,
            "reports_on_time": self.reports_on_time,
            "on_time_rate": None if self.on_time_rate is None else str(self.on_time_rate),
            "reporting_rate": None if self.reporting_rate is None else str(self.reporting_rate),
        }


def weighted_progress(pairs: Iterable[tuple[Decimal | None, Decimal]]) -> Decimal | None:
    """Budget-weighted average of ``(progress, weight)``; plain average when every weight is 0."""
    items = [(p if p is not None else ZERO, w) for p, w in pairs]
    if not items:
        return None
    total_weight = sum((w for _, w in items), ZERO)
    if total_weight > 0:
        return q2(sum((p * w for p, w in items), ZERO) / total_weight)
    return q2(sum((p for p, _ in items), ZERO) / len(items))


def rollup(facts: Iterable[ProjectFacts]) -> Rollup:
    rows = list(facts)
    active = [f for f in rows if f.is_active]
    allocated = sum((f.allocated for f in active), ZERO)
    disbursed = sum((f.disbursed for f in active), ZERO)
    return Rollup(
        project_count=len(rows),
        active_count=len(active),
        by_status=dict(Counter(f.status for f in rows)),
        planned=sum((f.planned for f in active), ZERO),
        allocated=allocated,
        disbursed=disbursed,
        weighted_progress=weighted_progress((f.progress, f.allocated) for f in active),
        disbursement_rate=percent(disbursed, allocated),
        reports_due=sum(f.reports_due for f in active),
        reports_sent=sum(f.reports_sent for f in active),
        reports_on_time=sum(f.reports_on_time for f in active),
    )


def rollup_by(facts: Iterable[ProjectFacts], key_of: dict[int, object]) -> dict[object, Rollup]:
    """Roll-ups per group; ``key_of`` maps a project id to its group key (strategy, agency …)."""
    groups: dict[object, list[ProjectFacts]] = {}
    for fact in facts:
        groups.setdefault(key_of[fact.project_id], []).append(fact)
    return {key: rollup(items) for key, items in groups.items()}
