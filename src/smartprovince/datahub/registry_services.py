"""Writes for the IT-system registry, integration links and the data-domain list."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from smartprovince.core.audit import audit_log, diff, snapshot
from smartprovince.core.permissions import require

from .models import DataDomain, IntegrationLink, ITSystem

SYSTEM_FIELDS = ("agency_id", "name", "kind", "status", "description", "url", "hosting", "launched_date")
LINK_FIELDS = ("source_id", "target_id", "method", "description", "since", "is_active")
DOMAIN_FIELDS = ("name", "title_th", "title_en", "description", "order", "is_active")


def _clean(obj: Any) -> None:
    try:
        obj.full_clean()
    except ValidationError as exc:
        raise ValidationError(exc.message_dict) from None


@transaction.atomic
def system_save(*, actor: Any, system: ITSystem | None = None, data: dict[str, Any]) -> ITSystem:
    creating = system is None
    if system is not None:
        require(actor, "datahub.system:write", system.agency_id)
    target = system or ITSystem()
    before = snapshot(target, SYSTEM_FIELDS) if not creating else {}
    for key, value in data.items():
        setattr(target, key, value)
    require(actor, "datahub.system:write", target.agency_id)
    if ITSystem.objects.filter(agency_id=target.agency_id, name=target.name).exclude(pk=target.pk).exists():
        raise ValidationError({"name": ["หน่วยงานนี้มีระบบชื่อนี้ในทะเบียนแล้ว"]})
    _clean(target)
    target.save()
    after = snapshot(target, SYSTEM_FIELDS)
    audit_log(actor=actor, action="datahub.system.created" if creating else "datahub.system.updated", obj=target,
              changes=after if creating else diff(before, after))
    return target


@transaction.atomic
def system_delete(*, actor: Any, system: ITSystem) -> None:
    require(actor, "datahub.system:write", system.agency_id)
    audit_log(actor=actor, action="datahub.system.deleted", obj=system, changes=snapshot(system, SYSTEM_FIELDS))
    system.delete()


@transaction.atomic
def link_create(*, actor: Any, data: dict[str, Any]) -> IntegrationLink:
    link = IntegrationLink(**data)
    require(actor, "datahub.system:write", link.source.agency_id)
    if link.source_id == link.target_id:
        raise ValidationError({"target": ["ระบบปลายทางต้องไม่ใช่ระบบเดียวกับต้นทาง"]})
    if IntegrationLink.objects.filter(source_id=link.source_id, target_id=link.target_id, method=link.method).exists():
        raise ValidationError({"target": ["มีการเชื่อมโยงนี้ในทะเบียนแล้ว"]})
    _clean(link)
    link.save()
    audit_log(actor=actor, action="datahub.link.created", obj=link, agency_id=link.source.agency_id,
              changes=snapshot(link, LINK_FIELDS))
    return link


@transaction.atomic
def link_delete(*, actor: Any, link: IntegrationLink) -> None:
    require(actor, "datahub.system:write", link.source.agency_id)
    audit_log(actor=actor, action="datahub.link.deleted", obj=link, agency_id=link.source.agency_id,
              changes=snapshot(link, LINK_FIELDS))
    link.delete()


@transaction.atomic
def domain_save(*, actor: Any, domain: DataDomain | None = None, data: dict[str, Any]) -> DataDomain:
    require(actor, "datahub.domain:write")
    creating = domain is None
    target = domain or DataDomain()
    before = snapshot(target, DOMAIN_FIELDS) if not creating else {}
    for key, value in data.items():
        setattr(target, key, value)
    if DataDomain.objects.filter(name=target.name).exclude(pk=target.pk).exists():
        raise ValidationError({"name": ["รหัสด้านข้อมูลนี้ถูกใช้แล้ว"]})
    _clean(target)
    target.save()
    after = snapshot(target, DOMAIN_FIELDS)
    audit_log(actor=actor, action="datahub.domain.created" if creating else "datahub.domain.updated", obj=target,
              changes=after if creating else diff(before, after))
    return target
