"""The executive report as a Thai PDF (monthly, quarterly, annual, end-of-plan evaluation)."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext_noop

from smartprovince.core.pdf import ThaiPdf
from smartprovince.core.thai_calendar import format_date

from .. import status as st
from ..selectors.indicators import IndicatorRow
from ..selectors.overview import Overview
from .data import ReportData, fmt_num

LATE_ROWS = 30  # the PDF is for executives; the XLSX holds every project
STATUS_FILLS = {
    st.ON_TRACK: (220, 250, 230),
    st.AT_RISK: (254, 240, 199),
    st.OFF_TRACK: (254, 228, 226),
}


def _kpi_rows(rows: list[IndicatorRow]) -> tuple[list[list[str]], list[tuple[int, int, int] | None]]:
    out, fills = [], []
    for r in rows:
        ind = r.indicator
        value = fmt_num(r.value) if r.measurement else r.assessment.label_th if r.status == st.NO_SOURCE else "–"
        out.append([
            ind.code, f"{ind.name_th} ({ind.unit_th})", fmt_num(r.annual_target), fmt_num(r.period_target),
            value, fmt_num(r.assessment.achievement), r.assessment.label_th,
        ])
        fills.append(STATUS_FILLS.get(r.status))
    return out, fills


def _kpi_table(pdf: ThaiPdf, rows: list[IndicatorRow]) -> None:
    data, fills = _kpi_rows(rows)
    pdf.data_table(
        ["รหัส", "ตัวชี้วัด", "เป้าหมายทั้งปี", "เป้าหมายตามสัดส่วนเวลา", "ผลการดำเนินงาน", "ร้อยละของเป้าหมาย", "สถานะ"],
        data, [14, 64, 16, 20, 20, 18, 22], align=["L", "L", "R", "R", "R", "R", "L"], fills=fills, fill_column=6,
    )


def _summary(pdf: ThaiPdf, ov: Overview) -> None:
    counts = ov.status_counts
    t = ov.total
    pdf.bullets([
        f"ตัวชี้วัดทั้งหมด {len(ov.indicators)} ตัว เป็นไปตามเป้าหมาย {counts.get(st.ON_TRACK, 0)} ตัว "
        f"มีความเสี่ยง {counts.get(st.AT_RISK, 0)} ตัว ต่ำกว่าเป้าหมาย {counts.get(st.OFF_TRACK, 0)} ตัว "
        f"ยังไม่มีผลการวัดหรือแหล่งข้อมูล {counts.get(st.NO_DATA, 0) + counts.get(st.NO_SOURCE, 0) + counts.get(st.NO_TARGET, 0)} ตัว",
        f"โครงการในปีงบประมาณ {t.projects} โครงการ (ดำเนินการ {t.active} โครงการ) ความก้าวหน้าเฉลี่ยถ่วงน้ำหนักตามงบประมาณ "
        f"ร้อยละ {fmt_num(t.progress)}",
        f"งบประมาณตามแผน {fmt_num(t.planned)} บาท ได้รับจัดสรร {fmt_num(t.allocated)} บาท "
        f"เบิกจ่ายแล้ว {fmt_num(t.disbursed)} บาท คิดเป็นร้อยละ {fmt_num(t.disbursement_rate)}",
        f"รายงานความก้าวหน้ารายเดือนที่ถึงกำหนด {t.reports_due} ฉบับ ส่งตรงเวลา {t.reports_on_time} ฉบับ "
        f"(ร้อยละ {fmt_num(t.on_time_rate)})",
        f"โครงการล่าช้าหรือมีความเสี่ยง {len(ov.late_projects)} โครงการ",
    ])


def _projects(pdf: ThaiPdf, ov: Overview) -> None:
    pdf.heading("สถานะโครงการ", 13)
    pdf.data_table(
        ["สถานะ", "จำนวนโครงการ"], [[label, fmt_num(n, 0)] for _, label, n in ov.by_status], [60, 30], align=["L", "R"],
    )
    if ov.late_projects:
        pdf.heading("โครงการที่ล่าช้าหรือมีความเสี่ยง", 13)
        shown = sorted(ov.late_projects, key=lambda f: (f.progress is not None, f.progress or 0, f.code))[:LATE_ROWS]
        pdf.data_table(
            ["รหัส", "โครงการ", "หน่วยงาน", "ความก้าวหน้า (%)", "สิ้นสุดโครงการ"],
            [[f.code, f.name_th, f.agency_name, fmt_num(f.progress), format_date(f.end_date)] for f in shown],
            [26, 66, 42, 20, 20], align=["L", "L", "L", "R", "L"],
        )
        if len(ov.late_projects) > len(shown):
            pdf.paragraph(
                f"แสดง {len(shown)} โครงการที่ความก้าวหน้าต่ำสุด จากทั้งหมด {len(ov.late_projects)} โครงการ "
                "รายการทั้งหมดอยู่ในรายงานรูปแบบ Excel (แผ่นงาน “โครงการ”)", 10,
            )


def _budget(pdf: ThaiPdf, ov: Overview) -> None:
    pdf.heading("งบประมาณจำแนกตามยุทธศาสตร์", 13)
    rows = [
        [f"ยุทธศาสตร์ที่ {s.number}", fmt_num(t.active, 0), fmt_num(t.planned), fmt_num(t.allocated), fmt_num(t.disbursed),
         fmt_num(t.disbursement_rate)]
        for s, t in ov.by_strategy
    ]
    t = ov.total
    rows.append(["รวม", fmt_num(t.active, 0), fmt_num(t.planned), fmt_num(t.allocated), fmt_num(t.disbursed),
                 fmt_num(t.disbursement_rate)])
    headers = ["ยุทธศาสตร์", "โครงการ", "ตามแผน (บาท)", "จัดสรร (บาท)", "เบิกจ่าย (บาท)", "ร้อยละเบิกจ่าย"]
    pdf.data_table(headers, rows, [34, 18, 32, 32, 32, 26], align=["L", "R", "R", "R", "R", "R"])
    pdf.heading("งบประมาณและการรายงานจำแนกตามหน่วยงาน", 13)
    pdf.data_table(
        ["หน่วยงาน", "โครงการ", "จัดสรร (บาท)", "เบิกจ่าย (บาท)", "ร้อยละเบิกจ่าย", "ส่งรายงานตรงเวลา (%)"],
        [[name, fmt_num(t.active, 0), fmt_num(t.allocated), fmt_num(t.disbursed), fmt_num(t.disbursement_rate),
          fmt_num(t.on_time_rate)] for _, name, t in ov.by_agency],
        [58, 16, 30, 30, 20, 20], align=["L", "R", "R", "R", "R", "R"],
    )


def _problems(pdf: ThaiPdf, data: ReportData) -> None:
    pdf.heading("ปัญหา อุปสรรค และข้อเสนอแนะ", 14)
    if data.findings:
        pdf.heading("จากการตรวจติดตาม", 13)
        pdf.data_table(
            ["รอบ/หน่วยงาน", "ผลการตรวจติดตาม", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ", "สถานะการติดตาม"],
            [[f"{f.round_label} {f.agency.name_th}", f.findings_th, " ".join(x for x in (f.problems_th, f.obstacles_th) if x),
              f.recommendations_th, f.get_follow_up_status_display()] for f in data.findings],
            [34, 44, 38, 36, 22],
        )
    if data.project_problems:
        pdf.heading("จากรายงานความก้าวหน้าโครงการ", 13)
        pdf.data_table(
            ["โครงการ", "หน่วยงาน", "เดือน", "ปัญหาอุปสรรค", "ความช่วยเหลือที่ต้องการ"],
            [[p["project"], p["agency"], p["month"], p["problems"], p["help"]] for p in data.project_problems],
            [44, 32, 18, 44, 36],
        )
    if not data.findings and not data.project_problems:
        pdf.paragraph("ไม่มีปัญหาอุปสรรคที่รายงานในงวดนี้")


def _actions(pdf: ThaiPdf, data: ReportData) -> None:
    pdf.heading("มาตรการแก้ไข (Act)", 14)
    if not data.actions:
        pdf.paragraph("ยังไม่มีมาตรการแก้ไขที่บันทึกไว้")
        return
    pdf.data_table(
        ["เรื่อง", "ปัญหา", "มาตรการ", "ผู้รับผิดชอบ", "กำหนดเสร็จ", "สถานะ/ผล"],
        [[a.indicator.code if a.indicator else (a.project.code if a.project else ""), a.problem_th, a.action_th,
          a.owner_agency.name_th, format_date(a.due_date), f"{a.get_status_display()} {a.result_th}".strip()]
         for a in data.actions],
        [18, 38, 42, 30, 18, 28],
    )


def _final_matrix(pdf: ThaiPdf, data: ReportData) -> None:
    years = data.years
    pdf.heading("ผลการดำเนินงานตามตัวชี้วัดตลอดระยะเวลาของแผน", 14)
    headers = ["รหัส", "ตัวชี้วัด"] + [f"ปี {ov.period.fiscal_year_be} เป้า/ผล" for ov in years] + ["สถานะปีสุดท้าย"]
    rows = []
    for i, r in enumerate(years[-1].indicators):
        cells = [r.indicator.code, r.indicator.name_th]
        for ov in years:
            yr = ov.indicators[i]
            cells.append(f"{fmt_num(yr.annual_target)} / {fmt_num(yr.value) if yr.measurement else '–'}")
        cells.append(r.assessment.label_th)
        rows.append(cells)
    width = (174 - 14 - 56 - 26) / max(len(years), 1)
    pdf.data_table(headers, rows, [14, 56, *[width] * len(years), 26])
    pdf.heading("โครงการและงบประมาณรายปี", 14)
    pdf.data_table(
        ["ปีงบประมาณ", "โครงการ", "จัดสรร (บาท)", "เบิกจ่าย (บาท)", "ร้อยละเบิกจ่าย", "ความก้าวหน้าเฉลี่ย (%)"],
        [[str(ov.period.fiscal_year_be), fmt_num(ov.total.active, 0), fmt_num(ov.total.allocated), fmt_num(ov.total.disbursed),
          fmt_num(ov.total.disbursement_rate), fmt_num(ov.total.progress)] for ov in years],
        [24, 20, 36, 36, 28, 30], align=["L", "R", "R", "R", "R", "R"],
    )


def build_pdf(data: ReportData, progress: Callable[[float, str], None] | None = None) -> bytes:
    def step(percent: float, message: str = "") -> None:
        if progress is not None:
            progress(percent, message)

    pdf = ThaiPdf(title=" ".join(data.title_lines), footer_text=" ".join(data.title_lines[:1] + data.title_lines[2:]))
    pdf.add_page()
    pdf.title_block(data.title_lines)
    pdf.paragraph(f"{data.as_of_label}    จัดทำเมื่อ{format_date(data.generated_on, 'formal')}")
    pdf.heading("1. สรุปผลการดำเนินงาน", 14)
    _summary(pdf, data.main)
    step(40, gettext_noop("กำลังจัดทำตารางตัวชี้วัด"))
    if data.kind == "final":
        _final_matrix(pdf, data)
    pdf.heading("2. ผลการดำเนินงานตามตัวชี้วัด (เทียบค่าเป้าหมาย)", 14)
    for label, rows in (
        ("ตัวชี้วัดเป้าหมายการพัฒนา", data.main.goals),
        ("ตัวชี้วัดยุทธศาสตร์", data.main.strategy_kpis),
        ("ตัวชี้วัดการพัฒนาจังหวัด", data.main.province_kpis),
    ):
        if rows:
            pdf.heading(label, 13)
            _kpi_table(pdf, rows)
    pdf.paragraph(
        f"เกณฑ์สถานะ: เป็นไปตามเป้าหมายเมื่อผลไม่น้อยกว่าร้อยละ {fmt_num(data.main.thresholds.on_track)} "
        f"ของเป้าหมายตามสัดส่วนเวลา มีความเสี่ยงเมื่อไม่น้อยกว่าร้อยละ {fmt_num(data.main.thresholds.at_risk)}", 10,
    )
    step(60, gettext_noop("กำลังจัดทำสรุปโครงการและงบประมาณ"))
    pdf.heading("3. ความก้าวหน้าโครงการ", 14)
    _projects(pdf, data.main)
    pdf.heading("4. งบประมาณ", 14)
    _budget(pdf, data.main)
    step(80, gettext_noop("กำลังจัดทำปัญหาและมาตรการแก้ไข"))
    _problems(pdf, data)
    _actions(pdf, data)
    return pdf.output_bytes()
