"""Everything the executive dashboard and the executive reports show for one period, in a fixed
number of queries whatever the number of projects."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.http import Http404
from django.utils.translation import gettext_noop

from smartprovince.core.i18n import thai_choices
from smartprovince.core.thai_calendar import (
    Period,
    fiscal_year_be,
    fiscal_year_period,
    fiscal_year_range,
    month_period,
    months_of_fiscal_year,
    quarter_period,
)
from smartprovince.plans.models import Indicator, Plan, Strategy

from .. import status as st
from ..models import CorrectiveAction
from ..projectdata import ProjectFact, Totals, group_totals, project_districts, project_facts, totals
from .indicators import IndicatorRow, indicator_rows, thresholds_get


def current_plan() -> Plan:
    plan = Plan.objects.filter(is_current=True).order_by("-fiscal_year_start_be").first()
    if plan is None:
        raise Http404
    return plan


def resolve_period(plan: Plan, *, fy: Any = None, quarter: Any = None, month: Any = None, today: dt.date) -> Period:
    """The period a filter asks for; defaults to the current fiscal year (clipped to the plan)."""
    years = plan.fiscal_years
    try:
        year = int(fy) if fy not in (None, "") else fiscal_year_be(today)
    except (TypeError, ValueError):
        year = fiscal_year_be(today)
    year = min(max(year, years[0]), years[-1])
    try:
        if month not in (None, ""):
            n = int(month)
            if 1 <= n <= 12:
                return month_period(months_of_fiscal_year(year)[n - 1])
        if quarter not in (None, ""):
            q = int(quarter)
            if 1 <= q <= 4:
                return quarter_period(year, q)
    except (TypeError, ValueError):
        pass
    return fiscal_year_period(year)


def round_period(period: Period) -> Period:
    """From the start of the fiscal year to the end of ``period`` (รอบ 3/6/9/12 เดือน)."""
    start, _ = fiscal_year_range(period.fiscal_year_be)
    return Period(start, period.end, period.kind, period.fiscal_year_be, period.number)


# The name of the row of projects without a district (code ""): stored untranslated, because the
# dashboard's summary is cached for every language; the chart translates it (the reports stay Thai).
NO_DISTRICT = gettext_noop("ทั้งจังหวัด/ไม่ระบุอำเภอ")


@dataclass
class DistrictRow:
    code: str
    name: str
    projects: int
    allocated: Decimal


class IndicatorGroups:
    """The plan's indicators of a period grouped as the dashboard and the PDCA board show them."""

    indicators: list[IndicatorRow]

    def scope(self, scope: str) -> list[IndicatorRow]:
        return [r for r in self.indicators if r.indicator.scope == scope]

    @property
    def goals(self) -> list[IndicatorRow]:
        return self.scope(Indicator.Scope.GOAL)

    @property
    def strategy_kpis(self) -> list[IndicatorRow]:
        return self.scope(Indicator.Scope.STRATEGY)

    @property
    def province_kpis(self) -> list[IndicatorRow]:
        return self.scope(Indicator.Scope.PROVINCE)

    @property
    def status_counts(self) -> dict[str, int]:
        return dict(Counter(r.status for r in self.indicators))


