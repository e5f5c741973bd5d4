"""Computed indicators for goal 3 and strategy 1 of the plan."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext_noop

from smartprovince.core.thai_calendar import Period
from smartprovince.monitoring.registry import MetricResult, metric

from .models import Column, IntegrationLink, ITSystem


@metric(
    "datahub.integrated_domains", unit_th="ด้าน",
    description_th=("จำนวนด้านข้อมูลที่มีชุดข้อมูลจากหน่วยงานอย่างน้อย 2 หน่วยงาน ซึ่งมีคอลัมน์ที่จับคู่กับคีย์มาตรฐานเดียวกัน "
                    "(รหัสพื้นที่ ปีงบประมาณ ปี หรือวันที่) และโหลดเข้าคลังข้อมูลแล้ว ณ วันสิ้นงวด"),
)
def integrated_domains(period: Period) -> MetricResult:
    columns = (
        Column.objects.exclude(standard_key="")
        .filter(resource__datastore_active=True, resource__is_deleted=False, resource__dataset__is_deleted=False,
                resource__dataset__created_at__date__lte=period.end)
        .values_list("standard_key", "resource__dataset__agency__name_th", "resource__dataset__domains__title_th")
        .distinct()
    )
    agencies: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, agency, domain in columns:
        if domain:
            agencies[(domain, key)].add(agency)
    labels = dict(Column.StandardKey.choices)
    rows = []
    domains: set[str] = set()
    for (domain, key), names in sorted(agencies.items()):
        if len(names) >= 2:
            domains.add(domain)
            rows.append({"domain": domain, "key": labels.get(key, key), "agencies": ", ".join(sorted(names)),
                         "n_agencies": len(names)})
    return MetricResult(
        value=Decimal(len(domains)), numerator=Decimal(len(domains)), rows=rows,
        columns=[("domain", gettext_noop("ด้านข้อมูล")), ("key", gettext_noop("คีย์มาตรฐานที่ใช้ร่วมกัน")), ("agencies", gettext_noop("หน่วยงาน")),
                 ("n_agencies", gettext_noop("จำนวนหน่วยงาน"))],
    )


@metric(
    "datahub.integrated_systems", unit_th="ระบบ",
    description_th=("จำนวนระบบสารสนเทศ ฐานข้อมูล และโครงสร้างพื้นฐานที่ยังใช้งาน และมีการเชื่อมโยงข้อมูลกับระบบอื่นอย่างน้อย 1 "
                    "การเชื่อมโยงที่ใช้งานอยู่ (API, GDX, ไฟล์ หรือเชื่อมฐานข้อมูล) ณ วันสิ้นงวด"),
)
def integrated_systems(period: Period) -> MetricResult:
    links = IntegrationLink.objects.filter(is_active=True).filter(Q(since__isnull=True) | Q(since__lte=period.end))
    linked = set(links.values_list("source_id", flat=True)) | set(links.values_list("target_id", flat=True))
    systems = (
        ITSystem.objects.filter(pk__in=linked).exclude(status=ITSystem.Status.RETIRED)
        .filter(Q(launched_date__isnull=True) | Q(launched_date__lte=period.end)).select_related("agency")
    )
    total = ITSystem.objects.exclude(status=ITSystem.Status.RETIRED).count()
    rows = [{"system": s.name, "kind": s.get_kind_display(), "agency": s.agency.name_th} for s in systems]
    return MetricResult(
        value=Decimal(len(rows)), numerator=Decimal(len(rows)), denominator=Decimal(total), rows=rows,
        columns=[("system", gettext_noop("ระบบ")), ("kind", gettext_noop("ประเภท")), ("agency", gettext_noop("หน่วยงาน"))],
    )
