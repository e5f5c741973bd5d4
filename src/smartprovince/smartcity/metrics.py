"""Computed indicators of goal 1 and strategy 3."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext_noop

from smartprovince.core.thai_calendar import Period, fiscal_year_range, format_date
from smartprovince.monitoring.registry import MetricResult, metric

from .models import Domain, Initiative

DOMAINS_RULE_TH = (
    "จำนวนด้านเมืองอัจฉริยะ (7 ด้านของ depa) ที่มีโครงการ/นวัตกรรมอย่างน้อย 1 รายการอยู่ในสถานะใช้งานจริง "
    "หรือได้รับการรับรองจาก depa ณ วันสิ้นงวด (เริ่มใช้งานจริงไม่เกินวันสิ้นงวดและยังไม่ยุติ) "
    "โครงการที่ยังเป็นแนวคิดหรือนำร่องไม่นับ"
)
SECTOR_RULE_TH = (
    "จำนวนเทคโนโลยีและนวัตกรรมที่ส่งเสริมการเกษตร การค้า การลงทุน หรือการท่องเที่ยว ที่เริ่มนำร่องหรือใช้งาน"
    "ตั้งแต่ต้นปีงบประมาณถึงวันสิ้นงวด (สะสมในปีงบประมาณ) นับรายการละหนึ่งครั้งแม้ส่งเสริมหลายภาคส่วน "
    "รายการที่ยังเป็นแนวคิดไม่นับ"
)


def live_on_q(day) -> Q:  # type: ignore[no-untyped-def]
    return (
        Q(status__in=[Initiative.Status.OPERATING, Initiative.Status.CERTIFIED], operating_since__lte=day)
        & (Q(ended_on__isnull=True) | Q(ended_on__gt=day))
    )


@metric("smartcity.domains_operating", unit_th="ด้าน", description_th=DOMAINS_RULE_TH)
def domains_operating(period: Period) -> MetricResult:
    live = Initiative.objects.filter(live_on_q(period.end)).prefetch_related("domains").order_by("title_th")
    by_domain: dict[str, list[str]] = {}
    for i in live:
        for d in i.domains.all():
            by_domain.setdefault(d.code, []).append(i.title_th)
    rows = [
        {"domain": d.name_th, "initiatives": len(by_domain.get(d.code, [])), "titles": ", ".join(by_domain.get(d.code, []))}
        for d in Domain.objects.order_by("order")
    ]
    n = sum(1 for r in rows if r["initiatives"])
    return MetricResult(value=Decimal(n), numerator=Decimal(n), denominator=Decimal(len(rows)), rows=rows,
                        columns=[("domain", gettext_noop("ด้าน")), ("initiatives", gettext_noop("จำนวนโครงการที่ใช้งานจริง")), ("titles", gettext_noop("โครงการ"))])


@metric("smartcity.sector_innovations", unit_th="เทคโนโลยี/นวัตกรรม", description_th=SECTOR_RULE_TH)
def sector_innovations(period: Period) -> MetricResult:
    start, _ = fiscal_year_range(period.fiscal_year_be)
    qs = (
        Initiative.objects.exclude(status=Initiative.Status.IDEA)
        .filter(started_on__gte=start, started_on__lte=period.end, sectors__counts_for_strategy3=True)
        .distinct().select_related("agency").prefetch_related("sectors").order_by("started_on", "pk")
    )
    rows = [
        {"title": i.title_th, "agency": i.agency.name_th, "kind": i.get_kind_display(), "status": i.get_status_display(),
         "sectors": ", ".join(s.name_th for s in i.sectors.all() if s.counts_for_strategy3),
         "started_on": format_date(i.started_on)}
        for i in qs
    ]
    return MetricResult(value=Decimal(len(rows)), numerator=Decimal(len(rows)), rows=rows,
                        columns=[("title", gettext_noop("เทคโนโลยี/นวัตกรรม")), ("agency", gettext_noop("หน่วยงาน")), ("kind", gettext_noop("ประเภท")),
                                 ("status", gettext_noop("สถานะ")), ("sectors", gettext_noop("ภาคส่วน")), ("started_on", gettext_noop("วันที่เริ่ม"))])
