"""Reads of the e-services app. Staff reads are filtered by what the actor may see first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404

from smartprovince.agencies.models import Agency
from smartprovince.core.permissions import agencies_with_perm, has_perm

from . import coverage as cov
from .models import Channel, EService, Survey, SurveyQuestion, UsageStat


def _scope(qs: QuerySet[Any], actor: Any, permission: str, field: str = "agency_id") -> QuerySet[Any]:
    allowed = agencies_with_perm(actor, permission)
    if allowed is None:
        return qs
    return qs.filter(**{f"{field}__in": allowed})


def _search(qs: QuerySet[EService], search: str) -> QuerySet[EService]:
    # Thai is written without spaces between words, so each space-separated term is matched as a
    # substring of the name, description, agency name or code; all terms must match.
    for term in search.split()[:8]:
        qs = qs.filter(
            Q(name_th__icontains=term) | Q(description_th__icontains=term) | Q(code__icontains=term)
            | Q(agency__name_th__icontains=term) | Q(agency__short_name_th__icontains=term)
        )
    return qs


# ----------------------------------------------------------------- public directory


def eservice_public_list(
    *, search: str = "", agency_code: str = "", agency_id: int | None = None, category: str = "", min_level: int | None = None,
) -> QuerySet[EService]:
    """Active services of active agencies (public information), with the agency joined."""
    qs = EService.objects.filter(is_active=True, agency__is_active=True).select_related("agency")
    if agency_code:
        qs = qs.filter(agency__code=agency_code)
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    if category:
        qs = qs.filter(category=category)
    if min_level:
        qs = qs.filter(digital_level__gte=min_level)
    return _search(qs, search.strip()).order_by("agency__name_th", "name_th", "pk")


def eservice_public_get(*, pk: int) -> EService:
    service = eservice_public_list().filter(pk=pk).first()
    if service is None:
        raise Http404
    return service


def channels_for_service(service: EService, *, active_only: bool = True) -> tuple[list[Channel], list[Channel]]:
    """(channels of the service, channels of its agency) for the service page."""
    qs = Channel.objects.filter(agency_id=service.agency_id).filter(Q(service=service) | Q(service__isnull=True))
    if active_only:
        qs = qs.filter(is_active=True)
    own: list[Channel] = []
    agency: list[Channel] = []
    for channel in qs.order_by("channel_type", "pk"):
        (own if channel.service_id else agency).append(channel)
    return own, agency


def open_surveys_for_service(service: EService) -> list[Survey]:
    """The service's own open surveys, else its agency's agency-wide open surveys."""
    own = list(Survey.objects.filter(service=service, is_open=True).order_by("pk"))
    if own:
        return own
    return list(Survey.objects.filter(agency_id=service.agency_id, service__isnull=True, is_open=True).order_by("pk"))


def survey_public_get(*, pk: int) -> Survey:
    """A survey as a citizen sees it (closed surveys too: the page says it is closed)."""
    survey = (
        Survey.objects.select_related("agency", "service")
        .prefetch_related(Prefetch("questions", queryset=SurveyQuestion.objects.filter(is_active=True)))
        .filter(pk=pk, agency__is_active=True)
        .first()
    )
    if survey is None:
        raise Http404
    return survey


# ----------------------------------------------------------------- staff


def eservice_list(*, actor: Any, search: str = "", agency_id: int | None = None, category: str = "", level: int | None = None) -> QuerySet[EService]:
    """Services the actor may read, by agency name then service name. No per-row aggregates:
    the paginator counts the plain rows; ``eservice_channel_counts`` fills in one page."""
    qs = _scope(EService.objects.select_related("agency"), actor, "eservices.service:read")
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    if category:
        qs = qs.filter(category=category)
    if level:
        qs = qs.filter(digital_level=level)
    return _search(qs, search.strip()).order_by("agency__name_th", "name_th", "pk")


def eservice_channel_counts(services: Iterable[EService]) -> list[EService]:
    """Set ``n_channels`` (active channels of the service itself) on each service: one query."""
    rows = list(services)
    counts = dict(
        Channel.objects.filter(service_id__in=[s.pk for s in rows], is_active=True)
        .order_by().values("service_id").annotate(n=Count("pk")).values_list("service_id", "n")
    ) if rows else {}
    for service in rows:
        service.n_channels = counts.get(service.pk, 0)  # type: ignore[attr-defined]
    return rows


def access_eservice(*, actor: Any, pk: int, write: bool = False) -> EService:
    """Fetch a service the actor may read (or write); another agency's service is a 404."""
    service = EService.objects.select_related("agency").filter(pk=pk).first()
    perm = "eservices.service:write" if write else "eservices.service:read"
    if service is None or not has_perm(actor, perm, service.agency_id):
        raise Http404
    return service


