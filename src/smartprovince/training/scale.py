"""Synthetic staff and training for ``gen-scale``: 10,000 staff × scale, courses and sessions over
fiscal years 2563–2565 with 40,000 attendance records × scale, yearly headcounts and one
digital-literacy assessment for half of the staff.

Rules kept: a session never holds more people than its capacity, one enrolment per person and
session, hours attended ≤ the course's hours, "completed" enrolments carry the session's end
date, a person who left is inactive, assessment levels follow the policy's score bands.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from decimal import Decimal
from typing import Any

from django.utils import timezone

from smartprovince.agencies.models import Agency
from smartprovince.core import bulkload
from smartprovince.core.models import Area
from smartprovince.core.scale import count
from smartprovince.core.scale_names import POSITIONS, TOPICS, person_name
from smartprovince.core.thai_calendar import fiscal_year_range

from . import rules
from .models import (
    Assessment,
    AssessmentScore,
    Course,
    Enrolment,
    HeadcountSnapshot,
    LiteracyPolicy,
    Person,
    Session,
    SkillArea,
    SkillFramework,
)
from .models.staff import JobGroup, PersonnelType, RoleLevel

SCALE_ORDER = 40
DATA_MODELS = ("training.Person", "training.Course")
FIRST_FY, LAST_FY = 2563, 2565
PER_SESSION = 40
CHUNK = 50_000


def _course_title(rng: random.Random, i: int) -> str:
    kinds = ("การใช้งานระบบสารบรรณอิเล็กทรอนิกส์", "ความมั่นคงปลอดภัยไซเบอร์เบื้องต้น", "การวิเคราะห์ข้อมูลด้วยสเปรดชีต",
             "การสร้างบริการออนไลน์สำหรับประชาชน", "ธรรมาภิบาลข้อมูลภาครัฐ", "การใช้คลาวด์และเครื่องมือทำงานร่วมกัน")
    return f"{rng.choice(kinds)} รุ่นเนื้อหาด้าน{TOPICS[i % len(TOPICS)]}"


def generate(*, scale: float, rng: random.Random, stdout: Any) -> dict[str, int]:
    n_people = count(10_000, scale)
    n_attendance = count(40_000, scale)
    n_courses = count(40, scale)
    now = timezone.now()
    agencies = list(Agency.objects.filter(is_active=True).order_by("code").values_list("pk", "code"))
    districts = list(Area.objects.filter(level=Area.Level.DISTRICT).order_by("code").values_list("code", flat=True))
    framework = SkillFramework.objects.filter(is_active=True).order_by("code", "-version").first()
    areas = list(SkillArea.objects.filter(framework=framework).order_by("order", "code").values_list("pk", flat=True))
    window_start, window_end = fiscal_year_range(FIRST_FY)[0], fiscal_year_range(LAST_FY)[1]
    ids = {m: bulkload.next_pk(m) for m in (Person, Course, Session, Assessment)}

    people = []
    agency_of: list[int] = []
    left_after = window_end + dt.timedelta(days=30)
    for i in range(n_people):
        pk = ids[Person] + i
        agency_id, agency_code = agencies[i % len(agencies)]
        title, first, last = person_name(rng)
        it = rng.random() < 0.08
        started = window_start - dt.timedelta(days=rng.randint(0, 20 * 365))
        left = left_after + dt.timedelta(days=rng.randint(0, 300)) if rng.random() < 0.05 else None
        people.append((
            pk, agency_id, title, first, last,
            "นักวิชาการคอมพิวเตอร์" if it else rng.choice(POSITIONS),
            rng.choice(list(PersonnelType.values)), JobGroup.IT if it else JobGroup.NON_IT,
            RoleLevel.OPERATIONAL if rng.random() < 0.8 else rng.choice((RoleLevel.SUPERVISOR, RoleLevel.EXECUTIVE)),
            f"staff{pk}@{agency_code.lower()}.example.invalid", started, left, left is None, now, now,
        ))
        agency_of.append(agency_id)
    written = {"staff": bulkload.insert(Person, (
        "id", "agency_id", "title_th", "first_name_th", "last_name_th", "position_th", "personnel_type", "job_group",
        "role_level", "email", "started_on", "left_on", "is_active", "created_at", "updated_at",
    ), people, now=now)}
    del people

    headcounts: list[tuple[Any, ...]] = []
    per_agency = Counter(agency_of)
    for agency_id, total in sorted(per_agency.items()):
        for fy in range(FIRST_FY, LAST_FY + 1):
            headcounts.append((agency_id, fy, total, max(0, round(total * 0.08)), {}, "registry", "", now))
    written["staff_headcounts"] = bulkload.insert(
        HeadcountSnapshot, ("agency_id", "fiscal_year_be", "total", "it_count", "by_type", "source", "note", "taken_at"),
        headcounts, now=now)

    courses, course_areas, course_hours = [], [], []
    for i in range(n_courses):
        pk = ids[Course] + i
        hours = Decimal(rng.choice((6, 12, 18, 24, 30)))
        course_hours.append(hours)
        courses.append((
            pk, agencies[i % len(agencies)][0], f"SC-{pk:05d}", _course_title(rng, i), "หลักสูตรพัฒนาทักษะดิจิทัลสำหรับบุคลากรภาครัฐ",
            hours, "ศูนย์ดิจิทัลจังหวัดสกลนคร", rng.choice(list(Course.Mode.values)), rng.random() < 0.5, True, now,
        ))
        for area in rng.sample(areas, k=min(len(areas), 2)):
            course_areas.append((pk, area))
    written["courses"] = bulkload.insert(Course, (
        "id", "agency_id", "code", "title_th", "description_th", "hours", "provider_th", "mode", "qualifies_for_literacy",
        "is_active", "created_at",
    ), courses, now=now)
    bulkload.insert(Course.areas.through, ("course_id", "skillarea_id"), course_areas, now=now)

    n_sessions = max(1, -(-n_attendance // PER_SESSION))
    sessions, session_meta = [], []
    span = (window_end - window_start).days - 10
    for i in range(n_sessions):
        pk = ids[Session] + i
        course = rng.randrange(n_courses)
        starts = window_start + dt.timedelta(days=rng.randint(0, span))
        days = max(1, int(course_hours[course] // 6))
        ends = starts + dt.timedelta(days=days - 1)
        online = rng.random() < 0.3
        sessions.append((
            pk, ids[Course] + course, agencies[rng.randrange(len(agencies))][0], f"รุ่นที่ {i + 1}", starts, ends, online,
            "" if online else "ห้องประชุมศาลากลางจังหวัดสกลนคร", "https://meet.example.invalid/room" if online else "",
            None if online else rng.choice(districts), PER_SESSION + rng.randint(0, 10), False, now,
        ))
        session_meta.append((pk, ends, course_hours[course]))
    written["training_sessions"] = bulkload.insert(Session, (
        "id", "course_id", "agency_id", "name_th", "starts_on", "ends_on", "is_online", "place_th", "online_url",
        "district_id", "capacity", "is_cancelled", "created_at",
    ), sessions, now=now)

    def enrolments() -> Any:
        left = n_attendance
        for session_pk, ends, hours in session_meta:
            take = min(PER_SESSION, left)
            left -= take
            for person in rng.sample(range(n_people), k=min(take, n_people)):
                x = rng.random()
                if x < 0.78:
                    yield (session_pk, ids[Person] + person, "completed", hours, Decimal(rng.randint(60, 100)), ends, now, now)
                elif x < 0.9:
                    attended = (hours * Decimal(rng.uniform(0.2, 0.8))).quantize(Decimal("0.1"))
                    yield (session_pk, ids[Person] + person, "incomplete", attended, None, None, now, now)
                else:
                    yield (session_pk, ids[Person] + person, "absent", Decimal(0), None, None, now, now)
    written["attendance_records"] = bulkload.insert(Enrolment, (
        "session_id", "person_id", "status", "hours_attended", "score", "completed_on", "created_at", "updated_at",
    ), enrolments(), now=now)

    written.update(literacy_assessments=0, literacy_scores=0)
    if framework is not None and areas:
        policy = LiteracyPolicy.objects.order_by("pk").first()
        bounds = policy.level_bounds if policy and policy.level_bounds else rules.DEFAULT_LEVEL_BOUNDS
        assessed = sorted(rng.sample(range(n_people), k=n_people // 2))
        for start in range(0, len(assessed), CHUNK):
            rows: list[tuple[Any, ...]] = []
            scores: list[tuple[Any, ...]] = []
            for k, person in enumerate(assessed[start:start + CHUNK], start=start):
                pk = ids[Assessment] + k
                area_scores = [Decimal(rng.randint(35, 100)) for _ in areas]
                overall = rules.overall_score(area_scores)
                day = window_end - dt.timedelta(days=rng.randint(0, 300))
                rows.append((pk, ids[Person] + person, framework.pk, day, LAST_FY, overall, rules.level_for_score(overall, bounds),
                             "แบบประเมินออนไลน์", now))
                scores.extend((pk, area, score) for area, score in zip(areas, area_scores, strict=True))
            written["literacy_assessments"] += bulkload.insert(Assessment, (
                "id", "person_id", "framework_id", "assessed_on", "fiscal_year_be", "overall_score", "level", "assessor_th",
                "created_at",
            ), rows, now=now)
            written["literacy_scores"] += bulkload.insert(
                AssessmentScore, ("assessment_id", "area_id", "score"), scores, now=now)
    bulkload.reset_sequences(Person, HeadcountSnapshot, Course, Session, Enrolment, Assessment, AssessmentScore)
    return written
