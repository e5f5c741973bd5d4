"""Indicators: list with status, detail with drill-down, targets, reported values and their review."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views import View

from smartprovince.core.audit import audit_events_for
from smartprovince.core.forms import apply_validation_error
from smartprovince.core.permissions import PermissionRequiredMixin, has_perm
from smartprovince.core.thai_calendar import parse_period_key

from .. import figures, selectors, services
from ..forms import ReportedValueForm, ReviewForm, TargetsForm, ThresholdsForm
from ..models import Measurement
from ..registry import column_headings, metric_get
from ..selectors.indicators import IndicatorRow, assess_measurement, has_source
from .dashboard import filter_context, period_from_request, period_query


class IndicatorListView(PermissionRequiredMixin, View):
    permission = "monitoring.indicator:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        plan, period = period_from_request(request)
        rows = selectors.indicator_rows(plan, period)
        from urllib.parse import urlencode

        return render(request, "monitoring/indicator_list.html", {
            "plan": plan, "rows": rows, "ind_query": urlencode(period_query(period)), **filter_context(plan, period),
        })


class IndicatorDetailView(PermissionRequiredMixin, View):
    permission = "monitoring.indicator:read"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        indicator = selectors.access_indicator(actor=request.user, id=pk)
        plan, period = period_from_request(request)
        rows = selectors.indicator_rows(indicator.plan, period, scope=indicator.scope)
        row = next(r for r in rows if r.indicator.pk == indicator.pk)
        history = list(selectors.measurement_history(indicator, actor=request.user))
        thresholds = selectors.thresholds_get()
        assessed = []
        for m in history:
            a = assess_measurement(indicator, m, row.targets, parse_period_key(m.period_key), thresholds) if m.counts else None
            assessed.append((m, a))
        definition = metric_get(indicator.metric) if indicator.metric else None
        show_rows = has_perm(request.user, "monitoring.dashboard:read")
        ctx: dict[str, Any] = {
            "indicator": indicator, "row": row, "history": assessed, "definition": definition,
            "has_source": has_source(indicator), "fig_history": figures.indicator_history(row),
            "can_report": _can_report(request.user, indicator),
            "actions": selectors.corrective_action_list(actor=request.user, indicator_id=indicator.pk)[:20],
            "findings": selectors.finding_list(actor=request.user).filter(indicator=indicator)[:20],
            "show_rows": show_rows, "events": audit_events_for(indicator)[:20], **filter_context(plan, period),
        }
        if show_rows and row.measurement is not None:
            full = Measurement.objects.get(pk=row.measurement.pk)
            page = Paginator(full.rows or [], 50).get_page(request.GET.get("page"))
            ctx.update({"drill": full, "drill_page": page, "page_obj": page, "drill_columns": column_headings(full.columns)})
        return render(request, "monitoring/indicator_detail.html", ctx)


def _can_report(user: Any, indicator: Any) -> bool:
    if indicator.measure != "reported":
        return False
    if indicator.responsible_agency_id:
        return has_perm(user, "monitoring.measurement:report", indicator.responsible_agency_id)
    return has_perm(user, "monitoring.target:write")


class MeasurementDetailView(PermissionRequiredMixin, View):
    """One measurement and the rows it counted (the drill-down of a number)."""

    permission = "monitoring.indicator:read"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        m = selectors.access_measurement(actor=request.user, id=pk)
        show_rows = has_perm(request.user, "monitoring.dashboard:read") or (
            m.agency_id is not None and has_perm(request.user, "monitoring.measurement:report", m.agency_id)
        )
        page = Paginator(m.rows or [] if show_rows else [], 50).get_page(request.GET.get("page"))
        targets = {t.fiscal_year_be: t.value for t in m.indicator.targets.all()}
        assessment = assess_measurement(
            m.indicator, m, targets, parse_period_key(m.period_key), selectors.thresholds_get()
        ) if m.counts else None
        return render(request, "monitoring/measurement_detail.html", {
            "m": m, "page_obj": page, "columns": column_headings(m.columns), "show_rows": show_rows, "assessment": assessment,
            "can_report": _can_report(request.user, m.indicator), "review_form": ReviewForm(),
            "can_review": has_perm(request.user, "monitoring.measurement:approve"), "events": audit_events_for(m)[:30],
        })


class ReportedValueView(PermissionRequiredMixin, View):
    """The responsible agency enters (or corrects) a reported value with evidence."""

    permission = "monitoring.measurement:report"

    def _context(self, indicator: Any, form: Any) -> dict[str, Any]:
        return {"indicator": indicator, "form": form}

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        indicator = selectors.access_indicator(actor=request.user, id=pk)
        initial: dict[str, Any] = {"period": request.GET.get("period") or str(indicator.plan.fiscal_year_end_be)}
        existing = Measurement.objects.filter(
            indicator=indicator, period_key=initial["period"], source=Measurement.Source.REPORTED
        ).first()
        if existing:
            initial.update(value=existing.value, numerator=existing.numerator, denominator=existing.denominator,
                           note_th=existing.note_th, evidence_url=existing.evidence_url)
        return render(request, "monitoring/reported_form.html", self._context(indicator, ReportedValueForm(initial=initial)))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        indicator = selectors.access_indicator(actor=request.user, id=pk)
        form = ReportedValueForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            upload = data.get("evidence")
            try:
                m = services.measurement_report_save(
                    actor=request.user, indicator=indicator, period=data["period"], value=data["value"],
                    numerator=data["numerator"], denominator=data["denominator"], note_th=data["note_th"],
                    evidence_url=data["evidence_url"] or "", evidence=upload, evidence_name=upload.name if upload else "",
                )
                if "submit" in request.POST:
                    services.measurement_submit(actor=request.user, measurement=m)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(
                    request, gettext("ส่งค่าให้จังหวัดพิจารณาแล้ว") if "submit" in request.POST else gettext("บันทึกร่างแล้ว")
                )
                return redirect("monitoring:measurement-detail", pk=m.pk)
        return render(request, "monitoring/reported_form.html", self._context(indicator, form), status=400)


class MeasurementActionView(PermissionRequiredMixin, View):
    """POST submit / approve / return of a reported value."""

    permission = "monitoring.indicator:read"
    write_permission = "monitoring.measurement:report"

    def needed_permission(self, method: str) -> str | None:
        action = self.kwargs.get("action")
        if method == "POST" and action in ("approve", "return"):
            return "monitoring.measurement:approve"
        return super().needed_permission(method)

    def post(self, request: HttpRequest, pk: int, action: str) -> HttpResponse:
        m = selectors.access_measurement(actor=request.user, id=pk)
        form = ReviewForm(request.POST)
        comment = form.data.get("comment", "")
        try:
            if action == "submit":
                services.measurement_submit(actor=request.user, measurement=m)
                messages.success(request, gettext("ส่งค่าให้จังหวัดพิจารณาแล้ว"))
            elif action == "approve":
                services.measurement_approve(actor=request.user, measurement=m, comment=comment)
                messages.success(request, gettext("อนุมัติค่าแล้ว ค่านี้จะนำไปใช้ในแดชบอร์ดและรายงาน"))
            elif action == "return":
                services.measurement_return(actor=request.user, measurement=m, comment=comment)
                messages.success(request, gettext("ส่งกลับให้หน่วยงานแก้ไขแล้ว"))
            else:
                return HttpResponse(status=404)
        except ValidationError as exc:
            for text in exc.messages:
                messages.error(request, text)
        return redirect("monitoring:measurement-detail", pk=m.pk)


class ReportedListView(PermissionRequiredMixin, View):
    """Reported values to review (approvers) or to follow (agencies)."""

    permission = "monitoring.measurement:report"

    def get(self, request: HttpRequest) -> HttpResponse:
        status = request.GET.get("status", "")
        qs = selectors.reported_measurement_list(actor=request.user, status=status)
        page = Paginator(qs, 50).get_page(request.GET.get("page"))
        return render(request, "monitoring/reported_list.html", {
            "page_obj": page, "items": page.object_list, "status": status, "statuses": Measurement.Status.choices,
        })


class TargetsView(PermissionRequiredMixin, View):
    permission = "monitoring.target:write"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        indicator = selectors.access_indicator(actor=request.user, id=pk)
        return render(request, "monitoring/targets_form.html", {"indicator": indicator, "form": TargetsForm(indicator=indicator)})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        indicator = selectors.access_indicator(actor=request.user, id=pk)
        form = TargetsForm(request.POST, indicator=indicator)
        if form.is_valid():
            from django.db import transaction

            try:
                with transaction.atomic():
                    for fy in indicator.plan.fiscal_years:
                        raw = form.cleaned_data.get(f"fy_{fy}")
                        if raw not in (None, ""):
                            try:
                                services.target_set(actor=request.user, indicator=indicator, fiscal_year_be=fy, value=raw)
                            except ValidationError as exc:
                                raise ValidationError({f"fy_{fy}": exc.messages}) from None
                    services.indicator_set_responsible(
                        actor=request.user, indicator=indicator, agency=form.cleaned_data["responsible_agency"]
                    )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกค่าเป้าหมายแล้ว"))
                return redirect("monitoring:indicator-detail", pk=indicator.pk)
        return render(request, "monitoring/targets_form.html", {"indicator": indicator, "form": form}, status=400)


class ThresholdsView(PermissionRequiredMixin, View):
    permission = "monitoring.target:write"

    def get(self, request: HttpRequest) -> HttpResponse:
        t = selectors.thresholds_get()
        form = ThresholdsForm(initial={"on_track_percent": t.on_track, "at_risk_percent": t.at_risk})
        return render(request, "monitoring/thresholds_form.html", {"form": form})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ThresholdsForm(request.POST)
        if form.is_valid():
            try:
                services.thresholds_update(actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกเกณฑ์สถานะแล้ว"))
                return redirect("monitoring:indicator-list")
        return render(request, "monitoring/thresholds_form.html", {"form": form}, status=400)


class MeasureView(PermissionRequiredMixin, View):
    """POST: snapshot every computed indicator for a period now (as a job with progress)."""

    permission = "monitoring.measurement:snapshot"

    def get(self, request: HttpRequest) -> HttpResponse:
        return redirect("monitoring:dashboard")

    def post(self, request: HttpRequest) -> HttpResponse:
        try:
            period = parse_period_key(request.POST.get("period", ""))
        except ValueError as exc:
            messages.error(request, str(exc))
            return redirect("monitoring:dashboard")
        job = services.measurement_snapshot_request(actor=request.user, period=period)
        return render(request, "monitoring/measure_started.html", {"job": job, "period": period, "today": timezone.localdate()})


__all__ = ["IndicatorRow"]
