"""Error codes of the projects app (typed for machines) and their messages (for people).

The messages are Thai msgids translated lazily; ``message()`` translates into the active
language first and fills the placeholders after, so English and Thai share the same ``{names}``."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise


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


MESSAGES: dict[ProjectErrorCode, _StrPromise] = {
    ProjectErrorCode.STRATEGY_OUTSIDE_PLAN: _("ยุทธศาสตร์ที่เลือกอยู่ในแผนที่ไม่ครอบคลุมปีงบประมาณ {fy} ของโครงการ"),
    ProjectErrorCode.DATES_ORDER: _("วันสิ้นสุดโครงการต้องไม่ก่อนวันเริ่มโครงการ"),
    ProjectErrorCode.STATUS_TRANSITION: _("เปลี่ยนสถานะโครงการจาก “{old}” เป็น “{new}” ไม่ได้"),
    ProjectErrorCode.SUBDISTRICT_LEVEL: _("พื้นที่ที่เลือกไม่ใช่ตำบล/อำเภอของจังหวัด"),
    ProjectErrorCode.BUDGET_YEAR_OUTSIDE: _("ปีงบประมาณ {fy} อยู่นอกช่วงเวลาของโครงการ ({start}–{end})"),
    ProjectErrorCode.BUDGET_DUPLICATE: _("มีรายการงบประมาณจากแหล่ง “{source}” ปีงบประมาณ {fy} อยู่แล้ว ให้แก้ไขรายการเดิม"),
    ProjectErrorCode.REPORT_MONTH_OUTSIDE: _("เดือน {month} อยู่นอกช่วงเวลาของโครงการ"),
    ProjectErrorCode.REPORT_MONTH_FUTURE: _("ยังรายงานเดือน {month} ไม่ได้ เพราะยังไม่ถึงเดือนดังกล่าว"),
    ProjectErrorCode.REPORT_DUPLICATE: _("มีรายงานเดือน {month} ของโครงการนี้อยู่แล้ว"),
    ProjectErrorCode.REPORT_NOT_EDITABLE: _("รายงานนี้ส่งแล้ว แก้ไขได้เมื่อจังหวัดส่งกลับให้แก้ไขเท่านั้น"),
    ProjectErrorCode.REPORT_NOT_REPORTING: _("โครงการสถานะ “{status}” ยังไม่ต้องรายงานความก้าวหน้า"),
    ProjectErrorCode.PROGRESS_DECREASE: _("ความก้าวหน้าลดลงจาก {prev}% (รายงานเดือน {month}) กรุณาระบุเหตุผลที่ลดลง"),
    ProjectErrorCode.OVER_DISBURSEMENT: _("ผลการเบิกจ่ายสะสม {disbursed} บาท เกินงบที่ได้รับจัดสรรปีงบประมาณ {fy} ({allocated} บาท) กรุณาระบุเหตุผล"),
    ProjectErrorCode.DONE_NOT_100: _("สถานะ “แล้วเสร็จ” ต้องมีความก้าวหน้า 100%"),
    ProjectErrorCode.WORK_DONE_REQUIRED: _("กรุณาระบุผลการดำเนินงานในเดือนนี้ก่อนส่งรายงาน"),
    ProjectErrorCode.COMMENT_REQUIRED: _("กรุณาระบุความเห็นหรือสิ่งที่ต้องแก้ไข"),
    ProjectErrorCode.NOT_SUBMITTED: _("รายงานนี้ไม่ได้อยู่ในสถานะรอตรวจ"),
    ProjectErrorCode.PLAN_EMPTY: _("ยังไม่มีโครงการของหน่วยงานในปีงบประมาณ {fy} จึงส่งแผนปฏิบัติการไม่ได้"),
    ProjectErrorCode.PLAN_STATE: _("แผนปฏิบัติการอยู่ในสถานะ “{status}” ดำเนินการนี้ไม่ได้"),
}


def message(code: ProjectErrorCode, **kwargs: object) -> str:
    return str(MESSAGES[code]).format(**kwargs)
