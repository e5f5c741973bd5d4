"""Test data: projects with budget and monthly reports written straight to the database
(the projects app's services are another branch's; these rows are what they would store)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from smartprovince.agencies.models import Agency
from smartprovince.plans.models import Indicator, Strategy


def make_project(
    *, agency: str = "SKN-AGRI", strategy: int = 1, fy: int = 2565, code: str, status: str = "in_progress",
    allocated: str = "100000", planned: str | None = None, start: dt.date | None = None, end: dt.date | None = None,
    districts: list[str] | None = None, name: str = "",
) -> Any:
    from smartprovince.projects.models import BudgetLine, Project

    ag = Agency.objects.get(code=agency)
    strat = Strategy.objects.get(plan__is_current=True, number=strategy)
    seq = Project.objects.filter(agency=ag, fiscal_year_be=fy).count() + 1
    project = Project.objects.create(
        agency=ag, strategy=strat, code=code, sequence=seq, name_th=name or f"โครงการทดสอบ {code}",
        start_date=start or dt.date(2021, 10, 1), end_date=end or dt.date(2022, 9, 30), fiscal_year_be=fy,
        fiscal_year_end_be=fy, officer_name="นายทดสอบ ระบบ", status=status,
    )
    BudgetLine.objects.create(
        project=project, fiscal_year_be=fy, source="province", planned=Decimal(planned or allocated), allocated=Decimal(allocated)
    )
    if districts:
        project.districts.set(districts)
    return project


def make_report(
    project: Any, month: dt.date, *, progress: str, disbursed: str = "0", sent_on: dt.date | None = None,
    status: str = "accepted", schedule: str = "on_plan", problems: str = "",
) -> Any:
    from smartprovince.monitoring.projectdata import report_due_date
    from smartprovince.projects.models import ProgressReport

    sent_at = None
    if sent_on is not None:
        sent_at = timezone.make_aware(dt.datetime.combine(sent_on, dt.time(10, 0)))
    return ProgressReport.objects.create(
        project=project, month=month, fiscal_year_be=2565 if month >= dt.date(2021, 10, 1) else 2564,
        due_date=report_due_date(month), progress_percent=Decimal(progress), disbursed_cumulative=Decimal(disbursed),
        status=status, first_submitted_at=sent_at, submitted_at=sent_at, schedule_status=schedule, problems_th=problems,
    )


def indicator(code: str) -> Indicator:
    return Indicator.objects.get(plan__is_current=True, code=code)
