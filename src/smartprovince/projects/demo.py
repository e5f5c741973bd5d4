"""Demo projects for the Sakon Nakhon plan 2563–2565: about 40 projects across agencies and all
four strategies, with budget lines, milestones, indicators and monthly reports (most on time,
some late, some returned with a comment, a few missing). Idempotent: skipped when demo projects exist."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from smartprovince.agencies.models import Agency
from smartprovince.core.models import Area
from smartprovince.core.thai_calendar import fiscal_year_be, fiscal_year_range, month_start
from smartprovince.plans.models import Plan, Strategy

from .models import BudgetLine, Milestone, ProgressReport, ProgressReportEvent, Project, ProjectIndicator
from .rules import project_months, report_due_date
from .search import search_text
from .services.projects import next_project_code

DEMO_ORDER = 30

# (agency, strategy number, name, first fiscal year, years, budget in thousand baht, source)
PROJECTS: list[tuple[str, int, str, int, int, int, str]] = [
    ("SKN-PO", 1, "โครงการพัฒนาระบบศูนย์ข้อมูลกลางจังหวัดสกลนคร (Provincial Data Center)", 2563, 2, 4500, "province"),
    ("SKN-PO", 1, "โครงการเชื่อมโยงเครือข่ายสื่อสารข้อมูลความเร็วสูงระหว่างอำเภอ", 2564, 1, 2800, "province"),
    ("SKN-PO", 2, "โครงการพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ของจังหวัด", 2563, 1, 950, "province"),
    ("SKN-PO", 4, "โครงการอบรมเจ้าหน้าที่ภาครัฐด้านการใช้เทคโนโลยีดิจิทัลในการปฏิบัติงาน", 2565, 1, 600, "province"),
    ("SKN-AGRI", 3, "โครงการส่งเสริมเกษตรอัจฉริยะด้วยระบบเซนเซอร์ควบคุมการให้น้ำแปลงผัก", 2563, 2, 1800, "province_group"),
    ("SKN-AGRI", 3, "โครงการพัฒนาแพลตฟอร์มตลาดออนไลน์สินค้าเกษตรปลอดภัยจังหวัดสกลนคร", 2564, 1, 1200, "province"),
    ("SKN-AGRI", 1, "โครงการจัดทำฐานข้อมูลเกษตรกรและพื้นที่เพาะปลูกรายแปลงด้วยแผนที่ดิจิทัล", 2565, 1, 850, "agency"),
    ("SKN-AGRI", 4, "โครงการยกระดับเกษตรกรรุ่นใหม่ (Young Smart Farmer) ด้วยทักษะดิจิทัล", 2563, 1, 400, "agency"),
    ("SKN-TOUR", 3, "โครงการพัฒนาแอปพลิเคชันนำเที่ยวเมืองสกลนครและเส้นทางท่องเที่ยวชุมชน", 2563, 1, 1500, "province"),
    ("SKN-TOUR", 3, "โครงการประชาสัมพันธ์การท่องเที่ยวผ่านสื่อดิจิทัลและเทศกาลแห่ปราสาทผึ้ง", 2564, 1, 900, "province"),
    ("SKN-TOUR", 3, "โครงการระบบข้อมูลนักท่องเที่ยวและการวิเคราะห์ข้อมูลการเดินทาง", 2565, 1, 700, "province_group"),
    ("SKN-TOUR", 2, "โครงการระบบจองสนามกีฬาและสิ่งอำนวยความสะดวกออนไลน์", 2565, 1, 350, "agency"),
    ("SKN-HEALTH", 2, "โครงการพัฒนาระบบนัดหมายและคิวออนไลน์ของโรงพยาบาลชุมชน", 2563, 2, 2200, "agency"),
    ("SKN-HEALTH", 1, "โครงการเชื่อมโยงข้อมูลสุขภาพประชาชนระหว่างหน่วยบริการ (Health Data Exchange)", 2564, 2, 3100, "agency"),
    ("SKN-HEALTH", 2, "โครงการการแพทย์ทางไกล (Telemedicine) สำหรับผู้ป่วยโรคเรื้อรัง", 2565, 1, 1600, "province"),
    ("SKN-COMM", 3, "โครงการส่งเสริมผู้ประกอบการ OTOP ค้าขายออนไลน์", 2563, 1, 800, "province"),
    ("SKN-COMM", 3, "โครงการพัฒนาระบบข้อมูลราคาสินค้าเกษตรและสินค้าอุปโภคบริโภค", 2564, 1, 450, "agency"),
    ("SKN-COMM", 3, "โครงการตลาดผ้าครามสกลนครออนไลน์สู่สากล", 2565, 1, 1100, "province_group"),
    ("SKN-STAT", 1, "โครงการจัดทำบัญชีข้อมูลภาครัฐ (Data Catalog) ระดับจังหวัด", 2563, 1, 300, "agency"),
    ("SKN-STAT", 1, "โครงการพัฒนาข้อมูลสถิติจังหวัดเพื่อการตัดสินใจของผู้บริหาร (Dashboard)", 2564, 1, 500, "province"),
    ("SKN-STAT", 4, "โครงการอบรมการวิเคราะห์ข้อมูลและธรรมาภิบาลข้อมูลภาครัฐ", 2565, 1, 250, "agency"),
    ("SKN-PAO", 1, "โครงการติดตั้งอินเทอร์เน็ตไร้สายสาธารณะในพื้นที่ชุมชน", 2563, 2, 5200, "local"),
    ("SKN-PAO", 2, "โครงการระบบรับเรื่องร้องเรียนและแจ้งเหตุออนไลน์ของ อบจ.", 2564, 1, 650, "local"),
    ("SKN-PAO", 1, "โครงการกล้อง CCTV อัจฉริยะเพื่อความปลอดภัยในเขตเมือง", 2565, 1, 3800, "local"),
    ("SKN-DE", 1, "โครงการพัฒนาความมั่นคงปลอดภัยไซเบอร์ของหน่วยงานภาครัฐในจังหวัด", 2563, 1, 700, "agency"),
    ("SKN-DE", 4, "โครงการศูนย์ดิจิทัลชุมชนเพื่อพัฒนาทักษะประชาชน", 2564, 2, 1300, "agency"),
    ("SKN-DE", 1, "โครงการขับเคลื่อนเมืองอัจฉริยะสกลนคร (Smart City)", 2565, 1, 2500, "province"),
    ("SKN-CDD", 3, "โครงการพัฒนาช่องทางการตลาดดิจิทัลให้กลุ่มอาชีพและวิสาหกิจชุมชน", 2563, 1, 600, "agency"),
    ("SKN-CDD", 4, "โครงการอบรมผู้นำชุมชนด้านการใช้สื่อดิจิทัลอย่างปลอดภัย", 2564, 1, 350, "agency"),
    ("SKN-CDD", 2, "โครงการระบบฐานข้อมูลความจำเป็นพื้นฐาน (จปฐ.) ออนไลน์", 2565, 1, 420, "agency"),
    ("SKN-DOPA", 2, "โครงการบริการทะเบียนราษฎร์ออนไลน์และนัดหมายล่วงหน้า", 2563, 1, 750, "agency"),
    ("SKN-DOPA", 2, "โครงการศูนย์ดำรงธรรมดิจิทัล รับเรื่องร้องทุกข์ผ่านแอปพลิเคชัน", 2564, 1, 500, "province"),
    ("SKN-DOPA", 1, "โครงการเชื่อมโยงข้อมูลประชากรกับหน่วยงานในจังหวัดผ่านระบบกลาง", 2565, 1, 900, "province"),
    ("SKN-SNRU", 4, "โครงการพัฒนาทักษะดิจิทัลสำหรับครูและนักเรียนในจังหวัดสกลนคร", 2563, 2, 1400, "other"),
    ("SKN-SNRU", 3, "โครงการวิจัยนวัตกรรมแปรรูปผลผลิตทางการเกษตรด้วยเทคโนโลยีดิจิทัล", 2564, 1, 1250, "other"),
    ("SKN-SNRU", 4, "โครงการหลักสูตรออนไลน์ความรอบรู้ดิจิทัลสำหรับประชาชน", 2565, 1, 600, "other"),
    ("SKN-PO", 2, "โครงการพัฒนาเว็บไซต์จังหวัดและบริการข้อมูลข่าวสารแบบเปิด (Open Data)", 2564, 1, 700, "province"),
    ("SKN-AGRI", 3, "โครงการโดรนเพื่อการเกษตรและการพ่นสารชีวภัณฑ์", 2565, 1, 1900, "province_group"),
    ("SKN-TOUR", 4, "โครงการอบรมผู้ประกอบการท่องเที่ยวด้านการตลาดออนไลน์", 2563, 1, 300, "agency"),
    ("SKN-HEALTH", 4, "โครงการพัฒนาบุคลากรสาธารณสุขด้านสารสนเทศสุขภาพ", 2563, 1, 280, "agency"),
]

OFFICERS = ["นายสมชาย ศรีสกล", "นางสาวพรทิพย์ ใจงาม", "นายวีระพงษ์ ภูมิพันธ์", "นางกาญจนา แสนสุข",
            "นายธนากร พลซา", "นางสาวศิริพร บุญมา", "นายอนุชา ไชยสงคราม", "นางวิไลวรรณ ศรีวงษ์"]
PROBLEMS = ["", "", "", "การจัดซื้อจัดจ้างล่าช้ากว่าแผนเนื่องจากต้องประกาศประกวดราคาใหม่",
            "สถานการณ์โรคติดเชื้อไวรัสโคโรนา 2019 ทำให้ต้องเลื่อนการจัดอบรม",
            "สัญญาณอินเทอร์เน็ตในพื้นที่ห่างไกลไม่เสถียร"]
WORK = ["จัดประชุมคณะทำงานและจัดทำขอบเขตงาน (TOR)", "ดำเนินการจัดซื้อจัดจ้างตามระเบียบ",
        "ติดตั้งระบบและทดสอบการใช้งานในพื้นที่นำร่อง", "จัดอบรมผู้ใช้งานและเจ้าหน้าที่ที่เกี่ยวข้อง",
        "ประชาสัมพันธ์และขยายผลการใช้งานสู่กลุ่มเป้าหมาย", "ติดตามประเมินผลและสรุปรายงานผลการดำเนินงาน"]


def load_demo(*, rng: random.Random, today: dt.date, stdout: Any = None) -> None:
    if Project.objects.filter(code__startswith="SKN-PO-2563-").exists():
        return
    plan = Plan.objects.filter(is_current=True).first()
    if plan is None:
        return
    strategies = {s.number: s for s in Strategy.objects.filter(plan=plan)}
    agencies = {a.code: a for a in Agency.objects.filter(code__in={p[0] for p in PROJECTS})}
    districts = list(Area.objects.filter(level=Area.Level.DISTRICT).order_by("code"))
    User = get_user_model()
    users = {u.username: u for u in User.objects.filter(username__in=["admin", "agri", "tourism"])}
    admin = users.get("admin")
    created = 0
    for agency_code, number, name, fy, years, budget_k, source in PROJECTS:
        agency = agencies.get(agency_code)
        if agency is None or number not in strategies:
            continue
        start, _ = fiscal_year_range(fy)
        start = start + dt.timedelta(days=rng.choice([0, 14, 31]))
        end = fiscal_year_range(fy + years - 1)[1]
        code, sequence = next_project_code(agency, fiscal_year_be(start))
        editor = users.get("agri") if agency_code == "SKN-AGRI" else users.get("tourism") if agency_code == "SKN-TOUR" else None
        status = rng.choices(["completed", "in_progress", "suspended", "cancelled"], weights=[70, 20, 5, 5])[0]
        if end >= today:
            status = "in_progress"
        project = Project.objects.create(
            agency=agency, strategy=strategies[number], code=code, sequence=sequence, name_th=name,
            rationale_th=f"{name} เพื่อสนับสนุนการขับเคลื่อนแผนปฏิบัติการดิจิทัลจังหวัดสกลนคร ยุทธศาสตร์ที่ {number}",
            objectives_th="1. เพื่อยกระดับการให้บริการด้วยเทคโนโลยีดิจิทัล\n2. เพื่อเพิ่มประสิทธิภาพการทำงานของหน่วยงาน",
            target_group_th=rng.choice(["ประชาชนในจังหวัดสกลนคร", "เกษตรกรในพื้นที่นำร่อง", "เจ้าหน้าที่ภาครัฐในจังหวัด", "ผู้ประกอบการและวิสาหกิจชุมชน"]),
            start_date=start, end_date=end, fiscal_year_be=fiscal_year_be(start), fiscal_year_end_be=fiscal_year_be(end),
            officer_name=rng.choice(OFFICERS), officer_position="นักวิชาการคอมพิวเตอร์ชำนาญการ",
            officer_phone=f"042-7{rng.randint(10, 99)}-{rng.randint(100, 999)}", status=status,
            search_text=search_text(name, code), created_by=editor,
        )
        project.districts.set(rng.sample(districts, k=rng.randint(1, 4)))
        project.alignments.set(list(strategies[number].alignments.all()[:2]))
        per_year = Decimal(budget_k * 1000) / years
        for i in range(years):
            BudgetLine.objects.create(project=project, fiscal_year_be=fy + i, source=source, planned=per_year,
                                      allocated=(per_year * Decimal(rng.choice(["1", "0.95", "0.9", "0.85"]))).quantize(Decimal("1")))
        months = project_months(start, end)
        for k, label in enumerate(["จัดทำขอบเขตงานและจัดซื้อจัดจ้าง", "ดำเนินการติดตั้ง/จัดกิจกรรม", "ส่งมอบและสรุปผล"]):
            due = months[min(len(months) - 1, (k + 1) * len(months) // 3 - 1)]
            done = due + dt.timedelta(days=rng.randint(-5, 20)) if status == "completed" or due < today - dt.timedelta(days=400) else None
            Milestone.objects.create(project=project, name_th=label, due_date=due, done_date=done, order=k + 1)
        target = Decimal(rng.choice([100, 200, 500, 1000]))
        ProjectIndicator.objects.create(project=project, kind="output", name_th="จำนวนผู้ใช้งาน/ผู้รับประโยชน์", unit_th="คน", target=target, order=1)
        if status == "cancelled":
            created += 1
            continue
        _reports(project, months, rng, today, admin, editor, status, years, per_year)
        created += 1
    if stdout:
        stdout.write(f"projects: สร้างโครงการสาธิต {created} โครงการ")


def _reports(project: Project, months: list[dt.date], rng: random.Random, today: dt.date, admin: Any,
             editor: Any, status: str, years: int, per_year: Decimal) -> None:
    progress = Decimal("0")
    last_month = months[-1] if status != "suspended" else months[len(months) * 2 // 3]
    tz = timezone.get_current_timezone()
    for index, month in enumerate(months):
        if month > last_month or month >= month_start(today):
            break
        if rng.random() < 0.04:  # a missing report
            continue
        share = Decimal(index + 1) / Decimal(len(months))
        progress = min(Decimal("100"), max(progress, (share * 100 * Decimal(rng.choice(["0.85", "0.95", "1"]))).quantize(Decimal("0.01"))))
        if index == len(months) - 1 and status == "completed":
            progress = Decimal("100")
        fy = fiscal_year_be(month)
        fy_months = [m for m in months if fiscal_year_be(m) == fy]
        fy_share = Decimal(fy_months.index(month) + 1) / Decimal(len(fy_months))
        disbursed = (per_year * Decimal("0.9") * fy_share).quantize(Decimal("1"))
        due = report_due_date(month)
        late = rng.random() < 0.15
        submitted_on = due + dt.timedelta(days=rng.randint(1, 20)) if late else due - dt.timedelta(days=rng.randint(0, 4))
        submitted_at = dt.datetime.combine(submitted_on, dt.time(10, rng.randint(0, 59)), tzinfo=tz)
        schedule = "done" if progress == 100 else rng.choices(["on_plan", "delayed", "at_risk"], weights=[80, 15, 5])[0]
        returned = rng.random() < 0.08
        report = ProgressReport.objects.create(
            project=project, month=month, fiscal_year_be=fy, due_date=due, progress_percent=progress,
            disbursed_cumulative=disbursed, schedule_status=schedule,
            work_done_th=WORK[min(len(WORK) - 1, index * len(WORK) // len(months))],
            outputs_achieved_th="ผลผลิตเป็นไปตามแผน" if schedule == "on_plan" else "ผลผลิตบางส่วนล่าช้ากว่าแผน",
            problems_th=rng.choice(PROBLEMS), next_month_plan_th="ดำเนินการตามแผนงานเดือนถัดไป",
            status="returned" if returned else "accepted", first_submitted_at=submitted_at, submitted_at=submitted_at,
            submitted_by=editor, reviewed_at=submitted_at + dt.timedelta(days=2), reviewed_by=admin,
            review_comment="กรุณาระบุผลการเบิกจ่ายให้ตรงกับระบบ GFMIS และแนบภาพกิจกรรม" if returned else "",
            created_by=editor,
        )
        ProgressReportEvent.objects.create(report=report, action="submitted", actor=editor)
        ProgressReportEvent.objects.create(report=report, action="returned" if returned else "accepted",
                                           actor=admin, comment=report.review_comment)
