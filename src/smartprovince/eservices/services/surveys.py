"""Writes for satisfaction surveys: the questionnaire (staff) and the responses (citizens)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from smartprovince.agencies.models import Agency
from smartprovince.core.audit import audit_log, diff, snapshot
from smartprovince.core.models import Area
from smartprovince.core.permissions import require

from ..choices import DEFAULT_QUESTIONS, SECTION_ORDER, ChannelType
from ..errors import MESSAGES_TH, EServiceErrorCode
from ..models import EService, Survey, SurveyAnswer, SurveyQuestion, SurveyResponse

SURVEY_FIELDS = ("agency_id", "service_id", "title_th", "intro_th", "is_open")
QUESTION_FIELDS = ("section", "text_th", "order", "is_active")
COMMENT_MAX = 2000
DEFAULT_INTRO = (
    "แบบสำรวจนี้ไม่เก็บชื่อหรือข้อมูลส่วนบุคคลของท่าน คำตอบใช้เพื่อปรับปรุงการให้บริการเท่านั้น "
    "โปรดเลือกระดับความพึงพอใจในแต่ละข้อ (ข้ามข้อที่ไม่ได้ใช้บริการได้)"
)


@transaction.atomic
def survey_create(
    *, actor: Any, agency: Agency, title_th: str, service: EService | None = None, intro_th: str = "",
    is_open: bool = True, default_questions: bool = True,
) -> Survey:
    """Create a survey of ``agency`` (or of one of its services) with the default questionnaire."""
    require(actor, "eservices.survey:write", agency.pk)
    if service is not None and service.agency_id != agency.pk:
        raise ValidationError(
            {"service": MESSAGES_TH[EServiceErrorCode.SERVICE_OTHER_AGENCY]}, code=EServiceErrorCode.SERVICE_OTHER_AGENCY
        )
    survey = Survey(
        agency=agency, service=service, title_th=title_th.strip(), intro_th=intro_th.strip() or DEFAULT_INTRO,
        is_open=is_open,
    )
    survey.full_clean()
    survey.save()
    if default_questions:
        SurveyQuestion.objects.bulk_create(
            SurveyQuestion(survey=survey, section=section, text_th=text, order=(i + 1) * 10)
            for i, (section, text) in enumerate(DEFAULT_QUESTIONS)
        )
    audit_log(
        actor=actor, action="eservices.survey.created", obj=survey,
        changes={**snapshot(survey, SURVEY_FIELDS), "questions": survey.questions.count()},
    )
    return survey


@transaction.atomic
def survey_update(*, actor: Any, survey: Survey, **data: Any) -> Survey:
    require(actor, "eservices.survey:write", survey.agency_id)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    before = snapshot(survey, SURVEY_FIELDS)
    if "service" in data:
        service = data.pop("service")
        if service is not None and service.agency_id != survey.agency_id:
            raise ValidationError(
                {"service": MESSAGES_TH[EServiceErrorCode.SERVICE_OTHER_AGENCY]},
                code=EServiceErrorCode.SERVICE_OTHER_AGENCY,
            )
        survey.service = service
    for key in ("title_th", "intro_th", "is_open"):
        if key in data:
            value = data[key]
            setattr(survey, key, value.strip() if isinstance(value, str) else value)
    survey.full_clean()
    survey.save()
    changes = diff(before, snapshot(survey, SURVEY_FIELDS))
    if changes:
        audit_log(actor=actor, action="eservices.survey.updated", obj=survey, changes=changes)
    return survey


@transaction.atomic
def question_create(*, actor: Any, survey: Survey, section: str, text_th: str, order: int | None = None) -> SurveyQuestion:
    require(actor, "eservices.survey:write", survey.agency_id)
    if order is None:
        last = survey.questions.aggregate(m=Max("order"))["m"] or 0
        order = last + 10
    question = SurveyQuestion(survey=survey, section=section, text_th=text_th.strip(), order=order)
    question.full_clean()
    question.save()
    audit_log(
        actor=actor, action="eservices.question.created", obj=question, agency_id=survey.agency_id,
        changes=snapshot(question, QUESTION_FIELDS),
    )
    return question


@transaction.atomic
def question_update(*, actor: Any, question: SurveyQuestion, **data: Any) -> SurveyQuestion:
    survey = question.survey
    require(actor, "eservices.survey:write", survey.agency_id)
    question = SurveyQuestion.objects.select_for_update().get(pk=question.pk)
    before = snapshot(question, QUESTION_FIELDS)
    for key in QUESTION_FIELDS:
        if key in data:
            value = data[key]
            setattr(question, key, value.strip() if isinstance(value, str) else value)
    question.full_clean()
    question.save()
    changes = diff(before, snapshot(question, QUESTION_FIELDS))
    if changes:
        audit_log(actor=actor, action="eservices.question.updated", obj=question, agency_id=survey.agency_id, changes=changes)
    return question


@transaction.atomic
def question_delete(*, actor: Any, question: SurveyQuestion) -> None:
    """Delete a question nobody has answered yet (answered ones are deactivated instead)."""
    survey = question.survey
    require(actor, "eservices.survey:write", survey.agency_id)
    if SurveyAnswer.objects.filter(question=question).exists():
        raise ValidationError(
            MESSAGES_TH[EServiceErrorCode.QUESTION_HAS_ANSWERS], code=EServiceErrorCode.QUESTION_HAS_ANSWERS
        )
    audit_log(
        actor=actor, action="eservices.question.deleted", obj=question, agency_id=survey.agency_id,
        changes=snapshot(question, QUESTION_FIELDS),
    )
    question.delete()


# ----------------------------------------------------------------- citizen responses


@dataclass(frozen=True)
class SubmitResult:
    response_id: int
    duplicate: bool  # the same form token was already used: nothing new stored


def _validate_answers(survey: Survey, answers: Mapping[Any, Any]) -> dict[int, int]:
    active = set(survey.questions.filter(is_active=True).values_list("pk", flat=True))
    cleaned: dict[int, int] = {}
    errors: list[str] = []
    for raw_qid, raw_score in answers.items():
        if raw_score in (None, ""):
            continue
        try:
            qid = int(raw_qid)
        except (TypeError, ValueError):
            errors.append(MESSAGES_TH[EServiceErrorCode.BAD_QUESTION])
            continue
        if qid not in active:
            errors.append(MESSAGES_TH[EServiceErrorCode.BAD_QUESTION])
            continue
        try:
            score = int(raw_score)
        except (TypeError, ValueError):
            score = 0
        if isinstance(raw_score, bool) or not 1 <= score <= 5:
            errors.append(MESSAGES_TH[EServiceErrorCode.BAD_SCORE])
            continue
        cleaned[qid] = score
    if errors:
        raise ValidationError({"answers": sorted(set(errors))}, code=EServiceErrorCode.BAD_SCORE)
    if not cleaned:
        raise ValidationError({"answers": MESSAGES_TH[EServiceErrorCode.NO_ANSWERS]}, code=EServiceErrorCode.NO_ANSWERS)
    return cleaned


def survey_response_submit(
    *, survey: Survey, answers: Mapping[Any, Any], nonce: str | None, district_code: str = "",
    channel_type: str = "", comment: str = "", source: str = "web",
) -> SubmitResult:
    """Store a citizen's anonymous response (no login, no personal data).

    ``nonce`` comes from the one-time form token: a second submit of the same form stores
    nothing and returns the first response with ``duplicate=True``. Responses are not written to
    the audit log: they have no actor, are never edited, and the row itself is the record.
    """
    if not survey.is_open:
        raise ValidationError(MESSAGES_TH[EServiceErrorCode.SURVEY_CLOSED], code=EServiceErrorCode.SURVEY_CLOSED)
    if nonce:
        existing = SurveyResponse.objects.filter(form_nonce=nonce).values_list("pk", flat=True).first()
        if existing is not None:
            return SubmitResult(existing, True)
    cleaned = _validate_answers(survey, answers)
    errors: dict[str, str] = {}
    district_code = (district_code or "").strip()
    if district_code and not Area.objects.filter(code=district_code, level=Area.Level.DISTRICT).exists():
        errors["district"] = MESSAGES_TH[EServiceErrorCode.BAD_DISTRICT]
    channel_type = (channel_type or "").strip()
    if channel_type and channel_type not in ChannelType.values:
        errors["channel_type"] = "ช่องทางที่เลือกไม่ถูกต้อง"
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        errors["comment"] = f"ข้อเสนอแนะยาวได้ไม่เกิน {COMMENT_MAX:,} ตัวอักษร"
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                survey=survey, submitted_at=timezone.now(), district_id=district_code or None,
                channel_type=channel_type, comment=comment, form_nonce=nonce or None, source=source[:8],
            )
            SurveyAnswer.objects.bulk_create(
                SurveyAnswer(response=response, question_id=qid, score=score) for qid, score in cleaned.items()
            )
    except IntegrityError:
        # Two submits of the same form raced: the other one won; this one is the duplicate.
        existing = SurveyResponse.objects.filter(form_nonce=nonce).values_list("pk", flat=True).first() if nonce else None
        if existing is None:
            raise
        return SubmitResult(existing, True)
    return SubmitResult(response.pk, False)


def sort_questions(questions: list[SurveyQuestion]) -> list[SurveyQuestion]:
    return sorted(questions, key=lambda q: (SECTION_ORDER.get(q.section, 99), q.order, q.pk))
