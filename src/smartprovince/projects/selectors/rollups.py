"""Feeds the pure roll-ups (``projects/rollups.py``) from the database in a constant number of
queries. ``rollup_for`` and ``rollup_breakdown`` are the entry points other apps (monitoring
metrics) build on."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from django.conf import settings
from django.db.models import QuerySet, Sum
from django.utils import timezone

from smartprovince.core import dataversion
from smartprovince.core.thai_calendar import Period

from ..models import BudgetLine, ProgressReport, Project
from ..rollups import ZERO, ProjectFacts, Rollup, rollup, rollup_by
from ..rules import COUNTED_REPORT_STATUSES, DEFAULT_DUE_DAY, REPORTING_STATUSES, expected_report_months

GroupBy = Literal["strategy", "agency", "project"]


@dataclass
class ProjectLedger:
    """What the roll-ups counted for one project, for drill-down pages."""

    project_id: int
    code: str
    name_th: str
    agency_id: int
    agency_name: str
    strategy_id: int
    strategy_number: int
    status: str
    missing: list[dt.date] = field(default_factory=list)
    late: list[dt.date] = field(default_factory=list)
    on_time: list[dt.date] = field(default_factory=list)


def _due_day() -> int:
    return int(getattr(settings, "PROJECTS_REPORT_DUE_DAY", DEFAULT_DUE_DAY))


def period_projects(
    period: Period, *, agency_id: int | None = None, strategy_id: int | None = None,
    agency_ids: set[int] | None = None,
) -> QuerySet[Project]:
    qs = Project.objects.filter(start_date__lte=period.end, end_date__gte=period.start)
    if agency_ids is not None:
        qs = qs.filter(agency_id__in=agency_ids)
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    if strategy_id:
        qs = qs.filter(strategy_id=strategy_id)
    return qs


def project_facts(
    period: Period, *, as_of: dt.date | None = None, agency_id: int | None = None,
    strategy_id: int | None = None, agency_ids: set[int] | None = None,
) -> tuple[list[ProjectFacts], dict[int, ProjectLedger]]:
    """One ``ProjectFacts`` per project running in ``period`` (3 queries)."""
    as_of = as_of or timezone.localdate()
    due_day = _due_day()
    projects = period_projects(period, agency_id=agency_id, strategy_id=strategy_id, agency_ids=agency_ids)
    rows = list(projects.values(
        "id", "code", "name_th", "status", "start_date", "end_date", "agency_id", "agency__name_th",
        "strategy_id", "strategy__number",
    ).order_by("agency__name_th", "code"))
    budget: dict[int, tuple[Decimal, Decimal]] = {
        b["project_id"]: (b["p"] or ZERO, b["a"] or ZERO)
        for b in BudgetLine.objects.filter(project__in=projects, fiscal_year_be=period.fiscal_year_be)
        .order_by().values("project_id").annotate(p=Sum("planned"), a=Sum("allocated"))
    }
    reports: dict[int, list[Any]] = defaultdict(list)
    for r in (
        ProgressReport.objects.filter(project__in=projects, month__lte=period.end)
        .order_by("project_id", "month")
        .values("project_id", "month", "status", "progress_percent", "disbursed_cumulative", "fiscal_year_be",
                "first_submitted_at", "due_date")
    ):
        reports[r["project_id"]].append(r)

    facts: list[ProjectFacts] = []
    ledgers: dict[int, ProjectLedger] = {}
    for p in rows:
        pid = p["id"]
        ledger = ProjectLedger(pid, p["code"], p["name_th"], p["agency_id"], p["agency__name_th"],
                               p["strategy_id"], p["strategy__number"], p["status"])
        counted = [r for r in reports[pid] if r["status"] in COUNTED_REPORT_STATUSES]
        progress = counted[-1]["progress_percent"] if counted else None
        in_year = [r for r in counted if r["fiscal_year_be"] == period.fiscal_year_be]
        disbursed = in_year[-1]["disbursed_cumulative"] if in_year else ZERO
        by_month = {r["month"]: r for r in reports[pid]}
        due = sent = on_time = 0
        if p["status"] in REPORTING_STATUSES:
            for month in expected_report_months(start=p["start_date"], end=p["end_date"], period_start=period.start,
                                                period_end=period.end, as_of=as_of, due_day=due_day):
                due += 1
                report = by_month.get(month)
                first = report["first_submitted_at"] if report else None
                if first is None:
                    ledger.missing.append(month)
                    continue
                sent += 1
                if timezone.localdate(first) <= report["due_date"]:  # type: ignore[index]
                    on_time += 1
                    ledger.on_time.append(month)
                else:
                    ledger.late.append(month)
        planned, allocated = budget.get(pid, (ZERO, ZERO))
        facts.append(ProjectFacts(
            project_id=pid, status=p["status"], planned=planned, allocated=allocated, progress=progress,
            disbursed=disbursed, reports_due=due, reports_sent=sent, reports_on_time=on_time,
        ))
        ledgers[pid] = ledger
    return facts, ledgers


def rollup_for(
    period: Period, *, agency_id: int | None = None, strategy_id: int | None = None,
    as_of: dt.date | None = None, agency_ids: set[int] | None = None,
) -> Rollup:
    """The roll-up of every project running in ``period`` (optionally one agency or one strategy)."""
    facts, _ = project_facts(period, as_of=as_of, agency_id=agency_id, strategy_id=strategy_id, agency_ids=agency_ids)
    return rollup(facts)


def rollup_breakdown(
    period: Period, *, by: GroupBy, agency_id: int | None = None, strategy_id: int | None = None,
    as_of: dt.date | None = None, agency_ids: set[int] | None = None,
) -> list[dict[str, Any]]:
    """Roll-ups per strategy, agency or project: ``[{"key", "label", "rollup", "ledgers"}]``."""
    facts, ledgers = project_facts(period, as_of=as_of, agency_id=agency_id, strategy_id=strategy_id,
                                   agency_ids=agency_ids)
    return _breakdown(facts, ledgers, by)


def _breakdown(facts: list[ProjectFacts], ledgers: dict[int, ProjectLedger], by: GroupBy) -> list[dict[str, Any]]:
    key_of: dict[int, Any]
    if by == "strategy":
        key_of = {pid: (lg.strategy_number, lg.strategy_id) for pid, lg in ledgers.items()}
    elif by == "agency":
        key_of = {pid: (lg.agency_name, lg.agency_id) for pid, lg in ledgers.items()}
    else:
        key_of = {pid: (lg.code, pid) for pid, lg in ledgers.items()}
    groups = rollup_by(facts, key_of)
    members: dict[Any, list[ProjectLedger]] = defaultdict(list)
    for pid, key in key_of.items():
        members[key].append(ledgers[pid])
    result = []
    keys: list[Any] = sorted(groups, key=lambda k: k[0])  # type: ignore[index]
    for key in keys:
        first = members[key][0]
        label = {
            "strategy": f"ยุทธศาสตร์ที่ {first.strategy_number}",
            "agency": first.agency_name,
            "project": f"{first.code} {first.name_th}",
        }[by]
        result.append({"key": key[1], "label": label, "rollup": groups[key], "ledgers": members[key]})  # type: ignore[index]
    return result


SUMMARY_FORMAT = 1


def summary_table(period: Period, *, by: GroupBy, as_of: dt.date,
                  agency_ids: set[int] | None) -> tuple[Rollup, list[dict[str, Any]]]:
    """The roll-up of every project of ``agency_ids`` (``None`` = all) in ``period`` and its breakdown
    ``by`` (rows without their ledgers), computed from one ``project_facts`` and cached under the
    data versions of projects, agencies and plans (strategies)."""
    scope = agency_scope_key(agency_ids)
    version = dataversion.current("projects", "agencies", "plans")
    key = f"projects:summary:{SUMMARY_FORMAT}:{period.key}:{by}:{as_of.isoformat()}:{_due_day()}:{scope}:{version}"

    def compute() -> tuple[Rollup, list[dict[str, Any]]]:
        facts, ledgers = project_facts(period, as_of=as_of, agency_ids=agency_ids)
        rows = [{k: v for k, v in row.items() if k != "ledgers"} for row in _breakdown(facts, ledgers, by)]
        return rollup(facts), rows

    result: tuple[Rollup, list[dict[str, Any]]] = dataversion.cached(key, compute)
    return result


def agency_scope_key(agency_ids: set[int] | None) -> str:
    """A short cache-key part naming a set of agencies (``all`` for no restriction)."""
    if agency_ids is None:
        return "all"
    return hashlib.sha256(",".join(map(str, sorted(agency_ids))).encode()).hexdigest()[:16]
