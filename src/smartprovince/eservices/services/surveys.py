"""Writes for satisfaction surveys: the questionnaire (staff) and the responses (citizens)."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext

from smartprovince.agencies.models import Agency
from smartprovince.core.audit import audit_log, diff, snapshot
from smartprovince.core.models import Area
from smartprovince.core.permissions import require

from ..choices import DEFAULT_QUESTIONS, SECTION_ORDER, ChannelType
from ..errors import MESSAGES, EServiceErrorCode
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
            {"service": MESSAGES[EServiceErrorCode.SERVICE_OTHER_AGENCY]}, code=EServiceErrorCode.SERVICE_OTHER_AGENCY
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
                {"service": MESSAGES[EServiceErrorCode.SERVICE_OTHER_AGENCY]},
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
    forget_survey_target(survey.pk)
    transaction.on_commit(lambda: forget_survey_target(survey.pk))
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
    forget_survey_target(survey.pk)
    transaction.on_commit(lambda: forget_survey_target(survey.pk))
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
    forget_survey_target(survey.pk)
    transaction.on_commit(lambda: forget_survey_target(survey.pk))
    return question


@transaction.atomic
def question_delete(*, actor: Any, question: SurveyQuestion) -> None:
    """Delete a question nobody has answered yet (answered ones are deactivated instead)."""
    survey = question.survey
    require(actor, "eservices.survey:write", survey.agency_id)
    if SurveyAnswer.objects.filter(question=question).exists():
        raise ValidationError(
            MESSAGES[EServiceErrorCode.QUESTION_HAS_ANSWERS], code=EServiceErrorCode.QUESTION_HAS_ANSWERS
        )
    audit_log(
        actor=actor, action="eservices.question.deleted", obj=question, agency_id=survey.agency_id,
        changes=snapshot(question, QUESTION_FIELDS),
    )
    question.delete()
    forget_survey_target(survey.pk)
    transaction.on_commit(lambda: forget_survey_target(survey.pk))


# ----------------------------------------------------------------- citizen responses


@dataclass(frozen=True)
class SubmitResult:
    response_id: int
    duplicate: bool  # the same form token was already used: nothing new stored


@dataclass(frozen=True)
class SurveyTarget:
    """What a submission needs to know about its survey (read in one query on the hot path)."""

    pk: int
    is_open: bool
    question_ids: frozenset[int]


TARGET_CACHE_SECONDS = 10


def _target_key(pk: int) -> str:
    return f"eservices:survey-target:{pk}"


def forget_survey_target(pk: int) -> None:
    """Called by every write that changes what a submission may contain (open flag, questions)."""
    cache.delete(_target_key(pk))


def survey_target(survey: Survey | SurveyTarget | int) -> SurveyTarget:
    """The survey's open flag and active question ids; ``Http404`` for an unknown survey or
    one of an inactive agency. Cached for a few seconds: the public endpoint reads it on every
    submission, and the writes that change it clear the cache."""
    if isinstance(survey, SurveyTarget):
        return survey
    pk = survey if isinstance(survey, int) else survey.pk
    cached = cache.get(_target_key(pk))
    if cached is not None:
        return SurveyTarget(pk, cached[0], frozenset(cached[1]))
    rows = list(
        SurveyQuestion.objects.filter(survey_id=pk, is_active=True, survey__agency__is_active=True).values_list(
            "pk", "survey__is_open"
        )
    )
    if rows:
        target = SurveyTarget(pk, rows[0][1], frozenset(r[0] for r in rows))
    else:
        is_open = Survey.objects.filter(pk=pk, agency__is_active=True).values_list("is_open", flat=True).first()
        if is_open is None:
            from django.http import Http404

            raise Http404
        target = SurveyTarget(pk, is_open, frozenset())
    cache.set(_target_key(pk), (target.is_open, sorted(target.question_ids)), TARGET_CACHE_SECONDS)
    return target


_DISTRICTS: dict[str, Any] = {"codes": frozenset(), "expires": 0.0}


def _district_codes() -> frozenset[str]:
    # Reference data that changes only when DOPA changes the map: a per-process read cache.
    import time

    if _DISTRICTS["expires"] < time.monotonic():
        _DISTRICTS["codes"] = frozenset(Area.objects.filter(level=Area.Level.DISTRICT).values_list("code", flat=True))
        _DISTRICTS["expires"] = time.monotonic() + 600
    codes: frozenset[str] = _DISTRICTS["codes"]
    return codes


def _validate_answers(target: SurveyTarget, answers: Mapping[Any, Any]) -> dict[int, int]:
    cleaned: dict[int, int] = {}
    errors: list[str] = []
    for raw_qid, raw_score in answers.items():
        if raw_score in (None, ""):
            continue
        try:
            qid = int(raw_qid)
        except (TypeError, ValueError):
            errors.append(str(MESSAGES[EServiceErrorCode.BAD_QUESTION]))
            continue
        if qid not in target.question_ids:
            errors.append(str(MESSAGES[EServiceErrorCode.BAD_QUESTION]))
            continue
        try:
            score = int(raw_score)
        except (TypeError, ValueError):
            score = 0
        if isinstance(raw_score, bool) or not 1 <= score <= 5:
            errors.append(str(MESSAGES[EServiceErrorCode.BAD_SCORE]))
            continue
        cleaned[qid] = score
    if errors:
        raise ValidationError({"answers": sorted(set(errors))}, code=EServiceErrorCode.BAD_SCORE)
    if not cleaned:
        raise ValidationError({"answers": MESSAGES[EServiceErrorCode.NO_ANSWERS]}, code=EServiceErrorCode.NO_ANSWERS)
    return cleaned


def survey_response_submit(
    *, survey: Survey | SurveyTarget | int, answers: Mapping[Any, Any], nonce: str | None, district_code: str = "",
    channel_type: str = "", comment: str = "", source: str = "web",
) -> SubmitResult:
    """Store a citizen's anonymous response (no login, no personal data).

    ``nonce`` comes from the one-time form token and is stored under a unique constraint: a
    second submit of the same form (even racing in another process) stores nothing and returns
    the first response with ``duplicate=True``. Responses are not written to the audit log: they
    have no actor, are never edited, and the row itself is the record.
    """
    target = survey_target(survey)
    if not target.is_open:
        raise ValidationError(MESSAGES[EServiceErrorCode.SURVEY_CLOSED], code=EServiceErrorCode.SURVEY_CLOSED)
    errors: dict[str, Any] = {}
    try:
        cleaned = _validate_answers(target, answers)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    district_code = (district_code or "").strip()
    if district_code and district_code not in _district_codes():
        errors["district"] = MESSAGES[EServiceErrorCode.BAD_DISTRICT]
    channel_type = (channel_type or "").strip()
    if channel_type and channel_type not in ChannelType.values:
        errors["channel_type"] = gettext("ช่องทางที่เลือกไม่ถูกต้อง")
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        errors["comment"] = gettext("ข้อเสนอแนะยาวได้ไม่เกิน %(max)s ตัวอักษร") % {"max": f"{COMMENT_MAX:,}"}
    if errors:
        if nonce:
            # A resend of a form that was stored already is thanked, whatever changed since.
            existing = SurveyResponse.objects.filter(form_nonce=nonce).values_list("pk", flat=True).first()
            if existing is not None:
                return SubmitResult(existing, True)
        raise ValidationError(errors)
    try:
        response_id = _insert_response(
            survey_id=target.pk, district_code=district_code or None, channel_type=channel_type, comment=comment,
            nonce=nonce or None, source=source[:8], answers=cleaned,
        )
    except IntegrityError:
        # The form token was used already (a double submit, possibly racing in another process).
        existing = SurveyResponse.objects.filter(form_nonce=nonce).values_list("pk", flat=True).first() if nonce else None
        if existing is None:
            raise
        return SubmitResult(existing, True)
    return SubmitResult(response_id, False)


def _insert_response(
    *, survey_id: int, district_code: str | None, channel_type: str, comment: str, nonce: str | None, source: str,
    answers: dict[int, int],
) -> int:
    """Write the response and its answers atomically.

    On PostgreSQL this is one statement (a data-modifying CTE), so the busiest public endpoint
    costs one round trip and one commit; elsewhere it is two inserts in a transaction.
    """
    now = timezone.now()
    if connection.vendor == "postgresql":
        response_table = SurveyResponse._meta.db_table
        answer_table = SurveyAnswer._meta.db_table
        # Table names come from the models, never from input; every value is a parameter.
        sql = (
            f'WITH r AS (INSERT INTO "{response_table}" (survey_id, submitted_at, district_id, channel_type, comment, '  # noqa: S608
            "form_nonce, source) VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id), "
            f'a AS (INSERT INTO "{answer_table}" (response_id, question_id, score) '
            "SELECT r.id, t.q, t.s FROM r, unnest(%s::bigint[], %s::smallint[]) AS t(q, s)) SELECT id FROM r"
        )
        params: list[Any] = [survey_id, now, district_code, channel_type, comment, nonce, source, list(answers), list(answers.values())]
        # Inside an outer transaction (tests, callers) a savepoint keeps a duplicate from
        # poisoning it; in autocommit the single statement is atomic by itself.
        with transaction.atomic() if connection.in_atomic_block else nullcontext(), connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        return int(row[0])
    with transaction.atomic():
        response = SurveyResponse.objects.create(
            survey_id=survey_id, submitted_at=now, district_id=district_code, channel_type=channel_type, comment=comment,
            form_nonce=nonce, source=source,
        )
        SurveyAnswer.objects.bulk_create(
            SurveyAnswer(response=response, question_id=qid, score=score) for qid, score in answers.items()
        )
    return response.pk


def sort_questions(questions: list[SurveyQuestion]) -> list[SurveyQuestion]:
    return sorted(questions, key=lambda q: (SECTION_ORDER.get(q.section, 99), q.order, q.pk))
