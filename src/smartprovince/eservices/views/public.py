"""Public pages: the service directory, a service's page, the satisfaction survey form."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views import View

from smartprovince.core.agency_picker import agency_pick
from smartprovince.core.forms import apply_validation_error
from smartprovince.core.permissions import PermissionRequiredMixin

from .. import abuse, selectors, services
from ..choices import SCALE, DigitalLevel, ServiceCategory
from ..forms import HONEYPOT_FIELD, SurveyResponseForm
from ..models import Survey
from ..services.surveys import sort_questions

PAGE_SIZE = 20


class DirectoryView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest) -> HttpResponse:
        q = request.GET.get("q", "").strip()[:100]
        picker = agency_pick(request, name="agency", blank_label=gettext("ทุกหน่วยงาน"))
        category = request.GET.get("category", "")
        if category not in ServiceCategory.values:
            category = ""
        online = request.GET.get("online") == "1"
        qs = picker.restrict(selectors.eservice_public_list(
            search=q, agency_id=picker.agency_id, category=category,
            min_level=DigitalLevel.ONLINE_SUBMISSION if online else None,
        ))
        page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request, "eservices/public/directory.html",
            {
                "page_obj": page, "services": page.object_list, "q": q, "agency_picker": picker, "category": category,
                "online": online, "categories": ServiceCategory.choices,
            },
        )


class ServicePublicView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        service = selectors.eservice_public_get(pk=pk)
        own, agency_channels = selectors.channels_for_service(service)
        return render(
            request, "eservices/public/service.html",
            {
                "service": service, "own_channels": own, "agency_channels": agency_channels,
                "surveys": selectors.open_surveys_for_service(service), "levels": DigitalLevel.choices,
            },
        )


def _client_ip(request: HttpRequest) -> str | None:
    # Behind the production reverse proxy REMOTE_ADDR is set from X-Forwarded-For by the proxy
    # layer (gunicorn --forwarded-allow-ips); the address is only ever hashed.
    return request.META.get("REMOTE_ADDR")


class SurveyFormView(PermissionRequiredMixin, View):
    """The citizen's form: no login, no personal data, one-time token, honeypot, rate limit."""

    public = True

    def _render(self, request: HttpRequest, survey: Survey, form: SurveyResponseForm | None, status: int = 200) -> HttpResponse:
        questions = sort_questions(list(survey.questions.all()))
        if form is None:
            form = SurveyResponseForm(questions=questions, initial={"form_token": abuse.issue_form_token(survey.pk)})
        response = render(
            request, "eservices/public/survey.html",
            {"survey": survey, "form": form, "scale": SCALE, "honeypot": HONEYPOT_FIELD},
            status=status,
        )
        response["Cache-Control"] = "no-store"
        return response

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        survey = selectors.survey_public_get(pk=pk)
        if not survey.is_open:
            return render(request, "eservices/public/survey_closed.html", {"survey": survey})
        return self._render(request, survey, None)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        survey = selectors.survey_public_get(pk=pk)
        if not survey.is_open:
            return render(request, "eservices/public/survey_closed.html", {"survey": survey}, status=409)
        questions = sort_questions(list(survey.questions.all()))
        form = SurveyResponseForm(request.POST, questions=questions)
        decision = abuse.survey_submit_allowed(_client_ip(request))
        if not decision.allowed:
            form.is_valid()
            form.errors.clear()
            form.add_error(None, gettext("มีการส่งแบบสำรวจจากเครื่องนี้บ่อยเกินไป กรุณารอสักครู่แล้วกดส่งอีกครั้ง คำตอบของท่านยังอยู่ครบ"))
            response = self._render(request, survey, form, status=429)
            response["Retry-After"] = str(decision.retry_after)
            return response
        if request.POST.get(HONEYPOT_FIELD):
            # A bot filled the hidden field: thank it and store nothing.
            return redirect("eservices_public:survey-thanks", pk=survey.pk)
        if not form.is_valid():
            return self._render(request, survey, form, status=400)
        try:
            nonce = abuse.read_form_token(form.cleaned_data["form_token"], survey.pk)
        except abuse.TokenError as exc:
            data = request.POST.copy()
            data["form_token"] = abuse.issue_form_token(survey.pk)
            form = SurveyResponseForm(data, questions=questions)
            form.is_valid()
            form.add_error(None, exc.message)
            return self._render(request, survey, form, status=400)
        district = form.cleaned_data.get("district")
        try:
            services.survey_response_submit(
                survey=survey, answers=form.answers(), nonce=nonce, district_code=district.code if district else "",
                channel_type=form.cleaned_data.get("channel_type") or "", comment=form.cleaned_data.get("comment") or "",
            )
        except ValidationError as exc:
            apply_validation_error(form, exc, field_map={"answers": "__all__", "district": "district"})
            return self._render(request, survey, form, status=400)
        return redirect("eservices_public:survey-thanks", pk=survey.pk)


class SurveyThanksView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        survey = selectors.survey_public_get(pk=pk)
        return render(request, "eservices/public/survey_thanks.html", {"survey": survey})




__all__ = ["DirectoryView", "ServicePublicView", "SurveyFormView", "SurveyThanksView"]
