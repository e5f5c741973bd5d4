"""Reads of the training app. Personal data (names) is filtered by
``training.staff:read_personal`` first; everyone else gets counts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from smartprovince.agencies.models import Agency
from smartprovince.core.permissions import agencies_with_perm, has_perm
from smartprovince.core.thai_calendar import fiscal_year_range

from . import rules
from .models import (
    Assessment,
    Certificate,
    Course,
    Enrolment,
    HeadcountSnapshot,
    Person,
    PublicActivity,
    Session,
    SkillFramework,
)

PERSONAL = "training.staff:read_personal"


def _restrict(qs: QuerySet[Any], user: Any, perm: str, field: str = "agency_id") -> QuerySet[Any]:
    allowed = agencies_with_perm(user, perm)
    if allowed is None:
        return qs
    return qs.filter(**{f"{field}__in": allowed})


# ---------------------------------------------------------------- staff


def person_list(*, actor: Any, agency: Agency | None = None, search: str = "", status: str = "active") -> QuerySet[Person]:
    """Staff the actor may see by name (own agencies' editors, province admin)."""
    qs = _restrict(Person.objects.all(), actor, PERSONAL)
    if status == "active":
        qs = qs.filter(is_active=True)
    elif status == "left":
        qs = qs.filter(is_active=False)
    if search:
        qs = qs.filter(Q(first_name_th__icontains=search) | Q(last_name_th__icontains=search) | Q(position_th__icontains=search))
    if agency is not None:
        # One agency's register: no join, in the order of the (agency, is_active, name) index.
        return qs.filter(agency=agency).order_by("first_name_th", "last_name_th", "pk")
    return qs.select_related("agency").order_by("agency__name_th", "first_name_th", "last_name_th", "pk")


def access_person(*, actor: Any, id: int) -> Person:
    person = Person.objects.select_related("agency").filter(pk=id).first()
    if person is None or not has_perm(actor, PERSONAL, person.agency_id):
        raise Http404
    return person


def staff_agencies(*, actor: Any) -> QuerySet[Agency]:
    """Agencies whose staff register the actor may open."""
    return _restrict(Agency.objects.filter(is_active=True), actor, PERSONAL, "pk").order_by("name_th")


def active_on_q(day: dt.date, prefix: str = "") -> Q:
    """Q for people on the staff on ``day`` (the KPIs' rule: started on or before, not left yet)."""
    return (Q(**{f"{prefix}started_on__isnull": True}) | Q(**{f"{prefix}started_on__lte": day})) & (
        Q(**{f"{prefix}left_on__isnull": True}) | Q(**{f"{prefix}left_on__gt": day})
    )


def staff_status_queryset(*, on: dt.date, fiscal_year_be: int) -> QuerySet[Person]:
    """Active staff on ``on`` annotated with ``trained`` (completed a course in the fiscal year
    up to ``on``), ``qualified`` (completed a qualifying course up to ``on``) and
    ``latest_level`` (of the latest assessment up to ``on``)."""
    fy_start, _ = fiscal_year_range(fiscal_year_be)
    completed = Enrolment.objects.filter(person=OuterRef("pk"), status=Enrolment.Status.COMPLETED, completed_on__lte=on)
    latest_level = (
        Assessment.objects.filter(person=OuterRef("pk"), assessed_on__lte=on)
        .order_by("-assessed_on", "-pk").values("level")[:1]
    )
    qs = Person.objects.filter(active_on_q(on)).annotate(
        trained=Exists(completed.filter(completed_on__gte=fy_start)),
        qualified=Exists(completed.filter(session__course__qualifies_for_literacy=True)),
        latest_level=Subquery(latest_level),
    )
    return qs


def staff_kpi_rows(*, on: dt.date, fiscal_year_be: int, measure: str) -> list[dict[str, Any]]:
    """Per agency: registered active staff, headcount snapshot, numerator (``measure`` is
    ``trained`` or ``literate``), denominator and percent. Counts only, no names."""
    from .services.assessments import policy_get

    policy = policy_get()
    people = staff_status_queryset(on=on, fiscal_year_be=fiscal_year_be)
    per_person = people.values("pk", "agency_id", "trained", "qualified", "latest_level")  # type: ignore[misc]
    counts: dict[int, dict[str, int]] = {}
    for p in per_person:
        c = counts.setdefault(p["agency_id"], {"registered": 0, "numerator": 0})
        c["registered"] += 1
        if measure == "trained":
            hit = p["trained"]
        else:
            hit = rules.is_literate(latest_level=p["latest_level"], completed_qualifying_course=p["qualified"],
                                    min_level=policy.min_level, course_counts=policy.course_counts)
        c["numerator"] += int(bool(hit))
    snaps = dict(HeadcountSnapshot.objects.filter(fiscal_year_be=fiscal_year_be).values_list("agency_id", "total"))
    agency_ids = set(counts) | set(snaps)
    names = dict(Agency.objects.filter(pk__in=agency_ids).values_list("pk", "name_th"))
    rows = []
    for agency_id in sorted(agency_ids, key=lambda i: names.get(i, "")):
        c = counts.get(agency_id, {"registered": 0, "numerator": 0})
        ac = rules.AgencyCount(agency_id, c["registered"], snaps.get(agency_id), c["numerator"])
        num, den = rules.staff_ratio([ac])
        rows.append({
            "agency_id": agency_id, "agency": names.get(agency_id, ""), "registered": c["registered"],
            "headcount": snaps.get(agency_id), "numerator": num, "denominator": den,
            "percent": rules.percent(num, den),
        })
    return rows


# ---------------------------------------------------------------- courses and sessions


def course_list(*, search: str = "", agency: Agency | None = None, active_only: bool = False) -> QuerySet[Course]:
    # the sessions are counted for the rows of the page only (a correlated count, not a GROUP BY
    # over every course and session before the page is cut)
    sessions = Session.objects.filter(course=OuterRef("pk")).order_by().values("course").annotate(n=Count("pk")).values("n")
    qs = Course.objects.select_related("agency").prefetch_related("areas__framework").annotate(
        n_sessions=Coalesce(Subquery(sessions, output_field=IntegerField()), 0)
    )
    if search:
        qs = qs.filter(Q(title_th__icontains=search) | Q(provider_th__icontains=search) | Q(code__icontains=search))
    if agency is not None:
        qs = qs.filter(agency=agency)
    if active_only:
        qs = qs.filter(is_active=True)
    return qs.order_by("title_th", "pk")


def access_course(*, actor: Any, id: int) -> Course:
    course = Course.objects.select_related("agency").filter(pk=id).first()
    if course is None:
        raise Http404
    return course


def session_list(*, course: Course | None = None, agency: Agency | None = None, year_be: int | None = None) -> QuerySet[Session]:
    qs = Session.objects.select_related("course", "agency", "district").annotate(
        n_enrolled=Count("enrolments", distinct=True),
        n_completed=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.COMPLETED), distinct=True),
    )
    if course is not None:
        qs = qs.filter(course=course)
    if agency is not None:
        qs = qs.filter(agency=agency)
    if year_be:
        start, end = fiscal_year_range(year_be)
        qs = qs.filter(starts_on__gte=start, starts_on__lte=end)
    return qs.order_by("-starts_on", "-pk")


