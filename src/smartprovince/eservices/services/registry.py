"""Writes for services and channels."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from smartprovince.agencies.models import Agency
from smartprovince.core.audit import audit_log, diff, snapshot
from smartprovince.core.permissions import require

from ..errors import MESSAGES, EServiceErrorCode
from ..models import Channel, EService

SERVICE_FIELDS = (
    "agency_id", "code", "name_th", "description_th", "category", "legal_basis_th", "fee_baht", "fee_note_th",
    "processing_time", "processing_time_unit", "digital_level", "url", "launched_on", "is_active",
)
CHANNEL_FIELDS = (
    "agency_id", "service_id", "channel_type", "label_th", "address", "is_active", "started_on", "last_verified_on",
)


def _next_code(agency: Agency) -> str:
    prefix = f"{agency.code}-"
    existing = set(EService.objects.filter(code__startswith=prefix).values_list("code", flat=True))
    n = len(existing) + 1
    while f"{prefix}{n:03d}" in existing:
        n += 1
    return f"{prefix}{n:03d}"


def _normalize(data: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    cleaned = dict(data)
    for fk in ("agency", "service"):
        if fk in cleaned:
            value = cleaned.pop(fk)
            cleaned[f"{fk}_id"] = getattr(value, "pk", value)
    for key in ("name_th", "label_th", "address", "code", "url"):
        if isinstance(cleaned.get(key), str):
            cleaned[key] = cleaned[key].strip()
    return {k: v for k, v in cleaned.items() if k in allowed}


@transaction.atomic
def eservice_create(*, actor: Any, agency: Agency, **data: Any) -> EService:
    """Register a service of ``agency`` (editors of that agency, or province admins)."""
    require(actor, "eservices.service:write", agency.pk)
    fields = _normalize(data, SERVICE_FIELDS)
    fields["agency_id"] = agency.pk
    if not fields.get("code"):
        fields["code"] = _next_code(agency)
    if EService.objects.filter(code=fields["code"]).exists():
        raise ValidationError({"code": MESSAGES[EServiceErrorCode.DUPLICATE_CODE]}, code=EServiceErrorCode.DUPLICATE_CODE)
    service = EService(**fields)
    service.full_clean()
    service.save()
    audit_log(actor=actor, action="eservices.service.created", obj=service, changes=snapshot(service, SERVICE_FIELDS))
    return service


@transaction.atomic
def eservice_update(*, actor: Any, service: EService, **data: Any) -> EService:
    require(actor, "eservices.service:write", service.agency_id)
    fields = _normalize(data, SERVICE_FIELDS)
    fields.pop("agency_id", None)  # a service does not move between agencies
    service = EService.objects.select_for_update().get(pk=service.pk)
    before = snapshot(service, SERVICE_FIELDS)
    for key, value in fields.items():
        setattr(service, key, value)
    if not service.code:
        service.code = before["code"]
    if EService.objects.filter(code=service.code).exclude(pk=service.pk).exists():
        raise ValidationError({"code": MESSAGES[EServiceErrorCode.DUPLICATE_CODE]}, code=EServiceErrorCode.DUPLICATE_CODE)
    service.full_clean()
    service.save()
    changes = diff(before, snapshot(service, SERVICE_FIELDS))
    if changes:
        audit_log(actor=actor, action="eservices.service.updated", obj=service, changes=changes)
    return service


def _check_channel(channel: Channel) -> None:
    if channel.service_id is not None:
        service_agency = EService.objects.filter(pk=channel.service_id).values_list("agency_id", flat=True).first()
        if service_agency != channel.agency_id:
            raise ValidationError(
                {"service": MESSAGES[EServiceErrorCode.SERVICE_OTHER_AGENCY]}, code=EServiceErrorCode.SERVICE_OTHER_AGENCY
            )
    if channel.channel_type not in ("counter",) and not channel.address:
        raise ValidationError({"address": gettext("กรุณาระบุ URL ชื่อบัญชี หรือหมายเลขของช่องทางนี้")})
    if channel.address.startswith(("http://", "https://")):
        from django.core.validators import URLValidator

        try:
            URLValidator()(channel.address)
        except ValidationError:
            raise ValidationError({"address": gettext("URL ไม่ถูกต้อง")}) from None


@transaction.atomic
def channel_create(*, actor: Any, agency: Agency, **data: Any) -> Channel:
    """Add a channel of ``agency`` (``service`` set: a channel of that service only)."""
    require(actor, "eservices.service:write", agency.pk)
    fields = _normalize(data, CHANNEL_FIELDS)
    fields["agency_id"] = agency.pk
    channel = Channel(**fields)
    _check_channel(channel)
    channel.full_clean()
    channel.save()
    audit_log(actor=actor, action="eservices.channel.created", obj=channel, changes=snapshot(channel, CHANNEL_FIELDS))
    return channel


@transaction.atomic
def channel_update(*, actor: Any, channel: Channel, **data: Any) -> Channel:
    require(actor, "eservices.service:write", channel.agency_id)
    fields = _normalize(data, CHANNEL_FIELDS)
    fields.pop("agency_id", None)
    channel = Channel.objects.select_for_update().get(pk=channel.pk)
    before = snapshot(channel, CHANNEL_FIELDS)
    for key, value in fields.items():
        setattr(channel, key, value)
    _check_channel(channel)
    channel.full_clean()
    channel.save()
    changes = diff(before, snapshot(channel, CHANNEL_FIELDS))
    if changes:
        audit_log(actor=actor, action="eservices.channel.updated", obj=channel, changes=changes)
    return channel


@transaction.atomic
def channel_record_check(*, actor: Any, channel: Channel, ok: bool, detail: str) -> Channel:
    """Record the result of an automatic check (``check_channels``). A passing check also sets
    the date last verified. ``actor`` None = the system (command run by an administrator)."""
    if actor is not None:
        require(actor, "eservices.service:write", channel.agency_id)
    now = timezone.now()
    fields = {"last_checked_at": now, "last_check_ok": ok, "last_check_detail": detail[:255]}
    if ok:
        fields["last_verified_on"] = timezone.localdate(now)
    Channel.objects.filter(pk=channel.pk).update(**fields)
    for key, value in fields.items():
        setattr(channel, key, value)
    audit_log(
        actor=actor, action="eservices.channel.checked", obj=channel,
        changes={"ok": ok, "detail": detail[:255], "address": channel.address},
    )
    return channel
