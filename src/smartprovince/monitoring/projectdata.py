"""What the projects data says about a period: one row of facts per project, gathered in a
fixed number of queries (correlated subqueries, no per-project round trips), and pure roll-ups.

Definitions (the same as the projects app's summary page, so both show the same numbers):

* projects counted: projects whose fiscal years include the period's fiscal year; *active* ones
  are those not in draft and not cancelled.
* budget: the project's budget lines of that fiscal year (planned, allocated).
* progress: the latest physical progress sent (submitted or accepted) for a month up to the
  period's end; 0 when none was sent. Province figure: budget-weighted average over active
  projects (plain average when no allocation is recorded).
* disbursement: the latest cumulative disbursement sent for a month of the fiscal year up to the
  period's end ÷ the allocation of that fiscal year.
* on-time reporting: reports first sent by their due date (the 5th of the following month) ÷
  reports due in the period whose due date has passed.
* late project: an active project whose latest report says "ล่าช้า"/"มีความเสี่ยง", or whose
  end date has passed without being completed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from django.db.models import Count, DecimalField, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from smartprovince.core.thai_calendar import Period, add_months, fiscal_year_range, month_end, month_start

ZERO = Decimal("0")
HUNDRED = Decimal("100")
DUE_DAY = 5
SENT = ("submitted", "accepted")
INACTIVE = frozenset({"draft", "cancelled"})
LATE_SCHEDULES = frozenset({"delayed", "at_risk"})


def q2(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def percent(numerator: Decimal | int, denominator: Decimal | int) -> Decimal | None:
    if not denominator:
        return None
    return q2(Decimal(numerator) * HUNDRED / Decimal(denominator))


@lru_cache(maxsize=512)
def report_due_date(month: dt.date) -> dt.date:
    following = add_months(month, 1)
    return min(following + dt.timedelta(days=DUE_DAY - 1), month_end(following))


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


@lru_cache(maxsize=64)
def _last_due_month(as_of: dt.date) -> int:
    """Index of the last month whose report fell due before ``as_of`` (a month's report is due in
    the following month, so it is the previous month or the one before)."""
    previous = add_months(as_of, -1)
    return _month_index(previous) - (0 if report_due_date(previous) < as_of else 1)


def months_due(start: dt.date, end: dt.date, period: Period, as_of: dt.date) -> int:
    """Months of the project inside the period whose report due date is before ``as_of``."""
    lo = _month_index(max(month_start(start), month_start(period.start)))
    hi = min(_month_index(min(end, period.end)), _last_due_month(as_of))
    return max(0, hi - lo + 1)


@dataclass(frozen=True)
class ProjectFact:
    id: int
    code: str
    name_th: str
    status: str
    agency_id: int
    agency_name: str
    strategy_id: int
    strategy_number: int
    start_date: dt.date
    end_date: dt.date
    planned: Decimal
    allocated: Decimal
    progress: Decimal | None
    disbursed: Decimal
    schedule: str | None
    reports_due: int
    reports_on_time: int
    reports_sent: int

    @property
    def is_active(self) -> bool:
        return self.status not in INACTIVE

    def is_late(self, as_of: dt.date) -> bool:
        if not self.is_active or self.status == "completed":
            return False
        return (self.schedule in LATE_SCHEDULES) or self.end_date < as_of


def project_facts(
    period: Period, *, as_of: dt.date, agency_ids: set[int] | None = None, ids: list[int] | None = None
) -> list[ProjectFact]:
    """One fact row per project of the period's fiscal year (2 queries whatever the size); ``ids``
    keeps only those projects (a page of a drill-down)."""
    from smartprovince.projects.models import BudgetLine, ProgressReport, Project

    fy = period.fiscal_year_be
    fy_start, _ = fiscal_year_range(fy)
    money: DecimalField[Decimal, Decimal] = DecimalField(max_digits=18, decimal_places=2)
    budget = BudgetLine.objects.filter(project=OuterRef("pk"), fiscal_year_be=fy).values("project")
    sent = ProgressReport.objects.filter(project=OuterRef("pk"), status__in=SENT, month__lte=period.end)
    latest = sent.order_by("-month")
    latest_in_fy = sent.filter(month__gte=fy_start).order_by("-month")
    qs = (
        Project.objects.filter(fiscal_year_be__lte=fy, fiscal_year_end_be__gte=fy)
        .annotate(
            planned_sum=Coalesce(Subquery(budget.annotate(s=Sum("planned")).values("s")[:1]), Value(ZERO), output_field=money),
            allocated_sum=Coalesce(Subquery(budget.annotate(s=Sum("allocated")).values("s")[:1]), Value(ZERO), output_field=money),
            latest_progress=Subquery(latest.values("progress_percent")[:1]),
            latest_schedule=Subquery(latest.values("schedule_status")[:1]),
            latest_disbursed=Coalesce(Subquery(latest_in_fy.values("disbursed_cumulative")[:1]), Value(ZERO), output_field=money),
        )
        .values(
            "id", "code", "name_th", "status", "agency_id", "agency__name_th", "strategy_id", "strategy__number",
            "start_date", "end_date", "planned_sum", "allocated_sum", "latest_progress", "latest_schedule",
            "latest_disbursed",
        )
        .order_by("agency__name_th", "code")
    )
    if agency_ids is not None:
        qs = qs.filter(agency_id__in=agency_ids)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    # Report counts in their own grouped query: grouping the query above would re-run its subqueries per report.
    counts_qs = (
        ProgressReport.objects.filter(
            project__fiscal_year_be__lte=fy, project__fiscal_year_end_be__gte=fy,
            month__gte=month_start(period.start), month__lte=period.end, first_submitted_at__isnull=False,
        )
        .values("project_id")
        .annotate(n_sent=Count("id"), n_on_time=Count("id", filter=Q(first_submitted_at__date__lte=F("due_date"))))
        .order_by()
    )
    if agency_ids is not None:
        counts_qs = counts_qs.filter(project__agency_id__in=agency_ids)
    if ids is not None:
        counts_qs = counts_qs.filter(project_id__in=ids)
    counts = {c["project_id"]: (c["n_sent"], c["n_on_time"]) for c in counts_qs}
    facts = []
    for r in qs:
        n_sent, n_on_time = counts.get(r["id"], (0, 0))
        due = months_due(r["start_date"], r["end_date"], period, as_of) if r["status"] not in INACTIVE else 0
        facts.append(
            ProjectFact(
                id=r["id"], code=r["code"], name_th=r["name_th"], status=r["status"], agency_id=r["agency_id"],
                agency_name=r["agency__name_th"], strategy_id=r["strategy_id"], strategy_number=r["strategy__number"],
                start_date=r["start_date"], end_date=r["end_date"], planned=Decimal(r["planned_sum"]),
                allocated=Decimal(r["allocated_sum"]),
                progress=None if r["latest_progress"] is None else Decimal(r["latest_progress"]),
                disbursed=Decimal(r["latest_disbursed"]), schedule=r["latest_schedule"],
                # a report sent for a month not yet due counts as sent and on time, never above due
                reports_due=due, reports_on_time=min(n_on_time, due), reports_sent=min(n_sent, due),
            )
        )
    return facts


def project_districts(project_ids: Iterable[int] | QuerySet[Any]) -> dict[int, list[tuple[str, str]]]:
    """``{project_id: [(district code, name), ...]}`` in one query (``project_ids`` may be a
    ``values("pk")`` queryset, used as a subquery)."""
    from smartprovince.projects.models import Project

    result: dict[int, list[tuple[str, str]]] = defaultdict(list)
    through = Project.districts.through
    ids = project_ids if isinstance(project_ids, QuerySet) else list(project_ids)
    for pid, code, name in through.objects.filter(project_id__in=ids).values_list(
        "project_id", "area__code", "area__name_th"
    ):
        result[pid].append((code, name))
    return result


@dataclass(frozen=True)
class Totals:
    projects: int
    active: int
    planned: Decimal
    allocated: Decimal
    disbursed: Decimal
    progress: Decimal | None
    reports_due: int
    reports_on_time: int
    reports_sent: int

    @property
    def disbursement_rate(self) -> Decimal | None:
        return percent(self.disbursed, self.allocated)

    @property
    def on_time_rate(self) -> Decimal | None:
        return percent(self.reports_on_time, self.reports_due)


def weighted_progress(facts: list[ProjectFact]) -> Decimal | None:
    active = [f for f in facts if f.is_active]
    if not active:
        return None
    weight = sum((f.allocated for f in active), ZERO)
    if weight > 0:
        return q2(sum(((f.progress or ZERO) * f.allocated for f in active), ZERO) / weight)
    return q2(sum((f.progress or ZERO for f in active), ZERO) / len(active))


def totals(facts: Iterable[ProjectFact]) -> Totals:
    rows = list(facts)
    active = [f for f in rows if f.is_active]
    return Totals(
        projects=len(rows),
        active=len(active),
        planned=sum((f.planned for f in active), ZERO),
        allocated=sum((f.allocated for f in active), ZERO),
        disbursed=sum((f.disbursed for f in active), ZERO),
        progress=weighted_progress(rows),
        reports_due=sum(f.reports_due for f in active),
        reports_on_time=sum(f.reports_on_time for f in active),
        reports_sent=sum(f.reports_sent for f in active),
    )


def group_totals(facts: Iterable[ProjectFact], key: Any) -> dict[Any, Totals]:
    groups: dict[Any, list[ProjectFact]] = defaultdict(list)
    for f in facts:
        groups[key(f)].append(f)
    return {k: totals(v) for k, v in groups.items()}
