"""Pure rules of the monthly reporting workflow: due dates, expected months, lateness, status
transitions. Plain values in, plain values out; the services and selectors call these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from smartprovince.core.thai_calendar import add_months, month_end, month_start

DEFAULT_DUE_DAY = 5

# Project statuses that owe monthly reports.
REPORTING_STATUSES = frozenset({"approved", "in_progress", "suspended", "completed"})
# Report statuses whose values count in roll-ups (sent to the province).
COUNTED_REPORT_STATUSES = frozenset({"submitted", "accepted"})

# Allowed project status changes for an agency editor; a province admin may make any change.
EDITOR_TRANSITIONS: dict[str, frozenset[str]] = {
    "draft": frozenset({"in_progress", "cancelled"}),
    "approved": frozenset({"in_progress", "suspended", "cancelled"}),
    "in_progress": frozenset({"completed", "suspended", "cancelled"}),
    "suspended": frozenset({"in_progress", "cancelled"}),
    "completed": frozenset({"in_progress"}),
    "cancelled": frozenset(),
}


def report_due_date(month: dt.date, due_day: int = DEFAULT_DUE_DAY) -> dt.date:
    """The report for ``month`` is due on ``due_day`` of the following month (clipped to its end)."""
    following = add_months(month, 1)
    return min(following.replace(day=1) + dt.timedelta(days=max(due_day, 1) - 1), month_end(following))


def project_months(start: dt.date, end: dt.date) -> list[dt.date]:
    """First day of every month the project runs in."""
    months = []
    current = month_start(start)
    while current <= end:
        months.append(current)
        current = add_months(current, 1)
    return months


def expected_report_months(
    *,
    start: dt.date,
    end: dt.date,
    period_start: dt.date,
    period_end: dt.date,
    as_of: dt.date,
    due_day: int = DEFAULT_DUE_DAY,
) -> list[dt.date]:
    """Months in the period (and the project's span) whose report due date has passed by ``as_of``."""
    lo = max(month_start(start), month_start(period_start))
    hi = min(end, period_end)
    return [m for m in project_months(lo, hi) if m >= lo and report_due_date(m, due_day) < as_of]


def is_on_time(first_submitted_on: dt.date | None, due_date: dt.date) -> bool:
    return first_submitted_on is not None and first_submitted_on <= due_date


def reporting_state(
    *, month: dt.date, report_status: str | None, first_submitted_on: dt.date | None, as_of: dt.date,
    due_day: int = DEFAULT_DUE_DAY,
) -> str:
    """One cell of the compliance table: ``on_time``, ``late`` (sent after the due date),
    ``missing`` (not sent and overdue), ``pending`` (not sent, not yet due) or ``draft_overdue``
    is folded into ``missing``."""
    due = report_due_date(month, due_day)
    if first_submitted_on is not None:
        return "on_time" if first_submitted_on <= due else "late"
    return "missing" if as_of > due else "pending"


def editor_may_change_status(current: str, new: str) -> bool:
    return current == new or new in EDITOR_TRANSITIONS.get(current, frozenset())


def months_between(months: Iterable[dt.date]) -> int:
    return len(set(months))
