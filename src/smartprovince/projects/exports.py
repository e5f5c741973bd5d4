"""XLSX and PDF files: the import template, filtered lists and the agency action plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from smartprovince.core.i18n import thai
from smartprovince.core.pdf import ThaiPdf
from smartprovince.core.thai_calendar import format_date, month_label
from smartprovince.core.xlsx import Sheet, build_workbook

from .models import AgencyActionPlan, BudgetLine, Project
from .services.imports import BUDGET_COLUMNS, BUDGET_SHEET, PROJECT_COLUMNS, PROJECT_SHEET


def import_template() -> bytes:
    """The XLSX template: row 1 headers, row 2 hints, data from row 3 (one example row each)."""
    example_project = ["1", "SKN-AGRI", 3, "โครงการตัวอย่าง (ลบแถวนี้ก่อนนำเข้า)", "01/10/2564", "30/09/2565",
                       "นายสมชาย ใจดี", "นักวิชาการเกษตรชำนาญการ", "042-711-000", "", "", "", "", "เมืองสกลนคร", ""]
    example_budget = ["1", 2565, thai(BudgetLine.Source.PROVINCE.label), 500000, 450000, ""]
    return build_workbook([
        Sheet(PROJECT_SHEET, [c[1] for c in PROJECT_COLUMNS], [[c[2] for c in PROJECT_COLUMNS], example_project],
              widths=[12, 14, 10, 50, 16, 16, 24, 24, 16, 24, 40, 40, 30, 30, 30]),
        Sheet(BUDGET_SHEET, [c[1] for c in BUDGET_COLUMNS], [[c[2] for c in BUDGET_COLUMNS], example_budget],
              widths=[14, 14, 30, 20, 20, 30]),
    ])


def _money(value: Decimal | None) -> float:
    return float(value or 0)


def project_list_sheet(projects: Iterable[Project], caption: str) -> Sheet:
    rows = (
        [
            p.code, p.name_th, p.agency.name_th, p.strategy.number, p.get_status_display(),
            p.fiscal_year_be, p.fiscal_year_end_be, format_date(p.start_date, "numeric"), format_date(p.end_date, "numeric"),
            _money(getattr(p, "allocated_total", None)),
            None if getattr(p, "latest_progress", None) is None else float(p.latest_progress),  # type: ignore[attr-defined]
            p.officer_name, p.officer_phone,
        ]
        for p in projects
    )
    return Sheet(
        "โครงการ",
        ["รหัสโครงการ", "ชื่อโครงการ", "หน่วยงาน", "ยุทธศาสตร์ที่", "สถานะ", "ปีงบประมาณเริ่ม", "ปีงบประมาณสิ้นสุด",
         "วันเริ่ม", "วันสิ้นสุด", "งบจัดสรร (บาท)", "ความก้าวหน้าล่าสุด (%)", "ผู้รับผิดชอบ", "โทรศัพท์"],
        rows, widths=[20, 60, 36, 10, 18, 10, 10, 12, 12, 16, 12, 24, 16], caption=caption,
    )


def _plan_rows(projects: list[Project], fy: int) -> list[tuple[Any, list[Project]]]:
    groups: dict[int, tuple[Any, list[Project]]] = {}
    for p in projects:
        groups.setdefault(p.strategy.number, (p.strategy, []))[1].append(p)
    return [groups[k] for k in sorted(groups)]


def _budget(p: Project, fy: int) -> tuple[Decimal, Decimal]:
    lines = [b for b in p.budget_lines.all() if b.fiscal_year_be == fy]
    return sum((b.planned for b in lines), Decimal("0")), sum((b.allocated for b in lines), Decimal("0"))


def _sources(p: Project, fy: int) -> str:
    return ", ".join(b.get_source_display() for b in p.budget_lines.all() if b.fiscal_year_be == fy)


def action_plan_xlsx(agency: Any, fy: int, projects: list[Project], plan: AgencyActionPlan | None) -> bytes:
    rows: list[list[Any]] = []
    for strategy, items in _plan_rows(projects, fy):
        rows.append([f"ยุทธศาสตร์ที่ {strategy.number} {strategy.name_th}"])
        for p in items:
            planned, allocated = _budget(p, fy)
            rows.append([
                p.code, p.name_th, p.objectives_th, ", ".join(d.name_th for d in p.districts.all()),
                f"{format_date(p.start_date)} – {format_date(p.end_date)}", _sources(p, fy), float(planned),
                float(allocated), p.officer_name, p.get_status_display(),
            ])
    status = plan.get_status_display() if plan else "ยังไม่ส่ง"
    return build_workbook([Sheet(
        f"แผนปฏิบัติการ {fy}",
        ["รหัสโครงการ", "ชื่อโครงการ", "วัตถุประสงค์", "พื้นที่ดำเนินการ", "ระยะเวลา", "แหล่งงบประมาณ",
         "งบตามแผน (บาท)", "งบจัดสรร (บาท)", "ผู้รับผิดชอบ", "สถานะโครงการ"],
        rows, widths=[20, 50, 50, 24, 28, 24, 16, 16, 24, 16],
        caption=f"แผนปฏิบัติการ {agency.name_th} ปีงบประมาณ พ.ศ. {fy} (สถานะ: {status})",
    )])


def action_plan_pdf(agency: Any, fy: int, projects: list[Project], plan: AgencyActionPlan | None, today: dt.date) -> bytes:
    status = plan.get_status_display() if plan else "ยังไม่ส่ง"
    doc = ThaiPdf(title=f"แผนปฏิบัติการ {agency.name_th}", landscape=True, margins=(15, 15, 15), page_break=15, size=13)
    doc.add_page()
    doc.title_block([f"แผนปฏิบัติการ {agency.name_th}"], subtitle=f"ปีงบประมาณ พ.ศ. {fy} · สถานะ: {status}",
                    issued_on=today)
    total_planned = total_allocated = Decimal("0")
    for strategy, items in _plan_rows(projects, fy):
        doc.heading(f"ยุทธศาสตร์ที่ {strategy.number} {strategy.name_th}", 15)
        rows = []
        for p in items:
            planned, allocated = _budget(p, fy)
            total_planned += planned
            total_allocated += allocated
            rows.append([p.code, p.name_th, ", ".join(d.name_th for d in p.districts.all()) or "–",
                         f"{format_date(p.start_date)} – {format_date(p.end_date)}", _sources(p, fy) or "–",
                         f"{planned:,.2f}", f"{allocated:,.2f}", p.officer_name])
        doc.data_table(["รหัส", "ชื่อโครงการ", "พื้นที่", "ระยะเวลา", "แหล่งงบ", "งบตามแผน", "งบจัดสรร", "ผู้รับผิดชอบ"],
                       rows, [34, 70, 30, 36, 26, 26, 26, 19], align=["L"] * 5 + ["R", "R", "L"], size=11,
                       line_height=11 * 0.55)
    doc.paragraph(f"รวม {len(projects)} โครงการ งบประมาณตามแผน {total_planned:,.2f} บาท "
                  f"ได้รับจัดสรร {total_allocated:,.2f} บาท")
    if plan and plan.review_comment:
        doc.heading("ความเห็นของจังหวัด", 13)
        doc.paragraph(plan.review_comment)
    return doc.output_bytes()


def report_month_text(month: dt.date) -> str:
    return month_label(month, "long")
