"""Computed indicators of goal 4 and strategy 4 (registered in the monitoring registry)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext_noop

from smartprovince.core.thai_calendar import Period, fiscal_year_range, format_date
from smartprovince.monitoring.registry import MetricResult, metric

from . import rules, selectors

STAFF_COLUMNS = [
    ("agency", gettext_noop("หน่วยงาน")), ("registered", gettext_noop("บุคลากรในทะเบียน (คน)")), ("headcount", gettext_noop("จำนวนบุคลากรตามข้อมูลปีงบประมาณ (คน)")),
    ("numerator", gettext_noop("ผ่านเกณฑ์ (คน)")), ("denominator", gettext_noop("ฐานการคำนวณ (คน)")), ("percent", gettext_noop("ร้อยละ")),
]

LITERATE_RULE_TH = (
    "ร้อยละของบุคลากรภาครัฐที่ยังปฏิบัติงานอยู่ ณ วันสิ้นงวด ซึ่ง (1) ผลการประเมินความรู้เท่าทันดิจิทัลครั้งล่าสุด"
    "ไม่เกินวันสิ้นงวดอยู่ในระดับตั้งแต่เกณฑ์ที่จังหวัดกำหนด หรือ (2) ผ่านการอบรมหลักสูตรที่กำหนดให้นับเป็นเกณฑ์"
    "ความรู้เท่าทันดิจิทัลแล้ว (เมื่อเปิดใช้เงื่อนไขนี้) นับคนละหนึ่งครั้ง ผู้ที่พ้นจากหน่วยงานก่อนวันสิ้นงวดไม่นับ "
    "ฐานการคำนวณของแต่ละหน่วยงานคือจำนวนบุคลากรของปีงบประมาณนั้น (ถ้าบันทึกไว้) มิฉะนั้นใช้จำนวนบุคลากรในทะเบียน"
)
TRAINED_RULE_TH = (
    "ร้อยละของบุคลากรภาครัฐที่ยังปฏิบัติงานอยู่ ณ วันสิ้นงวด ซึ่งผ่านการอบรมหลักสูตรด้านดิจิทัลอย่างน้อย 1 หลักสูตร"
    "ตั้งแต่ต้นปีงบประมาณถึงวันสิ้นงวด (อบรมหลายครั้งนับเป็น 1 คน) ฐานการคำนวณเช่นเดียวกับเป้าประสงค์ที่ 4"
)
ACTIVITIES_RULE_TH = (
    "จำนวนกิจกรรมส่งเสริมความรู้ด้านเทคโนโลยีดิจิทัลแก่ประชาชนที่จัดตั้งแต่ต้นปีงบประมาณถึงวันสิ้นงวด "
    "(สะสมในปีงบประมาณ) พร้อมจำนวนผู้เข้าร่วม"
)


def _staff_metric(period: Period, measure: str) -> MetricResult:
    rows = selectors.staff_kpi_rows(on=period.end, fiscal_year_be=period.fiscal_year_be, measure=measure)
    num = sum(r["numerator"] for r in rows)
    den = sum(r["denominator"] for r in rows)
    return MetricResult(
        value=rules.percent(num, den), numerator=Decimal(num), denominator=Decimal(den),
        rows=rows, columns=STAFF_COLUMNS,
        note_th="" if den else "ยังไม่มีข้อมูลบุคลากรในปีงบประมาณนี้",
    )


@metric("training.digitally_literate_staff", unit_th="ร้อยละ", description_th=LITERATE_RULE_TH)
def digitally_literate_staff(period: Period) -> MetricResult:
    return _staff_metric(period, "literate")


@metric("training.trained_staff", unit_th="ร้อยละ", description_th=TRAINED_RULE_TH)
def trained_staff(period: Period) -> MetricResult:
    return _staff_metric(period, "trained")


@metric("training.public_activities", unit_th="กิจกรรม", description_th=ACTIVITIES_RULE_TH)
def public_activities(period: Period) -> MetricResult:
    start, _ = fiscal_year_range(period.fiscal_year_be)
    qs = selectors.activity_list(public=False).filter(held_on__gte=start, held_on__lte=period.end).order_by("held_on", "pk")
    rows = [
        {"held_on": format_date(a.held_on), "title": a.title_th, "agency": a.agency.name_th,
         "district": a.district.name_th, "target_group": a.get_target_group_display(), "participants": a.participants}
        for a in qs
    ]
    participants = qs.aggregate(n=Sum("participants"))["n"] or 0
    return MetricResult(
        value=Decimal(len(rows)), numerator=Decimal(len(rows)), rows=rows,
        columns=[("held_on", gettext_noop("วันที่จัด")), ("title", gettext_noop("กิจกรรม")), ("agency", gettext_noop("หน่วยงานผู้จัด")), ("district", gettext_noop("อำเภอ")),
                 ("target_group", gettext_noop("กลุ่มเป้าหมาย")), ("participants", gettext_noop("ผู้เข้าร่วม (คน)"))],
        note_th=f"ผู้เข้าร่วมรวม {participants:,} คน",
    )
