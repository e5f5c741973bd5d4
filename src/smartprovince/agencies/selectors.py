"""Reads for agencies and memberships."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from .models import Agency, Membership


def agency_list(*, search: str = "", kind: str = "", active_only: bool = True) -> QuerySet[Agency]:
    """Agencies are public information: everyone may list them."""
    qs = Agency.objects.select_related("district")
    if active_only:
        qs = qs.filter(is_active=True)
    if search:
        qs = qs.filter(Q(name_th__icontains=search) | Q(name_en__icontains=search) | Q(code__icontains=search))
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("name_th")


def agency_get(*, code: str) -> Agency:
    agency = Agency.objects.select_related("district").filter(code=code).first()
    if agency is None:
        raise Http404
    return agency


def membership_list_for_user(*, user: Any) -> QuerySet[Membership]:
    if not getattr(user, "is_authenticated", False):
        return Membership.objects.none()
    return Membership.objects.filter(user=user, is_active=True).select_related("agency")


def user_list(*, search: str = "") -> QuerySet[Any]:
    from django.contrib.auth import get_user_model

    qs = get_user_model().objects.annotate(n_memberships=Count("memberships", filter=Q(memberships__is_active=True)))
    if search:
        qs = qs.filter(Q(username__icontains=search) | Q(first_name__icontains=search) | Q(last_name__icontains=search))
    return qs.order_by("username")


def editor_agencies(*, user: Any, permission: str) -> QuerySet[Agency]:
    """Agencies where ``user`` holds ``permission`` (all agencies for province-wide roles)."""
    from smartprovince.core.permissions import agencies_with_perm

    allowed = agencies_with_perm(user, permission)
    qs = Agency.objects.filter(is_active=True)
    if allowed is None:
        return qs
    return qs.filter(pk__in=allowed)
