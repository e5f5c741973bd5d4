"""The PDCA board, corrective actions (Act) and inspection findings (Check)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views import View

from smartprovince.core import dataversion
from smartprovince.core.audit import audit_events_for
from smartprovince.core.forms import apply_validation_error
from smartprovince.core.permissions import PermissionRequiredMixin, has_perm, require
from smartprovince.core.thai_calendar import fiscal_year_be

from .. import selectors, services
from ..forms import CorrectiveActionForm, CorrectiveActionProgressForm, FindingForm
from ..models import CorrectiveAction, InspectionFinding
from ..selectors.summary import dashboard_summary
from .dashboard import filter_context, period_from_request


class PdcaBoardView(PermissionRequiredMixin, View):
    permission = "monitoring.dashboard:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        from smartprovince.projects.models import AgencyActionPlan

        plan, period = period_from_request(request)
        ov = dashboard_summary(plan=plan, period=period, as_of=timezone.localdate())
        fy = period.fiscal_year_be
        today = timezone.localdate()
        unfinished = Q(status__in=["open", "in_progress"])
        by_status = dataversion.cached_aggregate(
            AgencyActionPlan.objects.filter(fiscal_year_be=fy), ("projects",),
            **{s: Count("pk", filter=Q(status=s)) for s in AgencyActionPlan.Status.values})
        plan_counts = {s: by_status[s] for s in AgencyActionPlan.Status.values}
        actions = selectors.corrective_action_list(actor=request.user, fiscal_year_be=fy)
        findings = selectors.finding_list(actor=request.user, fiscal_year_be=fy)
        action_counts = dataversion.cached_aggregate(
            actions, ("monitoring",), open=Count("pk", filter=unfinished),
            overdue=Count("pk", filter=unfinished & Q(due_date__lt=today)))
        pending = dataversion.cached_aggregate(
            findings, ("monitoring",), n=Count("pk", filter=~Q(follow_up_status__in=["resolved", "closed"])))
        ctx = {
            "plan": plan, "ov": ov, "action_plans": [(AgencyActionPlan.Status(s).label, n) for s, n in plan_counts.items()],
            "approved_plans": plan_counts[AgencyActionPlan.Status.APPROVED],
            "actions": actions[:30], "open_actions": action_counts["open"], "overdue_actions": action_counts["overdue"],
            "findings": findings[:10], "findings_pending": pending["n"],
            **filter_context(plan, period),
        }
        return render(request, "monitoring/pdca.html", ctx)


class ActionListView(PermissionRequiredMixin, View):
    permission = "monitoring.corrective_action:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        status = request.GET.get("status", "")
        fy = request.GET.get("fy", "")
        qs = selectors.corrective_action_list(actor=request.user, status=status, fiscal_year_be=int(fy) if fy.isdigit() else None)
        page = Paginator(qs, 50).get_page(request.GET.get("page"))
        return render(request, "monitoring/action_list.html", {
            "page_obj": page, "actions": page.object_list, "status": status, "fy": fy,
            "statuses": [("open", gettext("ยังไม่แล้วเสร็จ")), *CorrectiveAction.Status.choices],
        })


class ActionCreateView(PermissionRequiredMixin, View):
    permission = "monitoring.corrective_action:write"

    def get(self, request: HttpRequest) -> HttpResponse:
        initial: dict[str, Any] = {"indicator": request.GET.get("indicator"), "project": request.GET.get("project")}
        if initial["indicator"] and initial["indicator"].isdigit():
            from smartprovince.plans.models import Indicator

            ind = Indicator.objects.filter(pk=initial["indicator"]).select_related("responsible_agency").first()
            if ind and ind.responsible_agency_id:
                initial["owner_agency"] = ind.responsible_agency_id
        if initial["project"] and str(initial["project"]).isdigit():
            from smartprovince.projects.models import Project

            proj = Project.objects.filter(pk=initial["project"]).first()
            if proj:
                initial["owner_agency"] = proj.agency_id
        form = CorrectiveActionForm(initial=initial)
        del form.fields["status"], form.fields["result_th"]
        return render(request, "monitoring/action_form.html", {"form": form, "creating": True})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = CorrectiveActionForm(request.POST)
        del form.fields["status"], form.fields["result_th"]
        if form.is_valid():
            d = form.cleaned_data
            fy_raw = request.GET.get("fy", "")
            fy = int(fy_raw) if fy_raw.isdigit() else fiscal_year_be(timezone.localdate())
            try:
                action = services.corrective_action_create(
                    actor=request.user, indicator=d.get("indicator"), project=d.get("project"),
                    owner_agency=d["owner_agency"], problem_th=d["problem_th"], action_th=d["action_th"],
                    due_date=d["due_date"], fiscal_year_be=fy, period_key=request.GET.get("period", "")[:12],
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกมาตรการแก้ไขแล้ว"))
                return redirect("monitoring:action-detail", pk=action.pk)
        return render(request, "monitoring/action_form.html", {"form": form, "creating": True}, status=400)


class ActionDetailView(PermissionRequiredMixin, View):
    permission = "monitoring.corrective_action:read"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        action = selectors.access_corrective_action(actor=request.user, id=pk)
        return render(request, "monitoring/action_detail.html", {
            "action": action, "events": audit_events_for(action)[:50],
            "can_edit": has_perm(request.user, "monitoring.corrective_action:write"),
            "can_update": has_perm(request.user, "monitoring.corrective_action:update", action.owner_agency_id),
        })


class ActionEditView(PermissionRequiredMixin, View):
    """Full edit for admins/inspectors; status and result only for the owner agency."""

    # Inspectors hold :write but not :update, owner agencies :update only: ``_form`` checks either.
    permission = "monitoring.corrective_action:read"

    def _form(self, request: HttpRequest, action: CorrectiveAction, data: Any = None) -> Any:
        if has_perm(request.user, "monitoring.corrective_action:write"):
            return CorrectiveActionForm(data, instance=CorrectiveAction.objects.get(pk=action.pk))
        require(request.user, "monitoring.corrective_action:update")
        if not has_perm(request.user, "monitoring.corrective_action:update", action.owner_agency_id):
            raise Http404
        return CorrectiveActionProgressForm(data, initial={"status": action.status, "result_th": action.result_th})

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        action = selectors.access_corrective_action(actor=request.user, id=pk)
        return render(request, "monitoring/action_form.html", {"form": self._form(request, action), "action": action})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        action = selectors.access_corrective_action(actor=request.user, id=pk)
        form = self._form(request, action, request.POST)
        if form.is_valid():
            try:
                services.corrective_action_update(actor=request.user, action=action, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกการแก้ไขแล้ว"))
                return redirect("monitoring:action-detail", pk=action.pk)
        return render(request, "monitoring/action_form.html", {"form": form, "action": action}, status=400)


class FindingListView(PermissionRequiredMixin, View):
    permission = "monitoring.finding:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        fy = request.GET.get("fy", "")
        status = request.GET.get("status", "")
        qs = selectors.finding_list(actor=request.user, fiscal_year_be=int(fy) if fy.isdigit() else None, follow_up_status=status)
        page = Paginator(qs, 50).get_page(request.GET.get("page"))
        return render(request, "monitoring/finding_list.html", {
            "page_obj": page, "findings": page.object_list, "fy": fy, "status": status,
            "statuses": InspectionFinding.FollowUp.choices,
        })


class FindingCreateView(PermissionRequiredMixin, View):
    permission = "monitoring.finding:write"

    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        form = FindingForm(initial={"fiscal_year_be": fiscal_year_be(today), "round_number": 1,
                                    "indicator": request.GET.get("indicator"), "agency": request.GET.get("agency")})
        return render(request, "monitoring/finding_form.html", {"form": form, "creating": True})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = FindingForm(request.POST)
        if form.is_valid():
            try:
                finding = services.finding_create(actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกผลการตรวจติดตามแล้ว"))
                return redirect("monitoring:finding-detail", pk=finding.pk)
        return render(request, "monitoring/finding_form.html", {"form": form, "creating": True}, status=400)


class FindingDetailView(PermissionRequiredMixin, View):
    permission = "monitoring.finding:read"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        finding = selectors.access_finding(actor=request.user, id=pk)
        return render(request, "monitoring/finding_detail.html", {"finding": finding, "events": audit_events_for(finding)[:50]})


class FindingEditView(PermissionRequiredMixin, View):
    permission = "monitoring.finding:write"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        finding = selectors.access_finding(actor=request.user, id=pk)
        return render(request, "monitoring/finding_form.html", {"form": FindingForm(instance=finding), "finding": finding})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        finding = selectors.access_finding(actor=request.user, id=pk)
        form = FindingForm(request.POST, instance=InspectionFinding.objects.get(pk=finding.pk))
        if form.is_valid():
            try:
                services.finding_update(actor=request.user, finding=finding, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกการแก้ไขแล้ว"))
                return redirect("monitoring:finding-detail", pk=finding.pk)
        return render(request, "monitoring/finding_form.html", {"form": form, "finding": finding}, status=400)


class EvidenceDownloadView(PermissionRequiredMixin, View):
    permission = "monitoring.indicator:read"

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        m = selectors.access_measurement(actor=request.user, id=pk)
        if not m.evidence:
            raise Http404
        return FileResponse(m.evidence.open("rb"), as_attachment=True, filename=m.evidence_name or "evidence")