@dataclass
class Overview(IndicatorGroups):
    plan: Plan
    period: Period
    as_of: dt.date
    thresholds: st.Thresholds
    indicators: list[IndicatorRow]
    strategies: list[Strategy]
    facts: list[ProjectFact]
    total: Totals
    by_status: list[tuple[str, str, int]]
    by_strategy: list[tuple[Strategy, Totals]]
    by_agency: list[tuple[int, str, Totals]]
    by_district: list[DistrictRow]
    late_projects: list[ProjectFact]
    open_action_indicator_ids: set[int] = field(default_factory=set)
    open_action_project_ids: set[int] = field(default_factory=set)

    @property
    def off_track(self) -> list[IndicatorRow]:
        return [r for r in self.indicators if r.status == st.OFF_TRACK]

    @property
    def needing_action(self) -> list[dict[str, Any]]:
        """Off-track indicators and late projects; ``has_action`` False ones stand out."""
        items: list[dict[str, Any]] = [
            {"kind": "indicator", "row": r, "has_action": r.indicator.pk in self.open_action_indicator_ids}
            for r in self.off_track
        ]
        items += [
            {"kind": "project", "fact": f, "has_action": f.id in self.open_action_project_ids}
            for f in self.late_projects
        ]
        return sorted(items, key=lambda i: i["has_action"])

    def needing_action_top(self, limit: int = 15) -> list[dict[str, Any]]:
        """What the dashboard lists: indicators first, then the late projects with the least progress."""
        items = self.needing_action
        indicators = [i for i in items if i["kind"] == "indicator"]
        projects = sorted(
            (i for i in items if i["kind"] == "project"),
            key=lambda i: (i["has_action"], i["fact"].progress or 0, i["fact"].code),
        )
        return indicators + projects[: max(0, limit - len(indicators))]


def overview(*, plan: Plan, period: Period, as_of: dt.date) -> Overview:
    from smartprovince.projects.models import Project

    thresholds = thresholds_get()
    rows = indicator_rows(plan, period, thresholds=thresholds)
    strategies = list(Strategy.objects.filter(plan=plan).order_by("number"))
    facts = project_facts(round_period(period), as_of=min(as_of, _day_after(period.end)))
    # Thai whatever the request's language: the dashboard's summary built from this is cached for
    # everyone (the pages look the label up by value) and the reports are Thai documents
    status_labels = dict(thai_choices(Project.Status.choices))
    counts = Counter(f.status for f in facts)
    by_status = [(s, status_labels[s], counts.get(s, 0)) for s in status_labels]
    strat_totals = group_totals(facts, lambda f: f.strategy_id)
    agency_totals = group_totals(facts, lambda f: (f.agency_id, f.agency_name))
    by_district = _districts(facts, period.fiscal_year_be)
    late_as_of = min(as_of, period.end)
    late = [f for f in facts if f.is_late(late_as_of)]
    open_actions = CorrectiveAction.objects.filter(
        status__in=[CorrectiveAction.Status.OPEN, CorrectiveAction.Status.IN_PROGRESS]
    ).values_list("indicator_id", "project_id")
    ind_ids: set[int] = set()
    proj_ids: set[int] = set()
    for ind_id, proj_id in open_actions:
        if ind_id:
            ind_ids.add(ind_id)
        if proj_id:
            proj_ids.add(proj_id)
    return Overview(
        plan=plan, period=period, as_of=as_of, thresholds=thresholds, indicators=rows, strategies=strategies,
        facts=facts, total=totals(facts), by_status=by_status,
        by_strategy=[(s, strat_totals[s.pk]) for s in strategies if s.pk in strat_totals],
        by_agency=sorted(
            ((aid, name, t) for (aid, name), t in agency_totals.items()), key=lambda x: (-x[2].allocated, x[1])
        ),
        by_district=by_district, late_projects=late, open_action_indicator_ids=ind_ids, open_action_project_ids=proj_ids,
    )


def _day_after(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=40)  # reports of the period's last month fall due in the next month


def _districts(facts: list[ProjectFact], fiscal_year_be: int) -> list[DistrictRow]:
    from smartprovince.projects.models import Project

    active = [f for f in facts if f.is_active]
    # the projects of the fiscal year as a subquery: an IN list of thousands of ids costs more to build than to run
    places = project_districts(
        Project.objects.filter(fiscal_year_be__lte=fiscal_year_be, fiscal_year_end_be__gte=fiscal_year_be).values("pk")
    )
    rows: dict[str, DistrictRow] = {}
    for f in active:
        for code, name in places.get(f.id) or [("", NO_DISTRICT)]:
            row = rows.setdefault(code, DistrictRow(code, name, 0, Decimal(0)))
            row.projects += 1
            row.allocated += f.allocated
    return sorted(rows.values(), key=lambda r: (r.code == "", r.code))
