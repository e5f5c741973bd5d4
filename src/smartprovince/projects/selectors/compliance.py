"""The agency reporting-compliance table: per agency, the monthly reports due in a period, sent on
time, sent late and still missing.

The counts come from two aggregate queries (projects in the period, reports sent per agency)
instead of loading every report, and the table is cached under the projects and agencies data
versions (``core.dataversion``): a page of it costs the same whatever the number of agencies,
projects and reports. The missing months listed beside each agency are computed for the agencies
of the page being shown only (``missing_reports``).

The rules are those of the roll-ups (``project_facts``): a month is due when the project runs in
it, it lies in the period and its due date has passed by ``as_of``; a due month is sent when its
report was first submitted, on time when that happened (local date) on or before the report's
due date.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q, QuerySet
from django.db.models.functions import TruncMonth

from smartprovince.agencies.models import Agency
from smartprovince.core import dataversion
from smartprovince.core.thai_calendar import Period, add_months, month_start

from ..models import ProgressReport, Project
from ..rollups import ReportRates
from ..rules import REPORTING_STATUSES, expected_report_months, report_due_date
from .rollups import ProjectLedger, _due_day, agency_scope_key, period_projects

FORMAT = 2
TIMEOUT = 24 * 3600


@dataclass(frozen=True)
class AgencyCompliance(ReportRates):
    agency_id: int
    label: str
    reports_due: int
    reports_sent: int
    reports_on_time: int


@dataclass(frozen=True)
class ComplianceTable:
    rows: list[AgencyCompliance]  # agencies with reports due, lowest on-time rate first
    total: AgencyCompliance  # the whole table (agency_id 0)


def _last_due_month(as_of: dt.date, due_day: int) -> dt.date:
    """The latest month whose report is overdue by ``as_of`` (due dates grow with the month)."""
    month = add_months(month_start(as_of), -1)
    while report_due_date(month, due_day) >= as_of:
        month = add_months(month, -1)
    return month


@lru_cache(maxsize=4096)
def _months_due(start: dt.date, end: dt.date, period_start: dt.date, period_end: dt.date, as_of: dt.date,
                due_day: int) -> tuple[dt.date, ...]:
    """``expected_report_months`` remembered: projects mostly share their start and end dates."""
    return tuple(expected_report_months(start=start, end=end, period_start=period_start, period_end=period_end,
                                        as_of=as_of, due_day=due_day))


def _owing_projects(period: Period, agency_ids: set[int] | None) -> QuerySet[Project]:
    """Projects of ``agency_ids`` running in ``period`` in a status that owes monthly reports."""
    return period_projects(period, agency_ids=agency_ids).filter(status__in=REPORTING_STATUSES)


def _compute(period: Period, as_of: dt.date, agency_ids: set[int] | None) -> ComplianceTable:
    due_day = _due_day()
    projects = _owing_projects(period, agency_ids)
    due: dict[int, int] = defaultdict(int)
    for agency_id, start, end in projects.values_list("agency_id", "start_date", "end_date").order_by():
        due[agency_id] += len(_months_due(start, end, period.start, period.end, as_of, due_day))
    # sent = a due month's report first submitted: its month lies in the period, in the project's
    # months and no later than the last overdue month
    sent_rows = (
        ProgressReport.objects.filter(
            project__in=projects, first_submitted_at__isnull=False,
            month__gte=month_start(period.start), month__lte=min(period.end, _last_due_month(as_of, due_day)),
        )
        .annotate(start_month=TruncMonth("project__start_date"))
        .filter(month__gte=F("start_month"), month__lte=F("project__end_date"))
        .order_by().values("project__agency_id")
        .annotate(sent=Count("pk"), on_time=Count("pk", filter=Q(first_submitted_at__date__lte=F("due_date"))))
    )
    sent = {r["project__agency_id"]: (r["sent"], r["on_time"]) for r in sent_rows}
    names = dict(Agency.objects.filter(pk__in=[a for a, n in due.items() if n]).values_list("pk", "name_th"))
    rows = [
        AgencyCompliance(agency_id, names[agency_id], n, *sent.get(agency_id, (0, 0)))
        for agency_id, n in due.items() if n
    ]
    rows.sort(key=lambda r: (r.on_time_rate or 0, r.label, r.agency_id))
    total = AgencyCompliance(0, "", sum(r.reports_due for r in rows), sum(r.reports_sent for r in rows),
                             sum(r.reports_on_time for r in rows))
    return ComplianceTable(rows=rows, total=total)


def compliance_table(period: Period, *, as_of: dt.date, agency_ids: set[int] | None) -> ComplianceTable:
    """Per agency (of ``agency_ids``; ``None`` = all) the reports due in ``period`` by ``as_of``,
    from the cache when neither projects nor agencies changed since it was computed."""
    scope = agency_scope_key(agency_ids)
    version = dataversion.current("projects", "agencies")
    key = f"projects:compliance:{FORMAT}:{period.key}:{as_of.isoformat()}:{_due_day()}:{scope}:{version}"
    table: ComplianceTable = dataversion.cached(key, lambda: _compute(period, as_of, agency_ids), timeout=TIMEOUT)
    return table


def ledgers(period: Period, *, as_of: dt.date, agency_ids: set[int] | None) -> dict[int, list[ProjectLedger]]:
    """Per agency, the ledgers (missing, late and on-time months) of its projects that owe reports in
    ``period``, ordered by project code; two queries, reading only the period's reports. For one page
    of the table (a few agencies) and for the export of every overdue report."""
    if agency_ids is not None and not agency_ids:
        return {}
    due_day = _due_day()
    projects = _owing_projects(period, agency_ids)
    rows = projects.values_list("id", "code", "name_th", "agency_id", "agency__name_th", "strategy_id",
                                "strategy__number", "status", "start_date", "end_date").order_by("code")
    sent: dict[int, dict[dt.date, bool]] = defaultdict(dict)
    for pid, month, on_time in (
        ProgressReport.objects.filter(project__in=projects, first_submitted_at__isnull=False,
                                      month__gte=month_start(period.start), month__lte=period.end)
        .annotate(on_time=ExpressionWrapper(Q(first_submitted_at__date__lte=F("due_date")), output_field=BooleanField()))
        .order_by().values_list("project_id", "month", "on_time")
    ):
        sent[pid][month] = bool(on_time)
    result: dict[int, list[ProjectLedger]] = defaultdict(list)
    for pid, code, name, agency_id, agency_name, strategy_id, strategy_number, status, start, end in rows:
        ledger = ProjectLedger(pid, code, name, agency_id, agency_name, strategy_id, strategy_number, status)
        months = sent.get(pid, {})
        for month in _months_due(start, end, period.start, period.end, as_of, due_day):
            state = months.get(month)
            (ledger.missing if state is None else ledger.on_time if state else ledger.late).append(month)
        if ledger.missing or ledger.late or ledger.on_time:
            result[agency_id].append(ledger)
    return result
