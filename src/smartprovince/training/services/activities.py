"""Public digital-literacy activities."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext

from smartprovince.agencies.models import Agency
from smartprovince.core.audit import audit_log, diff, snapshot
from smartprovince.core.permissions import require

from ..errors import TrainingErrorCode, msg
from ..models import ActivityPhoto, PublicActivity

ACTIVITY_FIELDS = (
    "title_th", "description_th", "held_on", "ends_on", "district_id", "place_th", "target_group",
    "participants", "topics_th", "is_published",
)
MAX_PHOTOS = 10
MAX_PHOTO_BYTES = 5 * 1024 * 1024


def _validate(activity: PublicActivity) -> None:
    activity.full_clean(exclude=["agency"])
    errors = {}
    if activity.district_id and len(activity.district_id) != 4:
        errors["district"] = msg(TrainingErrorCode.NOT_A_DISTRICT)
    if activity.ends_on and activity.ends_on < activity.held_on:
        errors["ends_on"] = gettext("วันที่สิ้นสุดต้องไม่ก่อนวันที่จัด")
    if activity.participants is not None and activity.participants <= 0:
        errors["participants"] = gettext("จำนวนผู้เข้าร่วมต้องมากกว่า 0")
    if not activity.topic_list:
        errors["topics_th"] = gettext("กรุณาระบุหัวข้ออย่างน้อยหนึ่งหัวข้อ")
    if errors:
        raise ValidationError(errors)


def _fields(data: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in data.items() if k in ACTIVITY_FIELDS}
    if "district" in data:
        district = data["district"]
        out["district_id"] = getattr(district, "pk", district)
    return out


@transaction.atomic
def activity_create(*, actor: Any, agency: Agency, **data: Any) -> PublicActivity:
    """Record a digital-literacy activity held for citizens."""
    require(actor, "training.activity:write", agency.pk)
    activity = PublicActivity(agency=agency, **_fields(data))
    _validate(activity)
    activity.save()
    audit_log(actor=actor, action="training.activity.created", obj=activity, changes=snapshot(activity, ACTIVITY_FIELDS))
    return activity


@transaction.atomic
def activity_update(*, actor: Any, activity: PublicActivity, **data: Any) -> PublicActivity:
    require(actor, "training.activity:write", activity.agency_id)
    before = snapshot(activity, ACTIVITY_FIELDS)
    for key, value in _fields(data).items():
        setattr(activity, key, value)
    _validate(activity)
    activity.save()
    changes = diff(before, snapshot(activity, ACTIVITY_FIELDS))
    if changes:
        audit_log(actor=actor, action="training.activity.updated", obj=activity, changes=changes)
    return activity


@transaction.atomic
def activity_photo_add(*, actor: Any, activity: PublicActivity, image: UploadedFile, caption_th: str = "") -> ActivityPhoto:
    require(actor, "training.activity:write", activity.agency_id)
    if activity.photos.count() >= MAX_PHOTOS:
        raise ValidationError({"image": gettext("แนบภาพได้ไม่เกิน %(count)s ภาพต่อกิจกรรม") % {"count": MAX_PHOTOS}})
    if image.size and image.size > MAX_PHOTO_BYTES:
        raise ValidationError({"image": gettext("ไฟล์ภาพต้องไม่เกิน 5 MB")})
    photo = ActivityPhoto(activity=activity, image=image, caption_th=caption_th.strip())
    photo.full_clean()
    photo.save()
    audit_log(actor=actor, action="training.activity.photo_added", obj=activity, changes={"photo": photo.image.name})
    return photo


@transaction.atomic
def activity_photo_remove(*, actor: Any, photo: ActivityPhoto) -> None:
    activity = photo.activity
    if not activity or not actor:
        raise PermissionDenied
    require(actor, "training.activity:write", activity.agency_id)
    name = photo.image.name
    photo.delete()
    audit_log(actor=actor, action="training.activity.photo_removed", obj=activity, changes={"photo": name})
