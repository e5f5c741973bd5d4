"""Agency action plan pages: the plan (projects by strategy), submit, review, XLSX/PDF."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views import View

from smartprovince.agencies.models import Agency
from smartprovince.agencies.selectors import editor_agencies
from smartprovince.core.permissions import PermissionRequiredMixin, has_perm
from smartprovince.core.xlsx import XLSX_CONTENT_TYPE

from .. import selectors, services
from ..exports import action_plan_pdf, action_plan_xlsx
from ..forms import ActionPlanSubmitForm, CommentForm
from ..models import AgencyActionPlan, BudgetLine, Project
from .common import fiscal_year_choices, fiscal_year_param


def _agency(request: HttpRequest, agency_id: int) -> Agency:
    allowed = selectors.visible_agency_ids(request.user)
    if allowed is not None and agency_id not in allowed:
        raise Http404
    agency = Agency.objects.filter(pk=agency_id).first()
    if agency is None:
        raise Http404
    return agency


def _plan_data(agency: Agency, fy: int) -> tuple[list[Project], AgencyActionPlan | None]:
    projects = list(
        services.plan_projects(agency.pk, fy).select_related("strategy").prefetch_related(
            "districts", Prefetch("budget_lines", queryset=BudgetLine.objects.order_by("source")),
        ).order_by("strategy__number", "code")
    )
    plan = AgencyActionPlan.objects.filter(agency=agency, fiscal_year_be=fy).select_related("submitted_by", "reviewed_by").first()
    return projects, plan


class ActionPlanListView(PermissionRequiredMixin, View):
    permission = "projects.project:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        fy = fiscal_year_param(request)
        agencies = editor_agencies(user=request.user, permission="projects.project:read")
        plans = {p.agency_id: p for p in selectors.action_plan_list(actor=request.user, fiscal_year_be=fy)}
        counts: dict[int, int] = {}
        for agency_id in Project.objects.filter(agency__in=agencies, fiscal_year_be__lte=fy, fiscal_year_end_be__gte=fy).exclude(
            status=Project.Status.CANCELLED
        ).values_list("agency_id", flat=True):
            counts[agency_id] = counts.get(agency_id, 0) + 1
        rows = [{"agency": a, "plan": plans.get(a.pk), "projects": counts.get(a.pk, 0)}
                for a in agencies.order_by("name_th") if counts.get(a.pk) or plans.get(a.pk)]
        return render(request, "projects/action_plan_list.html", {
            "rows": rows, "fy": fy, "fiscal_years": fiscal_year_choices(),
            "my_agencies": editor_agencies(user=request.user, permission="projects.plan:submit")
            if selectors.visible_agency_ids(request.user) is not None else [],
        })


class ActionPlanDetailView(PermissionRequiredMixin, View):
    permission = "projects.project:read"
    write_permission = "projects.project:read"  # submit/review are checked per agency by the services

    def get(self, request: HttpRequest, agency_id: int, fy: int, form: Any = None, status: int = 200) -> HttpResponse:
        agency = _agency(request, agency_id)
        projects, plan = _plan_data(agency, fy)
        fmt = request.GET.get("format")
        stamp = f"แผนปฏิบัติการ-{agency.code}-{fy}"
        if fmt == "xlsx":
            response = HttpResponse(action_plan_xlsx(agency, fy, projects, plan), content_type=XLSX_CONTENT_TYPE)
            response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(stamp + '.xlsx')}"
            return response
        if fmt == "pdf":
            response = HttpResponse(action_plan_pdf(agency, fy, projects, plan, timezone.localdate()), content_type="application/pdf")
            response["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(stamp + '.pdf')}"
            return response
        groups: dict[int, dict[str, Any]] = {}
        for p in projects:
            group = groups.setdefault(p.strategy.number, {"strategy": p.strategy, "projects": [], "planned": 0, "allocated": 0})
            lines = [b for b in p.budget_lines.all() if b.fiscal_year_be == fy]
            p.fy_planned = sum(b.planned for b in lines)  # type: ignore[attr-defined]
            p.fy_allocated = sum(b.allocated for b in lines)  # type: ignore[attr-defined]
            group["projects"].append(p)
            group["planned"] += p.fy_planned  # type: ignore[attr-defined]
            group["allocated"] += p.fy_allocated  # type: ignore[attr-defined]
        can_submit = has_perm(request.user, "projects.plan:submit", agency.pk) and (
            plan is None or plan.status in (AgencyActionPlan.Status.DRAFT, AgencyActionPlan.Status.RETURNED))
        can_review = has_perm(request.user, "projects.plan:review", agency.pk) and plan is not None and (
            plan.status == AgencyActionPlan.Status.SUBMITTED)
        return render(request, "projects/action_plan_detail.html", {
            "agency": agency, "fy": fy, "plan": plan, "groups": [groups[k] for k in sorted(groups)],
            "total_planned": sum(g["planned"] for g in groups.values()),
            "total_allocated": sum(g["allocated"] for g in groups.values()),
            "count": len(projects), "can_submit": can_submit, "can_review": can_review,
            "submit_form": form if can_submit and form is not None else ActionPlanSubmitForm(),
            "review_form": form if can_review and form is not None else CommentForm(),
            "fiscal_years": fiscal_year_choices(),
        }, status=status)

    def post(self, request: HttpRequest, agency_id: int, fy: int) -> HttpResponse:
        agency = _agency(request, agency_id)
        action = request.POST.get("action", "")
        try:
            if action == "submit":
                form: Any = ActionPlanSubmitForm(request.POST)
                form.is_valid()
                services.action_plan_submit(actor=request.user, agency=agency, fiscal_year_be=fy,
                                            note_th=form.cleaned_data.get("note_th", ""))
                messages.success(request, gettext("ส่งแผนปฏิบัติการถึงจังหวัดแล้ว"))
            elif action in ("approve", "return"):
                form = CommentForm(request.POST)
                form.is_valid()
                plan = AgencyActionPlan.objects.filter(agency=agency, fiscal_year_be=fy).first()
                if plan is None:
                    raise Http404
                if action == "approve":
                    services.action_plan_approve(actor=request.user, plan=plan, comment=form.cleaned_data.get("comment", ""))
                    messages.success(request, gettext("อนุมัติแผนปฏิบัติการแล้ว"))
                else:
                    services.action_plan_return(actor=request.user, plan=plan, comment=form.cleaned_data.get("comment", ""))
                    messages.success(request, gettext("ส่งแผนปฏิบัติการกลับให้หน่วยงานแก้ไขแล้ว"))
            else:
                raise Http404
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return self.get(request, agency_id, fy, status=400)
        return redirect("projects:action-plan", agency_id=agency.pk, fy=fy)
