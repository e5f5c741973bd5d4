"""Demo monitoring data: reported province KPIs (GPP, income per head) with their review,
snapshots of every registered metric, inspection findings and corrective actions. Idempotent."""

from __future__ import annotations

import datetime as dt
import io
import random
from typing import Any

from django.contrib.auth import get_user_model

DEMO_ORDER = 90  # after agencies, users, plans and projects

REPORTED = {
    # code: {fy: (value, final status)}
    "P.K1": {2563: ("-1.20", "approved"), 2564: ("3.90", "approved"), 2565: ("2.60", "approved")},
    "P.K2": {2563: ("1.75", "approved"), 2564: ("5.30", "approved"), 2565: ("4.80", "submitted")},
}
FINDINGS = [
    ("SKN-AGRI", 2565, 1, dt.date(2022, 2, 16),
     "ระบบฐานข้อมูลเกษตรกรรายแปลงของจังหวัดยังไม่เชื่อมโยงกับระบบทะเบียนเกษตรกรของกรมส่งเสริมการเกษตร",
     "ข้อมูลซ้ำซ้อน ต้องบันทึกสองระบบ", "บุคลากรด้านเทคโนโลยีสารสนเทศมีจำนวนจำกัด",
     "ประสานศูนย์เทคโนโลยีสารสนเทศกระทรวงเกษตรฯ เพื่อใช้ API ทะเบียนเกษตรกร", "in_progress"),
    ("SKN-TOUR", 2565, 1, dt.date(2022, 2, 17),
     "แอปพลิเคชันนำเที่ยวจังหวัดมีผู้ใช้งานน้อยกว่าเป้าหมาย และข้อมูลแหล่งท่องเที่ยวบางส่วนไม่เป็นปัจจุบัน",
     "การประชาสัมพันธ์ยังไม่ทั่วถึง", "สถานการณ์โควิด-19 ทำให้นักท่องเที่ยวลดลง",
     "ประชาสัมพันธ์ผ่านเครือข่ายท่องเที่ยวชุมชน และปรับปรุงข้อมูลทุกไตรมาส", "pending"),
    ("SKN-HEALTH", 2565, 2, dt.date(2022, 6, 8),
     "ระบบนัดหมายออนไลน์ของโรงพยาบาลชุมชนเปิดใช้ครบทุกแห่งแล้ว แต่ยังไม่เชื่อมกับระบบคิวของโรงพยาบาลศูนย์",
     "", "งบประมาณปรับปรุงระบบคิวยังไม่ได้รับจัดสรร", "เสนอขอรับงบประมาณจังหวัดปี 2566", "resolved"),
]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def load_demo(*, rng: random.Random, today: dt.date, stdout: Any = None) -> None:
    from smartprovince.agencies.models import Agency
    from smartprovince.core.thai_calendar import fiscal_year_period, quarter_period
    from smartprovince.plans.models import Indicator, Plan

    from . import services
    from .models import CorrectiveAction, InspectionFinding, Measurement

    plan = Plan.objects.filter(is_current=True).order_by("-fiscal_year_start_be").first()
    User = get_user_model()
    admin = User.objects.filter(username="admin").first()
    inspector = User.objects.filter(username="inspector").first()
    if plan is None or admin is None:
        return
    stat = Agency.objects.get(code="SKN-STAT")
    reporter, _ = User.objects.get_or_create(
        username="stat", defaults={"first_name": "เจ้าหน้าที่สำนักงานสถิติจังหวัด (สาธิต)"}
    )
    if not reporter.has_usable_password():
        from smartprovince.core.demo import DEMO_PASSWORD

        reporter.set_password(DEMO_PASSWORD)
        reporter.save()
    from smartprovince.agencies.models import Membership

    Membership.objects.get_or_create(user=reporter, agency=stat, role="agency_editor")

    if not Measurement.objects.filter(source=Measurement.Source.REPORTED).exists():
        for code, years in REPORTED.items():
            indicator = Indicator.objects.get(plan=plan, code=code)
            if indicator.responsible_agency_id != stat.pk:
                services.indicator_set_responsible(actor=admin, indicator=indicator, agency=stat)
                indicator.refresh_from_db()
            for fy, (value, final) in years.items():
                m = services.measurement_report_save(
                    actor=reporter, indicator=indicator, period=fiscal_year_period(fy), value=value,
                    note_th="ข้อมูลผลิตภัณฑ์มวลรวมจังหวัด (GPP) จากสำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ คำนวณอัตราเปลี่ยนแปลงจากปีก่อน",
                    evidence=io.BytesIO(PDF), evidence_name=f"{code}-{fy}.pdf",
                )
                services.measurement_submit(actor=reporter, measurement=m)
                if final == "approved":
                    services.measurement_approve(actor=admin, measurement=m, comment="ตรวจสอบกับรายงาน สศช. แล้ว")

    for fy in plan.fiscal_years:
        for q in range(1, 5):
            period = quarter_period(fy, q)
            if period.end < today:
                services.measurement_snapshot(actor=admin, period=period, plan=plan)
        if fiscal_year_period(fy).end < today:
            services.measurement_snapshot(actor=admin, period=fiscal_year_period(fy), plan=plan)

    if inspector is not None and not InspectionFinding.objects.exists():
        for code, fy, rnd, day, findings, problems, obstacles, recs, follow in FINDINGS:
            services.finding_create(
                actor=inspector, agency=Agency.objects.get(code=code), fiscal_year_be=fy, round_number=rnd,
                inspected_on=day, findings_th=findings, problems_th=problems, obstacles_th=obstacles,
                recommendations_th=recs, follow_up_status=follow,
            )

    if not CorrectiveAction.objects.exists():
        gpp = Indicator.objects.get(plan=plan, code="P.K1")
        done = services.corrective_action_create(
            actor=admin, indicator=gpp, owner_agency=Agency.objects.get(code="SKN-PO"),
            problem_th="GPP ปี 2563 หดตัวร้อยละ 1.20 ต่ำกว่าเป้าหมายร้อยละ 5 จากผลกระทบโควิด-19",
            action_th="ขับเคลื่อนตลาดออนไลน์สินค้าเกษตรและ OTOP ผ่านแพลตฟอร์มดิจิทัลของจังหวัด",
            due_date=dt.date(2021, 9, 30), fiscal_year_be=2564, period_key="2563",
        )
        services.corrective_action_update(
            actor=admin, action=done, status=CorrectiveAction.Status.DONE,
            result_th="ผู้ประกอบการ 312 รายขายสินค้าออนไลน์ ยอดขายรวม 18.4 ล้านบาท",
        )
        from smartprovince.projects.models import Project

        late = Project.objects.filter(status="in_progress").order_by("end_date").first()
        if late is not None:
            services.corrective_action_create(
                actor=admin, project=late, owner_agency=late.agency,
                problem_th="โครงการดำเนินการล่าช้ากว่าแผน การเบิกจ่ายต่ำกว่าเป้าหมาย",
                action_th="เร่งรัดการจัดซื้อจัดจ้างและรายงานความก้าวหน้าทุกสองสัปดาห์",
                due_date=late.end_date, fiscal_year_be=late.fiscal_year_be,
            )
    if stdout:
        stdout.write("monitoring: ค่าตัวชี้วัดที่รายงาน ผลการตรวจติดตาม และมาตรการแก้ไข (สาธิต)")
