"""Writes for the agency action plan: the agency submits, the province approves or returns."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from smartprovince.agencies.models import Agency
from smartprovince.core.audit import audit_log
from smartprovince.core.permissions import require

from ..errors import ProjectErrorCode, message
from ..models import AgencyActionPlan, Project


def _state_error(plan: AgencyActionPlan) -> ValidationError:
    return ValidationError(
        message(ProjectErrorCode.PLAN_STATE, status=AgencyActionPlan.Status(plan.status).label),
        code=ProjectErrorCode.PLAN_STATE,
    )


def plan_projects(agency_id: int, fy_be: int) -> Any:
    """Projects that make up the agency's action plan for ``fy_be`` (running in that year, not cancelled)."""
    return Project.objects.filter(
        agency_id=agency_id, fiscal_year_be__lte=fy_be, fiscal_year_end_be__gte=fy_be
    ).exclude(status=Project.Status.CANCELLED)


@transaction.atomic
def action_plan_submit(*, actor: Any, agency: Agency, fiscal_year_be: int, note_th: str = "") -> AgencyActionPlan:
    """Submit (or re-submit after a return) the agency's action plan for a fiscal year."""
    require(actor, "projects.plan:submit", agency.pk)
    plan, _ = AgencyActionPlan.objects.select_for_update().get_or_create(agency=agency, fiscal_year_be=fiscal_year_be)
    if plan.status not in (AgencyActionPlan.Status.DRAFT, AgencyActionPlan.Status.RETURNED):
        raise _state_error(plan)
    count = plan_projects(agency.pk, fiscal_year_be).count()
    if count == 0:
        raise ValidationError(message(ProjectErrorCode.PLAN_EMPTY, fy=fiscal_year_be), code=ProjectErrorCode.PLAN_EMPTY)
    old = plan.status
    plan.status = AgencyActionPlan.Status.SUBMITTED
    plan.note_th = (note_th or "").strip()
    plan.submitted_at = timezone.now()
    plan.submitted_by = actor
    plan.full_clean()
    plan.save()
    audit_log(actor=actor, action="projects.action_plan.submitted", obj=plan,
              changes={"status": [old, plan.status], "projects": count, "note": plan.note_th})
    return plan


def _review(actor: Any, plan: AgencyActionPlan, status: str, comment: str) -> AgencyActionPlan:
    require(actor, "projects.plan:review", plan.agency_id)
    plan = AgencyActionPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != AgencyActionPlan.Status.SUBMITTED:
        raise _state_error(plan)
    plan.status = status
    plan.review_comment = comment
    plan.reviewed_at = timezone.now()
    plan.reviewed_by = actor
    plan.save(update_fields=["status", "review_comment", "reviewed_at", "reviewed_by"])
    return plan


@transaction.atomic
def action_plan_approve(*, actor: Any, plan: AgencyActionPlan, comment: str = "") -> AgencyActionPlan:
    """Approve the plan; its draft projects starting in that fiscal year become approved."""
    plan = _review(actor, plan, AgencyActionPlan.Status.APPROVED, (comment or "").strip())
    drafts = []
    for project in Project.objects.filter(
        agency_id=plan.agency_id, fiscal_year_be=plan.fiscal_year_be, status=Project.Status.DRAFT
    ):
        project.status = Project.Status.APPROVED
        project.save(update_fields=["status", "updated_at"])  # keeps each project's history
        drafts.append(project.code)
    audit_log(actor=actor, action="projects.action_plan.approved", obj=plan,
              changes={"status": ["submitted", "approved"], "comment": plan.review_comment, "projects_approved": drafts})
    return plan


@transaction.atomic
def action_plan_return(*, actor: Any, plan: AgencyActionPlan, comment: str) -> AgencyActionPlan:
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": message(ProjectErrorCode.COMMENT_REQUIRED)}, code=ProjectErrorCode.COMMENT_REQUIRED)
    plan = _review(actor, plan, AgencyActionPlan.Status.RETURNED, comment)
    audit_log(actor=actor, action="projects.action_plan.returned", obj=plan,
              changes={"status": ["submitted", "returned"], "comment": comment})
    return plan
