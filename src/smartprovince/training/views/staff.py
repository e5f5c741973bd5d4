"""Staff register pages (personal data: own agency's editors and the province admin only)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.views import View

from smartprovince.agencies.models import Agency
from smartprovince.core.agency_picker import agency_pick
from smartprovince.core.audit import audit_events_for
from smartprovince.core.forms import apply_validation_error
from smartprovince.core.permissions import PermissionRequiredMixin, has_perm
from smartprovince.core.templatetags.thai import tr
from smartprovince.core.thai_calendar import fiscal_year_be
from smartprovince.core.xlsx import Sheet, xlsx_response

from .. import selectors, services
from ..forms import AssessmentForm, HeadcountForm, PersonForm, PersonLeaveForm, StaffImportForm
from ..models import HeadcountSnapshot, SkillFramework
from ..services.staff_import import template_rows

PERSONAL = "training.staff:read_personal"


def staff_agency(request: HttpRequest, code: str | None = None) -> Agency:
    """The agency whose register is open: ``code`` (404 when not allowed) or the user's first."""
    agencies = selectors.staff_agencies(actor=request.user)
    code = code or request.GET.get("agency") or ""
    agency = agencies.filter(code=code).first() if code else agencies.first()
    if agency is None:
        raise Http404
    return agency


class StaffListView(PermissionRequiredMixin, View):
    permission = PERSONAL

    def get(self, request: HttpRequest) -> HttpResponse:
        picker = agency_pick(request, name="agency", permission=PERSONAL)
        # The first two agencies: the default register, and whether there is a choice at all.
        first = list(selectors.staff_agencies(actor=request.user)[:2])
        agency = picker.agency or (first[0] if first and not picker.text else None)
        if agency is None and not picker.text:
            raise Http404
        status = request.GET.get("status", "active")
        q = request.GET.get("q", "").strip()
        ctx: dict[str, Any] = {
            "agency": agency, "agency_picker": picker, "choose_agency": len(first) > 1, "q": q, "status": status,
        }
        if agency is None:
            # Typed a name that is none (404, as for another agency's code) or several (200) of
            # the user's agencies: say so, list nobody.
            return render(request, "training/staff_list.html", ctx, status=200 if picker.candidates else 404)
        qs = selectors.person_list(actor=request.user, agency=agency, search=q, status=status)
        page = Paginator(qs, 50).get_page(request.GET.get("page"))
        ctx.update({
            "page_obj": page, "people": page.object_list,
            "headcounts": HeadcountSnapshot.objects.filter(agency=agency).order_by("-fiscal_year_be")[:5],
            "year": fiscal_year_be(timezone.localdate()), "can_write": has_perm(request.user, "training.staff:write", agency.pk),
        })
        return render(request, "training/staff_list.html", ctx)


class PersonCreateView(PermissionRequiredMixin, View):
    permission = "training.staff:write"

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        agency = staff_agency(request, code)
        return render(request, "training/person_form.html", {"form": PersonForm(), "agency": agency})

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        agency = staff_agency(request, code)
        form = PersonForm(request.POST)
        if form.is_valid():
            try:
                person = services.person_create(actor=request.user, agency=agency, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("เพิ่ม %(name)s แล้ว") % {"name": person.full_name})
                return redirect("training:person-detail", pk=person.pk)
        return render(request, "training/person_form.html", {"form": form, "agency": agency}, status=400)


class PersonDetailView(PermissionRequiredMixin, View):
    permission = PERSONAL

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        person = selectors.access_person(actor=request.user, id=pk)
        ctx: dict[str, Any] = {
            "person": person, "enrolments": selectors.person_enrolments(person=person),
            "assessments": person.assessments.select_related("framework").prefetch_related("scores__area"),
            "leave_form": PersonLeaveForm(), "frameworks": SkillFramework.objects.filter(is_active=True),
            "can_write": has_perm(request.user, "training.staff:write", person.agency_id),
            "events": audit_events_for(person)[:30],
        }
        return render(request, "training/person_detail.html", ctx)


