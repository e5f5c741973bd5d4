"""Demo data: staff of the demo agencies, courses, sessions with results, assessments and
public activities (realistic Thai data; idempotent)."""

from __future__ import annotations

import datetime as dt
import random
import secrets
from decimal import Decimal
from typing import Any

from smartprovince.agencies.models import Agency
from smartprovince.core.thai_calendar import be_year, fiscal_year_be

from . import rules
from .frameworks_data import frameworks_seed
from .models import (
    Assessment,
    AssessmentScore,
    Certificate,
    Course,
    Enrolment,
    HeadcountSnapshot,
    Person,
    PublicActivity,
    Session,
    SkillArea,
    SkillFramework,
)

DEMO_ORDER = 60
AGENCIES = {"SKN-AGRI": 24, "SKN-TOUR": 14, "SKN-HEALTH": 30, "SKN-COMM": 12, "SKN-STAT": 10, "SKN-PAO": 28,
            "SKN-DE": 12, "SKN-CDD": 16, "SKN-DOPA": 20, "SKN-PO": 26}
FIRST = ["สมชาย", "สมหญิง", "วิชัย", "กนกวรรณ", "ประเสริฐ", "จันทร์เพ็ญ", "อนุชา", "สุภาพร", "ธนากร", "พิมพ์ชนก",
         "ศักดิ์ชัย", "วราภรณ์", "ณัฐพล", "อรุณี", "กิตติศักดิ์", "รัตนา", "ชัยวัฒน์", "นงลักษณ์", "สุริยา", "ปิยะนุช"]
LAST = ["ศรีสกล", "ภูพาน", "หนองหาร", "แสงทอง", "บุญมา", "คำแก้ว", "พรหมวงศ์", "ทองดี", "จันทร์หอม", "วงศ์สุวรรณ",
        "สุขเจริญ", "ไชยมงคล", "พิมพ์ทอง", "อินทร์แก้ว"]
POSITIONS = [("นักวิชาการคอมพิวเตอร์ปฏิบัติการ", "it", "civil_servant", "operational"),
             ("นักวิเคราะห์นโยบายและแผนชำนาญการ", "non_it", "civil_servant", "operational"),
             ("เจ้าพนักงานธุรการปฏิบัติงาน", "non_it", "civil_servant", "operational"),
             ("นักวิชาการเกษตรชำนาญการ", "non_it", "civil_servant", "operational"),
             ("เจ้าหน้าที่บันทึกข้อมูล", "non_it", "government_employee", "operational"),
             ("เจ้าพนักงานคอมพิวเตอร์", "it", "government_employee", "operational"),
             ("พนักงานขับรถยนต์", "non_it", "employee", "operational"),
             ("หัวหน้ากลุ่มงานยุทธศาสตร์และสารสนเทศ", "non_it", "civil_servant", "supervisor"),
             ("ผู้อำนวยการส่วน", "non_it", "civil_servant", "supervisor"),
             ("หัวหน้าส่วนราชการ", "non_it", "civil_servant", "executive")]
COURSES = [
    ("DEMO-DL01", "การรู้ดิจิทัลสำหรับบุคลากรภาครัฐ (Digital Literacy)", 12, "สำนักงาน ก.พ. (OCSC Learning Portal)", "self_paced", True, ["DLIT"]),
    ("DEMO-DG01", "ธรรมาภิบาลข้อมูลและ พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล", 6, "สำนักงานจังหวัดสกลนคร", "onsite", False, ["DGOV", "DATA"]),
    ("DEMO-CS01", "ความมั่นคงปลอดภัยไซเบอร์สำหรับผู้ปฏิบัติงาน", 6, "สำนักงานสถิติจังหวัดสกลนคร", "hybrid", False, ["CYBER"]),
    ("DEMO-DS01", "การออกแบบบริการดิจิทัลสำหรับประชาชน", 12, "สำนักงานพัฒนารัฐบาลดิจิทัล (DGA)", "online", True, ["DSERV"]),
    ("DEMO-DA01", "การวิเคราะห์และนำเสนอข้อมูลด้วย Dashboard", 18, "มหาวิทยาลัยราชภัฏสกลนคร", "onsite", False, ["DATA", "DTECH"]),
]
ACTIVITIES = [
    ("อบรมผู้สูงอายุใช้แอปพลิเคชันเป๋าตังและหมอพร้อม", "elderly", "การใช้แอปพลิเคชันเป๋าตัง\nการนัดหมายผ่านหมอพร้อม\nการป้องกันมิจฉาชีพออนไลน์"),
    ("ค่ายเยาวชนรู้ทันสื่อดิจิทัล", "youth", "การตรวจสอบข่าวปลอม\nความปลอดภัยบนสื่อสังคมออนไลน์"),
    ("เกษตรกรขายผลผลิตออนไลน์", "farmers", "การเปิดร้านค้าออนไลน์\nการถ่ายภาพสินค้าด้วยโทรศัพท์\nการรับชำระเงินผ่าน QR"),
    ("วิสาหกิจชุมชนสู่ตลาดดิจิทัล", "entrepreneurs", "การตลาดบนสื่อสังคมออนไลน์\nการทำบัญชีด้วยแอปพลิเคชัน"),
    ("อาสาสมัครดิจิทัลชุมชน (อสด.)", "community_leaders", "การให้คำแนะนำบริการภาครัฐออนไลน์\nการใช้ระบบ e-Service ของจังหวัด"),
    ("รู้ทันภัยไซเบอร์สำหรับประชาชน", "general", "แก๊งคอลเซ็นเตอร์\nการตั้งรหัสผ่านที่ปลอดภัย"),
]


