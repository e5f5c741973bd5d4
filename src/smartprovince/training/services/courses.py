"""Courses, sessions, enrolment, attendance and certificates."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from smartprovince.agencies.models import Agency
from smartprovince.core.audit import audit_log, diff, snapshot
from smartprovince.core.permissions import has_perm, require
from smartprovince.core.thai_calendar import be_year

from ..errors import TrainingErrorCode, msg
from ..models import Certificate, Course, Enrolment, Person, Session, SkillArea

COURSE_FIELDS = ("code", "title_th", "description_th", "hours", "provider_th", "mode", "qualifies_for_literacy", "is_active")
SESSION_FIELDS = ("name_th", "starts_on", "ends_on", "is_online", "place_th", "online_url", "district_id", "capacity", "is_cancelled")


@transaction.atomic
def course_create(*, actor: Any, agency: Agency, areas: Iterable[SkillArea] = (), **data: Any) -> Course:
    """Add a course owned by ``agency``."""
    require(actor, "training.course:write", agency.pk)
    course = Course(agency=agency, **{k: v for k, v in data.items() if k in COURSE_FIELDS})
    _course_validate(course)
    course.save()
    course.areas.set(list(areas))
    audit_log(actor=actor, action="training.course.created", obj=course,
              changes=snapshot(course, COURSE_FIELDS) | {"areas": sorted(a.pk for a in areas)})
    return course


@transaction.atomic
def course_update(*, actor: Any, course: Course, areas: Iterable[SkillArea] | None = None, **data: Any) -> Course:
    require(actor, "training.course:write", course.agency_id)
    before = snapshot(course, COURSE_FIELDS) | {"areas": sorted(course.areas.values_list("pk", flat=True))}
    for key, value in data.items():
        if key in COURSE_FIELDS:
            setattr(course, key, value)
    _course_validate(course)
    course.save()
    if areas is not None:
        course.areas.set(list(areas))
    after = snapshot(course, COURSE_FIELDS) | {"areas": sorted(course.areas.values_list("pk", flat=True))}
    changes = diff(before, after)
    if changes:
        audit_log(actor=actor, action="training.course.updated", obj=course, changes=changes)
    return course


def _course_validate(course: Course) -> None:
    course.full_clean(exclude=["agency"])
    if course.hours is not None and course.hours <= 0:
        raise ValidationError({"hours": gettext("จำนวนชั่วโมงต้องมากกว่า 0")})


def _session_validate(session: Session) -> None:
    session.full_clean(exclude=["agency", "course"])
    errors: dict[str, str] = {}
    if session.ends_on < session.starts_on:
        errors["ends_on"] = gettext("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม")
    if session.is_online and not session.online_url and session.course.mode != Course.Mode.SELF_PACED:
        errors["online_url"] = msg(TrainingErrorCode.ONLINE_NEEDS_URL)
    if not session.is_online and not session.place_th.strip():
        errors["place_th"] = msg(TrainingErrorCode.ONSITE_NEEDS_PLACE)
    if session.district_id and len(session.district_id) != 4:
        errors["district"] = msg(TrainingErrorCode.NOT_A_DISTRICT)
    if session.capacity is not None and session.capacity <= 0:
        errors["capacity"] = gettext("จำนวนที่รับต้องมากกว่า 0")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def session_create(*, actor: Any, course: Course, agency: Agency, **data: Any) -> Session:
    """Open a session (รุ่น) of ``course`` organised by ``agency`` (any agency may run any course)."""
    require(actor, "training.course:write", agency.pk)
    fields = {k: v for k, v in data.items() if k in SESSION_FIELDS or k == "district"}
    session = Session(course=course, agency=agency, **fields)
    _session_validate(session)
    session.save()
    audit_log(actor=actor, action="training.session.created", obj=session,
              changes=snapshot(session, SESSION_FIELDS) | {"course": course.pk})
    return session


@transaction.atomic
def session_update(*, actor: Any, session: Session, **data: Any) -> Session:
    require(actor, "training.course:write", session.agency_id)
    before = snapshot(session, SESSION_FIELDS)
    for key, value in data.items():
        if key in SESSION_FIELDS or key == "district":
            setattr(session, key, value)
    _session_validate(session)
    if session.capacity < session.enrolments.count():
        raise ValidationError({"capacity": gettext("จำนวนที่รับต้องไม่น้อยกว่าจำนวนผู้ลงทะเบียนแล้ว")})
    session.save()
    changes = diff(before, snapshot(session, SESSION_FIELDS))
    if changes:
        audit_log(actor=actor, action="training.session.updated", obj=session, changes=changes)
    return session


@transaction.atomic
def enrolment_add(*, actor: Any, session: Session, people: Sequence[Person]) -> list[Enrolment]:
    """Enrol people in a session. An editor enrols the staff of their own agency (nomination);
    the organising agency's editor may enrol anyone. All or nothing."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    organiser = has_perm(actor, "training.attendance:write", session.agency_id)
    for person in people:
        if not organiser and not has_perm(actor, "training.attendance:write", person.agency_id):
            raise PermissionDenied("training.attendance:write")
    if session.is_cancelled:
        raise ValidationError(msg(TrainingErrorCode.SESSION_CANCELLED), code=TrainingErrorCode.SESSION_CANCELLED)
    taken = set(session.enrolments.values_list("person_id", flat=True))
    errors = []
    for person in people:
        if person.pk in taken:
            errors.append(f"{person.full_name}: {msg(TrainingErrorCode.ALREADY_ENROLLED)}")
        elif not person.is_active:
            errors.append(f"{person.full_name}: {msg(TrainingErrorCode.PERSON_INACTIVE)}")
    if errors:
        raise ValidationError(errors, code=TrainingErrorCode.ALREADY_ENROLLED)
    if len(taken) + len(people) > session.capacity:
        raise ValidationError(
            gettext("%(error)s (รับ %(capacity)s คน ลงทะเบียนแล้ว %(taken)s คน)")
            % {"error": msg(TrainingErrorCode.SESSION_FULL), "capacity": session.capacity, "taken": len(taken)},
            code=TrainingErrorCode.SESSION_FULL,
        )
    created = [Enrolment.objects.create(session=session, person=p) for p in people]
    audit_log(actor=actor, action="training.session.enrolled", obj=session,
              changes={"people": [p.pk for p in people]})
    return created


