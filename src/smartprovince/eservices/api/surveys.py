"""Survey API: the questionnaire with a one-time form token (public), anonymous responses
(public, rate-limited), and results (staff of the survey's agency, province readers)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from smartprovince.core.i18n import thai, thai_choices

from .. import abuse, results, selectors, services
from ..choices import SCALE, ChannelType, Section
from ..services.surveys import COMMENT_MAX, sort_questions, survey_target

THANKS_TH = "ขอบคุณที่ร่วมประเมินความพึงพอใจ คำตอบของท่านได้รับการบันทึกแล้ว"


class SurveySubmitThrottle(BaseThrottle):
    """The same per-client limit as the HTML form (hashed client address, shared cache)."""

    def allow_request(self, request: Any, view: Any) -> bool:
        if request.method != "POST":
            return True
        decision = abuse.survey_submit_allowed(request.META.get("REMOTE_ADDR"))
        self._wait = decision.retry_after
        return decision.allowed

    def wait(self) -> float | None:
        return float(getattr(self, "_wait", 0)) or None


class SurveyDetailApi(APIView):
    """A survey's questionnaire and a fresh one-time ``form_token`` to submit it with."""

    public = True

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request, pk: int) -> Response:
        survey = selectors.survey_public_get(pk=pk)
        questions = sort_questions(list(survey.questions.all()))
        sections = dict(thai_choices(Section.choices))
        body = {
            "id": survey.pk, "title_th": survey.title_th, "intro_th": survey.intro_th, "is_open": survey.is_open,
            "agency_code": survey.agency.code, "agency_name_th": survey.agency.name_th,
            "service_id": survey.service_id, "service_name_th": survey.service.name_th if survey.service else None,
            "scale": [{"score": score, "label_th": thai(label)} for score, label in SCALE],
            "questions": [
                {"id": q.pk, "section": q.section, "section_label_th": sections.get(q.section, q.section), "text_th": q.text_th}
                for q in questions
            ],
            "channel_types": [{"value": v, "label_th": label} for v, label in thai_choices(ChannelType.choices)],
            "form_token": abuse.issue_form_token(survey.pk) if survey.is_open else None,
        }
        return Response(body, headers={"Cache-Control": "no-store"})


class ResponseInputSerializer(serializers.Serializer[Any]):
    form_token = serializers.CharField(max_length=500)
    answers = serializers.DictField(child=serializers.IntegerField(min_value=1, max_value=5), allow_empty=False)
    district = serializers.RegexField(r"^\d{4}$", required=False, allow_blank=True)
    channel_type = serializers.ChoiceField(choices=ChannelType.choices, required=False, allow_blank=True)
    comment = serializers.CharField(max_length=COMMENT_MAX, required=False, allow_blank=True)


class SurveyResponseCreateApi(APIView):
    """Submit an anonymous response. ``answers`` maps question id → score 1–5. Sending the same
    ``form_token`` twice stores one response; the second call answers 200 with ``duplicate``."""

    public_write = True
    throttle_classes = [SurveySubmitThrottle]

    @extend_schema(
        request=ResponseInputSerializer,
        responses={
            (201, "application/json"): inline_serializer(
                "SurveyResponseCreated",
                {"id": serializers.IntegerField(), "duplicate": serializers.BooleanField(), "detail": serializers.CharField()},
            ),
            (200, "application/json"): inline_serializer(
                "SurveyResponseDuplicate",
                {"id": serializers.IntegerField(allow_null=True), "duplicate": serializers.BooleanField(), "detail": serializers.CharField()},
            ),
        },
    )
    def post(self, request: Request, pk: int) -> Response:
        target = survey_target(pk)
        data = ResponseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            nonce = abuse.read_form_token(values["form_token"], target.pk)
        except abuse.TokenError as exc:
            raise ValidationError({"form_token": exc.message}) from None
        result = services.survey_response_submit(
            survey=target, answers=values["answers"], nonce=nonce, district_code=values.get("district", ""),
            channel_type=values.get("channel_type", ""), comment=values.get("comment", ""), source="api",
        )
        return Response(
            {"id": result.response_id, "duplicate": result.duplicate, "detail": THANKS_TH},
            status=status.HTTP_200_OK if result.duplicate else status.HTTP_201_CREATED,
        )


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError({"date": f"วันที่ต้องอยู่ในรูปแบบ YYYY-MM-DD (ค.ศ.): {value!r}"}) from None


class SurveyResultsApi(APIView):
    """Results of a survey: overall, per section, per question and per month (mean, sample
    S.D., % satisfied at levels 4–5, band label). Filters ``start`` and ``end`` (ISO dates)."""

    permission = "eservices.survey:read"

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request, pk: int) -> Response:
        survey = selectors.access_survey(actor=request.user, pk=pk)
        section_th = dict(thai_choices(Section.choices))
        found = results.survey_results(survey.pk, start=_date(request.query_params.get("start")), end=_date(request.query_params.get("end")))
        return Response(
            {
                "survey_id": survey.pk, "responses": found.n_responses, "overall": found.overall.as_dict(),
                "sections": [{"section": code, "label_th": section_th.get(code, label), **s.as_dict()} for code, label, s in found.sections],
                "questions": [{"question_id": q.pk, "text_th": q.text_th, "section": q.section, **s.as_dict()} for q, s in found.questions],
                "months": [{"month": m.isoformat(), "label_th": label, **s.as_dict()} for m, label, s in found.months],
                "sd_kind": "sample (n-1)",
            }
        )
