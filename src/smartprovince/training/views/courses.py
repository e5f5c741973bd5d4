"""Courses, sessions, enrolment, attendance and certificates (back office)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.views import View

from smartprovince.agencies.selectors import editor_agencies
from smartprovince.core.audit import audit_events_for
from smartprovince.core.forms import apply_validation_error
from smartprovince.core.permissions import PermissionRequiredMixin, agencies_with_perm, has_perm

from .. import selectors, services
from ..certificates import certificate_pdf
from ..forms import AgencyChoiceForm, CourseForm, EnrolForm, SessionForm
from ..models import Enrolment, Person
from ..services.courses import AttendanceRow


def _writable_agency(request: HttpRequest, perm: str) -> Any:
    agencies = editor_agencies(user=request.user, permission=perm).order_by("name_th")
    form = AgencyChoiceForm(request.POST or None, agencies=agencies)
    return form


class CourseListView(PermissionRequiredMixin, View):
    permission = "training.course:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        q = request.GET.get("q", "").strip()
        page = Paginator(selectors.course_list(search=q), 30).get_page(request.GET.get("page"))
        return render(request, "training/course_list.html", {"page_obj": page, "courses": page.object_list, "q": q})


class CourseCreateView(PermissionRequiredMixin, View):
    permission = "training.course:write"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "training/course_form.html", {"form": CourseForm(), "agency_form": _writable_agency(request, self.permission)})

    def post(self, request: HttpRequest) -> HttpResponse:
        form, agency_form = CourseForm(request.POST), _writable_agency(request, self.permission)
        if form.is_valid() and agency_form.is_valid():
            data = dict(form.cleaned_data)
            areas = data.pop("areas")
            try:
                course = services.course_create(actor=request.user, agency=agency_form.cleaned_data["agency"], areas=areas, **data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("เพิ่มหลักสูตร “%(title)s” แล้ว") % {"title": course.title_th})
                return redirect("training:course-detail", pk=course.pk)
        return render(request, "training/course_form.html", {"form": form, "agency_form": agency_form}, status=400)


class CourseUpdateView(PermissionRequiredMixin, View):
    permission = "training.course:write"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        course = selectors.access_course(actor=request.user, id=pk)
        if not has_perm(request.user, self.permission, course.agency_id):
            raise Http404
        return render(request, "training/course_form.html", {"form": CourseForm(instance=course), "course": course})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        course = selectors.access_course(actor=request.user, id=pk)
        if not has_perm(request.user, self.permission, course.agency_id):
            raise Http404
        form = CourseForm(request.POST, instance=selectors.access_course(actor=request.user, id=pk))
        if form.is_valid():
            data = dict(form.cleaned_data)
            areas = data.pop("areas")
            try:
                services.course_update(actor=request.user, course=course, areas=areas, **data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกการแก้ไขแล้ว"))
                return redirect("training:course-detail", pk=course.pk)
        return render(request, "training/course_form.html", {"form": form, "course": course}, status=400)


class CourseDetailView(PermissionRequiredMixin, View):
    permission = "training.course:read"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        course = selectors.access_course(actor=request.user, id=pk)
        ctx = {"course": course, "areas": course.areas.select_related("framework"),
               "sessions": selectors.session_list(course=course)[:100],
               "can_edit": has_perm(request.user, "training.course:write", course.agency_id),
               "can_add_session": has_perm(request.user, "training.course:write"),
               "events": audit_events_for(course)[:20]}
        return render(request, "training/course_detail.html", ctx)


class SessionCreateView(PermissionRequiredMixin, View):
    permission = "training.course:write"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        course = selectors.access_course(actor=request.user, id=pk)
        return render(request, "training/session_form.html", {"form": SessionForm(initial={"capacity": 30}), "course": course,
                      "agency_form": _writable_agency(request, self.permission)})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        course = selectors.access_course(actor=request.user, id=pk)
        form, agency_form = SessionForm(request.POST), _writable_agency(request, self.permission)
        if form.is_valid() and agency_form.is_valid():
            try:
                session = services.session_create(actor=request.user, course=course,
                                                  agency=agency_form.cleaned_data["agency"], **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("เปิดรุ่นการอบรมแล้ว"))
                return redirect("training:session-detail", pk=session.pk)
        return render(request, "training/session_form.html", {"form": form, "course": course, "agency_form": agency_form}, status=400)


class SessionUpdateView(PermissionRequiredMixin, View):
    permission = "training.course:write"

    def _get(self, request: HttpRequest, pk: int) -> Any:
        session = selectors.access_session(actor=request.user, id=pk)
        if not has_perm(request.user, self.permission, session.agency_id):
            raise Http404
        return session

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        session = self._get(request, pk)
        return render(request, "training/session_form.html", {"form": SessionForm(instance=session), "course": session.course, "session": session})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        session = self._get(request, pk)
        form = SessionForm(request.POST, instance=self._get(request, pk))
        if form.is_valid():
            try:
                services.session_update(actor=request.user, session=session, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกการแก้ไขแล้ว"))
                return redirect("training:session-detail", pk=session.pk)
        return render(request, "training/session_form.html", {"form": form, "course": session.course, "session": session}, status=400)


def _enrollable(request: HttpRequest, session: Any) -> Any:
    """Active people the actor may enrol: their own agencies' staff (organisers too)."""
    allowed = agencies_with_perm(request.user, "training.staff:read_personal")
    qs = Person.objects.filter(is_active=True).exclude(enrolments__session=session).select_related("agency")
    if allowed is not None:
        qs = qs.filter(agency_id__in=allowed)
    return qs.order_by("agency__name_th", "first_name_th", "last_name_th")


