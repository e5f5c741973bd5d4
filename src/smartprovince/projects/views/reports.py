"""Monthly progress report pages: the mobile-friendly form (save as draft with htmx, submit),
the report page with its review timeline, review (accept/return), evidence files."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views import View

from smartprovince.core.forms import apply_validation_error
from smartprovince.core.permissions import PermissionRequiredMixin, has_perm
from smartprovince.core.thai_calendar import add_months, fiscal_year_be, month_start

from .. import selectors, services
from ..forms import CommentForm, EvidenceForm, ReportForm
from ..models import ProgressReport, Project
from ..services.reports import EDITABLE_STATUSES, allocated_for, previous_report
from .common import fiscal_year_param, form_errors_text, int_param


def _editable_project(request: HttpRequest, pk: int) -> Project:
    project = selectors.access_project(actor=request.user, id=pk)
    if not has_perm(request.user, "projects.report:write", project.agency_id):
        raise Http404
    return project


def _suggest_month(project: Project) -> Any:
    """The first month without a report, not after the current month."""
    taken = set(project.reports.values_list("month", flat=True))
    month = month_start(project.start_date)
    last = min(month_start(timezone.localdate()), month_start(project.end_date))
    while month <= last and month in taken:
        month = add_months(month, 1)
    return min(month, last)


def _form_context(request: HttpRequest, project: Project, form: ReportForm, report: ProgressReport | None) -> dict[str, Any]:
    probe = report or ProgressReport(project=project, month=form.initial.get("month") or month_start(timezone.localdate()))
    prev = previous_report(probe) if probe.month else None
    fy = report.fiscal_year_be if report else None
    return {
        "project": project, "form": form, "report": report, "previous": prev,
        "allocated": allocated_for(project, fy) if fy else None,
        "evidence_form": EvidenceForm(),
        "action": reverse("projects:report-edit", args=[report.pk]) if report else reverse("projects:report-create", args=[project.pk]),
    }


def _render_form(request: HttpRequest, ctx: dict[str, Any], status: int = 200) -> HttpResponse:
    template = "projects/_report_form.html" if request.htmx else "projects/report_form.html"  # type: ignore[attr-defined]
    return render(request, template, ctx, status=status)


def _handle_post(request: HttpRequest, project: Project, report: ProgressReport | None) -> HttpResponse:
    indicators = list(project.indicators.all())
    form = ReportForm(request.POST, instance=report, indicators=indicators, fixed_month=report is not None)
    submitting = "submit" in request.POST
    if form.is_valid():
        try:
            saved = services.report_save(
                actor=request.user, project=project, month=form.cleaned_data["month"] if report is None else report.month,
                report=report, indicator_values=form.indicator_values(), **form.report_fields(),
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            if submitting:
                try:
                    services.report_submit(actor=request.user, report=saved)
                except ValidationError as exc:
                    form = ReportForm(request.POST, instance=saved, indicators=indicators, fixed_month=True)
                    form.is_valid()
                    apply_validation_error(form, exc)
                    messages.warning(request, gettext("บันทึกร่างไว้แล้ว แต่ยังส่งรายงานไม่ได้ กรุณาแก้ไขตามที่แจ้ง"))
                    ctx = _form_context(request, project, form, saved)
                    response = _render_form(request, ctx, status=400)
                    response["HX-Push-Url"] = reverse("projects:report-edit", args=[saved.pk])
                    return response
                messages.success(request, gettext("ส่งรายงานความก้าวหน้าถึงจังหวัดแล้ว"))
                if request.htmx:  # type: ignore[attr-defined]
                    response = HttpResponse(status=204)
                    response["HX-Redirect"] = reverse("projects:report-detail", args=[saved.pk])
                    return response
                return redirect("projects:report-detail", pk=saved.pk)
            if request.htmx:  # type: ignore[attr-defined]
                form = ReportForm(instance=saved, indicators=indicators, fixed_month=True)
                ctx = _form_context(request, project, form, saved)
                ctx["saved_at"] = timezone.localtime()
                response = _render_form(request, ctx)
                response["HX-Push-Url"] = reverse("projects:report-edit", args=[saved.pk])
                return response
            messages.success(request, gettext("บันทึกร่างรายงานแล้ว"))
            return redirect("projects:report-edit", pk=saved.pk)
    elif request.htmx:  # type: ignore[attr-defined]
        messages.error(request, form_errors_text(form) or gettext("ข้อมูลไม่ถูกต้อง"))
    return _render_form(request, _form_context(request, project, form, report), status=400)


class ReportCreateView(PermissionRequiredMixin, View):
    permission = "projects.report:write"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        project = _editable_project(request, pk)
        month = _suggest_month(project)
        probe = ProgressReport(project=project, month=month)
        prev = previous_report(probe)
        # Start from last month's figures: progress carries over; disbursement only within the fiscal year.
        initial = {
            "month": month,
            "progress_percent": prev.progress_percent if prev else 0,
            "disbursed_cumulative": prev.disbursed_cumulative if prev and prev.fiscal_year_be == fiscal_year_be(month) else 0,
        }
        form = ReportForm(initial=initial, indicators=project.indicators.all())
        return render(request, "projects/report_form.html", _form_context(request, project, form, None))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        return _handle_post(request, _editable_project(request, pk), None)


class ReportEditView(PermissionRequiredMixin, View):
    permission = "projects.report:write"

    def _report(self, request: HttpRequest, pk: int) -> ProgressReport:
        report = selectors.access_report(actor=request.user, id=pk)
        if not has_perm(request.user, "projects.report:write", report.project.agency_id):
            raise Http404
        return report

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = self._report(request, pk)
        if report.status not in EDITABLE_STATUSES:
            messages.info(request, gettext("รายงานนี้ส่งแล้ว แก้ไขได้เมื่อจังหวัดส่งกลับให้แก้ไข"))
            return redirect("projects:report-detail", pk=report.pk)
        form = ReportForm(instance=report, indicators=report.project.indicators.all(), fixed_month=True)
        return render(request, "projects/report_form.html", _form_context(request, report.project, form, report))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = self._report(request, pk)
        if report.status not in EDITABLE_STATUSES:
            messages.error(request, gettext("รายงานนี้ส่งแล้ว แก้ไขไม่ได้"))
            return redirect("projects:report-detail", pk=report.pk)
        return _handle_post(request, report.project, report)


class ReportDetailView(PermissionRequiredMixin, View):
    permission = "projects.project:read"

    def get(self, request: HttpRequest, pk: int, comment_form: CommentForm | None = None, status: int = 200) -> HttpResponse:
        report = selectors.access_report(actor=request.user, id=pk)
        agency_id = report.project.agency_id
        ctx = {
            "report": report, "project": report.project,
            "events": report.events.select_related("actor"),
            "evidence": report.evidence.all(),
            "results": report.indicator_results.select_related("indicator"),
            "previous": previous_report(report),
            "allocated": allocated_for(report.project, report.fiscal_year_be),
            "can_edit": report.status in EDITABLE_STATUSES and has_perm(request.user, "projects.report:write", agency_id),
            "can_review": report.status == ProgressReport.Status.SUBMITTED
            and has_perm(request.user, "projects.report:review", agency_id),
            "comment_form": comment_form or CommentForm(),
            "evidence_form": EvidenceForm(),
        }
        return render(request, "projects/report_detail.html", ctx, status=status)


class ReportSubmitView(PermissionRequiredMixin, View):
    permission = "projects.project:read"
    write_permission = "projects.report:write"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = selectors.access_report(actor=request.user, id=pk)
        if not has_perm(request.user, "projects.report:write", report.project.agency_id):
            raise Http404
        try:
            services.report_submit(actor=request.user, report=report)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("projects:report-edit", pk=report.pk)
        messages.success(request, gettext("ส่งรายงานความก้าวหน้าถึงจังหวัดแล้ว"))
        return redirect("projects:report-detail", pk=report.pk)


class ReportReviewView(PermissionRequiredMixin, View):
    permission = "projects.project:read"
    write_permission = "projects.report:review"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = selectors.access_report(actor=request.user, id=pk)
        form = CommentForm(request.POST)
        form.is_valid()
        comment = form.cleaned_data.get("comment", "")
        try:
            if request.POST.get("decision") == "return":
                services.report_return(actor=request.user, report=report, comment=comment)
                messages.success(request, gettext("ส่งรายงานกลับให้หน่วยงานแก้ไขแล้ว"))
            else:
                services.report_accept(actor=request.user, report=report, comment=comment)
                messages.success(request, gettext("รับรายงานแล้ว"))
        except ValidationError as exc:
            apply_validation_error(form, exc)
            return ReportDetailView().get(request, pk, comment_form=form, status=400)
        return redirect("projects:report-detail", pk=report.pk)


class EvidenceUploadView(PermissionRequiredMixin, View):
    permission = "projects.project:read"
    write_permission = "projects.report:write"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = selectors.access_report(actor=request.user, id=pk)
        if not has_perm(request.user, "projects.report:write", report.project.agency_id):
            raise Http404
        form = EvidenceForm(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, form_errors_text(form))
        else:
            upload = form.cleaned_data["file"]
            try:
                services.evidence_add(actor=request.user, report=report, file=upload, name=upload.name, size=upload.size,
                                      caption_th=form.cleaned_data["caption_th"])
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, gettext("แนบไฟล์ “%(name)s” แล้ว") % {"name": upload.name})
        target = "projects:report-edit" if report.status in EDITABLE_STATUSES else "projects:report-detail"
        return redirect(reverse(target, args=[report.pk]) + "#evidence")


class EvidenceDeleteView(PermissionRequiredMixin, View):
    permission = "projects.project:read"
    write_permission = "projects.report:write"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        evidence = selectors.access_evidence(actor=request.user, id=pk)
        report_id = evidence.report_id
        if not has_perm(request.user, "projects.report:write", evidence.report.project.agency_id):
            raise Http404
        try:
            services.evidence_remove(actor=request.user, evidence=evidence)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, gettext("ลบไฟล์หลักฐานแล้ว"))
        return redirect(reverse("projects:report-edit", args=[report_id]) + "#evidence")


class EvidenceDownloadView(PermissionRequiredMixin, View):
    """Evidence is private to the agency and the province: served through a permission check."""

    permission = "projects.project:read"

    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        evidence = selectors.access_evidence(actor=request.user, id=pk)
        try:
            handle = evidence.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(handle, content_type=evidence.content_type,
                                as_attachment=not evidence.is_image and evidence.content_type != "application/pdf",
                                filename=evidence.original_name)
        response["X-Content-Type-Options"] = "nosniff"
        return response


class ReportQueueView(PermissionRequiredMixin, View):
    """Reports waiting for review (province) or the agency's own reports by status."""

    permission = "projects.project:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        status = request.GET.get("status", ProgressReport.Status.SUBMITTED)
        if status not in ProgressReport.Status.values:
            status = ""
        fy = fiscal_year_param(request, default_current=False)
        qs = selectors.report_list(actor=request.user, status=status, fiscal_year_be=fy, agency_id=int_param(request, "agency"))
        page = Paginator(qs, 30).get_page(request.GET.get("page"))
        return render(request, "projects/report_queue.html", {
            "page_obj": page, "reports": page.object_list, "status": status, "statuses": ProgressReport.Status.choices,
            "fy": fy,
        })
