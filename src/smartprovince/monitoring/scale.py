"""Synthetic monitoring data for ``gen-scale``, read by the executive dashboard: indicator
snapshots for fiscal years 2563–2565 computed from the generated data by the
monitoring service itself (``measurement_snapshot``), approved reported values for the
indicators that agencies report, 600 inspection findings × scale and 300 corrective actions ×
scale on generated projects.

Runs after every other generator (``SCALE_ORDER`` 90) so the snapshots see all the data.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.db import connection
from django.utils import timezone

from smartprovince.core import bulkload
from smartprovince.core.scale import count
from smartprovince.core.thai_calendar import fiscal_year_period, quarter_range
from smartprovince.plans.models import Indicator, Plan
from smartprovince.projects.models import Project

from .models import CorrectiveAction, InspectionFinding, Measurement
from .services.measurements import measurement_snapshot

SCALE_ORDER = 90
DATA_MODELS = ("monitoring.InspectionFinding", "monitoring.CorrectiveAction")
FIRST_FY, LAST_FY = 2563, 2565

_FINDINGS = (
    "หน่วยงานดำเนินโครงการตามแผน มีการรายงานผลครบทุกเดือน",
    "การเบิกจ่ายงบประมาณต่ำกว่าแผน เนื่องจากกระบวนการจัดซื้อจัดจ้างล่าช้า",
    "ระบบพัฒนาแล้วเสร็จแต่ยังมีผู้ใช้งานน้อย ควรประชาสัมพันธ์เพิ่มเติม",
    "ข้อมูลในระบบไม่เป็นปัจจุบัน ควรกำหนดผู้รับผิดชอบปรับปรุงข้อมูล",
)
_ACTIONS = (
    ("โครงการล่าช้ากว่าแผน", "เร่งรัดผู้รับจ้างและรายงานความก้าวหน้าทุกสองสัปดาห์"),
    ("การเบิกจ่ายต่ำกว่าเป้าหมาย", "จัดทำแผนเร่งรัดการเบิกจ่ายและติดตามในที่ประชุมหัวหน้าส่วนราชการ"),
    ("ผู้ใช้บริการออนไลน์น้อยกว่าเป้าหมาย", "ประชาสัมพันธ์ผ่าน LINE OA และจัดอบรมผู้นำชุมชน"),
)


def generate(*, scale: float, rng: random.Random, stdout: Any) -> dict[str, int]:
    now = timezone.now()
    plan = Plan.objects.filter(is_current=True).order_by("-fiscal_year_start_be").first()
    written: dict[str, int] = {}
    taken = 0
    if connection.vendor == "sqlite" and scale > 1:
        # The staff indicators' correlated subqueries grow faster than the data on SQLite
        # (hours at scale 10); production runs on PostgreSQL, where they take seconds.
        if stdout is not None:
            stdout.write("  monitoring: ข้ามการคำนวณตัวชี้วัดบน SQLite ที่ scale > 1 (ใช้เวลานานเกินไป)")
    else:
        for fy in range(FIRST_FY, LAST_FY + 1):  # the fiscal-year values the dashboard reads
            taken += len(measurement_snapshot(actor=None, period=fiscal_year_period(fy), plan=plan)["taken"])
    written["indicator_snapshots"] = taken

    reported: list[tuple[Any, ...]] = []
    if plan is not None:
        indicators = Indicator.objects.filter(plan=plan, measure=Indicator.Measure.REPORTED).prefetch_related("targets")
        existing = set(Measurement.objects.filter(source=Measurement.Source.REPORTED).values_list("indicator_id", "period_key"))
        for indicator in indicators:
            targets = {t.fiscal_year_be: t.value for t in indicator.targets.all()}
            for fy in range(FIRST_FY, LAST_FY + 1):
                period = fiscal_year_period(fy)
                if (indicator.pk, period.key) in existing:
                    continue
                target = targets.get(fy) or Decimal(100)
                value = (target * Decimal(rng.uniform(0.7, 1.15))).quantize(Decimal("0.01"))
                moment = dt.datetime.combine(period.end + dt.timedelta(days=20), dt.time(10), tzinfo=dt.UTC)
                reported.append((
                    indicator.pk, period.kind, period.key, period.start, period.end, fy, value, None, None, "reported",
                    "approved", [], [], "ค่าที่หน่วยงานรายงาน (ข้อมูลจำลอง)", moment, indicator.responsible_agency_id,
                    "", "", "https://data.example.invalid/evidence", moment, moment, "",
                ))
    written["reported_measurements"] = bulkload.insert(Measurement, (
        "indicator_id", "period_kind", "period_key", "period_start", "period_end", "fiscal_year_be", "value", "numerator",
        "denominator", "source", "status", "rows", "columns", "note_th", "taken_at", "agency_id", "evidence",
        "evidence_name", "evidence_url", "submitted_at", "reviewed_at", "review_comment",
    ), reported, now=now)

    projects = list(
        Project.objects.filter(fiscal_year_be__lte=LAST_FY, fiscal_year_end_be__gte=FIRST_FY)
        .order_by("pk").values_list("pk", "agency_id", "fiscal_year_be", "fiscal_year_end_be")
    )
    if not projects:
        return written
    findings: list[tuple[Any, ...]] = []
    for _ in range(count(600, scale)):
        project_id, agency_id, fy_start, fy_end = projects[rng.randrange(len(projects))]
        fy = rng.randint(max(fy_start, FIRST_FY), min(fy_end, LAST_FY))
        round_number = rng.randint(1, 4)
        start, end = quarter_range(fy, round_number)
        findings.append((
            fy, round_number, start + dt.timedelta(days=rng.randint(0, (end - start).days)), agency_id,
            project_id if rng.random() < 0.8 else None, rng.choice(_FINDINGS), "", "", "ติดตามผลในรอบการตรวจถัดไป",
            rng.choice(list(InspectionFinding.FollowUp.values)), "", now, now,
        ))
    written["inspection_findings"] = bulkload.insert(InspectionFinding, (
        "fiscal_year_be", "round_number", "inspected_on", "agency_id", "project_id", "findings_th", "problems_th",
        "obstacles_th", "recommendations_th", "follow_up_status", "follow_up_note_th", "created_at", "updated_at",
    ), findings, now=now)

    actions: list[tuple[Any, ...]] = []
    for _ in range(count(300, scale)):
        project_id, agency_id, fy_start, fy_end = projects[rng.randrange(len(projects))]
        fy = rng.randint(max(fy_start, FIRST_FY), min(fy_end, LAST_FY))
        quarter = rng.randint(1, 4)
        due = quarter_range(fy, quarter)[1] + dt.timedelta(days=rng.randint(30, 90))
        status = rng.choice(list(CorrectiveAction.Status.values))
        problem, action = rng.choice(_ACTIONS)
        actions.append((
            None, project_id, fy, f"{fy}-Q{quarter}", problem, action, agency_id, due, status,
            "ดำเนินการแล้วเสร็จตามแผน" if status == "done" else "", due - dt.timedelta(days=5) if status == "done" else None,
            now, now,
        ))
    written["corrective_actions"] = bulkload.insert(CorrectiveAction, (
        "indicator_id", "project_id", "fiscal_year_be", "period_key", "problem_th", "action_th", "owner_agency_id",
        "due_date", "status", "result_th", "closed_on", "created_at", "updated_at",
    ), actions, now=now)
    bulkload.reset_sequences(Measurement, InspectionFinding, CorrectiveAction)
    return written
