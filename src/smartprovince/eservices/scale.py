"""Synthetic e-services for ``gen-scale``: 300 services × scale with their channels, monthly usage
over fiscal years 2563–2565, one satisfaction survey per service (five questions, one per
section) and 200,000 responses × scale (scores 1–5, no personal data, ``source = "scale"``)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from smartprovince.agencies.models import Agency
from smartprovince.core import bulkload
from smartprovince.core.models import Area
from smartprovince.core.scale import count
from smartprovince.core.thai_calendar import add_months, fiscal_year_range

from .choices import DEFAULT_QUESTIONS, ChannelType, DigitalLevel, ServiceCategory, TimeUnit
from .models import Channel, EService, Survey, SurveyAnswer, SurveyQuestion, SurveyResponse, UsageStat
from .services.surveys import DEFAULT_INTRO

SCALE_ORDER = 30
DATA_MODELS = ("eservices.EService", "eservices.SurveyResponse")
FIRST_FY, LAST_FY = 2563, 2565
BKK = ZoneInfo("Asia/Bangkok")
C = ChannelType
CHUNK = 50_000

_SERVICES = (
    ("ขอรับรองสำเนาเอกสาร", ServiceCategory.REGISTRATION),
    ("ขออนุญาตก่อสร้าง ดัดแปลง รื้อถอนอาคาร", ServiceCategory.PERMITS),
    ("ขึ้นทะเบียนเกษตรกร", ServiceCategory.AGRICULTURE),
    ("ขอรับเบี้ยยังชีพผู้สูงอายุ", ServiceCategory.WELFARE),
    ("ชำระภาษีที่ดินและสิ่งปลูกสร้าง", ServiceCategory.TAX_FEES),
    ("ขอข้อมูลข่าวสารของราชการ", ServiceCategory.INFORMATION),
    ("แจ้งเรื่องร้องเรียนร้องทุกข์", ServiceCategory.COMPLAINTS),
    ("ขอใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ", ServiceCategory.HEALTH),
    ("จดทะเบียนพาณิชย์", ServiceCategory.BUSINESS),
    ("ขอใช้สนามกีฬาและสถานที่ท่องเที่ยว", ServiceCategory.TOURISM),
    ("สมัครเรียนศูนย์พัฒนาเด็กเล็ก", ServiceCategory.EDUCATION),
)
_AGENCY_CHANNELS = (C.WEBSITE, C.FACEBOOK, C.LINE_OA, C.EMAIL, C.PHONE, C.COUNTER)
_COMMENTS = ("บริการรวดเร็ว ขอบคุณครับ", "เจ้าหน้าที่สุภาพ ให้คำแนะนำดี", "อยากให้มีที่จอดรถเพิ่ม",
             "ระบบออนไลน์ใช้งานง่าย", "รอคิวนานในช่วงเช้า")


def _address(slug: str, ctype: str) -> str:
    if ctype == C.EMAIL:
        return f"saraban@{slug}.example.invalid"
    if ctype == C.PHONE:
        return "0 4271 1000"
    if ctype == C.COUNTER:
        return "ศูนย์บริการประชาชน ชั้น 1"
    if ctype == C.LINE_OA:
        return f"@{slug}-scale"
    return f"https://{ctype.replace('_', '-')}.{slug}.example.invalid/"


def generate(*, scale: float, rng: random.Random, stdout: Any) -> dict[str, int]:
    n_services = count(300, scale)
    n_responses = count(200_000, scale)
    now = timezone.now()
    agencies = list(Agency.objects.filter(is_active=True).order_by("code").values_list("pk", "code"))
    districts = list(Area.objects.filter(level=Area.Level.DISTRICT).order_by("code").values_list("code", flat=True))
    taken = set(EService.objects.values_list("code", flat=True))
    per_agency: dict[int, int] = {}
    window_start, window_end = fiscal_year_range(FIRST_FY)[0], fiscal_year_range(LAST_FY)[1]
    months = [add_months(window_start, i) for i in range(12 * (LAST_FY - FIRST_FY + 1))]
    ids = {m: bulkload.next_pk(m) for m in (EService, Survey, SurveyQuestion, SurveyResponse)}

    services: list[tuple[Any, ...]] = []
    channels: list[tuple[Any, ...]] = []
    usage: list[tuple[Any, ...]] = []
    surveys: list[tuple[Any, ...]] = []
    questions: list[tuple[Any, ...]] = []
    survey_questions: list[tuple[int, list[int], float]] = []
    with_agency_channels = set()
    for i in range(n_services):
        agency_id, agency_code = agencies[i % len(agencies)]
        slug = agency_code.lower()
        if agency_id not in with_agency_channels:
            with_agency_channels.add(agency_id)
            for ctype in rng.sample(_AGENCY_CHANNELS, k=rng.randint(3, 6)):
                started = add_months(window_start, -rng.randint(0, 24))
                channels.append((agency_id, None, ctype, "", _address(slug, ctype), True, started))
        n = per_agency.get(agency_id, 0) + 1
        while f"{agency_code}-{n:03d}" in taken:
            n += 1
        per_agency[agency_id] = n
        code = f"{agency_code}-{n:03d}"
        taken.add(code)
        name, category = rng.choice(_SERVICES)
        level = rng.choice(list(DigitalLevel.values))
        launched = add_months(window_start, rng.randint(-12, 30))
        pk = ids[EService] + i
        url = f"https://eservice.{slug}.example.invalid/{n}" if level >= DigitalLevel.ONLINE_SUBMISSION else ""
        services.append((
            pk, agency_id, code, name, f"{name} ยื่นเรื่องได้ตามช่องทางที่ระบุ เอกสารตามคู่มือสำหรับประชาชน", category,
            Decimal(rng.choice((0, 0, 0, 20, 50, 100))), rng.choice((15, 30, 60, 1, 3, 7)),
            rng.choice((TimeUnit.MINUTES, TimeUnit.WORKING_DAYS)), level, url, launched, True, now, now,
        ))
        usage_types = [C.COUNTER, C.ESERVICE if url else C.PHONE]
        if url:
            channels.append((agency_id, pk, C.ESERVICE, f"ระบบยื่นคำขอออนไลน์ {name}", url, True, launched))
            usage_types.append(C.LINE_OA)
        volume = rng.randint(20, 600)
        for month in months:
            for ctype in usage_types:
                online = ctype != C.COUNTER and month >= launched
                if ctype == C.COUNTER or online:
                    usage.append((pk, ctype, month, max(1, int(volume * rng.uniform(0.5, 1.5) * (0.6 if online else 1)))))
        survey_pk = ids[Survey] + i
        surveys.append((survey_pk, agency_id, pk, f"ความพึงพอใจต่อบริการ{name}", DEFAULT_INTRO, True, now, now))
        q_ids = []
        seen_sections: set[str] = set()
        for order, (section, text) in enumerate(DEFAULT_QUESTIONS):
            if section in seen_sections:
                continue
            seen_sections.add(section)
            q_pk = ids[SurveyQuestion] + len(questions)
            questions.append((q_pk, survey_pk, section, text, (order + 1) * 10, True))
            q_ids.append(q_pk)
        survey_questions.append((survey_pk, q_ids, rng.uniform(3.4, 4.6)))

    written = {
        "eservices": bulkload.insert(EService, (
            "id", "agency_id", "code", "name_th", "description_th", "category", "fee_baht", "processing_time",
            "processing_time_unit", "digital_level", "url", "launched_on", "is_active", "created_at", "updated_at",
        ), services, now=now),
        "eservice_channels": bulkload.insert(
            Channel, ("agency_id", "service_id", "channel_type", "label_th", "address", "is_active", "started_on"),
            channels, now=now),
        "eservice_usage_stats": bulkload.insert(
            UsageStat, ("service_id", "channel_type", "month", "transactions"), usage, now=now),
        "surveys": bulkload.insert(
            Survey, ("id", "agency_id", "service_id", "title_th", "intro_th", "is_open", "created_at", "updated_at"),
            surveys, now=now),
    }
    bulkload.insert(SurveyQuestion, ("id", "survey_id", "section", "text_th", "order", "is_active"), questions, now=now)
    span_s = int((dt.datetime.combine(window_end, dt.time(16)) - dt.datetime.combine(window_start, dt.time(8))).total_seconds())
    start_at = dt.datetime.combine(window_start, dt.time(8), tzinfo=BKK)
    channel_choices = (C.COUNTER, C.COUNTER, C.ESERVICE, C.LINE_OA, C.WEBSITE, "")
    written["survey_responses"] = written["survey_answers"] = 0
    for first in range(0, n_responses, CHUNK):
        rows: list[tuple[Any, ...]] = []
        answers: list[tuple[Any, ...]] = []
        for k in range(first, min(n_responses, first + CHUNK)):
            pk = ids[SurveyResponse] + k
            survey_pk, q_ids, base = survey_questions[rng.randrange(len(survey_questions))]
            moment = start_at + dt.timedelta(seconds=rng.randrange(span_s))
            answered = [q for q in q_ids if rng.random() < 0.95] or q_ids[-1:]  # at least one score, as the form requires
            answers.extend((pk, q, max(1, min(5, round(rng.gauss(base, 0.8))))) for q in answered)
            rows.append((
                pk, survey_pk, moment, rng.choice(districts) if rng.random() < 0.6 else None, rng.choice(channel_choices),
                rng.choice(_COMMENTS) if rng.random() < 0.05 else "", None, "scale",
            ))
        written["survey_responses"] += bulkload.insert(SurveyResponse, (
            "id", "survey_id", "submitted_at", "district_id", "channel_type", "comment", "form_nonce", "source",
        ), rows, now=now)
        written["survey_answers"] += bulkload.insert(SurveyAnswer, ("response_id", "question_id", "score"), answers, now=now)
    bulkload.reset_sequences(EService, Channel, UsageStat, Survey, SurveyQuestion, SurveyResponse, SurveyAnswer)
    return written
