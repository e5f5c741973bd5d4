"""Project pages: list (filters, Thai search, XLSX export), detail, create/edit, status,
budget lines, milestones and indicators."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views import View

from smartprovince.agencies.selectors import editor_agencies
from smartprovince.core.agency_picker import agency_pick
from smartprovince.core.audit import audit_events_for
from smartprovince.core.forms import apply_validation_error
from smartprovince.core.models import Area
from smartprovince.core.pagination import VersionedCountPaginator, VersionedIdsPaginator
from smartprovince.core.permissions import PermissionRequiredMixin, has_perm
from smartprovince.core.thai_calendar import format_date
from smartprovince.core.xlsx import xlsx_response
from smartprovince.plans.models import Strategy

from .. import selectors, services
from ..exports import project_list_sheet
from ..forms import BudgetLineForm, IndicatorForm, MilestoneForm, ProjectForm, StatusForm
from ..models import BudgetLine, Milestone, Project, ProjectIndicator
from ..rules import COUNTED_REPORT_STATUSES
from .common import fiscal_year_choices, fiscal_year_param, int_param

PAGE_SIZE = 25


def _filters(request: HttpRequest) -> dict[str, Any]:
    return {
        "fiscal_year_be": fiscal_year_param(request, default_current=False),
        "strategy_id": int_param(request, "strategy"),
        "status": request.GET.get("status", "") if request.GET.get("status", "") in Project.Status.values else "",
        "district": request.GET.get("district", "").strip()[:4],
        "q": request.GET.get("q", "").strip()[:200],
    }


class ProjectListView(PermissionRequiredMixin, View):
    permission = "projects.project:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        filters = _filters(request)
        # links carry the agency's id (?agency=12); people type a code or a name
        picker = agency_pick(request, name="agency", permission=self.permission, allow_pk=True,
                             blank_label=gettext("ทุกหน่วยงาน"))
        filters["agency_id"] = picker.agency_id
        qs = picker.restrict(selectors.project_list(actor=request.user, **filters))
        if request.GET.get("format") == "xlsx":
            caption = f"รายการโครงการ ณ {format_date(timezone.localdate(), 'long')}"
            return xlsx_response(f"โครงการ-{timezone.localdate():%Y%m%d}.xlsx", [project_list_sheet(qs.iterator(), caption)])
        if filters["q"]:  # a search pages over its matches, found and ordered once per data version
            rows = selectors.project_list(actor=request.user, fiscal_year_be=filters["fiscal_year_be"])
            paginator: Paginator = VersionedIdsPaginator(qs, PAGE_SIZE, apps=("projects",), rows=rows)
        else:  # the whole list walks the (year, code) index; only its total is cached
            paginator = VersionedCountPaginator(qs, PAGE_SIZE, apps=("projects",))
        page = paginator.get_page(request.GET.get("page"))
        ctx = {
            "page_obj": page, "projects": page.object_list, "f": filters, "agency_picker": picker,
            "fiscal_years": fiscal_year_choices(),
            "strategies": Strategy.objects.filter(plan__is_current=True).order_by("number"),
            "statuses": Project.Status.choices,
            "districts": Area.objects.filter(level=Area.Level.DISTRICT).order_by("name_th"),
            "export_query": request.GET.urlencode(),
        }
        return render(request, "projects/project_list.html", ctx)


def _writable_agencies(request: HttpRequest) -> Any:
    return editor_agencies(user=request.user, permission="projects.project:write").order_by("name_th")


class ProjectCreateView(PermissionRequiredMixin, View):
    permission = "projects.project:write"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = ProjectForm(agencies=_writable_agencies(request))
        return render(request, "projects/project_form.html", {"form": form, "creating": True})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ProjectForm(request.POST, agencies=_writable_agencies(request))
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                project = services.project_create(actor=request.user, **data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext(
                    "สร้างโครงการ %(code)s แล้ว เพิ่มงบประมาณ ขั้นตอนสำคัญ และตัวชี้วัดได้ที่หน้านี้"
                ) % {"code": project.code})
                return redirect("projects:detail", pk=project.pk)
        return render(request, "projects/project_form.html", {"form": form, "creating": True}, status=400)


class ProjectUpdateView(PermissionRequiredMixin, View):
    permission = "projects.project:write"

    def _project(self, request: HttpRequest, pk: int) -> Project:
        project = selectors.access_project(actor=request.user, id=pk)
        if not has_perm(request.user, "projects.project:write", project.agency_id):
            raise Http404
        return project

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        project = self._project(request, pk)
        return render(request, "projects/project_form.html", {"form": ProjectForm(instance=project), "project": project})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        project = self._project(request, pk)
        form = ProjectForm(request.POST, instance=Project.objects.get(pk=project.pk))
        if form.is_valid():
            try:
                services.project_update(actor=request.user, project=project, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกการแก้ไขโครงการแล้ว"))
                return redirect("projects:detail", pk=project.pk)
        return render(request, "projects/project_form.html", {"form": form, "project": project}, status=400)


class ProjectDetailView(PermissionRequiredMixin, View):
    permission = "projects.project:read"

    def get(self, request: HttpRequest, pk: int, forms: dict[str, Any] | None = None, status: int = 200) -> HttpResponse:
        project = selectors.project_detail(actor=request.user, id=pk)
        reports = list(project.reports.all())
        budget_by_year: dict[int, dict[str, Any]] = {}
        for line in project.budget_lines.all():
            year = budget_by_year.setdefault(line.fiscal_year_be, {"lines": [], "planned": 0, "allocated": 0, "disbursed": None})
            year["lines"].append(line)
            year["planned"] += line.planned
            year["allocated"] += line.allocated
        for report in sorted(reports, key=lambda r: r.month):
            if report.status in COUNTED_REPORT_STATUSES and report.fiscal_year_be in budget_by_year:
                budget_by_year[report.fiscal_year_be]["disbursed"] = report.disbursed_cumulative
        can_write = has_perm(request.user, "projects.project:write", project.agency_id)
        forms = forms or {}
        ctx = {
            "project": project, "reports": reports, "budget_by_year": sorted(budget_by_year.items()),
            "can_write": can_write,
            "can_report": has_perm(request.user, "projects.report:write", project.agency_id),
            "budget_form": forms.get("budget") or BudgetLineForm(initial={"fiscal_year_be": project.fiscal_year_be}),
            "milestone_form": forms.get("milestone") or MilestoneForm(prefix="ms"),
            "indicator_form": forms.get("indicator") or IndicatorForm(prefix="ind"),
            "status_form": forms.get("status") or StatusForm(initial={"status": project.status}),
            "events": audit_events_for(project)[:30],
            "today": timezone.localdate(),
        }
        return render(request, "projects/project_detail.html", ctx, status=status)


class _ProjectPart(PermissionRequiredMixin, View):
    """POST-only sub-resource of a project (budget line, milestone, indicator, status)."""

    permission = "projects.project:read"
    write_permission = "projects.project:write"

    def project(self, request: HttpRequest, pk: int) -> Project:
        project = selectors.access_project(actor=request.user, id=pk)
        if not has_perm(request.user, "projects.project:write", project.agency_id):
            raise Http404
        return project

    def done(self, request: HttpRequest, pk: int, text: str, anchor: str) -> HttpResponse:
        messages.success(request, text)
        response = redirect("projects:detail", pk=pk)
        response["Location"] += f"#{anchor}"
        return response

    def failed(self, request: HttpRequest, pk: int, key: str, form: Any) -> HttpResponse:
        messages.error(request, gettext("บันทึกไม่สำเร็จ กรุณาตรวจสอบข้อมูลที่แสดงด้านล่าง"))
        return ProjectDetailView().get(request, pk, forms={key: form}, status=400)


class ProjectStatusView(_ProjectPart):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        project = self.project(request, pk)
        form = StatusForm(request.POST)
        if form.is_valid():
            try:
                services.project_set_status(actor=request.user, project=project, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                return self.done(request, pk, gettext("เปลี่ยนสถานะโครงการแล้ว"), "status")
        return self.failed(request, pk, "status", form)


class BudgetLineSaveView(_ProjectPart):
    def post(self, request: HttpRequest, pk: int, line_id: int | None = None) -> HttpResponse:
        project = self.project(request, pk)
        line = BudgetLine.objects.filter(project=project, pk=line_id).first() if line_id else None
        if line_id and line is None:
            raise Http404
        form = BudgetLineForm(request.POST)
        if form.is_valid():
            try:
                services.budget_line_save(actor=request.user, project=project, line=line, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                return self.done(request, pk, gettext("บันทึกรายการงบประมาณแล้ว"), "budget")
        return self.failed(request, pk, "budget", form)


class BudgetLineDeleteView(_ProjectPart):
    def post(self, request: HttpRequest, pk: int, line_id: int) -> HttpResponse:
        project = self.project(request, pk)
        line = BudgetLine.objects.filter(project=project, pk=line_id).first()
        if line is None:
            raise Http404
        services.budget_line_delete(actor=request.user, line=line)
        return self.done(request, pk, gettext("ลบรายการงบประมาณแล้ว"), "budget")


class MilestoneSaveView(_ProjectPart):
    def post(self, request: HttpRequest, pk: int, milestone_id: int | None = None) -> HttpResponse:
        project = self.project(request, pk)
        milestone = Milestone.objects.filter(project=project, pk=milestone_id).first() if milestone_id else None
        if milestone_id and milestone is None:
            raise Http404
        if milestone is not None and request.POST.get("mark_done"):
            services.milestone_save(actor=request.user, project=project, milestone=milestone, name_th=milestone.name_th,
                                    due_date=milestone.due_date, done_date=timezone.localdate())
            return self.done(request, pk, gettext("บันทึกว่า “%(name)s” แล้วเสร็จ") % {"name": milestone.name_th},
                             "milestones")
        form = MilestoneForm(request.POST, prefix="ms")
        if form.is_valid():
            try:
                services.milestone_save(actor=request.user, project=project, milestone=milestone, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                return self.done(request, pk, gettext("บันทึกขั้นตอนสำคัญแล้ว"), "milestones")
        return self.failed(request, pk, "milestone", form)


class MilestoneDeleteView(_ProjectPart):
    def post(self, request: HttpRequest, pk: int, milestone_id: int) -> HttpResponse:
        project = self.project(request, pk)
        milestone = Milestone.objects.filter(project=project, pk=milestone_id).first()
        if milestone is None:
            raise Http404
        services.milestone_delete(actor=request.user, milestone=milestone)
        return self.done(request, pk, gettext("ลบขั้นตอนสำคัญแล้ว"), "milestones")


class IndicatorSaveView(_ProjectPart):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        project = self.project(request, pk)
        form = IndicatorForm(request.POST, prefix="ind")
        if form.is_valid():
            try:
                services.indicator_save(actor=request.user, project=project, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                return self.done(request, pk, gettext("เพิ่มตัวชี้วัดโครงการแล้ว"), "indicators")
        return self.failed(request, pk, "indicator", form)


class IndicatorDeleteView(_ProjectPart):
    def post(self, request: HttpRequest, pk: int, indicator_id: int) -> HttpResponse:
        project = self.project(request, pk)
        indicator = ProjectIndicator.objects.filter(project=project, pk=indicator_id).first()
        if indicator is None:
            raise Http404
        services.indicator_delete(actor=request.user, indicator=indicator)
        return self.done(request, pk, gettext("ลบตัวชี้วัดแล้ว"), "indicators")
