"""Synthetic projects and monthly reports for ``gen-scale``: 3,000 projects × scale over fiscal
years 2563–2565 with 100,000 reports × scale.

Rules kept (the services' rules): report months lie within the project's dates, one report per
project and month, due date = the 5th of the following month, progress never decreases,
cumulative disbursement restarts each fiscal year and never exceeds that year's allocation,
"done" only at 100 %, a project owes reports only in reporting statuses, every sent report has
its review timeline (events) and its indicator values.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterator
from decimal import ROUND_DOWN, Decimal
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from smartprovince.agencies.models import Agency
from smartprovince.core import bulkload
from smartprovince.core.models import Area
from smartprovince.core.scale import count
from smartprovince.core.scale_names import POSITIONS, PROJECT_PATTERNS, TOPICS, full_name
from smartprovince.core.thai_calendar import add_months, fiscal_year_be, fiscal_year_range, month_end
from smartprovince.plans.models import Plan, ReferenceItem, Strategy

from .models import (
    BudgetLine,
    IndicatorResult,
    Milestone,
    ProgressReport,
    ProgressReportEvent,
    Project,
    ProjectIndicator,
)
from .rules import report_due_date
from .search import tokenize

SCALE_ORDER = 20
DATA_MODELS = ("projects.Project",)
FIRST_FY, LAST_FY = 2563, 2565
BKK = ZoneInfo("Asia/Bangkok")
CENT = Decimal("0.01")
PROJECT_CHUNK = 2000

_STATUSES = (("completed", 0.85), ("in_progress", 0.06), ("suspended", 0.04), ("cancelled", 0.03), ("approved", 0.02))
_WORK = (
    "ดำเนินการตามแผนงาน ประชุมคณะทำงานและติดตามผู้รับจ้าง",
    "จัดอบรมเจ้าหน้าที่และกลุ่มเป้าหมาย ทดสอบระบบร่วมกับผู้ใช้งาน",
    "ตรวจรับงานงวดตามสัญญา ปรับปรุงข้อมูลในระบบให้เป็นปัจจุบัน",
    "ลงพื้นที่เก็บข้อมูลและประชาสัมพันธ์โครงการ",
)
_PROBLEMS = ("", "", "", "ผู้รับจ้างส่งมอบงานล่าช้า", "สัญญาณอินเทอร์เน็ตในพื้นที่ไม่เสถียร", "ฝนตกหนัก เข้าพื้นที่ไม่ได้")
_INDICATORS = (
    ("output", "จำนวนผู้เข้ารับการอบรม", "คน", (50, 500)),
    ("output", "จำนวนระบบที่พัฒนาแล้วเสร็จ", "ระบบ", (1, 3)),
    ("output", "จำนวนชุดข้อมูลที่เผยแพร่", "ชุด", (5, 40)),
    ("outcome", "ร้อยละความพึงพอใจของผู้ใช้บริการ", "ร้อยละ", (80, 90)),
    ("outcome", "จำนวนธุรกรรมผ่านช่องทางออนไลน์", "รายการ", (1000, 50000)),
)


@lru_cache(maxsize=4096)
def _tokens(text: str) -> str:
    return " ".join(tokenize(text))


def _durations(rng: random.Random, n: int, total: int, longest: int) -> list[int]:
    """``n`` project lengths in months (1..longest) that add up to ``total`` exactly."""
    total = min(total, n * longest)
    mean = total / n
    months = [min(longest, max(1, round(rng.gauss(mean, 2.5)))) for _ in range(n)]
    diff = total - sum(months)
    while diff:
        i = rng.randrange(n)
        step = 1 if diff > 0 else -1
        if 1 <= months[i] + step <= longest:
            months[i] += step
            diff -= step
    return months


def _pick_status(rng: random.Random) -> str:
    x = rng.random()
    for status, share in _STATUSES:
        if x < share:
            return status
        x -= share
    return "completed"


def _money(low: int, high: int, rng: random.Random) -> Decimal:
    return Decimal(rng.randrange(low, high) * 1000)


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, (day.toordinal() * 7) % 60, tzinfo=BKK)


def generate(*, scale: float, rng: random.Random, stdout: Any) -> dict[str, int]:
    n_projects = count(3000, scale)
    n_reports = count(100_000, scale)
    plan = Plan.objects.filter(is_current=True).first() or Plan.objects.order_by("-fiscal_year_end_be").first()
    if plan is None:
        raise RuntimeError("ยังไม่ได้โหลดแผนจังหวัด (smartprovince loadplan)")
    strategies = list(Strategy.objects.filter(plan=plan).order_by("number").values_list("pk", flat=True))
    references = list(ReferenceItem.objects.order_by("code").values_list("pk", flat=True))
    agencies = list(Agency.objects.filter(is_active=True).order_by("code").values_list("pk", "code"))
    districts = dict(Area.objects.filter(level=Area.Level.DISTRICT).order_by("code").values_list("code", "name_th"))
    subdistricts: dict[str, list[str]] = defaultdict(list)
    for code, parent in Area.objects.filter(level=Area.Level.SUBDISTRICT).order_by("code").values_list("code", "parent_id"):
        subdistricts[parent].append(code)
    district_codes = list(districts)
    sequences: dict[tuple[int, int], int] = defaultdict(int)
    for agency_id, fy, seq in Project.objects.values_list("agency_id", "fiscal_year_be", "sequence"):
        sequences[(agency_id, fy)] = max(sequences[(agency_id, fy)], seq)

    window_start = fiscal_year_range(FIRST_FY)[0]
    window_months = 12 * (LAST_FY - FIRST_FY + 1)
    durations = _durations(rng, n_projects, n_reports, window_months)
    now = timezone.now()
    ids = {m: bulkload.next_pk(m) for m in (Project, ProgressReport, ProjectIndicator)}

    projects: list[tuple[Any, ...]] = []
    budget: list[tuple[Any, ...]] = []
    indicators: list[tuple[Any, ...]] = []
    milestones: list[tuple[Any, ...]] = []
    m2m_d: list[tuple[Any, ...]] = []
    m2m_s: list[tuple[Any, ...]] = []
    m2m_a: list[tuple[Any, ...]] = []
    plans_for_reports: list[tuple[int, dt.date, int, str, dict[int, Decimal], list[tuple[int, Decimal]]]] = []
    for i, months in enumerate(durations):
        pk = ids[Project] + i
        agency_id, agency_code = agencies[i % len(agencies)] if i < len(agencies) else rng.choice(agencies)
        offset = rng.randint(0, window_months - months)
        first_month = add_months(window_start, offset)
        start = first_month + dt.timedelta(days=rng.randint(0, 14))
        end = month_end(add_months(first_month, months - 1))
        fy, fy_end = fiscal_year_be(start), fiscal_year_be(end)
        sequences[(agency_id, fy)] += 1
        seq = sequences[(agency_id, fy)]
        code = f"{agency_code}-{fy}-{seq:03d}"
        chosen = rng.sample(district_codes, k=rng.choice((1, 1, 1, 2, 3)))
        name = rng.choice(PROJECT_PATTERNS).format(topic=rng.choice(TOPICS), district=districts[chosen[0]])
        status = _pick_status(rng)
        created = _at(start - dt.timedelta(days=rng.randint(20, 90)), 9)
        projects.append((
            pk, agency_id, rng.choice(strategies), code, seq, name,
            f"{name} เพื่อยกระดับการให้บริการและการบริหารจัดการของจังหวัดด้วยเทคโนโลยีดิจิทัล",
            "1. เพื่อพัฒนาระบบและบริการดิจิทัล\n2. เพื่อเพิ่มประสิทธิภาพการทำงานของหน่วยงาน",
            "ประชาชนและเจ้าหน้าที่ในพื้นที่ดำเนินการ", start, end, fy, fy_end, full_name(rng),
            rng.choice(POSITIONS), f"042-{rng.randrange(700000, 799999)}", "", status,
            f" {_tokens(name)} {_tokens(code)} ", created, created,
        ))
        for d in chosen:
            m2m_d.append((pk, d))
        for s in rng.sample(subdistricts[chosen[0]], k=min(len(subdistricts[chosen[0]]), rng.choice((0, 1, 2)))):
            m2m_s.append((pk, s))
        for ref in rng.sample(references, k=min(len(references), rng.choice((1, 2)))):
            m2m_a.append((pk, ref))
        allocated: dict[int, Decimal] = {}
        for year in range(fy, fy_end + 1):
            sources = ["province"] if rng.random() < 0.6 else ["agency"]
            if rng.random() < 0.2:
                sources.append("local")
            for source in sources:
                planned = _money(100, 20_000, rng)
                given = (planned * Decimal(rng.uniform(0.8, 1.0))).quantize(Decimal("1000"), rounding=ROUND_DOWN)
                allocated[year] = allocated.get(year, Decimal(0)) + given
                budget.append((pk, year, source, planned, given, ""))
        project_indicators = []
        for order, (kind, label, unit, (lo, hi)) in enumerate(rng.sample(_INDICATORS, k=2)):
            ind_pk = ids[ProjectIndicator] + len(indicators)
            target = Decimal(rng.randint(lo, hi))
            indicators.append((ind_pk, pk, kind, label, unit, target, order))
            project_indicators.append((ind_pk, target))
        for order, (label, share) in enumerate((("จัดซื้อจัดจ้าง/ลงนามสัญญา", 0.2), ("ดำเนินการตามแผน", 0.6), ("ตรวจรับและส่งมอบ", 1.0))):
            due = month_end(add_months(first_month, max(0, round(months * share) - 1)))
            done = due - dt.timedelta(days=rng.randint(0, 10)) if status == "completed" else None
            milestones.append((pk, label, due, done, order))
        plans_for_reports.append((pk, first_month, months, status, allocated, project_indicators))

    written = {
        "projects": bulkload.insert(Project, (
            "id", "agency_id", "strategy_id", "code", "sequence", "name_th", "rationale_th", "objectives_th",
            "target_group_th", "start_date", "end_date", "fiscal_year_be", "fiscal_year_end_be", "officer_name",
            "officer_position", "officer_phone", "officer_email", "status", "search_text", "created_at", "updated_at",
        ), projects, now=now),
        "project_budget_lines": bulkload.insert(
            BudgetLine, ("project_id", "fiscal_year_be", "source", "planned", "allocated", "note_th"), budget, now=now),
        "project_indicators": bulkload.insert(
            ProjectIndicator, ("id", "project_id", "kind", "name_th", "unit_th", "target", "order"), indicators, now=now),
        "project_milestones": bulkload.insert(
            Milestone, ("project_id", "name_th", "due_date", "done_date", "order"), milestones, now=now),
    }
    bulkload.insert(Project.districts.through, ("project_id", "area_id"), m2m_d, now=now)
    bulkload.insert(Project.subdistricts.through, ("project_id", "area_id"), m2m_s, now=now)
    bulkload.insert(Project.alignments.through, ("project_id", "referenceitem_id"), m2m_a, now=now)
    del projects, budget, indicators, milestones

    written.update(progress_reports=0, progress_report_events=0, indicator_results=0)
    next_report = ids[ProgressReport]
    for first in range(0, len(plans_for_reports), PROJECT_CHUNK):
        chunk = plans_for_reports[first:first + PROJECT_CHUNK]
        events: list[tuple[Any, ...]] = []
        results: list[tuple[Any, ...]] = []
        written["progress_reports"] += bulkload.insert(
            ProgressReport, REPORT_FIELDS, _reports(rng, chunk, next_report, events, results), now=now)
        next_report += sum(plan[2] for plan in chunk)
        written["progress_report_events"] += bulkload.insert(
            ProgressReportEvent, ("report_id", "action", "comment", "created_at"), events, now=now)
        written["indicator_results"] += bulkload.insert(
            IndicatorResult, ("report_id", "indicator_id", "value"), results, now=now)
    bulkload.reset_sequences(Project, ProgressReport, ProjectIndicator, BudgetLine, Milestone, ProgressReportEvent,
                             IndicatorResult)
    return written


REPORT_FIELDS = (
    "id", "project_id", "month", "fiscal_year_be", "due_date", "progress_percent", "disbursed_cumulative",
    "schedule_status", "work_done_th", "outputs_achieved_th", "problems_th", "next_month_plan_th", "status",
    "first_submitted_at", "submitted_at", "reviewed_at", "review_comment", "created_at", "updated_at",
)


def _reports(
    rng: random.Random, plans: list[Any], first_pk: int, events: list[tuple[Any, ...]],
    results: list[tuple[Any, ...]],
) -> Iterator[tuple[Any, ...]]:
    """Report rows, one per project month; fills ``events`` and ``results`` on the way."""
    pk = first_pk
    for project_id, first_month, months, status, allocated, project_indicators in plans:
        reached = 1.0 if status == "completed" else rng.uniform(0.3, 0.95)
        curve = rng.uniform(0.8, 1.6)
        progress = Decimal(0)
        fy_seen: dict[int, int] = {}
        fy_months: dict[int, int] = defaultdict(int)
        for k in range(months):
            fy_months[fiscal_year_be(add_months(first_month, k))] += 1
        spend = {fy: rng.uniform(0.85, 1.0) for fy in fy_months}
        for k in range(months):
            month = add_months(first_month, k)
            fy = fiscal_year_be(month)
            fy_seen[fy] = fy_seen.get(fy, 0) + 1
            last = k == months - 1
            target = Decimal(100 * reached * ((k + 1) / months) ** curve).quantize(CENT, rounding=ROUND_DOWN)
            progress = max(progress, min(target, Decimal(100)))
            if last and status == "completed":
                progress = Decimal(100)
            cap = allocated.get(fy, Decimal(0))
            disbursed = (cap * Decimal(spend[fy] * fy_seen[fy] / fy_months[fy])).quantize(CENT, rounding=ROUND_DOWN)
            disbursed = min(disbursed, cap)
            if progress == 100 and status == "completed" and last:
                schedule = "done"
            else:
                x = rng.random()
                schedule = "delayed" if x < 0.1 else "at_risk" if x < 0.13 else "on_plan"
            due = report_due_date(month)
            late = rng.random() < 0.15
            sent_on = due + dt.timedelta(days=rng.randint(1, 20)) if late else due - dt.timedelta(days=rng.randint(0, 4))
            first_sent = dt.datetime(sent_on.year, sent_on.month, sent_on.day, 10, k % 60, tzinfo=BKK)
            x = rng.random()
            report_status = "accepted" if x < 0.95 else "submitted" if x < 0.98 else "returned"
            events.append((pk, "submitted", "", first_sent))
            reviewed = first_sent + dt.timedelta(days=rng.randint(1, 7))
            reviewed_at, comment, sent_at = None, "", first_sent
            if report_status == "accepted":
                reviewed_at = reviewed
                events.append((pk, "accepted", "", reviewed))
            elif report_status == "returned":
                reviewed_at, comment = reviewed, "กรุณาแนบหลักฐานการเบิกจ่ายและระบุผลผลิตให้ชัดเจน"
                events.append((pk, "returned", comment, reviewed))
            for ind_pk, ind_target in project_indicators:
                results.append((pk, ind_pk, (ind_target * progress / 100).quantize(CENT, rounding=ROUND_DOWN)))
            yield (
                pk, project_id, month, fy, due, progress, disbursed, schedule, rng.choice(_WORK),
                f"ความก้าวหน้าสะสมร้อยละ {progress}", rng.choice(_PROBLEMS),
                "ดำเนินการตามแผนในเดือนถัดไป" if not last else "", report_status, first_sent, sent_at, reviewed_at,
                comment, first_sent, reviewed_at or sent_at,
            )
            pk += 1
