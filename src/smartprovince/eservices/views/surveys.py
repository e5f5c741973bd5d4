"""Back-office pages for surveys: list, create, edit, questions, QR poster."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views import View

from smartprovince.core.agency_picker import agency_pick
from smartprovince.core.audit import audit_events_for
from smartprovince.core.forms import apply_validation_error
from smartprovince.core.permissions import PermissionRequiredMixin, has_perm

from .. import selectors, services
from ..forms import QuestionForm, SurveyForm
from ..models import Survey, SurveyQuestion
from ..poster import poster_pdf
from ..services.surveys import sort_questions
from .registry import _int


def public_survey_url(request: HttpRequest, survey: Survey) -> str:
    return request.build_absolute_uri(reverse("eservices_public:survey", args=[survey.pk]))


def _survey_title(survey: Survey) -> str:
    return gettext("แก้ไขแบบสำรวจ: %(title)s") % {"title": survey.title_th}


class SurveyListView(PermissionRequiredMixin, View):
    permission = "eservices.survey:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        from django.core.paginator import Paginator

        # Links carry the agency's id (?agency=12); people type a code or a name.
        picker = agency_pick(request, name="agency", permission="eservices.survey:read", allow_pk=True,
                             blank_label=gettext("ทั้งหมด"))
        qs = picker.restrict(selectors.survey_list(actor=request.user, agency_id=picker.agency_id))
        page = Paginator(qs, 50).get_page(request.GET.get("page"))
        return render(
            request, "eservices/survey_list.html",
            {"page_obj": page, "surveys": page.object_list, "agency_picker": picker},
        )


class SurveyCreateView(PermissionRequiredMixin, View):
    permission = "eservices.survey:write"

    def _agencies(self, request: HttpRequest) -> Any:
        return selectors.writable_agencies(actor=request.user, permission="eservices.survey:write")

    def get(self, request: HttpRequest) -> HttpResponse:
        agencies = self._agencies(request)
        initial: dict[str, Any] = {"title_th": "แบบสำรวจความพึงพอใจของผู้รับบริการ"}
        service_id = _int(request.GET.get("service"))
        if service_id:
            service = selectors.access_eservice(actor=request.user, pk=service_id, write=True)
            initial.update(service=service, agency=service.agency, title_th=f"ความพึงพอใจต่อบริการ{service.name_th}")
        elif agencies.count() == 1:
            initial["agency"] = agencies.first()
        return render(request, "eservices/form.html", {"form": SurveyForm(agencies=agencies, initial=initial), "title": gettext("สร้างแบบสำรวจความพึงพอใจ"),
                      "hint": gettext("ระบบจะสร้างข้อคำถามมาตรฐาน 5 ด้านให้ (กระบวนการ เจ้าหน้าที่ สิ่งอำนวยความสะดวก ช่องทาง และภาพรวม) แก้ไขได้ภายหลัง")})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = SurveyForm(request.POST, agencies=self._agencies(request))
        if form.is_valid():
            data = form.cleaned_data
            try:
                survey = services.survey_create(
                    actor=request.user, agency=data["agency"], service=data.get("service"), title_th=data["title_th"],
                    intro_th=data.get("intro_th") or "", is_open=data.get("is_open", True),
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("สร้างแบบสำรวจแล้ว พิมพ์โปสเตอร์ QR ไปติดที่จุดบริการได้จากหน้านี้"))
                return redirect("eservices:survey-detail", pk=survey.pk)
        return render(request, "eservices/form.html", {"form": form, "title": gettext("สร้างแบบสำรวจความพึงพอใจ")}, status=400)


class SurveyDetailView(PermissionRequiredMixin, View):
    permission = "eservices.survey:read"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        survey = selectors.access_survey(actor=request.user, pk=pk)
        return render(
            request, "eservices/survey_detail.html",
            {
                "survey": survey, "questions": sort_questions(list(survey.questions.all())),
                "public_url": public_survey_url(request, survey), "question_form": QuestionForm(),
                "can_write": has_perm(request.user, "eservices.survey:write", survey.agency_id),
                "n_responses": survey.responses.count(), "events": audit_events_for(survey)[:30],
            },
        )


class SurveyUpdateView(PermissionRequiredMixin, View):
    permission = "eservices.survey:write"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        survey = selectors.access_survey(actor=request.user, pk=pk, write=True)
        return render(request, "eservices/form.html", {"form": SurveyForm(instance=survey), "title": _survey_title(survey)})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        survey = selectors.access_survey(actor=request.user, pk=pk, write=True)
        form = SurveyForm(request.POST, instance=Survey.objects.get(pk=survey.pk))
        if form.is_valid():
            try:
                services.survey_update(actor=request.user, survey=survey, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกการแก้ไขแล้ว"))
                return redirect("eservices:survey-detail", pk=survey.pk)
        return render(request, "eservices/form.html", {"form": form, "title": _survey_title(survey)}, status=400)


class QuestionCreateView(PermissionRequiredMixin, View):
    permission = "eservices.survey:write"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        survey = selectors.access_survey(actor=request.user, pk=pk, write=True)
        form = QuestionForm(request.POST)
        if form.is_valid():
            try:
                services.question_create(
                    actor=request.user, survey=survey, section=form.cleaned_data["section"],
                    text_th=form.cleaned_data["text_th"], order=form.cleaned_data.get("order") or None,
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("เพิ่มข้อคำถามแล้ว"))
                return redirect("eservices:survey-detail", pk=survey.pk)
        return render(request, "eservices/form.html", {"form": form, "title": gettext("เพิ่มข้อคำถาม: %(title)s") % {"title": survey.title_th}}, status=400)


class QuestionUpdateView(PermissionRequiredMixin, View):
    permission = "eservices.survey:write"

    def _get(self, request: HttpRequest, pk: int) -> SurveyQuestion:
        question = SurveyQuestion.objects.select_related("survey").filter(pk=pk).first()
        if question is None:
            from django.http import Http404

            raise Http404
        selectors.access_survey(actor=request.user, pk=question.survey_id, write=True)
        return question

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        question = self._get(request, pk)
        return render(request, "eservices/form.html", {"form": QuestionForm(instance=question), "title": gettext("แก้ไขข้อคำถาม"), "question": question})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        question = self._get(request, pk)
        if request.POST.get("action") == "delete":
            try:
                services.question_delete(actor=request.user, question=question)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, gettext("ลบข้อคำถามแล้ว"))
            return redirect("eservices:survey-detail", pk=question.survey_id)
        form = QuestionForm(request.POST, instance=SurveyQuestion.objects.get(pk=question.pk))
        if form.is_valid():
            try:
                services.question_update(actor=request.user, question=question, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกข้อคำถามแล้ว"))
                return redirect("eservices:survey-detail", pk=question.survey_id)
        return render(request, "eservices/form.html", {"form": form, "title": gettext("แก้ไขข้อคำถาม"), "question": question}, status=400)


class SurveyPosterView(PermissionRequiredMixin, View):
    permission = "eservices.survey:read"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        survey = selectors.access_survey(actor=request.user, pk=pk)
        pdf = poster_pdf(survey=survey, url=public_survey_url(request, survey))
        response = HttpResponse(pdf, content_type="application/pdf")
        from urllib.parse import quote

        response["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(f'โปสเตอร์แบบสำรวจ-{survey.pk}.pdf')}"
        return response