class PersonUpdateView(PermissionRequiredMixin, View):
    permission = "training.staff:write"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        person = selectors.access_person(actor=request.user, id=pk)
        return render(request, "training/person_form.html", {"form": PersonForm(instance=person), "agency": person.agency, "person": person})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        person = selectors.access_person(actor=request.user, id=pk)
        form = PersonForm(request.POST, instance=selectors.access_person(actor=request.user, id=pk))
        if form.is_valid():
            try:
                services.person_update(actor=request.user, person=person, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกการแก้ไขแล้ว"))
                return redirect("training:person-detail", pk=person.pk)
        return render(request, "training/person_form.html", {"form": form, "agency": person.agency, "person": person}, status=400)


class PersonLeaveView(PermissionRequiredMixin, View):
    permission = "training.staff:write"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        person = selectors.access_person(actor=request.user, id=pk)
        form = PersonLeaveForm(request.POST)
        if form.is_valid():
            try:
                services.person_leave(actor=request.user, person=person, **form.cleaned_data)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, gettext("บันทึกการพ้นจากหน่วยงานของ %(name)s แล้ว") % {"name": person.full_name})
        else:
            messages.error(request, gettext("กรุณาระบุวันที่พ้นจากหน่วยงานให้ถูกต้อง"))
        return redirect("training:person-detail", pk=person.pk)


class StaffImportTemplateView(PermissionRequiredMixin, View):
    permission = "training.staff:write"

    def get(self, request: HttpRequest) -> HttpResponse:
        headers, examples = template_rows()
        return xlsx_response("แบบฟอร์มนำเข้าบุคลากร.xlsx", [Sheet("บุคลากร", headers, examples, widths=[10, 18, 18, 34, 18, 20, 24, 28, 26])])


class StaffImportView(PermissionRequiredMixin, View):
    permission = "training.staff:write"

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        agency = staff_agency(request, code)
        return render(request, "training/staff_import.html", {"form": StaffImportForm(), "agency": agency})

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        agency = staff_agency(request, code)
        form = StaffImportForm(request.POST, request.FILES)
        errors: list[str] = []
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = services.staff_import(actor=request.user, agency=agency, fileobj=upload, size=upload.size)
            except ValidationError as exc:
                errors = exc.messages
            else:
                messages.success(request, ngettext(
                    "นำเข้าบุคลากร %(count)s คน เข้าทะเบียนของ%(agency)sแล้ว",
                    "นำเข้าบุคลากร %(count)s คน เข้าทะเบียนของ%(agency)sแล้ว",
                    result.created,
                ) % {
                    "count": f"{result.created:,}", "agency": tr(agency),
                })
                return redirect(f"{reverse('training:staff-list')}?agency={agency.code}")
        return render(request, "training/staff_import.html", {"form": form, "agency": agency, "errors": errors}, status=400)


class HeadcountView(PermissionRequiredMixin, View):
    permission = "training.staff:write"

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        agency = staff_agency(request, code)
        form = HeadcountForm(initial={"fiscal_year_be": fiscal_year_be(timezone.localdate())})
        return render(request, "training/headcount_form.html", {"form": form, "agency": agency,
                      "snapshots": HeadcountSnapshot.objects.filter(agency=agency)})

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        agency = staff_agency(request, code)
        form = HeadcountForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["total"]:
                    services.headcount_set(actor=request.user, agency=agency, fiscal_year_be=data["fiscal_year_be"],
                                           total=data["total"], it_count=data["it_count"] or 0, note=data["note"])
                else:
                    services.headcount_snapshot_take(actor=request.user, agency=agency,
                                                     fiscal_year_be=data["fiscal_year_be"], today=timezone.localdate())
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกจำนวนบุคลากรปีงบประมาณ %(fy)s แล้ว") % {"fy": data["fiscal_year_be"]})
                return redirect("training:headcount", code=agency.code)
        return render(request, "training/headcount_form.html", {"form": form, "agency": agency,
                      "snapshots": HeadcountSnapshot.objects.filter(agency=agency)}, status=400)


class AssessmentCreateView(PermissionRequiredMixin, View):
    permission = "training.assessment:write"

    def _framework(self, request: HttpRequest) -> SkillFramework:
        fw = SkillFramework.objects.filter(pk=request.GET.get("framework") or request.POST.get("framework") or 0).first()
        return fw or SkillFramework.objects.filter(is_active=True).order_by("-issued_on").first() or SkillFramework.objects.get()

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        person = selectors.access_person(actor=request.user, id=pk)
        fw = self._framework(request)
        return render(request, "training/assessment_form.html", {"person": person, "framework": fw,
                      "form": AssessmentForm(framework=fw, initial={"assessed_on": timezone.localdate()})})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        person = selectors.access_person(actor=request.user, id=pk)
        fw = self._framework(request)
        form = AssessmentForm(request.POST, framework=fw)
        if form.is_valid():
            try:
                services.assessment_record(actor=request.user, person=person, framework=fw,
                                           assessed_on=form.cleaned_data["assessed_on"], scores=form.scores(),
                                           assessor_th=form.cleaned_data["assessor_th"])
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกผลการประเมินแล้ว"))
                return redirect("training:person-detail", pk=person.pk)
        return render(request, "training/assessment_form.html", {"person": person, "framework": fw, "form": form}, status=400)
