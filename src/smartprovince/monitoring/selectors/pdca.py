"""Reads for the Act and inspection parts of PDCA: corrective actions and inspection findings.

Province-wide roles see everything; agency roles see their own agency's items; anything else
is a 404.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from smartprovince.core.permissions import agencies_with_perm

from ..models import CorrectiveAction, InspectionFinding


def corrective_action_list(
    *, actor: Any, fiscal_year_be: int | None = None, status: str = "", indicator_id: int | None = None,
    agency_id: int | None = None,
) -> QuerySet[CorrectiveAction]:
    qs = CorrectiveAction.objects.select_related("indicator", "project", "owner_agency").order_by("status", "due_date", "id")
    visible = agencies_with_perm(actor, "monitoring.corrective_action:read")
    if visible is not None:
        qs = qs.filter(owner_agency_id__in=visible)
    if fiscal_year_be:
        qs = qs.filter(fiscal_year_be=fiscal_year_be)
    if status == "open":
        qs = qs.filter(status__in=[CorrectiveAction.Status.OPEN, CorrectiveAction.Status.IN_PROGRESS])
    elif status:
        qs = qs.filter(status=status)
    if indicator_id:
        qs = qs.filter(indicator_id=indicator_id)
    if agency_id:
        qs = qs.filter(owner_agency_id=agency_id)
    return qs


def access_corrective_action(*, actor: Any, id: int) -> CorrectiveAction:
    action = corrective_action_list(actor=actor).filter(pk=id).first()
    if action is None:
        raise Http404
    return action


def finding_list(
    *, actor: Any, fiscal_year_be: int | None = None, agency_id: int | None = None, follow_up_status: str = "",
) -> QuerySet[InspectionFinding]:
    qs = InspectionFinding.objects.select_related("agency", "project", "indicator", "created_by")
    visible = agencies_with_perm(actor, "monitoring.finding:read")
    if visible is not None:
        qs = qs.filter(agency_id__in=visible)
    if fiscal_year_be:
        qs = qs.filter(fiscal_year_be=fiscal_year_be)
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    if follow_up_status:
        qs = qs.filter(follow_up_status=follow_up_status)
    return qs


def access_finding(*, actor: Any, id: int) -> InspectionFinding:
    finding = finding_list(actor=actor).filter(pk=id).first()
    if finding is None:
        raise Http404
    return finding
