"""What an executive report contains, gathered once and rendered as PDF or XLSX."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from smartprovince.core.thai_calendar import (
    Period,
    cumulative_round_label,
    fiscal_year_label,
    fiscal_year_period,
    format_date,
    month_label,
    parse_period_key,
)
from smartprovince.plans.models import Plan

from ..models import CorrectiveAction, InspectionFinding, ReportArchive
from ..projectdata import SENT
from ..selectors.overview import Overview, overview, round_period


@dataclass
class ReportData:
    kind: str
    plan: Plan
    period: Period
    title_lines: list[str]
    as_of_label: str
    generated_on: dt.date
    main: Overview
    years: list[Overview] = field(default_factory=list)  # the end-of-plan evaluation: one per fiscal year
    actions: list[CorrectiveAction] = field(default_factory=list)
    findings: list[InspectionFinding] = field(default_factory=list)
    project_problems: list[dict[str, Any]] = field(default_factory=list)

    @property
    def file_stem(self) -> str:
        names = {
            "monthly": f"รายงานประจำเดือน_{month_label(self.period.start, 'short').replace(' ', '')}",
            "quarterly": f"รายงานรอบ{self.period.number * 3}เดือน_ปีงบ{self.period.fiscal_year_be}",
            "annual": f"รายงานประจำปีงบ{self.period.fiscal_year_be}",
            "final": f"รายงานประเมินผลสิ้นสุดแผน_{self.plan.fiscal_year_start_be}-{self.plan.fiscal_year_end_be}",
            "emenscr": f"eMENSCR_ความก้าวหน้าโครงการ_ปีงบ{self.period.fiscal_year_be}",
        }
        return names[self.kind]


def report_period(kind: str, period_key: str, plan: Plan) -> Period:
    """Parse and check the period a report kind needs; ``ValueError`` with a Thai message."""
    if kind == "final":
        return fiscal_year_period(plan.fiscal_year_end_be)
    period = parse_period_key(period_key)
    expected = {"monthly": "month", "quarterly": "quarter", "annual": "year", "emenscr": None}[kind]
    if expected and period.kind != expected:
        names = {"month": "เดือน (เช่น 2565-M06)", "quarter": "ไตรมาส (เช่น 2565-Q2)", "year": "ปีงบประมาณ (เช่น 2565)"}
        raise ValueError(f"รายงานประเภทนี้ต้องเลือกงวดเป็น{names[expected]}")
    if not plan.fiscal_year_start_be <= period.fiscal_year_be <= plan.fiscal_year_end_be:
        raise ValueError(f"ปีงบประมาณต้องอยู่ในช่วงของแผน ({plan.fiscal_year_start_be}–{plan.fiscal_year_end_be})")
    return period


def _title(kind: str, plan: Plan, period: Period) -> list[str]:
    head = ReportArchive.Kind(kind).label.split(" (")[0]
    if kind == "monthly":
        sub = f"ประจำเดือน{month_label(period.start, 'long')} {fiscal_year_label(period.fiscal_year_be)}"
    elif kind == "quarterly":
        sub = f"{cumulative_round_label(period.number)} (ไตรมาสที่ {period.number}) {fiscal_year_label(period.fiscal_year_be)}"
    elif kind == "final":
        sub = f"ระยะเวลาของแผน ปีงบประมาณ พ.ศ. {plan.fiscal_year_start_be}–{plan.fiscal_year_end_be}"
    else:
        sub = fiscal_year_label(period.fiscal_year_be)
    return [head, plan.title_th, sub]


def report_data(*, kind: str, plan: Plan, period: Period, today: dt.date) -> ReportData:
    main = overview(plan=plan, period=period, as_of=today)
    years: list[Overview] = []
    if kind == "final":
        years = [overview(plan=plan, period=fiscal_year_period(fy), as_of=today) for fy in plan.fiscal_years]
    fys = plan.fiscal_years if kind == "final" else [period.fiscal_year_be]
    actions = list(
        CorrectiveAction.objects.filter(fiscal_year_be__in=fys)
        .select_related("indicator", "project", "owner_agency")
        .order_by("fiscal_year_be", "due_date", "id")
    )
    findings = list(
        InspectionFinding.objects.filter(fiscal_year_be__in=fys, inspected_on__lte=period.end)
        .select_related("agency", "project", "indicator")
        .order_by("fiscal_year_be", "round_number", "inspected_on", "id")
    )
    as_of = min(today, period.end)
    return ReportData(
        kind=kind, plan=plan, period=period, title_lines=_title(kind, plan, period),
        as_of_label=f"ข้อมูล ณ {format_date(as_of, 'formal')}", generated_on=today, main=main, years=years,
        actions=actions, findings=findings,
        project_problems=_project_problems(round_period(period) if kind != "final" else None, plan, period),
    )


def _project_problems(period: Period | None, plan: Plan, last: Period, limit: int = 60) -> list[dict[str, Any]]:
    """The latest problems and help needed that projects reported in the period (one per project)."""
    from smartprovince.projects.models import ProgressReport

    qs = ProgressReport.objects.filter(status__in=SENT).exclude(problems_th="")
    if period is not None:
        qs = qs.filter(month__gte=period.start, month__lte=period.end)
    else:
        first = fiscal_year_period(plan.fiscal_year_start_be)
        qs = qs.filter(month__gte=first.start, month__lte=last.end)
    seen: set[int] = set()
    result = []
    for r in qs.select_related("project", "project__agency").order_by("-month", "project__code")[: limit * 4]:
        if r.project_id in seen:
            continue
        seen.add(r.project_id)
        result.append({
            "project": f"{r.project.code} {r.project.name_th}", "agency": r.project.agency.name_th,
            "month": month_label(r.month, "short"), "problems": r.problems_th, "help": r.help_needed_th,
        })
        if len(result) >= limit:
            break
    return result


def fmt_num(value: Decimal | int | None, digits: int = 2) -> str:
    if value is None:
        return "–"
    number = Decimal(value)
    if digits == 0 or number == number.to_integral_value():
        return f"{number:,.0f}"
    return f"{number:,.{digits}f}"
