"""The executive report as XLSX, and the project progress export for national monitoring (eMENSCR)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Prefetch

from smartprovince.core.thai_calendar import Period, format_date
from smartprovince.core.xlsx import Sheet, build_workbook
from smartprovince.plans.models import ReferenceItem, ReferencePlan

from ..projectdata import project_districts, project_facts
from ..selectors.overview import Overview, round_period
from .data import ReportData


def _n(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _kpi_sheet(title: str, ov: Overview) -> Sheet:
    rows = [
        [r.indicator.code, r.indicator.get_scope_display(), r.indicator.name_th, r.indicator.unit_th, _n(r.annual_target),
         _n(r.period_target), _n(r.value) if r.measurement else None,
         r.measurement.period_key if r.measurement else "", _n(r.assessment.achievement), r.assessment.label_th,
         r.source_label_th]
        for r in ov.indicators
    ]
    return Sheet(
        title, ["รหัส", "ประเภท", "ตัวชี้วัด", "หน่วยนับ", "เป้าหมายทั้งปี", "เป้าหมายตามสัดส่วนเวลา", "ผลการดำเนินงาน",
                "งวดของผล", "ร้อยละของเป้าหมาย", "สถานะ", "ที่มาของค่า"],
        rows, widths=[8, 18, 60, 12, 14, 16, 14, 10, 14, 20, 22],
    )


def build_xlsx(data: ReportData) -> bytes:
    ov = data.main
    t = ov.total
    summary = Sheet(
        "สรุป", ["รายการ", "ค่า"],
        [[line, ""] for line in data.title_lines] + [
            [data.as_of_label, ""],
            ["จำนวนโครงการ", t.projects], ["โครงการที่ดำเนินการ", t.active],
            ["งบประมาณตามแผน (บาท)", _n(t.planned)], ["งบประมาณที่ได้รับจัดสรร (บาท)", _n(t.allocated)],
            ["เบิกจ่ายสะสม (บาท)", _n(t.disbursed)], ["ร้อยละการเบิกจ่าย", _n(t.disbursement_rate)],
            ["ความก้าวหน้าเฉลี่ยถ่วงน้ำหนัก (%)", _n(t.progress)],
            ["รายงานที่ถึงกำหนด", t.reports_due], ["ส่งตรงเวลา", t.reports_on_time], ["ร้อยละส่งตรงเวลา", _n(t.on_time_rate)],
        ],
        widths=[48, 24],
    )
    sheets = [summary, _kpi_sheet("ตัวชี้วัด", ov)]
    late_ids = {f.id for f in ov.late_projects}
    for year in data.years:
        sheets.append(_kpi_sheet(f"ตัวชี้วัด ปี {year.period.fiscal_year_be}", year))
    sheets.append(Sheet(
        "โครงการ",
        ["รหัส", "โครงการ", "หน่วยงาน", "ยุทธศาสตร์", "สถานะ", "ตามแผน (บาท)", "จัดสรร (บาท)", "เบิกจ่าย (บาท)",
         "ความก้าวหน้า (%)", "รายงานถึงกำหนด", "ส่งตรงเวลา", "ล่าช้า/เสี่ยง"],
        [[f.code, f.name_th, f.agency_name, f.strategy_number, f.status, _n(f.planned), _n(f.allocated), _n(f.disbursed),
          _n(f.progress), f.reports_due, f.reports_on_time, "ใช่" if f.id in late_ids else ""] for f in ov.facts],
        widths=[20, 60, 36, 10, 14, 16, 16, 16, 12, 12, 12, 10],
    ))
    sheets.append(Sheet(
        "งบประมาณตามยุทธศาสตร์", ["ยุทธศาสตร์", "ชื่อยุทธศาสตร์", "โครงการ", "ตามแผน", "จัดสรร", "เบิกจ่าย", "ร้อยละเบิกจ่าย"],
        [[s.number, s.name_th, tt.active, _n(tt.planned), _n(tt.allocated), _n(tt.disbursed), _n(tt.disbursement_rate)]
         for s, tt in ov.by_strategy],
        widths=[10, 60, 10, 16, 16, 16, 14],
    ))
    sheets.append(Sheet(
        "ตามหน่วยงาน", ["หน่วยงาน", "โครงการ", "จัดสรร", "เบิกจ่าย", "ร้อยละเบิกจ่าย", "รายงานถึงกำหนด", "ส่งตรงเวลา", "ร้อยละตรงเวลา"],
        [[name, tt.active, _n(tt.allocated), _n(tt.disbursed), _n(tt.disbursement_rate), tt.reports_due, tt.reports_on_time,
          _n(tt.on_time_rate)] for _, name, tt in ov.by_agency],
        widths=[44, 10, 16, 16, 14, 14, 12, 14],
    ))
    sheets.append(Sheet(
        "มาตรการแก้ไข", ["ตัวชี้วัด/โครงการ", "ปัญหา", "มาตรการ", "หน่วยงานรับผิดชอบ", "กำหนดเสร็จ", "สถานะ", "ผลการดำเนินการ"],
        [[a.indicator.code if a.indicator else (a.project.code if a.project else ""), a.problem_th, a.action_th,
          a.owner_agency.name_th, format_date(a.due_date), a.get_status_display(), a.result_th] for a in data.actions],
        widths=[16, 40, 40, 30, 14, 16, 40],
    ))
    sheets.append(Sheet(
        "ผลการตรวจติดตาม", ["รอบ", "วันที่ตรวจ", "หน่วยงาน", "ผลการตรวจ", "ปัญหา", "อุปสรรค", "ข้อเสนอแนะ", "สถานะการติดตาม"],
        [[f.round_label, format_date(f.inspected_on), f.agency.name_th, f.findings_th, f.problems_th, f.obstacles_th,
          f.recommendations_th, f.get_follow_up_status_display()] for f in data.findings],
        widths=[12, 14, 30, 40, 30, 30, 40, 16],
    ))
    return build_workbook(sheets)


def build_emenscr(period: Period, *, as_of: Any) -> bytes:
    """Project progress with the alignment fields national monitoring (eMENSCR) asks for: one
    column per national reference plan (strategy 20 years, master plans, reform, NESDP …)."""
    from smartprovince.projects.models import Project

    facts = {f.id: f for f in project_facts(round_period(period), as_of=as_of)}
    ref_plans = list(ReferencePlan.objects.order_by("order", "code"))
    projects = (
        Project.objects.filter(pk__in=list(facts))
        .select_related("agency", "strategy")
        .prefetch_related(Prefetch("alignments", queryset=ReferenceItem.objects.order_by("order")))
        .order_by("agency__name_th", "code")
    )
    places = project_districts(facts)
    rows = []
    for i, p in enumerate(projects, start=1):
        f = facts[p.pk]
        by_plan: dict[int, list[str]] = {}
        for item in p.alignments.all():
            by_plan.setdefault(item.plan_id, []).append(f"{item.code} {item.name_th}")
        rows.append([
            i, p.code, p.name_th, p.agency.name_th, f"ยุทธศาสตร์ที่ {p.strategy.number} {p.strategy.name_th}",
            *["; ".join(by_plan.get(rp.pk, [])) for rp in ref_plans],
            p.get_status_display(), format_date(p.start_date), format_date(p.end_date), _n(f.planned), _n(f.allocated),
            _n(f.disbursed), _n(f.progress), ", ".join(n for _, n in places.get(p.pk, [])) or "ทั้งจังหวัด",
            p.officer_name, p.officer_position,
        ])
    headers = [
        "ลำดับ", "รหัสโครงการ", "ชื่อโครงการ", "หน่วยงานรับผิดชอบ", "ยุทธศาสตร์จังหวัด",
        *[f"ความสอดคล้อง: {rp.title_th}" for rp in ref_plans],
        "สถานะโครงการ", "วันเริ่มต้น", "วันสิ้นสุด", "งบประมาณตามแผน (บาท)", "งบประมาณที่ได้รับจัดสรร (บาท)",
        "ผลการเบิกจ่าย (บาท)", "ความก้าวหน้า (%)", "พื้นที่ดำเนินการ", "ผู้รับผิดชอบโครงการ", "ตำแหน่ง",
    ]
    widths = [6, 18, 50, 30, 36, *[36] * len(ref_plans), 14, 14, 14, 16, 16, 16, 12, 30, 24, 24]
    caption = f"ความก้าวหน้าโครงการ ตามแผนปฏิบัติการดิจิทัลจังหวัด ถึง {format_date(period.end, 'long')}"
    return build_workbook([Sheet("ความก้าวหน้าโครงการ", headers, rows, widths=widths, caption=caption)])
