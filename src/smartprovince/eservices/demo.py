"""Demo data: services, channels, usage and survey responses for the demo agencies.

Addresses use the reserved ``.invalid`` domain so nobody mistakes a demo link for an official
one. Idempotent: nothing is loaded when the demo services already exist.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.utils import timezone

from smartprovince.agencies.models import Agency
from smartprovince.core import thai_calendar as tc
from smartprovince.core.models import Area

from .choices import DEFAULT_QUESTIONS, ChannelType, DigitalLevel, ServiceCategory, TimeUnit
from .models import Channel, EService, Survey, SurveyAnswer, SurveyQuestion, SurveyResponse, UsageStat
from .services.surveys import DEFAULT_INTRO

DEMO_ORDER = 40

C = ChannelType
L = DigitalLevel
# agency code → (channel types at agency level, services: (name, category, level, fee, time, unit, legal basis))
DEMO: dict[str, tuple[list[str], list[tuple[str, str, int, int, int, str, str]]]] = {
    "SKN-AGRI": (
        [C.WEBSITE, C.FACEBOOK, C.LINE_OA, C.PHONE, C.COUNTER],
        [
            ("ขึ้นทะเบียนเกษตรกรและปรับปรุงข้อมูลทะเบียนเกษตรกร", ServiceCategory.AGRICULTURE, L.FULLY_ONLINE, 0, 1, TimeUnit.WORKING_DAYS,
             "ระเบียบกระทรวงเกษตรและสหกรณ์ว่าด้วยการขึ้นทะเบียนเกษตรกร พ.ศ. 2562"),
            ("ขอรับการสนับสนุนพันธุ์พืชและปัจจัยการผลิต", ServiceCategory.AGRICULTURE, L.ONLINE_SUBMISSION, 0, 15, TimeUnit.WORKING_DAYS, ""),
            ("แจ้งความเสียหายจากภัยพิบัติด้านพืช (กษ.01)", ServiceCategory.AGRICULTURE, L.DOWNLOAD_FORM, 0, 30, TimeUnit.DAYS,
             "ระเบียบกระทรวงการคลังว่าด้วยเงินทดรองราชการเพื่อช่วยเหลือผู้ประสบภัยพิบัติกรณีฉุกเฉิน พ.ศ. 2562"),
        ],
    ),
    "SKN-TOUR": (
        [C.WEBSITE, C.FACEBOOK, C.COUNTER],
        [
            ("ขอข้อมูลแหล่งท่องเที่ยวและปฏิทินกิจกรรมจังหวัด", ServiceCategory.TOURISM, L.INFO_ONLY, 0, 15, TimeUnit.MINUTES, ""),
            ("ขอใช้สนามกีฬาและสถานที่ออกกำลังกายของราชการ", ServiceCategory.TOURISM, L.ONLINE_SUBMISSION, 200, 3, TimeUnit.WORKING_DAYS, ""),
            ("จดทะเบียนมัคคุเทศก์และผู้นำเที่ยว (รับเรื่อง)", ServiceCategory.PERMITS, L.DOWNLOAD_FORM, 200, 30, TimeUnit.DAYS,
             "พระราชบัญญัติธุรกิจนำเที่ยวและมัคคุเทศก์ พ.ศ. 2551"),
        ],
    ),
    "SKN-HEALTH": (
        [C.WEBSITE, C.FACEBOOK, C.LINE_OA, C.MOBILE_APP, C.PHONE],
        [
            ("ขออนุญาตประกอบกิจการสถานพยาบาล", ServiceCategory.PERMITS, L.ONLINE_SUBMISSION, 1000, 60, TimeUnit.DAYS,
             "พระราชบัญญัติสถานพยาบาล พ.ศ. 2541"),
            ("ขอใบอนุญาตจำหน่ายอาหารและผลิตภัณฑ์สุขภาพ", ServiceCategory.PERMITS, L.FULLY_ONLINE, 500, 30, TimeUnit.DAYS, ""),
        ],
    ),
    "SKN-COMM": (
        [C.WEBSITE, C.FACEBOOK, C.COUNTER],
        [("ขอข้อมูลราคาสินค้าเกษตรและสินค้าอุปโภคบริโภค", ServiceCategory.BUSINESS, L.INFO_ONLY, 0, 10, TimeUnit.MINUTES, "")],
    ),
    "SKN-STAT": (
        [C.WEBSITE, C.EMAIL, C.GOV_PLATFORM],
        [("ขอใช้ข้อมูลสถิติจังหวัด", ServiceCategory.INFORMATION, L.FULLY_ONLINE, 0, 3, TimeUnit.WORKING_DAYS,
          "พระราชบัญญัติสถิติ พ.ศ. 2550")],
    ),
    "SKN-PAO": (
        [C.WEBSITE, C.FACEBOOK, C.LINE_OA, C.QR_PROMPTPAY, C.COUNTER],
        [
            ("ชำระภาษีบำรุงองค์การบริหารส่วนจังหวัดจากสถานค้าปลีกน้ำมัน", ServiceCategory.TAX_FEES, L.FULLY_ONLINE, 0, 30, TimeUnit.MINUTES, ""),
            ("แจ้งเรื่องร้องเรียนร้องทุกข์", ServiceCategory.COMPLAINTS, L.ONLINE_SUBMISSION, 0, 15, TimeUnit.DAYS, ""),
        ],
    ),
    "SKN-DE": (
        [C.WEBSITE, C.FACEBOOK, C.LINE_OA, C.EMAIL],
        [("ขอคำปรึกษาด้านการใช้เทคโนโลยีดิจิทัลสำหรับชุมชน", ServiceCategory.OTHER, L.ONLINE_SUBMISSION, 0, 5, TimeUnit.WORKING_DAYS, "")],
    ),
    "SKN-CDD": (
        [C.FACEBOOK, C.PHONE, C.COUNTER],
        [("ขอรับการสนับสนุนเงินทุนโครงการแก้ไขปัญหาความยากจน (กข.คจ.)", ServiceCategory.WELFARE, L.DOWNLOAD_FORM, 0, 30, TimeUnit.DAYS, "")],
    ),
    "SKN-DOPA": (
        [C.WEBSITE, C.FACEBOOK, C.KIOSK, C.COUNTER, C.PHONE],
        [
            ("ทำบัตรประจำตัวประชาชน", ServiceCategory.REGISTRATION, L.INFO_ONLY, 0, 15, TimeUnit.MINUTES,
             "พระราชบัญญัติบัตรประจำตัวประชาชน พ.ศ. 2526"),
            ("แจ้งย้ายที่อยู่ปลายทางผ่านแอปพลิเคชัน", ServiceCategory.REGISTRATION, L.FULLY_ONLINE, 0, 1, TimeUnit.WORKING_DAYS,
             "พระราชบัญญัติการทะเบียนราษฎร พ.ศ. 2534"),
        ],
    ),
    "SKN-PO": (
        [C.WEBSITE, C.FACEBOOK, C.LINE_OA, C.PHONE],
        [("ร้องเรียนร้องทุกข์ผ่านศูนย์ดำรงธรรมจังหวัด", ServiceCategory.COMPLAINTS, L.ONLINE_SUBMISSION, 0, 15, TimeUnit.DAYS, "")],
    ),
}
SLUG: dict[str, str] = {C.WEBSITE: "www", C.FACEBOOK: "facebook", C.LINE_OA: "line", C.MOBILE_APP: "app", C.EMAIL: "email",
        C.GOV_PLATFORM: "gov", C.QR_PROMPTPAY: "pay", C.KIOSK: "kiosk"}
COMMENTS = [
    "เจ้าหน้าที่ให้บริการดีมาก อธิบายชัดเจน", "อยากให้มีที่จอดรถเพิ่ม", "ยื่นออนไลน์สะดวก ไม่ต้องเดินทาง",
    "รอคิวนานช่วงเช้า", "ขอบคุณที่ช่วยแนะนำการกรอกแบบฟอร์ม", "ควรมีป้ายบอกทางให้ชัดเจนกว่านี้",
    "ระบบออนไลน์ใช้งานง่าย แต่บางครั้งโหลดช้า", "ประทับใจการบริการ",
]


def _address(agency_code: str, channel_type: str) -> str:
    slug = agency_code.lower()
    if channel_type == C.EMAIL:
        return f"saraban@{slug}.demo.invalid"
    if channel_type == C.PHONE:
        return "0 4271 1000"
    if channel_type == C.COUNTER:
        return "ศาลากลางจังหวัดสกลนคร ชั้น 1"
    if channel_type == C.LINE_OA:
        return f"@{slug}-demo"
    return f"https://{SLUG.get(channel_type, 'www')}.{slug}.demo.invalid/"


def _score(rng: random.Random, base: float) -> int:
    return max(1, min(5, round(rng.gauss(base, 0.75))))


def load_demo(*, rng: random.Random, today: dt.date, stdout: Any = None) -> None:
    if EService.objects.filter(code="SKN-AGRI-001").exists():
        return
    agencies = {a.code: a for a in Agency.objects.filter(code__in=DEMO)}
    districts = list(Area.objects.filter(level=Area.Level.DISTRICT).values_list("code", flat=True))
    months = [tc.add_months(tc.month_start(today), -i) for i in range(6, 0, -1)]
    tz = timezone.get_current_timezone()
    n_services = n_responses = 0
    for code, (agency_channels, service_rows) in DEMO.items():
        agency = agencies.get(code)
        if agency is None:
            continue
        for ctype in agency_channels:
            Channel.objects.create(
                agency=agency, channel_type=ctype, address=_address(code, ctype), started_on=dt.date(2019 + rng.randint(0, 3), rng.randint(1, 12), 1),
                last_verified_on=today - dt.timedelta(days=rng.randint(3, 60)),
                label_th=f"{ChannelType(ctype).label} {agency.short_name_th or agency.name_th}",
            )
        for i, (name, category, level, fee, ptime, unit, legal) in enumerate(service_rows, start=1):
            service = EService.objects.create(
                agency=agency, code=f"{code}-{i:03d}", name_th=name, category=category, digital_level=level,
                description_th=f"{name} ของ{agency.name_th} ยื่นเรื่องได้ตามช่องทางที่ระบุ เอกสารตามคู่มือสำหรับประชาชน",
                fee_baht=Decimal(fee), processing_time=ptime, processing_time_unit=unit, legal_basis_th=legal,
                url=f"https://eservice.{code.lower()}.demo.invalid/{i}" if level >= L.ONLINE_SUBMISSION else "",
                launched_on=dt.date(2020 + rng.randint(0, 2), rng.randint(1, 12), 1),
            )
            n_services += 1
            if level >= L.ONLINE_SUBMISSION:
                Channel.objects.create(
                    agency=agency, service=service, channel_type=C.ESERVICE, address=service.url,
                    label_th=f"ระบบยื่นคำขอออนไลน์ {name}", started_on=service.launched_on,
                )
            stats = []
            for month in months:
                for ctype in (C.COUNTER, C.ESERVICE if level >= L.ONLINE_SUBMISSION else C.PHONE, C.LINE_OA):
                    stats.append(UsageStat(service=service, channel_type=ctype, month=month, transactions=rng.randint(5, 400)))
            UsageStat.objects.bulk_create(stats)
            if code in {"SKN-AGRI", "SKN-TOUR", "SKN-HEALTH", "SKN-DOPA", "SKN-PAO"} and i <= 2:
                n_responses += _demo_survey(rng, agency, service, today, districts, tz)
    if stdout:
        stdout.write(f"eservices: {n_services} งานบริการ · {n_responses} คำตอบแบบสำรวจ")


def _demo_survey(rng: random.Random, agency: Agency, service: EService, today: dt.date, districts: list[str], tz: Any) -> int:
    survey = Survey.objects.create(
        agency=agency, service=service, title_th=f"ความพึงพอใจต่อบริการ{service.name_th}", intro_th=DEFAULT_INTRO,
    )
    questions = SurveyQuestion.objects.bulk_create(
        SurveyQuestion(survey=survey, section=section, text_th=text, order=(k + 1) * 10)
        for k, (section, text) in enumerate(DEFAULT_QUESTIONS)
    )
    base = rng.uniform(3.6, 4.5)
    count = rng.randint(25, 60)
    responses = []
    for _ in range(count):
        moment = dt.datetime.combine(today - dt.timedelta(days=rng.randint(1, 120)), dt.time(rng.randint(8, 16), rng.randint(0, 59)), tzinfo=tz)
        responses.append(SurveyResponse(
            survey=survey, submitted_at=moment, district_id=rng.choice(districts) if districts and rng.random() < 0.6 else None,
            channel_type=rng.choice([C.COUNTER, C.COUNTER, C.ESERVICE, C.LINE_OA, ""]),
            comment=rng.choice(COMMENTS) if rng.random() < 0.25 else "", source="demo",
        ))
    created = SurveyResponse.objects.bulk_create(responses)
    answers = [
        SurveyAnswer(response=r, question=q, score=_score(rng, base))
        for r in created for q in questions if rng.random() < 0.95
    ]
    SurveyAnswer.objects.bulk_create(answers, batch_size=2000)
    return count
