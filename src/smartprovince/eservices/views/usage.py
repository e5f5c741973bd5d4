"""Back-office pages for usage statistics: list, one-value form, XLSX import and template."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views import View

from smartprovince.core import thai_calendar as tc
from smartprovince.core.agency_picker import agency_pick
from smartprovince.core.forms import apply_validation_error
from smartprovince.core.i18n import month_text
from smartprovince.core.permissions import PermissionRequiredMixin, has_perm
from smartprovince.core.xlsx import Sheet, xlsx_response

from .. import selectors, services
from ..choices import ChannelType
from ..forms import UsageForm, UsageImportForm
from ..models import EService
from ..services.usage import IMPORT_HEADERS, import_template_rows


def _writable_services(request: HttpRequest, agency_id: int | None = None) -> QuerySet[EService]:
    agencies = selectors.writable_agencies(actor=request.user, permission="eservices.usage:write")
    qs = EService.objects.filter(agency__in=agencies, is_active=True).select_related("agency").order_by("code")
    return qs.filter(agency_id=agency_id) if agency_id else qs


def _form_services(request: HttpRequest, agency_id: int | None) -> QuerySet[EService] | None:
    """The services the record form offers: the chosen agency's, or the user's when they write for
    one agency only; ``None`` when they write for several and chose none (a province admin would
    otherwise get a choice of every service in the province)."""
    if agency_id:
        return _writable_services(request, agency_id)
    agencies = selectors.writable_agencies(actor=request.user, permission="eservices.usage:write")
    return _writable_services(request) if len(agencies.values_list("pk", flat=True)[:2]) == 1 else None


class UsageListView(PermissionRequiredMixin, View):
    permission = "eservices.service:read"

    def _render(self, request: HttpRequest, form: UsageForm | None, import_form: UsageImportForm | None, errors: list[str] | None = None, status: int = 200) -> HttpResponse:
        # Links carry the agency's id (?agency=12); people type a code or a name.
        picker = agency_pick(request, name="agency", permission="eservices.service:read", allow_pk=True,
                             blank_label=gettext("ทั้งหมด"))
        qs = picker.restrict(selectors.usage_list(actor=request.user, agency_id=picker.agency_id))
        page = Paginator(qs, 50).get_page(request.GET.get("page"))
        today = timezone.localdate()
        last_month = tc.add_months(tc.month_start(today), -1)
        offered = None
        if has_perm(request.user, "eservices.usage:write"):
            offered = _form_services(request, picker.agency_id)
            if form is None:
                form = UsageForm(services=offered if offered is not None else EService.objects.none(), initial={
                    "month": last_month.month, "year_be": tc.be_year(last_month.year), "channel_type": ChannelType.ESERVICE})
            elif offered is not None:
                form.offer(offered)  # a refused post: the same choice as before it, the chosen value kept
        return render(
            request, "eservices/usage.html",
            {
                "page_obj": page, "rows": page.object_list, "agency_picker": picker,
                "form": form, "choose_agency_first": offered is None,
                "import_form": import_form or UsageImportForm(), "import_errors": errors or [],
            },
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, None, None)


class UsageRecordView(UsageListView):
    write_permission = "eservices.usage:write"

    def post(self, request: HttpRequest) -> HttpResponse:
        form = UsageForm(request.POST, services=_writable_services(request))
        if form.is_valid():
            try:
                stat = services.usage_record(
                    actor=request.user, service=form.cleaned_data["service"], channel_type=form.cleaned_data["channel_type"],
                    month=form.month_date(), transactions=form.cleaned_data["transactions"],
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกสถิติ %(service)s เดือน%(month)s แล้ว") % {
                    "service": stat.service.name_th, "month": month_text(stat.month, "long"),
                })
                # the next month or service of the same agency is entered from the same page
                return redirect(f"{reverse('eservices:usage')}?agency={stat.service.agency_id}")
        return self._render(request, form, None, status=400)


class UsageImportView(UsageListView):
    write_permission = "eservices.usage:write"

    def post(self, request: HttpRequest) -> HttpResponse:
        form = UsageImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._render(request, None, form, status=400)
        try:
            result = services.usage_import(actor=request.user, data=form.cleaned_data["file"].read())
        except ValidationError as exc:
            return self._render(request, None, form, errors=exc.messages, status=400)
        messages.success(request, gettext("นำเข้าแล้ว: เพิ่ม %(created)s รายการ ปรับปรุง %(updated)s รายการ") % {
            "created": f"{result.created:,}", "updated": f"{result.updated:,}",
        })
        return redirect("eservices:usage")


class UsageTemplateView(PermissionRequiredMixin, View):
    permission = "eservices.usage:write"

    def get(self, request: HttpRequest) -> HttpResponse:
        month = tc.add_months(tc.month_start(timezone.localdate()), -1)
        svc = list(_writable_services(request))  # type: ignore[call-overload]
        return xlsx_response(
            "แบบนำเข้าสถิติการใช้บริการ.xlsx",
            [
                Sheet("สถิติ", IMPORT_HEADERS, import_template_rows(svc, month), widths=[20, 34, 14, 14]),
                Sheet("ช่องทาง", ["ช่องทาง (ใช้ตามนี้)", "นับเป็นช่องทางดิจิทัล"], [
                    [label, "ไม่ใช่" if value in ("phone", "counter") else "ใช่"] for value, label in ChannelType.choices
                ], widths=[40, 22]),
                Sheet("งานบริการ", ["รหัสงานบริการ", "ชื่องานบริการ", "หน่วยงาน"], [
                    [s.code, s.name_th, s.agency.name_th] for s in svc
                ], widths=[20, 50, 40]),
            ],
        )