def access_session(*, actor: Any, id: int) -> Session:
    session = Session.objects.select_related("course", "agency", "district").filter(pk=id).first()
    if session is None:
        raise Http404
    return session


def session_enrolments(*, actor: Any, session: Session) -> QuerySet[Enrolment]:
    """Enrolments whose names the actor may see: all of them for the organiser's editors and the
    province admin; otherwise only the people of the actor's own agencies."""
    qs = session.enrolments.select_related("person__agency", "certificate")
    if has_perm(actor, "training.attendance:write", session.agency_id):
        return qs
    return _restrict(qs, actor, PERSONAL, "person__agency_id")


def access_enrolment(*, actor: Any, id: int) -> Enrolment:
    e = Enrolment.objects.select_related("session__course", "session__agency", "person__agency").filter(pk=id).first()
    if e is None or not (
        has_perm(actor, "training.attendance:write", e.session.agency_id) or has_perm(actor, PERSONAL, e.person.agency_id)
    ):
        raise Http404
    return e


def person_enrolments(*, person: Person) -> QuerySet[Enrolment]:
    return person.enrolments.select_related("session__course", "session__agency", "certificate").order_by("-session__starts_on")


def certificate_by_token(*, token: str) -> Certificate:
    cert = Certificate.objects.filter(token=token).first() if token and len(token) <= 64 else None
    if cert is None:
        raise Http404
    return cert


# ---------------------------------------------------------------- activities, frameworks


def activity_list(*, public: bool, actor: Any = None, year_be: int | None = None, district: str = "",
                  agency: Agency | None = None) -> QuerySet[PublicActivity]:
    """``public``: published only; with ``actor``: the published ones plus the unpublished ones of
    the agencies where the actor reads activities (an unpublished activity is the agency's
    non-public data); neither: all (metrics)."""
    qs = PublicActivity.objects.select_related("agency", "district").annotate(n_photos=Count("photos"))
    if public:
        qs = qs.filter(is_published=True)
    elif actor is not None:
        allowed = agencies_with_perm(actor, "training.activity:read")
        if allowed is not None:
            qs = qs.filter(Q(is_published=True) | Q(agency_id__in=allowed))
    if year_be:
        start, end = fiscal_year_range(year_be)
        qs = qs.filter(held_on__gte=start, held_on__lte=end)
    if district:
        qs = qs.filter(district_id=district)
    if agency is not None:
        qs = qs.filter(agency=agency)
    return qs.order_by("-held_on", "-pk")


def access_activity(*, actor: Any, id: int, public: bool = False) -> PublicActivity:
    qs = PublicActivity.objects.select_related("agency", "district").prefetch_related("photos")
    activity = qs.filter(pk=id).first()
    if activity is None:
        raise Http404
    if not activity.is_published and (public or not has_perm(actor, "training.activity:read", activity.agency_id)):
        raise Http404
    return activity


def framework_list() -> QuerySet[SkillFramework]:
    return SkillFramework.objects.prefetch_related("areas").order_by("code", "-version")
