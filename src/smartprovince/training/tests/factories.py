"""Small builders for training tests (direct model writes: the services are tested separately)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from smartprovince.agencies.models import Agency
from smartprovince.training.models import Assessment, Course, Enrolment, Person, Session, SkillFramework


def agency(code: str) -> Agency:
    return Agency.objects.get(code=code)


def person(code: str, name: str, *, started: dt.date | None = None, left: dt.date | None = None, **kw: Any) -> Person:
    return Person.objects.create(
        agency=agency(code), first_name_th=name, last_name_th="ทดสอบ", position_th="นักวิชาการ",
        personnel_type="civil_servant", started_on=started, left_on=left, is_active=left is None, **kw,
    )


def course(title: str = "การใช้งานคลาวด์", *, qualifies: bool = False, code: str = "SKN-DE") -> Course:
    return Course.objects.create(agency=agency(code), title_th=title, hours=Decimal(12), provider_th="สำนักงานจังหวัด",
                                 qualifies_for_literacy=qualifies)


def session(c: Course, start: dt.date, *, code: str = "SKN-DE", capacity: int = 30) -> Session:
    return Session.objects.create(course=c, agency=agency(code), starts_on=start, ends_on=start + dt.timedelta(days=1),
                                  place_th="ศาลากลางจังหวัด", capacity=capacity)


def completed(s: Session, p: Person) -> Enrolment:
    return Enrolment.objects.create(session=s, person=p, status="completed", completed_on=s.ends_on, score=Decimal(80))


def assessed(p: Person, on: dt.date, level: int) -> Assessment:
    from smartprovince.core.thai_calendar import fiscal_year_be

    return Assessment.objects.create(person=p, framework=SkillFramework.objects.get(code="TPQI"), assessed_on=on,
                                     fiscal_year_be=fiscal_year_be(on), overall_score=Decimal(20 * level - 5), level=level)
