"""Error codes of the projects app (typed for machines) and their Thai messages (for people)."""

from __future__ import annotations

from enum import StrEnum


class ProjectErrorCode(StrEnum):
    STRATEGY_OUTSIDE_PLAN = "strategy_outside_plan"
    DATES_ORDER = "dates_order"
    STATUS_TRANSITION = "status_transition"
    SUBDISTRICT_LEVEL = "subdistrict_level"
    BUDGET_YEAR_OUTSIDE = "budget_year_outside"
    BUDGET_DUPLICATE = "budget_duplicate"
    REPORT_MONTH_OUTSIDE = "report_month_outside"
    REPORT_MONTH_FUTURE = "report_month_future"
    REPORT_DUPLICATE = "report_duplicate"
    REPORT_NOT_EDITABLE = "report_not_editable"
    REPORT_NOT_REPORTING = "report_not_reporting"
    PROGRESS_DECREASE = "progress_decrease"
    OVER_DISBURSEMENT = "over_disbursement"
    DONE_NOT_100 = "done_not_100"
    WORK_DONE_REQUIRED = "work_done_required"
    COMMENT_REQUIRED = "comment_required"
    NOT_SUBMITTED = "not_submitted"
    PLAN_EMPTY = "plan_empty"
    PLAN_STATE = "plan_state"


MESSAGES_TH: dict[ProjectErrorCode, str] = {
    ProjectErrorCode.STRATEGY_OUTSIDE_PLAN: "ยุทธศาสตร์ที่เลือกอยู่ในแผนที่ไม่ครอบคลุมปีงบประมาณ {fy} ของโครงการ",
    ProjectErrorCode.DATES_ORDER: "วันสิ้นสุดโครงการต้องไม่ก่อนวันเริ่มโครงการ",
    ProjectErrorCode.STATUS_TRANSITION: "เปลี่ยนสถานะโครงการจาก “{old}” เป็น “{new}” ไม่ได้",
    ProjectErrorCode.SUBDISTRICT_LEVEL: "พื้นที่ที่เลือกไม่ใช่ตำบล/อำเภอของจังหวัด",
    ProjectErrorCode.BUDGET_YEAR_OUTSIDE: "ปีงบประมาณ {fy} อยู่นอกช่วงเวลาของโครงการ ({start}–{end})",
    ProjectErrorCode.BUDGET_DUPLICATE: "มีรายการงบประมาณจากแหล่ง “{source}” ปีงบประมาณ {fy} อยู่แล้ว ให้แก้ไขรายการเดิม",
    ProjectErrorCode.REPORT_MONTH_OUTSIDE: "เดือน {month} อยู่นอกช่วงเวลาของโครงการ",
    ProjectErrorCode.REPORT_MONTH_FUTURE: "ยังรายงานเดือน {month} ไม่ได้ เพราะยังไม่ถึงเดือนดังกล่าว",
    ProjectErrorCode.REPORT_DUPLICATE: "มีรายงานเดือน {month} ของโครงการนี้อยู่แล้ว",
    ProjectErrorCode.REPORT_NOT_EDITABLE: "รายงานนี้ส่งแล้ว แก้ไขได้เมื่อจังหวัดส่งกลับให้แก้ไขเท่านั้น",
    ProjectErrorCode.REPORT_NOT_REPORTING: "โครงการสถานะ “{status}” ยังไม่ต้องรายงานความก้าวหน้า",
    ProjectErrorCode.PROGRESS_DECREASE: "ความก้าวหน้าลดลงจาก {prev}% (รายงานเดือน {month}) กรุณาระบุเหตุผลที่ลดลง",
    ProjectErrorCode.OVER_DISBURSEMENT: "ผลการเบิกจ่ายสะสม {disbursed} บาท เกินงบที่ได้รับจัดสรรปีงบประมาณ {fy} ({allocated} บาท) กรุณาระบุเหตุผล",
    ProjectErrorCode.DONE_NOT_100: "สถานะ “แล้วเสร็จ” ต้องมีความก้าวหน้า 100%",
    ProjectErrorCode.WORK_DONE_REQUIRED: "กรุณาระบุผลการดำเนินงานในเดือนนี้ก่อนส่งรายงาน",
    ProjectErrorCode.COMMENT_REQUIRED: "กรุณาระบุความเห็นหรือสิ่งที่ต้องแก้ไข",
    ProjectErrorCode.NOT_SUBMITTED: "รายงานนี้ไม่ได้อยู่ในสถานะรอตรวจ",
    ProjectErrorCode.PLAN_EMPTY: "ยังไม่มีโครงการของหน่วยงานในปีงบประมาณ {fy} จึงส่งแผนปฏิบัติการไม่ได้",
    ProjectErrorCode.PLAN_STATE: "แผนปฏิบัติการอยู่ในสถานะ “{status}” ดำเนินการนี้ไม่ได้",
}


def message(code: ProjectErrorCode, **kwargs: object) -> str:
    return MESSAGES_TH[code].format(**kwargs)