def load_demo(*, rng: random.Random, today: dt.date, stdout: Any = None) -> None:
    if Course.objects.filter(code="DEMO-DL01").exists():
        return
    frameworks_seed(SkillFramework, SkillArea)
    agencies = {a.code: a for a in Agency.objects.filter(code__in=[*AGENCIES, "SKN-SNRU"])}
    fy = fiscal_year_be(today)
    fy_start = dt.date(today.year - (0 if today.month >= 10 else 1), 10, 1)
    people: list[Person] = []
    for code, n in AGENCIES.items():
        agency = agencies.get(code)
        if agency is None:
            continue
        for i in range(n):
            title, pos = rng.choice(["นาย", "นาง", "นางสาว"]), POSITIONS[min(i, len(POSITIONS) - 1) if i < 3 else rng.randrange(len(POSITIONS) - 2)]
            left = today - dt.timedelta(days=rng.randint(10, 200)) if i == n - 1 else None
            people.append(Person.objects.create(
                agency=agency, title_th=title, first_name_th=rng.choice(FIRST), last_name_th=f"{rng.choice(LAST)}{i + 1 if i > 12 else ''}",
                position_th=pos[0], job_group=pos[1], personnel_type=pos[2], role_level=pos[3],
                started_on=dt.date(rng.randint(2005, 2020), rng.randint(1, 12), 1), left_on=left, is_active=left is None,
            ))
        HeadcountSnapshot.objects.get_or_create(agency=agency, fiscal_year_be=fy,
                                                defaults={"total": n + rng.randint(2, 10), "source": "manual",
                                                          "note": "ข้อมูลจากงานการเจ้าหน้าที่ (สาธิต)"})
    tpqi = SkillFramework.objects.get(code="TPQI", version="2567")
    areas = {a.code: a for a in tpqi.areas.all()}
    organiser = agencies.get("SKN-PO") or next(iter(agencies.values()))
    for code, title, hours, provider, mode, qualifies, area_codes in COURSES:
        course = Course.objects.create(agency=organiser, code=code, title_th=title, hours=Decimal(hours), provider_th=provider,
                                       mode=mode, qualifies_for_literacy=qualifies)
        course.areas.set([areas[c] for c in area_codes if c in areas])
        for k in range(2):
            start = fy_start + dt.timedelta(days=rng.randint(20, max(21, (today - fy_start).days - 5)))
            start = min(start, today - dt.timedelta(days=3)) if k == 0 else start
            session_agency = agencies.get(rng.choice(["SKN-PO", "SKN-DE", "SKN-AGRI", "SKN-STAT"])) or organiser
            s = Session.objects.create(course=course, agency=session_agency, name_th=f"รุ่นที่ {k + 1}/{fy}", starts_on=start,
                                       ends_on=start + dt.timedelta(days=1), is_online=mode in ("online", "self_paced"),
                                       online_url="https://learn.ocsc.go.th/" if mode in ("online", "self_paced") else "",
                                       place_th="" if mode in ("online", "self_paced") else "ห้องประชุมศาลากลางจังหวัดสกลนคร",
                                       capacity=40)
            done = s.ends_on < today
            for p in rng.sample([p for p in people if p.is_active], 25):
                status = rng.choices(["completed", "incomplete", "absent"], [8, 1, 1])[0] if done else "enrolled"
                e = Enrolment.objects.create(session=s, person=p, status=status,
                                             score=Decimal(rng.randint(60, 98)) if status == "completed" else None,
                                             completed_on=s.ends_on if status == "completed" else None)
                if status == "completed" and rng.random() < 0.5:
                    n = Certificate.objects.filter(number__startswith=f"{s.agency.code}-{be_year(s.ends_on.year)}-").count() + 1
                    Certificate.objects.create(enrolment=e, number=f"{s.agency.code}-{be_year(s.ends_on.year)}-{n:05d}",
                                               token=secrets.token_urlsafe(24), holder_name=p.full_name,
                                               course_title=course.title_th, completed_on=s.ends_on)
    for p in rng.sample(people, len(people) // 2):
        scores = {a: Decimal(rng.randint(35, 95)) for a in list(areas.values())[:3]}
        overall = rules.overall_score(scores.values())
        on = min(today, fy_start + dt.timedelta(days=rng.randint(30, 200)))
        a = Assessment.objects.create(person=p, framework=tpqi, assessed_on=on, fiscal_year_be=fiscal_year_be(on),
                                      overall_score=overall, level=rules.level_for_score(overall))
        AssessmentScore.objects.bulk_create([AssessmentScore(assessment=a, area=k, score=v) for k, v in scores.items()])
    districts = ["4701", "4702", "4704", "4707", "4709", "4711", "4712", "4713", "4716", "4718"]
    for k in range(14):
        title, group, topics = ACTIVITIES[k % len(ACTIVITIES)]
        held = fy_start + dt.timedelta(days=rng.randint(0, max(1, (today - fy_start).days)))
        agency = agencies.get(rng.choice(["SKN-DE", "SKN-CDD", "SKN-AGRI", "SKN-PAO", "SKN-COMM"])) or organiser
        PublicActivity.objects.create(agency=agency, title_th=f"{title} ครั้งที่ {k // len(ACTIVITIES) + 1}", held_on=held,
                                      district_id=rng.choice(districts), place_th="ศาลาประชาคมหมู่บ้าน", target_group=group,
                                      participants=rng.randint(25, 120), topics_th=topics)
    if stdout:
        stdout.write(f"training: {len(people)} บุคลากร, {len(COURSES)} หลักสูตร, 14 กิจกรรม\n")
