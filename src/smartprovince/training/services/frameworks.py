"""Editing skill frameworks (province admin). A new version copies the areas of the old one."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from smartprovince.core.audit import audit_log, diff, snapshot

from ..models import SkillArea, SkillFramework

FRAMEWORK_FIELDS = ("name_th", "name_en", "issuer_th", "issued_on", "source_note_th", "is_active")
AREA_FIELDS = ("code", "name_th", "name_en", "kind", "description_th", "order")


def _require(actor: Any) -> None:
    from smartprovince.core.permissions import require

    require(actor, "training.framework:write")


@transaction.atomic
def framework_update(*, actor: Any, framework: SkillFramework, **data: Any) -> SkillFramework:
    _require(actor)
    before = snapshot(framework, FRAMEWORK_FIELDS)
    for key, value in data.items():
        if key in FRAMEWORK_FIELDS:
            setattr(framework, key, value)
    framework.full_clean()
    framework.save()
    changes = diff(before, snapshot(framework, FRAMEWORK_FIELDS))
    if changes:
        audit_log(actor=actor, action="training.framework.updated", obj=framework, changes=changes)
    return framework


@transaction.atomic
def framework_new_version(*, actor: Any, framework: SkillFramework, version: str) -> SkillFramework:
    """Copy a framework and its areas under a new version tag (the old one stays for history)."""
    _require(actor)
    version = version.strip()
    if not version:
        raise ValidationError({"version": gettext("กรุณาระบุฉบับ")})
    if SkillFramework.objects.filter(code=framework.code, version=version).exists():
        raise ValidationError({"version": gettext("มีกรอบ %(code)s ฉบับ %(version)s อยู่แล้ว") % {"code": framework.code, "version": version}})
    copy = SkillFramework(code=framework.code, version=version, **{f: getattr(framework, f) for f in FRAMEWORK_FIELDS})
    copy.full_clean()
    copy.save()
    for area in framework.areas.all():
        SkillArea.objects.create(framework=copy, **{f: getattr(area, f) for f in AREA_FIELDS})
    audit_log(actor=actor, action="training.framework.versioned", obj=copy, changes={"from": framework.pk, "version": version})
    return copy


@transaction.atomic
def area_save(*, actor: Any, framework: SkillFramework, area: SkillArea | None = None, **data: Any) -> SkillArea:
    """Add an area to a framework, or edit one."""
    _require(actor)
    creating = area is None
    if area is None:
        area = SkillArea(framework=framework)
    before = {} if creating else snapshot(area, AREA_FIELDS)
    for key, value in data.items():
        if key in AREA_FIELDS:
            setattr(area, key, value.strip() if isinstance(value, str) else value)
    if SkillArea.objects.filter(framework=framework, code=area.code).exclude(pk=area.pk).exists():
        raise ValidationError({"code": gettext("รหัสด้านนี้มีอยู่แล้วในกรอบ")})
    area.full_clean()
    area.save()
    changes = diff(before, snapshot(area, AREA_FIELDS))
    if changes:
        audit_log(actor=actor, action="training.area.created" if creating else "training.area.updated", obj=area, changes=changes)
    return area
