"""Digital-literacy assessments and the literacy policy (threshold)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from smartprovince.core.audit import audit_log, diff, snapshot
from smartprovince.core.permissions import require
from smartprovince.core.thai_calendar import fiscal_year_be

from .. import rules
from ..errors import TrainingErrorCode, msg
from ..models import Assessment, AssessmentScore, LiteracyPolicy, Person, SkillArea, SkillFramework


def policy_get() -> LiteracyPolicy:
    """The single literacy policy row (created with the defaults when missing)."""
    policy = LiteracyPolicy.objects.order_by("pk").first()
    if policy is None:
        policy = LiteracyPolicy.objects.create(
            min_level=rules.DEFAULT_MIN_LEVEL, level_bounds=list(rules.DEFAULT_LEVEL_BOUNDS), course_counts=True
        )
    return policy


@transaction.atomic
def policy_update(*, actor: Any, min_level: int, level_bounds: list[float], course_counts: bool) -> LiteracyPolicy:
    """Change the goal-4 rule (province admin). Levels already recorded are not recomputed."""
    require(actor, "training.framework:write")
    errors = rules.validate_level_bounds(level_bounds)
    if errors:
        raise ValidationError({"level_bounds": [gettext(e) for e in errors]})
    policy = policy_get()
    fields = ("min_level", "level_bounds", "course_counts")
    before = snapshot(policy, fields)
    policy.min_level, policy.level_bounds, policy.course_counts = min_level, list(level_bounds), course_counts
    policy.full_clean()
    policy.save()
    changes = diff(before, snapshot(policy, fields))
    if changes:
        audit_log(actor=actor, action="training.policy.updated", obj=policy, changes=changes)
    return policy


@transaction.atomic
def assessment_record(
    *, actor: Any, person: Person, framework: SkillFramework, assessed_on: dt.date,
    scores: dict[int, Any], assessor_th: str = "",
) -> Assessment:
    """Record (or replace) a person's assessment for the fiscal year of ``assessed_on``.
    ``scores`` maps area id → percent score; the overall score is their mean and the level comes
    from the policy's score bands."""
    require(actor, "training.assessment:write", person.agency_id)
    areas = {a.pk: a for a in SkillArea.objects.filter(framework=framework)}
    clean: dict[int, Decimal] = {}
    errors = []
    for area_id, raw in scores.items():
        if raw in (None, ""):
            continue
        area = areas.get(int(area_id))
        if area is None:
            errors.append(msg(TrainingErrorCode.AREA_NOT_IN_FRAMEWORK))
            continue
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            errors.append(f"{area.name_th}: " + gettext("คะแนนต้องเป็นตัวเลข"))
            continue
        if not Decimal(0) <= value <= Decimal(100):
            errors.append(f"{area.name_th}: {msg(TrainingErrorCode.SCORE_RANGE)}")
            continue
        clean[area.pk] = value
    if errors:
        raise ValidationError(errors, code=TrainingErrorCode.SCORE_RANGE)
    if not clean:
        raise ValidationError(msg(TrainingErrorCode.NO_SCORES), code=TrainingErrorCode.NO_SCORES)
    policy = policy_get()
    overall = rules.overall_score(clean.values())
    fy = fiscal_year_be(assessed_on)
    assessment = Assessment.objects.filter(person=person, fiscal_year_be=fy).first()
    before = snapshot(assessment, ("assessed_on", "overall_score", "level")) if assessment else {}
    if assessment is None:
        assessment = Assessment(person=person, fiscal_year_be=fy)
    assessment.framework = framework
    assessment.assessed_on = assessed_on
    assessment.overall_score = overall
    assessment.level = rules.level_for_score(overall, policy.level_bounds or rules.DEFAULT_LEVEL_BOUNDS)
    assessment.assessor_th = assessor_th.strip()
    assessment.full_clean()
    assessment.save()
    assessment.scores.all().delete()
    AssessmentScore.objects.bulk_create([AssessmentScore(assessment=assessment, area_id=k, score=v) for k, v in clean.items()])
    audit_log(
        actor=actor, action="training.assessment.recorded", obj=assessment, agency_id=person.agency_id,
        changes=diff(before, snapshot(assessment, ("assessed_on", "overall_score", "level")))
        | {"scores": {str(k): str(v) for k, v in clean.items()}},
    )
    return assessment
