"""Readable change history: audit action codes and changed fields as labels a person can read.

An audit event stores ``action`` (``<app>.<resource>.<past verb>``), ``object_type`` (the
model's ``label_lower``) and ``changes`` (``{field: [old, new]}``, or a plain value for a
"created"/"loaded" event). The labels are derived from the models' own ``verbose_name`` and
``choices``, so a new model needs no entry here. Everything comes from the app registry and is
cached per model: rendering a history never runs a query, however long it is.

Nothing is hidden here: who may read a history is decided by the view that selects the events
(``ObjectHistoryView``, ``history_permission``); this module only renders what it is given.
Foreign keys are shown as their stored id on purpose: resolving them would cost a query per row
and could name another agency's object.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# One phrase per past verb, ``%(model)s`` being the model's verbose name.
VERBS: dict[str, Promise] = {
    "created": _("เพิ่ม%(model)s"),
    "updated": _("แก้ไข%(model)s"),
    "deleted": _("ลบ%(model)s"),
    "saved": _("บันทึก%(model)s"),
    "submitted": _("ส่ง%(model)s"),
    "resubmitted": _("ส่ง%(model)sอีกครั้ง"),
    "accepted": _("รับ%(model)s"),
    "approved": _("อนุมัติ%(model)s"),
    "returned": _("ส่งกลับ%(model)sให้แก้ไข"),
    "loaded": _("นำเข้า%(model)s"),
    "reloaded": _("นำเข้า%(model)sใหม่"),
    "imported": _("นำเข้า%(model)sจากไฟล์"),
    "uploaded": _("อัปโหลด%(model)s"),
    "upserted": _("เพิ่มหรือปรับปรุงแถวใน%(model)s"),
    "added": _("เพิ่ม%(model)s"),
    "removed": _("นำ%(model)sออก"),
    "granted": _("มอบ%(model)s"),
    "revoked": _("เพิกถอน%(model)s"),
    "issued": _("ออก%(model)s"),
    "recorded": _("บันทึก%(model)s"),
    "requested": _("ขอ%(model)s"),
    "checked": _("ตรวจสอบ%(model)s"),
    "versioned": _("สร้าง%(model)sฉบับใหม่"),
    "snapshotted": _("บันทึกค่า%(model)s ณ สิ้นงวด"),
    "enrolled": _("ลงทะเบียนเข้า%(model)s"),
    "unenrolled": _("ยกเลิกการลงทะเบียน%(model)s"),
    "left": _("%(model)sพ้นจากหน่วยงาน"),
    "status_changed": _("เปลี่ยนสถานะ%(model)s"),
    "responsible_set": _("กำหนดหน่วยงานรับผิดชอบ%(model)s"),
    "evidence_added": _("เพิ่มหลักฐานของ%(model)s"),
    "link_added": _("เพิ่มลิงก์ของ%(model)s"),
    "photo_added": _("เพิ่มภาพ%(model)s"),
    "photo_removed": _("ลบภาพ%(model)s"),
}

# Resources whose name matches no model of their app: another model, or a plain noun when
# the thing has no model of its own.
RESOURCE_MODELS: dict[str, str] = {
    "agencies.user": settings.AUTH_USER_MODEL,
    "monitoring.target": "plans.IndicatorTarget",
    "training.staff": "training.Person",
    "training.attendance": "training.Enrolment",
}
RESOURCE_NOUNS: dict[str, Promise] = {
    "datahub.datastore": _("ตารางข้อมูล (DataStore)"),
    "core.token": _("โทเค็น API"),
}

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}.*")


def _get(event: Any, name: str) -> Any:
    return event.get(name) if isinstance(event, dict) else getattr(event, name, None)


@functools.cache
def _model(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


@functools.cache
def _resource_model(app_label: str, resource: str, object_type: str) -> type[models.Model] | None:
    """The model an action's resource names: the event's own model when its name matches, else
    the app's model named ``resource`` (``corrective_action`` → ``CorrectiveAction``), else the
    one app model whose name ends or starts with it (``report`` → ``ProgressReport``)."""
    alias = RESOURCE_MODELS.get(f"{app_label}.{resource}")
    if alias:
        return _model(alias)
    compact = resource.replace("_", "")
    singular = compact.removesuffix("s")
    own = _model(object_type) if object_type else None
    if own is not None and own._meta.model_name in (compact, singular):
        return own
    try:
        candidates = [m for m in apps.get_app_config(app_label).get_models() if not m.__name__.startswith("Historical")]
    except LookupError:
        candidates = []
    if own is not None and own not in candidates:
        candidates.append(own)
    for match in (
        lambda n: n in (compact, singular),
        lambda n: n.endswith(compact),
        lambda n: n.startswith(compact),
    ):
        found = [m for m in candidates if match(m._meta.model_name or "")]
        if len(found) == 1:
            return found[0]
    return None


def action_label(action: str, object_type: str = "") -> str:
    """``monitoring.corrective_action.updated`` → "แก้ไขมาตรการแก้ไข (Act)"; the raw code when
    the verb or the resource is unknown."""
    parts = (action or "").split(".")
    if len(parts) != 3 or parts[2] not in VERBS:
        return action
    app_label, resource, verb = parts
    noun: Any = RESOURCE_NOUNS.get(f"{app_label}.{resource}")
    if noun is None:
        model = _resource_model(app_label, resource, object_type or "")
        if model is None:
            return action
        noun = model._meta.verbose_name
    return capfirst(str(VERBS[verb]) % {"model": str(noun)})


def event_action_label(event: Any) -> str:
    """``action_label`` of an ``AuditEvent`` (or of a dict with the same keys)."""
    return action_label(_get(event, "action") or "", _get(event, "object_type") or "")


@functools.cache
def _fields(label: str) -> dict[str, models.Field[Any, Any]]:
    model = _model(label)
    if model is None:
        return {}
    found: dict[str, models.Field[Any, Any]] = {}
    for field in model._meta.get_fields():
        if isinstance(field, models.Field):
            found.setdefault(field.name, field)
            found.setdefault(field.attname, field)
    return found


def _field(name: str, labels: tuple[str, ...]) -> models.Field[Any, Any] | None:
    for label in labels:
        field = _fields(label).get(name)
        if field is not None:
            return field
    return None


def _value(value: Any, field: models.Field[Any, Any] | None) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return gettext("ใช่") if value else gettext("ไม่ใช่")
    if field is not None and field.choices:
        for key, label in field.flatchoices:
            if str(key) == str(value):
                return str(label)
    if isinstance(value, str):
        from smartprovince.core.templatetags.thai import be_date, be_datetime

        if _ISO_DATE.fullmatch(value):
            return be_date(dt.date.fromisoformat(value))
        if _ISO_DATETIME.fullmatch(value):
            try:
                return be_datetime(dt.datetime.fromisoformat(value))
            except ValueError:
                return value
    return str(value)


def change_text(value: Any, field: models.Field[Any, Any] | None = None) -> str:
    """One entry of ``changes``: ``[old, new]`` → ``old → new``; a plain value as it is."""
    if isinstance(value, list) and len(value) == 2:
        return f"{_value(value[0], field)[:80]} → {_value(value[1], field)[:80]}"
    return _value(value, field)


def change_rows(event: Any) -> list[tuple[str, str]]:
    """``(field label, shown value)`` for each entry of an event's ``changes``; a field no model
    knows keeps its raw name."""
    object_type = _get(event, "object_type") or ""
    labels: list[str] = [object_type] if object_type else []
    parts = (_get(event, "action") or "").split(".")
    if len(parts) == 3:
        model = _resource_model(parts[0], parts[1], object_type)
        if model is not None and model._meta.label_lower not in labels:
            labels.append(model._meta.label_lower)
    rows = []
    for name, value in (_get(event, "changes") or {}).items():
        field = _field(name, tuple(labels))
        label = capfirst(str(field.verbose_name)) if field is not None else name
        rows.append((label, change_text(value, field)))
    return rows
