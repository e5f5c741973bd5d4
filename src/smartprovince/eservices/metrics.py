"""Computed indicators of the plan owned by the e-services app (goal 2, strategy 2)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext_noop

from smartprovince.core.thai_calendar import Period
from smartprovince.monitoring.registry import MetricResult, metric

from .choices import DIGITAL_SERVICE_MIN_LEVEL, DigitalLevel
from .models import EService, SurveyResponse
from .results import answers, satisfaction_by_agency
from .selectors import coverage_rows
from .stats import BAND_RANGES_TH, merge, summarize


@metric(
    "eservices.agency_digital_channel_coverage",
    unit_th="ร้อยละ",
    description_th=(
        "ร้อยละของหน่วยงานที่มีช่องทางดิจิทัลที่ใช้งานอยู่อย่างน้อย 3 ประเภท นับจากทะเบียนช่องทาง "
        "(ระดับหน่วยงานและระดับงานบริการ) ไม่นับโทรศัพท์/สายด่วนและเคาน์เตอร์ ไม่นับช่องทางที่ปิดใช้งาน "
        "หรือเปิดใช้หลังสิ้นงวด ช่องทางประเภทเดียวกันหลายบัญชีนับเป็น 1 ประเภท"
    ),
)
def agency_digital_channel_coverage(period: Period) -> MetricResult:
    rows = coverage_rows(as_of=period.end)
    covered = sum(1 for r in rows if r["meets"])
    total = len(rows)
    short = [r for r in rows if not r["meets"]]
    value = (Decimal(covered) * 100 / Decimal(total)).quantize(Decimal("0.01")) if total else None
    return MetricResult(
        value=value, numerator=Decimal(covered), denominator=Decimal(total),
        rows=[
            {
                "agency_code": r["agency_code"], "agency": r["agency"], "digital_channels": r["digital_channels"],
                "channel_types": ", ".join(r["channel_types"]) or "–", "meets": "ครบ" if r["meets"] else f"ขาดอีก {r['missing']}",
            }
            for r in rows
        ],
        columns=[
            ("agency_code", gettext_noop("รหัส")), ("agency", gettext_noop("หน่วยงาน")), ("digital_channels", gettext_noop("จำนวนช่องทางดิจิทัล")),
            ("channel_types", gettext_noop("ช่องทางดิจิทัลที่ใช้งาน")), ("meets", gettext_noop("ผล (เกณฑ์ ≥ 3)")),
        ],
        note_th=f"หน่วยงานที่ยังมีช่องทางดิจิทัลไม่ถึง 3 ประเภท {len(short)} แห่ง" if total else "ยังไม่มีหน่วยงาน",
    )


@metric(
    "eservices.digital_services",
    unit_th="งานบริการ",
    description_th=(
        f"จำนวนงานบริการที่เปิดให้บริการในระดับ “{DigitalLevel(DIGITAL_SERVICE_MIN_LEVEL).label}” ขึ้นไป "
        "(ยื่นคำขอออนไลน์ หรือออนไลน์ครบวงจร) ณ วันสิ้นงวด ตามทะเบียนงานบริการ"
    ),
)
def digital_services(period: Period) -> MetricResult:
    services = list(
        EService.objects.filter(is_active=True, agency__is_active=True, digital_level__gte=DIGITAL_SERVICE_MIN_LEVEL)
        .filter(Q(launched_on__isnull=True) | Q(launched_on__lte=period.end))
        .select_related("agency")
        .order_by("agency__name_th", "name_th")
    )
    total = EService.objects.filter(is_active=True, agency__is_active=True).filter(
        Q(launched_on__isnull=True) | Q(launched_on__lte=period.end)
    ).count()
    return MetricResult(
        value=Decimal(len(services)), numerator=Decimal(len(services)), denominator=Decimal(total),
        rows=[
            {"code": s.code, "service": s.name_th, "agency": s.agency.name_th, "level": s.get_digital_level_display()}
            for s in services
        ],
        columns=[("code", gettext_noop("รหัส")), ("service", gettext_noop("งานบริการ")), ("agency", gettext_noop("หน่วยงาน")), ("level", gettext_noop("ระดับการให้บริการดิจิทัล"))],
        note_th=f"จากงานบริการทั้งหมด {total:,} งานในทะเบียน",
    )


@metric(
    "eservices.satisfaction",
    unit_th="คะแนน",
    description_th=(
        "ค่าเฉลี่ยคะแนนความพึงพอใจ (มาตรวัด 5 ระดับ) ของทุกข้อคำถามจากแบบสำรวจทุกชุดที่ตอบในงวด "
        f"พร้อมร้อยละผู้ตอบระดับมากถึงมากที่สุด (4–5); เกณฑ์แปลผล {BAND_RANGES_TH}"
    ),
)
def satisfaction(period: Period) -> MetricResult:
    overall = summarize(merge(f for f in _freqs(period)))
    by_agency = satisfaction_by_agency(start=period.start, end=period.end)
    n_responses = SurveyResponse.objects.filter(
        submitted_at__date__gte=period.start, submitted_at__date__lte=period.end
    ).count()
    note = "ยังไม่มีผู้ตอบแบบสำรวจในงวดนี้"
    if overall.n:
        note = (
            f"ผู้ตอบ {n_responses:,} ราย · S.D. {overall.sd if overall.sd is not None else '–'} · "
            f"พึงพอใจระดับมากขึ้นไป ร้อยละ {overall.pct_satisfied} · ระดับ{overall.band}"
        )
    return MetricResult(
        value=overall.mean, numerator=Decimal(n_responses), denominator=None,
        rows=[
            {
                "agency": r["agency"], "responses": r["responses"], "mean": r["summary"].mean, "sd": r["summary"].sd,
                "pct_satisfied": r["summary"].pct_satisfied, "band": r["summary"].band,
            }
            for r in by_agency
        ],
        columns=[
            ("agency", gettext_noop("หน่วยงาน")), ("responses", gettext_noop("ผู้ตอบ")), ("mean", gettext_noop("ค่าเฉลี่ย")), ("sd", "S.D."),
            ("pct_satisfied", gettext_noop("ร้อยละพึงพอใจ (ระดับ 4–5)")), ("band", gettext_noop("ระดับ")),
        ],
        note_th=note,
    )


def _freqs(period: Period) -> list[dict[int, int]]:
    from .results import grouped

    return list(grouped(answers(start=period.start, end=period.end)).values())
