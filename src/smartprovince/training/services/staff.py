"""Staff records and headcount snapshots."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext

from smartprovince.agencies.models import Agency
from smartprovince.core.audit import audit_log, diff, snapshot
from smartprovince.core.permissions import require
from smartprovince.core.thai_calendar import fiscal_year_range

from ..errors import TrainingErrorCode, msg
from ..models import HeadcountSnapshot, Person

PERSON_FIELDS = (
    "title_th", "first_name_th", "last_name_th", "position_th", "personnel_type", "job_group",
    "role_level", "email", "started_on",
)


def _check_dates(person: Person) -> None:
    if person.left_on and person.started_on and person.left_on < person.started_on:
        raise ValidationError({"left_on": msg(TrainingErrorCode.LEFT_BEFORE_START)}, code=TrainingErrorCode.LEFT_BEFORE_START)


def person_build(*, agency: Agency, data: dict[str, Any]) -> Person:
    """An unsaved, validated Person (used by the form service and by the XLSX import)."""
    person = Person(agency=agency, **{k: v for k, v in data.items() if k in PERSON_FIELDS})
    for name in ("title_th", "first_name_th", "last_name_th", "position_th"):
        setattr(person, name, (getattr(person, name) or "").strip())
    person.full_clean(exclude=["agency"])
    _check_dates(person)
    return person


@transaction.atomic
def person_create(*, actor: Any, agency: Agency, **data: Any) -> Person:
    """Register a member of ``agency``'s staff."""
    require(actor, "training.staff:write", agency.pk)
    person = person_build(agency=agency, data=data)
    person.save()
    audit_log(actor=actor, action="training.person.created", obj=person, changes=snapshot(person, PERSON_FIELDS))
    return person


@transaction.atomic
def person_update(*, actor: Any, person: Person, **data: Any) -> Person:
    require(actor, "training.staff:write", person.agency_id)
    before = snapshot(person, PERSON_FIELDS)
    for key, value in data.items():
        if key in PERSON_FIELDS:
            setattr(person, key, value.strip() if isinstance(value, str) else value)
    person.full_clean()
    _check_dates(person)
    person.save()
    changes = diff(before, snapshot(person, PERSON_FIELDS))
    if changes:
        audit_log(actor=actor, action="training.person.updated", obj=person, changes=changes)
    return person


@transaction.atomic
def person_leave(*, actor: Any, person: Person, left_on: dt.date, reason_th: str = "") -> Person:
    """Record that a person left the agency (transfer, retirement…). The person stays in the
    records (their training history counts for the years they were staff)."""
    require(actor, "training.staff:write", person.agency_id)
    if not person.is_active:
        raise ValidationError(msg(TrainingErrorCode.ALREADY_LEFT), code=TrainingErrorCode.ALREADY_LEFT)
    person.left_on = left_on
    person.is_active = False
    _check_dates(person)
    person.full_clean()
    person.save()
    audit_log(actor=actor, action="training.person.left", obj=person, changes={"left_on": left_on, "reason": reason_th})
    return person


def registry_counts(*, agency: Agency, on: dt.date) -> dict[str, Any]:
    """Registered staff of ``agency`` on the staff on ``on``: total, IT, by personnel type."""
    qs = Person.objects.filter(agency=agency).filter(Q(started_on__isnull=True) | Q(started_on__lte=on)).filter(
        Q(left_on__isnull=True) | Q(left_on__gt=on)
    )
    by_type = dict(qs.values_list("personnel_type").annotate(n=Count("id")).order_by())
    return {"total": sum(by_type.values()), "it_count": qs.filter(job_group="it").count(), "by_type": by_type}


@transaction.atomic
def headcount_snapshot_take(*, actor: Any, agency: Agency, fiscal_year_be: int, today: dt.date) -> HeadcountSnapshot:
    """Count the registered staff and store it as the agency's headcount for the fiscal year
    (on the last day of the year, or today while the year is running)."""
    require(actor, "training.staff:write", agency.pk)
    start, end = fiscal_year_range(fiscal_year_be)
    counts = registry_counts(agency=agency, on=min(end, max(today, start)))
    if counts["total"] <= 0:
        raise ValidationError(msg(TrainingErrorCode.HEADCOUNT_TOO_SMALL), code=TrainingErrorCode.HEADCOUNT_TOO_SMALL)
    return _headcount_save(actor=actor, agency=agency, fiscal_year_be=fiscal_year_be,
                           source=HeadcountSnapshot.Source.REGISTRY, note="", **counts)


@transaction.atomic
def headcount_set(*, actor: Any, agency: Agency, fiscal_year_be: int, total: int, it_count: int = 0, note: str = "") -> HeadcountSnapshot:
    """Enter the agency's headcount by hand (when not every person is registered)."""
    require(actor, "training.staff:write", agency.pk)
    if total is None or total <= 0:
        raise ValidationError({"total": msg(TrainingErrorCode.HEADCOUNT_TOO_SMALL)}, code=TrainingErrorCode.HEADCOUNT_TOO_SMALL)
    if it_count > total:
        raise ValidationError({"it_count": gettext("จำนวนสายงาน IT ต้องไม่มากกว่าจำนวนทั้งหมด")})
    return _headcount_save(actor=actor, agency=agency, fiscal_year_be=fiscal_year_be, total=total, it_count=it_count,
                           by_type={}, source=HeadcountSnapshot.Source.MANUAL, note=note)


def _headcount_save(*, actor: Any, agency: Agency, fiscal_year_be: int, **fields: Any) -> HeadcountSnapshot:
    if not 2500 <= fiscal_year_be <= 2700:
        raise ValidationError({"fiscal_year_be": gettext("ปีงบประมาณต้องเป็นปี พ.ศ.")})
    snap = HeadcountSnapshot.objects.filter(agency=agency, fiscal_year_be=fiscal_year_be).first()
    before = snapshot(snap, ("total", "it_count", "source")) if snap else {}
    if snap is None:
        snap = HeadcountSnapshot(agency=agency, fiscal_year_be=fiscal_year_be)
    for key, value in fields.items():
        setattr(snap, key, value)
    snap.full_clean()
    snap.save()
    audit_log(actor=actor, action="training.headcount.recorded", obj=snap,
              changes=diff(before, snapshot(snap, ("total", "it_count", "source"))) | {"fiscal_year_be": fiscal_year_be})
    return snap