class SessionDetailView(PermissionRequiredMixin, View):
    permission = "training.course:read"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        session = selectors.access_session(actor=request.user, id=pk)
        organiser = has_perm(request.user, "training.attendance:write", session.agency_id)
        enrolments = selectors.session_enrolments(actor=request.user, session=session)
        can_enrol = has_perm(request.user, "training.attendance:write") and not session.is_cancelled
        ctx = {
            "session": session, "course": session.course, "enrolments": enrolments, "organiser": organiser,
            "total_enrolled": session.enrolments.count(), "statuses": Enrolment.Status.choices,
            "enrol_form": EnrolForm(people=_enrollable(request, session)) if can_enrol else None,
            "can_edit": has_perm(request.user, "training.course:write", session.agency_id),
            "events": audit_events_for(session)[:20] if organiser else [],
        }
        return render(request, "training/session_detail.html", ctx)


class SessionEnrolView(PermissionRequiredMixin, View):
    permission = "training.attendance:write"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        session = selectors.access_session(actor=request.user, id=pk)
        form = EnrolForm(request.POST, people=_enrollable(request, session))
        if not form.is_valid():
            messages.error(request, gettext("กรุณาเลือกบุคลากรที่จะลงทะเบียน"))
        else:
            try:
                done = services.enrolment_add(actor=request.user, session=session, people=list(form.cleaned_data["people"]))
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, ngettext("ลงทะเบียน %(count)s คนแล้ว", "ลงทะเบียน %(count)s คนแล้ว", len(done)) % {"count": len(done)})
        return redirect("training:session-detail", pk=session.pk)


def _decimal(text: str) -> Decimal | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValidationError(gettext("“%(text)s” ไม่ใช่ตัวเลข") % {"text": text}) from None


class SessionAttendanceView(PermissionRequiredMixin, View):
    """Record the results of every enrolment of a session at once (organising agency)."""

    permission = "training.attendance:write"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        session = selectors.access_session(actor=request.user, id=pk)
        if not has_perm(request.user, self.permission, session.agency_id):
            raise Http404
        try:
            rows = [
                AttendanceRow(e.pk, request.POST.get(f"status_{e.pk}", e.status),
                              _decimal(request.POST.get(f"hours_{e.pk}", "")), _decimal(request.POST.get(f"score_{e.pk}", "")))
                for e in session.enrolments.all()
            ]
            n = services.attendance_record(actor=request.user, session=session, rows=rows)
        except ValidationError as exc:
            messages.error(request, gettext("ยังไม่ได้บันทึก: %(errors)s") % {"errors": " ".join(exc.messages)})
        else:
            messages.success(request, ngettext(
                "บันทึกผลการอบรมแล้ว (%(count)s คนมีการเปลี่ยนแปลง)", "บันทึกผลการอบรมแล้ว (%(count)s คนมีการเปลี่ยนแปลง)", n,
            ) % {"count": n})
        return redirect("training:session-detail", pk=session.pk)


class CertificateIssueView(PermissionRequiredMixin, View):
    permission = "training.attendance:write"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        enrolment = selectors.access_enrolment(actor=request.user, id=pk)
        try:
            if request.POST.get("all"):
                session = enrolment.session
                if not has_perm(request.user, self.permission, session.agency_id):
                    raise PermissionDenied
                todo = session.enrolments.filter(status=Enrolment.Status.COMPLETED, certificate__isnull=True)
                for e in todo:
                    services.certificate_issue(actor=request.user, enrolment=e)
                messages.success(request, gettext("ออกวุฒิบัตรให้ผู้ผ่านการอบรมทุกคนแล้ว"))
            else:
                cert = services.certificate_issue(actor=request.user, enrolment=enrolment)
                messages.success(request, gettext("ออกวุฒิบัตรเลขที่ %(number)s แล้ว") % {"number": cert.number})
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("training:session-detail", pk=enrolment.session_id)


class CertificatePdfView(PermissionRequiredMixin, View):
    """The certificate PDF: for the organiser's editors and the holder's agency editors."""

    permission = "training.course:read"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        enrolment = selectors.access_enrolment(actor=request.user, id=pk)
        cert = getattr(enrolment, "certificate", None)
        if cert is None:
            raise Http404
        verify_url = request.build_absolute_uri(reverse("training_public:verify", args=[cert.token]))
        pdf = certificate_pdf(certificate=cert, verify_url=verify_url, organiser_th=enrolment.session.agency.name_th,
                              hours=f"{enrolment.session.course.hours.normalize():f}")
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="certificate-{cert.number}.pdf"'
        return response
