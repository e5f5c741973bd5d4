"""Writes for smart-city initiatives (checked, validated, audited, atomic)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from smartprovince.agencies.models import Agency
from smartprovince.core.audit import audit_log, diff, snapshot
from smartprovince.core.models import Area
from smartprovince.core.permissions import require

from .models import Domain, Initiative, InitiativeEvidence, InitiativeLink, Sector

FIELDS = ("title_th", "title_en", "summary_th", "kind", "status", "started_on", "operating_since", "certified_on",
          "ended_on", "website", "is_published")
S = Initiative.Status


def _validate(i: Initiative, domains: list[Domain], sectors: list[Sector], districts: list[Area]) -> None:
    i.full_clean(exclude=["agency"])
    errors: dict[str, str] = {}
    if not domains:
        errors["domains"] = gettext("กรุณาเลือกด้านเมืองอัจฉริยะอย่างน้อย 1 ด้าน")
    if not sectors:
        errors["sectors"] = gettext("กรุณาเลือกภาคส่วนอย่างน้อย 1 ภาคส่วน")
    if any(d.level != Area.Level.DISTRICT for d in districts):
        errors["districts"] = gettext("เลือกได้เฉพาะอำเภอ")
    if i.status in (S.PILOT, S.OPERATING, S.CERTIFIED) and not i.started_on:
        errors["started_on"] = gettext("กรุณาระบุวันที่เริ่มนำร่อง/ดำเนินการ")
    if i.status in (S.OPERATING, S.CERTIFIED) and not i.operating_since:
        errors["operating_since"] = gettext("สถานะใช้งานจริงต้องระบุวันที่เริ่มใช้งานจริง")
    if i.status == S.CERTIFIED and not i.certified_on:
        errors["certified_on"] = gettext("สถานะได้รับการรับรองต้องระบุวันที่ได้รับการรับรอง")
    if i.operating_since and i.started_on and i.operating_since < i.started_on:
        errors["operating_since"] = gettext("วันที่เริ่มใช้งานจริงต้องไม่ก่อนวันที่เริ่มนำร่อง/ดำเนินการ")
    if i.ended_on and i.started_on and i.ended_on < i.started_on:
        errors["ended_on"] = gettext("วันที่ยุติต้องไม่ก่อนวันที่เริ่ม")
    if errors:
        raise ValidationError(errors)


def _state(i: Initiative) -> dict[str, Any]:
    return snapshot(i, FIELDS) | {
        "domains": sorted(i.domains.values_list("code", flat=True)),
        "sectors": sorted(i.sectors.values_list("code", flat=True)),
        "districts": sorted(i.districts.values_list("code", flat=True)),
    }


@transaction.atomic
def initiative_create(*, actor: Any, agency: Agency, domains: Iterable[Domain], sectors: Iterable[Sector],
                      districts: Iterable[Area] = (), **data: Any) -> Initiative:
    """Register a smart-city initiative of ``agency``."""
    require(actor, "smartcity.initiative:write", agency.pk)
    domains, sectors, districts = list(domains), list(sectors), list(districts)
    i = Initiative(agency=agency, **{k: v for k, v in data.items() if k in FIELDS})
    _validate(i, domains, sectors, districts)
    i.save()
    i.domains.set(domains)
    i.sectors.set(sectors)
    i.districts.set(districts)
    audit_log(actor=actor, action="smartcity.initiative.created", obj=i, changes=_state(i))
    return i


@transaction.atomic
def initiative_update(*, actor: Any, initiative: Initiative, domains: Iterable[Domain] | None = None,
                      sectors: Iterable[Sector] | None = None, districts: Iterable[Area] | None = None,
                      **data: Any) -> Initiative:
    require(actor, "smartcity.initiative:write", initiative.agency_id)
    before = _state(initiative)
    for key, value in data.items():
        if key in FIELDS:
            setattr(initiative, key, value)
    d = list(domains) if domains is not None else list(initiative.domains.all())
    s = list(sectors) if sectors is not None else list(initiative.sectors.all())
    a = list(districts) if districts is not None else list(initiative.districts.all())
    _validate(initiative, d, s, a)
    initiative.save()
    initiative.domains.set(d)
    initiative.sectors.set(s)
    initiative.districts.set(a)
    changes = diff(before, _state(initiative))
    if changes:
        audit_log(actor=actor, action="smartcity.initiative.updated", obj=initiative, changes=changes)
    return initiative


@transaction.atomic
def initiative_link_add(*, actor: Any, initiative: Initiative, kind: str, title_th: str, reference: str = "", url: str = "") -> InitiativeLink:
    require(actor, "smartcity.initiative:write", initiative.agency_id)
    if not reference.strip() and not url.strip():
        raise ValidationError({"url": gettext("กรุณาระบุรหัสอ้างอิงหรือลิงก์")})
    if url and not (url.startswith("https://") or url.startswith("http://") or url.startswith("/")):
        raise ValidationError({"url": gettext("ลิงก์ต้องขึ้นต้นด้วย https:// หรือ /")})
    link = InitiativeLink(initiative=initiative, kind=kind, title_th=title_th.strip(), reference=reference.strip(), url=url.strip())
    link.full_clean()
    link.save()
    audit_log(actor=actor, action="smartcity.initiative.link_added", obj=initiative,
              changes={"kind": kind, "title": link.title_th, "reference": link.reference, "url": link.url})
    return link


@transaction.atomic
def initiative_evidence_add(*, actor: Any, initiative: Initiative, title_th: str, file: Any) -> InitiativeEvidence:
    require(actor, "smartcity.initiative:write", initiative.agency_id)
    if getattr(file, "size", 0) > 10 * 1024 * 1024:
        raise ValidationError({"file": gettext("ไฟล์ต้องไม่เกิน 10 MB")})
    ev = InitiativeEvidence(initiative=initiative, title_th=title_th.strip(), file=file)
    ev.full_clean()
    ev.save()
    audit_log(actor=actor, action="smartcity.initiative.evidence_added", obj=initiative, changes={"file": ev.file.name})
    return ev
