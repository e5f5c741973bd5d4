"""Metrics the projects data can answer (registered here because monitoring owns the roll-ups).

Any plan indicator may use these keys; the dashboard shows them as the operational picture of
the plan (progress, budget disbursement, on-time reporting).
"""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_noop

from smartprovince.core.thai_calendar import Period

from .projectdata import project_facts, totals
from .registry import MetricResult, metric

PROJECT_COLUMNS = [
    ("code", gettext_noop("รหัสโครงการ")), ("name", gettext_noop("ชื่อโครงการ")), ("agency", gettext_noop("หน่วยงาน")), ("status", gettext_noop("สถานะ")),
]


def _status_label(status: str) -> str:
    from smartprovince.projects.models import Project

    return str(dict(Project.Status.choices).get(status, status))


@metric(
    "monitoring.project_progress",
    unit_th="ร้อยละ",
    description_th="ความก้าวหน้าเฉลี่ยถ่วงน้ำหนักด้วยงบประมาณที่ได้รับจัดสรร ของโครงการที่ดำเนินการในปีงบประมาณ "
    "(ไม่นับโครงการร่างและยกเลิก) ใช้ความก้าวหน้าล่าสุดที่หน่วยงานส่งรายงานถึงสิ้นงวด",
)
def project_progress(period: Period) -> MetricResult:
    facts = [f for f in project_facts(period, as_of=timezone.localdate()) if f.is_active]
    t = totals(facts)
    rows = [
        {"code": f.code, "name": f.name_th, "agency": f.agency_name, "status": _status_label(f.status),
         "allocated": str(f.allocated), "progress": None if f.progress is None else str(f.progress)}
        for f in facts
    ]
    numerator = sum(((f.progress or Decimal(0)) * f.allocated for f in facts), Decimal(0))
    return MetricResult(
        value=t.progress, numerator=numerator if t.allocated else None, denominator=t.allocated or None, rows=rows,
        columns=[*PROJECT_COLUMNS, ("allocated", gettext_noop("งบประมาณจัดสรร (บาท)")), ("progress", gettext_noop("ความก้าวหน้า (%)"))],
    )


@metric(
    "monitoring.budget_disbursement_rate",
    unit_th="ร้อยละ",
    description_th="ผลการเบิกจ่ายสะสมล่าสุดที่รายงานในปีงบประมาณถึงสิ้นงวด ÷ งบประมาณที่ได้รับจัดสรรของปีงบประมาณ × 100",
)
def budget_disbursement_rate(period: Period) -> MetricResult:
    facts = [f for f in project_facts(period, as_of=timezone.localdate()) if f.is_active]
    t = totals(facts)
    rows = [
        {"code": f.code, "name": f.name_th, "agency": f.agency_name, "status": _status_label(f.status),
         "allocated": str(f.allocated), "disbursed": str(f.disbursed)}
        for f in facts
    ]
    return MetricResult(
        value=t.disbursement_rate, numerator=t.disbursed, denominator=t.allocated, rows=rows,
        columns=[*PROJECT_COLUMNS, ("allocated", gettext_noop("งบประมาณจัดสรร (บาท)")), ("disbursed", gettext_noop("เบิกจ่ายสะสม (บาท)"))],
    )


@metric(
    "monitoring.on_time_reporting",
    unit_th="ร้อยละ",
    description_th="จำนวนรายงานความก้าวหน้ารายเดือนที่ส่งภายในวันที่ 5 ของเดือนถัดไป ÷ จำนวนรายงานที่ถึงกำหนดส่งในงวด × 100",
)
def on_time_reporting(period: Period) -> MetricResult:
    facts = [f for f in project_facts(period, as_of=timezone.localdate()) if f.is_active and f.reports_due]
    t = totals(facts)
    rows = [
        {"code": f.code, "name": f.name_th, "agency": f.agency_name, "status": _status_label(f.status),
         "due": f.reports_due, "on_time": f.reports_on_time, "sent": f.reports_sent}
        for f in facts
    ]
    return MetricResult(
        value=t.on_time_rate, numerator=Decimal(t.reports_on_time), denominator=Decimal(t.reports_due), rows=rows,
        columns=[*PROJECT_COLUMNS, ("due", gettext_noop("รายงานที่ถึงกำหนด")), ("on_time", gettext_noop("ส่งตรงเวลา")), ("sent", gettext_noop("ส่งแล้วทั้งหมด"))],
    )