def channel_list(*, actor: Any, agency_id: int | None = None, service_id: int | None = None, digital: bool | None = None) -> QuerySet[Channel]:
    qs = _scope(Channel.objects.select_related("agency", "service"), actor, "eservices.service:read")
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    if service_id:
        qs = qs.filter(service_id=service_id)
    if digital is not None:
        from .choices import NON_DIGITAL_CHANNEL_TYPES

        qs = qs.exclude(channel_type__in=NON_DIGITAL_CHANNEL_TYPES) if digital else qs.filter(
            channel_type__in=NON_DIGITAL_CHANNEL_TYPES
        )
    # the agency-wide channels (no service) first, on every database (NULLs sort first on SQLite,
    # last on PostgreSQL unless told)
    return qs.order_by("agency__name_th", F("service_id").asc(nulls_first=True), "channel_type", "pk")


def access_channel(*, actor: Any, pk: int, write: bool = False) -> Channel:
    channel = Channel.objects.select_related("agency", "service").filter(pk=pk).first()
    perm = "eservices.service:write" if write else "eservices.service:read"
    if channel is None or not has_perm(actor, perm, channel.agency_id):
        raise Http404
    return channel


def usage_list(*, actor: Any, agency_id: int | None = None, service_id: int | None = None) -> QuerySet[UsageStat]:
    qs = _scope(UsageStat.objects.select_related("service", "service__agency"), actor, "eservices.service:read", "service__agency_id")
    if agency_id:
        qs = qs.filter(service__agency_id=agency_id)
    if service_id:
        qs = qs.filter(service_id=service_id)
    return qs.order_by("-month", "service__name_th", "channel_type", "pk")


def survey_list(*, actor: Any, agency_id: int | None = None) -> QuerySet[Survey]:
    qs = _scope(Survey.objects.select_related("agency", "service"), actor, "eservices.survey:read")
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    return qs.annotate(n_responses=Count("responses")).order_by("agency__name_th", "title_th", "pk")


def access_survey(*, actor: Any, pk: int, write: bool = False) -> Survey:
    survey = Survey.objects.select_related("agency", "service").filter(pk=pk).first()
    perm = "eservices.survey:write" if write else "eservices.survey:read"
    if survey is None or not has_perm(actor, perm, survey.agency_id):
        raise Http404
    return survey


def writable_agencies(*, actor: Any, permission: str) -> QuerySet[Agency]:
    qs = Agency.objects.filter(is_active=True)
    allowed = agencies_with_perm(actor, permission)
    return qs if allowed is None else qs.filter(pk__in=allowed)


# ----------------------------------------------------------------- goal 2 coverage


def coverage_rows(*, as_of: dt.date | None = None) -> list[dict[str, Any]]:
    """Every active agency with its active digital channel types (goal 2), short ones first."""
    agencies = list(Agency.objects.filter(is_active=True).order_by("name_th").values("pk", "code", "name_th"))
    facts = [
        cov.ChannelFact(agency_id=a, channel_type=t, is_active=active, started_on=started)
        for a, t, active, started in Channel.objects.filter(agency__is_active=True).values_list(
            "agency_id", "channel_type", "is_active", "started_on"
        )
    ]
    by_id = {c.agency_id: c for c in cov.coverage([a["pk"] for a in agencies], facts, as_of)}
    from .choices import ChannelType

    labels = {value: str(label) for value, label in ChannelType.choices}
    rows = []
    for agency in agencies:
        entry = by_id[agency["pk"]]
        rows.append(
            {
                "agency_id": agency["pk"], "agency_code": agency["code"], "agency": agency["name_th"],
                "digital_channels": entry.digital_count, "meets": entry.meets, "missing": entry.missing,
                "channel_types": [labels[t] for t in ChannelType.values if t in entry.digital_types],
                "other_types": [labels[t] for t in ChannelType.values if t in entry.other_types],
            }
        )
    rows.sort(key=lambda r: (r["meets"], r["digital_channels"], r["agency"]))
    return rows