@transaction.atomic
def enrolment_remove(*, actor: Any, enrolment: Enrolment) -> None:
    session = enrolment.session
    if not (has_perm(actor, "training.attendance:write", session.agency_id)
            or has_perm(actor, "training.attendance:write", enrolment.person.agency_id)):
        raise PermissionDenied("training.attendance:write")
    if enrolment.status != Enrolment.Status.ENROLLED or hasattr(enrolment, "certificate"):
        raise ValidationError(gettext("ยกเลิกการลงทะเบียนได้เฉพาะผู้ที่ยังไม่ได้บันทึกผลการอบรม"))
    audit_log(actor=actor, action="training.session.unenrolled", obj=session, changes={"person": enrolment.person_id})
    enrolment.delete()


@dataclass(frozen=True)
class AttendanceRow:
    enrolment_id: int
    status: str
    hours_attended: Decimal | None = None
    score: Decimal | None = None


@transaction.atomic
def attendance_record(*, actor: Any, session: Session, rows: Sequence[AttendanceRow]) -> int:
    """Record the results of a session (organising agency). Completion date = the session's
    last day. Returns the number of enrolments changed. All rows are checked before any write."""
    require(actor, "training.attendance:write", session.agency_id)
    enrolments = {e.pk: e for e in session.enrolments.select_related("person")}
    errors = []
    for row in rows:
        e = enrolments.get(row.enrolment_id)
        name = e.person.full_name if e else str(row.enrolment_id)
        if e is None:
            errors.append(gettext("ไม่พบผู้ลงทะเบียนรหัส %(id)s ในรุ่นนี้") % {"id": row.enrolment_id})
        elif row.status not in Enrolment.Status.values:
            errors.append(f"{name}: " + gettext("ผลการอบรมไม่ถูกต้อง"))
        elif row.score is not None and not Decimal(0) <= row.score <= Decimal(100):
            errors.append(f"{name}: {msg(TrainingErrorCode.SCORE_RANGE)}")
        elif row.hours_attended is not None and (row.hours_attended < 0 or row.hours_attended > session.course.hours):
            errors.append(f"{name}: " + gettext("ชั่วโมงที่เข้าอบรมต้องอยู่ระหว่าง 0 ถึง %(hours)s") % {"hours": session.course.hours})
        elif hasattr(e, "certificate") and row.status != Enrolment.Status.COMPLETED:
            errors.append(f"{name}: " + gettext("ออกวุฒิบัตรแล้ว ต้องเพิกถอนวุฒิบัตรก่อนเปลี่ยนผล"))
    if errors:
        raise ValidationError(errors)
    changed: dict[int, Any] = {}
    for row in rows:
        e = enrolments[row.enrolment_id]
        before = snapshot(e, ("status", "hours_attended", "score", "completed_on"))
        e.status = row.status
        e.hours_attended = row.hours_attended
        e.score = row.score
        e.completed_on = session.ends_on if row.status == Enrolment.Status.COMPLETED else None
        change = diff(before, snapshot(e, ("status", "hours_attended", "score", "completed_on")))
        if change:
            e.save()
            changed[e.person_id] = change
    if changed:
        audit_log(actor=actor, action="training.attendance.recorded", obj=session, changes={"people": changed})
    return len(changed)


