"""Services: enrolment, attendance, leaving, headcount, assessments; denied writes change nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from smartprovince.agencies.models import Agency
from smartprovince.core.models import AuditEvent
from smartprovince.training import rules
from smartprovince.training.models import Enrolment, HeadcountSnapshot, SkillFramework
from smartprovince.training.services import (
    assessment_record,
    attendance_record,
    enrolment_add,
    headcount_snapshot_take,
    person_leave,
)
from smartprovince.training.services.courses import AttendanceRow

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("score", "level"), [(0, 1), (39.99, 1), (40, 2), (59.99, 2), (60, 3), (75, 4), (89.99, 4), (90, 5), (100, 5)])
def test_level_for_score(score, level):
    assert rules.level_for_score(Decimal(str(score))) == level


@pytest.mark.parametrize(("bounds", "ok"), [([40, 60, 75, 90], True), ([40, 60, 60, 90], False), ([40, 60, 75], False), ([0, 1, 2, 3], False)])
def test_validate_level_bounds(bounds, ok):
    assert (rules.validate_level_bounds(bounds) == []) is ok


@pytest.mark.parametrize(("counts", "expected"), [
    ([rules.AgencyCount(1, 5, None, 3)], (3, 5)),
    ([rules.AgencyCount(1, 5, 20, 3)], (3, 20)),
    ([rules.AgencyCount(1, 8, 4, 6)], (4, 4)),  # capped by the snapshot
    ([rules.AgencyCount(1, 5, None, 3), rules.AgencyCount(2, 0, 10, 0)], (3, 15)),
])
def test_staff_ratio(counts, expected):
    assert rules.staff_ratio(counts) == expected


def test_enrol_own_staff_and_capacity(agri_editor, tourism_editor):
    s = f.session(f.course(), dt.date(2022, 1, 10), code="SKN-DE", capacity=2)
    a1, a2, a3 = (f.person("SKN-AGRI", n) for n in ("ก", "ข", "ค"))
    enrolment_add(actor=agri_editor, session=s, people=[a1, a2])
    with pytest.raises(ValidationError):
        enrolment_add(actor=agri_editor, session=s, people=[a3])
    with pytest.raises(PermissionDenied):  # tourism may not enrol agriculture's staff
        enrolment_add(actor=tourism_editor, session=s, people=[a3])
    assert Enrolment.objects.filter(session=s).count() == 2


def test_attendance_by_organiser_only(agri_editor, tourism_editor):
    s = f.session(f.course(), dt.date(2022, 1, 10), code="SKN-AGRI")
    p = f.person("SKN-AGRI", "ก")
    e = Enrolment.objects.create(session=s, person=p)
    before = AuditEvent.objects.count()
    with pytest.raises(PermissionDenied):
        attendance_record(actor=tourism_editor, session=s, rows=[AttendanceRow(e.pk, "completed")])
    with pytest.raises(ValidationError):
        attendance_record(actor=agri_editor, session=s, rows=[AttendanceRow(e.pk, "completed", score=Decimal(120))])
    e.refresh_from_db()
    assert e.status == "enrolled" and AuditEvent.objects.count() == before
    assert attendance_record(actor=agri_editor, session=s, rows=[AttendanceRow(e.pk, "completed", Decimal(12), Decimal(88))]) == 1
    e.refresh_from_db()
    assert (e.status, e.completed_on, e.score) == ("completed", dt.date(2022, 1, 11), Decimal(88))


def test_leave_and_headcount(agri_editor):
    agri = Agency.objects.get(code="SKN-AGRI")
    p1, _ = f.person("SKN-AGRI", "ก", job_group="it"), f.person("SKN-AGRI", "ข")
    person_leave(actor=agri_editor, person=p1, left_on=dt.date(2022, 5, 1))
    with pytest.raises(ValidationError):
        person_leave(actor=agri_editor, person=p1, left_on=dt.date(2022, 6, 1))
    snap = headcount_snapshot_take(actor=agri_editor, agency=agri, fiscal_year_be=2565, today=dt.date(2022, 3, 1))
    assert (snap.total, snap.it_count) == (2, 1)  # p1 still on staff on 1 Mar 2022
    snap = headcount_snapshot_take(actor=agri_editor, agency=agri, fiscal_year_be=2565, today=dt.date(2023, 1, 1))
    assert (snap.total, snap.it_count) == (1, 0)  # year end: p1 gone
    assert HeadcountSnapshot.objects.count() == 1


def test_assessment_level_and_replace(agri_editor, tourism_editor):
    p = f.person("SKN-AGRI", "ก")
    fw = SkillFramework.objects.get(code="TPQI")
    a1, a2 = fw.areas.order_by("order")[:2]
    a = assessment_record(actor=agri_editor, person=p, framework=fw, assessed_on=dt.date(2022, 2, 1),
                          scores={a1.pk: "70", a2.pk: "81"})
    assert (a.fiscal_year_be, a.overall_score, a.level) == (2565, Decimal("75.50"), 4)
    a = assessment_record(actor=agri_editor, person=p, framework=fw, assessed_on=dt.date(2022, 8, 1), scores={a1.pk: 50})
    assert (a.overall_score, a.level, a.scores.count()) == (Decimal("50.00"), 2, 1)
    with pytest.raises(ValidationError):
        assessment_record(actor=agri_editor, person=p, framework=fw, assessed_on=dt.date(2022, 8, 1), scores={a1.pk: 101})
    with pytest.raises(PermissionDenied):
        assessment_record(actor=tourism_editor, person=p, framework=fw, assessed_on=dt.date(2022, 8, 1), scores={a1.pk: 90})
    a.refresh_from_db()
    assert a.overall_score == Decimal("50.00")
