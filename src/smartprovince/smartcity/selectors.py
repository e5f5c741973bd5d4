"""Reads for smart-city initiatives. Published initiatives are public; an unpublished one is the
agency's non-public data: province-wide roles and the agency's own members see it, another
agency gets 404 (DESIGN.md §2)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from smartprovince.core.permissions import agencies_with_perm, has_perm

from .models import Domain, Initiative, Sector


def initiative_list(*, public: bool, domain: str = "", sector: str = "", status: str = "", kind: str = "",
                    agency_id: int | None = None, search: str = "", actor: Any = None) -> QuerySet[Initiative]:
    """``public``: published only; with ``actor``: the published ones plus the unpublished ones of
    the agencies where the actor reads initiatives (all of them for province-wide roles)."""
    qs = Initiative.objects.select_related("agency").prefetch_related("domains", "sectors", "districts")
    if public:
        qs = qs.filter(is_published=True)
    elif actor is not None:
        allowed = agencies_with_perm(actor, "smartcity.initiative:read")
        if allowed is not None:
            qs = qs.filter(Q(is_published=True) | Q(agency_id__in=allowed))
    if domain:
        qs = qs.filter(domains__code=domain)
    if sector:
        qs = qs.filter(sectors__code=sector)
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    if search:
        qs = qs.filter(Q(title_th__icontains=search) | Q(summary_th__icontains=search) | Q(title_en__icontains=search))
    return qs.distinct().order_by("title_th", "pk")


def access_initiative(*, actor: Any, id: int, public: bool = False) -> Initiative:
    i = (Initiative.objects.select_related("agency").prefetch_related("domains", "sectors", "districts", "links", "evidence")
         .filter(pk=id).first())
    if i is None:
        raise Http404
    if not i.is_published and (public or not has_perm(actor, "smartcity.initiative:read", i.agency_id)):
        raise Http404
    return i


def domain_summary(*, public: bool) -> list[dict[str, Any]]:
    """The seven domains with counts of initiatives (all / operating or certified)."""
    base = Q(initiatives__is_published=True) if public else Q()
    live = base & Q(initiatives__status__in=[Initiative.Status.OPERATING, Initiative.Status.CERTIFIED])
    qs = Domain.objects.annotate(
        n=Count("initiatives", filter=base, distinct=True), n_live=Count("initiatives", filter=live, distinct=True)
    ).order_by("order")
    return [{"code": d.code, "name_th": d.name_th, "name_en": d.name_en, "n": d.n, "n_live": d.n_live} for d in qs]


def sector_summary(*, public: bool) -> list[dict[str, Any]]:
    base = Q(initiatives__is_published=True) if public else Q()
    qs = Sector.objects.annotate(n=Count("initiatives", filter=base, distinct=True)).order_by("order")
    return [{"code": s.code, "name_th": s.name_th, "name_en": s.name_en, "n": s.n} for s in qs]