def _certificate_number(session: Session) -> str:
    prefix = f"{session.agency.code}-{be_year(session.ends_on.year)}-"
    last = Certificate.objects.filter(number__startswith=prefix).order_by("-number").values_list("number", flat=True).first()
    n = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{n:05d}"


@transaction.atomic
def certificate_issue(*, actor: Any, enrolment: Enrolment) -> Certificate:
    """Issue the completion certificate of an enrolment (organising agency)."""
    session = enrolment.session
    require(actor, "training.attendance:write", session.agency_id)
    Session.objects.select_for_update().filter(pk=session.pk).first()  # serialises numbering
    if enrolment.status != Enrolment.Status.COMPLETED or enrolment.completed_on is None:
        raise ValidationError(msg(TrainingErrorCode.NOT_COMPLETED), code=TrainingErrorCode.NOT_COMPLETED)
    if Certificate.objects.filter(enrolment=enrolment).exists():
        raise ValidationError(msg(TrainingErrorCode.CERTIFICATE_EXISTS), code=TrainingErrorCode.CERTIFICATE_EXISTS)
    cert = Certificate(
        enrolment=enrolment, number=_certificate_number(session), token=secrets.token_urlsafe(24),
        holder_name=enrolment.person.full_name, course_title=session.course.title_th,
        completed_on=enrolment.completed_on,
    )
    cert.full_clean()
    cert.save()
    audit_log(actor=actor, action="training.certificate.issued", obj=cert, agency_id=session.agency_id,
              changes={"number": cert.number, "enrolment": enrolment.pk})
    return cert


@transaction.atomic
def certificate_revoke(*, actor: Any, certificate: Certificate, reason_th: str) -> Certificate:
    session = certificate.enrolment.session
    require(actor, "training.attendance:write", session.agency_id)
    if certificate.revoked_at:
        raise ValidationError(gettext("วุฒิบัตรนี้ถูกเพิกถอนแล้ว"))
    if not reason_th.strip():
        raise ValidationError({"reason_th": gettext("กรุณาระบุเหตุผลที่เพิกถอน")})
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason_th.strip()[:255]
    certificate.save()
    audit_log(actor=actor, action="training.certificate.revoked", obj=certificate, agency_id=session.agency_id,
              changes={"reason": certificate.revoked_reason})
    return certificate
